import { createHash } from 'node:crypto';
import { AppError, CLOCK } from '@app/application';
import { APP_CONFIG, type AppConfig } from '@app/config';
import type { Clock } from '@app/domain';
import { type CanActivate, type ExecutionContext, Inject, Injectable, Logger, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { THROTTLE_STORE, type ThrottleStore } from './throttle-store.js';

const RATE_LIMIT = 'grassroots:rate-limit';

/** The named limits (numbers in AppConfig.throttle): `login` per client address, `public` for citizens' routes. */
export type RateLimitName = 'login' | 'public';

/** Puts a route (or a controller) under one named limit; routes without it are not rate-limited. */
export const RateLimit = (name: RateLimitName) => SetMetadata(RATE_LIMIT, name);

export function tooManyRequests(retryAfterSeconds: number, messageKey: 'error.too_many_requests' | 'error.login_locked', retryAt: Date): AppError {
  return new AppError('too-many-requests', messageKey, { seconds: retryAfterSeconds, retryAt: vietnamTime(retryAt) }, { retryAfter: retryAfterSeconds });
}

/** "HH:mm dd/MM/yyyy" in Vietnam time (UTC+7 all year), the way an officer reads a time. */
function vietnamTime(at: Date): string {
  const iso = new Date(at.getTime() + 7 * 3600_000).toISOString();
  return `${iso.slice(11, 16)} ${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

interface Limit {
  readonly limit: number;
  readonly ttlMs: number;
  readonly blockMs: number;
}

/**
 * Per-address rate limits, counted in the ThrottleStore so every API process shares them.
 *
 * Why not @nestjs/throttler's guard: 6.7 (the latest) is CommonJS and requires the ESM-only @nestjs/common 12.
 * Node 22 loads that, but Jest on Node 22 cannot (require of ESM needs Node 24.9 there), so none of it could be
 * tested. The guard is small; the store keeps that package's storage contract, so switching back is easy.
 *
 * The client address is `req.ip`, which honours TRUST_PROXY. All routes of one limit share one count per
 * address (tracking and feedback together), so enumeration cannot be spread over routes.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly log = new Logger('RateLimit');
  private readonly limits: Record<RateLimitName, Limit>;

  constructor(
    private readonly reflector: Reflector,
    @Inject(THROTTLE_STORE) private readonly store: ThrottleStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const { login, public: pub } = config.throttle;
    this.limits = {
      login: { limit: login.addressLimit, ttlMs: login.addressWindowSeconds * 1000, blockMs: login.addressWindowSeconds * 1000 },
      public: { limit: pub.limit, ttlMs: pub.windowSeconds * 1000, blockMs: pub.windowSeconds * 1000 },
    };
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const name = this.reflector.getAllAndOverride<RateLimitName | undefined>(RATE_LIMIT, [context.getHandler(), context.getClass()]);
    if (!name) return true;
    const req = context.switchToHttp().getRequest<Request>();
    const { limit, ttlMs, blockMs } = this.limits[name];
    // Addresses are personal data: the store only ever sees a hash of them.
    const key = `${name}:${createHash('sha256').update(req.ip ?? req.socket.remoteAddress ?? 'unknown').digest('base64url')}`;
    let record;
    try {
      record = await this.store.increment(key, ttlMs, limit, blockMs);
    } catch (e) {
      // The store is unreachable (Redis down): serve the request rather than lock every citizen out.
      this.log.warn(`rate limit not applied (${name}): ${e instanceof Error ? e.message : String(e)}`);
      return true;
    }
    if (record.isBlocked) {
      const seconds = Math.max(record.timeToBlockExpire, 1);
      throw tooManyRequests(seconds, 'error.too_many_requests', new Date(this.clock.now().getTime() + seconds * 1000));
    }
    return true;
  }
}

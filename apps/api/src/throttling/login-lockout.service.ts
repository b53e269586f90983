import { createHash } from 'node:crypto';
import { CLOCK } from '@app/application';
import { APP_CONFIG, type AppConfig } from '@app/config';
import type { Clock } from '@app/domain';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { tooManyRequests } from './rate-limit.guard.js';
import { type FailurePolicy, THROTTLE_STORE, type ThrottleStore } from './throttle-store.js';

/**
 * Per-account login backoff: LOGIN_MAX_FAILURES failures within the window lock the account's logins for
 * LOGIN_LOCKOUT_SECONDS, doubled on each further lockout up to LOGIN_LOCKOUT_MAX_SECONDS; a successful login
 * clears it. Counts across every client address (the per-address limit is RateLimitGuard's `login`).
 */
@Injectable()
export class LoginLockout {
  private readonly log = new Logger('LoginLockout');
  private readonly policy: FailurePolicy;

  constructor(
    @Inject(THROTTLE_STORE) private readonly store: ThrottleStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const l = config.throttle.login;
    this.policy = {
      windowMs: l.failureWindowSeconds * 1000,
      maxFailures: l.maxFailures,
      baseLockoutMs: l.lockoutSeconds * 1000,
      maxLockoutMs: l.lockoutMaxSeconds * 1000,
    };
  }

  /** Usernames match case-insensitively at login, so the counter does too; the store sees a hash only. */
  private key(username: string): string {
    return `login-account:${createHash('sha256').update(username.trim().toLowerCase()).digest('base64url')}`;
  }

  /** Throws the 429 lockout problem while the account is locked, whatever the password. */
  async assertNotLocked(username: string): Promise<void> {
    const ms = await this.guarded(() => this.store.lockedFor(this.key(username)), 0);
    if (ms > 0) this.refuse(ms);
  }

  /** Counts a failed login; the failure that reaches the limit still answers as a failure, later ones are refused. */
  async recordFailure(username: string): Promise<void> {
    await this.guarded(() => this.store.recordFailure(this.key(username), this.policy), null);
  }

  async recordSuccess(username: string): Promise<void> {
    await this.guarded(() => this.store.clear(this.key(username)), undefined);
  }

  private refuse(ms: number): never {
    const seconds = Math.ceil(ms / 1000);
    throw tooManyRequests(seconds, 'error.login_locked', new Date(this.clock.now().getTime() + seconds * 1000));
  }

  /** A store outage must not stop every login: log it and carry on without the lockout. */
  private async guarded<T>(op: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await op();
    } catch (e) {
      this.log.warn(`login lockout not applied: ${e instanceof Error ? e.message : String(e)}`);
      return fallback;
    }
  }
}

import { describe, expect, it } from '@jest/globals';
import { AppError } from '@app/application';
import { loadConfig } from '@app/config';
import { ManualClock } from '@app/domain';
import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { LoginLockout } from './login-lockout.service.js';
import { MemoryThrottleStore } from './memory-throttle-store.js';
import { RateLimit, RateLimitGuard } from './rate-limit.guard.js';
import type { ThrottleStore } from './throttle-store.js';

class Routes {
  @RateLimit('public') track() {}
  open() {}
}

const contextFor = (handler: 'track' | 'open', ip = '203.0.113.7'): ExecutionContext =>
  ({
    getHandler: () => Routes.prototype[handler],
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => ({ ip, socket: {} }) }),
  }) as unknown as ExecutionContext;

const config = loadConfig({ NODE_ENV: 'test', PUBLIC_RATE_LIMIT: '2', PUBLIC_RATE_WINDOW_SECONDS: '60' });
const broken: ThrottleStore = {
  increment: () => Promise.reject(new Error('Redis is down')),
  recordFailure: () => Promise.reject(new Error('Redis is down')),
  lockedFor: () => Promise.reject(new Error('Redis is down')),
  clear: () => Promise.reject(new Error('Redis is down')),
};

describe('RateLimitGuard', () => {
  it('limits only routes marked with @RateLimit, per address, with the seconds to wait', async () => {
    const clock = new ManualClock();
    const guard = new RateLimitGuard(new Reflector(), new MemoryThrottleStore(clock), clock, config);
    await expect(guard.canActivate(contextFor('track'))).resolves.toBe(true);
    await expect(guard.canActivate(contextFor('track'))).resolves.toBe(true);
    const refused = await guard.canActivate(contextFor('track')).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ kind: 'too-many-requests', messageKey: 'error.too_many_requests', extensions: { retryAfter: 60 } });
    await expect(guard.canActivate(contextFor('track', '203.0.113.8'))).resolves.toBe(true);
    for (let i = 0; i < 5; i += 1) await expect(guard.canActivate(contextFor('open'))).resolves.toBe(true);
  });

  it('lets requests through when the store is unreachable (a Redis outage must not lock citizens out)', async () => {
    const guard = new RateLimitGuard(new Reflector(), broken, new ManualClock(), config);
    for (let i = 0; i < 5; i += 1) await expect(guard.canActivate(contextFor('track'))).resolves.toBe(true);
  });
});

describe('LoginLockout', () => {
  it('carries on without the lockout when the store is unreachable', async () => {
    const lockout = new LoginLockout(broken, new ManualClock(), config);
    await expect(lockout.assertNotLocked('desk')).resolves.toBeUndefined();
    await expect(lockout.recordFailure('desk')).resolves.toBeUndefined();
    await expect(lockout.recordSuccess('desk')).resolves.toBeUndefined();
  });
});

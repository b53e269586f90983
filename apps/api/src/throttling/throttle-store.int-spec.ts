import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from '@jest/globals';
import { loadConfig } from '@app/config';
import { ManualClock } from '@app/domain';
import { MemoryThrottleStore } from './memory-throttle-store.js';
import { RedisThrottleStore } from './redis-throttle-store.js';
import type { FailurePolicy, ThrottleStore } from './throttle-store.js';

/** One contract, two stores: Redis (shared by API processes) and memory (PostgreSQL-queue mode). */
const redisStores: RedisThrottleStore[] = [];
afterAll(async () => {
  for (const s of redisStores) await s.onModuleDestroy();
});

const makers: [string, (clock: ManualClock) => ThrottleStore][] = [
  ['memory', (clock) => new MemoryThrottleStore(clock)],
  [
    'redis',
    (clock) => {
      const config = loadConfig({
        NODE_ENV: 'test',
        REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
        QUEUE_PREFIX: `gr-test-throttle-${randomBytes(4).toString('hex')}`,
      });
      const store = new RedisThrottleStore(config, clock);
      redisStores.push(store);
      return store;
    },
  ],
];

const policy: FailurePolicy = { windowMs: 60_000, maxFailures: 3, baseLockoutMs: 10_000, maxLockoutMs: 35_000 };

describe.each(makers)('%s throttle store', (_name, make) => {
  it('counts in a fixed window, blocks past the limit for blockDuration, then starts afresh', async () => {
    const clock = new ManualClock();
    const store = make(clock);
    for (let i = 1; i <= 3; i += 1) expect(await store.increment('k', 60_000, 3, 30_000)).toMatchObject({ totalHits: i, isBlocked: false });
    const over = await store.increment('k', 60_000, 3, 30_000);
    expect(over).toMatchObject({ isBlocked: true, timeToBlockExpire: 30 });
    clock.advanceMs(12_500);
    expect(await store.increment('k', 60_000, 3, 30_000)).toMatchObject({ isBlocked: true, timeToBlockExpire: 18 });
    clock.advanceMs(17_500);
    expect(await store.increment('k', 60_000, 3, 30_000)).toMatchObject({ totalHits: 1, isBlocked: false, timeToExpire: 60 });
    // Keys are independent.
    expect(await store.increment('other', 60_000, 3, 30_000)).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('a window that ends resets the count', async () => {
    const clock = new ManualClock();
    const store = make(clock);
    await store.increment('w', 1000, 2, 1000);
    await store.increment('w', 1000, 2, 1000);
    clock.advanceMs(1000);
    expect(await store.increment('w', 1000, 2, 1000)).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('locks after maxFailures failures, doubles each further lockout up to the cap, and clear() forgets everything', async () => {
    const clock = new ManualClock();
    const store = make(clock);
    const lockouts: number[] = [];
    for (let round = 0; round < 4; round += 1) {
      expect(await store.recordFailure('a', policy)).toMatchObject({ locked: false, failures: 1 });
      expect(await store.recordFailure('a', policy)).toMatchObject({ locked: false, failures: 2 });
      const third = await store.recordFailure('a', policy);
      expect(third).toMatchObject({ locked: true, strikes: round + 1 });
      lockouts.push(third.lockedForMs);
      expect(await store.lockedFor('a')).toBe(third.lockedForMs);
      // While locked, failures do not extend the lockout.
      expect(await store.recordFailure('a', policy)).toMatchObject({ locked: true, lockedForMs: third.lockedForMs });
      clock.advanceMs(third.lockedForMs);
      expect(await store.lockedFor('a')).toBe(0);
    }
    expect(lockouts).toEqual([10_000, 20_000, 35_000, 35_000]);
    await store.clear('a');
    await store.recordFailure('a', policy);
    await store.recordFailure('a', policy);
    expect(await store.recordFailure('a', policy)).toMatchObject({ locked: true, strikes: 1, lockedForMs: 10_000 });
  });

  it('failures spread wider than the window never lock; strikes are forgotten after a quiet period', async () => {
    const clock = new ManualClock();
    const store = make(clock);
    for (let i = 0; i < 6; i += 1) {
      expect((await store.recordFailure('b', policy)).locked).toBe(false);
      clock.advanceMs(policy.windowMs / 2);
      expect((await store.recordFailure('b', policy)).locked).toBe(false);
      clock.advanceMs(policy.windowMs);
    }
    for (let i = 0; i < 3; i += 1) await store.recordFailure('c', policy);
    clock.advanceMs(10_000 + policy.maxLockoutMs);
    for (let i = 0; i < 2; i += 1) await store.recordFailure('c', policy);
    expect(await store.recordFailure('c', policy)).toMatchObject({ locked: true, strikes: 1, lockedForMs: 10_000 });
  });
});

describe('redis throttle store across processes', () => {
  it('two stores on one prefix (two API processes) count atomically together', async () => {
    const clock = new ManualClock();
    const config = loadConfig({
      NODE_ENV: 'test',
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: `gr-test-throttle-${randomBytes(4).toString('hex')}`,
    });
    const a = new RedisThrottleStore(config, clock);
    const b = new RedisThrottleStore(config, clock);
    redisStores.push(a, b);
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).increment('shared', 60_000, 1000, 0)));
    expect(results.map((r) => r.totalHits).sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const failures = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).recordFailure('acct', policy)));
    // Exactly one of the concurrent failures reaches the limit and starts the lockout.
    expect(failures.filter((f) => f.locked && f.strikes === 1 && f.failures === 0).length).toBeGreaterThanOrEqual(1);
    expect(await a.lockedFor('acct')).toBe(10_000);
  });
});

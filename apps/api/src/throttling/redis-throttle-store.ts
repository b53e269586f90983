import type { AppConfig } from '@app/config';
import type { Clock } from '@app/domain';
import { redisOptionsFromUrl } from '@app/queue';
import type { OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { FailurePolicy, FailureRecord, ThrottlerStorageRecord, ThrottleStore } from './throttle-store.js';

/*
 * Why our own storage instead of @nest-lab/throttler-storage-redis: its peer range stops at @nestjs 11 (we are on
 * 12), and it reads time from Redis, which tests cannot move. Each operation is one Lua script, so concurrent
 * API processes never lose an update (Redis runs a script atomically); time is passed in from the
 * application clock; PEXPIRE only collects keys once they are certainly stale (one second after the latest
 * deadline they hold).
 */

// KEYS[1] hash; ARGV: now, ttl, limit, blockDuration (ms). Returns hits, msToWindowEnd, blocked, msToBlockEnd.
const INCREMENT = `
local now = tonumber(ARGV[1]); local ttl = tonumber(ARGV[2]); local limit = tonumber(ARGV[3]); local block = tonumber(ARGV[4])
local h = redis.call('HMGET', KEYS[1], 'hits', 'windowEnd', 'blockedUntil')
local hits = tonumber(h[1]) or 0; local windowEnd = tonumber(h[2]) or 0; local blockedUntil = tonumber(h[3]) or 0
if blockedUntil > now then return {hits, windowEnd - now, 1, blockedUntil - now} end
if windowEnd <= now then hits = 0; windowEnd = now + ttl end
hits = hits + 1
local blocked = 0
if hits > limit then
  blocked = 1
  if block > 0 then blockedUntil = now + block else blockedUntil = windowEnd end
  windowEnd = blockedUntil
end
redis.call('HSET', KEYS[1], 'hits', hits, 'windowEnd', windowEnd, 'blockedUntil', blockedUntil)
redis.call('PEXPIRE', KEYS[1], math.max(windowEnd, blockedUntil) - now + 1000)
local left = 0
if blocked == 1 then left = blockedUntil - now end
return {hits, windowEnd - now, blocked, left}
`;

// KEYS[1] hash; ARGV: now, window, maxFailures, baseLockout, maxLockout (ms). Returns locked, msLocked, failures, strikes.
const FAILURE = `
local now = tonumber(ARGV[1]); local window = tonumber(ARGV[2]); local maxFailures = tonumber(ARGV[3])
local base = tonumber(ARGV[4]); local maxLock = tonumber(ARGV[5])
local h = redis.call('HMGET', KEYS[1], 'failures', 'windowEnd', 'blockedUntil', 'strikes', 'strikesUntil')
local failures = tonumber(h[1]) or 0; local windowEnd = tonumber(h[2]) or 0; local blockedUntil = tonumber(h[3]) or 0
local strikes = tonumber(h[4]) or 0; local strikesUntil = tonumber(h[5]) or 0
if blockedUntil > now then return {1, blockedUntil - now, failures, strikes} end
if strikesUntil <= now then strikes = 0 end
if windowEnd <= now then failures = 0; windowEnd = now + window end
failures = failures + 1
local locked = 0
if failures >= maxFailures then
  locked = 1
  strikes = strikes + 1
  blockedUntil = now + math.min(base * (2 ^ math.min(strikes - 1, 30)), maxLock)
  failures = 0; windowEnd = 0
end
strikesUntil = math.max(blockedUntil, windowEnd, now) + maxLock
redis.call('HSET', KEYS[1], 'failures', failures, 'windowEnd', windowEnd, 'blockedUntil', blockedUntil, 'strikes', strikes, 'strikesUntil', strikesUntil)
redis.call('PEXPIRE', KEYS[1], strikesUntil - now + 1000)
return {locked, math.max(blockedUntil - now, 0), failures, strikes}
`;

type Script = (key: string, ...args: (string | number)[]) => Promise<number[]>;

/** Counters shared by every API process on the same Redis and queue prefix (tests get their own prefix). */
export class RedisThrottleStore implements ThrottleStore, OnModuleDestroy {
  private readonly redis: Redis;
  private readonly prefix: string;

  constructor(config: AppConfig, private readonly clock: Clock) {
    this.prefix = `${config.queue.prefix}:throttle:`;
    this.redis = new Redis({
      ...redisOptionsFromUrl(config.redisUrl),
      // A request must not hang on a Redis outage: fail fast, and the guard lets the request through.
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      lazyConnect: true,
    });
    this.redis.on('error', () => undefined); // reported per call; the connection retries on its own
    this.redis.defineCommand('grassrootsThrottleIncrement', { numberOfKeys: 1, lua: INCREMENT });
    this.redis.defineCommand('grassrootsThrottleFailure', { numberOfKeys: 1, lua: FAILURE });
  }

  private script(name: 'grassrootsThrottleIncrement' | 'grassrootsThrottleFailure'): Script {
    return (this.redis as unknown as Record<string, Script>)[name]!.bind(this.redis);
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number): Promise<ThrottlerStorageRecord> {
    const now = this.clock.now().getTime();
    const [hits, toWindowEnd, blocked, toBlockEnd] = await this.script('grassrootsThrottleIncrement')(this.prefix + key, now, ttl, limit, blockDuration);
    return { totalHits: hits!, timeToExpire: secs(toWindowEnd!), isBlocked: blocked === 1, timeToBlockExpire: secs(toBlockEnd!) };
  }

  async recordFailure(key: string, policy: FailurePolicy): Promise<FailureRecord> {
    const now = this.clock.now().getTime();
    const [locked, lockedForMs, failures, strikes] = await this.script('grassrootsThrottleFailure')(
      this.prefix + key,
      now,
      policy.windowMs,
      policy.maxFailures,
      policy.baseLockoutMs,
      policy.maxLockoutMs,
    );
    return { locked: locked === 1, lockedForMs: lockedForMs!, failures: failures!, strikes: strikes! };
  }

  async lockedFor(key: string): Promise<number> {
    const until = Number((await this.redis.hget(this.prefix + key, 'blockedUntil')) ?? 0);
    return Math.max(until - this.clock.now().getTime(), 0);
  }

  async clear(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }

  async onModuleDestroy(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

const secs = (ms: number) => Math.max(Math.ceil(ms / 1000), 0);

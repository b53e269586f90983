import type { Clock } from '@app/domain';
import { type FailurePolicy, type FailureRecord, lockoutMs, type ThrottlerStorageRecord, type ThrottleStore } from './throttle-store.js';

interface Entry {
  hits: number;
  windowEnd: number;
  blockedUntil: number;
  failures: number;
  strikes: number;
  strikesUntil: number;
  /** When the entry holds nothing that matters any more. */
  staleAt: number;
}

const SWEEP_ABOVE = 10_000;

/**
 * The same semantics as RedisThrottleStore, for one process: used when the queue runs on PostgreSQL (no Redis
 * to share counts through; several API processes then each count on their own).
 */
export class MemoryThrottleStore implements ThrottleStore {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly clock: Clock) {}

  private entry(key: string, now: number): Entry {
    let e = this.entries.get(key);
    if (e && e.staleAt <= now) e = undefined;
    if (!e) {
      if (this.entries.size >= SWEEP_ABOVE) for (const [k, v] of this.entries) if (v.staleAt <= now) this.entries.delete(k);
      e = { hits: 0, windowEnd: 0, blockedUntil: 0, failures: 0, strikes: 0, strikesUntil: 0, staleAt: 0 };
      this.entries.set(key, e);
    }
    return e;
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number): Promise<ThrottlerStorageRecord> {
    const now = this.clock.now().getTime();
    const e = this.entry(key, now);
    if (e.blockedUntil > now) {
      return { totalHits: e.hits, timeToExpire: secs(e.windowEnd - now), isBlocked: true, timeToBlockExpire: secs(e.blockedUntil - now) };
    }
    if (e.windowEnd <= now) {
      e.hits = 0;
      e.windowEnd = now + ttl;
    }
    e.hits += 1;
    let blocked = false;
    if (e.hits > limit) {
      blocked = true;
      e.blockedUntil = blockDuration > 0 ? now + blockDuration : e.windowEnd;
      e.windowEnd = e.blockedUntil; // a fresh window starts when the block ends
    }
    e.staleAt = Math.max(e.staleAt, e.windowEnd, e.blockedUntil);
    return { totalHits: e.hits, timeToExpire: secs(e.windowEnd - now), isBlocked: blocked, timeToBlockExpire: blocked ? secs(e.blockedUntil - now) : 0 };
  }

  async recordFailure(key: string, policy: FailurePolicy): Promise<FailureRecord> {
    const now = this.clock.now().getTime();
    const e = this.entry(key, now);
    if (e.blockedUntil > now) return { locked: true, lockedForMs: e.blockedUntil - now, failures: e.failures, strikes: e.strikes };
    if (e.strikesUntil <= now) e.strikes = 0;
    if (e.windowEnd <= now) {
      e.failures = 0;
      e.windowEnd = now + policy.windowMs;
    }
    e.failures += 1;
    let locked = false;
    if (e.failures >= policy.maxFailures) {
      locked = true;
      e.strikes += 1;
      e.blockedUntil = now + lockoutMs(policy, e.strikes);
      e.failures = 0;
      e.windowEnd = 0;
    }
    e.strikesUntil = Math.max(e.blockedUntil, e.windowEnd, now) + policy.maxLockoutMs;
    e.staleAt = e.strikesUntil;
    return { locked, lockedForMs: Math.max(e.blockedUntil - now, 0), failures: e.failures, strikes: e.strikes };
  }

  async lockedFor(key: string): Promise<number> {
    const now = this.clock.now().getTime();
    const e = this.entries.get(key);
    return e && e.blockedUntil > now ? e.blockedUntil - now : 0;
  }

  async clear(key: string): Promise<void> {
    this.entries.delete(key);
  }
}

const secs = (ms: number) => Math.max(Math.ceil(ms / 1000), 0);

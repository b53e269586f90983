/** Injection token of the process's ThrottleStore (Redis, shared by every API process; or in memory). */
export const THROTTLE_STORE = Symbol('THROTTLE_STORE');

/** One request counted against a limit (the record shape of @nestjs/throttler's storage; times in seconds). */
export interface ThrottlerStorageRecord {
  readonly totalHits: number;
  readonly timeToExpire: number;
  readonly isBlocked: boolean;
  readonly timeToBlockExpire: number;
}

/** Failed-login accounting of one account: how many failures make a lockout, and how long lockouts last. */
export interface FailurePolicy {
  readonly windowMs: number;
  readonly maxFailures: number;
  /** First lockout; each further one doubles, up to `maxLockoutMs`. */
  readonly baseLockoutMs: number;
  readonly maxLockoutMs: number;
}

export interface FailureRecord {
  /** This failure started a lockout (or one was already running). */
  readonly locked: boolean;
  readonly lockedForMs: number;
  readonly failures: number;
  /** Lockouts so far without a success in between (the backoff exponent + 1). */
  readonly strikes: number;
}

/**
 * Counters behind the rate limits. Time comes from the application clock, not the store's, so tests move it;
 * the store's own expiry only collects keys that are certainly stale.
 *
 * `increment` keeps @nestjs/throttler's storage contract (fixed window of `ttl` ms; over the limit → blocked for
 * `blockDuration` ms, after which a fresh window starts). The failure methods implement the login backoff.
 */
export interface ThrottleStore {
  increment(key: string, ttl: number, limit: number, blockDuration: number): Promise<ThrottlerStorageRecord>;
  recordFailure(key: string, policy: FailurePolicy): Promise<FailureRecord>;
  /** Milliseconds until the key's lockout ends; 0 when not locked. */
  lockedFor(key: string): Promise<number>;
  clear(key: string): Promise<void>;
}

/** Lockout length after the `strikes`-th lockout: base · 2^(strikes−1), capped. */
export function lockoutMs(policy: FailurePolicy, strikes: number): number {
  return Math.min(policy.baseLockoutMs * 2 ** Math.min(Math.max(strikes - 1, 0), 30), policy.maxLockoutMs);
}

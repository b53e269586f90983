import type { AppConfig } from '@app/config';
import { createPostgresBackend, setDefaultBackendFactory } from 'bullmq';
import type { ConnectionOptions } from 'bullmq';

/** Parses a redis:// or rediss:// URL into ioredis options (BullMQ takes options, not URLs). */
export function redisOptionsFromUrl(url: string): {
  host: string;
  port: number;
  db: number;
  username?: string;
  password?: string;
  tls?: object;
  maxRetriesPerRequest: null;
} {
  const u = new URL(url);
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw new Error(`REDIS_URL must start with redis:// or rediss:// (got ${u.protocol})`);
  return {
    host: u.hostname || '127.0.0.1',
    port: u.port ? Number(u.port) : 6379,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
    // Required by BullMQ workers: blocking commands must not fail after a fixed number of retries.
    maxRetriesPerRequest: null,
  };
}

/**
 * Selects BullMQ's backend for this process. Must run before any Queue or Worker is created (the factory is
 * process-wide). Calling it with the Redis backend resets a previously installed Postgres factory.
 */
export function installQueueBackend(config: AppConfig): void {
  if (config.queue.backend === 'postgres') setDefaultBackendFactory(createPostgresBackend);
  else setDefaultBackendFactory();
}

/** Connection options for the selected backend. Processors and use cases never see which one it is. */
export function queueConnection(config: AppConfig): ConnectionOptions {
  if (config.queue.backend === 'postgres') {
    // The Postgres backend takes {connectionString, schema, migrate}; BullMQ's public type is Redis-shaped.
    return { connectionString: config.databaseUrl, schema: config.queue.pgSchema, migrate: true } as unknown as ConnectionOptions;
  }
  return redisOptionsFromUrl(config.redisUrl);
}

/**
 * Connection for producers (the outbox relay). Unlike workers, a producer must not queue commands while Redis
 * is down: they would wait inside an open transaction holding outbox row locks. (The relay also bounds each
 * publish with a timeout, since BullMQ waits for a ready connection before sending.)
 */
export function producerConnection(config: AppConfig): ConnectionOptions {
  if (config.queue.backend === 'postgres') return queueConnection(config);
  return { ...redisOptionsFromUrl(config.redisUrl), enableOfflineQueue: false, maxRetriesPerRequest: 1 } as ConnectionOptions;
}

/** Root options for `BullModule.forRoot`. The Redis prefix is ignored by the Postgres backend (it uses a schema). */
export function bullRootOptions(config: AppConfig) {
  return { connection: queueConnection(config), prefix: config.queue.prefix };
}

import type { AppConfig } from '@app/config';
import { Redis } from 'ioredis';
import { redisOptionsFromUrl } from './queue-connection.js';

/**
 * A small Redis client for health checks and start-up checks (not for queue traffic). Fails fast rather
 * than retrying forever, so a health probe answers "down" instead of hanging.
 */
export class RedisProbe {
  private client: Redis | null = null;

  constructor(private readonly config: AppConfig) {}

  private get redis(): Redis {
    this.client ??= new Redis({
      ...redisOptionsFromUrl(this.config.redisUrl),
      lazyConnect: true,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      enableOfflineQueue: true,
      retryStrategy: (times) => (times > 3 ? null : 200),
    });
    return this.client;
  }

  async ping(): Promise<string> {
    return this.redis.ping();
  }

  /** BullMQ loses jobs under any eviction policy other than `noeviction`. */
  async maxmemoryPolicy(): Promise<string | null> {
    const reply = (await this.redis.call('CONFIG', 'GET', 'maxmemory-policy')) as string[];
    return reply[1] ?? null;
  }

  async close(): Promise<void> {
    if (this.client) await this.client.quit().catch(() => this.client?.disconnect());
    this.client = null;
  }
}

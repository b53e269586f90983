import { ApplicationModule, CLOCK } from '@app/application';
import { APP_CONFIG, type AppConfig } from '@app/config';
import type { Clock } from '@app/domain';
import { Module } from '@nestjs/common';
import { LoginLockout } from './login-lockout.service.js';
import { MemoryThrottleStore } from './memory-throttle-store.js';
import { RedisThrottleStore } from './redis-throttle-store.js';
import { THROTTLE_STORE, type ThrottleStore } from './throttle-store.js';

/**
 * Where the counts live: Redis when the queue runs there (so every API process shares them, under the queue
 * prefix), else this process's memory (the PostgreSQL-queue mode has no Redis to share through).
 */
@Module({
  imports: [ApplicationModule],
  providers: [
    {
      provide: THROTTLE_STORE,
      inject: [APP_CONFIG, CLOCK],
      useFactory: (config: AppConfig, clock: Clock): ThrottleStore =>
        config.queue.backend === 'redis' ? new RedisThrottleStore(config, clock) : new MemoryThrottleStore(clock),
    },
    LoginLockout,
  ],
  exports: [THROTTLE_STORE, LoginLockout],
})
export class ThrottlingModule {}

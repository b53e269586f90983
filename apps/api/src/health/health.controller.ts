import { APP_CONFIG, type AppConfig } from '@app/config';
import { RedisProbe } from '@app/queue';
import { Controller, Get, Inject, type OnApplicationShutdown } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../auth/auth.guard.js';

/** Liveness and readiness: the database, and Redis when it carries the queues. */
@ApiTags('health')
@Controller('health')
export class HealthController implements OnApplicationShutdown {
  private readonly redis: RedisProbe;

  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.redis = new RedisProbe(config);
  }

  @Public()
  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.db.pingCheck('database', { timeout: 2000 }),
      async () => {
        const session = this.indicators.check('queue');
        if (this.config.queue.backend === 'postgres') return session.up({ backend: 'postgres' });
        try {
          await this.redis.ping();
          return session.up({ backend: 'redis' });
        } catch (e) {
          return session.down({ backend: 'redis', message: e instanceof Error ? e.message : String(e) });
        }
      },
    ]);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.close();
  }
}

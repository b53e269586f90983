import { ApplicationModule } from '@app/application';
import { type AppConfig, ConfigModule, type LogStream, pinoHttpOptions, withLogStream } from '@app/config';
import { dataSourceOptions } from '@app/persistence';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AuthController } from './auth/auth.controller.js';
import { AuthGuard } from './auth/auth.guard.js';
import { jwtModuleOptions } from './auth/jwt-options.js';
import { RateLimitGuard } from './throttling/rate-limit.guard.js';
import { ThrottlingModule } from './throttling/throttling.module.js';
import { HealthController } from './health/health.controller.js';
import { NotificationHub } from './notifications/notification-hub.service.js';
import { NOTIFICATION_STREAM_PATH, NotificationsController } from './notifications/notifications.controller.js';
import { PetitionsController } from './petitions/petitions.controller.js';
import { TestClockController } from './test-clock/test-clock.controller.js';
import { TrackingController } from './tracking/tracking.controller.js';
import { UnitsController } from './units/units.controller.js';
import { UsersController } from './users/users.controller.js';
import { BoardController } from './board/board.controller.js';
import { PetitionDeadlinesController } from './deadlines/petition-deadlines.controller.js';
import { DeadlinePoliciesController } from './deadlines/deadline-policies.controller.js';
import { CalendarController } from './deadlines/calendar.controller.js';
import { DIALOGUE_CONTROLLERS } from './dialogues/index.js';
import { RECEPTION_CONTROLLERS } from './reception/index.js';
import { SATISFACTION_CONTROLLERS } from './satisfaction/index.js';
import { GROUPING_CONTROLLERS } from './grouping/index.js';

/** HTTP only: controllers call use cases; nothing here touches a queue. */
@Module({})
export class ApiModule {
  /** `logStream`: where log lines go instead of stdout (tests read them). */
  static forRoot(config: AppConfig, opts: { logStream?: LogStream } = {}): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({ pinoHttp: withLogStream(pinoHttpOptions(config, { ignorePaths: ['/health', NOTIFICATION_STREAM_PATH] }), opts.logStream) }),
        TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl, { applicationName: 'grassroots-api' })),
        JwtModule.register(jwtModuleOptions(config)),
        TerminusModule.forRoot({ logger: false }),
        ApplicationModule,
        ThrottlingModule,
      ],
      controllers: [
        // Grouping first (issue 4): its POST petitions/:id/actions/return-to-commune must be matched before the
        // generic petitions/:id/actions/:action route, which answers 404 for actions outside the workflow table.
        ...GROUPING_CONTROLLERS,
        AuthController,
        PetitionsController,
        TrackingController,
        UnitsController,
        UsersController,
        NotificationsController,
        HealthController,
        // Only where time may be moved (GRASSROOTS_TEST_CLOCK=1, never production); elsewhere the route is a 404.
        ...(config.testClock ? [TestClockController] : []),
        BoardController,
        PetitionDeadlinesController,
        DeadlinePoliciesController,
        CalendarController,
        ...DIALOGUE_CONTROLLERS,
        ...RECEPTION_CONTROLLERS,
        ...SATISFACTION_CONTROLLERS,
      ],
      // Rate limits first: a flood is refused before any token check or database read.
      providers: [{ provide: APP_GUARD, useClass: RateLimitGuard }, { provide: APP_GUARD, useClass: AuthGuard }, NotificationHub],
    };
  }
}

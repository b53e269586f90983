import { ApplicationModule } from '@app/application';
import { type AppConfig, ConfigModule, type LogStream, pinoHttpOptions, withLogStream } from '@app/config';
import { dataSourceOptions } from '@app/persistence';
import { ALL_QUEUES, bullRootOptions, DEFAULT_JOB_OPTIONS, JobName } from '@app/queue';
import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { OutboxRelay } from './outbox/outbox-relay.service.js';
import { NotificationsProcessor } from './processors/notifications.processor.js';
import { PetitionEventsProcessor } from './processors/petition-events.processor.js';
import { DeadlinesProcessor } from './processors/deadlines.processor.js';
import { EscalationsProcessor } from './processors/escalations.processor.js';
import { DeadlineTimers } from './deadlines/deadline-timers.service.js';

const PROCESSORS = [PetitionEventsProcessor, NotificationsProcessor, DeadlinesProcessor, EscalationsProcessor];

/** Fails start-up if a job name has no handler or two (a job nobody consumes would pile up silently). */
export function assertEveryJobHandled(): void {
  const handled = PROCESSORS.flatMap((p) => [...p.handles] as string[]);
  for (const name of Object.values(JobName)) {
    const count = handled.filter((h) => h === name).length;
    if (count !== 1) throw new Error(`Job "${name}" has ${count} handlers; expected exactly one`);
  }
}

/** Queue side: processors, the outbox relay. No HTTP. */
@Module({})
export class WorkerModule {
  /** `logStream`: where log lines go instead of stdout (tests read them). */
  static forRoot(config: AppConfig, opts: { logStream?: LogStream } = {}): DynamicModule {
    assertEveryJobHandled();
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({ pinoHttp: withLogStream(pinoHttpOptions(config), opts.logStream) }),
        TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl, { applicationName: 'grassroots-worker' })),
        BullModule.forRoot(bullRootOptions(config)),
        BullModule.registerQueue(...ALL_QUEUES.map((name) => ({ name, defaultJobOptions: DEFAULT_JOB_OPTIONS }))),
        ApplicationModule,
      ],
      providers: [OutboxRelay, DeadlineTimers, ...PROCESSORS],
    };
  }
}

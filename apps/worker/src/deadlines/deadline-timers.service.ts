import { CLOCK, DailyDigestUseCase, FireDueThresholdsUseCase, ReconcileEscalationsUseCase, upcomingDueInstants } from '@app/application';
import { APP_CONFIG, type AppConfig } from '@app/config';
import type { Clock } from '@app/domain';
import { loggableError } from '@app/persistence';
import { DEFAULT_JOB_OPTIONS, JobName, producerConnection, QueueName, wakeJobId } from '@app/queue';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';

/** Wake-ups are made for thresholds due within this horizon; the scheduler runs twice per horizon. */
export const WAKE_HORIZON_MS = 10 * 60_000;
const SCHEDULE_EVERY_MS = WAKE_HORIZON_MS / 2;
/** The safety net: a sweep this often fires anything a lost wake-up missed. */
const SWEEP_EVERY_MS = 30_000;
/** In steady state, an escalation unhandled this long after its threshold fired is presumed lost and re-issued. */
const ESCALATION_GRACE_MS = 10 * 60_000;

/** A clock that can announce jumps (the shared test clock does; the system clock never jumps). */
interface ObservableClock extends Clock {
  onChange?(listener: (now: Date) => void): () => void;
}

/**
 * Timers for statutory deadlines. Postgres holds every threshold; BullMQ only wakes the worker:
 * a delayed job per distinct due instant in the next few minutes, a repeatable sweep, and a sweep at start.
 * A stale or duplicate wake-up finds nothing due and does nothing.
 */
@Injectable()
export class DeadlineTimers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeadlineTimers.name);
  private queue: Queue | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly fireDue: FireDueThresholdsUseCase,
    private readonly digest: DailyDigestUseCase,
    private readonly reconcileEscalations: ReconcileEscalationsUseCase,
    @Inject(CLOCK) private readonly clock: ObservableClock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.queue = new Queue(QueueName.Deadlines, {
      connection: producerConnection(this.config),
      prefix: this.config.queue.prefix,
      defaultJobOptions: DEFAULT_JOB_OPTIONS,
    });
    this.queue.on('error', (e) => this.logger.warn(`Deadlines queue: ${e.message}`));
    // Idempotent by scheduler id: several workers starting at once converge on one schedule each.
    await this.queue.upsertJobScheduler('deadline-sweep', { every: SWEEP_EVERY_MS }, { name: JobName.DeadlineSweep, data: {} });
    await this.queue.upsertJobScheduler('deadline-schedule', { every: SCHEDULE_EVERY_MS }, { name: JobName.DeadlineSchedule, data: {} });
    // Wake-ups first, so nothing coming due during the start-up sweep waits for the next periodic one; then
    // re-issue escalations Redis may have lost with its data; then fire whatever came due while no worker ran.
    await this.scheduleWakeups();
    await this.reissueEscalations(0);
    await this.sweep('start');
    this.unsubscribe =
      this.clock.onChange?.(() => {
        void this.scheduleWakeups().then(() => this.sweep('clock change'));
      }) ?? null;
  }

  async onApplicationShutdown(): Promise<void> {
    this.unsubscribe?.();
    await this.queue?.close().catch(() => undefined);
    this.queue = null;
  }

  async sweep(why: string): Promise<number> {
    try {
      const { fired } = await this.fireDue.execute();
      if (fired > 0) this.logger.log(`Fired ${fired} deadline threshold(s) (${why})`);
      const digests = await this.digest.execute();
      if (digests > 0) this.logger.log(`Sent ${digests} daily digest(s)`);
      if (why === 'periodic') await this.reissueEscalations(ESCALATION_GRACE_MS);
      return fired;
    } catch (e) {
      this.logger.error(`Deadline sweep (${why}) failed: ${loggableError(e, { stack: false })}`);
      return 0;
    }
  }

  async reissueEscalations(minAgeMs: number): Promise<number> {
    const n = await this.reconcileEscalations.execute(minAgeMs);
    if (n > 0) this.logger.warn(`Re-issued ${n} escalation(s) that no consumer had handled`);
    return n;
  }

  /** One delayed job per distinct due instant in the horizon; the job id is the instant, so re-adding is a no-op. */
  async scheduleWakeups(): Promise<number> {
    if (!this.queue) return 0;
    const now = this.clock.now();
    const instants = await upcomingDueInstants(this.dataSource.manager, now, WAKE_HORIZON_MS);
    if (instants.length === 0) return 0;
    await this.queue.addBulk(
      instants.map((at) => ({
        name: JobName.DeadlineWake,
        data: { dueAt: at.toISOString() },
        opts: { ...DEFAULT_JOB_OPTIONS, jobId: wakeJobId(at), delay: Math.max(0, at.getTime() - now.getTime()) },
      })),
    );
    return instants.length;
  }
}

import { JobName, type JobPayloads, QueueName } from '@app/queue';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { type Job, UnrecoverableError } from 'bullmq';
import { safeFailure } from './safe-failure.js';
import { DeadlineTimers } from '../deadlines/deadline-timers.service.js';

/** Thin: wake-ups and sweeps fire what is due; the scheduler turns upcoming thresholds into wake-ups. */
@Processor(QueueName.Deadlines)
export class DeadlinesProcessor extends WorkerHost {
  static readonly handles = [JobName.DeadlineWake, JobName.DeadlineSweep, JobName.DeadlineSchedule] as const;

  constructor(private readonly timers: DeadlineTimers) {
    super();
  }

  /** Database errors reach the stored failure reason by their code only (see safeFailure). */
  process(job: Job): Promise<string | number> {
    return safeFailure(() => this.run(job));
  }

  private async run(job: Job): Promise<string | number> {
    switch (job.name) {
      case JobName.DeadlineWake:
        return this.timers.sweep(`wake-up for ${(job.data as JobPayloads[typeof JobName.DeadlineWake]).dueAt}`);
      case JobName.DeadlineSweep:
        return this.timers.sweep('periodic');
      case JobName.DeadlineSchedule:
        return this.timers.scheduleWakeups();
      default:
        throw new UnrecoverableError(`No handler for job "${job.name}" on ${QueueName.Deadlines}`);
    }
  }
}

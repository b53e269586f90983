import { EscalatePetitionUseCase, MarkCommitmentOverdueUseCase } from '@app/application';
import { JobName, type JobPayloads, QueueName } from '@app/queue';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { type Job, UnrecoverableError } from 'bullmq';
import { safeFailure } from './safe-failure.js';

/**
 * Thin: what fired thresholds ask for — oversight escalation of a petition, a commitment marked overdue —
 * through the domain, on their own queue so timers never wait behind them.
 */
@Processor(QueueName.Escalations)
export class EscalationsProcessor extends WorkerHost {
  static readonly handles = [JobName.EscalatePetition, JobName.MarkCommitmentOverdue] as const;

  constructor(
    private readonly escalatePetition: EscalatePetitionUseCase,
    private readonly markCommitmentOverdue: MarkCommitmentOverdueUseCase,
  ) {
    super();
  }

  /** Database errors reach the stored failure reason by their code only (see safeFailure). */
  process(job: Job): Promise<string> {
    return safeFailure(() => this.run(job));
  }

  private async run(job: Job): Promise<string> {
    switch (job.name) {
      case JobName.EscalatePetition:
        return this.escalatePetition.execute(job.data as JobPayloads[typeof JobName.EscalatePetition]);
      case JobName.MarkCommitmentOverdue:
        return this.markCommitmentOverdue.execute(job.data as JobPayloads[typeof JobName.MarkCommitmentOverdue]);
      default:
        throw new UnrecoverableError(`No handler for job "${job.name}" on ${QueueName.Escalations}`);
    }
  }
}

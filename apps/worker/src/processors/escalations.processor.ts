import { EscalatePetitionUseCase } from '@app/application';
import { JobName, type JobPayloads, QueueName } from '@app/queue';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { type Job, UnrecoverableError } from 'bullmq';

/** Thin: oversight escalations through the domain, on their own queue so timers never wait behind them. */
@Processor(QueueName.Escalations)
export class EscalationsProcessor extends WorkerHost {
  static readonly handles = [JobName.EscalatePetition] as const;

  constructor(private readonly escalatePetition: EscalatePetitionUseCase) {
    super();
  }

  async process(job: Job): Promise<string> {
    switch (job.name) {
      case JobName.EscalatePetition:
        return this.escalatePetition.execute(job.data as JobPayloads[typeof JobName.EscalatePetition]);
      default:
        throw new UnrecoverableError(`No handler for job "${job.name}" on ${QueueName.Escalations}`);
    }
  }
}

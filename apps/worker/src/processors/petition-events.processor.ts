import { ProjectBoardUseCase } from '@app/application';
import { JobName, type JobPayloads, QueueName } from '@app/queue';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { type Job, UnrecoverableError } from 'bullmq';
import { safeFailure } from './safe-failure.js';

/** Thin: read models follow committed petition events. */
@Processor(QueueName.PetitionEvents)
export class PetitionEventsProcessor extends WorkerHost {
  static readonly handles = [JobName.PetitionEventRecorded] as const;

  constructor(private readonly projectBoard: ProjectBoardUseCase) {
    super();
  }

  /** Database errors reach the stored failure reason by their code only (see safeFailure). */
  process(job: Job): Promise<string> {
    return safeFailure(() => this.run(job));
  }

  private async run(job: Job): Promise<string> {
    switch (job.name) {
      case JobName.PetitionEventRecorded:
        return this.projectBoard.execute(job.data as JobPayloads[typeof JobName.PetitionEventRecorded]);
      default:
        throw new UnrecoverableError(`No handler for job "${job.name}" on ${QueueName.PetitionEvents}`);
    }
  }
}

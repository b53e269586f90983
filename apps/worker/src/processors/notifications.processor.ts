import { NotifyAssigneeUseCase, NotifyFollowersUseCase } from '@app/application';
import { JobName, type JobPayloads, QueueName } from '@app/queue';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { type Job, UnrecoverableError } from 'bullmq';
import { safeFailure } from './safe-failure.js';

/** Thin: stores in-app notifications; idempotent by the notification's unique source key. */
@Processor(QueueName.Notifications)
export class NotificationsProcessor extends WorkerHost {
  static readonly handles = [JobName.NotifyAssignee, JobName.NotifyCitizenReopened, JobName.NotifyCommitmentOwner] as const;

  constructor(
    private readonly notifyAssignee: NotifyAssigneeUseCase,
    private readonly notifyFollowers: NotifyFollowersUseCase,
  ) {
    super();
  }

  /** Database errors reach the stored failure reason by their code only (see safeFailure). */
  process(job: Job): Promise<string> {
    return safeFailure(() => this.run(job));
  }

  private async run(job: Job): Promise<string> {
    switch (job.name) {
      case JobName.NotifyAssignee:
        return this.notifyAssignee.execute(job.data as JobPayloads[typeof JobName.NotifyAssignee]);
      case JobName.NotifyCitizenReopened:
        return `stored ${await this.notifyFollowers.citizenReopened(job.data as JobPayloads[typeof JobName.NotifyCitizenReopened])}`;
      case JobName.NotifyCommitmentOwner:
        return `stored ${await this.notifyFollowers.commitmentOwner(job.data as JobPayloads[typeof JobName.NotifyCommitmentOwner])}`;
      default:
        throw new UnrecoverableError(`No handler for job "${job.name}" on ${QueueName.Notifications}`);
    }
  }
}

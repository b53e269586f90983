import { NotifyAssigneeUseCase } from '@app/application';
import { JobName, type JobPayloads, QueueName } from '@app/queue';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { type Job, UnrecoverableError } from 'bullmq';

/** Thin: stores in-app notifications; idempotent by the notification's unique source key. */
@Processor(QueueName.Notifications)
export class NotificationsProcessor extends WorkerHost {
  static readonly handles = [JobName.NotifyAssignee] as const;

  constructor(private readonly notifyAssignee: NotifyAssigneeUseCase) {
    super();
  }

  async process(job: Job): Promise<string> {
    switch (job.name) {
      case JobName.NotifyAssignee:
        return this.notifyAssignee.execute(job.data as JobPayloads[typeof JobName.NotifyAssignee]);
      default:
        throw new UnrecoverableError(`No handler for job "${job.name}" on ${QueueName.Notifications}`);
    }
  }
}

/**
 * The queue catalogue shared by the outbox relay (producer) and the worker's processors (consumers).
 * Payloads carry ids, never state: a consumer re-reads Postgres and does nothing if the work is already done.
 */
export const QueueName = {
  PetitionEvents: 'petition-events',
  Notifications: 'notifications',
  /** Timer jobs only (wake-ups, sweeps, scheduling): never queued behind slower work. */
  Deadlines: 'deadlines',
  Escalations: 'escalations',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const JobName = {
  /** A petition event was committed; consumers update read models (the board projection). */
  PetitionEventRecorded: 'petition.event-recorded',
  /** Someone was assigned a petition; store an in-app notification for them. */
  NotifyAssignee: 'notify.assignee',
  /** The citizen was not satisfied and the petition reopened: tell the unit's heads and the last handler. */
  NotifyCitizenReopened: 'notify.citizen-reopened',
  /** A commitment was made for a unit: tell its heads (the owner person is often not a user). */
  NotifyCommitmentOwner: 'notify.commitment-owner',
  /** A deadline threshold asked for oversight: raise the level, add watchers, tell the citizen of rights. */
  EscalatePetition: 'petition.escalate',
  /** A commitment's clock breached: mark the commitment overdue (it then shows on the board and the next agenda). */
  MarkCommitmentOverdue: 'commitment.mark-overdue',
  /** Wake-up at an instant when thresholds come due (the job id is the instant: one job per instant). */
  DeadlineWake: 'deadline.wake',
  /** Repeatable safety net: fire whatever is due and unfired, whatever Redis lost. */
  DeadlineSweep: 'deadline.sweep',
  /** Repeatable: turn thresholds due within the horizon into wake-ups. */
  DeadlineSchedule: 'deadline.schedule',
} as const;
export type JobName = (typeof JobName)[keyof typeof JobName];

export interface JobPayloads {
  [JobName.PetitionEventRecorded]: { petitionId: string; sequence: number };
  [JobName.NotifyAssignee]: { petitionId: string; assigneeId: string; sequence: number };
  [JobName.NotifyCitizenReopened]: { petitionId: string; sequence: number };
  [JobName.NotifyCommitmentOwner]: { commitmentId: string };
  [JobName.EscalatePetition]: { petitionId: string; thresholdId: string };
  [JobName.MarkCommitmentOverdue]: { commitmentId: string; thresholdId: string };
  [JobName.DeadlineWake]: { dueAt: string };
  [JobName.DeadlineSweep]: Record<string, never>;
  [JobName.DeadlineSchedule]: Record<string, never>;
}

/** Which queue carries each job; one place, so producers cannot disagree with consumers. */
export const QUEUE_OF: { readonly [J in JobName]: QueueName } = {
  [JobName.PetitionEventRecorded]: QueueName.PetitionEvents,
  [JobName.NotifyAssignee]: QueueName.Notifications,
  [JobName.NotifyCitizenReopened]: QueueName.Notifications,
  [JobName.NotifyCommitmentOwner]: QueueName.Notifications,
  [JobName.EscalatePetition]: QueueName.Escalations,
  [JobName.MarkCommitmentOverdue]: QueueName.Escalations,
  [JobName.DeadlineWake]: QueueName.Deadlines,
  [JobName.DeadlineSweep]: QueueName.Deadlines,
  [JobName.DeadlineSchedule]: QueueName.Deadlines,
};

/** Deterministic wake-up id: every threshold due at the same instant shares one job. */
export function wakeJobId(dueAt: Date): string {
  return `wake-${dueAt.getTime()}`;
}

export const ALL_QUEUES: readonly QueueName[] = Object.values(QueueName);

/** An outbox message as the application writes it. */
export interface OutboxMessage<J extends JobName = JobName> {
  readonly jobName: J;
  readonly payload: JobPayloads[J];
}

export function outboxMessage<J extends JobName>(jobName: J, payload: JobPayloads[J]): OutboxMessage<J> {
  return { jobName, payload };
}

/**
 * BullMQ job ids must not contain ':' nor be all digits. Outbox row ids are UUIDs, which satisfy both; the
 * prefix keeps ids readable in dashboards.
 */
export function outboxJobId(outboxId: string): string {
  return `outbox-${outboxId}`;
}

/** Retry and retention defaults for every job, in one place. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 10000 },
  removeOnFail: { age: 14 * 24 * 3600 },
} as const;

import {
  type CommitmentCommand,
  type CommitmentDecision,
  type CommitmentState,
  createCommitment,
  type CreateCommitmentInput,
  decideCommitment,
  LABELS,
} from '@app/domain';
import { commitmentStore, UnitEntity } from '@app/persistence';
import { JobName, outboxMessage } from '@app/queue';
import type { EntityManager } from 'typeorm';
import { type AccessScope, unitInScope } from '../auth/access-scope.js';
import { commitmentPolicy, startCommitmentClock, stopCommitmentClock } from '../deadlines/subject-clocks.js';
import { writeOutbox } from '../petitions/petition-writer.js';
import { AppError } from '../shared/app-error.js';
import { commitmentRefusalToError } from './dialogue-errors.js';

/** The owner unit must exist and, for a person's command, be inside their jurisdiction. */
export async function checkOwnerUnit(em: EntityManager, ownerUnitId: string, scope: AccessScope, field: string): Promise<void> {
  const unit = await em.findOne(UnitEntity, { where: { id: ownerUnitId } });
  if (unit === null || !unitInScope(scope, unit)) {
    throw new AppError('unprocessable', 'commitment.owner_unit_invalid', {}, {}, [{ field, messageKey: 'commitment.owner_unit_invalid' }]);
  }
}

/**
 * Opens a commitment inside the caller's transaction: the pure decision with the policy in force, the row, its
 * first audit event, and its clock on the shared deadline engine. A refusal throws (the transaction rolls back).
 */
export async function openCommitment(em: EntityManager, input: CreateCommitmentInput, now: Date): Promise<CommitmentState> {
  const decision = createCommitment(input, await commitmentPolicy(em, now), now);
  if (!decision.ok) throw commitmentRefusalToError(decision.refusal);
  const created = decision.events[0]!;
  await commitmentStore.insert(em, decision.state, created.type === 'CommitmentCreated' && created.defaultDueDate);
  await commitmentStore.appendEvents(em, decision.events, 1);
  await startCommitmentClock(
    em,
    { commitmentId: decision.state.id, createdAt: now, dueDate: decision.state.dueDate },
    now,
  );
  await writeOutbox(em, [outboxMessage(JobName.NotifyCommitmentOwner, { commitmentId: decision.state.id })]);
  return decision.state;
}

/**
 * One command on a commitment, inside the caller's transaction: load (locked) → pure decision → compare-and-set
 * → audit events → the clock follows the outcome (met when done; cancelled when transferred or dropped).
 * A refusal is returned, not thrown, so the worker can treat a repeated `mark-overdue` as nothing to do.
 */
export async function applyCommitmentCommand(em: EntityManager, commitmentId: string, command: CommitmentCommand, now: Date): Promise<CommitmentDecision> {
  const record = await commitmentStore.load(em, commitmentId, true);
  if (record === null) throw new AppError('not-found', 'error.not_found', { what: LABELS.dialogueEntity.commitment });
  const before = record.state;
  const decision = decideCommitment(before, command, now);
  if (!decision.ok) return decision;
  if (!(await commitmentStore.compareAndSet(em, decision.state, before.version))) {
    const current = await commitmentStore.load(em, commitmentId);
    throw new AppError('conflict', 'commitment.version_conflict', { version: current?.state.version ?? -1 }, { currentVersion: current?.state.version });
  }
  await commitmentStore.appendEvents(em, decision.events, before.version + 1);
  if (decision.state.status !== before.status) {
    if (decision.state.status === 'done') await stopCommitmentClock(em, commitmentId, 'met', now);
    else if (decision.state.status === 'transferred' || decision.state.status === 'dropped') await stopCommitmentClock(em, commitmentId, 'cancelled', now);
  }
  return decision;
}

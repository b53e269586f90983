import { randomUUID } from 'node:crypto';
import { type Clock, HELD_OR_LATER_STATUSES, LABELS, type LocalDate } from '@app/domain';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { accessScopeOf } from '../auth/access-scope.js';
import type { CurrentUser } from '../auth/current-user.js';
import { AppError } from '../shared/app-error.js';
import { CLOCK } from '../shared/clock.provider.js';
import { withIdempotencyKey } from '../shared/idempotency.js';
import { checkOwnerUnit, openCommitment } from './commitment-writer.js';
import { visibleDialogue } from './visible-dialogue.js';

export interface CreateCommitmentRequest {
  readonly dialogueId: string;
  readonly title: string;
  readonly ownerUnitId: string;
  readonly ownerPerson?: string;
  readonly dueDate?: LocalDate;
}

/**
 * A head records a commitment made at a held dialogue directly (not tied to one question of the minutes;
 * those go through `resolve-question`). The dialogue row is share-locked so it cannot close meanwhile.
 */
@Injectable()
export class CreateCommitmentUseCase {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(user: CurrentUser, input: CreateCommitmentRequest, idempotencyKey?: string): Promise<{ id: string; replayed: boolean }> {
    return this.dataSource.transaction((em) =>
      withIdempotencyKey(em, { userId: user.id, key: idempotencyKey, resource: 'commitment', body: input }, () => this.open(em, user, input)),
    );
  }

  private async open(em: EntityManager, user: CurrentUser, input: CreateCommitmentRequest): Promise<string> {
    const now = this.clock.now();
    const { record } = await visibleDialogue(em, user, input.dialogueId, 'share');
    const status = record.state.status;
    if (user.role !== 'head') {
      throw new AppError('forbidden', 'commitment.role_not_allowed', { role: LABELS.role[user.role], action: LABELS.commitmentAction.create });
    }
    if (!HELD_OR_LATER_STATUSES.includes(status) || status === 'closed') {
      throw new AppError('conflict', 'commitment.dialogue_not_held', { status: LABELS.dialogueStatus[status] }, { dialogueStatus: status });
    }
    await checkOwnerUnit(em, input.ownerUnitId, accessScopeOf(user), 'ownerUnitId');
    const state = await openCommitment(
      em,
      {
        commitmentId: randomUUID(),
        dialogueId: record.state.id,
        questionId: null,
        title: input.title,
        ownerUnitId: input.ownerUnitId,
        ownerPerson: input.ownerPerson ?? null,
        dueDate: input.dueDate ?? null,
        actor: { userId: user.id, role: user.role },
      },
      now,
    );
    return state.id;
  }
}

import { randomUUID } from 'node:crypto';
import {
  type AddEvidenceCommand,
  type Clock,
  type CommitmentCommand,
  type CommitmentState,
  type CompleteCommitmentCommand,
  type DropCommitmentCommand,
  decideCommitment,
  type PetitionKind,
  renderMessage,
  type StartCommitmentCommand,
} from '@app/domain';
import { dialogueStore, PetitionEntity, UnitEntity } from '@app/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { accessScopeOf, unitInScope } from '../auth/access-scope.js';
import type { CurrentUser } from '../auth/current-user.js';
import { openPetition } from '../petitions/petition-writer.js';
import { AppError } from '../shared/app-error.js';
import { CLOCK } from '../shared/clock.provider.js';
import { applyCommitmentCommand } from './commitment-writer.js';
import { commitmentRefusalToError } from './dialogue-errors.js';
import { visibleCommitment } from './visible-dialogue.js';

/**
 * `transfer` names its petition in one of two ways: an existing petition in the user's jurisdiction
 * (`petitionId`), or `petitionKind` to open a new petition in the same step (channel `dialogue`, received
 * by the unit that convened the dialogue, titled after the commitment). Exactly one of the two.
 */
export type TransferCommitmentRequest = {
  readonly action: 'transfer';
  readonly petitionId?: string;
  readonly petitionKind?: PetitionKind;
  readonly note?: string;
};

export type CommitmentActionInput =
  | Omit<StartCommitmentCommand, 'actor'>
  | Omit<AddEvidenceCommand, 'actor'>
  | Omit<CompleteCommitmentCommand, 'actor'>
  | Omit<DropCommitmentCommand, 'actor'>
  | TransferCommitmentRequest;

/** One person's action on a commitment, as one transaction (`mark-overdue` is the system's, not offered here). */
@Injectable()
export class PerformCommitmentActionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(user: CurrentUser, commitmentId: string, input: CommitmentActionInput, expectedVersion?: number): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const now = this.clock.now();
      const record = await visibleCommitment(em, user, commitmentId, true);
      if (expectedVersion !== undefined && expectedVersion !== record.state.version) {
        throw new AppError('precondition-failed', 'commitment.version_conflict', { version: record.state.version }, { currentVersion: record.state.version });
      }
      const actor = { userId: user.id, role: user.role };
      let command: CommitmentCommand;
      if (input.action === 'transfer') {
        // Ask the domain first with a placeholder, so a refused transfer never opens a petition.
        const probe = decideCommitment(record.state, { action: 'transfer', petitionId: 'pending', actor }, now);
        if (!probe.ok) throw commitmentRefusalToError(probe.refusal);
        const petitionId = await this.transferTarget(em, user, record.state, input, now);
        command = { action: 'transfer', petitionId, ...(input.note !== undefined ? { note: input.note } : {}), actor };
      } else {
        command = { ...input, actor } as CommitmentCommand;
      }
      const decision = await applyCommitmentCommand(em, commitmentId, command, now);
      if (!decision.ok) throw commitmentRefusalToError(decision.refusal);
    });
  }

  private async transferTarget(
    em: EntityManager,
    user: CurrentUser,
    commitment: CommitmentState,
    input: TransferCommitmentRequest,
    now: Date,
  ): Promise<string> {
    if ((input.petitionId === undefined) === (input.petitionKind === undefined)) {
      throw new AppError('unprocessable', 'commitment.transfer_target_required', {}, {}, [
        { field: 'petitionId', messageKey: 'commitment.transfer_target_required' },
      ]);
    }
    if (input.petitionId !== undefined) {
      const petition = await em.findOne(PetitionEntity, { where: { id: input.petitionId } });
      const unit = petition ? await em.findOne(UnitEntity, { where: { id: petition.owningUnitId } }) : null;
      if (petition === null || unit === null || !unitInScope(accessScopeOf(user), unit)) {
        throw new AppError('unprocessable', 'dialogue.petition_invalid', {}, {}, [{ field: 'petitionId', messageKey: 'dialogue.petition_invalid' }]);
      }
      return petition.id;
    }
    const dialogue = (await dialogueStore.load(em, commitment.dialogueId))!.state;
    const askedBy = dialogue.questions.find((q) => q.id === commitment.questionId)?.askedBy ?? null;
    const title = commitment.title;
    const id = randomUUID();
    await openPetition(
      em,
      {
        id,
        kind: input.petitionKind!,
        channel: 'dialogue',
        title,
        content: input.note?.trim() ? `${title}\n\n${input.note.trim()}` : title,
        topic: null,
        location: null,
        receivingUnitId: dialogue.unitId,
        petitioner: { fullName: askedBy ?? renderMessage('dialogue.default_petitioner').vi },
        coPetitioners: [],
        parentPetitionId: null,
        createdBy: user.id,
      },
      { userId: user.id, role: user.role },
      now,
    );
    return id;
  }
}

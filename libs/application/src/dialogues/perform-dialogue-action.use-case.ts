import { randomUUID } from 'node:crypto';
import {
  carryOverIntoAgenda,
  type Clock,
  commitmentIsLate,
  type DialogueCommand,
  type DialogueState,
  decideDialogue,
  type LocalDate,
  type PetitionKind,
  toLocalDate,
} from '@app/domain';
import { commitmentStore, type UnitEntity } from '@app/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { accessScopeOf } from '../auth/access-scope.js';
import type { CurrentUser } from '../auth/current-user.js';
import { AppError } from '../shared/app-error.js';
import { resultsLastDay } from '../deadlines/subject-clocks.js';
import { CLOCK } from '../shared/clock.provider.js';
import { dialogueRefusalToError } from './dialogue-errors.js';
import { checkLinkablePetitions, writeDialogueDecision } from './dialogue-writer.js';
import { visibleDialogue } from './visible-dialogue.js';

type WithoutActor<C> = C extends unknown ? Omit<C, 'actor'> : never;

/** Where a question ends, as a person states it: the ids of new petitions and commitments are allocated here. */
export type QuestionOutcomeRequest =
  | { readonly kind: 'answered'; readonly answer: string }
  | { readonly kind: 'to_petition'; readonly petitionKind: PetitionKind }
  | { readonly kind: 'to_commitment'; readonly title: string; readonly ownerUnitId: string; readonly ownerPerson?: string; readonly dueDate?: LocalDate };

/**
 * A dialogue command as it arrives from an adapter. Facts the system supplies are not accepted from outside:
 * the actor, the commitments carried into a conference's agenda, the commitments still pending at close.
 */
export type DialogueActionInput =
  | WithoutActor<Exclude<DialogueCommand, { action: 'plan' | 'close' | 'resolve-question' }>>
  | { readonly action: 'plan'; readonly scheduledAt: string; readonly venue: string; readonly agenda: readonly string[] }
  | { readonly action: 'close'; readonly note?: string }
  | { readonly action: 'resolve-question'; readonly questionId: string; readonly outcome: QuestionOutcomeRequest };

/**
 * Runs one dialogue action as one transaction: load (locked) → facts from other rows → pure decision →
 * compare-and-set save → audit events and effects (petitions, commitments, clocks) in the same transaction.
 */
@Injectable()
export class PerformDialogueActionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(user: CurrentUser, dialogueId: string, input: DialogueActionInput, expectedVersion?: number): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const now = this.clock.now();
      const { record, unit } = await visibleDialogue(em, user, dialogueId, 'update');
      const state = record.state;
      if (expectedVersion !== undefined && expectedVersion !== state.version) {
        throw new AppError('precondition-failed', 'dialogue.version_conflict', { version: state.version }, { currentVersion: state.version });
      }
      const command = await this.command(em, state, unit, input, user, now);
      const decision = decideDialogue(state, command, now);
      if (!decision.ok) throw dialogueRefusalToError(decision.refusal);
      const scope = accessScopeOf(user);
      if (command.action === 'link-petitions') {
        const fresh = decision.state.petitionIds.filter((id) => !state.petitionIds.includes(id));
        await checkLinkablePetitions(em, fresh, scope, state, 'petitionIds');
      }
      await writeDialogueDecision(em, state, decision, { actor: command.actor, scope, now });
    });
  }

  private async command(em: EntityManager, state: DialogueState, unit: UnitEntity, input: DialogueActionInput, user: CurrentUser, now: Date): Promise<DialogueCommand> {
    const actor = { userId: user.id, role: user.role };
    switch (input.action) {
      case 'plan': {
        // DOMAIN.md §5.2: overdue commitments are reported back at the commune's next conference, automatically.
        let carried: string[] = [];
        if (state.kind === 'commune_conference' && unit.communeId !== null) {
          const late = await commitmentStore.lateInCommune(em, unit.communeId, toLocalDate(now));
          carried = carryOverIntoAgenda(late, now).map((c) => c.commitmentId);
        }
        return { ...input, actor, carriedOverCommitmentIds: carried };
      }
      case 'close': {
        const commitments = await commitmentStore.forDialogue(em, state.id);
        const pending = commitments.filter((c) => (c.status === 'open' || c.status === 'in_progress') && !commitmentIsLate(c.dueDate, now));
        return { ...input, actor, pendingCommitmentIds: pending.map((c) => c.id) };
      }
      case 'publish-results': {
        // Lateness as the G4 clock counts it (Art 148 roll-forward), so the record and the alerts agree.
        const dueDate = await resultsLastDay(em, state.id);
        return { ...input, actor, ...(dueDate ? { dueDate } : {}) };
      }
      case 'resolve-question': {
        const o = input.outcome;
        const outcome =
          o?.kind === 'to_petition'
            ? { ...o, petitionId: randomUUID() }
            : o?.kind === 'to_commitment'
              ? { ...o, commitmentId: randomUUID() }
              : o;
        return { action: 'resolve-question', questionId: input.questionId, outcome, actor } as DialogueCommand;
      }
      default:
        return { ...input, actor } as DialogueCommand;
    }
  }
}

import { type Actor, type DialogueDecision, type DialogueState, renderMessage } from '@app/domain';
import { dialogueStore, PetitionEntity, UnitEntity } from '@app/persistence';
import type { EntityManager } from 'typeorm';
import { type AccessScope, unitInScope } from '../auth/access-scope.js';
import { startResultsClock, stopResultsClock } from '../deadlines/subject-clocks.js';
import { openPetition } from '../petitions/petition-writer.js';
import { AppError } from '../shared/app-error.js';
import { checkOwnerUnit, openCommitment } from './commitment-writer.js';

/** A title is a line; a question may be a paragraph. */
const TITLE_MAX = 300;
const titleOf = (text: string): string => (text.length <= TITLE_MAX ? text : `${text.slice(0, TITLE_MAX - 1).trimEnd()}…`);

/**
 * Petitions a dialogue may link: existing, inside the user's jurisdiction, and for a complaint-resolution
 * dialogue complaints of the same instance (K4 first time, K9 second time). Anything else is a 422 on `field`.
 */
export async function checkLinkablePetitions(
  em: EntityManager,
  petitionIds: readonly string[],
  scope: AccessScope,
  dialogue: Pick<DialogueState, 'kind' | 'complaintInstance'>,
  field: string,
): Promise<void> {
  for (const [i, id] of petitionIds.entries()) {
    const petition = await em.findOne(PetitionEntity, { where: { id } });
    const unit = petition ? await em.findOne(UnitEntity, { where: { id: petition.owningUnitId } }) : null;
    if (petition === null || unit === null || !unitInScope(scope, unit)) {
      throw new AppError('unprocessable', 'dialogue.petition_invalid', {}, {}, [{ field: `${field}.${i}`, messageKey: 'dialogue.petition_invalid' }]);
    }
    if (dialogue.kind === 'complaint_resolution' && (petition.kind !== 'complaint' || petition.instance !== dialogue.complaintInstance)) {
      throw new AppError('unprocessable', 'dialogue.complaint_petition_kind', {}, {}, [{ field: `${field}.${i}`, messageKey: 'dialogue.complaint_petition_kind' }]);
    }
  }
}

/**
 * Writes an accepted dialogue decision inside the caller's transaction: petitions opened from questions first
 * (the links and the new state name them), then the compare-and-set save, the audit events, commitments
 * with their clocks, and the G4 results clock. Everything commits together or not at all.
 */
export async function writeDialogueDecision(
  em: EntityManager,
  before: DialogueState,
  decision: Extract<DialogueDecision, { ok: true }>,
  ctx: { actor: Actor; scope: AccessScope; now: Date },
): Promise<void> {
  const { actor, scope, now } = ctx;
  for (const effect of decision.effects) {
    if (effect.type === 'open-petition-from-question') {
      const question = before.questions.find((q) => q.id === effect.questionId)!;
      await openPetition(
        em,
        {
          id: effect.petitionId,
          kind: effect.petitionKind,
          channel: effect.channel,
          title: titleOf(effect.text),
          content: effect.text,
          topic: null,
          location: null,
          receivingUnitId: effect.receivingUnitId,
          // The minutes name who asked when they know; otherwise the petition is the meeting's.
          petitioner: { fullName: question.askedBy ?? renderMessage('dialogue.default_petitioner').vi },
          coPetitioners: [],
          parentPetitionId: null,
          createdBy: actor.userId,
        },
        actor,
        now,
      );
    }
    if (effect.type === 'create-commitment') await checkOwnerUnit(em, effect.ownerUnitId, scope, 'outcome.ownerUnitId');
  }

  if (!(await dialogueStore.compareAndSet(em, decision.state, before.version))) {
    const current = await dialogueStore.load(em, before.id);
    throw new AppError('conflict', 'dialogue.version_conflict', { version: current?.state.version ?? -1 }, { currentVersion: current?.state.version });
  }
  await dialogueStore.appendEvents(em, decision.events, before.version + 1);

  for (const effect of decision.effects) {
    switch (effect.type) {
      case 'open-petition-from-question':
        break; // done above
      case 'create-commitment':
        await openCommitment(
          em,
          {
            commitmentId: effect.commitmentId,
            dialogueId: effect.dialogueId,
            questionId: effect.questionId,
            title: effect.title,
            ownerUnitId: effect.ownerUnitId,
            ownerPerson: effect.ownerPerson,
            dueDate: effect.dueDate,
            actor,
          },
          now,
        );
        break;
      case 'start-deadline':
        // The period and its due instant are the G4 clock's (policy data, Art 148); the effect only says when it starts.
        await startResultsClock(em, { dialogueId: effect.dialogueId, heldAt: new Date(effect.deadline.from) }, now);
        break;
      case 'meet-deadline':
        await stopResultsClock(em, effect.dialogueId, 'met', now);
        break;
      default: {
        const unhandled: never = effect;
        throw new Error(`Unhandled dialogue effect ${JSON.stringify(unhandled)}`);
      }
    }
  }
  // A cancelled dialogue owes no results: its G4 clock, if any, no longer applies.
  if (decision.state.status === 'cancelled' && before.status !== 'cancelled') await stopResultsClock(em, before.id, 'cancelled', now);
}

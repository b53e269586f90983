import { type DialogueState, LABELS, type Message, type PetitionAction, renderMessage, secondTimeComplaintMayBeDecided } from '@app/domain';
import { dialogueStore, type PetitionEntity } from '@app/persistence';
import type { EntityManager } from 'typeorm';
import { AppError } from '../shared/app-error.js';

export const K9_LEGAL_BASIS = 'Luật Khiếu nại 2011 Điều 39; NĐ 124/2020/NĐ-CP Điều 28';

/** An action the status would allow but the law does not yet: shown to staff with the reason. */
export interface BlockedAction {
  readonly action: PetitionAction;
  readonly reason: Message;
  readonly legalBasis: string;
}

/** The dialogues K9 looks at, or null when the petition is not a second-time complaint (nothing to check). */
async function k9Dialogues(em: EntityManager, petition: Pick<PetitionEntity, 'id' | 'kind' | 'instance'>): Promise<DialogueState[] | null> {
  if (petition.kind !== 'complaint' || petition.instance !== 2) return null;
  const dialogues = await dialogueStore.linkedToPetition(em, petition.id);
  return secondTimeComplaintMayBeDecided(petition.id, dialogues) ? null : dialogues;
}

/**
 * K9: a second-time complaint is decided only after the resolver held a dialogue on it (LKN Art 39; ND124
 * Art 28): a complaint-resolution dialogue linked to the petition, held or later. Other petitions pass.
 */
export async function assertSecondComplaintMayBeDecided(em: EntityManager, petition: Pick<PetitionEntity, 'id' | 'kind' | 'instance' | 'status'>): Promise<void> {
  const dialogues = await k9Dialogues(em, petition);
  if (dialogues === null) return;
  throw new AppError(
    'conflict',
    'dialogue.second_complaint_dialogue_required',
    {},
    {
      legalBasis: K9_LEGAL_BASIS,
      currentStatus: petition.status,
      statusLabel: LABELS.status[petition.status],
      linkedDialogues: dialogues.map((d) => ({ id: d.id, kind: d.kind, status: d.status })),
    },
  );
}

/** The same gate for a petition view: `resolve` is shown as blocked, with why, instead of as available. */
export async function blockedPetitionActions(em: EntityManager, petition: Pick<PetitionEntity, 'id' | 'kind' | 'instance'>): Promise<BlockedAction[]> {
  if ((await k9Dialogues(em, petition)) === null) return [];
  return [{ action: 'resolve', reason: renderMessage('dialogue.second_complaint_dialogue_required'), legalBasis: K9_LEGAL_BASIS }];
}

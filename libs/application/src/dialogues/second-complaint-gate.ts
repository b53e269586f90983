import { LABELS, secondTimeComplaintMayBeDecided } from '@app/domain';
import { dialogueStore, type PetitionEntity } from '@app/persistence';
import type { EntityManager } from 'typeorm';
import { AppError } from '../shared/app-error.js';

export const K9_LEGAL_BASIS = 'Luật Khiếu nại 2011 Điều 39; NĐ 124/2020/NĐ-CP Điều 28';

/**
 * K9: a second-time complaint is decided only after the resolver held a dialogue on it (LKN Art 39; ND124
 * Art 28): a complaint-resolution dialogue linked to the petition, held or later. Other petitions pass.
 */
export async function assertSecondComplaintMayBeDecided(em: EntityManager, petition: Pick<PetitionEntity, 'id' | 'kind' | 'instance' | 'status'>): Promise<void> {
  if (petition.kind !== 'complaint' || petition.instance !== 2) return;
  const dialogues = await dialogueStore.linkedToPetition(em, petition.id);
  if (secondTimeComplaintMayBeDecided(petition.id, dialogues)) return;
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

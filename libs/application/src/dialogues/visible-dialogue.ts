import { LABELS } from '@app/domain';
import { type CommitmentRecord, commitmentStore, type DialogueRecord, dialogueStore, UnitEntity } from '@app/persistence';
import type { EntityManager } from 'typeorm';
import { accessScopeOf, unitInScope } from '../auth/access-scope.js';
import type { CurrentUser } from '../auth/current-user.js';
import { AppError } from '../shared/app-error.js';

const notFound = (what: 'dialogue' | 'commitment') => new AppError('not-found', 'error.not_found', { what: LABELS.dialogueEntity[what] });

/**
 * A dialogue as the user may see it, with its convening unit: outside the user's jurisdiction (the same rule
 * as petitions, on the convening unit) it does not exist for them.
 */
export async function visibleDialogue(
  em: EntityManager,
  user: CurrentUser,
  id: string,
  lock: 'update' | 'share' | false = false,
): Promise<{ record: DialogueRecord; unit: UnitEntity }> {
  const record = await dialogueStore.load(em, id, lock);
  if (record === null) throw notFound('dialogue');
  const unit = await em.findOneOrFail(UnitEntity, { where: { id: record.state.unitId } });
  if (!unitInScope(accessScopeOf(user), unit)) throw notFound('dialogue');
  return { record, unit };
}

/**
 * A commitment is visible to whoever sees the unit that owns it or the dialogue it was made at: the commune
 * follows what its conference promised, and the owner unit what it must do.
 */
export async function visibleCommitment(em: EntityManager, user: CurrentUser, id: string, lock = false): Promise<CommitmentRecord> {
  const record = await commitmentStore.load(em, id, lock);
  if (record === null) throw notFound('commitment');
  const scope = accessScopeOf(user);
  const owner = await em.findOneOrFail(UnitEntity, { where: { id: record.state.ownerUnitId } });
  if (unitInScope(scope, owner)) return record;
  const rows: { unit_id: string }[] = await em.query(`SELECT unit_id FROM dialogues WHERE id = $1`, [record.state.dialogueId]);
  const convener = await em.findOneOrFail(UnitEntity, { where: { id: rows[0]!.unit_id } });
  if (!unitInScope(scope, convener)) throw notFound('commitment');
  return record;
}

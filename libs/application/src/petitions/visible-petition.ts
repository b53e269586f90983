import { LABELS } from '@app/domain';
import { type PetitionEntity, petitionStore, UnitEntity } from '@app/persistence';
import type { EntityManager } from 'typeorm';
import { accessScopeOf, unitInScope } from '../auth/access-scope.js';
import type { CurrentUser } from '../auth/current-user.js';
import { AppError } from '../shared/app-error.js';

/**
 * A petition as the user may see it, with the unit that owns it. Outside the user's jurisdiction it does not
 * exist for them: the same 404 as an unknown id, so nothing leaks.
 */
export async function visiblePetition(em: EntityManager, user: CurrentUser, petitionId: string): Promise<{ row: PetitionEntity; owningUnit: UnitEntity }> {
  const row = await petitionStore.load(em, petitionId);
  if (row === null) throw new AppError('not-found', 'error.not_found', { what: LABELS.entity.petition });
  const owningUnit = await em.findOneOrFail(UnitEntity, { where: { id: row.owningUnitId } });
  if (!unitInScope(accessScopeOf(user), owningUnit)) throw new AppError('not-found', 'error.not_found', { what: LABELS.entity.petition });
  return { row, owningUnit };
}

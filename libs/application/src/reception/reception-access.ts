import { LABELS, positionLevel, RECEPTION_LABELS, type ReceptionPosition, type ReceptionRefusal } from '@app/domain';
import { UnitEntity, UserEntity } from '@app/persistence';
import type { EntityManager } from 'typeorm';
import { accessScopeOf, unitInScope } from '../auth/access-scope.js';
import type { CurrentUser } from '../auth/current-user.js';
import { AppError, invalidCommand, transitionRefused } from '../shared/app-error.js';

export const LEVEL_LABELS = {
  commune: { vi: 'xã', en: 'commune' },
  province: { vi: 'tỉnh', en: 'province' },
} as const;

export function receptionRefusalToError(r: ReceptionRefusal): AppError {
  switch (r.code) {
    case 'transition-not-allowed':
      return transitionRefused(
        'reception.transition_not_allowed',
        { action: RECEPTION_LABELS.action[r.action], status: RECEPTION_LABELS.status[r.status] },
        r.status,
        r.allowedActions,
      );
    case 'role-not-allowed':
      return new AppError('forbidden', 'reception.role_not_allowed', { role: LABELS.role[r.role], action: RECEPTION_LABELS.action[r.action] });
    case 'held-in-future':
      return new AppError('conflict', 'reception.held_in_future', { date: r.date, today: r.today }, { date: r.date, today: r.today });
    case 'invalid-command':
      return invalidCommand(r.field, r.messageKey);
  }
}

/**
 * The unit a reception position belongs to: a commune for commune positions, a province for provincial ones,
 * inside the caller's jurisdiction. Anything else is a 422 on `field`, like a petition's receiving unit.
 */
export async function receptionUnit(em: EntityManager, user: CurrentUser, unitId: string, position: ReceptionPosition, field = 'unitId'): Promise<UnitEntity> {
  const level = positionLevel(position);
  const unit = await em.findOne(UnitEntity, { where: { id: unitId } });
  if (unit === null || unit.level !== level || !unitInScope(accessScopeOf(user), unit)) {
    throw new AppError('unprocessable', 'reception.unit_invalid', { level: LEVEL_LABELS[level] }, {}, [
      { field, messageKey: 'reception.unit_invalid', params: { level: LEVEL_LABELS[level] } },
    ]);
  }
  return unit;
}

/** A host is an active head working in that very commune (its offices included) or at that province's level. */
export async function checkHost(em: EntityManager, hostUserId: string, unit: UnitEntity, field = 'hostUserId'): Promise<UserEntity> {
  const host = await em.findOne(UserEntity, { where: { id: hostUserId } });
  const hostUnit = host ? await em.findOne(UnitEntity, { where: { id: host.unitId } }) : null;
  const sameUnit =
    hostUnit !== null &&
    (unit.level === 'commune' ? hostUnit.communeId === unit.id : hostUnit.provinceId === unit.id && hostUnit.communeId === null);
  if (!host || !host.active || host.role !== 'head' || !sameUnit) {
    throw new AppError('unprocessable', 'reception.host_invalid', {}, {}, [{ field, messageKey: 'reception.host_invalid' }]);
  }
  return host;
}

/** A reception day as the user may see it; outside the jurisdiction it is the same 404 as an unknown id. */
export async function visibleReceptionDayUnit(em: EntityManager, user: CurrentUser, id: string): Promise<UnitEntity> {
  const rows: { unit_id: string }[] = await em.query(`SELECT unit_id FROM reception_days WHERE id = $1`, [id]);
  const unit = rows[0] ? await em.findOne(UnitEntity, { where: { id: rows[0].unit_id } }) : null;
  if (unit === null || !unitInScope(accessScopeOf(user), unit)) {
    throw new AppError('not-found', 'error.not_found', { what: RECEPTION_LABELS.entity.receptionDay });
  }
  return unit;
}

import { type ClockActRefusal, type ClockRule, LABELS, type Message, renderMessage } from '@app/domain';
import type { PetitionEntity } from '@app/persistence';
import type { EntityManager } from 'typeorm';
import type { CurrentUser } from '../auth/current-user.js';
import { AppError } from '../shared/app-error.js';
import { visiblePetition } from '../petitions/visible-petition.js';

/**
 * The start of every deadline act on a petition, inside its transaction: lock the petition row first (the same
 * order as workflow actions: petition, then its clocks), apply the jurisdiction rule (404 outside), the
 * If-Match precondition (412) and the role rule (403: the competent head only).
 */
export async function lockPetitionForDeadlineAct(
  em: EntityManager,
  user: CurrentUser,
  petitionId: string,
  expectedVersion: number | undefined,
): Promise<PetitionEntity> {
  await em.query(`SELECT 1 FROM petitions WHERE id = $1 FOR NO KEY UPDATE`, [petitionId]);
  const { row } = await visiblePetition(em, user, petitionId);
  if (expectedVersion !== undefined && expectedVersion !== row.version) {
    throw new AppError('precondition-failed', 'petition.version_conflict', { version: row.version }, { currentVersion: row.version });
  }
  if (user.role !== 'head') throw new AppError('forbidden', 'deadline.role_not_allowed', { role: LABELS.role[user.role] });
  return row;
}

const joinLabels = (labels: readonly Message[]): Message =>
  labels.length === 0 ? renderMessage('deadline.no_pause_reasons') : { vi: labels.map((l) => l.vi).join(', '), en: labels.map((l) => l.en).join(', ') };

/** A domain refusal as a 409 problem with a catalogue message (and the facts a client needs, as extensions). */
export function clockRefusalToError(r: ClockActRefusal, rule: ClockRule, extra: { reason?: string } = {}): AppError {
  const params = { rule: rule.ruleId, legalBasis: rule.legalBasis };
  switch (r.code) {
    case 'clock-not-open':
      return new AppError('conflict', 'deadline.clock_not_open', { ...params, status: LABELS.clockStatus[r.status] }, { clockStatus: r.status });
    case 'already-paused':
      return new AppError('conflict', 'deadline.already_paused', params);
    case 'not-paused':
      return new AppError('conflict', 'deadline.not_paused', params);
    case 'pause-reason-not-allowed': {
      const reason = extra.reason ?? '';
      const label = LABELS.pauseReason[reason as keyof typeof LABELS.pauseReason] ?? { vi: reason, en: reason };
      return new AppError(
        'conflict',
        'deadline.pause_reason_not_allowed',
        { ...params, reason: label, allowed: joinLabels(r.allowed.map((a) => LABELS.pauseReason[a])) },
        { allowedReasons: r.allowed },
      );
    }
    case 'extension-not-allowed':
      return new AppError('conflict', 'deadline.extension_not_allowed', params);
    case 'extension-complexity':
      return new AppError(
        'conflict',
        'deadline.extension_complexity',
        { ...params, complexity: LABELS.complexity[r.complexity], allowed: r.allowed },
        { complexity: r.complexity, allowed: r.allowed, maxCount: r.maxCount },
      );
    case 'extension-limit-reached':
      return new AppError('conflict', 'deadline.extension_limit_reached', { ...params, max: r.maxCount }, { maxCount: r.maxCount });
    case 'met-by-workflow':
      return new AppError('conflict', 'deadline.met_by_workflow', { ...params, steps: r.metOn.join(', ') }, { metOn: r.metOn });
  }
}

/** Deadline policies and the calendar are system settings: administrators only. */
export function requireAdmin(user: CurrentUser): void {
  if (user.role !== 'admin') throw new AppError('forbidden', 'error.admin_only');
}

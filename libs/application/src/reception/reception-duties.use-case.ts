import { randomUUID } from 'node:crypto';
import {
  addLocalDays,
  type Clock,
  type LocalDate,
  RECEPTION_LABELS,
  type ReceptionDutyRule,
  type ReceptionPosition,
  toLocalDate,
  validateDutyRule,
  type Verification,
} from '@app/domain';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { accessScopeOf } from '../auth/access-scope.js';
import type { CurrentUser } from '../auth/current-user.js';
import { scopeSql, SqlParams } from '../board/board-access.js';
import { AppError } from '../shared/app-error.js';
import { CLOCK } from '../shared/clock.provider.js';
import { checkHost, receptionUnit } from './reception-access.js';

const RULE_SELECT = `
  SELECT rule_id AS "ruleId", position, min_days_per_month AS "minDaysPerMonth", min_days_per_week AS "minDaysPerWeek",
         legal_reference AS "legalReference", verification, note, effective_from::text AS "effectiveFrom", effective_to::text AS "effectiveTo"
    FROM reception_duty_rules`;

/** Every duty rule, oldest first (there are a handful). */
export async function loadDutyRules(em: EntityManager): Promise<ReceptionDutyRule[]> {
  return em.query(`${RULE_SELECT} ORDER BY position, effective_from`);
}

/** The rule in force for a position on a date, if any. */
export async function dutyRuleInForce(em: EntityManager, position: ReceptionPosition, date: LocalDate): Promise<ReceptionDutyRule | null> {
  const rows: ReceptionDutyRule[] = await em.query(
    `${RULE_SELECT} WHERE position = $1 AND effective_from <= $2::date AND (effective_to IS NULL OR effective_to >= $2::date)
      ORDER BY effective_from DESC LIMIT 1`,
    [position, date],
  );
  return rows[0] ?? null;
}

export interface AssignDutyInput {
  readonly userId: string;
  readonly unitId: string;
  readonly position: ReceptionPosition;
  /** Defaults to today (Vietnam). */
  readonly effectiveFrom?: LocalDate;
  readonly effectiveTo?: LocalDate;
}

export interface ReceptionDutyView {
  readonly id: string;
  readonly user: { readonly id: string; readonly fullName: string };
  readonly unit: { readonly id: string; readonly name: string };
  readonly position: ReceptionPosition;
  readonly positionLabel: { vi: string; en: string };
  readonly effectiveFrom: LocalDate;
  readonly effectiveTo: LocalDate | null;
}

/**
 * The register of who holds a reception position where (users only carry a role): compliance needs it so a
 * head who never planned a day still shows, flagged. Heads record their own unit's duties; admins any.
 */
@Injectable()
export class ReceptionDutiesUseCase {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async assign(user: CurrentUser, input: AssignDutyInput): Promise<ReceptionDutyView> {
    if (user.role !== 'head' && user.role !== 'admin') throw new AppError('forbidden', 'error.forbidden');
    return this.dataSource.transaction(async (em) => {
      const now = this.clock.now();
      const unit = await receptionUnit(em, user, input.unitId, input.position);
      await checkHost(em, input.userId, unit, 'userId');
      const from = input.effectiveFrom ?? toLocalDate(now);
      const to = input.effectiveTo ?? null;
      if (to !== null && to < from) throw new AppError('unprocessable', 'error.validation', {}, {}, [{ field: 'effectiveTo', messageKey: 'reception.rule_dates_order' }]);
      // Serialise assignments of one person (two racing requests must not both pass the overlap check).
      await em.query(`SELECT 1 FROM users WHERE id = $1 FOR NO KEY UPDATE`, [input.userId]);
      const overlap: unknown[] = await em.query(
        `SELECT 1 FROM reception_duties
          WHERE user_id = $1 AND unit_id = $2 AND position = $3
            AND effective_from <= COALESCE($5::date, 'infinity'::date) AND COALESCE(effective_to, 'infinity'::date) >= $4::date`,
        [input.userId, unit.id, input.position, from, to],
      );
      if (overlap.length > 0) throw new AppError('conflict', 'reception.duty_overlap', { position: RECEPTION_LABELS.position[input.position] });
      const id = randomUUID();
      await em.query(
        `INSERT INTO reception_duties (id, user_id, unit_id, position, effective_from, effective_to, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [id, input.userId, unit.id, input.position, from, to, user.id, now],
      );
      const [view] = await this.select(em, user, { id });
      return view!;
    });
  }

  list(user: CurrentUser, f: { unitId?: string; position?: ReceptionPosition }): Promise<ReceptionDutyView[]> {
    return this.select(this.dataSource.manager, user, f);
  }

  private async select(em: EntityManager, user: CurrentUser, f: { id?: string; unitId?: string; position?: ReceptionPosition }): Promise<ReceptionDutyView[]> {
    const params = new SqlParams();
    const where = [scopeSql(accessScopeOf(user), 'u', params)];
    if (f.id) where.push(`d.id = ${params.p(f.id)}`);
    if (f.unitId) where.push(`d.unit_id = ${params.p(f.unitId)}`);
    if (f.position) where.push(`d.position = ${params.p(f.position)}`);
    const rows: { id: string; user_id: string; full_name: string; unit_id: string; unit_name: string; position: ReceptionPosition; from: string; to: string | null }[] =
      await em.query(
        `SELECT d.id, d.user_id, h.full_name, d.unit_id, u.name AS unit_name, d.position, d.effective_from::text AS from, d.effective_to::text AS to
           FROM reception_duties d JOIN units u ON u.id = d.unit_id JOIN users h ON h.id = d.user_id
          WHERE ${where.join(' AND ')}
          ORDER BY u.name, d.position, d.effective_from, d.id`,
        params.values,
      );
    return rows.map((r) => ({
      id: r.id,
      user: { id: r.user_id, fullName: r.full_name },
      unit: { id: r.unit_id, name: r.unit_name },
      position: r.position,
      positionLabel: RECEPTION_LABELS.position[r.position],
      effectiveFrom: r.from,
      effectiveTo: r.to,
    }));
  }
}

export interface PublishDutyRuleInput {
  readonly ruleId: string;
  readonly position: ReceptionPosition;
  readonly minDaysPerMonth?: number;
  readonly minDaysPerWeek?: number;
  readonly legalReference: string;
  readonly verification: Verification;
  readonly note?: string;
  readonly effectiveFrom: LocalDate;
}

/**
 * The reception duty rules (DOMAIN.md R1, R1', R2, R4) are data: everyone may read them with their legal
 * reference and verification mark; an administrator publishes a new version for a position from a future
 * date, which ends the one in force the day before (e.g. once the final text of Law 136 is verified).
 */
@Injectable()
export class ReceptionDutyRulesUseCase {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  list(): Promise<ReceptionDutyRule[]> {
    return loadDutyRules(this.dataSource.manager);
  }

  async publish(user: CurrentUser, input: PublishDutyRuleInput): Promise<ReceptionDutyRule[]> {
    if (user.role !== 'admin') throw new AppError('forbidden', 'error.admin_only');
    const rule: ReceptionDutyRule = {
      ruleId: input.ruleId.trim(),
      position: input.position,
      minDaysPerMonth: input.minDaysPerMonth ?? null,
      minDaysPerWeek: input.minDaysPerWeek ?? null,
      legalReference: input.legalReference.trim(),
      verification: input.verification,
      note: input.note?.trim() || null,
      effectiveFrom: input.effectiveFrom,
      effectiveTo: null,
    };
    const invalid = validateDutyRule(rule);
    if (invalid) throw new AppError('unprocessable', 'error.validation', {}, {}, [{ field: invalid.field, messageKey: invalid.messageKey as never }]);
    const today = toLocalDate(this.clock.now());
    if (rule.effectiveFrom < today) {
      throw new AppError('unprocessable', 'error.validation', {}, {}, [{ field: 'effectiveFrom', messageKey: 'deadline.effective_from_past', params: { today } }]);
    }
    return this.dataSource.transaction(async (em) => {
      // One writer per position at a time: the latest start is read and extended under the lock.
      const current: { from: string }[] = await em.query(
        `SELECT effective_from::text AS from FROM reception_duty_rules WHERE position = $1 ORDER BY effective_from DESC FOR UPDATE`,
        [rule.position],
      );
      const latest = current[0]?.from;
      if (latest !== undefined && rule.effectiveFrom <= latest) {
        throw new AppError('unprocessable', 'error.validation', {}, {}, [
          { field: 'effectiveFrom', messageKey: 'reception.rule_effective_not_after_current', params: { from: latest } },
        ]);
      }
      await em.query(
        `UPDATE reception_duty_rules SET effective_to = $2 WHERE position = $1 AND (effective_to IS NULL OR effective_to >= $3::date)`,
        [rule.position, addLocalDays(rule.effectiveFrom, -1), rule.effectiveFrom],
      );
      await em.query(
        `INSERT INTO reception_duty_rules (rule_id, position, min_days_per_month, min_days_per_week, legal_reference, verification, note, effective_from, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [rule.ruleId, rule.position, rule.minDaysPerMonth, rule.minDaysPerWeek, rule.legalReference, rule.verification, rule.note, rule.effectiveFrom, user.id],
      );
      return loadDutyRules(em);
    });
  }
}

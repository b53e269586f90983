import {
  addLocalDays,
  type Clock,
  type ComplianceRow,
  type ComplianceStatus,
  computeReceptionCompliance,
  type DutyHolder,
  firstDayOfMonth,
  lastDayOfMonth,
  type Message,
  RECEPTION_LABELS,
  type ReceptionDayFact,
  type ReceptionDutyRule,
  type ReceptionPosition,
  renderMessage,
  startOfLocalDay,
  toLocalDate,
  type YearMonth,
} from '@app/domain';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CurrentUser } from '../auth/current-user.js';
import { boardScopeOf, scopeSql, SqlParams } from '../board/board-access.js';
import { loadCalendar } from '../deadlines/deadline-sources.js';
import { CLOCK } from '../shared/clock.provider.js';
import { loadDutyRules } from './reception-duties.use-case.js';

export interface ReceptionComplianceRowView {
  readonly host: { readonly id: string; readonly fullName: string };
  readonly unit: { readonly id: string; readonly name: string };
  readonly position: ReceptionPosition;
  readonly positionLabel: Message;
  readonly month: YearMonth;
  readonly required: number;
  readonly held: number;
  readonly heldDates: readonly string[];
  readonly planned: number;
  readonly cancelled: number;
  readonly shortWeeks: ComplianceRow['shortWeeks'];
  /** met | short | in_progress (not over yet and still possible) | not_required. */
  readonly status: ComplianceStatus;
  readonly flagged: boolean;
  readonly rule: ReceptionDutyRule | null;
}

export interface ReceptionComplianceView {
  readonly month: YearMonth;
  readonly timeZone: 'Asia/Ho_Chi_Minh';
  readonly asOf: string;
  readonly rows: ReceptionComplianceRowView[];
  readonly totals: { readonly heads: number; readonly flagged: number; readonly inProgress: number };
  readonly definitions: { readonly required: Message; readonly held: Message; readonly flagged: Message; readonly inProgress: Message };
}

/**
 * Reception-duty compliance per head and month within the caller's jurisdiction: the board sees its province's
 * communes (and the province), a commune head or desk its own commune. Handlers are refused, like every board view.
 */
@Injectable()
export class ReceptionComplianceUseCase {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(user: CurrentUser, input: { month: YearMonth; unitId?: string }): Promise<ReceptionComplianceView> {
    const scope = boardScopeOf(user);
    const em = this.dataSource.manager;
    const first = firstDayOfMonth(input.month);
    const last = lastDayOfMonth(input.month);

    const holderParams = new SqlParams();
    const holderWhere = [
      scopeSql(scope, 'u', holderParams),
      `d.effective_from <= ${holderParams.p(last)}::date`,
      `COALESCE(d.effective_to, 'infinity'::date) >= ${holderParams.p(first)}::date`,
    ];
    if (input.unitId) holderWhere.push(`d.unit_id = ${holderParams.p(input.unitId)}`);
    // With the duty's dates: only the part of the month each head held the position is judged.
    const holders: DutyHolder[] = await em.query(
      `SELECT d.user_id AS "userId", d.unit_id AS "unitId", d.position,
              d.effective_from::text AS "effectiveFrom", d.effective_to::text AS "effectiveTo"
         FROM reception_duties d JOIN units u ON u.id = d.unit_id WHERE ${holderWhere.join(' AND ')}`,
      holderParams.values,
    );

    // A weekly rule judges whole weeks, which may reach up to six days into the neighbouring months.
    const dayParams = new SqlParams();
    const dayWhere = [
      scopeSql(scope, 'u', dayParams),
      `r.date BETWEEN ${dayParams.p(addLocalDays(first, -6))}::date AND ${dayParams.p(addLocalDays(last, 6))}::date`,
    ];
    if (input.unitId) dayWhere.push(`r.unit_id = ${dayParams.p(input.unitId)}`);
    const days: ReceptionDayFact[] = await em.query(
      `SELECT r.host_user_id AS "hostUserId", r.unit_id AS "unitId", r.position, r.date::text AS date, r.status
         FROM reception_days r JOIN units u ON u.id = r.unit_id WHERE ${dayWhere.join(' AND ')}`,
      dayParams.values,
    );

    const now = this.clock.now();
    // Weeks (or parts of a month) with no working day, such as the Tết week, require no reception.
    const calendar = await loadCalendar(em, startOfLocalDay(first));
    const rows = computeReceptionCompliance({
      month: input.month,
      today: toLocalDate(now),
      rules: await loadDutyRules(em),
      holders,
      days,
      isWorkingDay: (d) => calendar.isWorkingDay(d),
    });
    const userIds = [...new Set(rows.map((r) => r.userId))];
    const unitIds = [...new Set(rows.map((r) => r.unitId))];
    const names = new Map<string, string>(
      (await em.query(`SELECT id, full_name AS name FROM users WHERE id = ANY($1::uuid[])`, [userIds])).map((r: { id: string; name: string }) => [r.id, r.name]),
    );
    const unitNames = new Map<string, string>(
      (await em.query(`SELECT id, name FROM units WHERE id = ANY($1::uuid[])`, [unitIds])).map((r: { id: string; name: string }) => [r.id, r.name]),
    );
    return {
      month: input.month,
      timeZone: 'Asia/Ho_Chi_Minh',
      asOf: now.toISOString(),
      rows: rows.map((r) => ({
        host: { id: r.userId, fullName: names.get(r.userId) ?? '' },
        unit: { id: r.unitId, name: unitNames.get(r.unitId) ?? '' },
        position: r.position,
        positionLabel: RECEPTION_LABELS.position[r.position],
        month: r.month,
        required: r.required,
        held: r.held,
        heldDates: r.heldDates,
        planned: r.planned,
        cancelled: r.cancelled,
        shortWeeks: r.shortWeeks,
        status: r.status,
        flagged: r.flagged,
        rule: r.rule,
      })),
      totals: { heads: rows.length, flagged: rows.filter((r) => r.flagged).length, inProgress: rows.filter((r) => r.status === 'in_progress').length },
      definitions: {
        required: renderMessage('reception.compliance.required'),
        held: renderMessage('reception.compliance.held'),
        flagged: renderMessage('reception.compliance.flagged'),
        inProgress: renderMessage('reception.compliance.in_progress'),
      },
    };
  }
}

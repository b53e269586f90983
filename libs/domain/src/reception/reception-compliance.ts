import type { LocalDate } from '../calendar/local-date.js';
import { addLocalDays, dayOfWeek, isLocalDate } from '../calendar/local-date.js';
import type { Verification } from '../deadlines/deadline-policy.js';
import type { ReceptionDayStatus, ReceptionPosition } from './reception-position.js';

/*
 * Compliance with the reception duty (DOMAIN.md R1, R1', R2, R4). Frequencies are data: R1' (the commune chair's
 * 2 days a month from 01/07/2026) was only seen in a draft ❓, so every rule is a row with its legal reference,
 * verification mark and effective dates (reception_duty_rules), never a constant in code.
 */

/** 'YYYY-MM' */
export type YearMonth = string;
const YEAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isYearMonth(s: string): s is YearMonth {
  return YEAR_MONTH.test(s);
}

/** The month of a Vietnam local date. */
export function monthOf(date: LocalDate): YearMonth {
  return date.slice(0, 7);
}

export function firstDayOfMonth(month: YearMonth): LocalDate {
  return `${month}-01`;
}

export function lastDayOfMonth(month: YearMonth): LocalDate {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return addLocalDays(next, -1);
}

export interface ReceptionDutyRule {
  /** DOMAIN.md row id: R1, R1', R2, R4. */
  readonly ruleId: string;
  readonly position: ReceptionPosition;
  /** Exactly one of the two frequencies is set. */
  readonly minDaysPerMonth: number | null;
  /** R1 until 30/06/2026: at least one day in every week. */
  readonly minDaysPerWeek: number | null;
  readonly legalReference: string;
  readonly verification: Verification;
  readonly effectiveFrom: LocalDate;
  /** Last day in force (inclusive); null while in force. */
  readonly effectiveTo: LocalDate | null;
  readonly note: string | null;
}

/** The defaults from DOMAIN.md §0 and §2.1, seeded by the reception-days migration. */
export const DEFAULT_RECEPTION_DUTY_RULES: readonly ReceptionDutyRule[] = [
  {
    ruleId: 'R1',
    position: 'commune_chair',
    minDaysPerMonth: null,
    minDaysPerWeek: 1,
    legalReference: 'Luật Tiếp công dân 42/2013/QH13, Điều 15 khoản 2 điểm d',
    verification: 'verified',
    effectiveFrom: '2014-07-01',
    effectiveTo: '2026-06-30',
    note: 'Ít nhất 1 ngày mỗi tuần, đến khi Luật 136/2025/QH15 có hiệu lực.',
  },
  {
    ruleId: "R1'",
    position: 'commune_chair',
    minDaysPerMonth: 2,
    minDaysPerWeek: null,
    legalReference: 'Luật 136/2025/QH15 sửa đổi Luật Tiếp công dân (dự thảo 10–11/2025; chưa đối chiếu văn bản chính thức)',
    verification: 'unverified',
    effectiveFrom: '2026-07-01',
    effectiveTo: null,
    note: 'Dự thảo: ít nhất 2 ngày mỗi tháng, không được ủy quyền cho cấp phó. Cần xác minh văn bản cuối cùng.',
  },
  {
    ruleId: 'R2',
    position: 'province_chair',
    minDaysPerMonth: 1,
    minDaysPerWeek: null,
    legalReference: 'Luật Tiếp công dân 42/2013/QH13, Điều 13 (số điều chưa chắc chắn)',
    verification: 'partial',
    effectiveFrom: '2014-07-01',
    effectiveTo: null,
    note: null,
  },
  {
    ruleId: 'R4',
    position: 'province_party_head',
    minDaysPerMonth: 1,
    minDaysPerWeek: null,
    legalReference: 'Quy định 11-QĐi/TW ngày 18/02/2019 của Bộ Chính trị',
    verification: 'verified',
    effectiveFrom: '2019-02-18',
    effectiveTo: null,
    note: 'Hiệu lực sau sắp xếp bộ máy 2025 cần xác minh (DOMAIN.md §11.8).',
  },
  {
    ruleId: 'R4',
    position: 'commune_party_head',
    minDaysPerMonth: 2,
    minDaysPerWeek: null,
    legalReference: 'Quy định 11-QĐi/TW ngày 18/02/2019 của Bộ Chính trị',
    verification: 'verified',
    effectiveFrom: '2019-02-18',
    effectiveTo: null,
    note: 'Hiệu lực sau sắp xếp bộ máy 2025 cần xác minh (DOMAIN.md §11.8).',
  },
];

/**
 * The rule that governs a month for a position: the one in force on the month's first day, so that a head
 * knows the month's obligation when it starts (R1 → R1' changes on 01/07/2026, a first of the month).
 */
export function ruleForMonth(rules: readonly ReceptionDutyRule[], position: ReceptionPosition, month: YearMonth): ReceptionDutyRule | null {
  const first = firstDayOfMonth(month);
  const inForce = rules.filter((r) => r.position === position && r.effectiveFrom <= first && (r.effectiveTo === null || r.effectiveTo >= first));
  // Overlaps are refused when rules are written; if one slipped in, the latest start wins.
  return inForce.sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : a.effectiveFrom > b.effectiveFrom ? -1 : 0))[0] ?? null;
}

/**
 * The Monday-to-Sunday weeks a month answers for under a weekly rule: those whose Thursday falls in the
 * month (the ISO 8601 convention), so every week belongs to exactly one month.
 */
export function weeksOfMonth(month: YearMonth): { readonly from: LocalDate; readonly to: LocalDate }[] {
  const first = firstDayOfMonth(month);
  // The Monday of the week holding the month's first Thursday.
  const firstThursday = addLocalDays(first, (4 - dayOfWeek(first) + 7) % 7);
  const weeks: { from: LocalDate; to: LocalDate }[] = [];
  for (let thursday = firstThursday; monthOf(thursday) === month; thursday = addLocalDays(thursday, 7)) {
    weeks.push({ from: addLocalDays(thursday, -3), to: addLocalDays(thursday, 3) });
  }
  return weeks;
}

/** Someone who holds a reception position in a unit during (part of) the month. */
export interface DutyHolder {
  readonly userId: string;
  readonly unitId: string;
  readonly position: ReceptionPosition;
}

/** What compliance needs of a reception day. */
export interface ReceptionDayFact {
  readonly hostUserId: string;
  readonly unitId: string;
  readonly position: ReceptionPosition;
  readonly date: LocalDate;
  readonly status: ReceptionDayStatus;
}

export interface ComplianceRow {
  readonly userId: string;
  readonly unitId: string;
  readonly position: ReceptionPosition;
  readonly month: YearMonth;
  /** Null when no rule is in force for the position that month: nothing is required, nothing is flagged. */
  readonly rule: ReceptionDutyRule | null;
  /** Days required in the month (a weekly rule: per week × weeks answered for). */
  readonly required: number;
  /** Distinct local dates held (two sessions on one day are one day). */
  readonly held: number;
  readonly heldDates: readonly LocalDate[];
  /** Days still planned in the month: they do not count until recorded as held. */
  readonly planned: number;
  readonly cancelled: number;
  /** Weekly rule: the weeks with fewer days than required. */
  readonly shortWeeks: readonly { readonly from: LocalDate; readonly to: LocalDate; readonly held: number }[];
  readonly flagged: boolean;
}

const key = (userId: string, unitId: string, position: string) => `${userId}|${unitId}|${position}`;

/**
 * Compliance per head, unit and position for one month. Holders come from the duty register (so a head with
 * no day at all shows, flagged) and from the days themselves (a host recorded on a day, even without a duty
 * row, is accounted for). Only held days count; planned and cancelled ones are reported, never counted.
 */
export function computeReceptionCompliance(input: {
  readonly month: YearMonth;
  readonly rules: readonly ReceptionDutyRule[];
  readonly holders: readonly DutyHolder[];
  readonly days: readonly ReceptionDayFact[];
}): ComplianceRow[] {
  const { month } = input;
  if (!isYearMonth(month)) throw new Error(`Not a month: ${month}`);
  const weekly = weeksOfMonth(month);
  const span = { from: weekly[0]?.from ?? firstDayOfMonth(month), to: weekly.at(-1)?.to ?? lastDayOfMonth(month) };
  const holders = new Map<string, DutyHolder>();
  for (const h of input.holders) holders.set(key(h.userId, h.unitId, h.position), h);
  for (const d of input.days) {
    if (monthOf(d.date) === month) holders.set(key(d.hostUserId, d.unitId, d.position), { userId: d.hostUserId, unitId: d.unitId, position: d.position });
  }
  const rows: ComplianceRow[] = [];
  for (const h of holders.values()) {
    const rule = ruleForMonth(input.rules, h.position, month);
    const mine = input.days.filter((d) => d.hostUserId === h.userId && d.unitId === h.unitId && d.position === h.position);
    const inMonth = mine.filter((d) => monthOf(d.date) === month);
    const heldDates = [...new Set(inMonth.filter((d) => d.status === 'held').map((d) => d.date))].sort();
    let required = 0;
    let flagged = false;
    let shortWeeks: ComplianceRow['shortWeeks'] = [];
    if (rule?.minDaysPerMonth != null) {
      required = rule.minDaysPerMonth;
      flagged = heldDates.length < required;
    } else if (rule?.minDaysPerWeek != null) {
      // A week straddling two months is judged with all its days, in the month that owns it.
      const heldInSpan = new Set(mine.filter((d) => d.status === 'held' && d.date >= span.from && d.date <= span.to).map((d) => d.date));
      const perWeek = weekly.map((w) => ({ ...w, held: [...heldInSpan].filter((d) => d >= w.from && d <= w.to).length }));
      required = rule.minDaysPerWeek * weekly.length;
      shortWeeks = perWeek.filter((w) => w.held < rule.minDaysPerWeek!);
      flagged = shortWeeks.length > 0;
    }
    rows.push({
      userId: h.userId,
      unitId: h.unitId,
      position: h.position,
      month,
      rule,
      required,
      held: heldDates.length,
      heldDates,
      planned: inMonth.filter((d) => d.status === 'planned').length,
      cancelled: inMonth.filter((d) => d.status === 'cancelled').length,
      shortWeeks,
      flagged,
    });
  }
  // Flagged first, then the furthest behind, then stable by unit, position and person.
  return rows.sort(
    (a, b) =>
      Number(b.flagged) - Number(a.flagged) ||
      (b.required - b.held) - (a.required - a.held) ||
      a.unitId.localeCompare(b.unitId) ||
      a.position.localeCompare(b.position) ||
      a.userId.localeCompare(b.userId),
  );
}

/** Checks a rule before it is stored: one frequency, a positive whole number of days, ordered dates. */
export function validateDutyRule(rule: Omit<ReceptionDutyRule, 'ruleId'> & { ruleId?: string }): { field: string; messageKey: string } | null {
  const perMonth = rule.minDaysPerMonth;
  const perWeek = rule.minDaysPerWeek;
  if ((perMonth === null) === (perWeek === null)) return { field: 'minDaysPerMonth', messageKey: 'reception.rule_one_frequency' };
  const n = (perMonth ?? perWeek)!;
  const field = perMonth !== null ? 'minDaysPerMonth' : 'minDaysPerWeek';
  if (!Number.isInteger(n) || n < 1) return { field, messageKey: 'validation.min' };
  if (n > (perMonth !== null ? 31 : 7)) return { field, messageKey: 'validation.max' };
  if (!isLocalDate(rule.effectiveFrom)) return { field: 'effectiveFrom', messageKey: 'validation.isLocalDate' };
  if (rule.effectiveTo !== null && (!isLocalDate(rule.effectiveTo) || rule.effectiveTo < rule.effectiveFrom)) {
    return { field: 'effectiveTo', messageKey: 'reception.rule_dates_order' };
  }
  if (rule.legalReference.trim() === '') return { field: 'legalReference', messageKey: 'validation.required' };
  return null;
}

import type { LocalDate } from '../calendar/local-date.js';
import { addLocalDays, dayOfWeek, isAcceptedLocalDate, isLocalDate, LocalDateRangeError, localDaysBetween, MAX_DAY_SPAN } from '../calendar/local-date.js';
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
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  // Padded: year 0999 must stay '0999', not become '999' (an invalid date and a 500).
  const next = m === 12 ? `${pad(y + 1, 4)}-01-01` : `${pad(y, 4)}-${pad(m + 1, 2)}-01`;
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

/** Someone who holds a reception position in a unit during (part of) the month, with the duty's dates. */
export interface DutyHolder {
  readonly userId: string;
  readonly unitId: string;
  readonly position: ReceptionPosition;
  /** First day in the position (inclusive). */
  readonly effectiveFrom: LocalDate;
  /** Last day in the position (inclusive); null while open-ended. */
  readonly effectiveTo: LocalDate | null;
}

/** What compliance needs of a reception day. */
export interface ReceptionDayFact {
  readonly hostUserId: string;
  readonly unitId: string;
  readonly position: ReceptionPosition;
  readonly date: LocalDate;
  readonly status: ReceptionDayStatus;
}

/**
 * - `met`: the days required over the holder's part of the month are held;
 * - `short`: fewer were held and the shortfall is certain (the period is over, or too few days of duty are
 *   left to make it up);
 * - `in_progress`: not met yet, but there is still time (the current month, or a week not yet over);
 * - `not_required`: no rule in force, or the holder's share of the month requires nothing (a week or a share of
 *   the month with no working day, such as the Tết week, requires nothing).
 */
export const COMPLIANCE_STATUSES = ['met', 'short', 'in_progress', 'not_required'] as const;
export type ComplianceStatus = (typeof COMPLIANCE_STATUSES)[number];

export interface ComplianceRow {
  readonly userId: string;
  readonly unitId: string;
  readonly position: ReceptionPosition;
  readonly month: YearMonth;
  /** Null when no rule is in force for the position that month: nothing is required, nothing is flagged. */
  readonly rule: ReceptionDutyRule | null;
  /**
   * Days required of this holder in the month: a monthly rule pro-rated to the days of the month the holder
   * held the duty; a weekly rule, days per week × the weeks the holder held the duty for (see below).
   */
  readonly required: number;
  /** Distinct local dates held (two sessions on one day are one day). */
  readonly held: number;
  readonly heldDates: readonly LocalDate[];
  /** Days still planned in the month: they do not count until recorded as held. */
  readonly planned: number;
  readonly cancelled: number;
  /** Weekly rule: the weeks of the holder's duty that are over (or can no longer be met) with too few days. */
  readonly shortWeeks: readonly { readonly from: LocalDate; readonly to: LocalDate; readonly held: number }[];
  readonly status: ComplianceStatus;
  /** status = short. */
  readonly flagged: boolean;
}

const key = (userId: string, unitId: string, position: string) => `${userId}|${unitId}|${position}`;

type Period = { readonly from: LocalDate; readonly to: LocalDate | null };

function datesFrom(from: LocalDate, to: LocalDate): LocalDate[] {
  if (localDaysBetween(from, to) > MAX_DAY_SPAN) throw new LocalDateRangeError(`${from} … ${to}`);
  const out: LocalDate[] = [];
  for (let d = from; d <= to; d = addLocalDays(d, 1)) out.push(d);
  return out;
}

/**
 * One window (a week, or the holder's part of the month): met when enough days are held; short when the
 * shortfall is certain, i.e. even a reception on every day of duty left in the window (from `today`, which may
 * still be used) would not make it up; otherwise in progress. Once the window is over no day is left.
 */
function judge(required: number, held: number, dutyDays: readonly LocalDate[], today: LocalDate): ComplianceStatus {
  if (required === 0) return 'not_required';
  if (held >= required) return 'met';
  const left = dutyDays.filter((d) => d >= today).length;
  return held + left < required ? 'short' : 'in_progress';
}

/**
 * Compliance per head, unit and position for one month, as of `today` (the Vietnam local date of the clock).
 * Holders come from the duty register, with the dates of their duty (so a head with no day at all shows), and
 * from the days themselves (a host recorded on a day with no duty row is accounted for as if holding the duty
 * all month). Only held days count; planned and cancelled ones are reported, never counted.
 *
 * Only the part of the month the holder held the duty is judged, so neither a chair appointed on the 20th nor
 * the one who left then is flagged for the other's weeks:
 * - a weekly rule (R1) judges the weeks whose working days (Monday to Friday, DOMAIN.md §8.3) all fall within
 *   the duty: a week handed over midweek is judged for neither holder, since neither had the whole week to
 *   fulfil it (flagging both would blame one of them for the other's days);
 * - a monthly rule is pro-rated: required = per month × (days of the month in the duty ÷ days in the month),
 *   rounded to the nearest whole day (halves up). The rule sets a count per month on no fixed days, so a
 *   holder of part of the month owes that part's share; rounding to the nearest neither demands a day of
 *   someone who held a few days nor excuses someone who held most of the month.
 * Until a window is over it is `in_progress`, not flagged, unless it can no longer be met: the current month
 * is not flagged on its 1st for days that are still to come.
 */
export function computeReceptionCompliance(input: {
  readonly month: YearMonth;
  /** Today, Vietnam local date (Asia/Ho_Chi_Minh). */
  readonly today: LocalDate;
  readonly rules: readonly ReceptionDutyRule[];
  readonly holders: readonly DutyHolder[];
  readonly days: readonly ReceptionDayFact[];
  /**
   * The working-day calendar (WorkingCalendar.isWorkingDay). A week, or a holder's part of a month, with no
   * working day (the Tết week) requires nothing. Default: Monday to Friday.
   */
  readonly isWorkingDay?: (date: LocalDate) => boolean;
}): ComplianceRow[] {
  const { month, today } = input;
  const isWorkingDay = input.isWorkingDay ?? ((d: LocalDate) => dayOfWeek(d) >= 1 && dayOfWeek(d) <= 5);
  if (!isYearMonth(month)) throw new Error(`Not a month: ${month}`);
  if (!isLocalDate(today)) throw new Error(`Not a local date: ${today}`);
  const weekly = weeksOfMonth(month);
  const span = { from: weekly[0]?.from ?? firstDayOfMonth(month), to: weekly.at(-1)?.to ?? lastDayOfMonth(month) };
  const monthDays = datesFrom(firstDayOfMonth(month), lastDayOfMonth(month));
  const holders = new Map<string, { holder: Omit<DutyHolder, 'effectiveFrom' | 'effectiveTo'>; periods: Period[] }>();
  for (const h of input.holders) {
    const k = key(h.userId, h.unitId, h.position);
    const entry = holders.get(k) ?? { holder: { userId: h.userId, unitId: h.unitId, position: h.position }, periods: [] };
    entry.periods.push({ from: h.effectiveFrom, to: h.effectiveTo });
    holders.set(k, entry);
  }
  for (const d of input.days) {
    const k = key(d.hostUserId, d.unitId, d.position);
    if (monthOf(d.date) === month && !holders.has(k)) {
      holders.set(k, { holder: { userId: d.hostUserId, unitId: d.unitId, position: d.position }, periods: [{ from: span.from, to: span.to }] });
    }
  }
  const rows: ComplianceRow[] = [];
  for (const { holder: h, periods } of holders.values()) {
    const inDuty = (d: LocalDate) => periods.some((p) => p.from <= d && (p.to === null || d <= p.to));
    const rule = ruleForMonth(input.rules, h.position, month);
    const mine = input.days.filter((d) => d.hostUserId === h.userId && d.unitId === h.unitId && d.position === h.position);
    const inMonth = mine.filter((d) => monthOf(d.date) === month);
    const heldDates = [...new Set(inMonth.filter((d) => d.status === 'held').map((d) => d.date))].sort();
    let required = 0;
    let status: ComplianceStatus = 'not_required';
    let shortWeeks: ComplianceRow['shortWeeks'] = [];
    if (rule?.minDaysPerMonth != null) {
      const dutyDays = monthDays.filter(inDuty);
      required = dutyDays.some(isWorkingDay) ? Math.round((rule.minDaysPerMonth * dutyDays.length) / monthDays.length) : 0;
      status = judge(required, heldDates.length, dutyDays, today);
    } else if (rule?.minDaysPerWeek != null) {
      const perWeek = rule.minDaysPerWeek;
      // A week straddling two months is judged with all its days, in the month that owns it.
      const heldInSpan = new Set(mine.filter((d) => d.status === 'held' && d.date >= span.from && d.date <= span.to).map((d) => d.date));
      const judged = weekly
        .filter((w) => datesFrom(w.from, addLocalDays(w.from, 4)).every(inDuty))
        .map((w) => {
          const held = [...heldInSpan].filter((d) => d >= w.from && d <= w.to).length;
          const dutyDays = datesFrom(w.from, w.to).filter(inDuty);
          // A week with no working day (Tết) asks for no reception: nobody is flagged for an office that is closed.
          const owed = dutyDays.some(isWorkingDay) ? perWeek : 0;
          return { ...w, held, owed, status: judge(owed, held, dutyDays, today) };
        });
      required = judged.reduce((n, w) => n + w.owed, 0);
      shortWeeks = judged.filter((w) => w.status === 'short').map(({ from, to, held }) => ({ from, to, held }));
      status =
        judged.every((w) => w.status === 'not_required')
          ? 'not_required'
          : shortWeeks.length > 0
            ? 'short'
            : judged.some((w) => w.status === 'in_progress')
              ? 'in_progress'
              : 'met';
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
      status,
      flagged: status === 'short',
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
  if (!isAcceptedLocalDate(rule.effectiveFrom)) return { field: 'effectiveFrom', messageKey: 'validation.dateRange' };
  if (rule.effectiveTo !== null && isLocalDate(rule.effectiveTo) && !isAcceptedLocalDate(rule.effectiveTo)) {
    return { field: 'effectiveTo', messageKey: 'validation.dateRange' };
  }
  if (rule.effectiveTo !== null && (!isLocalDate(rule.effectiveTo) || rule.effectiveTo < rule.effectiveFrom)) {
    return { field: 'effectiveTo', messageKey: 'reception.rule_dates_order' };
  }
  if (rule.legalReference.trim() === '') return { field: 'legalReference', messageKey: 'validation.required' };
  return null;
}

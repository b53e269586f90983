import { computeDue } from '../calendar/deadline.js';
import { addLocalDays, endOfLocalDay, type LocalDate, localDaysBetween, startOfLocalDay, toLocalDate } from '../calendar/local-date.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { ComplaintPeriodRule, ComplaintPeriods } from '../deadlines/deadline-policy.js';
import type { ComplaintObstacleReason } from './complaint-obstacle.js';

export { COMPLAINT_OBSTACLE_REASONS, type ComplaintObstacleReason } from './complaint-obstacle.js';

/**
 * The complainant's side of the law (Luật Khiếu nại 2011): the time to file (K1, Art 9), the window for a
 * second-time complaint (K6, Art 33) and when a decision takes legal effect (K10/K11, Art 44). Pure: the
 * application supplies the decision date, the remote-area flag, the recorded obstacles, the policy and the
 * calendar, so the same facts always give the same answer.
 */


/** A recorded period (local dates, both included) during which the complainant could not act. */
export interface ComplaintObstacle {
  readonly fromDay: LocalDate;
  readonly toDay: LocalDate;
  readonly reason: ComplaintObstacleReason;
}

export interface ComplaintWindow {
  readonly ruleId: string;
  readonly legalBasis: string;
  readonly days: number;
  readonly remote: boolean;
  /** The day the period runs from (not counted, BLDS Art 147). */
  readonly fromDay: LocalDate;
  /** Days of recorded obstacles inside the window, added back. */
  readonly obstacleDays: number;
  /** The last day to act (rolled past days off, BLDS Art 148). */
  readonly lastDay: LocalDate;
  /** Whether the complainant may still act at `now`. */
  readonly open: boolean;
}

/** The period's length for this case: the remote-area variant where the law gives one. */
export function periodDays(rule: ComplaintPeriodRule, remote: boolean): number {
  return remote && rule.days.remote !== undefined ? rule.days.remote : rule.days.standard;
}

/**
 * Days of the obstacles that fall inside the window, taken in order of their start: an obstacle counts only if
 * it began by the last day the window had reached with the obstacles before it (a window that had already
 * closed is not revived by a later illness). Overlaps are counted once.
 */
function obstacleDaysWithin(fromDay: LocalDate, days: number, obstacles: readonly ComplaintObstacle[]): number {
  const sorted = [...obstacles].sort((a, b) => a.fromDay.localeCompare(b.fromDay));
  const counted = new Set<LocalDate>();
  for (const o of sorted) {
    const reach = addLocalDays(fromDay, days + counted.size);
    if (o.fromDay > reach) break;
    for (let d = o.fromDay > fromDay ? o.fromDay : addLocalDays(fromDay, 1); d <= o.toDay; d = addLocalDays(d, 1)) counted.add(d);
  }
  return counted.size;
}

/** A complainant's window (K1 or K6) from `from`, with obstacles added back, as of `now`. */
export function complaintWindow(
  rule: ComplaintPeriodRule,
  input: { readonly from: Date; readonly remote: boolean; readonly obstacles: readonly ComplaintObstacle[] },
  calendar: WorkingCalendar,
  now: Date,
): ComplaintWindow {
  const days = periodDays(rule, input.remote);
  const fromDay = toLocalDate(input.from);
  const obstacleDays = obstacleDaysWithin(fromDay, days, input.obstacles);
  const due = computeDue({ startedAt: input.from, days: days + obstacleDays, unit: rule.unit, pauses: [], extensions: [] }, calendar, now);
  const lastDay = due.explanation.lastDay;
  return { ruleId: rule.ruleId, legalBasis: rule.legalBasis, days, remote: input.remote, fromDay, obstacleDays, lastDay, open: now.getTime() < endOfLocalDay(lastDay).getTime() };
}

/**
 * K6 runs from the complainant's receipt of the first decision. The system knows when the decision was sent
 * (the K5 act), not when it arrived, so it counts from the later of the decision and its sending: never
 * earlier than the law allows.
 */
export function secondComplaintWindowOf(
  periods: ComplaintPeriods,
  input: { readonly decidedAt: Date; readonly sentAt: Date | null; readonly remote: boolean; readonly obstacles: readonly ComplaintObstacle[] },
  calendar: WorkingCalendar,
  now: Date,
): ComplaintWindow {
  const from = input.sentAt !== null && input.sentAt.getTime() > input.decidedAt.getTime() ? input.sentAt : input.decidedAt;
  return complaintWindow(periods.secondComplaint, { from, remote: input.remote, obstacles: input.obstacles }, calendar, now);
}

/** K1 at intake: how many days passed between knowing of the decision and filing, and whether that is too many. */
export interface FilingLimitCheck {
  readonly ruleId: string;
  readonly legalBasis: string;
  readonly limitDays: number;
  readonly decisionKnownOn: LocalDate;
  readonly receivedOn: LocalDate;
  readonly elapsedDays: number;
  readonly exceeded: boolean;
}

/** Obstacles are not known at intake; the head weighs them when accepting or refusing (LKN Art 9, Art 11). */
export function filingLimitCheck(periods: ComplaintPeriods, decisionKnownOn: LocalDate, receivedOn: LocalDate): FilingLimitCheck {
  const rule = periods.filing;
  const elapsedDays = localDaysBetween(decisionKnownOn, receivedOn);
  return {
    ruleId: rule.ruleId,
    legalBasis: rule.legalBasis,
    limitDays: rule.days.standard,
    decisionKnownOn,
    receivedOn,
    elapsedDays,
    exceeded: elapsedDays > rule.days.standard,
  };
}

export const LEGAL_EFFECT_STATUSES = ['pending', 'effective', 'challenged'] as const;
export type LegalEffectStatus = (typeof LEGAL_EFFECT_STATUSES)[number];

/** When a complaint decision takes legal effect (LKN Art 44): a dated fact derived from the trail and the policy. */
export interface LegalEffect {
  /** pending: the period runs; effective: it ran out unchallenged; challenged: a second-time complaint came in time. */
  readonly status: LegalEffectStatus;
  /** The first day on which the decision is legally effective (the day after the period's last day). */
  readonly effectiveOn: LocalDate;
  readonly ruleId: string;
  readonly basis: string;
  readonly days: number;
  readonly remote: boolean;
}

/**
 * K10 (first decision: unless a second-time complaint is made) and K11 (second decision). Counted from
 * issuance; a legal effect is not an act somebody must perform, so its date does not roll past days off.
 * A lawsuit also stops K10, but lawsuits are not recorded in the system yet.
 */
export function legalEffectOf(
  periods: ComplaintPeriods,
  input: { readonly instance: 1 | 2; readonly decidedAt: Date; readonly remote: boolean; readonly secondInstanceRequestedAt: Date | null },
  calendar: WorkingCalendar,
  now: Date,
): LegalEffect {
  const rule = input.instance === 1 ? periods.firstDecisionEffect : periods.secondDecisionEffect;
  const days = periodDays(rule, input.remote);
  const due = computeDue({ startedAt: input.decidedAt, days, unit: rule.unit, pauses: [], extensions: [], rollForward: false }, calendar, now);
  const effectiveOn = addLocalDays(due.explanation.lastDay, 1);
  const effectiveFrom = startOfLocalDay(effectiveOn);
  const challenged = input.instance === 1 && input.secondInstanceRequestedAt !== null && input.secondInstanceRequestedAt.getTime() < effectiveFrom.getTime();
  const status: LegalEffectStatus = challenged ? 'challenged' : now.getTime() >= effectiveFrom.getTime() ? 'effective' : 'pending';
  return { status, effectiveOn, ruleId: rule.ruleId, basis: rule.legalBasis, days, remote: input.remote };
}

import { type DurationUnit, thresholdInstant } from '../calendar/deadline.js';
import { addLocalDays, type LocalDate, localDaysBetween, toLocalDate } from '../calendar/local-date.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { type Message, type MessageKey, renderMessage } from '../shared/messages.js';
import { explainDue, OPEN_CLOCK_STATUSES, periodOf, type PetitionClock } from './petition-clock.js';

export const DEADLINE_BADGE_STATES = ['on_time', 'half', 'late80', 'overdue', 'paused'] as const;
export type DeadlineBadgeState = (typeof DEADLINE_BADGE_STATES)[number];

/** The shares of the period the alert ladder's early rungs fire at (DEFAULT_DEADLINE_POLICY: '50' and '80'). */
const HALF_SHARE = 0.5;
const LATE_SHARE = 0.8;

/** One clock as a list shows it: how far along it is, in plain words. */
export interface DeadlineBadge {
  readonly clockId: string;
  readonly rule: string;
  readonly clockKind: string;
  readonly unit: DurationUnit;
  /** Null while paused: a paused clock has no due instant. */
  readonly dueAt: string | null;
  /** The last day of the period (Vietnam local date); while paused, the day it would end if resumed today. */
  readonly dueOn: LocalDate;
  readonly state: DeadlineBadgeState;
  /** Days of the period used (paused days not counted), in percent of the period; above 100 when overdue. */
  readonly percentElapsed: number;
  /** Days of the clock's unit left, today included (while paused: from the day it resumes); null when overdue. */
  readonly daysLeft: number | null;
  /** Calendar days past the last day; null unless overdue. */
  readonly daysOverdue: number | null;
  readonly label: Message;
}

/** Days of `unit` in (from, to]; zero when `to` is not after `from`. */
function daysIn(unit: DurationUnit, from: LocalDate, to: LocalDate, calendar: WorkingCalendar): number {
  if (to <= from) return 0;
  return unit === 'calendar_days' ? localDaysBetween(from, to) : calendar.workingDaysBetween(from, to);
}

/**
 * The badge of an open clock, counted as its due date is (explainDue) and with the ladder's own instants
 * (thresholdInstant) for the 50 % and 80 % states, so the badge turns when the alert fires. Null for a clock
 * that is met or cancelled.
 */
export function deadlineBadge(clock: PetitionClock, calendar: WorkingCalendar, now: Date): DeadlineBadge | null {
  if (!OPEN_CLOCK_STATUSES.includes(clock.status)) return null;
  const e = explainDue(clock, calendar, now);
  const today = toLocalDate(now);
  const yesterday = addLocalDays(today, -1);
  const spec = periodOf(clock);
  const period = e.baseDays + e.extensionDays;
  const paused = clock.status === 'paused';
  // Days used: the days counted so far less the paused ones. A running clock has today still to use; a paused
  // one has today among its paused days (pausedDaysOf counts an open pause up to today).
  const used = Math.max(0, daysIn(clock.unit, e.startDay, paused ? today : yesterday, calendar) - e.pausedDays);
  const percentElapsed = period > 0 ? Math.round((100 * used) / period) : 100;
  const overdue = !paused && (clock.status === 'breached' || (clock.dueAt !== null && new Date(clock.dueAt) <= now));
  const passed = (share: number) => {
    const at = thresholdInstant(spec, share, calendar, now);
    return at !== null && at <= now;
  };
  const state: DeadlineBadgeState = paused ? 'paused' : overdue ? 'overdue' : passed(LATE_SHARE) ? 'late80' : passed(HALF_SHARE) ? 'half' : 'on_time';
  // While paused, what is left does not run down: the period less the days used, from the day it resumes.
  const daysLeft = overdue ? null : paused ? Math.max(0, period - used) : daysIn(clock.unit, yesterday, e.lastDay, calendar);
  const daysOverdue = overdue ? Math.max(1, localDaysBetween(e.lastDay, today)) : null;
  const working = clock.unit === 'working_days';
  let key: MessageKey;
  let days: number;
  if (overdue) [key, days] = ['deadline.badge.overdue', daysOverdue!];
  else if (paused) [key, days] = [working ? 'deadline.badge.paused_working' : 'deadline.badge.paused', daysLeft!];
  else if (e.lastDay === today) [key, days] = ['deadline.badge.due_today', 0];
  else [key, days] = [working ? 'deadline.badge.left_working' : 'deadline.badge.left', daysLeft!];
  return {
    clockId: clock.id,
    rule: clock.ruleId,
    clockKind: clock.kind,
    unit: clock.unit,
    dueAt: clock.dueAt,
    dueOn: e.lastDay,
    state,
    percentElapsed,
    daysLeft,
    daysOverdue,
    label: renderMessage(key, { days }),
  };
}

/**
 * The most urgent of a petition's clocks: the running (or breached) one due soonest, the same order the list
 * sorts by; a paused clock only when none runs (the one with the fewest days left). Null without an open clock.
 */
export function mostUrgentBadge(clocks: readonly PetitionClock[], calendar: WorkingCalendar, now: Date): DeadlineBadge | null {
  const running = clocks.filter((c) => (c.status === 'running' || c.status === 'breached') && c.dueAt !== null);
  if (running.length > 0) {
    const soonest = running.reduce((a, b) => (new Date(b.dueAt!) < new Date(a.dueAt!) || (b.dueAt === a.dueAt && b.id < a.id) ? b : a));
    return deadlineBadge(soonest, calendar, now);
  }
  const paused = clocks
    .filter((c) => c.status === 'paused')
    .map((c) => deadlineBadge(c, calendar, now)!)
    .sort((a, b) => a.daysLeft! - b.daysLeft! || (a.clockId < b.clockId ? -1 : 1));
  return paused[0] ?? null;
}

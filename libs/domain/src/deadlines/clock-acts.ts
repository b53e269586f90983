import type { DueExplanation } from '../calendar/deadline.js';
import { dayOfWeek, type LocalDate, toLocalDate } from '../calendar/local-date.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { PetitionEventType } from '../petition/petition-events.js';
import { LABELS, type Message, pluralForm, renderMessage } from '../shared/messages.js';
import type { ClockRule } from './deadline-policy.js';
import { type CaseFlags, type ClockRefusal, liftBreaches, OPEN_CLOCK_STATUSES, type PetitionClock, variantFor, withDue } from './petition-clock.js';

/** Refusals of the deadline acts beyond those of petition-clock.ts. */
export type ClockActRefusal = ClockRefusal | { readonly code: 'met-by-workflow'; readonly metOn: readonly PetitionEventType[] };
export type ClockActDecision = { ok: true; clock: PetitionClock } | { ok: false; refusal: ClockActRefusal };

/** Whether a recorded document may meet the rule's clock: no workflow event meets it, or a notice also does (R5). */
export function metByHand(rule: Pick<ClockRule, 'metOn' | 'metByNotice'>): boolean {
  return rule.metOn.length === 0 || rule.metByNotice === true;
}

/**
 * Marks a clock met by an act the workflow does not model as a status (LTC Art 29: the T3 notices were sent;
 * QĐ 11: the Party head's written notice of receipt or transfer). Refused for rules only the workflow meets.
 */
export function meetClock(clock: PetitionClock, rule: ClockRule, now: Date): ClockActDecision {
  if (!OPEN_CLOCK_STATUSES.includes(clock.status)) return { ok: false, refusal: { code: 'clock-not-open', status: clock.status } };
  if (!metByHand(rule)) return { ok: false, refusal: { code: 'met-by-workflow', metOn: rule.metOn } };
  const at = now.toISOString();
  return {
    ok: true,
    clock: { ...clock, status: 'met', metAt: at, pauses: clock.pauses.map((p) => (p.to === null ? { ...p, to: at } : p)) },
  };
}

/**
 * The due instant again from the clock's own facts under a (possibly changed) calendar. A breach is lifted when
 * the new due instant is still ahead; a newly passed due instant is left for its '100' threshold to record.
 * Returns the same object when nothing changed, so callers can tell (and recomputing twice is a no-op).
 */
export function recomputeClock(clock: PetitionClock, calendar: WorkingCalendar, now: Date): PetitionClock {
  if (!OPEN_CLOCK_STATUSES.includes(clock.status)) return clock;
  const next = liftBreach(withDue(clock, calendar, now), now);
  return sameClock(clock, next) ? clock : next;
}

/**
 * Re-pins an open clock to another policy version's rule (an administrator's scoped recompute): the rule's
 * legal basis, unit and period for the case's variant, then the due instant again. Same object when unchanged.
 */
export function repinClock(
  clock: PetitionClock,
  rule: ClockRule,
  policyVersion: number,
  flags: CaseFlags,
  calendar: WorkingCalendar,
  now: Date,
): PetitionClock {
  if (!OPEN_CLOCK_STATUSES.includes(clock.status)) return clock;
  const { variant, days } = variantFor(flags, rule.days);
  const pinned: PetitionClock = { ...clock, policyVersion, legalBasis: rule.legalBasis, unit: rule.unit, variant, days };
  const next = liftBreach(withDue(pinned, calendar, now), now);
  return sameClock(clock, next) ? clock : next;
}

function liftBreach(clock: PetitionClock, now: Date): PetitionClock {
  const late = clock.dueAt !== null && new Date(clock.dueAt) <= now;
  return clock.status === 'breached' && !late ? { ...clock, status: 'running', breachedAt: null, breaches: liftBreaches(clock.breaches, now, 'recompute') } : clock;
}

function sameClock(a: PetitionClock, b: PetitionClock): boolean {
  return (
    a.dueAt === b.dueAt &&
    a.status === b.status &&
    a.breachedAt === b.breachedAt &&
    a.policyVersion === b.policyVersion &&
    a.legalBasis === b.legalBasis &&
    a.unit === b.unit &&
    a.variant === b.variant &&
    a.days === b.days
  );
}

/** 28/12/2026: dates as Vietnamese documents write them. */
export function formatLocalDate(date: LocalDate): string {
  return date.split('-').reverse().join('/');
}

function weekdayOf(date: LocalDate): Message {
  return LABELS.weekday[String(dayOfWeek(date)) as keyof typeof LABELS.weekday];
}

const concat = (parts: readonly Message[]): Message => ({ vi: parts.map((p) => p.vi).join(''), en: parts.map((p) => p.en).join('') });

/**
 * One bilingual line a citizen can check by hand: "30 ngày từ 24/11/2026 (không tính ngày thụ lý 23/11/2026);
 * ngày cuối 27/12/2026 rơi vào Chủ nhật nên kéo dài đến hết thứ Hai 28/12/2026."
 */
export function summarizeDue(clock: Pick<PetitionClock, 'unit' | 'startEvent' | 'status' | 'pauses'>, e: DueExplanation): Message {
  const unitOf = (n: number): Message => pluralForm<Record<typeof clock.unit, Message>>(n, LABELS.durationUnitOne, LABELS.durationUnit)[clock.unit];
  const unit = unitOf(e.baseDays);
  const details: Message[] = [];
  if (e.extensionDays > 0) details.push(renderMessage('deadline.summary_extended', { days: e.extensionDays, unit: unitOf(e.extensionDays) }));
  if (e.pausedDays > 0) details.push(renderMessage('deadline.summary_paused', { days: e.pausedDays, unit: unitOf(e.pausedDays) }));
  if (clock.unit === 'working_days' && e.daysOff.length > 0) details.push(renderMessage('deadline.summary_skipped', { count: e.daysOff.length }));
  const start = LABELS.clockStart[clock.startEvent as keyof typeof LABELS.clockStart] ?? LABELS.clockStart.other;
  const common = {
    days: e.baseDays,
    unit,
    firstDay: formatLocalDate(e.firstCountedDay),
    startLabel: start,
    startDay: formatLocalDate(e.startDay),
    details: concat(details),
    weekday: weekdayOf(e.lastDay),
    lastDay: formatLocalDate(e.lastDay),
  };
  const openPause = clock.status === 'paused' ? clock.pauses.find((p) => p.to === null) : undefined;
  if (openPause) {
    const reason = LABELS.pauseReason[openPause.reason as keyof typeof LABELS.pauseReason] ?? { vi: openPause.reason, en: openPause.reason };
    return renderMessage('deadline.summary_paused_now', { ...common, since: formatLocalDate(toLocalDate(new Date(openPause.from))), reason });
  }
  if (e.rolledForwardTo === null) return renderMessage('deadline.summary', common);
  const off = e.daysOff.find((d) => d.date === e.nominalLastDay)?.off;
  const offDay: Message =
    off === undefined || off.kind === 'weekend'
      ? weekdayOf(e.nominalLastDay)
      : renderMessage('deadline.day_off_named', { name: off.name, weekday: weekdayOf(e.nominalLastDay) });
  return renderMessage('deadline.summary_rolled', { ...common, nominalDay: formatLocalDate(e.nominalLastDay), offDay });
}

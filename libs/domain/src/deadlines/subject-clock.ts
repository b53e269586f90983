import { computeDue, type DueExplanation } from '../calendar/deadline.js';
import { type LocalDate, localDaysBetween, toLocalDate } from '../calendar/local-date.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { DeadlinePolicy, SubjectClockRule } from './deadline-policy.js';
import { subjectClocksOf } from './deadline-policy.js';
import { type ClockBreach, type ClockStatus, liftBreaches, parseThresholdKey, periodOf, planLadder, type ThresholdPlan } from './petition-clock.js';

/*
 * Clocks of a commitment (its due date) and of a commune conference's results publication (G4). They are
 * counted by the same Civil Code rules and alerted by the same ladder as petition clocks, and stored in the
 * same rows; only what starts and stops them, and what a breach does, differ.
 */

export type ClockSubject = { readonly type: 'commitment'; readonly id: string } | { readonly type: 'dialogue'; readonly id: string };

export type SubjectClockKind = 'commitment' | 'results_publication';

export interface SubjectClock {
  readonly id: string;
  readonly subject: ClockSubject;
  readonly kind: SubjectClockKind;
  readonly ruleId: string;
  readonly legalBasis: string;
  readonly policyVersion: number;
  readonly unit: SubjectClockRule['unit'];
  readonly days: number;
  readonly startEvent: 'CommitmentCreated' | 'DialogueHeld';
  readonly startedAt: string;
  readonly status: ClockStatus;
  readonly dueAt: string | null;
  readonly breachedAt: string | null;
  /** Every breach, kept when a recompute lifts it (see ClockBreach). */
  readonly breaches: readonly ClockBreach[];
  readonly metAt: string | null;
  readonly cancelledAt: string | null;
}

/** A promised date is the deadline as it is; a statutory period (G4) rolls past days off (Art 148). */
const period = (c: Pick<SubjectClock, 'startedAt' | 'days' | 'unit' | 'kind'>) => ({
  startedAt: c.startedAt,
  days: c.days,
  unit: c.unit,
  pauses: [],
  extensions: [],
  rollForward: c.kind !== 'commitment',
});

function started(
  input: { id: string; subject: ClockSubject; kind: SubjectClockKind; startEvent: SubjectClock['startEvent']; startedAt: Date; days: number },
  rule: SubjectClockRule,
  policyVersion: number,
  calendar: WorkingCalendar,
  now: Date,
): SubjectClock {
  const clock: SubjectClock = {
    id: input.id,
    subject: input.subject,
    kind: input.kind,
    ruleId: rule.ruleId,
    legalBasis: rule.legalBasis,
    policyVersion,
    unit: rule.unit,
    days: input.days,
    startEvent: input.startEvent,
    startedAt: input.startedAt.toISOString(),
    status: 'running',
    dueAt: null,
    breachedAt: null,
    breaches: [],
    metAt: null,
    cancelledAt: null,
  };
  return { ...clock, dueAt: computeDue(periodOf(period(clock)), calendar, now).dueAt?.toISOString() ?? null };
}

/**
 * A commitment's clock runs from its creation to the end of its due date, counted in calendar days (the
 * creation day is not counted, Art 147). The due date is what was promised, so it does not roll past a day off:
 * the commitment, its lists and the next agenda all call it late from the day after. A commitment due the day
 * it is made has a period of zero days: due at the end of that day.
 */
export function commitmentClock(
  input: { id: string; commitmentId: string; createdAt: Date; dueDate: LocalDate },
  policy: Pick<DeadlinePolicy, 'version' | 'subjectClocks'>,
  calendar: WorkingCalendar,
  now: Date,
): SubjectClock {
  const rule = subjectClocksOf(policy).commitment;
  const days = localDaysBetween(toLocalDate(input.createdAt), input.dueDate);
  if (days < 0) throw new Error(`Commitment ${input.commitmentId} is due before it was made`);
  return started(
    { id: input.id, subject: { type: 'commitment', id: input.commitmentId }, kind: 'commitment', startEvent: 'CommitmentCreated', startedAt: input.createdAt, days: days },
    { ...rule, unit: 'calendar_days' },
    policy.version,
    calendar,
    now,
  );
}

/** G4: from the day the conference was held, the policy's period (10 days) to publish its results. */
export function resultsPublicationClock(
  input: { id: string; dialogueId: string; heldAt: Date },
  policy: Pick<DeadlinePolicy, 'version' | 'subjectClocks'>,
  calendar: WorkingCalendar,
  now: Date,
): SubjectClock {
  const rule = subjectClocksOf(policy).resultsPublication;
  return started(
    { id: input.id, subject: { type: 'dialogue', id: input.dialogueId }, kind: 'results_publication', startEvent: 'DialogueHeld', startedAt: input.heldAt, days: rule.days },
    rule,
    policy.version,
    calendar,
    now,
  );
}

/** Stops an open clock as met (late or not) or cancelled; a stopped clock stays as it is. */
export function stopSubjectClock(clock: SubjectClock, outcome: 'met' | 'cancelled', now: Date): SubjectClock {
  if (clock.status === 'met' || clock.status === 'cancelled') return clock;
  const at = now.toISOString();
  return outcome === 'met' ? { ...clock, status: 'met', metAt: at } : { ...clock, status: 'cancelled', cancelledAt: at };
}

/**
 * The clock after a calendar change: its due instant counted again, and a breach lifted when the new due
 * instant is still ahead. The same object when nothing changes, so a rerun is a no-op.
 */
export function recomputeSubjectClock(clock: SubjectClock, calendar: WorkingCalendar, now: Date): SubjectClock {
  if (clock.status !== 'running' && clock.status !== 'breached') return clock;
  const dueAt = computeDue(periodOf(period(clock)), calendar, now).dueAt?.toISOString() ?? null;
  const lifted = clock.status === 'breached' && dueAt !== null && new Date(dueAt) > now;
  if (dueAt === clock.dueAt && !lifted) return clock;
  return { ...clock, dueAt, ...(lifted ? { status: 'running' as const, breachedAt: null, breaches: liftBreaches(clock.breaches, now, 'recompute') } : {}) };
}

export function explainSubjectDue(clock: SubjectClock, calendar: WorkingCalendar, now: Date): DueExplanation {
  return computeDue(periodOf(period(clock)), calendar, now).explanation;
}

/**
 * The alert ladder of a subject clock: the policy's rungs, with three differences. Early warnings that would
 * fall after the due instant (a period of zero or one day) are dropped. Only the breach of a commitment acts
 * (it marks the commitment overdue); nothing else escalates, since oversight escalation is a petition's.
 * Nobody's legal rights are announced.
 */
export function planSubjectLadder(
  clock: SubjectClock,
  policy: Pick<DeadlinePolicy, 'alertLadder' | 'earlyEscalation'>,
  existing: readonly { key: string; firedAt: string | null }[],
  ctx: { calendar: WorkingCalendar; now: Date },
): ThresholdPlan[] {
  const plans = planLadder({ ...period(clock), status: clock.status }, policy, existing, { ...ctx, earlyEscalation: false });
  const due = clock.dueAt === null ? null : new Date(clock.dueAt).getTime();
  return plans
    .filter((p) => {
      const base = parseThresholdKey(p.key).base;
      const early = base !== '100' && !base.startsWith('overdue-');
      return !(early && due !== null && p.dueAt !== null && new Date(p.dueAt).getTime() > due);
    })
    .map((p) => ({ ...p, escalate: subjectRungActs(clock.kind, p.key), informCitizenOfRights: false }));
}

/** Whether a fired rung of a subject clock acts: only a commitment's breach, which marks the commitment overdue. */
export function subjectRungActs(kind: SubjectClockKind, key: string): boolean {
  return kind === 'commitment' && parseThresholdKey(key).base === '100';
}

import { computeDue, type DueExplanation, type DurationUnit, overdueInstant, type PeriodSpec, thresholdInstant } from '../calendar/deadline.js';
import { startOfLocalDay, toLocalDate } from '../calendar/local-date.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { PetitionEvent, PetitionEventType } from '../petition/petition-events.js';
import {
  type AlertRecipient,
  type AlertStep,
  type ClockKind,
  type ClockRule,
  type ComplexityLevel,
  type DeadlinePolicy,
  extensionsAllowed,
  type PauseReason,
  type PeriodVariants,
} from './deadline-policy.js';

export const CLOCK_STATUSES = ['running', 'paused', 'breached', 'met', 'cancelled'] as const;
export type ClockStatus = (typeof CLOCK_STATUSES)[number];
export type PeriodVariant = keyof PeriodVariants;

/** Facts about the case that choose a period variant or an earlier escalation. */
export interface CaseFlags {
  readonly complex: boolean;
  readonly remoteArea: boolean;
  /** LTC Art 30(3): a particularly complex case (always also complex) may be extended twice. */
  readonly particularlyComplex?: boolean;
}

export function complexityOf(flags: Pick<CaseFlags, 'complex' | 'particularlyComplex'>): ComplexityLevel {
  return flags.particularlyComplex ? 'particularly_complex' : flags.complex ? 'complex' : 'standard';
}

export interface ClockPause {
  readonly from: string;
  readonly to: string | null;
  readonly reason: PauseReason;
  readonly note: string | null;
}

export interface ClockExtension {
  readonly at: string;
  readonly days: number;
  readonly reason: string;
  readonly decisionRef: string | null;
}

/** A change of variant (complexity or remote-area flag) recorded on the clock it changed. */
export interface VariantChange {
  readonly at: string;
  readonly from: PeriodVariant;
  readonly to: PeriodVariant;
  readonly days: number;
  readonly reason: string;
}

/** What moved a breached clock's due instant back into the future. */
export type BreachLift = 'extension' | 'flags' | 'recompute' | 'resume';

/**
 * A breach is a historical fact: recorded when the due instant passes, and kept when an extension, a flag, a
 * recompute or a resume later lifts it (`liftedAt`), so a case that was late stays counted late.
 */
export interface ClockBreach {
  /** The due instant that passed. */
  readonly at: string;
  readonly liftedAt: string | null;
  readonly liftedBy: BreachLift | null;
}

/** One statutory clock on one petition: the Postgres row is the truth, this is its shape. */
export interface PetitionClock {
  readonly id: string;
  readonly petitionId: string;
  readonly kind: ClockKind;
  readonly ruleId: string;
  readonly legalBasis: string;
  readonly policyVersion: number;
  readonly unit: DurationUnit;
  readonly variant: PeriodVariant;
  readonly days: number;
  readonly startEvent: PetitionEventType;
  readonly startedAt: string;
  readonly status: ClockStatus;
  readonly pauses: readonly ClockPause[];
  readonly extensions: readonly ClockExtension[];
  readonly variantChanges: readonly VariantChange[];
  readonly dueAt: string | null;
  /** The current breach: cleared when it is lifted. `breaches` keeps every one. */
  readonly breachedAt: string | null;
  readonly breaches: readonly ClockBreach[];
  readonly metAt: string | null;
  readonly cancelledAt: string | null;
}

/** The history with a new breach at `at`, unless one is still open (a breach is recorded once until lifted). */
export function recordBreach(breaches: readonly ClockBreach[], at: string): readonly ClockBreach[] {
  if (breaches.some((b) => b.liftedAt === null)) return breaches;
  return [...breaches, { at, liftedAt: null, liftedBy: null }];
}

/** The history with its open breach marked lifted (the record stays). */
export function liftBreaches(breaches: readonly ClockBreach[], now: Date, by: BreachLift): readonly ClockBreach[] {
  return breaches.map((b) => (b.liftedAt === null ? { ...b, liftedAt: now.toISOString(), liftedBy: by } : b));
}

/**
 * A breach the law does not count: its instant fell inside a pause the clock records (paused days do not
 * count; a pause is recorded only for a reason the rule allows). A breach lifted by anything else stays late.
 */
export function breachExcused(breach: Pick<ClockBreach, 'at'>, pauses: readonly Pick<ClockPause, 'from' | 'to'>[]): boolean {
  const at = new Date(breach.at).getTime();
  return pauses.some((p) => new Date(p.from).getTime() <= at && (p.to === null || at < new Date(p.to).getTime()));
}

/**
 * Whether a clock counts as late: met after its due instant, or breached at any time and not excused by a
 * lawful pause — even when an extension, a flag or a recompute later moved its due instant back ahead.
 */
export function clockWasLate(clock: Pick<PetitionClock, 'metAt' | 'dueAt' | 'breaches' | 'pauses'>): boolean {
  if (clock.metAt !== null && clock.dueAt !== null && new Date(clock.metAt) > new Date(clock.dueAt)) return true;
  return clock.breaches.some((b) => !breachExcused(b, clock.pauses));
}

export const OPEN_CLOCK_STATUSES: readonly ClockStatus[] = ['running', 'paused', 'breached'];

export function variantFor(flags: CaseFlags, days: PeriodVariants): { variant: PeriodVariant; days: number } {
  const pick = (v: PeriodVariant) => (days[v] !== undefined ? { variant: v, days: days[v]! } : null);
  if (flags.remoteArea && flags.complex) return pick('remoteComplex') ?? pick('remote') ?? pick('complex') ?? pick('standard')!;
  if (flags.remoteArea) return pick('remote') ?? pick('standard')!;
  if (flags.complex) return pick('complex') ?? pick('standard')!;
  return pick('standard')!;
}

/** The facts a period is counted from: all a ladder needs, whatever the clock belongs to. */
export type ClockPeriod = Pick<PetitionClock, 'startedAt' | 'days' | 'unit' | 'pauses' | 'extensions'> & { readonly rollForward?: boolean };

export function periodOf(clock: ClockPeriod): PeriodSpec {
  return {
    ...(clock.rollForward === false ? { rollForward: false } : {}),
    startedAt: new Date(clock.startedAt),
    days: clock.days,
    unit: clock.unit,
    pauses: clock.pauses.map((p) => ({ from: new Date(p.from), to: p.to === null ? null : new Date(p.to), reason: p.reason })),
    extensions: clock.extensions.map((e) => ({ days: e.days, reason: e.reason })),
  };
}

/** Recomputes the due instant from the clock's own facts and the calendar. Idempotent. */
export function withDue(clock: PetitionClock, calendar: WorkingCalendar, now: Date): PetitionClock {
  if (clock.status === 'met' || clock.status === 'cancelled') return clock;
  const due = computeDue(periodOf(clock), calendar, now).dueAt;
  return { ...clock, dueAt: due?.toISOString() ?? null };
}

export function explainDue(clock: PetitionClock, calendar: WorkingCalendar, now: Date): DueExplanation {
  return computeDue(periodOf(clock), calendar, now).explanation;
}

/**
 * The instant a clock counts from: the event's, or for a letter entered after it arrived, the start of its
 * arrival day (the day is not counted either way, Civil Code Art 147).
 */
export function clockStartOf(event: PetitionEvent): string {
  if (event.type === 'PetitionReceived' && event.receivedOn !== undefined && event.receivedOn < toLocalDate(new Date(event.at))) {
    return startOfLocalDay(event.receivedOn).toISOString();
  }
  return event.at;
}

/**
 * Clocks a petition event starts, under the rules that apply to the petition: a rule's clock starts on its
 * `startsOn` event once, and again on a `restartsOn` event when none of its clocks is open.
 */
export function openClocksFor(
  event: PetitionEvent,
  rules: readonly ClockRule[],
  ctx: { policyVersion: number; flags: CaseFlags; calendar: WorkingCalendar; now: Date; newId: () => string },
  existing: readonly Pick<PetitionClock, 'ruleId' | 'status'>[] = [],
): PetitionClock[] {
  const starts = (r: ClockRule) =>
    r.startsOn === event.type
      ? !existing.some((c) => c.ruleId === r.ruleId)
      : (r.restartsOn?.includes(event.type) ?? false) && existing.some((c) => c.ruleId === r.ruleId) && !existing.some((c) => c.ruleId === r.ruleId && OPEN_CLOCK_STATUSES.includes(c.status));
  return rules
    .filter(starts)
    .map((r) => {
      const { variant, days } = variantFor(ctx.flags, r.days);
      return withDue(
        {
          id: ctx.newId(),
          petitionId: event.petitionId,
          kind: r.clockKind,
          ruleId: r.ruleId,
          legalBasis: r.legalBasis,
          policyVersion: ctx.policyVersion,
          unit: r.unit,
          variant,
          days,
          startEvent: event.type,
          startedAt: clockStartOf(event),
          status: 'running',
          pauses: [],
          extensions: [],
          variantChanges: [],
          dueAt: null,
          breachedAt: null,
          breaches: [],
          metAt: null,
          cancelledAt: null,
        },
        ctx.calendar,
        ctx.now,
      );
    });
}

/** What a petition event does to an open clock: meet it, cancel it, or nothing. */
export function reactToEvent(clock: PetitionClock, rule: ClockRule | undefined, event: PetitionEvent): PetitionClock {
  if (!OPEN_CLOCK_STATUSES.includes(clock.status) || rule === undefined) return clock;
  const closePause = (pauses: readonly ClockPause[]) => pauses.map((p) => (p.to === null ? { ...p, to: event.at } : p));
  if (rule.metOn.includes(event.type)) return { ...clock, status: 'met', metAt: event.at, pauses: closePause(clock.pauses) };
  if (rule.cancelledOn.includes(event.type)) return { ...clock, status: 'cancelled', cancelledAt: event.at, pauses: closePause(clock.pauses) };
  return clock;
}

export type ClockRefusal =
  | { readonly code: 'clock-not-open'; readonly status: ClockStatus }
  | { readonly code: 'already-paused' }
  | { readonly code: 'not-paused' }
  | { readonly code: 'pause-reason-not-allowed'; readonly allowed: readonly PauseReason[] }
  | { readonly code: 'extension-not-allowed' }
  | { readonly code: 'extension-limit-reached'; readonly maxCount: number }
  /** The case's recorded complexity allows fewer extensions than the rule's most (LTC Art 30(2)–(3)). */
  | { readonly code: 'extension-complexity'; readonly complexity: ComplexityLevel; readonly allowed: number; readonly maxCount: number };

export type ClockDecision = { ok: true; clock: PetitionClock } | { ok: false; refusal: ClockRefusal };

const open = (c: PetitionClock): ClockRefusal | null =>
  OPEN_CLOCK_STATUSES.includes(c.status) ? null : { code: 'clock-not-open', status: c.status };

/** Pause with a typed reason; paused time does not count. */
export function pauseClock(clock: PetitionClock, rule: ClockRule, reason: PauseReason, note: string | null, now: Date): ClockDecision {
  const refused = open(clock);
  if (refused) return { ok: false, refusal: refused };
  if (clock.status === 'paused') return { ok: false, refusal: { code: 'already-paused' } };
  if (!rule.pauseReasons.includes(reason)) return { ok: false, refusal: { code: 'pause-reason-not-allowed', allowed: rule.pauseReasons } };
  return {
    ok: true,
    clock: { ...clock, status: 'paused', dueAt: null, pauses: [...clock.pauses, { from: now.toISOString(), to: null, reason, note }] },
  };
}

export function resumeClock(clock: PetitionClock, calendar: WorkingCalendar, now: Date): ClockDecision {
  if (clock.status !== 'paused') return { ok: false, refusal: clock.status === 'running' || clock.status === 'breached' ? { code: 'not-paused' } : { code: 'clock-not-open', status: clock.status } };
  const pauses = clock.pauses.map((p) => (p.to === null ? { ...p, to: now.toISOString() } : p));
  const resumed = withDue({ ...clock, pauses, status: 'running' }, calendar, now);
  // A clock resumed after its (shifted) due instant is already late.
  const late = resumed.dueAt !== null && new Date(resumed.dueAt) <= now;
  if (late) {
    const breachedAt = clock.breachedAt ?? resumed.dueAt!;
    return { ok: true, clock: { ...resumed, status: 'breached', breachedAt, breaches: recordBreach(clock.breaches, breachedAt) } };
  }
  // Resumed with its due instant ahead again: no current breach, but an earlier one stays on record.
  return { ok: true, clock: { ...resumed, breachedAt: null, breaches: liftBreaches(clock.breaches, now, 'resume') } };
}

/**
 * An extension is a legal act with limits from the policy, by the case's recorded complexity (LTC Art 30: a
 * complex case once, a particularly complex one twice, 30 days each; an ordinary case not at all).
 */
export function extendClock(
  clock: PetitionClock,
  rule: ClockRule,
  reason: string,
  decisionRef: string | null,
  calendar: WorkingCalendar,
  now: Date,
  complexity: ComplexityLevel,
): ClockDecision {
  const refused = open(clock);
  if (refused) return { ok: false, refusal: refused };
  if (!rule.extension) return { ok: false, refusal: { code: 'extension-not-allowed' } };
  const { maxCount } = rule.extension;
  const allowed = extensionsAllowed(rule.extension, complexity);
  if (clock.extensions.length >= allowed) {
    return {
      ok: false,
      refusal: allowed < maxCount ? { code: 'extension-complexity', complexity, allowed, maxCount } : { code: 'extension-limit-reached', maxCount },
    };
  }
  const extended = withDue(
    { ...clock, extensions: [...clock.extensions, { at: now.toISOString(), days: rule.extension.days, reason, decisionRef }] },
    calendar,
    now,
  );
  // An extension granted before the due instant lifts a breach only if the new due is in the future.
  const stillLate = extended.dueAt !== null && new Date(extended.dueAt) <= now;
  if (stillLate) return { ok: true, clock: extended };
  return {
    ok: true,
    clock: { ...extended, status: extended.status === 'breached' ? 'running' : extended.status, breachedAt: null, breaches: liftBreaches(extended.breaches, now, 'extension') },
  };
}

/** Complexity or remote-area flags changed: the clock takes the matching variant, and the change is recorded. */
export function applyFlags(clock: PetitionClock, rule: ClockRule, flags: CaseFlags, reason: string, calendar: WorkingCalendar, now: Date): PetitionClock {
  if (!OPEN_CLOCK_STATUSES.includes(clock.status)) return clock;
  const next = variantFor(flags, rule.days);
  if (next.variant === clock.variant && next.days === clock.days) return clock;
  const change: VariantChange = { at: now.toISOString(), from: clock.variant, to: next.variant, days: next.days, reason };
  const changed = withDue({ ...clock, variant: next.variant, days: next.days, variantChanges: [...clock.variantChanges, change] }, calendar, now);
  const late = changed.dueAt !== null && new Date(changed.dueAt) <= now;
  if (changed.status === 'breached' && !late) return { ...changed, status: 'running', breachedAt: null, breaches: liftBreaches(changed.breaches, now, 'flags') };
  return changed;
}

/** One alert threshold of one clock, as planned from the ladder. */
export interface ThresholdPlan {
  readonly key: string;
  /** Null while the clock is paused (a paused clock raises nothing). */
  readonly dueAt: string | null;
  readonly notify: readonly AlertRecipient[];
  readonly escalate: boolean;
  readonly informCitizenOfRights: boolean;
}

export interface LadderContext {
  readonly calendar: WorkingCalendar;
  readonly now: Date;
  readonly earlyEscalation: boolean;
  /** The clock's rule lets its rungs raise the escalation level (`ClockRule.escalates`, default true). */
  readonly escalates?: boolean;
}

/**
 * The thresholds of a clock under a policy: the fixed rungs (50%, 80%, 100%) plus the next `overdueRepeats`
 * overdue reminders. A group case, or one flagged prolonged/complex, escalates at the policy's earlier share.
 */
export function planThresholds(
  clock: ClockPeriod,
  policy: Pick<DeadlinePolicy, 'alertLadder' | 'earlyEscalation'>,
  ctx: LadderContext & { overdueRepeats: number },
): ThresholdPlan[] {
  const spec = periodOf(clock);
  const plans: ThresholdPlan[] = [];
  const escalates = ctx.escalates !== false;
  for (const step of policy.alertLadder) {
    if (step.share !== undefined) {
      const at = thresholdInstant(spec, step.share, ctx.calendar, ctx.now);
      const escalate = escalates && (step.escalate || (ctx.earlyEscalation && step.share >= policy.earlyEscalation.atShare));
      plans.push(plan(step, at, escalate));
    } else if (step.everyWorkingDaysOverdue !== undefined) {
      const due = thresholdInstant(spec, 1, ctx.calendar, ctx.now);
      for (let n = 1; n <= ctx.overdueRepeats; n++) {
        const at = due === null ? null : overdueInstant(due, n * step.everyWorkingDaysOverdue, ctx.calendar);
        plans.push({ ...plan(step, at, escalates && step.escalate), key: `${step.key}-${n}` });
      }
    }
  }
  return plans;
}

function plan(step: AlertStep, at: Date | null, escalate: boolean): ThresholdPlan {
  return {
    key: step.key,
    dueAt: at?.toISOString() ?? null,
    notify: step.notify,
    escalate,
    informCitizenOfRights: step.informCitizenOfRights ?? false,
  };
}

/**
 * Threshold keys carry a generation once a breach has been lifted (an extension, a flag or a recompute moved
 * the due date back into the future): '100' is the first breach alert, '100@2' the one for the new due date.
 * Fired rows stay on record under their own key; the new generation re-arms the ladder.
 */
export function parseThresholdKey(key: string): { base: string; generation: number } {
  const at = key.lastIndexOf('@');
  return at < 0 ? { base: key, generation: 1 } : { base: key.slice(0, at), generation: Number(key.slice(at + 1)) };
}

export function thresholdKey(base: string, generation: number): string {
  return generation === 1 ? base : `${base}@${generation}`;
}

/**
 * The generation the clock's ladder should be planned in: the latest one, or the next when its breach alert
 * already fired but the clock is no longer breached (the breach was lifted and the new due date needs alerts).
 */
export function ladderGeneration(clock: Pick<PetitionClock, 'status'>, thresholds: readonly { key: string; firedAt: string | null }[]): number {
  const latest = thresholds.reduce((g, t) => Math.max(g, parseThresholdKey(t.key).generation), 1);
  const breachFired = thresholds.some((t) => t.key === thresholdKey('100', latest) && t.firedAt !== null);
  return breachFired && (clock.status === 'running' || clock.status === 'paused') ? latest + 1 : latest;
}

/**
 * The thresholds a clock should have now, given the ones it has: planned in the current generation, with as
 * many overdue reminders as have fired plus the next. A re-armed generation only gets rungs still ahead: an
 * extension must not replay "50 % used" for time already past.
 */
export function planLadder(
  clock: ClockPeriod & Pick<PetitionClock, 'status'>,
  policy: Pick<DeadlinePolicy, 'alertLadder' | 'earlyEscalation'>,
  existing: readonly { key: string; firedAt: string | null }[],
  ctx: LadderContext,
): ThresholdPlan[] {
  const generation = ladderGeneration(clock, existing);
  const overdueFired = existing.filter((t) => {
    const k = parseThresholdKey(t.key);
    return k.generation === generation && k.base.startsWith('overdue-') && t.firedAt !== null;
  }).length;
  const plans = planThresholds(clock, policy, { ...ctx, overdueRepeats: overdueFired + 1 }).map((p) => ({
    ...p,
    key: thresholdKey(p.key, generation),
  }));
  if (generation === 1) return plans;
  const known = new Set(existing.map((t) => t.key));
  return plans.filter((p) => p.dueAt === null || new Date(p.dueAt) > ctx.now || known.has(p.key));
}

import {
  type ClockBreach,
  type ClockExtension,
  clockWasLate,
  type ClockPause,
  type ClockRule,
  type CalendarFact,
  type ComplexityLevel,
  type DayOffKind,
  type DeadlinePolicy,
  describeUnconfirmedFact,
  explainDue,
  extensionsAllowed,
  LABELS,
  type Message,
  metByHand,
  type PauseReason,
  type PetitionClock,
  summarizeDue,
  type VariantChange,
  type WorkingCalendar,
} from '@app/domain';
import { clockStore, type ThresholdRow } from '@app/persistence';
import type { EntityManager } from 'typeorm';
import { loadCalendar, loadPolicies } from './deadline-sources.js';

export interface ClockThresholdView {
  readonly key: string;
  readonly dueAt: string | null;
  readonly firedAt: string | null;
  readonly escalate: boolean;
}

export interface DueExplanationView {
  readonly startDay: string;
  readonly firstCountedDay: string;
  readonly baseDays: number;
  readonly extensionDays: number;
  readonly pausedDays: number;
  readonly countedDays: number;
  readonly nominalLastDay: string;
  readonly rolledForwardTo: string | null;
  readonly lastDay: string;
  readonly daysOff: { readonly date: string; readonly kind: DayOffKind; readonly name: string }[];
  /** Yearly announcements not yet recorded that the counted span crosses, and what was assumed instead. */
  readonly unconfirmed: { readonly year: number; readonly fact: CalendarFact; readonly label: Message; readonly assumption: Message }[];
}

/** One statutory clock as people see it: the stored facts, the alert rungs, and how its due date was counted. */
export interface ClockView {
  readonly id: string;
  readonly kind: string;
  readonly ruleId: string;
  readonly legalBasis: string;
  readonly policyVersion: number;
  readonly unit: string;
  readonly variant: string;
  readonly days: number;
  readonly status: string;
  readonly statusLabel: Message;
  readonly startEvent: string;
  readonly startedAt: string;
  readonly dueAt: string | null;
  readonly breachedAt: string | null;
  /** Every breach the clock ever had, lifted ones included: a late case stays late on the record. */
  readonly breaches: readonly ClockBreach[];
  /** Met after its due instant or ever breached (a breach inside a recorded pause excepted): the board counts it late. */
  readonly late: boolean;
  readonly metAt: string | null;
  readonly cancelledAt: string | null;
  readonly pauses: readonly ClockPause[];
  readonly extensions: readonly ClockExtension[];
  readonly variantChanges: readonly VariantChange[];
  /** What the rule allows by hand: pause reasons, extensions left, and whether /met applies. */
  readonly acts: {
    readonly pauseReasons: readonly PauseReason[];
    /** `allowed`: for this case's recorded complexity (LTC Art 30); `remaining`: of those. */
    readonly extension: { readonly maxCount: number; readonly days: number; readonly allowed: number; readonly remaining: number } | null;
    readonly manualMet: boolean;
  };
  readonly thresholds: ClockThresholdView[];
  readonly explanation: DueExplanationView;
  readonly summary: Message;
}

export interface ClockViewContext {
  readonly policies: readonly DeadlinePolicy[];
  readonly calendar: WorkingCalendar;
  readonly now: Date;
  /** The case's recorded complexity: how many extensions it may have (LTC Art 30). */
  readonly complexity: ComplexityLevel;
}

export function ruleFor(policies: readonly Pick<DeadlinePolicy, 'version' | 'rules'>[], clock: Pick<PetitionClock, 'policyVersion' | 'ruleId'>): ClockRule | undefined {
  return policies.find((p) => p.version === clock.policyVersion)?.rules.find((r) => r.ruleId === clock.ruleId);
}

export function toClockView(clock: PetitionClock, thresholds: readonly ThresholdRow[], ctx: ClockViewContext): ClockView {
  const rule = ruleFor(ctx.policies, clock);
  const e = explainDue(clock, ctx.calendar, ctx.now);
  return {
    id: clock.id,
    kind: clock.kind,
    ruleId: clock.ruleId,
    legalBasis: clock.legalBasis,
    policyVersion: clock.policyVersion,
    unit: clock.unit,
    variant: clock.variant,
    days: clock.days,
    status: clock.status,
    statusLabel: LABELS.clockStatus[clock.status],
    startEvent: clock.startEvent,
    startedAt: clock.startedAt,
    dueAt: clock.dueAt,
    breachedAt: clock.breachedAt,
    breaches: clock.breaches,
    late: clockWasLate(clock),
    metAt: clock.metAt,
    cancelledAt: clock.cancelledAt,
    pauses: clock.pauses,
    extensions: clock.extensions,
    variantChanges: clock.variantChanges,
    acts: {
      pauseReasons: rule?.pauseReasons ?? [],
      extension: rule?.extension
        ? {
            ...rule.extension,
            allowed: extensionsAllowed(rule.extension, ctx.complexity),
            remaining: Math.max(0, extensionsAllowed(rule.extension, ctx.complexity) - clock.extensions.length),
          }
        : null,
      manualMet: rule !== undefined && metByHand(rule),
    },
    thresholds: thresholds
      .filter((t) => t.clockId === clock.id)
      .map((t) => ({ key: t.key, dueAt: t.dueAt, firedAt: t.firedAt, escalate: t.escalate })),
    explanation: {
      startDay: e.startDay,
      firstCountedDay: e.firstCountedDay,
      baseDays: e.baseDays,
      extensionDays: e.extensionDays,
      pausedDays: e.pausedDays,
      countedDays: e.countedDays,
      nominalLastDay: e.nominalLastDay,
      rolledForwardTo: e.rolledForwardTo,
      lastDay: e.lastDay,
      daysOff: e.daysOff.map((d) => ({ date: d.date, kind: d.off!.kind, name: d.off!.name })),
      unconfirmed: e.unconfirmed.map((f) => {
        const { label, message } = describeUnconfirmedFact(f);
        return { year: f.year, fact: f.fact, label, assumption: message };
      }),
    },
    summary: summarizeDue(clock, e),
  };
}

/** Every clock of a petition with its thresholds and explanation (a read: no locks). */
export async function loadClockViews(em: EntityManager, petitionId: string, now: Date, complexity: ComplexityLevel): Promise<ClockView[]> {
  const clocks = await clockStore.forPetition(em, petitionId, false);
  if (clocks.length === 0) return [];
  // Sequential: `em` may be a transaction's manager, whose single connection runs one query at a time.
  const thresholds = await clockStore.thresholds(
    em,
    clocks.map((c) => c.id),
  );
  const policies = await loadPolicies(em);
  const calendar = await loadCalendar(em, now);
  return clocks.map((c) => toClockView(c, thresholds, { policies, calendar, now, complexity }));
}

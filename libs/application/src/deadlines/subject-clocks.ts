import {
  type ClockSubject,
  type CommitmentPolicy,
  commitmentClock,
  type DeadlinePolicy,
  describeUnconfirmedFact,
  type DueExplanation,
  explainSubjectDue,
  type LocalDate,
  lastLocalDayOf,
  type Message,
  recomputeSubjectClock,
  startOfLocalDay,
  type WorkingCalendar,
  planSubjectLadder,
  policyInForce,
  resultsPublicationClock,
  stopSubjectClock,
  type SubjectClock,
  subjectClocksOf,
  type UnconfirmedFact,
  summarizeDue,
  toLocalDate,
} from '@app/domain';
import { clockStore, subjectColumns } from '@app/persistence';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { loadCalendar, loadPolicies } from './deadline-sources.js';

/*
 * Clocks of subjects other than petitions — a commitment's due date, a commune conference's results
 * publication (G4) — kept by the same deadline engine: the same clock and threshold rows, the same alert
 * ladder, firing, wake-ups, sweeper and test clock. Call these inside the transaction that changes the subject.
 */

/** The policy in force on a day; a clock pins it, as a petition clock does. */
async function policyFor(em: EntityManager, day: Date): Promise<DeadlinePolicy> {
  const policies = await loadPolicies(em);
  const policy = policyInForce(policies, toLocalDate(day)) ?? policies[policies.length - 1];
  if (!policy) throw new Error('No deadline policy is published');
  return policy;
}

/** The commitment policy in force (default due period), from the deadline policy data. */
export async function commitmentPolicy(em: EntityManager, now: Date): Promise<CommitmentPolicy> {
  return { defaultDueDays: subjectClocksOf(await policyFor(em, now)).commitment.days };
}

async function start(em: EntityManager, clock: (policy: DeadlinePolicy, calendar: Awaited<ReturnType<typeof loadCalendar>>) => SubjectClock, day: Date, now: Date) {
  const policy = await policyFor(em, day);
  const calendar = await loadCalendar(em, now);
  const c = clock(policy, calendar);
  if (await clockStore.forSubject(em, c.subject)) return; // started once: a retried command must not start another
  await clockStore.saveSubjectClock(em, c, now);
  const plans = planSubjectLadder(c, policy, [], { calendar, now });
  await clockStore.syncThresholds(em, c, subjectColumns(c.subject), plans);
}

async function stop(em: EntityManager, subject: ClockSubject, outcome: 'met' | 'cancelled', now: Date): Promise<void> {
  const clock = await clockStore.forSubject(em, subject);
  if (!clock) return;
  const next = stopSubjectClock(clock, outcome, now);
  if (next === clock) return;
  await clockStore.saveSubjectClock(em, next, now);
  // A stopped clock keeps what it fired and arms nothing more.
  await clockStore.syncThresholds(em, next, subjectColumns(subject), []);
}

/** Starts the clock of a new commitment: due at the end of `dueDate` (local); alerts go to its owner unit's people. */
export async function startCommitmentClock(
  em: EntityManager,
  c: { commitmentId: string; createdAt: Date; dueDate: LocalDate },
  now: Date,
): Promise<void> {
  await start(em, (policy, calendar) => commitmentClock({ id: randomUUID(), commitmentId: c.commitmentId, createdAt: c.createdAt, dueDate: c.dueDate }, policy, calendar, now), c.createdAt, now);
}

/** Stops a commitment's clock: met when done, cancelled when transferred to a petition or dropped. */
export async function stopCommitmentClock(em: EntityManager, commitmentId: string, outcome: 'met' | 'cancelled', now: Date): Promise<void> {
  await stop(em, { type: 'commitment', id: commitmentId }, outcome, now);
}

/** Starts G4: a held commune conference publishes its results within 10 days (LTCCQĐP Art 43). */
export async function startResultsClock(
  em: EntityManager,
  d: { dialogueId: string; heldAt: Date },
  now: Date,
): Promise<void> {
  await start(em, (policy, calendar) => resultsPublicationClock({ id: randomUUID(), dialogueId: d.dialogueId, heldAt: d.heldAt }, policy, calendar, now), d.heldAt, now);
}

/** The last local day of a dialogue's G4 clock (its due instant is 24:00 of that day), or null without one. */
export async function resultsLastDay(em: EntityManager, dialogueId: string): Promise<LocalDate | null> {
  const clock = await clockStore.forSubject(em, { type: 'dialogue', id: dialogueId }, false);
  return clock?.dueAt ? lastLocalDayOf(new Date(clock.dueAt)) : null;
}

/** Stops G4: met when the results are published, cancelled if the dialogue is cancelled. */
export async function stopResultsClock(em: EntityManager, dialogueId: string, outcome: 'met' | 'cancelled', now: Date): Promise<void> {
  await stop(em, { type: 'dialogue', id: dialogueId }, outcome, now);
}

/** A subject's clock as staff read it: the rule, the due instant and how it was counted. */
export interface SubjectDeadlineView {
  readonly clockId: string;
  readonly ruleId: string;
  readonly kind: SubjectClock['kind'];
  readonly legalBasis: string;
  readonly policyVersion: number;
  readonly status: SubjectClock['status'];
  readonly startedAt: string;
  readonly dueAt: string | null;
  readonly metAt: string | null;
  /** As counted; each unconfirmed announcement it crosses comes with its label and what is assumed meanwhile. */
  readonly explanation: Omit<DueExplanation, 'unconfirmed'> & {
    readonly unconfirmed: (UnconfirmedFact & { readonly label: Message; readonly assumption: Message })[];
  };
  readonly summary: Message;
}

export async function subjectDeadline(em: EntityManager, subject: ClockSubject, now: Date): Promise<SubjectDeadlineView | null> {
  const clock = await clockStore.forSubject(em, subject, false);
  if (!clock) return null;
  const explanation = explainSubjectDue(clock, await loadCalendar(em, now), now);
  return {
    clockId: clock.id,
    ruleId: clock.ruleId,
    kind: clock.kind,
    legalBasis: clock.legalBasis,
    policyVersion: clock.policyVersion,
    status: clock.status,
    startedAt: clock.startedAt,
    dueAt: clock.dueAt,
    metAt: clock.metAt,
    explanation: {
      ...explanation,
      unconfirmed: explanation.unconfirmed.map((f) => {
        const { label, message } = describeUnconfirmedFact(f);
        return { ...f, label, assumption: message };
      }),
    },
    summary: summarizeDue({ unit: clock.unit, startEvent: clock.startEvent as never, status: clock.status, pauses: [] }, explanation),
  };
}

/** A subject clock whose due instant a calendar edit moves (or would move, in a dry run). */
export interface SubjectClockDiff {
  readonly subject: ClockSubject;
  readonly clockId: string;
  readonly ruleId: string;
  readonly oldDueAt: string | null;
  readonly newDueAt: string | null;
}

/**
 * After a calendar edit: the open commitment and dialogue clocks whose counted span contains the day, counted
 * again, with their unfired thresholds re-planned. One transaction (these clocks are few); a dry run writes nothing.
 */
export async function recomputeSubjectClocks(
  dataSource: DataSource,
  /** `day` null: every open clock (an announcement recorded or removed bears on several days). */
  opts: { day: LocalDate | null; dryRun: boolean; now: Date; calendar: (em: EntityManager) => Promise<WorkingCalendar> },
): Promise<SubjectClockDiff[]> {
  return dataSource.transaction(async (em) => {
    if (opts.dryRun) await em.query('SET TRANSACTION READ ONLY');
    const dayStart = opts.day === null ? null : startOfLocalDay(opts.day);
    const ids: { id: string; commitment_id: string | null; dialogue_id: string | null }[] = await em.query(
      `SELECT id, commitment_id, dialogue_id FROM petition_clocks
        WHERE petition_id IS NULL AND status IN ('running', 'breached')
          AND ($1::timestamptz IS NULL OR (started_at < $1 AND (due_at IS NULL OR due_at > $1)))
        ORDER BY id`,
      [dayStart],
    );
    if (ids.length === 0) return [];
    const calendar = await opts.calendar(em);
    const policies = await loadPolicies(em);
    const diffs: SubjectClockDiff[] = [];
    for (const row of ids) {
      const subject: ClockSubject = row.commitment_id ? { type: 'commitment', id: row.commitment_id } : { type: 'dialogue', id: row.dialogue_id! };
      const clock = await clockStore.forSubject(em, subject, !opts.dryRun);
      if (!clock) continue;
      const next = recomputeSubjectClock(clock, calendar, opts.now);
      if (next === clock) continue;
      diffs.push({ subject, clockId: clock.id, ruleId: clock.ruleId, oldDueAt: clock.dueAt, newDueAt: next.dueAt });
      if (opts.dryRun) continue;
      const policy = policies.find((p) => p.version === next.policyVersion);
      if (!policy) continue;
      await clockStore.saveSubjectClock(em, next, opts.now);
      const existing = await clockStore.thresholds(em, [next.id]);
      await clockStore.syncThresholds(em, next, subjectColumns(subject), planSubjectLadder(next, policy, existing, { calendar, now: opts.now }));
    }
    return diffs;
  });
}

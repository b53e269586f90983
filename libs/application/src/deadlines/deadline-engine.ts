import {
  type CaseFlags,
  type ClockRule,
  type DeadlinePolicy,
  NON_WORKFLOW_EVENT_TYPES,
  OPEN_CLOCK_STATUSES,
  openClocksFor,
  type PetitionClock,
  type PetitionEvent,
  type PetitionKind,
  planLadder,
  policyInForce,
  reactToEvent,
  rulesFor,
  toLocalDate,
  type WorkingCalendar,
} from '@app/domain';
import { clockStore, subjectColumns } from '@app/persistence';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { loadCalendar, loadPolicies } from './deadline-sources.js';

/** What the deadline rules need to know about a petition. */
export interface PetitionDeadlineFacts {
  readonly id: string;
  readonly kind: PetitionKind;
  readonly instance: 1 | 2;
  readonly complex: boolean;
  readonly particularlyComplex?: boolean;
  readonly prolonged: boolean;
  readonly addressedToPartyHead: boolean;
  /** An anonymous letter (LTC Art 25(2)): the rules marked skipAnonymous do not apply. */
  readonly anonymous?: boolean;
  readonly owningUnitId: string;
  readonly coPetitionerCount: number;
}

export interface DeadlineContext {
  readonly policies: DeadlinePolicy[];
  readonly calendar: WorkingCalendar;
  readonly flags: CaseFlags;
  readonly earlyEscalation: boolean;
}

export async function deadlineContext(em: EntityManager, p: PetitionDeadlineFacts, now: Date): Promise<DeadlineContext> {
  // Sequential: inside a transaction these share one connection, which runs one query at a time.
  const policies = await loadPolicies(em);
  const calendar = await loadCalendar(em, now);
  const unit: { remote: boolean }[] = await em.query(
    `SELECT u.remote_area OR coalesce(c.remote_area, false) AS remote FROM units u LEFT JOIN units c ON c.id = u.commune_id WHERE u.id = $1`,
    [p.owningUnitId],
  );
  const policy = policies[policies.length - 1];
  const groupSize = policy?.earlyEscalation.groupSize ?? Number.POSITIVE_INFINITY;
  return {
    policies,
    calendar,
    flags: { complex: p.complex, particularlyComplex: p.particularlyComplex ?? false, remoteArea: unit[0]?.remote ?? false },
    // A group case (the petitioner plus co-petitioners) or one flagged prolonged or complex escalates earlier.
    earlyEscalation: p.coPetitionerCount + 1 >= groupSize || p.prolonged || p.complex,
  };
}

export function ruleOf(ctx: Pick<DeadlineContext, 'policies'>, clock: PetitionClock): ClockRule | undefined {
  return ctx.policies.find((p) => p.version === clock.policyVersion)?.rules.find((r) => r.ruleId === clock.ruleId);
}

function policyOf(ctx: Pick<DeadlineContext, 'policies'>, version: number): DeadlinePolicy {
  const policy = ctx.policies.find((p) => p.version === version);
  if (!policy) throw new Error(`Deadline policy version ${version} not found`);
  return policy;
}

/** Re-plans and stores a clock's thresholds (how many overdue reminders exist follows what has fired). */
export async function replanThresholds(em: EntityManager, clock: PetitionClock, ctx: DeadlineContext, now: Date): Promise<void> {
  const existing = await clockStore.thresholds(em, [clock.id]);
  const policy = policyOf(ctx, clock.policyVersion);
  const escalates = ruleOf(ctx, clock)?.escalates;
  const plans = planLadder(clock, policy, existing, { calendar: ctx.calendar, now, earlyEscalation: ctx.earlyEscalation, escalates });
  await clockStore.syncThresholds(em, clock, subjectColumns({ type: 'petition', id: clock.petitionId }), plans);
}

/**
 * Runs inside the transaction of every petition command: events start clocks (pinned to the policy in force on
 * the triggering day) and meet or cancel open ones; the thresholds of every changed clock follow.
 */
export async function applyDeadlines(em: EntityManager, p: PetitionDeadlineFacts, events: readonly PetitionEvent[], now: Date): Promise<PetitionClock[]> {
  // Only workflow events start, meet or cancel clocks; deadline acts and oversight events are applied by their own use cases.
  const relevant = events.filter((e) => !NON_WORKFLOW_EVENT_TYPES.has(e.type));
  if (relevant.length === 0) return [];
  const ctx = await deadlineContext(em, p, now);
  const clocks = new Map((await clockStore.forPetition(em, p.id)).map((c) => [c.id, c]));
  const changed = new Set<string>();

  for (const event of relevant) {
    for (const clock of clocks.values()) {
      const next = reactToEvent(clock, ruleOf(ctx, clock), event);
      if (next !== clock) {
        clocks.set(next.id, next);
        changed.add(next.id);
      }
    }
    const policy = policyInForce(ctx.policies, toLocalDate(new Date(event.at)));
    if (!policy) continue;
    const rules = rulesFor(policy, p);
    const started = openClocksFor(event, rules, { policyVersion: policy.version, flags: ctx.flags, calendar: ctx.calendar, now, newId: randomUUID }, [...clocks.values()]);
    for (const clock of started) {
      clocks.set(clock.id, clock);
      changed.add(clock.id);
    }
  }

  const toSave = [...changed].map((id) => clocks.get(id)!);
  await clockStore.save(em, toSave, now);
  for (const clock of toSave) await replanThresholds(em, clock, ctx, now);
  return toSave;
}

export const isOpenClock = (c: PetitionClock) => OPEN_CLOCK_STATUSES.includes(c.status);

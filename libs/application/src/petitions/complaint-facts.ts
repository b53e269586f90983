import {
  type ComplaintObstacle,
  type ComplaintPeriods,
  DEFAULT_COMPLAINT_PERIODS,
  type LocalDate,
  type ComplaintWindow,
  complaintPeriodsOf,
  type LegalEffect,
  legalEffectOf,
  type PetitionEvent,
  policyInForce,
  type SecondInstanceFacts,
  secondComplaintWindowOf,
  toLocalDate,
} from '@app/domain';
import { clockStore, type PetitionEntity, petitionStore } from '@app/persistence';
import type { EntityManager } from 'typeorm';
import { deadlineContext } from '../deadlines/deadline-engine.js';
import { loadPolicies } from '../deadlines/deadline-sources.js';
import { deadlineFactsOf } from './petition-writer.js';

/** What the complaint's legal path depends on beyond the petition row: clocks, linked cases, trail, policy. */
export interface ComplaintPathFacts {
  /** The facts `decide` and `availableActions` need for a second instance (the same for both). */
  readonly secondInstance: SecondInstanceFacts;
  /** K6 for a decided first-time complaint, else null. */
  readonly secondComplaintWindow: ComplaintWindow | null;
  /** K10/K11 for a decided complaint, else null. */
  readonly legalEffect: LegalEffect | null;
}

/** The complainant's periods of the policy in force on a local date (the built-in defaults before any). */
export async function complaintPeriodsOn(em: EntityManager, day: LocalDate): Promise<ComplaintPeriods> {
  const policy = policyInForce(await loadPolicies(em), day);
  return policy ? complaintPeriodsOf(policy) : DEFAULT_COMPLAINT_PERIODS;
}

export function obstaclesOf(events: readonly PetitionEvent[]): ComplaintObstacle[] {
  return events.flatMap((e) => (e.type === 'ComplaintObstacleRecorded' ? [{ fromDay: e.fromDay, toDay: e.toDay, reason: e.reason }] : []));
}

/**
 * Gathers the facts once, for a command (inside its transaction) or for a view, so that what a user is offered
 * and what the domain accepts are decided on the same facts at the same instant.
 */
export async function complaintPathFacts(em: EntityManager, row: PetitionEntity, events: readonly PetitionEvent[], now: Date): Promise<ComplaintPathFacts> {
  const clocks = await clockStore.forPetition(em, row.id, false);
  const resolutionLapsed = clocks.some(
    (c) => c.kind === 'resolution' && (c.status === 'breached' || (c.status === 'running' && c.dueAt !== null && new Date(c.dueAt).getTime() <= now.getTime())),
  );
  const linked = await petitionStore.secondInstanceOf(em, row.id);
  const guided = events.find((e) => e.type === 'SecondInstanceRequested' && e.guidedTo !== undefined);
  const existingSecondInstance: SecondInstanceFacts['existingSecondInstance'] =
    linked !== null
      ? { petitionId: linked.id, trackingCode: linked.trackingCode }
      : guided?.type === 'SecondInstanceRequested' && guided.guidedTo
        ? { guidedTo: { name: guided.guidedTo.name, address: guided.guidedTo.address } }
        : null;
  if (row.kind !== 'complaint' || row.resolvedAt === null) {
    return { secondInstance: { resolutionLapsed, existingSecondInstance }, secondComplaintWindow: null, legalEffect: null };
  }

  const ctx = await deadlineContext(em, deadlineFactsOf(row), now);
  const policy = policyInForce(ctx.policies, toLocalDate(row.resolvedAt)) ?? ctx.policies[ctx.policies.length - 1];
  if (policy === undefined) throw new Error('No deadline policy is published');
  const periods = complaintPeriodsOf(policy);
  const remote = ctx.flags.remoteArea;
  const requested = events.find((e) => e.type === 'SecondInstanceRequested');
  const legalEffect = legalEffectOf(
    periods,
    {
      instance: row.instance,
      decidedAt: row.resolvedAt,
      remote,
      secondInstanceRequestedAt: requested ? new Date(requested.at) : (linked?.createdAt ?? null),
    },
    ctx.calendar,
    now,
  );
  if (row.instance === 2) {
    return { secondInstance: { resolutionLapsed, existingSecondInstance }, secondComplaintWindow: null, legalEffect };
  }
  const sent = clocks.find((c) => c.ruleId === 'K5' && c.metAt !== null);
  const window = secondComplaintWindowOf(
    periods,
    { decidedAt: row.resolvedAt, sentAt: sent ? new Date(sent.metAt!) : null, remote, obstacles: obstaclesOf(events) },
    ctx.calendar,
    now,
  );
  return {
    secondInstance: {
      resolutionLapsed,
      existingSecondInstance,
      secondComplaintWindow: { open: window.open, lastDay: window.lastDay, legalBasis: window.legalBasis },
    },
    secondComplaintWindow: window,
    legalEffect,
  };
}

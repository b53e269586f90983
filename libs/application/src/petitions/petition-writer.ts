import { randomBytes, randomUUID } from 'node:crypto';
import {
  type Actor,
  arrivalDayToRecord,
  type LocalDate,
  toLocalDate,
  foldForSearch,
  formatTrackingCode,
  type PetitionChannel,
  type PetitionEvent,
  type PetitionKind,
  type PetitionReceived,
  type PetitionState,
  evolve,
  receive,
} from '@app/domain';
import { outboxStore, type PersonRecord, type PetitionEntity, petitionStore, toPetitionState } from '@app/persistence';
import { JobName, outboxMessage, type OutboxMessage, QUEUE_OF } from '@app/queue';
import type { EntityManager } from 'typeorm';
import { applyDeadlines, type PetitionDeadlineFacts } from '../deadlines/deadline-engine.js';
import { applySatisfactionLinks } from '../satisfaction/satisfaction-tokens.js';
import { AppError } from '../shared/app-error.js';

export interface NewPetition {
  /** Allocated by the caller when other rows must name the petition first (a dialogue question's outcome). */
  readonly id?: string;
  readonly kind: PetitionKind;
  readonly channel: PetitionChannel;
  readonly title: string;
  readonly content: string;
  readonly topic: string | null;
  readonly location: string | null;
  readonly receivingUnitId: string;
  readonly petitioner: PersonRecord;
  readonly coPetitioners: PersonRecord[];
  readonly parentPetitionId: string | null;
  readonly createdBy: string | null;
  readonly instance?: 1 | 2;
  readonly addressedToPartyHead?: boolean;
  /** K1 (complaints): recorded on the PetitionReceived event. */
  readonly decisionKnownOn?: string;
  readonly filingLimit?: PetitionReceived['filingLimit'];
  /** A denunciation with no name (LTC Art 25(2)); the petitioner record is then empty. */
  readonly anonymous?: boolean;
  /** The day the letter arrived, when before its entry (validated by the caller). */
  readonly receivedOn?: LocalDate | null;
}

/** Every committed event is announced, so read models (the board projection) can follow. */
export function eventMessages(events: readonly PetitionEvent[], firstSequence: number): OutboxMessage[] {
  return events.map((e, i) => outboxMessage(JobName.PetitionEventRecorded, { petitionId: e.petitionId, sequence: firstSequence + i }));
}

export async function writeOutbox(em: EntityManager, messages: readonly OutboxMessage[]): Promise<void> {
  await outboxStore.append(
    em,
    messages.map((m) => ({ queue: QUEUE_OF[m.jobName], jobName: m.jobName, payload: m.payload })),
  );
}

/**
 * Stores a decided change of a petition in the caller's transaction: compare-and-set from `beforeVersion`, the
 * events on the audit trail, and their outbox messages (plus any the caller adds). False when another command
 * changed the petition first: nothing was written, and the caller says what that means.
 */
export async function storePetitionChange(
  em: EntityManager,
  beforeVersion: number,
  after: PetitionState,
  events: readonly PetitionEvent[],
  extra: readonly OutboxMessage[] = [],
): Promise<boolean> {
  if (!(await petitionStore.compareAndSet(em, after, beforeVersion))) return false;
  await petitionStore.appendEvents(em, events, beforeVersion + 1);
  await writeOutbox(em, [...eventMessages(events, beforeVersion + 1), ...extra]);
  return true;
}

/**
 * Records one event that changes no workflow status (a deadline act, a cluster change, representatives) on a
 * petition the caller has locked: the version moves on by compare-and-set, the event joins the audit trail and
 * its outbox message announces it. Returns the new version.
 */
export async function recordPetitionEvent(em: EntityManager, row: PetitionEntity, event: PetitionEvent): Promise<number> {
  const state = toPetitionState(row);
  const next = evolve(state, event);
  if (!(await storePetitionChange(em, state.version, next, [event]))) {
    // Unreachable while the row is locked; kept so that a broken lock can never lose a write silently.
    throw new AppError('conflict', 'petition.version_conflict', { version: state.version }, { currentVersion: state.version });
  }
  return next.version;
}

/** What the deadline rules need to know about a stored petition. */
export function deadlineFactsOf(row: PetitionEntity, owningUnitId = row.owningUnitId): PetitionDeadlineFacts {
  return {
    id: row.id,
    kind: row.kind,
    instance: row.instance,
    complex: row.complex,
    particularlyComplex: row.particularlyComplex,
    prolonged: row.prolonged,
    addressedToPartyHead: row.addressedToPartyHead,
    anonymous: row.anonymous,
    owningUnitId,
    coPetitionerCount: row.coPetitioners.length,
  };
}

/**
 * What workflow events set in motion in the same transaction, whoever caused them (staff or citizen): clocks
 * start, stop or move; a resolution sends the citizen a one-time feedback link, a reopen voids the live one.
 */
export async function followWorkflowEvents(
  em: EntityManager,
  row: PetitionEntity,
  after: PetitionState,
  events: readonly PetitionEvent[],
  now: Date,
  feedbackLinkKey: Buffer,
): Promise<void> {
  await applyDeadlines(em, deadlineFactsOf(row, after.owningUnitId), events, now);
  await applySatisfactionLinks(em, feedbackLinkKey, row, after, events, now);
}

/**
 * Opens a petition inside the caller's transaction: the row, its first audit event and its outbox message.
 * Used by intake and by transfers into another unit of the system.
 */
export async function openPetition(em: EntityManager, input: NewPetition, actor: Actor | null, now: Date): Promise<PetitionState> {
  const id = input.id ?? randomUUID();
  const { state, events } = receive(
    {
      petitionId: id,
      kind: input.kind,
      channel: input.channel,
      receivingUnitId: input.receivingUnitId,
      trackingCode: formatTrackingCode(randomBytes(12)),
      parentPetitionId: input.parentPetitionId,
      receivedOn: arrivalDayToRecord(input.receivedOn, now),
      actor,
      decisionKnownOn: input.decisionKnownOn,
      filingLimit: input.filingLimit,
      ...(input.anonymous === true ? { anonymous: true } : {}),
    },
    now,
  );
  await petitionStore.insert(em, {
    id,
    trackingCode: state.trackingCode,
    kind: state.kind,
    channel: state.channel,
    status: state.status,
    version: state.version,
    title: input.title,
    content: input.content,
    topic: input.topic,
    location: input.location,
    petitioner: input.petitioner,
    coPetitioners: input.coPetitioners,
    searchText: foldForSearch([state.trackingCode, input.title, input.topic ?? '', input.location ?? '', input.content].join(' ')),
    receivingUnitId: state.receivingUnitId,
    owningUnitId: state.owningUnitId,
    assigneeId: null,
    escalationLevel: state.escalationLevel,
    parentPetitionId: state.parentPetitionId,
    createdBy: input.createdBy,
    reopenCount: 0,
    instance: input.instance ?? 1,
    complex: false,
    prolonged: false,
    addressedToPartyHead: input.addressedToPartyHead ?? false,
    anonymous: input.anonymous ?? false,
    createdAt: now,
    receivedOn: arrivalDayToRecord(input.receivedOn, now) ?? toLocalDate(now),
    updatedAt: now,
    resolvedAt: null,
    closedAt: null,
  });
  await petitionStore.appendEvents(em, events, 1);
  await writeOutbox(em, eventMessages(events, 1));
  await applyDeadlines(
    em,
    {
      id,
      kind: state.kind,
      instance: input.instance ?? 1,
      complex: false,
      prolonged: false,
      addressedToPartyHead: input.addressedToPartyHead ?? false,
      anonymous: input.anonymous ?? false,
      owningUnitId: state.owningUnitId,
      coPetitionerCount: input.coPetitioners.length,
    },
    events,
    now,
  );
  return state;
}

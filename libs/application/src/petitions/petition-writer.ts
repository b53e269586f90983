import { randomBytes, randomUUID } from 'node:crypto';
import {
  type Actor,
  foldForSearch,
  formatTrackingCode,
  type PetitionChannel,
  type PetitionEvent,
  type PetitionKind,
  type PetitionState,
  receive,
} from '@app/domain';
import { outboxStore, type PersonRecord, petitionStore } from '@app/persistence';
import { JobName, outboxMessage, type OutboxMessage, QUEUE_OF } from '@app/queue';
import type { EntityManager } from 'typeorm';
import { applyDeadlines } from '../deadlines/deadline-engine.js';

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
      actor,
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
    createdAt: now,
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
      owningUnitId: state.owningUnitId,
      coPetitionerCount: input.coPetitioners.length,
    },
    events,
    now,
  );
  return state;
}

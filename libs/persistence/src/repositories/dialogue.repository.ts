import type {
  Attendees,
  CommitmentEvent,
  CommitmentEvidence,
  CommitmentState,
  CommitmentStatus,
  DialogueEvent,
  DialogueKind,
  DialogueQuestionState,
  DialogueRequestSource,
  DialogueState,
  DialogueStatus,
  PublicationChannel,
} from '@app/domain';
import type { EntityManager } from 'typeorm';

/*
 * Writes and loads for the dialogue and commitment aggregates, in raw SQL. Every method takes the caller's
 * EntityManager so that state, links, events and outbox rows commit (or roll back) together.
 * `date` columns are read as text ('YYYY-MM-DD'): they are local calendar days, never instants.
 */

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());
const json = (v: unknown): string => JSON.stringify(v);

/** Facts stored with a dialogue that its state does not carry. */
export interface DialogueRecord {
  readonly state: DialogueState;
  readonly note: string | null;
  readonly createdBy: string | null;
}

interface DialogueRow {
  id: string;
  kind: DialogueKind;
  unit_id: string;
  status: DialogueStatus;
  requested_by: DialogueRequestSource;
  voter_count: number | null;
  registered_voters: number | null;
  complaint_instance: 1 | 2 | null;
  note: string | null;
  scheduled_at: Date | null;
  venue: string | null;
  agenda: string[];
  carried_over_commitment_ids: string[];
  announced_at: Date | null;
  announced_on: string | null;
  announcement_channels: PublicationChannel[];
  held_at: Date | null;
  attendees: Attendees | null;
  minutes_summary: string | null;
  questions: DialogueQuestionState[];
  results_published_at: Date | null;
  results_due_date: string | null;
  results_late: boolean | null;
  closed_at: Date | null;
  cancelled_at: Date | null;
  cancel_reason: string | null;
  version: number;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  petition_ids: string[];
}

const DIALOGUE_SELECT = `
  SELECT d.*, d.announced_on::text AS announced_on, d.results_due_date::text AS results_due_date,
         COALESCE((SELECT array_agg(dp.petition_id::text ORDER BY dp.ordinal) FROM dialogue_petitions dp WHERE dp.dialogue_id = d.id), '{}') AS petition_ids
    FROM dialogues d`;

function toDialogueRecord(r: DialogueRow): DialogueRecord {
  return {
    note: r.note,
    createdBy: r.created_by,
    state: {
      id: r.id,
      kind: r.kind,
      unitId: r.unit_id,
      status: r.status,
      requestedBy: r.requested_by,
      voterCount: r.voter_count,
      registeredVoters: r.registered_voters,
      complaintInstance: r.complaint_instance === null ? null : (Number(r.complaint_instance) as 1 | 2),
      petitionIds: r.petition_ids,
      scheduledAt: iso(r.scheduled_at),
      venue: r.venue,
      agenda: r.agenda,
      carriedOverCommitmentIds: r.carried_over_commitment_ids,
      announcedAt: iso(r.announced_at),
      announcedOn: r.announced_on,
      announcementChannels: r.announcement_channels,
      heldAt: iso(r.held_at),
      attendees: r.attendees,
      minutesSummary: r.minutes_summary,
      questions: r.questions,
      resultsPublishedAt: iso(r.results_published_at),
      resultsDueDate: r.results_due_date,
      resultsLate: r.results_late,
      closedAt: iso(r.closed_at),
      cancelledAt: iso(r.cancelled_at),
      cancelReason: r.cancel_reason,
      version: r.version,
      createdAt: iso(r.created_at)!,
      updatedAt: iso(r.updated_at)!,
    },
  };
}

type Column = readonly [name: string, value: unknown, cast?: string];

/** The columns an event can change. */
function mutableColumns(s: DialogueState): Column[] {
  return [
    ['status', s.status],
    ['scheduled_at', s.scheduledAt],
    ['venue', s.venue],
    ['agenda', json(s.agenda), 'jsonb'],
    ['carried_over_commitment_ids', json(s.carriedOverCommitmentIds), 'jsonb'],
    ['announced_at', s.announcedAt],
    ['announced_on', s.announcedOn, 'date'],
    ['announcement_channels', json(s.announcementChannels), 'jsonb'],
    ['held_at', s.heldAt],
    ['attendees', s.attendees === null ? null : json(s.attendees), 'jsonb'],
    ['minutes_summary', s.minutesSummary],
    ['questions', json(s.questions), 'jsonb'],
    ['results_published_at', s.resultsPublishedAt],
    ['results_due_date', s.resultsDueDate, 'date'],
    ['results_late', s.resultsLate],
    ['closed_at', s.closedAt],
    ['cancelled_at', s.cancelledAt],
    ['cancel_reason', s.cancelReason],
    ['version', s.version],
    ['updated_at', s.updatedAt],
  ];
}

/** `$n` or `$n::cast` for the column at parameter position n. */
const placeholder = (c: Column, n: number): string => `$${n}${c[2] ? `::${c[2]}` : ''}`;

async function appendEventRows(
  em: EntityManager,
  table: 'dialogue_events' | 'commitment_events',
  subjectColumn: 'dialogue_id' | 'commitment_id',
  rows: { subjectId: string; type: string; actorId: string | null; actorRole: string | null; legalBasis: string | null; at: string; payload: object }[],
  firstSequence: number,
): Promise<void> {
  if (rows.length === 0) return;
  const params: unknown[] = [];
  const values = rows.map((e, i) => {
    params.push(e.subjectId, firstSequence + i, e.type, e.actorId, e.actorRole, e.legalBasis, e.at, json(e.payload));
    const n = params.length;
    return `($${n - 7}, $${n - 6}, $${n - 5}, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}, $${n}::jsonb)`;
  });
  await em.query(
    `INSERT INTO ${table} (${subjectColumn}, sequence, type, actor_id, actor_role, legal_basis, occurred_at, payload) VALUES ${values.join(', ')}`,
    params,
  );
}

export interface StoredEventRow<P> {
  readonly sequence: number;
  readonly type: string;
  readonly actorId: string | null;
  readonly actorRole: string | null;
  readonly legalBasis: string | null;
  readonly occurredAt: string;
  readonly payload: P;
}

async function eventRows<P>(em: EntityManager, table: string, subjectColumn: string, id: string): Promise<StoredEventRow<P>[]> {
  const rows: { sequence: number; type: string; actor_id: string | null; actor_role: string | null; legal_basis: string | null; occurred_at: Date; payload: P }[] =
    await em.query(`SELECT sequence, type, actor_id, actor_role, legal_basis, occurred_at, payload FROM ${table} WHERE ${subjectColumn} = $1 ORDER BY sequence`, [id]);
  return rows.map((r) => ({
    sequence: r.sequence,
    type: r.type,
    actorId: r.actor_id,
    actorRole: r.actor_role,
    legalBasis: r.legal_basis,
    occurredAt: iso(r.occurred_at)!,
    payload: r.payload,
  }));
}

export const dialogueStore = {
  /** The dialogue with its linked petitions; `lock` takes the row for the rest of the transaction. */
  async load(em: EntityManager, id: string, lock: 'update' | 'share' | false = false): Promise<DialogueRecord | null> {
    const suffix = lock === 'update' ? ' FOR NO KEY UPDATE OF d' : lock === 'share' ? ' FOR SHARE OF d' : '';
    const rows: DialogueRow[] = await em.query(`${DIALOGUE_SELECT} WHERE d.id = $1${suffix}`, [id]);
    return rows[0] ? toDialogueRecord(rows[0]) : null;
  },

  /** Several dialogues in one query, in the order of `ids` (a page of a list). */
  async byIds(em: EntityManager, ids: readonly string[]): Promise<DialogueRecord[]> {
    if (ids.length === 0) return [];
    const rows: DialogueRow[] = await em.query(`${DIALOGUE_SELECT} WHERE d.id = ANY($1::uuid[])`, [ids]);
    const byId = new Map(rows.map((r) => [r.id, toDialogueRecord(r)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  },

  /** Dialogues linked to a petition (K9 reads their kind and status). */
  async linkedToPetition(em: EntityManager, petitionId: string): Promise<DialogueState[]> {
    const rows: DialogueRow[] = await em.query(
      `${DIALOGUE_SELECT} WHERE d.id IN (SELECT dialogue_id FROM dialogue_petitions WHERE petition_id = $1) ORDER BY d.created_at`,
      [petitionId],
    );
    return rows.map((r) => toDialogueRecord(r).state);
  },

  async insert(em: EntityManager, s: DialogueState, extra: { note: string | null; createdBy: string | null }): Promise<void> {
    const cols: Column[] = [
      ['id', s.id],
      ['kind', s.kind],
      ['unit_id', s.unitId],
      ['requested_by', s.requestedBy],
      ['voter_count', s.voterCount],
      ['registered_voters', s.registeredVoters],
      ['complaint_instance', s.complaintInstance],
      ['note', extra.note],
      ['created_by', extra.createdBy],
      ['created_at', s.createdAt],
      ...mutableColumns(s),
    ];
    await em.query(
      `INSERT INTO dialogues (${cols.map((c) => c[0]).join(', ')}) VALUES (${cols.map((c, i) => placeholder(c, i + 1)).join(', ')})`,
      cols.map((c) => c[1]),
    );
    await dialogueStore.syncPetitionLinks(em, s.id, s.petitionIds, s.createdAt);
  },

  /**
   * Compare-and-set: writes the new state only if nobody committed since we read `expectedVersion`.
   * Links for petitions new in `next` are added too (links are append-only, like the events that make them).
   */
  async compareAndSet(em: EntityManager, next: DialogueState, expectedVersion: number): Promise<boolean> {
    const cols = mutableColumns(next);
    const rows: { n: number }[] = await em.query(
      `WITH u AS (UPDATE dialogues SET ${cols.map((c, i) => `${c[0]} = ${placeholder(c, i + 2)}`).join(', ')}
                   WHERE id = $1 AND version = $${cols.length + 2} RETURNING id)
       SELECT count(*)::int AS n FROM u`,
      [next.id, ...cols.map((c) => c[1]), expectedVersion],
    );
    if (rows[0]?.n !== 1) return false;
    await dialogueStore.syncPetitionLinks(em, next.id, next.petitionIds, next.updatedAt);
    return true;
  },

  async syncPetitionLinks(em: EntityManager, dialogueId: string, petitionIds: readonly string[], at: string): Promise<void> {
    if (petitionIds.length === 0) return;
    await em.query(
      `INSERT INTO dialogue_petitions (dialogue_id, petition_id, ordinal, linked_at)
       SELECT $1, p.id::uuid, p.ord - 1, $3 FROM unnest($2::text[]) WITH ORDINALITY AS p(id, ord)
       ON CONFLICT (dialogue_id, petition_id) DO NOTHING`,
      [dialogueId, petitionIds, at],
    );
  },

  /** Appends events numbered from `firstSequence` (the dialogue version each event produced). */
  async appendEvents(em: EntityManager, events: readonly DialogueEvent[], firstSequence: number): Promise<void> {
    await appendEventRows(
      em,
      'dialogue_events',
      'dialogue_id',
      events.map((e) => ({ subjectId: e.dialogueId, type: e.type, actorId: e.actorId, actorRole: e.actorRole, legalBasis: e.legalBasis, at: e.at, payload: e })),
      firstSequence,
    );
  },

  events(em: EntityManager, dialogueId: string): Promise<StoredEventRow<DialogueEvent>[]> {
    return eventRows<DialogueEvent>(em, 'dialogue_events', 'dialogue_id', dialogueId);
  },
};

/** Facts stored with a commitment beyond its state. */
export interface CommitmentRecord {
  readonly state: CommitmentState;
  readonly defaultDueDate: boolean;
}

interface CommitmentRow {
  id: string;
  dialogue_id: string;
  question_id: string | null;
  title: string;
  owner_unit_id: string;
  owner_person: string | null;
  due_date: string;
  default_due_date: boolean;
  status: CommitmentStatus;
  evidence: CommitmentEvidence[];
  transferred_to_petition_id: string | null;
  drop_reason: string | null;
  completed_late: boolean | null;
  completed_days_overdue: number | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  closed_at: Date | null;
}

export const COMMITMENT_SELECT = `SELECT c.*, c.due_date::text AS due_date FROM commitments c`;

export function toCommitmentRecord(r: CommitmentRow): CommitmentRecord {
  return {
    defaultDueDate: r.default_due_date,
    state: {
      id: r.id,
      dialogueId: r.dialogue_id,
      questionId: r.question_id,
      title: r.title,
      ownerUnitId: r.owner_unit_id,
      ownerPerson: r.owner_person,
      dueDate: r.due_date,
      status: r.status,
      evidence: r.evidence,
      transferredToPetitionId: r.transferred_to_petition_id,
      dropReason: r.drop_reason,
      completion: r.completed_late === null ? null : { late: r.completed_late, daysOverdue: r.completed_days_overdue ?? 0, unit: 'calendar_days' },
      version: r.version,
      createdAt: iso(r.created_at)!,
      updatedAt: iso(r.updated_at)!,
      closedAt: iso(r.closed_at),
    },
  };
}

export const commitmentStore = {
  async load(em: EntityManager, id: string, lock = false): Promise<CommitmentRecord | null> {
    const rows: CommitmentRow[] = await em.query(`${COMMITMENT_SELECT} WHERE c.id = $1${lock ? ' FOR NO KEY UPDATE' : ''}`, [id]);
    return rows[0] ? toCommitmentRecord(rows[0]) : null;
  },

  async forDialogue(em: EntityManager, dialogueId: string): Promise<CommitmentState[]> {
    const rows: CommitmentRow[] = await em.query(`${COMMITMENT_SELECT} WHERE c.dialogue_id = $1 ORDER BY c.created_at, c.id`, [dialogueId]);
    return rows.map((r) => toCommitmentRecord(r).state);
  },

  async byIds(em: EntityManager, ids: readonly string[]): Promise<CommitmentState[]> {
    if (ids.length === 0) return [];
    const rows: CommitmentRow[] = await em.query(`${COMMITMENT_SELECT} WHERE c.id = ANY($1::uuid[]) ORDER BY c.due_date, c.id`, [ids]);
    return rows.map((r) => toCommitmentRecord(r).state);
  },

  /**
   * Unfinished commitments made at a dialogue of this commune or owned by one of its units, past their due
   * day or marked overdue (the carry-over candidates; the domain's carryOverIntoAgenda makes the final cut).
   */
  async lateInCommune(em: EntityManager, communeId: string, today: string): Promise<CommitmentState[]> {
    const rows: CommitmentRow[] = await em.query(
      `${COMMITMENT_SELECT}
        WHERE (c.status = 'overdue' OR (c.status IN ('open', 'in_progress') AND c.due_date < $2::date))
          AND (c.owner_unit_id IN (SELECT id FROM units WHERE commune_id = $1)
               OR c.dialogue_id IN (SELECT d.id FROM dialogues d JOIN units u ON u.id = d.unit_id WHERE u.commune_id = $1))
        ORDER BY c.due_date, c.id`,
      [communeId, today],
    );
    return rows.map((r) => toCommitmentRecord(r).state);
  },

  async insert(em: EntityManager, s: CommitmentState, defaultDueDate: boolean): Promise<void> {
    await em.query(
      `INSERT INTO commitments (id, dialogue_id, question_id, title, owner_unit_id, owner_person, due_date, default_due_date, status, evidence,
                                transferred_to_petition_id, drop_reason, version, created_at, updated_at, closed_at, completed_late, completed_days_overdue)
       VALUES ($1, $2, $3, $4, $5, $6, $7::date, $8, $9, $10::jsonb, $11, $12, $13, $14, $15, $16, $17, $18)`,
      [
        s.id,
        s.dialogueId,
        s.questionId,
        s.title,
        s.ownerUnitId,
        s.ownerPerson,
        s.dueDate,
        defaultDueDate,
        s.status,
        json(s.evidence),
        s.transferredToPetitionId,
        s.dropReason,
        s.version,
        s.createdAt,
        s.updatedAt,
        s.closedAt,
        s.completion?.late ?? null,
        s.completion?.daysOverdue ?? null,
      ],
    );
  },

  async compareAndSet(em: EntityManager, next: CommitmentState, expectedVersion: number): Promise<boolean> {
    const rows: { n: number }[] = await em.query(
      `WITH u AS (
         UPDATE commitments SET status = $2, evidence = $3::jsonb, transferred_to_petition_id = $4, drop_reason = $5, version = $6,
                                updated_at = $7, closed_at = $8, completed_late = $10, completed_days_overdue = $11
          WHERE id = $1 AND version = $9 RETURNING id)
       SELECT count(*)::int AS n FROM u`,
      [
        next.id,
        next.status,
        json(next.evidence),
        next.transferredToPetitionId,
        next.dropReason,
        next.version,
        next.updatedAt,
        next.closedAt,
        expectedVersion,
        next.completion?.late ?? null,
        next.completion?.daysOverdue ?? null,
      ],
    );
    return rows[0]?.n === 1;
  },

  async appendEvents(em: EntityManager, events: readonly CommitmentEvent[], firstSequence: number): Promise<void> {
    await appendEventRows(
      em,
      'commitment_events',
      'commitment_id',
      events.map((e) => ({ subjectId: e.commitmentId, type: e.type, actorId: e.actorId, actorRole: e.actorRole, legalBasis: e.legalBasis, at: e.at, payload: e })),
      firstSequence,
    );
  },

  events(em: EntityManager, commitmentId: string): Promise<StoredEventRow<CommitmentEvent>[]> {
    return eventRows<CommitmentEvent>(em, 'commitment_events', 'commitment_id', commitmentId);
  },
};

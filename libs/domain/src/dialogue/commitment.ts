import type { LocalDate } from '../calendar/local-date.js';
import { addLocalDays, isAcceptedLocalDate, isLocalDate, localDaysBetween, toLocalDate } from '../calendar/local-date.js';
import type { Actor } from '../petition/petition-commands.js';
import type { Role } from '../petition/roles.js';

/*
 * Commitments (cam kết / nội dung hứa giải quyết) made at a dialogue (DOMAIN.md §5.2). No statute sets their
 * follow-up numbers ❓: the default due date is a policy value passed in by the caller.
 */

export const COMMITMENT_STATUSES = ['open', 'in_progress', 'done', 'overdue', 'transferred', 'dropped'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];
export const TERMINAL_COMMITMENT_STATUSES: readonly CommitmentStatus[] = ['done', 'transferred', 'dropped'];

export interface CommitmentPolicy {
  /** Calendar days from creation to the default due date (DOMAIN.md suggests 30). */
  readonly defaultDueDays: number;
}

export interface CommitmentEvidence {
  readonly at: string;
  readonly actorId: string | null;
  readonly note: string;
  /** A document number, file id or link. */
  readonly reference: string | null;
}

/**
 * How late a commitment was when it was done, recorded then (a done commitment is no longer "late now", but
 * the board and the next agenda must still see that it was). Counted in the commitment clock's unit: calendar
 * days past the promised due date.
 */
export interface CommitmentCompletion {
  readonly late: boolean;
  readonly daysOverdue: number;
  readonly unit: 'calendar_days';
}

export interface CommitmentState {
  readonly id: string;
  readonly dialogueId: string;
  readonly questionId: string | null;
  readonly title: string;
  readonly ownerUnitId: string;
  readonly ownerPerson: string | null;
  /** Last local day on which it is on time. */
  readonly dueDate: LocalDate;
  readonly status: CommitmentStatus;
  readonly evidence: readonly CommitmentEvidence[];
  readonly transferredToPetitionId: string | null;
  readonly dropReason: string | null;
  /** Set when it was done: whether, and by how many days, it was late. */
  readonly completion: CommitmentCompletion | null;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly closedAt: string | null;
}

export const COMMITMENT_ACTIONS = ['start', 'add-evidence', 'complete', 'mark-overdue', 'transfer', 'drop'] as const;
export type CommitmentAction = (typeof COMMITMENT_ACTIONS)[number];

interface Base<A extends CommitmentAction> {
  readonly action: A;
  readonly actor: Actor;
}
export interface EvidenceInput {
  readonly note: string;
  readonly reference?: string;
}
export type StartCommitmentCommand = Base<'start'> & { readonly note?: string };
export type AddEvidenceCommand = Base<'add-evidence'> & { readonly evidence: EvidenceInput };
/** Done needs evidence: given now or recorded before. */
export type CompleteCommitmentCommand = Base<'complete'> & { readonly evidence?: EvidenceInput };
/** Raised by the system when the commitment's clock lapses; never by a person. */
export interface MarkOverdueCommand {
  readonly action: 'mark-overdue';
  readonly actor: null;
}
export type TransferCommitmentCommand = Base<'transfer'> & { readonly petitionId: string; readonly note?: string };
export type DropCommitmentCommand = Base<'drop'> & { readonly reason: string };

export type CommitmentCommand =
  | StartCommitmentCommand
  | AddEvidenceCommand
  | CompleteCommitmentCommand
  | MarkOverdueCommand
  | TransferCommitmentCommand
  | DropCommitmentCommand;

interface EventBase<T extends string> {
  readonly type: T;
  readonly commitmentId: string;
  readonly at: string;
  readonly actorId: string | null;
  readonly actorRole: Role | null;
  readonly legalBasis: string | null;
}
export type CommitmentCreated = EventBase<'CommitmentCreated'> & {
  readonly dialogueId: string;
  readonly questionId: string | null;
  readonly title: string;
  readonly ownerUnitId: string;
  readonly ownerPerson: string | null;
  readonly dueDate: LocalDate;
  /** True when the due date came from the policy default. */
  readonly defaultDueDate: boolean;
};
export type CommitmentStarted = EventBase<'CommitmentStarted'> & { readonly note: string | null };
export type CommitmentEvidenceAdded = EventBase<'CommitmentEvidenceAdded'> & { readonly note: string; readonly reference: string | null };
export type CommitmentDone = EventBase<'CommitmentDone'> & {
  readonly evidence: { readonly note: string; readonly reference: string | null } | null;
  readonly late: boolean;
  /** Calendar days past the due date (0 when on time); absent on events recorded before it was kept. */
  readonly daysOverdue?: number;
};
export type CommitmentOverdue = EventBase<'CommitmentOverdue'> & { readonly dueDate: LocalDate };
export type CommitmentTransferred = EventBase<'CommitmentTransferred'> & { readonly petitionId: string; readonly note: string | null };
export type CommitmentDropped = EventBase<'CommitmentDropped'> & { readonly reason: string };

export type CommitmentEvent =
  | CommitmentCreated
  | CommitmentStarted
  | CommitmentEvidenceAdded
  | CommitmentDone
  | CommitmentOverdue
  | CommitmentTransferred
  | CommitmentDropped;

export type CommitmentRefusal =
  | {
      readonly code: 'transition-not-allowed';
      readonly action: CommitmentAction;
      readonly status: CommitmentStatus;
      readonly allowedActions: CommitmentAction[];
    }
  | { readonly code: 'role-not-allowed'; readonly action: CommitmentAction | 'create'; readonly role: Role | null }
  | { readonly code: 'invalid-command'; readonly action: CommitmentAction | 'create'; readonly field: string; readonly messageKey: string };

export type CommitmentDecision =
  | { readonly ok: true; readonly state: CommitmentState; readonly events: CommitmentEvent[] }
  | { readonly ok: false; readonly refusal: CommitmentRefusal };

interface CommitmentRule {
  readonly from: readonly CommitmentStatus[];
  /** Empty with `system`: only the system may raise it (actor null). */
  readonly roles: readonly Role[];
  readonly system?: true;
}

/** done, transferred and dropped are terminal; overdue can still end as done, transferred or dropped. */
export const COMMITMENT_TRANSITIONS: Readonly<Record<CommitmentAction, CommitmentRule>> = {
  start: { from: ['open'], roles: ['head', 'handler'] },
  'add-evidence': { from: ['open', 'in_progress', 'overdue'], roles: ['head', 'handler'] },
  complete: { from: ['in_progress', 'overdue'], roles: ['head'] },
  'mark-overdue': { from: ['open', 'in_progress'], roles: [], system: true },
  transfer: { from: ['open', 'in_progress', 'overdue'], roles: ['head'] },
  drop: { from: ['open', 'in_progress', 'overdue'], roles: ['head'] },
};

export const COMMITMENT_LEGAL_BASIS = 'Theo dõi thực hiện cam kết sau đối thoại (DOMAIN.md §5.2; thời hạn do chính sách đặt, không do luật)';
export const COMMITMENT_CREATE_ROLES: readonly Role[] = ['head'];

export function allowedCommitmentActions(state: Pick<CommitmentState, 'status'>): CommitmentAction[] {
  return COMMITMENT_ACTIONS.filter((a) => COMMITMENT_TRANSITIONS[a].from.includes(state.status));
}

const blank = (s: string | undefined | null): boolean => typeof s !== 'string' || s.trim() === '';
const orNull = (s: string | undefined | null): string | null => (blank(s) ? null : s!.trim());

/** A commitment's clock has lapsed once its due day is over (local time). */
export function commitmentIsLate(dueDate: LocalDate, now: Date): boolean {
  return toLocalDate(now) > dueDate;
}

/** Whole calendar days past the due date at `now` (0 while on time): the commitment clock counts calendar days. */
export function commitmentDaysOverdue(dueDate: LocalDate, now: Date): number {
  return commitmentIsLate(dueDate, now) ? localDaysBetween(dueDate, toLocalDate(now)) : 0;
}

export interface CreateCommitmentInput {
  readonly commitmentId: string;
  readonly dialogueId: string;
  readonly questionId?: string | null;
  readonly title: string;
  readonly ownerUnitId: string;
  readonly ownerPerson?: string | null;
  readonly dueDate?: LocalDate | null;
  /** Null when created by the system from a dialogue's create-commitment effect. */
  readonly actor: Actor | null;
}

/** Opens a commitment; the due date defaults to creation day + policy.defaultDueDays. */
export function createCommitment(input: CreateCommitmentInput, policy: CommitmentPolicy, now: Date): CommitmentDecision {
  const action = 'create' as const;
  const invalid = (field: string, messageKey: string): CommitmentDecision => ({ ok: false, refusal: { code: 'invalid-command', action, field, messageKey } });
  if (input.actor !== null && !COMMITMENT_CREATE_ROLES.includes(input.actor.role)) {
    return { ok: false, refusal: { code: 'role-not-allowed', action, role: input.actor.role } };
  }
  if (blank(input.commitmentId)) return invalid('commitmentId', 'validation.required');
  if (blank(input.dialogueId)) return invalid('dialogueId', 'validation.required');
  if (blank(input.title)) return invalid('title', 'validation.required');
  if (blank(input.ownerUnitId)) return invalid('ownerUnitId', 'validation.required');
  const today = toLocalDate(now);
  let dueDate: LocalDate;
  const given = input.dueDate ?? null;
  if (given !== null) {
    if (!isLocalDate(given)) return invalid('dueDate', 'validation.isLocalDate');
    if (!isAcceptedLocalDate(given)) return invalid('dueDate', 'validation.dateRange');
    if (given < today) return invalid('dueDate', 'commitment.due_in_past');
    dueDate = given;
  } else {
    if (!Number.isInteger(policy.defaultDueDays) || policy.defaultDueDays < 1) throw new Error(`Invalid commitment policy: ${policy.defaultDueDays} days`);
    dueDate = addLocalDays(today, policy.defaultDueDays);
  }
  const event: CommitmentCreated = {
    type: 'CommitmentCreated',
    commitmentId: input.commitmentId.trim(),
    at: now.toISOString(),
    actorId: input.actor?.userId ?? null,
    actorRole: input.actor?.role ?? null,
    legalBasis: COMMITMENT_LEGAL_BASIS,
    dialogueId: input.dialogueId.trim(),
    questionId: orNull(input.questionId),
    title: input.title.trim(),
    ownerUnitId: input.ownerUnitId.trim(),
    ownerPerson: orNull(input.ownerPerson),
    dueDate,
    defaultDueDate: given === null,
  };
  return { ok: true, state: evolveCommitment(null, event), events: [event] };
}

export function decideCommitment(state: CommitmentState, command: CommitmentCommand, now: Date): CommitmentDecision {
  const { action } = command;
  const rule = COMMITMENT_TRANSITIONS[action];
  const role = command.actor?.role ?? null;
  if (rule.system ? command.actor !== null : role === null || !rule.roles.includes(role)) {
    return { ok: false, refusal: { code: 'role-not-allowed', action, role } };
  }
  if (!rule.from.includes(state.status)) {
    return { ok: false, refusal: { code: 'transition-not-allowed', action, status: state.status, allowedActions: allowedCommitmentActions(state) } };
  }
  const invalid = (field: string, messageKey: string): CommitmentDecision => ({ ok: false, refusal: { code: 'invalid-command', action, field, messageKey } });
  const base = {
    commitmentId: state.id,
    at: now.toISOString(),
    actorId: command.actor?.userId ?? null,
    actorRole: role,
    legalBasis: COMMITMENT_LEGAL_BASIS,
  };
  let event: CommitmentEvent;
  switch (command.action) {
    case 'start':
      event = { ...base, type: 'CommitmentStarted', note: orNull(command.note) };
      break;
    case 'add-evidence':
      if (blank(command.evidence?.note)) return invalid('evidence.note', 'validation.required');
      event = { ...base, type: 'CommitmentEvidenceAdded', note: command.evidence.note.trim(), reference: orNull(command.evidence.reference) };
      break;
    case 'complete': {
      const given = command.evidence;
      if (given !== undefined && blank(given.note)) return invalid('evidence.note', 'validation.required');
      if (given === undefined && state.evidence.length === 0) return invalid('evidence', 'commitment.evidence_required');
      event = {
        ...base,
        type: 'CommitmentDone',
        evidence: given === undefined ? null : { note: given.note.trim(), reference: orNull(given.reference) },
        late: commitmentIsLate(state.dueDate, now),
        daysOverdue: commitmentDaysOverdue(state.dueDate, now),
      };
      break;
    }
    case 'mark-overdue':
      if (!commitmentIsLate(state.dueDate, now)) return invalid('dueDate', 'commitment.not_yet_due');
      event = { ...base, type: 'CommitmentOverdue', dueDate: state.dueDate };
      break;
    case 'transfer':
      if (blank(command.petitionId)) return invalid('petitionId', 'validation.required');
      event = { ...base, type: 'CommitmentTransferred', petitionId: command.petitionId.trim(), note: orNull(command.note) };
      break;
    case 'drop':
      if (blank(command.reason)) return invalid('reason', 'validation.required');
      event = { ...base, type: 'CommitmentDropped', reason: command.reason.trim() };
      break;
  }
  return { ok: true, state: evolveCommitment(state, event), events: [event] };
}

export function evolveCommitment(state: CommitmentState | null, event: CommitmentEvent): CommitmentState {
  if (event.type === 'CommitmentCreated') {
    if (state !== null) throw new Error(`CommitmentCreated applied to existing commitment ${state.id}`);
    return {
      id: event.commitmentId,
      dialogueId: event.dialogueId,
      questionId: event.questionId,
      title: event.title,
      ownerUnitId: event.ownerUnitId,
      ownerPerson: event.ownerPerson,
      dueDate: event.dueDate,
      status: 'open',
      evidence: [],
      transferredToPetitionId: null,
      dropReason: null,
      completion: null,
      version: 1,
      createdAt: event.at,
      updatedAt: event.at,
      closedAt: null,
    };
  }
  if (state === null) throw new Error(`${event.type} applied before CommitmentCreated`);
  const s = { ...state, version: state.version + 1, updatedAt: event.at };
  switch (event.type) {
    case 'CommitmentStarted':
      return { ...s, status: 'in_progress' };
    case 'CommitmentEvidenceAdded':
      return { ...s, evidence: [...state.evidence, { at: event.at, actorId: event.actorId, note: event.note, reference: event.reference }] };
    case 'CommitmentDone':
      return {
        ...s,
        status: 'done',
        closedAt: event.at,
        completion: { late: event.late, daysOverdue: event.daysOverdue ?? (event.late ? commitmentDaysOverdue(state.dueDate, new Date(event.at)) : 0), unit: 'calendar_days' },
        evidence: event.evidence === null ? state.evidence : [...state.evidence, { at: event.at, actorId: event.actorId, ...event.evidence }],
      };
    case 'CommitmentOverdue':
      return { ...s, status: 'overdue' };
    case 'CommitmentTransferred':
      return { ...s, status: 'transferred', closedAt: event.at, transferredToPetitionId: event.petitionId };
    case 'CommitmentDropped':
      return { ...s, status: 'dropped', closedAt: event.at, dropReason: event.reason };
    default: {
      const unreachable: never = event;
      throw new Error(`Unhandled event ${JSON.stringify(unreachable)}`);
    }
  }
}

export function replayCommitment(events: readonly CommitmentEvent[]): CommitmentState {
  const state = events.reduce<CommitmentState | null>((s, e) => evolveCommitment(s, e), null);
  if (state === null) throw new Error('Cannot replay an empty event log');
  return state;
}

export interface CarriedOverItem {
  readonly commitmentId: string;
  readonly dialogueId: string;
  readonly title: string;
  readonly ownerUnitId: string;
  readonly ownerPerson: string | null;
  readonly dueDate: LocalDate;
  /** Whole local days past the due date at `now`. */
  readonly daysOverdue: number;
}

/**
 * Commitments overdue when the next conference is planned are reported back to it (DOMAIN.md §5.2). That is
 * every commitment marked overdue, plus open or in-progress ones whose due day is already over but whose
 * clock has not fired yet. Oldest due date first, then by id, so the agenda is stable.
 */
export function carryOverIntoAgenda(commitments: readonly CommitmentState[], now: Date): CarriedOverItem[] {
  const today = toLocalDate(now);
  return commitments
    .filter((c) => c.status === 'overdue' || ((c.status === 'open' || c.status === 'in_progress') && commitmentIsLate(c.dueDate, now)))
    .map((c) => ({
      commitmentId: c.id,
      dialogueId: c.dialogueId,
      title: c.title,
      ownerUnitId: c.ownerUnitId,
      ownerPerson: c.ownerPerson,
      dueDate: c.dueDate,
      daysOverdue: Math.max(0, localDaysBetween(c.dueDate, today)),
    }))
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.commitmentId < b.commitmentId ? -1 : a.commitmentId > b.commitmentId ? 1 : 0));
}

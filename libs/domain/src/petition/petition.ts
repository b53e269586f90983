import type { LocalDate } from '../calendar/local-date.js';
import { legalBasisFor } from './legal-basis.js';
import type { Actor, PetitionAction, PetitionCommand, SecondInstanceFacts } from './petition-commands.js';
import { PETITION_ACTIONS } from './petition-commands.js';
import type { PetitionEvent, PetitionReceived } from './petition-events.js';
import type { PetitionChannel, PetitionKind } from './petition-kind.js';
import { isReopenableKind, requiresVerification } from './petition-kind.js';
import type { PetitionStatus } from './petition-status.js';
import { OPEN_STATUSES, RESOLVED_STATUSES, resolvedStatusFor, TERMINAL_STATUSES } from './petition-status.js';
import type { Role } from './roles.js';

/** What the workflow needs to know about a petition. Personal data lives elsewhere. */
export interface PetitionState {
  readonly id: string;
  readonly kind: PetitionKind;
  readonly channel: PetitionChannel;
  readonly status: PetitionStatus;
  readonly trackingCode: string;
  readonly receivingUnitId: string;
  /** The unit competent for (and holding) the case. Oversight escalation never changes it. */
  readonly owningUnitId: string;
  readonly assigneeId: string | null;
  readonly escalationLevel: number;
  readonly parentPetitionId: string | null;
  /** 1, or 2 for a second-time complaint / re-denunciation. */
  readonly instance: 1 | 2;
  /** One per committed command; the compare-and-set token. */
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly resolvedAt: string | null;
  readonly closedAt: string | null;
  readonly reopenCount: number;
  /** A denunciation with no name (LTC Art 25(2)); absent for named petitions. */
  readonly anonymous?: true;
}

/** Side effects the domain asks for; the application turns them into outbox rows. */
export type PetitionEffect =
  | { readonly type: 'notify-assignee'; readonly petitionId: string; readonly assigneeId: string }
  | { readonly type: 'open-transferred-petition'; readonly petitionId: string; readonly toUnitId: string }
  | { readonly type: 'open-second-instance-petition'; readonly petitionId: string };

export type Refusal =
  | {
      readonly code: 'transition-not-allowed';
      readonly action: PetitionAction;
      readonly status: PetitionStatus;
      readonly kind: PetitionKind;
      readonly allowedActions: PetitionAction[];
    }
  | { readonly code: 'role-not-allowed'; readonly action: PetitionAction; readonly role: Role }
  | { readonly code: 'not-assignee'; readonly action: PetitionAction }
  | { readonly code: 'invalid-command'; readonly action: PetitionAction; readonly field: string; readonly messageKey: string }
  /** The status allows the action but a legal condition on the case does not: a 409 naming the rule. Never offered. */
  | {
      readonly code: 'condition-not-met';
      readonly action: PetitionAction;
      readonly messageKey: string;
      readonly legalBasis?: string;
      readonly params?: Readonly<Record<string, string>>;
      readonly details?: Readonly<Record<string, unknown>>;
    };

export type Decision =
  | {
      readonly ok: true;
      readonly state: PetitionState;
      readonly events: PetitionEvent[];
      readonly effects: PetitionEffect[];
    }
  | { readonly ok: false; readonly refusal: Refusal };

interface TransitionRule {
  /** Statuses the action may start from, per kind. */
  readonly from: (kind: PetitionKind) => readonly PetitionStatus[];
  readonly roles: readonly Role[];
}

const none: readonly PetitionStatus[] = [];
const onlyReceived: readonly PetitionStatus[] = ['received'];

/**
 * The transition table: the single place that says which action is allowed from which status, for which
 * kind and by which role. Everything else (allowed-action lists, the 409 body, the table test) derives from it.
 */
export const TRANSITIONS: Readonly<Record<PetitionAction, TransitionRule>> = {
  accept: { from: () => onlyReceived, roles: ['head'] },
  reject: { from: () => onlyReceived, roles: ['head'] },
  // A denunciation or feedback outside competence is sent on to the competent body (LTC Art 24(2)) ...
  transfer: { from: (k) => (k === 'complaint' ? none : onlyReceived), roles: ['desk', 'head'] },
  // ... while a complaint outside competence is answered with guidance on where to file (TT05).
  guide: { from: (k) => (k === 'denunciation' ? none : onlyReceived), roles: ['desk', 'head'] },
  file: { from: () => onlyReceived, roles: ['desk', 'head'] },
  assign: { from: () => ['accepted', 'assigned', 'verifying', 'reopened'], roles: ['head'] },
  'start-verification': { from: () => ['assigned'], roles: ['handler', 'head'] },
  // Only the assignee reports (a head may be the assignee too): checked in decide and availableActions.
  'report-verification': { from: () => ['verifying'], roles: ['handler', 'head'] },
  resolve: { from: (k) => (requiresVerification(k) ? ['verifying'] : ['assigned', 'verifying']), roles: ['head'] },
  close: { from: () => RESOLVED_STATUSES, roles: ['head'] },
  withdraw: { from: () => OPEN_STATUSES, roles: ['desk', 'head'] },
  reopen: { from: (k) => (isReopenableKind(k) ? ['answered', 'closed'] : none), roles: ['desk', 'head'] },
  // After a decision or conclusion the citizen may go up a level; while the case is open, only once its
  // resolution deadline has lapsed (checked in decide). Feedback and recommendations have no second instance.
  'request-second-instance': {
    from: (k) =>
      k === 'complaint'
        ? ['accepted', 'assigned', 'verifying', 'decided', 'closed']
        : k === 'denunciation'
          ? ['accepted', 'assigned', 'verifying', 'concluded', 'closed']
          : none,
    roles: ['desk', 'head'],
  },
};

/** Actions the status and kind allow, whoever asks. */
export function allowedActions(state: Pick<PetitionState, 'status' | 'kind'>): PetitionAction[] {
  return PETITION_ACTIONS.filter((a) => TRANSITIONS[a].from(state.kind).includes(state.status));
}

/**
 * Actions this actor may take now (for UIs: which buttons to show): exactly those `decide` accepts with a valid
 * body, given the same facts. Without facts, a second instance on an open case is not offered.
 */
export function availableActions(state: PetitionState, actor: Actor, facts: SecondInstanceFacts = { resolutionLapsed: false }): PetitionAction[] {
  return allowedActions(state).filter(
    (a) =>
      TRANSITIONS[a].roles.includes(actor.role) &&
      !(actor.role === 'handler' && state.assigneeId !== actor.userId) &&
      !(a === 'report-verification' && state.assigneeId !== actor.userId) &&
      (a !== 'request-second-instance' || secondInstanceCondition(state, facts) === null),
  );
}

/**
 * The conditions on a second instance that do not depend on the request's body (LKN Art 33; LTC Art 37): no
 * third instance; one request per decision; on an open case, only once its resolution deadline lapsed; after a
 * first-time complaint decision, only within the K6 window (recorded obstacles already added back).
 */
export function secondInstanceCondition(state: PetitionState, facts: SecondInstanceFacts): Refusal | null {
  const action = 'request-second-instance' as const;
  // These two predate the rule-named refusals and stay 422s on the fact they name.
  if (state.instance === 2) return { code: 'invalid-command', action, field: 'instance', messageKey: 'petition.no_third_instance' };
  // Anonymous information is not a denunciation under LTC (Art 25(2)): there is no denouncer to go up a level.
  if (state.anonymous) return { code: 'invalid-command', action, field: 'anonymous', messageKey: 'petition.anonymous_no_second_instance' };
  const existing = facts.existingSecondInstance;
  if (existing && 'guidedTo' in existing) {
    // Outside the system there is no linked case to follow: repeat where to file instead.
    return {
      code: 'condition-not-met',
      action,
      messageKey: 'petition.second_instance_guided_already',
      legalBasis: legalBasisFor(action, state.kind) ?? undefined,
      params: { bodyName: existing.guidedTo.name, address: existing.guidedTo.address },
      details: { guidedTo: existing.guidedTo },
    };
  }
  if (existing) {
    return {
      code: 'condition-not-met',
      action,
      messageKey: 'petition.second_instance_exists',
      legalBasis: legalBasisFor(action, state.kind) ?? undefined,
      params: { trackingCode: existing.trackingCode },
      details: { linkedPetitionId: existing.petitionId, linkedTrackingCode: existing.trackingCode },
    };
  }
  if (OPEN_STATUSES.includes(state.status)) {
    return facts.resolutionLapsed ? null : { code: 'invalid-command', action, field: 'resolutionLapsed', messageKey: 'petition.second_instance_not_yet' };
  }
  const window = facts.secondComplaintWindow;
  if (state.kind === 'complaint' && window && !window.open) {
    return {
      code: 'condition-not-met',
      action,
      messageKey: 'petition.second_complaint_window_closed',
      legalBasis: window.legalBasis,
      params: { lastDay: window.lastDay },
      details: { ruleId: 'K6', lastDay: window.lastDay },
    };
  }
  return null;
}

export interface ReceiveInput {
  readonly petitionId: string;
  readonly kind: PetitionKind;
  readonly channel: PetitionChannel;
  readonly receivingUnitId: string;
  readonly trackingCode: string;
  readonly parentPetitionId?: string | null;
  readonly instance?: 1 | 2;
  readonly anonymous?: boolean;
  /** The day the letter arrived, when before its entry (checked by receivedOnProblem). */
  readonly receivedOn?: LocalDate | null;
  readonly actor: Actor | null;
  /** K1: a complaint's date of receiving or knowing of the decision, and the check the application made. */
  readonly decisionKnownOn?: string;
  readonly filingLimit?: PetitionReceived['filingLimit'];
}

/** Opening a petition is the one command without a prior state. */
export function receive(input: ReceiveInput, now: Date): { state: PetitionState; events: PetitionEvent[] } {
  const event: PetitionReceived = {
    type: 'PetitionReceived',
    petitionId: input.petitionId,
    at: now.toISOString(),
    actorId: input.actor?.userId ?? null,
    actorRole: input.actor?.role ?? null,
    legalBasis: legalBasisFor('receive', input.kind),
    kind: input.kind,
    channel: input.channel,
    receivingUnitId: input.receivingUnitId,
    trackingCode: input.trackingCode,
    parentPetitionId: input.parentPetitionId ?? null,
    ...(input.instance === 2 ? { instance: 2 as const } : {}),
    ...(input.decisionKnownOn !== undefined ? { decisionKnownOn: input.decisionKnownOn } : {}),
    ...(input.filingLimit !== undefined ? { filingLimit: input.filingLimit } : {}),
    ...(input.anonymous === true ? { anonymous: true as const } : {}),
    ...(input.receivedOn ? { receivedOn: input.receivedOn } : {}),
  };
  return { state: evolve(null, event), events: [event] };
}

/** Not accepted because the K1 time limit expired (LKN Art 11 khoản 3, Art 9; clause number unverified). */
export const FILING_LIMIT_REJECTION_BASIS = 'Luật Khiếu nại 2011 Điều 11 (hết thời hiệu khiếu nại, Điều 9)';

/** LTC 2018 Art 25(2): anonymous information with specific content and evidence is checked within competence. */
export const ANONYMOUS_CHECK_BASIS = 'Luật Tố cáo 2018 Điều 25 khoản 2 (thông tin tố cáo nặc danh có nội dung cụ thể: thanh tra, kiểm tra theo thẩm quyền)';

const blank = (s: string | undefined | null): boolean => s === undefined || s === null || s.trim() === '';
const orNull = (s: string | undefined): string | null => (blank(s) ? null : s!.trim());

/**
 * The pure decision: may this actor do this now, and if so what happened (events) and what must follow
 * (effects). The next state is always `events` folded over `state`, so replaying the log rebuilds it.
 */
export function decide(state: PetitionState, command: PetitionCommand, now: Date): Decision {
  const { action, actor } = command;
  const rule = TRANSITIONS[action];
  if (!rule.roles.includes(actor.role)) {
    return { ok: false, refusal: { code: 'role-not-allowed', action, role: actor.role } };
  }
  if (!rule.from(state.kind).includes(state.status)) {
    return {
      ok: false,
      refusal: { code: 'transition-not-allowed', action, status: state.status, kind: state.kind, allowedActions: allowedActions(state) },
    };
  }
  if ((actor.role === 'handler' || action === 'report-verification') && state.assigneeId !== actor.userId) {
    return { ok: false, refusal: { code: 'not-assignee', action } };
  }
  const invalid = (field: string, messageKey: string): Decision => ({
    ok: false,
    refusal: { code: 'invalid-command', action, field, messageKey },
  });

  const base = {
    petitionId: state.id,
    at: now.toISOString(),
    actorId: actor.userId,
    actorRole: actor.role,
    legalBasis: legalBasisFor(action, state.kind),
  };
  let event: PetitionEvent;
  const effects: PetitionEffect[] = [];

  switch (command.action) {
    case 'accept':
      // Accepting a complaint past the K1 limit is the head's decision on the obstacles (LKN Art 9): say why.
      if (command.filingLimitExceeded === true && state.kind === 'complaint') {
        if (blank(command.note)) return invalid('note', 'petition.filing_limit_note_required');
        event = { ...base, type: 'PetitionAccepted', note: orNull(command.note), despiteFilingLimit: true };
        break;
      }
      // An anonymous letter is not accepted as a denunciation: with specific content and evidence, the head has
      // it checked within competence (LTC Art 25(2)), recorded as this acceptance; otherwise it is filed.
      event = { ...base, type: 'PetitionAccepted', note: orNull(command.note), ...(state.anonymous ? { legalBasis: ANONYMOUS_CHECK_BASIS } : {}) };
      break;
    case 'reject':
      if (blank(command.reason)) return invalid('reason', 'validation.required');
      if (command.ground === 'filing_time_limit_expired' && state.kind !== 'complaint') return invalid('ground', 'petition.rejection_ground_kind');
      event = {
        ...base,
        type: 'PetitionRejected',
        reason: command.reason.trim(),
        legalBasis: orNull(command.legalBasis) ?? (command.ground === 'filing_time_limit_expired' ? FILING_LIMIT_REJECTION_BASIS : base.legalBasis),
        ...(command.ground !== undefined ? { ground: command.ground } : {}),
      };
      break;
    case 'transfer': {
      const toUnitId = orNull(command.toUnitId);
      const toBodyName = orNull(command.toBodyName);
      if ((toUnitId === null) === (toBodyName === null)) return invalid('toUnitId', 'petition.transfer_target_required');
      if (toUnitId === state.owningUnitId) return invalid('toUnitId', 'petition.transfer_to_self');
      if (blank(command.reason)) return invalid('reason', 'validation.required');
      event = { ...base, type: 'PetitionTransferred', toUnitId, toBodyName, reason: command.reason.trim() };
      if (toUnitId !== null) effects.push({ type: 'open-transferred-petition', petitionId: state.id, toUnitId });
      break;
    }
    case 'guide':
      if (blank(command.guidance)) return invalid('guidance', 'validation.required');
      event = { ...base, type: 'PetitionGuided', guidance: command.guidance.trim() };
      break;
    case 'file':
      event = { ...base, type: 'PetitionFiled', reason: command.reason, note: orNull(command.note) };
      break;
    case 'assign': {
      if (blank(command.assigneeId)) return invalid('assigneeId', 'validation.required');
      const assigneeId = command.assigneeId.trim();
      // After a reopen, handing the case back to the same handler is the normal path, not a no-op.
      if (assigneeId === state.assigneeId && state.status !== 'reopened') return invalid('assigneeId', 'petition.already_assigned');
      event = {
        ...base,
        type: 'PetitionAssigned',
        assigneeId,
        previousAssigneeId: state.assigneeId,
        note: orNull(command.note),
      };
      effects.push({ type: 'notify-assignee', petitionId: state.id, assigneeId });
      break;
    }
    case 'start-verification':
      event = { ...base, type: 'VerificationStarted', note: orNull(command.note) };
      break;
    case 'report-verification': {
      if (blank(command.findings)) return invalid('findings', 'validation.required');
      if (blank(command.proposedConclusion)) return invalid('proposedConclusion', 'validation.required');
      const list = (xs: readonly string[] | undefined) => (xs ?? []).map((x) => x.trim()).filter((x) => x !== '');
      event = {
        ...base,
        type: 'VerificationReported',
        findings: command.findings.trim(),
        peopleMet: list(command.peopleMet),
        documentsSeen: list(command.documentsSeen),
        proposedConclusion: command.proposedConclusion.trim(),
      };
      break;
    }
    case 'resolve':
      if (blank(command.summary)) return invalid('summary', 'validation.required');
      event = {
        ...base,
        type: 'PetitionResolved',
        outcome: resolvedStatusFor(state.kind),
        summary: command.summary.trim(),
        decisionNumber: orNull(command.decisionNumber),
        legalBasis: orNull(command.legalBasis) ?? base.legalBasis,
        ...(blank(command.citizenSummary) ? {} : { citizenSummary: command.citizenSummary!.trim() }),
      };
      break;
    case 'close':
      event = { ...base, type: 'PetitionClosed', note: orNull(command.note) };
      break;
    case 'withdraw':
      event = { ...base, type: 'PetitionWithdrawn', reason: orNull(command.reason) };
      break;
    case 'reopen':
      if (blank(command.reason)) return invalid('reason', 'validation.required');
      event = { ...base, type: 'PetitionReopened', reason: command.reason.trim() };
      break;
    case 'request-second-instance': {
      const unmet = secondInstanceCondition(state, command);
      if (unmet !== null) return { ok: false, refusal: unmet };
      if (blank(command.reason)) return invalid('reason', 'validation.required');
      if (command.superiorOutside) {
        event = { ...base, type: 'SecondInstanceRequested', reason: command.reason.trim(), resolutionLapsed: command.resolutionLapsed, guidedTo: command.superiorOutside };
        break;
      }
      event = { ...base, type: 'SecondInstanceRequested', reason: command.reason.trim(), resolutionLapsed: command.resolutionLapsed };
      effects.push({ type: 'open-second-instance-petition', petitionId: state.id });
      break;
    }
    default: {
      const unreachable: never = command;
      throw new Error(`Unhandled command ${JSON.stringify(unreachable)}`);
    }
  }
  return { ok: true, state: evolve(state, event), events: [event], effects };
}

/** Applies one event. Pure and total over the events `decide` can emit, which is what makes replay exact. */
export function evolve(state: PetitionState | null, event: PetitionEvent): PetitionState {
  if (event.type === 'PetitionReceived') {
    if (state !== null) throw new Error(`PetitionReceived applied to existing petition ${state.id}`);
    return {
      id: event.petitionId,
      kind: event.kind,
      channel: event.channel,
      status: 'received',
      trackingCode: event.trackingCode,
      receivingUnitId: event.receivingUnitId,
      owningUnitId: event.receivingUnitId,
      assigneeId: null,
      escalationLevel: 0,
      parentPetitionId: event.parentPetitionId,
      instance: event.instance ?? 1,
      version: 1,
      createdAt: event.at,
      updatedAt: event.at,
      resolvedAt: null,
      closedAt: null,
      reopenCount: 0,
      ...(event.anonymous === true ? { anonymous: true as const } : {}),
    };
  }
  if (state === null) throw new Error(`${event.type} applied before PetitionReceived`);
  const s = { ...state, version: state.version + 1, updatedAt: event.at };
  switch (event.type) {
    case 'PetitionAccepted':
      return { ...s, status: 'accepted' };
    case 'PetitionRejected':
      return { ...s, status: 'rejected', closedAt: event.at };
    case 'PetitionTransferred':
      return { ...s, status: 'transferred', closedAt: event.at };
    case 'PetitionGuided':
      return { ...s, status: 'guided', closedAt: event.at };
    case 'PetitionFiled':
      return { ...s, status: 'filed', closedAt: event.at };
    case 'PetitionAssigned':
      return { ...s, status: state.status === 'verifying' ? 'verifying' : 'assigned', assigneeId: event.assigneeId };
    case 'VerificationStarted':
      return { ...s, status: 'verifying' };
    case 'PetitionResolved':
      return { ...s, status: event.outcome, resolvedAt: event.at };
    case 'PetitionClosed':
      return { ...s, status: 'closed', closedAt: event.at };
    case 'PetitionWithdrawn':
      return { ...s, status: 'withdrawn', closedAt: event.at };
    case 'PetitionReopened':
      return { ...s, status: 'reopened', resolvedAt: null, closedAt: null, reopenCount: state.reopenCount + 1 };
    case 'PetitionEscalated':
      return { ...s, escalationLevel: event.level };
    case 'VerificationReported':
    case 'CitizenRightsNotified':
    case 'SecondInstanceRequested':
    case 'DeadlinePaused':
    case 'DeadlineResumed':
    case 'DeadlineExtended':
    case 'DeadlineMet':
    case 'CaseFlagsChanged':
    case 'PetitionClustered': // grouping (issue 4)
    case 'PetitionUnclustered':
    case 'PetitionClusterClosed':
    case 'RepresentativesAppointed':
    case 'CitizenFeedbackRecorded':
    case 'ComplaintObstacleRecorded':
      // Recorded on the case (version moves on) without changing its workflow status.
      return s;
    default: {
      const unreachable: never = event;
      throw new Error(`Unhandled event ${JSON.stringify(unreachable)}`);
    }
  }
}

export interface EscalationInput {
  readonly clockId: string;
  readonly ruleId: string;
  readonly thresholdKey: string;
  readonly thresholdId: string;
  readonly watcherUnitId: string | null;
}

/**
 * A deadline threshold asks for oversight: raise the level by one and record who now watches. Raised by the
 * system, never by a person, and never a transfer: status, owner and assignee are untouched. Closed cases
 * are not escalated (their clocks are met or cancelled).
 */
export function escalate(state: PetitionState, input: EscalationInput, now: Date): { state: PetitionState; events: PetitionEvent[] } | null {
  if (TERMINAL_STATUSES.includes(state.status) || state.status === 'closed') return null;
  const event: PetitionEvent = {
    type: 'PetitionEscalated',
    petitionId: state.id,
    at: now.toISOString(),
    actorId: null,
    actorRole: null,
    legalBasis: 'Giám sát, đôn đốc (DOMAIN.md §4.4)',
    level: state.escalationLevel + 1,
    ...input,
  };
  return { state: evolve(state, event), events: [event] };
}

/** Rebuilds a petition from its audit trail. */
export function replay(events: readonly PetitionEvent[]): PetitionState {
  const state = events.reduce<PetitionState | null>((s, e) => evolve(s, e), null);
  if (state === null) throw new Error('Cannot replay an empty event log');
  return state;
}

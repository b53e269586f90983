import type { LocalDate } from '../calendar/local-date.js';
import { addLocalDays, isAcceptedLocalDate, isLocalDate, toLocalDate } from '../calendar/local-date.js';
import type { Actor } from '../petition/petition-commands.js';
import type { PetitionKind } from '../petition/petition-kind.js';
import { PETITION_KINDS } from '../petition/petition-kind.js';
import type { Role } from '../petition/roles.js';
import type { Attendees, DialogueAction, DialogueCommand, QuestionOutcomeInput } from './dialogue-commands.js';
import { DIALOGUE_ACTIONS } from './dialogue-commands.js';
import type { DialogueEvent, DialogueQuestion, DialogueRequested, QuestionOutcome } from './dialogue-events.js';
import type { DialogueKind, DialogueRequestSource, DialogueStatus, PublicationChannel } from './dialogue-kind.js';
import {
  CONFERENCE_NOTICE_DAYS,
  DIALOGUE_KINDS,
  DIALOGUE_REQUEST_SOURCES,
  HELD_OR_LATER_STATUSES,
  PUBLICATION_CHANNELS,
  RESULTS_PUBLICATION_DAYS,
  VOTER_REQUEST_PERCENT,
  dialogueLegalBasis,
} from './dialogue-kind.js';

export interface DialogueQuestionState extends DialogueQuestion {
  readonly outcome: QuestionOutcome | null;
  readonly resolvedAt: string | null;
}

/** What the workflow needs to know about a dialogue. */
export interface DialogueState {
  readonly id: string;
  readonly kind: DialogueKind;
  /** The convening unit (UBND xã, the resolver's unit, the Party committee). */
  readonly unitId: string;
  readonly status: DialogueStatus;
  readonly requestedBy: DialogueRequestSource;
  readonly voterCount: number | null;
  readonly registeredVoters: number | null;
  /** 1 or 2 for a complaint-resolution dialogue (K4 / K9); null for the other kinds. */
  readonly complaintInstance: 1 | 2 | null;
  readonly petitionIds: readonly string[];
  readonly scheduledAt: string | null;
  readonly venue: string | null;
  readonly agenda: readonly string[];
  readonly carriedOverCommitmentIds: readonly string[];
  readonly announcedAt: string | null;
  readonly announcedOn: LocalDate | null;
  readonly announcementChannels: readonly PublicationChannel[];
  readonly heldAt: string | null;
  readonly attendees: Attendees | null;
  readonly minutesSummary: string | null;
  readonly questions: readonly DialogueQuestionState[];
  readonly resultsPublishedAt: string | null;
  readonly resultsDueDate: LocalDate | null;
  readonly resultsLate: boolean | null;
  readonly closedAt: string | null;
  readonly cancelledAt: string | null;
  readonly cancelReason: string | null;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A period a clock must watch; data for the deadline machinery, never a refusal. */
export interface DialogueDeadline {
  readonly kind: 'results_publication';
  readonly days: number;
  readonly unit: 'calendar_days';
  /** ISO instant the period runs from; its local date is not counted (BLDS Art 147). */
  readonly from: string;
  /** Last local day on which the act is on time. */
  readonly dueDate: LocalDate;
  readonly legalBasis: string;
}

export type DialogueEffect =
  | { readonly type: 'start-deadline'; readonly dialogueId: string; readonly deadline: DialogueDeadline }
  | { readonly type: 'meet-deadline'; readonly dialogueId: string; readonly kind: DialogueDeadline['kind']; readonly late: boolean }
  | {
      readonly type: 'open-petition-from-question';
      readonly dialogueId: string;
      readonly questionId: string;
      readonly petitionId: string;
      readonly petitionKind: PetitionKind;
      readonly channel: 'dialogue';
      readonly receivingUnitId: string;
      readonly text: string;
    }
  | {
      readonly type: 'create-commitment';
      readonly dialogueId: string;
      readonly questionId: string;
      readonly commitmentId: string;
      readonly title: string;
      readonly ownerUnitId: string;
      readonly ownerPerson: string | null;
      /** Null: the commitment policy's default applies. */
      readonly dueDate: LocalDate | null;
    };

export type DialogueGate = 'G2' | 'G3';

/** Workflow conditions that are not statutory gates but still refuse a well-formed command (409, not 422). */
export type DialogueRule = 'questions-resolved' | 'commitments-settled';

export type DialogueRefusal =
  | {
      readonly code: 'transition-not-allowed';
      readonly action: DialogueAction;
      readonly status: DialogueStatus;
      readonly kind: DialogueKind;
      readonly allowedActions: DialogueAction[];
    }
  | { readonly code: 'role-not-allowed'; readonly action: DialogueAction | 'request'; readonly role: Role }
  | {
      readonly code: 'invalid-command';
      readonly action: DialogueAction | 'request';
      readonly field: string;
      readonly messageKey: string;
      readonly params?: Readonly<Record<string, string | number>>;
    }
  /** A statutory condition is not met (as opposed to a malformed body). */
  | {
      readonly code: 'legal-gate';
      readonly action: DialogueAction | 'request';
      readonly gate: DialogueGate;
      readonly messageKey: string;
      readonly params: Readonly<Record<string, string | number>>;
    }
  /** The dialogue is not ready for this step (DOMAIN.md §5.2: close only once questions and commitments ended). */
  | {
      readonly code: 'workflow-rule';
      readonly action: DialogueAction;
      readonly rule: DialogueRule;
      readonly messageKey: string;
      readonly params: Readonly<Record<string, string | number>>;
    };

export type DialogueDecision =
  | { readonly ok: true; readonly state: DialogueState; readonly events: DialogueEvent[]; readonly effects: DialogueEffect[] }
  | { readonly ok: false; readonly refusal: DialogueRefusal };

interface TransitionRule {
  readonly from: (kind: DialogueKind) => readonly DialogueStatus[];
  readonly roles: readonly Role[];
}

const isCommune = (k: DialogueKind): boolean => k === 'commune_conference';
const headOnly: readonly Role[] = ['head'];

/**
 * The transition table. Only the commune conference must be announced before it is held (G3), must publish
 * its results (G4) and must go through follow-up before closing; the other kinds may skip those steps.
 */
export const DIALOGUE_TRANSITIONS: Readonly<Record<DialogueAction, TransitionRule>> = {
  plan: { from: () => ['requested'], roles: headOnly },
  announce: { from: () => ['planned'], roles: headOnly },
  // Before it is held; a new time needs a new notice, so an announced dialogue goes back to planned.
  reschedule: { from: () => ['planned', 'announced'], roles: headOnly },
  hold: { from: (k) => (isCommune(k) ? ['announced'] : ['planned', 'announced']), roles: headOnly },
  'publish-results': { from: () => ['held'], roles: headOnly },
  'start-follow-up': { from: (k) => (isCommune(k) ? ['results_published'] : ['held', 'results_published']), roles: headOnly },
  close: { from: (k) => (isCommune(k) ? ['follow_up'] : ['held', 'results_published', 'follow_up']), roles: headOnly },
  cancel: { from: () => ['requested', 'planned', 'announced'], roles: headOnly },
  'link-petitions': {
    from: () => ['requested', 'planned', 'announced', 'held', 'results_published', 'follow_up'],
    roles: ['desk', 'head'],
  },
  'resolve-question': { from: () => ['held', 'results_published', 'follow_up'], roles: headOnly },
};

/** Roles that may record a request (open a dialogue). */
export const DIALOGUE_REQUEST_ROLES: readonly Role[] = ['desk', 'head'];

export function allowedDialogueActions(state: Pick<DialogueState, 'status' | 'kind'>): DialogueAction[] {
  return DIALOGUE_ACTIONS.filter((a) => DIALOGUE_TRANSITIONS[a].from(state.kind).includes(state.status));
}

export function availableDialogueActions(state: Pick<DialogueState, 'status' | 'kind'>, actor: Actor): DialogueAction[] {
  return allowedDialogueActions(state).filter((a) => DIALOGUE_TRANSITIONS[a].roles.includes(actor.role));
}

const blank = (s: string | undefined | null): boolean => typeof s !== 'string' || s.trim() === '';
const orNull = (s: string | undefined | null): string | null => (blank(s) ? null : s!.trim());
const isNonNegInt = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;
/** Trimmed, non-blank, first occurrence kept. */
const cleanList = (items: readonly string[] | undefined): string[] => [
  ...new Set((items ?? []).filter((s) => !blank(s)).map((s) => s.trim())),
];
const parseInstant = (s: string | undefined): Date | null => {
  if (blank(s)) return null;
  const d = new Date(s!);
  return Number.isNaN(d.getTime()) ? null : d;
};

/** G2: does this count of voters reach 10% of the voter list? Integer arithmetic, no rounding. */
export function votersReachThreshold(voterCount: number, registeredVoters: number): boolean {
  return voterCount * 100 >= registeredVoters * VOTER_REQUEST_PERCENT;
}

/** G2: the smallest number of voters whose request obliges an ad hoc conference. */
export function voterThreshold(registeredVoters: number): number {
  return Math.ceil((registeredVoters * VOTER_REQUEST_PERCENT) / 100);
}

/**
 * G3, defined on local (UTC+7) dates: a conference on day D needs its notice on day D − 7 or earlier, i.e.
 * announcement day + 7 ≤ conference day. The announcement day is not counted (BLDS Art 147), whatever the
 * hour: a notice at 23:30 on 1 March counts for 1 March and allows a conference from 8 March.
 */
export function earliestConferenceDate(announcedOn: LocalDate): LocalDate {
  return addLocalDays(announcedOn, CONFERENCE_NOTICE_DAYS);
}

/** G4: the last local day on which results are published on time (conference day + 10). */
export function resultsPublicationDueDate(heldAt: string): LocalDate {
  return addLocalDays(toLocalDate(new Date(heldAt)), RESULTS_PUBLICATION_DAYS);
}

export interface RequestDialogueInput {
  readonly dialogueId: string;
  readonly kind: DialogueKind;
  readonly unitId: string;
  readonly requestedBy: DialogueRequestSource;
  readonly voterCount?: number;
  readonly registeredVoters?: number;
  /** Required for complaint_resolution, refused for the other kinds. */
  readonly complaintInstance?: 1 | 2;
  readonly petitionIds?: readonly string[];
  readonly note?: string;
  readonly actor: Actor;
}

/** Opening a dialogue is the one command without a prior state (like receiving a petition). */
export function requestDialogue(input: RequestDialogueInput, now: Date): DialogueDecision {
  const action = 'request' as const;
  const invalid = (field: string, messageKey: string, params?: Record<string, string | number>): DialogueDecision => ({
    ok: false,
    refusal: { code: 'invalid-command', action, field, messageKey, ...(params ? { params } : {}) },
  });
  if (!DIALOGUE_REQUEST_ROLES.includes(input.actor.role)) {
    return { ok: false, refusal: { code: 'role-not-allowed', action, role: input.actor.role } };
  }
  if (!DIALOGUE_KINDS.includes(input.kind)) return invalid('kind', 'validation.isIn');
  if (blank(input.dialogueId)) return invalid('dialogueId', 'validation.required');
  if (blank(input.unitId)) return invalid('unitId', 'validation.required');
  if (!DIALOGUE_REQUEST_SOURCES.includes(input.requestedBy)) return invalid('requestedBy', 'validation.isIn');
  const petitionIds = cleanList(input.petitionIds);

  let voterCount: number | null = null;
  let registeredVoters: number | null = null;
  if (input.requestedBy === 'voters') {
    // The 10% rule belongs to the commune conference (LTCCQĐP Art 43).
    if (input.kind !== 'commune_conference') return invalid('requestedBy', 'dialogue.voters_request_commune_only');
    if (!isNonNegInt(input.registeredVoters) || input.registeredVoters === 0) return invalid('registeredVoters', 'validation.isInt');
    if (!isNonNegInt(input.voterCount)) return invalid('voterCount', 'validation.isInt');
    if (input.voterCount > input.registeredVoters) return invalid('voterCount', 'validation.max');
    if (!votersReachThreshold(input.voterCount, input.registeredVoters)) {
      return {
        ok: false,
        refusal: {
          code: 'legal-gate',
          action,
          gate: 'G2',
          messageKey: 'dialogue.voter_threshold_not_met',
          params: { voterCount: input.voterCount, required: voterThreshold(input.registeredVoters), registeredVoters: input.registeredVoters },
        },
      };
    }
    voterCount = input.voterCount;
    registeredVoters = input.registeredVoters;
  }

  let complaintInstance: 1 | 2 | null = null;
  if (input.kind === 'complaint_resolution') {
    if (input.complaintInstance !== 1 && input.complaintInstance !== 2) return invalid('complaintInstance', 'validation.isIn');
    if (petitionIds.length === 0) return invalid('petitionIds', 'dialogue.complaint_petition_required');
    complaintInstance = input.complaintInstance;
  } else if (input.complaintInstance !== undefined) {
    return invalid('complaintInstance', 'validation.whitelistValidation');
  }

  const event: DialogueRequested = {
    type: 'DialogueRequested',
    dialogueId: input.dialogueId.trim(),
    at: now.toISOString(),
    actorId: input.actor.userId,
    actorRole: input.actor.role,
    legalBasis: dialogueLegalBasis(input.kind, complaintInstance),
    kind: input.kind,
    unitId: input.unitId.trim(),
    requestedBy: input.requestedBy,
    voterCount,
    registeredVoters,
    complaintInstance,
    petitionIds,
    note: orNull(input.note),
  };
  return { ok: true, state: evolveDialogue(null, event), events: [event], effects: [] };
}

function validChannels(channels: readonly PublicationChannel[] | undefined): PublicationChannel[] | 'empty' | 'unknown' {
  const list = [...new Set(channels ?? [])];
  if (list.length === 0) return 'empty';
  if (list.some((c) => !PUBLICATION_CHANNELS.includes(c))) return 'unknown';
  return list;
}

function cleanNames(names: readonly string[] | undefined): string[] {
  return cleanList(Array.isArray(names) ? names : []);
}

/**
 * The pure decision for a dialogue. The next state is always `events` folded over `state`.
 */
export function decideDialogue(state: DialogueState, command: DialogueCommand, now: Date): DialogueDecision {
  const { action, actor } = command;
  const rule = DIALOGUE_TRANSITIONS[action];
  if (!rule.roles.includes(actor.role)) {
    return { ok: false, refusal: { code: 'role-not-allowed', action, role: actor.role } };
  }
  if (!rule.from(state.kind).includes(state.status)) {
    return {
      ok: false,
      refusal: { code: 'transition-not-allowed', action, status: state.status, kind: state.kind, allowedActions: allowedDialogueActions(state) },
    };
  }
  const invalid = (field: string, messageKey: string, params?: Record<string, string | number>): DialogueDecision => ({
    ok: false,
    refusal: { code: 'invalid-command', action, field, messageKey, ...(params ? { params } : {}) },
  });
  const gate = (g: DialogueGate, messageKey: string, params: Record<string, string | number>): DialogueDecision => ({
    ok: false,
    refusal: { code: 'legal-gate', action, gate: g, messageKey, params },
  });

  const base = {
    dialogueId: state.id,
    at: now.toISOString(),
    actorId: actor.userId,
    actorRole: actor.role,
    legalBasis: dialogueLegalBasis(state.kind, state.complaintInstance),
  };
  const today = toLocalDate(now);
  let event: DialogueEvent;
  const effects: DialogueEffect[] = [];

  switch (command.action) {
    case 'plan': {
      const at = parseInstant(command.scheduledAt);
      if (at === null) return invalid('scheduledAt', 'validation.required');
      if (at.getTime() <= now.getTime()) return invalid('scheduledAt', 'dialogue.schedule_in_past');
      if (blank(command.venue)) return invalid('venue', 'validation.required');
      const agenda = cleanList(command.agenda);
      if (agenda.length === 0) return invalid('agenda', 'validation.arrayNotEmpty');
      event = {
        ...base,
        type: 'DialoguePlanned',
        scheduledAt: at.toISOString(),
        venue: command.venue.trim(),
        agenda,
        carriedOverCommitmentIds: cleanList(command.carriedOverCommitmentIds),
      };
      break;
    }
    case 'announce': {
      const channels = validChannels(command.channels);
      if (channels === 'empty') return invalid('channels', 'validation.arrayNotEmpty');
      if (channels === 'unknown') return invalid('channels', 'validation.isIn');
      const scheduledAt = new Date(state.scheduledAt!);
      if (scheduledAt.getTime() <= now.getTime()) return invalid('scheduledAt', 'dialogue.schedule_in_past');
      // G3 checked early: a notice given now could not make the planned day lawful. Reschedule first.
      if (isCommune(state.kind) && toLocalDate(scheduledAt) < earliestConferenceDate(today)) {
        return gate('G3', 'dialogue.notice_too_short', {
          days: CONFERENCE_NOTICE_DAYS,
          scheduledOn: toLocalDate(scheduledAt),
          earliest: earliestConferenceDate(today),
        });
      }
      event = { ...base, type: 'DialogueAnnounced', channels, announcedOn: today };
      break;
    }
    case 'reschedule': {
      const at = parseInstant(command.scheduledAt);
      if (at === null) return invalid('scheduledAt', 'validation.required');
      if (at.getTime() <= now.getTime()) return invalid('scheduledAt', 'dialogue.schedule_in_past');
      if (blank(command.reason)) return invalid('reason', 'validation.required');
      event = {
        ...base,
        type: 'DialogueRescheduled',
        scheduledAt: at.toISOString(),
        venue: orNull(command.venue) ?? state.venue!,
        reason: command.reason.trim(),
        previousScheduledAt: state.scheduledAt,
      };
      break;
    }
    case 'hold': {
      const heldAt = command.heldAt === undefined ? now : parseInstant(command.heldAt);
      if (heldAt === null) return invalid('heldAt', 'validation.required');
      if (heldAt.getTime() > now.getTime()) return invalid('heldAt', 'dialogue.held_in_future');
      if (state.announcedAt !== null && heldAt.getTime() < Date.parse(state.announcedAt)) {
        return invalid('heldAt', 'dialogue.held_before_announcement');
      }
      const heldOn = toLocalDate(heldAt);
      if (isCommune(state.kind)) {
        const earliest = earliestConferenceDate(state.announcedOn!);
        if (heldOn < earliest) {
          return gate('G3', 'dialogue.notice_period_not_met', {
            days: CONFERENCE_NOTICE_DAYS,
            announcedOn: state.announcedOn!,
            earliest,
            heldOn,
          });
        }
      }
      const minutes = command.minutes;
      if (minutes === undefined || minutes === null || minutes.attendees === undefined) return invalid('minutes', 'validation.required');
      const a = minutes.attendees;
      if (!isNonNegInt(a.citizens)) return invalid('minutes.attendees.citizens', 'validation.isInt');
      const attendees: Attendees = {
        citizens: a.citizens,
        fatherlandFront: { present: a.fatherlandFront?.present === true, names: cleanNames(a.fatherlandFront?.names) },
        unions: cleanNames(a.unions),
        peoplesCouncil: { present: a.peoplesCouncil?.present === true, names: cleanNames(a.peoplesCouncil?.names) },
      };
      const questions: DialogueQuestion[] = [];
      for (const q of minutes.questions ?? []) {
        if (blank(q.id)) return invalid('minutes.questions.id', 'validation.required');
        if (blank(q.text)) return invalid('minutes.questions.text', 'validation.required');
        if (questions.some((x) => x.id === q.id.trim())) return invalid('minutes.questions.id', 'dialogue.question_id_duplicate', { questionId: q.id.trim() });
        questions.push({ id: q.id.trim(), text: q.text.trim(), askedBy: orNull(q.askedBy) });
      }
      event = { ...base, type: 'DialogueHeld', heldAt: heldAt.toISOString(), attendees, questions, summary: orNull(minutes.summary) };
      if (isCommune(state.kind)) {
        effects.push({
          type: 'start-deadline',
          dialogueId: state.id,
          deadline: {
            kind: 'results_publication',
            days: RESULTS_PUBLICATION_DAYS,
            unit: 'calendar_days',
            from: heldAt.toISOString(),
            dueDate: resultsPublicationDueDate(heldAt.toISOString()),
            legalBasis: 'Luật Tổ chức chính quyền địa phương 72/2025/QH15 Điều 43 (G4)',
          },
        });
      }
      break;
    }
    case 'publish-results': {
      const channels = validChannels(command.channels);
      if (channels === 'empty') return invalid('channels', 'validation.arrayNotEmpty');
      if (channels === 'unknown') return invalid('channels', 'validation.isIn');
      if (blank(command.summary)) return invalid('summary', 'validation.required');
      // G4 is a clock, not a gate: a late publication is still allowed, and recorded as late.
      const dueDate = isCommune(state.kind) ? (command.dueDate ?? resultsPublicationDueDate(state.heldAt!)) : null;
      const late = dueDate !== null && today > dueDate;
      event = { ...base, type: 'DialogueResultsPublished', channels, summary: command.summary.trim(), dueDate, late };
      if (dueDate !== null) effects.push({ type: 'meet-deadline', dialogueId: state.id, kind: 'results_publication', late });
      break;
    }
    case 'start-follow-up':
      event = { ...base, type: 'DialogueFollowUpStarted', note: orNull(command.note) };
      break;
    case 'close': {
      const open = state.questions.filter((q) => q.outcome === null).length;
      if (open > 0) {
        return { ok: false, refusal: { code: 'workflow-rule', action, rule: 'questions-resolved', messageKey: 'dialogue.questions_unresolved', params: { count: open } } };
      }
      // §5.2: closed once every commitment is closed or carried into the next conference. Overdue ones are
      // carried over automatically, so only commitments still running on time hold the dialogue open.
      const pending = cleanList(command.pendingCommitmentIds);
      if (pending.length > 0) {
        return {
          ok: false,
          refusal: { code: 'workflow-rule', action, rule: 'commitments-settled', messageKey: 'dialogue.commitments_pending', params: { count: pending.length } },
        };
      }
      event = { ...base, type: 'DialogueClosed', note: orNull(command.note) };
      break;
    }
    case 'cancel':
      if (blank(command.reason)) return invalid('reason', 'validation.required');
      event = { ...base, type: 'DialogueCancelled', reason: command.reason.trim() };
      break;
    case 'link-petitions': {
      const ids = cleanList(command.petitionIds);
      if (ids.length === 0) return invalid('petitionIds', 'validation.arrayNotEmpty');
      const fresh = ids.filter((id) => !state.petitionIds.includes(id));
      if (fresh.length === 0) return invalid('petitionIds', 'dialogue.petitions_already_linked');
      event = { ...base, type: 'DialoguePetitionsLinked', petitionIds: fresh };
      break;
    }
    case 'resolve-question': {
      const question = state.questions.find((q) => q.id === command.questionId?.trim());
      if (question === undefined) return invalid('questionId', 'dialogue.question_unknown');
      if (question.outcome !== null) return invalid('questionId', 'dialogue.question_already_resolved', { questionId: question.id });
      const outcome = validOutcome(command.outcome, today);
      if ('field' in outcome) return invalid(outcome.field, outcome.messageKey);
      event = { ...base, type: 'DialogueQuestionResolved', questionId: question.id, outcome };
      if (outcome.kind === 'to_petition') {
        effects.push({
          type: 'open-petition-from-question',
          dialogueId: state.id,
          questionId: question.id,
          petitionId: outcome.petitionId,
          petitionKind: outcome.petitionKind,
          channel: 'dialogue',
          receivingUnitId: state.unitId,
          text: question.text,
        });
      } else if (outcome.kind === 'to_commitment') {
        effects.push({
          type: 'create-commitment',
          dialogueId: state.id,
          questionId: question.id,
          commitmentId: outcome.commitmentId,
          title: outcome.title,
          ownerUnitId: outcome.ownerUnitId,
          ownerPerson: outcome.ownerPerson,
          dueDate: outcome.dueDate,
        });
      }
      break;
    }
  }
  return { ok: true, state: evolveDialogue(state, event), events: [event], effects };
}

function validOutcome(o: QuestionOutcomeInput | undefined, today: LocalDate): QuestionOutcome | { field: string; messageKey: string } {
  if (o === undefined || o === null) return { field: 'outcome', messageKey: 'validation.required' };
  switch (o.kind) {
    case 'answered':
      if (blank(o.answer)) return { field: 'outcome.answer', messageKey: 'validation.required' };
      return { kind: 'answered', answer: o.answer.trim() };
    case 'to_petition':
      if (blank(o.petitionId)) return { field: 'outcome.petitionId', messageKey: 'validation.required' };
      if (!PETITION_KINDS.includes(o.petitionKind)) return { field: 'outcome.petitionKind', messageKey: 'validation.isIn' };
      return { kind: 'to_petition', petitionId: o.petitionId.trim(), petitionKind: o.petitionKind };
    case 'to_commitment':
      if (blank(o.commitmentId)) return { field: 'outcome.commitmentId', messageKey: 'validation.required' };
      if (blank(o.title)) return { field: 'outcome.title', messageKey: 'validation.required' };
      if (blank(o.ownerUnitId)) return { field: 'outcome.ownerUnitId', messageKey: 'validation.required' };
      if (o.dueDate !== undefined && !isLocalDate(o.dueDate)) return { field: 'outcome.dueDate', messageKey: 'validation.isLocalDate' };
      if (o.dueDate !== undefined && !isAcceptedLocalDate(o.dueDate)) return { field: 'outcome.dueDate', messageKey: 'validation.dateRange' };
      if (o.dueDate !== undefined && o.dueDate < today) return { field: 'outcome.dueDate', messageKey: 'commitment.due_in_past' };
      return {
        kind: 'to_commitment',
        commitmentId: o.commitmentId.trim(),
        title: o.title.trim(),
        ownerUnitId: o.ownerUnitId.trim(),
        ownerPerson: orNull(o.ownerPerson),
        dueDate: o.dueDate ?? null,
      };
    default:
      return { field: 'outcome.kind', messageKey: 'validation.isIn' };
  }
}

/** Applies one event. Pure and total over the events the decisions emit. */
export function evolveDialogue(state: DialogueState | null, event: DialogueEvent): DialogueState {
  if (event.type === 'DialogueRequested') {
    if (state !== null) throw new Error(`DialogueRequested applied to existing dialogue ${state.id}`);
    return {
      id: event.dialogueId,
      kind: event.kind,
      unitId: event.unitId,
      status: 'requested',
      requestedBy: event.requestedBy,
      voterCount: event.voterCount,
      registeredVoters: event.registeredVoters,
      complaintInstance: event.complaintInstance,
      petitionIds: event.petitionIds,
      scheduledAt: null,
      venue: null,
      agenda: [],
      carriedOverCommitmentIds: [],
      announcedAt: null,
      announcedOn: null,
      announcementChannels: [],
      heldAt: null,
      attendees: null,
      minutesSummary: null,
      questions: [],
      resultsPublishedAt: null,
      resultsDueDate: null,
      resultsLate: null,
      closedAt: null,
      cancelledAt: null,
      cancelReason: null,
      version: 1,
      createdAt: event.at,
      updatedAt: event.at,
    };
  }
  if (state === null) throw new Error(`${event.type} applied before DialogueRequested`);
  const s = { ...state, version: state.version + 1, updatedAt: event.at };
  switch (event.type) {
    case 'DialoguePlanned':
      return {
        ...s,
        status: 'planned',
        scheduledAt: event.scheduledAt,
        venue: event.venue,
        agenda: event.agenda,
        carriedOverCommitmentIds: event.carriedOverCommitmentIds,
      };
    case 'DialogueAnnounced':
      return { ...s, status: 'announced', announcedAt: event.at, announcedOn: event.announcedOn, announcementChannels: event.channels };
    case 'DialogueRescheduled':
      return {
        ...s,
        status: 'planned',
        scheduledAt: event.scheduledAt,
        venue: event.venue,
        announcedAt: null,
        announcedOn: null,
        announcementChannels: [],
      };
    case 'DialogueHeld':
      return {
        ...s,
        status: 'held',
        heldAt: event.heldAt,
        attendees: event.attendees,
        minutesSummary: event.summary,
        questions: event.questions.map((q) => ({ ...q, outcome: null, resolvedAt: null })),
      };
    case 'DialogueResultsPublished':
      return { ...s, status: 'results_published', resultsPublishedAt: event.at, resultsDueDate: event.dueDate, resultsLate: event.late };
    case 'DialogueFollowUpStarted':
      return { ...s, status: 'follow_up' };
    case 'DialogueClosed':
      return { ...s, status: 'closed', closedAt: event.at };
    case 'DialogueCancelled':
      return { ...s, status: 'cancelled', cancelledAt: event.at, cancelReason: event.reason };
    case 'DialoguePetitionsLinked':
      return { ...s, petitionIds: [...state.petitionIds, ...event.petitionIds.filter((id) => !state.petitionIds.includes(id))] };
    case 'DialogueQuestionResolved': {
      const questions = state.questions.map((q) => (q.id === event.questionId ? { ...q, outcome: event.outcome, resolvedAt: event.at } : q));
      const o = event.outcome;
      const petitionIds = o.kind === 'to_petition' && !state.petitionIds.includes(o.petitionId) ? [...state.petitionIds, o.petitionId] : state.petitionIds;
      return { ...s, questions, petitionIds };
    }
    default: {
      const unreachable: never = event;
      throw new Error(`Unhandled event ${JSON.stringify(unreachable)}`);
    }
  }
}

/** Rebuilds a dialogue from its audit trail. */
export function replayDialogue(events: readonly DialogueEvent[]): DialogueState {
  const state = events.reduce<DialogueState | null>((s, e) => evolveDialogue(s, e), null);
  if (state === null) throw new Error('Cannot replay an empty event log');
  return state;
}

/**
 * K9 (LKN Art 39; ND124 Art 28): a second-time complaint may be decided only after a dialogue on it took
 * place: a complaint-resolution dialogue linked to that petition, held or later (not merely planned, and not
 * cancelled). For a first-time complaint (K4) the dialogue is conditional and nothing is gated.
 */
export function secondTimeComplaintMayBeDecided(
  petitionId: string,
  dialogues: readonly Pick<DialogueState, 'kind' | 'status' | 'petitionIds'>[],
): boolean {
  return dialogues.some(
    (d) => d.kind === 'complaint_resolution' && d.petitionIds.includes(petitionId) && HELD_OR_LATER_STATUSES.includes(d.status),
  );
}

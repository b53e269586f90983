import type { LocalDate } from '../calendar/local-date.js';
import { isAcceptedLocalDate, isLocalDate, toLocalDate } from '../calendar/local-date.js';
import type { Actor } from '../petition/petition-commands.js';
import type { Role } from '../petition/roles.js';
import type { ReceptionDayStatus, ReceptionPosition } from './reception-position.js';
import { RECEPTION_POSITIONS } from './reception-position.js';

/*
 * A head's citizen-reception day (tiếp công dân định kỳ, DOMAIN.md R1, R2, R4): planned → held | cancelled.
 * The day is a Vietnam local date; whether it counts towards a month is decided by that date alone.
 */

export interface ReceptionDayState {
  readonly id: string;
  readonly unitId: string;
  /** The head who receives citizens in person (the duty cannot be delegated under the L136 draft ❓). */
  readonly hostUserId: string;
  readonly position: ReceptionPosition;
  readonly date: LocalDate;
  readonly venue: string;
  readonly status: ReceptionDayStatus;
  /** The duty rule the day was planned under (from the rule table), for the audit trail. */
  readonly legalBasis: string | null;
  readonly note: string | null;
  /** How many citizens came; null when not counted. */
  readonly attendeeCount: number | null;
  /**
   * Names, when the citizens agreed to give them; often fewer than the headcount. Personal data that may
   * identify a denouncer (DOMAIN.md §7): it lives on the reception_days row only, where it can be erased, and
   * never in the append-only event trail. A replay of the trail therefore yields [] here; the store fills the
   * names in from the row.
   */
  readonly attendeeNames: readonly string[];
  /** Petitions taken at the reception, in the order they were linked. */
  readonly petitionIds: readonly string[];
  readonly cancelReason: string | null;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly heldRecordedAt: string | null;
  readonly cancelledAt: string | null;
}

export const RECEPTION_ACTIONS = ['hold', 'cancel', 'link-petitions'] as const;
export type ReceptionAction = (typeof RECEPTION_ACTIONS)[number];

/** Reception staff and the heads themselves keep the schedule; administrators may correct it. */
export const RECEPTION_ROLES: readonly Role[] = ['head', 'desk', 'admin'];

/**
 * Who may read the names of the citizens who came (DOMAIN.md §7): only those who keep the schedule, i.e. the
 * reception desk and heads of the day's own unit (jurisdiction already limits them to it) and administrators.
 * Not the board, and not handlers: a handler sees the petitions linked to the day, which may be
 * denunciations, so names next to them could identify a denouncer.
 */
export function mayReadAttendeeNames(role: Role): boolean {
  return RECEPTION_ROLES.includes(role);
}

interface Rule {
  readonly from: readonly ReceptionDayStatus[];
  readonly roles: readonly Role[];
}
/** The transition table: the one place that says which action is allowed from which status and by whom. */
export const RECEPTION_TRANSITIONS: Readonly<Record<ReceptionAction, Rule>> = {
  hold: { from: ['planned'], roles: RECEPTION_ROLES },
  cancel: { from: ['planned'], roles: RECEPTION_ROLES },
  // Petitions lodged that day may be logged after the record of the day (POST /api/petitions, then linked).
  'link-petitions': { from: ['held'], roles: RECEPTION_ROLES },
};

export function allowedReceptionActions(state: Pick<ReceptionDayState, 'status'>): ReceptionAction[] {
  return RECEPTION_ACTIONS.filter((a) => RECEPTION_TRANSITIONS[a].from.includes(state.status));
}

export function availableReceptionActions(state: Pick<ReceptionDayState, 'status'>, role: Role): ReceptionAction[] {
  return allowedReceptionActions(state).filter((a) => RECEPTION_TRANSITIONS[a].roles.includes(role));
}

interface Base<A extends ReceptionAction> {
  readonly action: A;
  readonly actor: Actor;
}
export type HoldReceptionDayCommand = Base<'hold'> & {
  readonly attendeeCount?: number | null;
  readonly attendeeNames?: readonly string[];
  readonly petitionIds?: readonly string[];
  readonly note?: string | null;
};
export type CancelReceptionDayCommand = Base<'cancel'> & { readonly reason: string };
export type LinkReceptionPetitionsCommand = Base<'link-petitions'> & { readonly petitionIds: readonly string[] };
export type ReceptionDayCommand = HoldReceptionDayCommand | CancelReceptionDayCommand | LinkReceptionPetitionsCommand;

interface EventBase<T extends string> {
  readonly type: T;
  readonly receptionDayId: string;
  readonly at: string;
  readonly actorId: string;
  readonly actorRole: Role;
}
export type ReceptionDayPlanned = EventBase<'ReceptionDayPlanned'> & {
  readonly unitId: string;
  readonly hostUserId: string;
  readonly position: ReceptionPosition;
  readonly date: LocalDate;
  readonly venue: string;
  readonly legalBasis: string | null;
  readonly note: string | null;
};
/** Carries how many came and how many gave a name, never the names (see ReceptionDayState.attendeeNames). */
export type ReceptionDayHeld = EventBase<'ReceptionDayHeld'> & {
  readonly attendeeCount: number | null;
  readonly namesGiven: number;
  readonly petitionIds: readonly string[];
  readonly note: string | null;
};
export type ReceptionDayCancelled = EventBase<'ReceptionDayCancelled'> & { readonly reason: string };
export type ReceptionPetitionsLinked = EventBase<'ReceptionPetitionsLinked'> & { readonly petitionIds: readonly string[] };
export type ReceptionDayEvent = ReceptionDayPlanned | ReceptionDayHeld | ReceptionDayCancelled | ReceptionPetitionsLinked;

export type ReceptionRefusal =
  | { readonly code: 'transition-not-allowed'; readonly action: ReceptionAction; readonly status: ReceptionDayStatus; readonly allowedActions: ReceptionAction[] }
  | { readonly code: 'role-not-allowed'; readonly action: ReceptionAction | 'plan'; readonly role: Role }
  /** Recording as held a day that has not come yet (Vietnam local date). */
  | { readonly code: 'held-in-future'; readonly date: LocalDate; readonly today: LocalDate }
  | { readonly code: 'invalid-command'; readonly action: ReceptionAction | 'plan'; readonly field: string; readonly messageKey: string };

export type ReceptionDecision =
  | { readonly ok: true; readonly state: ReceptionDayState; readonly events: ReceptionDayEvent[] }
  | { readonly ok: false; readonly refusal: ReceptionRefusal };

const blank = (s: string | undefined | null): boolean => typeof s !== 'string' || s.trim() === '';
const orNull = (s: string | undefined | null): string | null => (blank(s) ? null : s!.trim());
const unique = (ids: readonly string[]): string[] => [...new Set(ids.map((id) => id.trim()))];

export interface PlanReceptionDayInput {
  readonly receptionDayId: string;
  readonly unitId: string;
  readonly hostUserId: string;
  readonly position: ReceptionPosition;
  readonly date: LocalDate;
  readonly venue: string;
  readonly note?: string | null;
  /** The legal reference of the duty rule in force on `date`, when there is one. */
  readonly legalBasis?: string | null;
  readonly actor: Actor;
}

/** Puts a reception day on the schedule: a day that is today or later. */
export function planReceptionDay(input: PlanReceptionDayInput, now: Date): ReceptionDecision {
  const action = 'plan' as const;
  const invalid = (field: string, messageKey: string): ReceptionDecision => ({ ok: false, refusal: { code: 'invalid-command', action, field, messageKey } });
  if (!RECEPTION_ROLES.includes(input.actor.role)) return { ok: false, refusal: { code: 'role-not-allowed', action, role: input.actor.role } };
  if (!(RECEPTION_POSITIONS as readonly string[]).includes(input.position)) return invalid('position', 'validation.isIn');
  if (blank(input.unitId)) return invalid('unitId', 'validation.required');
  if (blank(input.hostUserId)) return invalid('hostUserId', 'validation.required');
  if (!isLocalDate(input.date)) return invalid('date', 'validation.isLocalDate');
  if (!isAcceptedLocalDate(input.date)) return invalid('date', 'validation.dateRange');
  if (input.date < toLocalDate(now)) return invalid('date', 'reception.date_in_past');
  if (blank(input.venue)) return invalid('venue', 'validation.required');
  const event: ReceptionDayPlanned = {
    type: 'ReceptionDayPlanned',
    receptionDayId: input.receptionDayId,
    at: now.toISOString(),
    actorId: input.actor.userId,
    actorRole: input.actor.role,
    unitId: input.unitId,
    hostUserId: input.hostUserId,
    position: input.position,
    date: input.date,
    venue: input.venue.trim(),
    legalBasis: orNull(input.legalBasis),
    note: orNull(input.note),
  };
  return { ok: true, state: evolveReceptionDay(null, event), events: [event] };
}

export function decideReceptionDay(state: ReceptionDayState, command: ReceptionDayCommand, now: Date): ReceptionDecision {
  const { action, actor } = command;
  const rule = RECEPTION_TRANSITIONS[action];
  if (!rule.roles.includes(actor.role)) return { ok: false, refusal: { code: 'role-not-allowed', action, role: actor.role } };
  if (!rule.from.includes(state.status)) {
    return { ok: false, refusal: { code: 'transition-not-allowed', action, status: state.status, allowedActions: allowedReceptionActions(state) } };
  }
  const invalid = (field: string, messageKey: string): ReceptionDecision => ({ ok: false, refusal: { code: 'invalid-command', action, field, messageKey } });
  const base = { receptionDayId: state.id, at: now.toISOString(), actorId: actor.userId, actorRole: actor.role };
  let event: ReceptionDayEvent;
  switch (command.action) {
    case 'hold': {
      const today = toLocalDate(now);
      // A record of what happened cannot precede the day itself.
      if (state.date > today) return { ok: false, refusal: { code: 'held-in-future', date: state.date, today } };
      const names = (command.attendeeNames ?? []).map((n) => (typeof n === 'string' ? n.trim() : ''));
      const blankName = names.findIndex((n) => n === '');
      if (blankName !== -1) return invalid(`attendeeNames.${blankName}`, 'validation.isNotEmpty');
      const given = command.attendeeCount ?? null;
      if (given !== null && (!Number.isInteger(given) || given < 0)) return invalid('attendeeCount', 'validation.min');
      if (given !== null && given < names.length) return invalid('attendeeCount', 'reception.headcount_below_names');
      event = {
        ...base,
        type: 'ReceptionDayHeld',
        // Named citizens were there even when nobody counted the room.
        attendeeCount: given ?? (names.length > 0 ? names.length : null),
        namesGiven: names.length,
        petitionIds: unique(command.petitionIds ?? []),
        note: orNull(command.note),
      };
      // The names go into the new state (stored on the row) but not into the event.
      return { ok: true, state: { ...evolveReceptionDay(state, event), attendeeNames: names }, events: [event] };
    }
    case 'cancel':
      if (blank(command.reason)) return invalid('reason', 'validation.required');
      event = { ...base, type: 'ReceptionDayCancelled', reason: command.reason.trim() };
      break;
    case 'link-petitions': {
      const fresh = unique(command.petitionIds).filter((id) => !state.petitionIds.includes(id));
      if (command.petitionIds.length === 0) return invalid('petitionIds', 'validation.arrayNotEmpty');
      if (fresh.length === 0) return invalid('petitionIds', 'reception.petitions_already_linked');
      event = { ...base, type: 'ReceptionPetitionsLinked', petitionIds: fresh };
      break;
    }
  }
  return { ok: true, state: evolveReceptionDay(state, event), events: [event] };
}

export function evolveReceptionDay(state: ReceptionDayState | null, event: ReceptionDayEvent): ReceptionDayState {
  if (event.type === 'ReceptionDayPlanned') {
    if (state !== null) throw new Error(`ReceptionDayPlanned applied to existing reception day ${state.id}`);
    return {
      id: event.receptionDayId,
      unitId: event.unitId,
      hostUserId: event.hostUserId,
      position: event.position,
      date: event.date,
      venue: event.venue,
      status: 'planned',
      legalBasis: event.legalBasis,
      note: event.note,
      attendeeCount: null,
      attendeeNames: [],
      petitionIds: [],
      cancelReason: null,
      version: 1,
      createdAt: event.at,
      updatedAt: event.at,
      heldRecordedAt: null,
      cancelledAt: null,
    };
  }
  if (state === null) throw new Error(`${event.type} applied before ReceptionDayPlanned`);
  const s = { ...state, version: state.version + 1, updatedAt: event.at };
  switch (event.type) {
    case 'ReceptionDayHeld':
      return {
        ...s,
        status: 'held',
        attendeeCount: event.attendeeCount,
        // Not in the event: kept as they are (the store sets them from the row after a replay).
        attendeeNames: state.attendeeNames,
        petitionIds: event.petitionIds,
        note: event.note ?? state.note,
        heldRecordedAt: event.at,
      };
    case 'ReceptionDayCancelled':
      return { ...s, status: 'cancelled', cancelReason: event.reason, cancelledAt: event.at };
    case 'ReceptionPetitionsLinked':
      return { ...s, petitionIds: [...state.petitionIds, ...event.petitionIds] };
    default: {
      const unreachable: never = event;
      throw new Error(`Unhandled event ${JSON.stringify(unreachable)}`);
    }
  }
}

export function replayReceptionDay(events: readonly ReceptionDayEvent[]): ReceptionDayState {
  const state = events.reduce<ReceptionDayState | null>((s, e) => evolveReceptionDay(s, e), null);
  if (state === null) throw new Error('Cannot replay an empty event log');
  return state;
}

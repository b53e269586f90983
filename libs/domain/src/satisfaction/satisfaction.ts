import { computeDue } from '../calendar/deadline.js';
import { addLocalDays, endOfLocalDay, type LocalDate, toLocalDate } from '../calendar/local-date.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { legalBasisFor } from '../petition/legal-basis.js';
import type { CitizenFeedbackRecorded, PetitionEvent } from '../petition/petition-events.js';
import { isReopenableKind } from '../petition/petition-kind.js';
import type { PetitionStatus } from '../petition/petition-status.js';
import { RESOLVED_STATUSES } from '../petition/petition-status.js';
import { evolve, type PetitionState, TRANSITIONS } from '../petition/petition.js';

/** What a rating leads to (recorded on the CitizenFeedbackRecorded event). */
export type FeedbackOutcome = CitizenFeedbackRecorded['outcome'];
export const FEEDBACK_OUTCOMES = [
  'recorded',
  'reopened',
  'second_complaint_right',
  'lawsuit_right',
  're_denunciation_right',
] as const satisfies readonly FeedbackOutcome[];

/** Longest comment a citizen may leave with a rating. */
export const FEEDBACK_COMMENT_MAX = 2000;

/**
 * Reason recorded on a reopen the citizen asked for. Data on the audit trail, not UI text: bilingual in one
 * string so the trail reads the same whoever looks at it.
 */
export const CITIZEN_REOPEN_REASON = 'Công dân không hài lòng với kết quả giải quyết (citizen not satisfied)';

/** Second-time complaint window (LKN Art 33, DOMAIN.md K6): 30 days, 45 in remote areas. */
export const SECOND_COMPLAINT_WINDOW_DAYS = { standard: 30, remote: 45 } as const;

/** A resolution the citizen may still judge: resolved, or closed after resolution (close only follows a resolution). */
export function acceptsFeedback(status: PetitionStatus): boolean {
  return RESOLVED_STATUSES.includes(status) || status === 'closed';
}

/**
 * What "not satisfied" leads to, by kind (DOMAIN.md §3): feedback and recommendations are reopened at the same
 * unit (administrative practice, §3.4); a first-time complaint is never reopened, its remedy is a second-time
 * complaint (LKN Art 33), and after a second-time decision a lawsuit (LKN Art 7, 33); a denunciation may be
 * taken to the superior (LTC Art 37, unverified). "Satisfied" is simply recorded.
 */
export function feedbackOutcome(state: Pick<PetitionState, 'kind' | 'status' | 'instance'>, satisfied: boolean): FeedbackOutcome {
  if (satisfied) return 'recorded';
  if (isReopenableKind(state.kind)) return TRANSITIONS.reopen.from(state.kind).includes(state.status) ? 'reopened' : 'recorded';
  if (state.kind === 'complaint') return state.instance === 1 ? 'second_complaint_right' : 'lawsuit_right';
  return state.instance === 1 ? 're_denunciation_right' : 'recorded';
}

export interface CitizenFeedbackCommand {
  /** Id of the one-time token row the citizen used (never the token itself). */
  readonly tokenId: string;
  readonly satisfied: boolean;
  readonly comment?: string | null;
}

export type FeedbackRefusal = { readonly code: 'feedback-not-open'; readonly status: PetitionStatus };

export type FeedbackDecision =
  | { readonly ok: true; readonly state: PetitionState; readonly events: PetitionEvent[]; readonly outcome: FeedbackOutcome }
  | { readonly ok: false; readonly refusal: FeedbackRefusal };

const LEGAL_BASIS: Record<FeedbackOutcome, string | null> = {
  recorded: null,
  reopened: 'Thực tiễn hành chính: phản hồi lại kiến nghị, phản ánh (DOMAIN.md §3.4)',
  second_complaint_right: 'Luật Khiếu nại 2011 Điều 33',
  lawsuit_right: 'Luật Khiếu nại 2011 Điều 7, Điều 33; Luật Tố tụng hành chính 2015 Điều 116',
  re_denunciation_right: 'Luật Tố cáo 2018 Điều 37 (chưa xác minh điều khoản)',
};

/**
 * The citizen rates a resolution. The citizen is not a user, so the events carry no actor (actorId and
 * actorRole null, like other events the system records on someone's behalf). Reopening goes through the same
 * transition rule as the staff `reopen` action (TRANSITIONS.reopen), minus its staff-role check, and is
 * recorded as an ordinary PetitionReopened with `requestedBy: 'citizen'`, so every reader of the trail (replay,
 * the deadline engine, the tracking page) treats it like any reopen.
 */
export function recordCitizenFeedback(state: PetitionState, command: CitizenFeedbackCommand, now: Date): FeedbackDecision {
  if (!acceptsFeedback(state.status)) return { ok: false, refusal: { code: 'feedback-not-open', status: state.status } };
  const comment = command.comment === undefined || command.comment === null || command.comment.trim() === '' ? null : command.comment.trim();
  const outcome = feedbackOutcome(state, command.satisfied);
  const base = { petitionId: state.id, at: now.toISOString(), actorId: null, actorRole: null };
  const events: PetitionEvent[] = [
    {
      ...base,
      type: 'CitizenFeedbackRecorded',
      legalBasis: LEGAL_BASIS[outcome],
      satisfied: command.satisfied,
      comment,
      outcome,
      tokenId: command.tokenId,
    },
  ];
  if (outcome === 'reopened') {
    events.push({
      ...base,
      type: 'PetitionReopened',
      legalBasis: legalBasisFor('reopen', state.kind) ?? LEGAL_BASIS.reopened,
      reason: CITIZEN_REOPEN_REASON,
      requestedBy: 'citizen',
      comment,
    });
  }
  return { ok: true, state: events.reduce<PetitionState>((s, e) => evolve(s, e), state), events, outcome };
}

/** How an outgoing citizen message is sent: by SMS if there is a phone, e-mail if an address, post otherwise. */
export type CitizenChannel = 'sms' | 'email' | 'post';

export function citizenContact(person: { phone?: string | null; email?: string | null; address?: string | null }): {
  channel: CitizenChannel;
  address: string | null;
} {
  const present = (s: string | null | undefined): s is string => typeof s === 'string' && s.trim() !== '';
  if (present(person.phone)) return { channel: 'sms', address: person.phone.trim() };
  if (present(person.email)) return { channel: 'email', address: person.email.trim() };
  // Without a postal address the letter is kept for collection at the unit (address null).
  return { channel: 'post', address: present(person.address) ? person.address.trim() : null };
}

/**
 * When a one-time satisfaction link stops working: 24:00 (Vietnam time) of the `validDays`-th day after the
 * day it was issued (policy data, default 30), so the citizen can be told a plain date.
 */
export function tokenExpiry(issuedAt: Date, validDays: number): Date {
  return endOfLocalDay(addLocalDays(toLocalDate(issuedAt), validDays));
}

export interface SecondComplaintWindow {
  readonly days: number;
  readonly remote: boolean;
  /** The day the decision was recorded (the window runs from receipt of the decision; this is the earliest). */
  readonly decidedOn: LocalDate;
  /** Last day, counted like every statutory period (BLDS Art 147–148: trigger day excluded, rolls past days off). */
  readonly lastDay: LocalDate;
  /** 24:00 of the last day. */
  readonly until: Date;
}

/** The second-time complaint window from the first-time decision (LKN Art 33): 30 calendar days, 45 in remote areas. */
export function secondComplaintWindow(
  decidedAt: Date,
  remote: boolean,
  calendar: WorkingCalendar,
  windowDays: { readonly standard: number; readonly remote?: number } = SECOND_COMPLAINT_WINDOW_DAYS,
): SecondComplaintWindow {
  // The policy's K6 rule when the caller has it; these defaults otherwise.
  const days = remote ? (windowDays.remote ?? windowDays.standard) : windowDays.standard;
  const due = computeDue({ startedAt: decidedAt, days, unit: 'calendar_days', pauses: [], extensions: [] }, calendar, decidedAt);
  return { days, remote, decidedOn: toLocalDate(decidedAt), lastDay: due.explanation.lastDay, until: due.dueAt! };
}

import { availableActions, type DeadlineBadge, formatLocalDate, LABELS, type LegalEffect, type Message, type PetitionAction, renderMessage, type SecondInstanceFacts, toLocalDate } from '@app/domain';
import type { BlockedAction } from '../dialogues/second-complaint-gate.js';
import type { PersonRecord, PetitionEntity, PetitionEventEntity } from '@app/persistence';
import { toPetitionState } from '@app/persistence';
import type { CurrentUser } from '../auth/current-user.js';
import { maySeeCitizenComments, maySeeIdentity, maySeeVerificationReport } from '../auth/identity-access.js';
import type { ClockView } from '../deadlines/clock-views.js';

export interface PetitionEventView {
  readonly sequence: number;
  readonly type: string;
  readonly at: string;
  readonly actorId: string | null;
  readonly actorRole: string | null;
  readonly legalBasis: string | null;
  /** What the entry is, in plain words (LABELS.event). */
  readonly label: Message;
  /** The event's own fields (reason, assignee, summary, ...). */
  readonly data: Record<string, unknown>;
}

export interface PetitionSummaryView {
  readonly id: string;
  readonly trackingCode: string;
  readonly kind: string;
  readonly channel: string;
  readonly status: string;
  readonly statusLabel: Message;
  readonly version: number;
  readonly title: string;
  readonly topic: string | null;
  readonly receivingUnitId: string;
  readonly owningUnitId: string;
  readonly assigneeId: string | null;
  readonly escalationLevel: number;
  readonly parentPetitionId: string | null;
  readonly createdAt: string;
  /** The local day the letter arrived (postmark or desk receipt): the day of entry unless recorded earlier. */
  readonly receivedOn: string;
  readonly updatedAt: string;
  readonly resolvedAt: string | null;
  readonly closedAt: string | null;
}

/** One row of GET /api/petitions: the summary, who petitioned where the viewer may know, and the deadline badge. */
export interface PetitionListItemView extends PetitionSummaryView {
  readonly kindLabel: Message;
  /**
   * The petitioner's name, in the reception log only (a list with receivedFrom or receivedTo): other lists carry
   * no personal data. Null there too when the viewer may not see who petitioned, or the letter is anonymous.
   */
  readonly petitionerName: string | null;
  readonly identityWithheld: boolean;
  readonly anonymous: boolean;
  /** The most urgent open clock (the running one due soonest, else a paused one); null without one. */
  readonly deadline: DeadlineBadge | null;
}

export function toListItemView(row: PetitionEntity, viewer: CurrentUser, deadline: DeadlineBadge | null, withName: boolean): PetitionListItemView {
  const identity = maySeeIdentity(viewer, row.kind);
  return {
    ...toSummaryView(row),
    kindLabel: LABELS.kind[row.kind],
    petitionerName: withName && identity && !row.anonymous ? (row.petitioner?.fullName ?? null) : null,
    identityWithheld: !identity,
    anonymous: row.anonymous,
    deadline,
  };
}

export interface PetitionView extends PetitionSummaryView {
  readonly content: string;
  readonly location: string | null;
  /** Null when the viewer may not see who petitioned (denouncers are protected: DOMAIN.md §7). */
  readonly petitioner: PersonRecord | null;
  readonly coPetitioners: PersonRecord[] | null;
  readonly identityWithheld: boolean;
  /** A denunciation received with no name (LTC Art 25(2)): there is no petitioner to show. */
  readonly anonymous: boolean;
  readonly availableActions: PetitionAction[];
  /** Actions the status allows but a legal gate does not yet (K9: a second-time complaint needs a held dialogue). */
  readonly blockedActions: BlockedAction[];
  /** The statutory clocks, as GET /petitions/:id/deadlines shows them. */
  readonly deadlines: ClockView[];
  /** When a complaint decision takes legal effect (LKN Art 44): null until a complaint is decided. */
  readonly legalEffect: LegalEffectView | null;
  /** K1 (LKN Art 9): the intake check of a complaint's filing date, its warning and the head's decision on it. */
  readonly filingLimit: FilingLimitView | null;
  /** The citizen's tracking page for this case (PUBLIC_BASE_URL/track/<code>), shown wherever the code is. */
  readonly trackingUrl: string | null;
  /** The latest verification report (each revision is its own event); null when none, or withheld. */
  readonly verificationReport: VerificationReportView | null;
  /** True when a report exists but the viewer may not read it (the board). */
  readonly verificationReportWithheld: boolean;
  readonly events: PetitionEventView[];
}

export interface VerificationReportView {
  /** The trail entry that holds it. */
  readonly sequence: number;
  readonly at: string;
  readonly author: { readonly id: string; readonly fullName: string } | null;
  readonly findings: string;
  readonly peopleMet: readonly string[];
  readonly documentsSeen: readonly string[];
  readonly proposedConclusion: string;
  /** How many reports were made so far: 1 for the first, 2 once revised, ... */
  readonly revision: number;
}

/** The latest report as the viewer may read it, with its author's name. */
export function toVerificationReportView(
  events: readonly PetitionEventEntity[],
  viewer: CurrentUser,
  names: ReadonlyMap<string, string>,
): { report: VerificationReportView | null; withheld: boolean } {
  const reports = events.filter((e) => e.payload.type === 'VerificationReported');
  const last = reports[reports.length - 1];
  if (last === undefined || last.payload.type !== 'VerificationReported') return { report: null, withheld: false };
  if (!maySeeVerificationReport(viewer)) return { report: null, withheld: true };
  const r = last.payload;
  return {
    report: {
      sequence: last.sequence,
      at: r.at,
      author: r.actorId === null ? null : { id: r.actorId, fullName: names.get(r.actorId) ?? '' },
      findings: r.findings,
      peopleMet: r.peopleMet,
      documentsSeen: r.documentsSeen,
      proposedConclusion: r.proposedConclusion,
      revision: reports.length,
    },
    withheld: false,
  };
}

// One rule for every route (petitions, grouping, dialogues): see auth/identity-access.ts.
export { maySeeIdentity };

export interface FilingLimitView {
  readonly ruleId: string;
  readonly decisionKnownOn: string;
  readonly limitDays: number;
  readonly elapsedDays: number;
  readonly exceeded: boolean;
  readonly warning: Message | null;
  /** The head's decision on a late complaint: accepted anyway (with why) or not accepted on that ground. */
  readonly headDecision: { readonly decision: 'accepted' | 'rejected'; readonly at: string; readonly actorId: string | null; readonly note: string | null } | null;
}

export function toFilingLimitView(events: readonly PetitionEventEntity[]): FilingLimitView | null {
  const received = events[0]?.payload;
  if (received?.type !== 'PetitionReceived' || received.filingLimit === undefined || received.decisionKnownOn === undefined) return null;
  const f = received.filingLimit;
  let headDecision: FilingLimitView['headDecision'] = null;
  for (const { payload: e } of events) {
    if (e.type === 'PetitionAccepted' && e.despiteFilingLimit) headDecision = { decision: 'accepted', at: e.at, actorId: e.actorId, note: e.note };
    if (e.type === 'PetitionRejected' && e.ground === 'filing_time_limit_expired') headDecision = { decision: 'rejected', at: e.at, actorId: e.actorId, note: e.reason };
  }
  return {
    ruleId: f.ruleId,
    decisionKnownOn: received.decisionKnownOn,
    limitDays: f.limitDays,
    elapsedDays: f.elapsedDays,
    exceeded: f.exceeded,
    warning: f.exceeded
      ? renderMessage('petition.filing_limit_exceeded', { elapsed: f.elapsedDays, knownOn: formatLocalDate(received.decisionKnownOn), limit: f.limitDays })
      : null,
    headDecision,
  };
}

export interface LegalEffectView {
  readonly status: LegalEffect['status'];
  readonly effectiveOn: string;
  readonly ruleId: string;
  readonly basis: string;
  readonly summary: Message;
}

export function toLegalEffectView(e: LegalEffect | null): LegalEffectView | null {
  if (e === null) return null;
  return {
    status: e.status,
    effectiveOn: e.effectiveOn,
    ruleId: e.ruleId,
    basis: e.basis,
    summary: renderMessage(`petition.legal_effect.${e.status}`, { effectiveOn: formatLocalDate(e.effectiveOn), basis: e.basis }),
  };
}

export function toSummaryView(row: PetitionEntity): PetitionSummaryView {
  return {
    id: row.id,
    trackingCode: row.trackingCode,
    kind: row.kind,
    channel: row.channel,
    status: row.status,
    statusLabel: LABELS.status[row.status],
    version: row.version,
    title: row.title,
    topic: row.topic,
    receivingUnitId: row.receivingUnitId,
    owningUnitId: row.owningUnitId,
    assigneeId: row.assigneeId,
    escalationLevel: row.escalationLevel,
    parentPetitionId: row.parentPetitionId,
    createdAt: row.createdAt.toISOString(),
    receivedOn: row.receivedOn ?? toLocalDate(row.createdAt),
    updatedAt: row.updatedAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
  };
}

const BASE_EVENT_FIELDS = new Set(['type', 'petitionId', 'at', 'actorId', 'actorRole', 'legalBasis']);

/** Events that carry the citizen's own words (`comment`): the satisfaction rating and the reopen it caused. */
const CITIZEN_COMMENT_EVENTS = new Set(['CitizenFeedbackRecorded', 'PetitionReopened']);

/**
 * The trail as the viewer may read it: a citizen's comment is replaced by `commentWithheld`, and a verification
 * report's text by `reportWithheld`, where the rules say so.
 */
export function toEventView(e: PetitionEventEntity, viewer: CurrentUser): PetitionEventView {
  let data: Record<string, unknown> = Object.fromEntries(Object.entries(e.payload).filter(([k]) => !BASE_EVENT_FIELDS.has(k)));
  if (CITIZEN_COMMENT_EVENTS.has(e.type) && typeof data.comment === 'string' && !maySeeCitizenComments(viewer)) {
    data.comment = null;
    data.commentWithheld = true;
  }
  if (e.payload.type === 'VerificationReported' && !maySeeVerificationReport(viewer)) data = { reportWithheld: true };
  return {
    sequence: e.sequence,
    type: e.type,
    at: e.occurredAt.toISOString(),
    actorId: e.actorId,
    actorRole: e.actorRole,
    legalBasis: e.legalBasis,
    label: LABELS.event[e.payload.type],
    data,
  };
}

export function toPetitionView(
  row: PetitionEntity,
  events: PetitionEventEntity[],
  viewer: CurrentUser,
  deadlines: ClockView[] = [],
  blocked: BlockedAction[] = [],
  facts: { readonly secondInstance: SecondInstanceFacts; readonly legalEffect: LegalEffect | null } = { secondInstance: { resolutionLapsed: false }, legalEffect: null },
  more: { readonly trackingUrl?: string; readonly actorNames?: ReadonlyMap<string, string> } = {},
): PetitionView {
  const identity = maySeeIdentity(viewer, row.kind);
  const verification = toVerificationReportView(events, viewer, more.actorNames ?? new Map());
  return {
    ...toSummaryView(row),
    content: row.content,
    location: row.location,
    petitioner: identity && !row.anonymous ? row.petitioner : null,
    coPetitioners: identity ? row.coPetitioners : null,
    identityWithheld: !identity,
    anonymous: row.anonymous,
    availableActions: availableActions(toPetitionState(row), { userId: viewer.id, role: viewer.role }, facts.secondInstance).filter(
      (a) => !blocked.some((b) => b.action === a),
    ),
    blockedActions: blocked,
    deadlines,
    legalEffect: toLegalEffectView(facts.legalEffect),
    filingLimit: toFilingLimitView(events),
    trackingUrl: more.trackingUrl ?? null,
    verificationReport: verification.report,
    verificationReportWithheld: verification.withheld,
    events: events.map((e) => toEventView(e, viewer)),
  };
}

import type { LocalDate } from '../calendar/local-date.js';
import type { ComplaintObstacleReason } from './complaint-obstacle.js';
import type { FilingReason, RejectionGround } from './petition-commands.js';
import type { PetitionChannel, PetitionKind } from './petition-kind.js';
import type { PetitionStatus } from './petition-status.js';
import type { Role } from './roles.js';

/** Common to every audit-trail entry: who, when, and under which rule. */
interface EventBase<T extends string> {
  readonly type: T;
  readonly petitionId: string;
  /** ISO instant (UTC). */
  readonly at: string;
  /** Null for events the system raises itself (e.g. a petition opened by a transfer). */
  readonly actorId: string | null;
  readonly actorRole: Role | null;
  readonly legalBasis: string | null;
}

export type PetitionReceived = EventBase<'PetitionReceived'> & {
  readonly kind: PetitionKind;
  readonly channel: PetitionChannel;
  readonly receivingUnitId: string;
  readonly trackingCode: string;
  readonly parentPetitionId: string | null;
  /** 2 for a second-time complaint or a re-denunciation; absent in events written before it existed (= 1). */
  readonly instance?: 1 | 2;
  /** K1 (LKN Art 9): when the complainant received or learnt of the decision, and the check made at intake. */
  readonly decisionKnownOn?: string;
  readonly filingLimit?: { readonly ruleId: string; readonly limitDays: number; readonly elapsedDays: number; readonly exceeded: boolean };
  /** A letter with no name (LTC Art 25(2)); absent when the petitioner is named. */
  readonly anonymous?: true;
  /** The local day the letter arrived (postmark or desk receipt) when it was entered later; receipt clocks start from it. */
  readonly receivedOn?: LocalDate;
};
export type PetitionAccepted = EventBase<'PetitionAccepted'> & {
  readonly note: string | null;
  /** The head accepted a complaint filed after the K1 limit (obstacles not counted, LKN Art 9), with the note saying why. */
  readonly despiteFilingLimit?: true;
};
export type PetitionRejected = EventBase<'PetitionRejected'> & {
  readonly reason: string;
  /** A typed ground of LKN Art 11, when the head gave one. */
  readonly ground?: RejectionGround;
};
export type PetitionTransferred = EventBase<'PetitionTransferred'> & {
  readonly toUnitId: string | null;
  readonly toBodyName: string | null;
  readonly reason: string;
};
export type PetitionGuided = EventBase<'PetitionGuided'> & { readonly guidance: string };
export type PetitionFiled = EventBase<'PetitionFiled'> & { readonly reason: FilingReason; readonly note: string | null };
export type PetitionAssigned = EventBase<'PetitionAssigned'> & {
  readonly assigneeId: string;
  readonly previousAssigneeId: string | null;
  readonly note: string | null;
};
export type VerificationStarted = EventBase<'VerificationStarted'> & { readonly note: string | null };
/** The assignee's verification report; each revision is its own event and the latest one counts. */
export type VerificationReported = EventBase<'VerificationReported'> & {
  readonly findings: string;
  readonly peopleMet: readonly string[];
  readonly documentsSeen: readonly string[];
  readonly proposedConclusion: string;
};
export type PetitionResolved = EventBase<'PetitionResolved'> & {
  readonly outcome: PetitionStatus;
  readonly summary: string;
  readonly decisionNumber: string | null;
  /** The result in words meant for the citizen (public tracking); absent when none was written. */
  readonly citizenSummary?: string;
};
export type PetitionClosed = EventBase<'PetitionClosed'> & { readonly note: string | null };
export type PetitionWithdrawn = EventBase<'PetitionWithdrawn'> & { readonly reason: string | null };
export type PetitionReopened = EventBase<'PetitionReopened'> & {
  readonly reason: string;
  /** Set when the citizen reopened it through satisfaction feedback (no staff actor); absent for staff reopens. */
  readonly requestedBy?: 'citizen';
  /** The citizen's own words, when given with the feedback. */
  readonly comment?: string | null;
};
/** Recorded on the first case; the second-instance case is a new petition at the superior unit. */
export type SecondInstanceRequested = EventBase<'SecondInstanceRequested'> & {
  readonly reason: string;
  readonly resolutionLapsed: boolean;
  /** Set when the second instance is outside the system: where the complainant was guided (no linked case). */
  readonly guidedTo?: { readonly name: string; readonly address: string; readonly legalBasis: string; readonly verification: string };
};
/**
 * Oversight escalation raised by a deadline: the level goes up and the upper unit watches; competence and
 * ownership stay where they are (DOMAIN.md §4.2).
 */
export type PetitionEscalated = EventBase<'PetitionEscalated'> & {
  readonly level: number;
  readonly clockId: string;
  readonly ruleId: string;
  readonly thresholdKey: string;
  readonly thresholdId: string;
  readonly watcherUnitId: string | null;
};
/** The citizen was told of the next legal step (LKN Art 33: second-time complaint; LTC: re-denunciation). */
export type CitizenRightsNotified = EventBase<'CitizenRightsNotified'> & {
  readonly right: 'second_complaint' | 're_denunciation';
  readonly clockId: string;
  readonly thresholdId: string;
  /** Calendar days the citizen has to use the right (K6: 30, remote areas 45). */
  readonly windowDays: number;
};

/**
 * The citizen's satisfaction rating of a resolution, given once through a one-time link (no login, so no actor).
 * `outcome` records what the rating led to: a reopen (feedback, recommendation) or the explanation of a legal
 * remedy (second-time complaint, lawsuit, re-denunciation). It never changes the workflow status by itself.
 */
export type CitizenFeedbackRecorded = EventBase<'CitizenFeedbackRecorded'> & {
  readonly satisfied: boolean;
  readonly comment: string | null;
  readonly outcome: 'recorded' | 'reopened' | 'second_complaint_right' | 'lawsuit_right' | 're_denunciation_right';
  /** The satisfaction token row used (its id, never the token itself). */
  readonly tokenId: string;
};

/**
 * Grouping (issue 4): the petition joined or left a cluster of petitions about one matter (handled once, every
 * petitioner answered), or its group of petitioners appointed representatives (K16). Never a workflow step.
 */
export type PetitionClustered = EventBase<'PetitionClustered'> & { readonly clusterId: string; readonly clusterTitle: string; readonly reason: string | null };
export type PetitionUnclustered = EventBase<'PetitionUnclustered'> & { readonly clusterId: string; readonly clusterTitle: string; readonly reason: string | null };
/** The cluster the petition is in was closed (the matter is handled): it stays a member; the cluster takes no more. */
export type PetitionClusterClosed = EventBase<'PetitionClusterClosed'> & { readonly clusterId: string; readonly clusterTitle: string; readonly reason: string };
/** Which signatories (0 = the petitioner) represent the group; names and contacts stay out of the trail (§7). */
export type RepresentativesAppointed = EventBase<'RepresentativesAppointed'> & {
  readonly petitionerIndexes: readonly number[];
  readonly petitionerCount: number;
};

/**
 * A period in which the complainant could not act (illness, disaster, ...): its days are not counted in the
 * complainant's windows (LKN Art 9, Art 33). Recorded by the desk or the head, with the evidence noted.
 */
export type ComplaintObstacleRecorded = EventBase<'ComplaintObstacleRecorded'> & {
  readonly fromDay: string;
  readonly toDay: string;
  readonly reason: ComplaintObstacleReason;
  readonly note: string | null;
};

export type PetitionEvent =
  | PetitionReceived
  | PetitionAccepted
  | PetitionRejected
  | PetitionTransferred
  | PetitionGuided
  | PetitionFiled
  | PetitionAssigned
  | VerificationStarted
  | VerificationReported
  | PetitionResolved
  | PetitionClosed
  | PetitionWithdrawn
  | PetitionReopened
  | SecondInstanceRequested
  | PetitionEscalated
  | CitizenRightsNotified
  | DeadlinePaused
  | DeadlineResumed
  | DeadlineExtended
  | DeadlineMet
  | CaseFlagsChanged
  // Grouping (issue 4).
  | PetitionClustered
  | PetitionUnclustered
  | PetitionClusterClosed
  | RepresentativesAppointed
  | CitizenFeedbackRecorded
  | ComplaintObstacleRecorded;

/** Deadline legal acts recorded on the case (the clock rows hold the arithmetic; the trail holds who and why). */
export type DeadlinePaused = EventBase<'DeadlinePaused'> & {
  readonly clockId: string;
  readonly ruleId: string;
  readonly reason: string;
  readonly note: string | null;
};
export type DeadlineResumed = EventBase<'DeadlineResumed'> & {
  readonly clockId: string;
  readonly ruleId: string;
  readonly dueAt: string | null;
};
export type DeadlineExtended = EventBase<'DeadlineExtended'> & {
  readonly clockId: string;
  readonly ruleId: string;
  readonly days: number;
  readonly reason: string;
  readonly decisionRef: string | null;
  readonly dueAt: string | null;
};
/** A clock met by an act the workflow does not model as a status (e.g. the T3 notices were sent). */
export type DeadlineMet = EventBase<'DeadlineMet'> & { readonly clockId: string; readonly ruleId: string; readonly reference: string };
export type CaseFlagsChanged = EventBase<'CaseFlagsChanged'> & {
  readonly complex: boolean;
  /** LTC Art 30(3); absent in events written before it existed (= false). */
  readonly particularlyComplex?: boolean;
  readonly prolonged: boolean;
  readonly reason: string;
};

export type PetitionEventType = PetitionEvent['type'];

export const PETITION_EVENT_TYPES: readonly PetitionEventType[] = [
  'PetitionReceived',
  'PetitionAccepted',
  'PetitionRejected',
  'PetitionTransferred',
  'PetitionGuided',
  'PetitionFiled',
  'PetitionAssigned',
  'VerificationStarted',
  'VerificationReported',
  'PetitionResolved',
  'PetitionClosed',
  'PetitionWithdrawn',
  'PetitionReopened',
  'SecondInstanceRequested',
  'PetitionEscalated',
  'CitizenRightsNotified',
  'DeadlinePaused',
  'DeadlineResumed',
  'DeadlineExtended',
  'DeadlineMet',
  'CaseFlagsChanged',
  // Grouping (issue 4).
  'PetitionClustered',
  'PetitionUnclustered',
  'PetitionClusterClosed',
  'RepresentativesAppointed',
  'CitizenFeedbackRecorded',
  'ComplaintObstacleRecorded',
];

/**
 * Events that record deadline acts and oversight on a case without being workflow steps: they never start,
 * meet or cancel a statutory clock.
 */
export const NON_WORKFLOW_EVENT_TYPES: ReadonlySet<PetitionEventType> = new Set<PetitionEventType>([
  'PetitionEscalated',
  'CitizenRightsNotified',
  'DeadlinePaused',
  'DeadlineResumed',
  'DeadlineExtended',
  'DeadlineMet',
  'CaseFlagsChanged',
  // Grouping (issue 4).
  'PetitionClustered',
  'PetitionUnclustered',
  'PetitionClusterClosed',
  'RepresentativesAppointed',
  'CitizenFeedbackRecorded',
  'ComplaintObstacleRecorded',
  // A step of the work, but no rule starts, meets or cancels a clock on it: the head's resolution does.
  'VerificationReported',
]);

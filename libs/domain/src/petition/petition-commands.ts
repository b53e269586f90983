import type { Role } from './roles.js';

/** Who asks for a change. The application layer fills it from the authenticated user. */
export interface Actor {
  readonly userId: string;
  readonly role: Role;
}

/** Reasons a letter may be filed without action (TT05 Art 28; LTC Art 25). */
export const FILING_REASONS = ['anonymous', 'impersonated', 'unsigned', 'duplicate', 'already_decided', 'other'] as const;
export type FilingReason = (typeof FILING_REASONS)[number];

export const PETITION_ACTIONS = [
  'accept',
  'reject',
  'transfer',
  'guide',
  'file',
  'assign',
  'start-verification',
  'report-verification',
  'resolve',
  'close',
  'withdraw',
  'reopen',
  'request-second-instance',
] as const;
export type PetitionAction = (typeof PETITION_ACTIONS)[number];

interface Base<A extends PetitionAction> {
  readonly action: A;
  readonly actor: Actor;
}

/** `filingLimitExceeded`: a fact from the trail (the K1 check at intake), supplied by the application. */
export type AcceptCommand = Base<'accept'> & { readonly note?: string; readonly filingLimitExceeded?: boolean };
/** Typed grounds for not accepting a complaint (LKN Art 11); free-text reasons stay possible. */
export const REJECTION_GROUNDS = ['filing_time_limit_expired'] as const;
export type RejectionGround = (typeof REJECTION_GROUNDS)[number];
export type RejectCommand = Base<'reject'> & { readonly reason: string; readonly legalBasis?: string; readonly ground?: RejectionGround };
/** Transfer to a unit in the system (a linked petition opens there) or to an outside body by name. */
export type TransferCommand = Base<'transfer'> & {
  readonly toUnitId?: string;
  readonly toBodyName?: string;
  readonly reason: string;
};
export type GuideCommand = Base<'guide'> & { readonly guidance: string };
export type FileCommand = Base<'file'> & { readonly reason: FilingReason; readonly note?: string };
export type AssignCommand = Base<'assign'> & { readonly assigneeId: string; readonly note?: string };
export type StartVerificationCommand = Base<'start-verification'> & { readonly note?: string };
/**
 * The assignee's verification report (báo cáo kết quả xác minh): what was found, whom they met, which documents
 * they saw and the conclusion they propose. The head decides from it; a later report supersedes the earlier one.
 */
export type ReportVerificationCommand = Base<'report-verification'> & {
  readonly findings: string;
  readonly peopleMet?: readonly string[];
  readonly documentsSeen?: readonly string[];
  readonly proposedConclusion: string;
};
export type ResolveCommand = Base<'resolve'> & {
  readonly summary: string;
  readonly decisionNumber?: string;
  readonly legalBasis?: string;
  /** What the citizen is told of the result on the public tracking page (the summary stays internal). */
  readonly citizenSummary?: string;
};
export type CloseCommand = Base<'close'> & { readonly note?: string };
export type WithdrawCommand = Base<'withdraw'> & { readonly reason?: string };
export type ReopenCommand = Base<'reopen'> & { readonly reason: string };
/**
 * The citizen takes the case up a level (second-time complaint, LKN Art 33; re-denunciation, LTC). Only the
 * citizen escalates legally; staff record it. `resolutionLapsed` is a fact from the resolution clock, supplied
 * by the application, never by the client.
 */
export type RequestSecondInstanceCommand = Base<'request-second-instance'> &
  SecondInstanceFacts & {
    readonly reason: string;
  };

/**
 * What the law's conditions on a second instance depend on beyond the petition's own state: facts from its
 * clocks, its linked cases and its trail, gathered by the application in the command's transaction.
 */
export interface SecondInstanceFacts {
  readonly resolutionLapsed: boolean;
  /** The second instance already requested: the linked case opened from this one, or the guidance given. */
  readonly existingSecondInstance?:
    | { readonly petitionId: string; readonly trackingCode: string }
    | { readonly guidedTo: { readonly name: string; readonly address: string } }
    | null;
  /** The competent second instance is outside the system (above a provincial chair): guide, open no case. */
  readonly superiorOutside?: { readonly name: string; readonly address: string; readonly legalBasis: string; readonly verification: string } | null;
  /** K6 (LKN Art 33) for a decided first-time complaint; absent where it does not apply. */
  readonly secondComplaintWindow?: { readonly open: boolean; readonly lastDay: string; readonly legalBasis: string } | null;
}

export type PetitionCommand =
  | AcceptCommand
  | RejectCommand
  | TransferCommand
  | GuideCommand
  | FileCommand
  | AssignCommand
  | StartVerificationCommand
  | ReportVerificationCommand
  | ResolveCommand
  | CloseCommand
  | WithdrawCommand
  | ReopenCommand
  | RequestSecondInstanceCommand;

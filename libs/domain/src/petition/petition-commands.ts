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

export type AcceptCommand = Base<'accept'> & { readonly note?: string };
export type RejectCommand = Base<'reject'> & { readonly reason: string; readonly legalBasis?: string };
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
export type RequestSecondInstanceCommand = Base<'request-second-instance'> & {
  readonly reason: string;
  readonly resolutionLapsed: boolean;
};

export type PetitionCommand =
  | AcceptCommand
  | RejectCommand
  | TransferCommand
  | GuideCommand
  | FileCommand
  | AssignCommand
  | StartVerificationCommand
  | ResolveCommand
  | CloseCommand
  | WithdrawCommand
  | ReopenCommand
  | RequestSecondInstanceCommand;

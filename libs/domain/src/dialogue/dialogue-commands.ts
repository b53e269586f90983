import type { Actor } from '../petition/petition-commands.js';
import type { PetitionKind } from '../petition/petition-kind.js';
import type { LocalDate } from '../calendar/local-date.js';
import type { PublicationChannel } from './dialogue-kind.js';

export const DIALOGUE_ACTIONS = [
  'plan',
  'announce',
  'reschedule',
  'hold',
  'publish-results',
  'start-follow-up',
  'close',
  'cancel',
  'link-petitions',
  'resolve-question',
] as const;
export type DialogueAction = (typeof DIALOGUE_ACTIONS)[number];

interface Base<A extends DialogueAction> {
  readonly action: A;
  readonly actor: Actor;
}

export type PlanCommand = Base<'plan'> & {
  /** ISO instant of the conference. */
  readonly scheduledAt: string;
  readonly venue: string;
  readonly agenda: readonly string[];
  /** Overdue commitments carried into this agenda (see carryOverIntoAgenda). */
  readonly carriedOverCommitmentIds?: readonly string[];
};
/** The notice is published now (announcedAt = the decision time). */
export type AnnounceCommand = Base<'announce'> & { readonly channels: readonly PublicationChannel[] };
export type RescheduleCommand = Base<'reschedule'> & {
  readonly scheduledAt: string;
  readonly venue?: string;
  readonly reason: string;
};

export interface Attendees {
  /** Citizens present (headcount). */
  readonly citizens: number;
  /** Fatherland Front committee represented (co-organiser, LTCCQĐP Art 43), and by whom. */
  readonly fatherlandFront: { readonly present: boolean; readonly names: readonly string[] };
  /** Mass organisations present (Hội Nông dân, Đoàn Thanh niên …), by name. */
  readonly unions: readonly string[];
  /** People's Council standing committee represented (co-chair of a commune conference), and by whom. */
  readonly peoplesCouncil: { readonly present: boolean; readonly names: readonly string[] };
}

export interface QuestionInput {
  /** Chosen by the recorder; unique within the minutes. */
  readonly id: string;
  readonly text: string;
  readonly askedBy?: string;
}

export interface MinutesInput {
  readonly attendees: Attendees;
  readonly questions: readonly QuestionInput[];
  readonly summary?: string;
}

export type HoldCommand = Base<'hold'> & {
  readonly minutes: MinutesInput;
  /** When the conference took place, if recorded afterwards (not in the future); defaults to now. */
  readonly heldAt?: string;
};
export type PublishResultsCommand = Base<'publish-results'> & {
  readonly channels: readonly PublicationChannel[];
  readonly summary: string;
  /**
   * The last day of G4 as the deadline engine counts it (a tenth day that is a day off runs to the next working
   * day, Civil Code Art 148), so the dialogue and its clock agree on lateness. Absent: the nominal tenth day.
   */
  readonly dueDate?: LocalDate;
};
export type StartFollowUpCommand = Base<'start-follow-up'> & { readonly note?: string };
export type CloseDialogueCommand = Base<'close'> & {
  readonly note?: string;
  /**
   * Commitments of this dialogue still running on time (not done, transferred, dropped, nor overdue): a fact
   * only the application can load, as it does for a petition's lapsed deadline.
   */
  readonly pendingCommitmentIds?: readonly string[];
};
export type CancelDialogueCommand = Base<'cancel'> & { readonly reason: string };
export type LinkPetitionsCommand = Base<'link-petitions'> & { readonly petitionIds: readonly string[] };

/**
 * Where a question ends. Ids of the petition or commitment it turns into are allocated by the application
 * (as the tracking code of a petition is), so the question, the link and the effect all name the same id.
 */
export type QuestionOutcomeInput =
  | { readonly kind: 'answered'; readonly answer: string }
  | { readonly kind: 'to_petition'; readonly petitionId: string; readonly petitionKind: PetitionKind }
  | {
      readonly kind: 'to_commitment';
      readonly commitmentId: string;
      readonly title: string;
      readonly ownerUnitId: string;
      readonly ownerPerson?: string;
      /** Defaults to the commitment policy (e.g. 30 days after creation). */
      readonly dueDate?: LocalDate;
    };

export type ResolveQuestionCommand = Base<'resolve-question'> & {
  readonly questionId: string;
  readonly outcome: QuestionOutcomeInput;
};

export type DialogueCommand =
  | PlanCommand
  | AnnounceCommand
  | RescheduleCommand
  | HoldCommand
  | PublishResultsCommand
  | StartFollowUpCommand
  | CloseDialogueCommand
  | CancelDialogueCommand
  | LinkPetitionsCommand
  | ResolveQuestionCommand;

import type { LocalDate } from '../calendar/local-date.js';
import type { PetitionKind } from '../petition/petition-kind.js';
import type { Role } from '../petition/roles.js';
import type { Attendees } from './dialogue-commands.js';
import type { DialogueKind, DialogueRequestSource, PublicationChannel } from './dialogue-kind.js';

interface EventBase<T extends string> {
  readonly type: T;
  readonly dialogueId: string;
  /** ISO instant (UTC). */
  readonly at: string;
  readonly actorId: string | null;
  readonly actorRole: Role | null;
  readonly legalBasis: string | null;
}

export interface DialogueQuestion {
  readonly id: string;
  readonly text: string;
  readonly askedBy: string | null;
}

export type QuestionOutcome =
  | { readonly kind: 'answered'; readonly answer: string }
  | { readonly kind: 'to_petition'; readonly petitionId: string; readonly petitionKind: PetitionKind }
  | {
      readonly kind: 'to_commitment';
      readonly commitmentId: string;
      readonly title: string;
      readonly ownerUnitId: string;
      readonly ownerPerson: string | null;
      readonly dueDate: LocalDate | null;
    };

export type DialogueRequested = EventBase<'DialogueRequested'> & {
  readonly kind: DialogueKind;
  readonly unitId: string;
  readonly requestedBy: DialogueRequestSource;
  readonly voterCount: number | null;
  readonly registeredVoters: number | null;
  readonly complaintInstance: 1 | 2 | null;
  readonly petitionIds: readonly string[];
  readonly note: string | null;
};
export type DialoguePlanned = EventBase<'DialoguePlanned'> & {
  readonly scheduledAt: string;
  readonly venue: string;
  readonly agenda: readonly string[];
  readonly carriedOverCommitmentIds: readonly string[];
};
export type DialogueAnnounced = EventBase<'DialogueAnnounced'> & {
  readonly channels: readonly PublicationChannel[];
  /** The local date of the notice (G3 counts from it). */
  readonly announcedOn: LocalDate;
};
/** A new time needs a new notice: a rescheduled dialogue goes back to planned. */
export type DialogueRescheduled = EventBase<'DialogueRescheduled'> & {
  readonly scheduledAt: string;
  readonly venue: string;
  readonly reason: string;
  readonly previousScheduledAt: string | null;
};
export type DialogueHeld = EventBase<'DialogueHeld'> & {
  readonly heldAt: string;
  readonly attendees: Attendees;
  readonly questions: readonly DialogueQuestion[];
  readonly summary: string | null;
};
export type DialogueResultsPublished = EventBase<'DialogueResultsPublished'> & {
  readonly channels: readonly PublicationChannel[];
  readonly summary: string;
  /** G4 due date (commune conference only), and whether it was missed. Late publication is still recorded. */
  readonly dueDate: LocalDate | null;
  readonly late: boolean;
};
export type DialogueFollowUpStarted = EventBase<'DialogueFollowUpStarted'> & { readonly note: string | null };
export type DialogueClosed = EventBase<'DialogueClosed'> & { readonly note: string | null };
export type DialogueCancelled = EventBase<'DialogueCancelled'> & { readonly reason: string };
export type DialoguePetitionsLinked = EventBase<'DialoguePetitionsLinked'> & { readonly petitionIds: readonly string[] };
export type DialogueQuestionResolved = EventBase<'DialogueQuestionResolved'> & {
  readonly questionId: string;
  readonly outcome: QuestionOutcome;
};

export type DialogueEvent =
  | DialogueRequested
  | DialoguePlanned
  | DialogueAnnounced
  | DialogueRescheduled
  | DialogueHeld
  | DialogueResultsPublished
  | DialogueFollowUpStarted
  | DialogueClosed
  | DialogueCancelled
  | DialoguePetitionsLinked
  | DialogueQuestionResolved;

export type DialogueEventType = DialogueEvent['type'];

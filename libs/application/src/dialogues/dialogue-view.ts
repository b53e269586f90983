import {
  allowedCommitmentActions,
  availableDialogueActions,
  type CommitmentAction,
  type CommitmentCompletion,
  type CommitmentEvidence,
  type CommitmentState,
  COMMITMENT_TRANSITIONS,
  commitmentIsLate,
  type DialogueAction,
  type DialogueQuestionState,
  type DialogueState,
  LABELS,
  localDaysBetween,
  type Message,
  TERMINAL_COMMITMENT_STATUSES,
  toLocalDate,
} from '@app/domain';
import type { StoredEventRow } from '@app/persistence';
import type { CurrentUser } from '../auth/current-user.js';
import { maySeeIdentity } from '../auth/identity-access.js';
import type { SubjectDeadlineView } from '../deadlines/subject-clocks.js';

export interface SubjectEventView {
  readonly sequence: number;
  readonly type: string;
  readonly at: string;
  readonly actorId: string | null;
  readonly actorRole: string | null;
  readonly legalBasis: string | null;
  /** The event's own fields. */
  readonly data: Record<string, unknown>;
}

const BASE_EVENT_FIELDS = new Set(['type', 'dialogueId', 'commitmentId', 'at', 'actorId', 'actorRole', 'legalBasis']);

export function toSubjectEventView(e: StoredEventRow<object>): SubjectEventView {
  return {
    sequence: e.sequence,
    type: e.type,
    at: e.occurredAt,
    actorId: e.actorId,
    actorRole: e.actorRole,
    legalBasis: e.legalBasis,
    data: Object.fromEntries(Object.entries(e.payload).filter(([k]) => !BASE_EVENT_FIELDS.has(k))),
  };
}

export interface CommitmentSummaryView {
  readonly id: string;
  readonly dialogueId: string;
  readonly questionId: string | null;
  readonly title: string;
  readonly ownerUnitId: string;
  readonly ownerPerson: string | null;
  readonly dueDate: string;
  readonly status: string;
  readonly statusLabel: Message;
  /**
   * Unfinished and past its due day (whether or not the clock has marked it overdue yet); for a done one, whether
   * it was done after its due day (recorded at completion).
   */
  readonly late: boolean;
  /** Calendar days past the due date: now while unfinished, at completion once done. */
  readonly daysOverdue: number;
  /** Recorded when it was done: late or not, and by how many days in which unit. Null until done. */
  readonly completion: CommitmentCompletion | null;
  readonly transferredToPetitionId: string | null;
  readonly dropReason: string | null;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly closedAt: string | null;
}

export interface CommitmentView extends CommitmentSummaryView {
  readonly defaultDueDate: boolean;
  readonly evidence: readonly CommitmentEvidence[];
  readonly availableActions: CommitmentAction[];
  readonly events: SubjectEventView[];
  /** Its clock on the deadline engine: due instant, how it was counted, met or breached. */
  readonly deadline: SubjectDeadlineView | null;
}

export function toCommitmentSummary(c: CommitmentState, now: Date): CommitmentSummaryView {
  const open = !TERMINAL_COMMITMENT_STATUSES.includes(c.status);
  const late = c.completion !== null ? c.completion.late : open && commitmentIsLate(c.dueDate, now);
  return {
    id: c.id,
    dialogueId: c.dialogueId,
    questionId: c.questionId,
    title: c.title,
    ownerUnitId: c.ownerUnitId,
    ownerPerson: c.ownerPerson,
    dueDate: c.dueDate,
    status: c.status,
    statusLabel: LABELS.commitmentStatus[c.status],
    late,
    daysOverdue: c.completion !== null ? c.completion.daysOverdue : late ? localDaysBetween(c.dueDate, toLocalDate(now)) : 0,
    completion: c.completion,
    transferredToPetitionId: c.transferredToPetitionId,
    dropReason: c.dropReason,
    version: c.version,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    closedAt: c.closedAt,
  };
}

/** What the viewer may do: the status allows it and the role may (the system's mark-overdue never shows). */
export function availableCommitmentActions(c: Pick<CommitmentState, 'status'>, viewer: CurrentUser): CommitmentAction[] {
  return allowedCommitmentActions(c).filter((a) => COMMITMENT_TRANSITIONS[a].roles.includes(viewer.role));
}

export interface LinkedPetitionView {
  readonly id: string;
  readonly trackingCode: string;
  readonly kind: string;
  readonly channel: string;
  readonly status: string;
  readonly statusLabel: Message;
  readonly instance: number;
  readonly title: string;
}

export interface DialogueSummaryView {
  readonly id: string;
  readonly kind: string;
  readonly kindLabel: Message;
  readonly unitId: string;
  readonly status: string;
  readonly statusLabel: Message;
  readonly version: number;
  readonly requestedBy: string;
  readonly complaintInstance: 1 | 2 | null;
  readonly scheduledAt: string | null;
  readonly venue: string | null;
  readonly heldAt: string | null;
  readonly petitionIds: readonly string[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface DialogueView extends DialogueSummaryView {
  readonly voterCount: number | null;
  readonly registeredVoters: number | null;
  readonly note: string | null;
  readonly agenda: readonly string[];
  /** Commitments reported back to this conference because they were overdue when it was planned (§5.2). */
  readonly carriedOverCommitments: CommitmentSummaryView[];
  readonly announcedAt: string | null;
  readonly announcedOn: string | null;
  readonly announcementChannels: readonly string[];
  readonly attendees: DialogueState['attendees'];
  readonly minutesSummary: string | null;
  readonly questions: readonly DialogueQuestionState[];
  /**
   * True when the viewer may not see who asked some question (`askedBy` is null there): the board never sees
   * who asked; a handler does not see an asker whose question became a denunciation (LTC 2018 Art 47, 56).
   */
  readonly identityWithheld: boolean;
  readonly resultsPublishedAt: string | null;
  readonly resultsDueDate: string | null;
  readonly resultsLate: boolean | null;
  readonly closedAt: string | null;
  readonly cancelledAt: string | null;
  readonly cancelReason: string | null;
  readonly petitions: LinkedPetitionView[];
  readonly commitments: CommitmentSummaryView[];
  readonly availableActions: DialogueAction[];
  readonly events: SubjectEventView[];
  /** The results-publication clock (G4) of a held commune conference; null for the other kinds. */
  readonly deadline: SubjectDeadlineView | null;
}

export function toDialogueSummary(s: DialogueState): DialogueSummaryView {
  return {
    id: s.id,
    kind: s.kind,
    kindLabel: LABELS.dialogueKind[s.kind],
    unitId: s.unitId,
    status: s.status,
    statusLabel: LABELS.dialogueStatus[s.status],
    version: s.version,
    requestedBy: s.requestedBy,
    complaintInstance: s.complaintInstance,
    scheduledAt: s.scheduledAt,
    venue: s.venue,
    heldAt: s.heldAt,
    petitionIds: s.petitionIds,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}

/**
 * The kind of petition each question's asker stands behind: the petition the question became, or the one its
 * commitment was transferred to. A denunciation makes the asker a denouncer, whichever way it came about.
 */
export function askerPetitionKinds(
  s: Pick<DialogueState, 'questions'>,
  commitments: readonly Pick<CommitmentState, 'questionId' | 'transferredToPetitionId'>[],
  kindOfPetition: ReadonlyMap<string, string>,
): Map<string, string> {
  const out = new Map<string, string>();
  const note = (questionId: string, petitionId: string | null) => {
    const kind = petitionId === null ? undefined : kindOfPetition.get(petitionId);
    if (kind !== undefined && out.get(questionId) !== 'denunciation') out.set(questionId, kind);
  };
  for (const q of s.questions) if (q.outcome?.kind === 'to_petition') note(q.id, q.outcome.petitionId);
  for (const c of commitments) if (c.questionId !== null) note(c.questionId, c.transferredToPetitionId);
  return out;
}

/** Petitions whose kind decides whether an asker is a denouncer (see askerPetitionKinds). */
export function askerPetitionIds(s: Pick<DialogueState, 'questions'>, commitments: readonly Pick<CommitmentState, 'transferredToPetitionId'>[]): string[] {
  const ids = new Set<string>();
  for (const q of s.questions) if (q.outcome?.kind === 'to_petition') ids.add(q.outcome.petitionId);
  for (const c of commitments) if (c.transferredToPetitionId !== null) ids.add(c.transferredToPetitionId);
  return [...ids];
}

export function toDialogueView(
  s: DialogueState,
  extra: {
    note: string | null;
    viewer: CurrentUser;
    now: Date;
    petitions: LinkedPetitionView[];
    commitments: CommitmentState[];
    carriedOver: CommitmentState[];
    events: StoredEventRow<object>[];
    deadline: SubjectDeadlineView | null;
    /** From askerPetitionKinds: what each asker stands behind. */
    askerKinds: ReadonlyMap<string, string>;
  },
): DialogueView {
  // Every place the minutes name who asked (the questions and the DialogueHeld event) goes through this check.
  const mayName = (questionId: string) => maySeeIdentity(extra.viewer, extra.askerKinds.get(questionId) ?? null);
  const withholds = !maySeeIdentity(extra.viewer, null) || s.questions.some((q) => !mayName(q.id));
  return {
    ...toDialogueSummary(s),
    voterCount: s.voterCount,
    registeredVoters: s.registeredVoters,
    note: extra.note,
    agenda: s.agenda,
    carriedOverCommitments: extra.carriedOver.map((c) => toCommitmentSummary(c, extra.now)),
    announcedAt: s.announcedAt,
    announcedOn: s.announcedOn,
    announcementChannels: s.announcementChannels,
    attendees: s.attendees,
    minutesSummary: s.minutesSummary,
    questions: s.questions.map((q) => (mayName(q.id) ? q : { ...q, askedBy: null })),
    identityWithheld: withholds,
    resultsPublishedAt: s.resultsPublishedAt,
    resultsDueDate: s.resultsDueDate,
    resultsLate: s.resultsLate,
    closedAt: s.closedAt,
    cancelledAt: s.cancelledAt,
    cancelReason: s.cancelReason,
    petitions: extra.petitions,
    commitments: extra.commitments.map((c) => toCommitmentSummary(c, extra.now)),
    availableActions: availableDialogueActions(s, { userId: extra.viewer.id, role: extra.viewer.role }),
    events: extra.events.map((e) => toSubjectEventView(withholdAskers(e, mayName))),
    deadline: extra.deadline,
  };
}

/** The minutes in the audit trail name who asked; the viewer's copy keeps only the askers they may see. */
function withholdAskers(e: StoredEventRow<object>, mayName: (questionId: string) => boolean): StoredEventRow<object> {
  const p = e.payload as { questions?: { id: string; askedBy: string | null }[] };
  if (!Array.isArray(p.questions)) return e;
  return { ...e, payload: { ...p, questions: p.questions.map((q) => (mayName(q.id) ? q : { ...q, askedBy: null })) } };
}

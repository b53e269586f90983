import { availableActions, LABELS, type Message, type PetitionAction, toLocalDate } from '@app/domain';
import type { BlockedAction } from '../dialogues/second-complaint-gate.js';
import type { PersonRecord, PetitionEntity, PetitionEventEntity } from '@app/persistence';
import { toPetitionState } from '@app/persistence';
import type { CurrentUser } from '../auth/current-user.js';
import type { ClockView } from '../deadlines/clock-views.js';

export interface PetitionEventView {
  readonly sequence: number;
  readonly type: string;
  readonly at: string;
  readonly actorId: string | null;
  readonly actorRole: string | null;
  readonly legalBasis: string | null;
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

export interface PetitionView extends PetitionSummaryView {
  readonly content: string;
  readonly location: string | null;
  /** Null when the viewer may not see who petitioned (denouncers are protected: DOMAIN.md §7). */
  readonly petitioner: PersonRecord | null;
  readonly coPetitioners: PersonRecord[] | null;
  readonly identityWithheld: boolean;
  readonly availableActions: PetitionAction[];
  /** Actions the status allows but a legal gate does not yet (K9: a second-time complaint needs a held dialogue). */
  readonly blockedActions: BlockedAction[];
  /** The statutory clocks, as GET /petitions/:id/deadlines shows them. */
  readonly deadlines: ClockView[];
  readonly events: PetitionEventView[];
}

/**
 * Who may see a petitioner's identity: reception and the competent head always; a handler except on
 * denunciations (verifiers work on a pseudonymised file); the board never (it oversees, it does not resolve).
 */
export function maySeeIdentity(user: CurrentUser, kind: string): boolean {
  switch (user.role) {
    case 'desk':
    case 'head':
    case 'admin':
      return true;
    case 'handler':
      return kind !== 'denunciation';
    case 'board':
      return false;
  }
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

export function toEventView(e: PetitionEventEntity): PetitionEventView {
  return {
    sequence: e.sequence,
    type: e.type,
    at: e.occurredAt.toISOString(),
    actorId: e.actorId,
    actorRole: e.actorRole,
    legalBasis: e.legalBasis,
    data: Object.fromEntries(Object.entries(e.payload).filter(([k]) => !BASE_EVENT_FIELDS.has(k))),
  };
}

export function toPetitionView(
  row: PetitionEntity,
  events: PetitionEventEntity[],
  viewer: CurrentUser,
  deadlines: ClockView[] = [],
  blocked: BlockedAction[] = [],
): PetitionView {
  const identity = maySeeIdentity(viewer, row.kind);
  return {
    ...toSummaryView(row),
    content: row.content,
    location: row.location,
    petitioner: identity ? row.petitioner : null,
    coPetitioners: identity ? row.coPetitioners : null,
    identityWithheld: !identity,
    availableActions: availableActions(toPetitionState(row), { userId: viewer.id, role: viewer.role }).filter((a) => !blocked.some((b) => b.action === a)),
    blockedActions: blocked,
    deadlines,
    events: events.map(toEventView),
  };
}

import {
  type CitizenTimelineEntry,
  citizenTimeline,
  type Clock,
  complexityOf,
  evolve,
  foldForSearch,
  LABELS,
  lastLocalDayOf,
  type LocalDate,
  mostUrgentBadge,
  normalizePhone,
  normalizeTrackingCode,
  type PetitionChannel,
  PETITION_KINDS,
  type PetitionKind,
  type PetitionState,
  type PetitionStatus,
  TERMINAL_STATUSES,
} from '@app/domain';
import { clockStore, PetitionEntity, type PetitionSearchTerms, petitionListStore, petitionStore, UnitEntity, userStore } from '@app/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { accessScopeOf } from '../auth/access-scope.js';
import { maySeeIdentity } from '../auth/identity-access.js';
import type { CurrentUser } from '../auth/current-user.js';
import { AppError } from '../shared/app-error.js';
import { CLOCK } from '../shared/clock.provider.js';
import { PUBLIC_BASE_URL, publicTrackingUrl } from '../shared/public-urls.js';
import { loadClockViews } from '../deadlines/clock-views.js';
import { loadCalendar } from '../deadlines/deadline-sources.js';
import { visiblePetition } from './visible-petition.js';
import { complaintPathFacts } from './complaint-facts.js';
import { blockedPetitionActions } from '../dialogues/second-complaint-gate.js';
import { type LegalEffectView, type PetitionListItemView, type PetitionView, toLegalEffectView, toListItemView, toPetitionView } from './petition-view.js';

/** Whose petitions the inbox shows: assigned to the caller, or owned by the caller's unit. */
export const PETITION_LIST_SCOPES = ['mine', 'unit'] as const;
export type PetitionListScope = (typeof PETITION_LIST_SCOPES)[number];

/**
 * Orders of the list: `created` newest first (the default), `received` by the day the letter arrived, oldest
 * first as the reception log is kept (the default when a reception-log filter is given), `time_left` by the
 * running clock due soonest, petitions without a running clock last.
 */
export const PETITION_LIST_SORTS = ['created', 'received', 'time_left'] as const;
export type PetitionListSort = (typeof PETITION_LIST_SORTS)[number];

/** Statuses after which nothing more is done on the case at this unit: `open=true` leaves them out. */
export const FINAL_PETITION_STATUSES: readonly PetitionStatus[] = [...TERMINAL_STATUSES, 'closed'];

export interface PetitionListFilter {
  readonly status?: PetitionStatus;
  readonly kind?: PetitionKind;
  readonly channel?: PetitionChannel;
  readonly unitId?: string;
  readonly assigneeId?: string;
  readonly scope?: PetitionListScope;
  readonly open?: boolean;
  /** Vietnam local dates, inclusive, on the day the letter arrived. */
  readonly receivedFrom?: string;
  readonly receivedTo?: string;
  readonly sort?: PetitionListSort;
  readonly q?: string;
  readonly page: number;
  readonly pageSize: number;
}

export interface PetitionListPage {
  readonly items: PetitionListItemView[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

/** Characters of a tracking code as people type it (normalizeTrackingCode reads O as 0, I and L as 1). */
const CODE_PART = /^[0-9A-TV-Z]{4,12}$/;
/** A phone or ID number as typed: digits with spaces, dots, dashes, brackets or a leading +. */
const NUMBER_LIKE = /^\+?[\d\s.()-]+$/;
const MIN_SEARCH_DIGITS = 6;

/**
 * How `q` is matched: the folded text fields and code as before; a tracking code with or without dashes; and,
 * only on the kinds whose petitioners the caller may see (maySeeIdentity, the one rule), the petitioners' names
 * (diacritics-insensitive, from the start of a word), phones (spaces and dots ignored) and ID numbers.
 */
export function searchTermsFor(q: string, viewer: CurrentUser): PetitionSearchTerms | undefined {
  const trimmed = q.trim();
  if (trimmed === '') return undefined;
  const compact = trimmed.toUpperCase().replace(/[\s-]/g, '');
  const digits = NUMBER_LIKE.test(trimmed) ? normalizePhone(trimmed) : null;
  return {
    text: foldForSearch(trimmed),
    code: CODE_PART.test(compact) ? normalizeTrackingCode(compact).replace(/-/g, '') : null,
    name: foldForSearch(trimmed).replace(/[^a-z0-9]+/g, ' ').trim() || null,
    digits: digits !== null && digits.length >= MIN_SEARCH_DIGITS ? digits : null,
    identityKinds: PETITION_KINDS.filter((k) => maySeeIdentity(viewer, k)),
  };
}

export interface PublicTrackingView {
  readonly trackingCode: string;
  readonly kind: string;
  readonly kindLabel: { vi: string; en: string };
  readonly status: string;
  readonly statusLabel: { vi: string; en: string };
  readonly unitName: string;
  readonly receivedAt: string;
  readonly updatedAt: string;
  readonly resolvedAt: string | null;
  readonly closedAt: string | null;
  /** Status changes with dates only: notes and reasons may name people, so they are never public. */
  readonly history: { readonly at: string; readonly status: string }[];
  /** When a complaint decision takes legal effect (LKN Art 44); null until a complaint is decided. */
  readonly legalEffect: LegalEffectView | null;
  /**
   * What happened, told to the citizen: receipt, acceptance or refusal with its reason, transfer with where to,
   * guidance, the result as written for the citizen, and the rights that follow with their deadlines. Only
   * fields meant for the citizen; never personal data, internal notes or the internal summary.
   */
  readonly timeline: CitizenTimelineEntry[];
}

@Injectable()
export class PetitionQueries {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PUBLIC_BASE_URL) private readonly publicBaseUrl: string,
  ) {}

  async list(user: CurrentUser, f: PetitionListFilter): Promise<PetitionListPage> {
    if (f.receivedFrom !== undefined && f.receivedTo !== undefined && f.receivedFrom > f.receivedTo) {
      throw new AppError('invalid', 'petition.received_range_invalid', {}, {}, [{ field: 'receivedTo', messageKey: 'petition.received_range_invalid' }]);
    }
    const logFilter = f.receivedFrom !== undefined || f.receivedTo !== undefined || f.channel !== undefined;
    const em = this.dataSource.manager;
    const { rows, total } = await petitionListStore.page(em, {
      scope: accessScopeOf(user),
      status: f.status,
      kind: f.kind,
      channel: f.channel,
      unitId: f.unitId,
      assigneeId: f.assigneeId,
      ...(f.scope === 'mine' ? { assignedTo: user.id } : {}),
      ...(f.scope === 'unit' ? { ownedByUnitId: user.unitId } : {}),
      excludeStatuses: f.open === true ? FINAL_PETITION_STATUSES : undefined,
      receivedFrom: f.receivedFrom,
      receivedTo: f.receivedTo,
      search: f.q === undefined ? undefined : searchTermsFor(f.q, user),
      order: f.sort ?? (logFilter ? 'received' : 'created'),
      page: f.page,
      pageSize: f.pageSize,
    });
    // The page's badges from one read of its open clocks and one calendar, never a query per row.
    const now = this.clock.now();
    const clocks = await clockStore.openForPetitions(em, rows.map((r) => r.id));
    const calendar = clocks.length > 0 ? await loadCalendar(em, now) : null;
    // Names belong to the register only: the inbox and search pages carry no personal data.
    const register = f.receivedFrom !== undefined || f.receivedTo !== undefined;
    const items = rows.map((row) =>
      toListItemView(row, user, calendar === null ? null : mostUrgentBadge(clocks.filter((c) => c.petitionId === row.id), calendar, now), register),
    );
    return { items, total, page: f.page, pageSize: f.pageSize };
  }

  async get(user: CurrentUser, id: string): Promise<PetitionView> {
    const em = this.dataSource.manager;
    const { row } = await visiblePetition(em, user, id);
    const now = this.clock.now();
    const [events, deadlines, blocked] = await Promise.all([
      petitionStore.events(em, id),
      loadClockViews(em, id, now, complexityOf(row)),
      blockedPetitionActions(em, row),
    ]);
    const facts = await complaintPathFacts(em, row, events.map((e) => e.payload), now);
    const reporters = events.flatMap((e) => (e.payload.type === 'VerificationReported' && e.payload.actorId !== null ? [e.payload.actorId] : []));
    return toPetitionView(row, events, user, deadlines, blocked, facts, {
      trackingUrl: publicTrackingUrl(this.publicBaseUrl, row.trackingCode),
      actorNames: await userStore.names(em, reporters),
    });
  }

  /** Public tracking by code: status and dates, never personal data. */
  async track(code: string): Promise<PublicTrackingView> {
    const em = this.dataSource.manager;
    const row = await em.findOne(PetitionEntity, { where: { trackingCode: normalizeTrackingCode(code) } });
    if (row === null) throw new AppError('not-found', 'error.not_found', { what: LABELS.entity.trackingCode });
    const unit = await em.findOneOrFail(UnitEntity, { where: { id: row.owningUnitId } });
    const events = await petitionStore.events(em, row.id);
    // Replaying the trail with the domain's own `evolve` gives the exact status after each event.
    const history: { at: string; status: string }[] = [];
    events.reduce<PetitionState | null>((state, e) => {
      const next = evolve(state, e.payload);
      history.push({ at: e.occurredAt.toISOString(), status: next.status });
      return next;
    }, null);
    const payloads = events.map((e) => e.payload);
    const unitIds = [...new Set([row.receivingUnitId, ...payloads.flatMap((e) => (e.type === 'PetitionTransferred' && e.toUnitId ? [e.toUnitId] : []))])];
    const units = await em.find(UnitEntity, { where: { id: In(unitIds) } });
    const commune = unit.communeId && unit.communeId !== unit.id ? await em.findOne(UnitEntity, { where: { id: unit.communeId } }) : null;
    const lapsedClocks = new Map<string, LocalDate | null>();
    for (const e of payloads) {
      if (e.type !== 'CitizenRightsNotified' || lapsedClocks.has(e.clockId)) continue;
      const c = await clockStore.byId(em, e.clockId, false);
      // The breach on record is the lapse, even if a later flag or extension moved the due date.
      const lapse = c?.breaches[0]?.at ?? c?.dueAt ?? null;
      lapsedClocks.set(e.clockId, lapse ? lastLocalDayOf(new Date(lapse)) : null);
    }
    const now = this.clock.now();
    const timeline = citizenTimeline(payloads, {
      kind: row.kind,
      instance: row.instance,
      remoteArea: unit.remoteArea || (commune?.remoteArea ?? false),
      calendar: await loadCalendar(em, now),
      unitName: (id) => units.find((u) => u.id === id)?.name ?? null,
      clockLastDay: (id) => lapsedClocks.get(id) ?? null,
    });
    return {
      trackingCode: row.trackingCode,
      kind: row.kind,
      kindLabel: LABELS.kind[row.kind],
      status: row.status,
      statusLabel: LABELS.status[row.status],
      unitName: unit.name,
      receivedAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      resolvedAt: row.resolvedAt?.toISOString() ?? null,
      closedAt: row.closedAt?.toISOString() ?? null,
      history,
      legalEffect: toLegalEffectView((await complaintPathFacts(em, row, events.map((e) => e.payload), this.clock.now())).legalEffect),
      timeline,
    };
  }
}


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
  normalizeTrackingCode,
  type PetitionKind,
  type PetitionState,
  type PetitionStatus,
} from '@app/domain';
import { clockStore, PetitionEntity, petitionStore, UnitEntity, userStore } from '@app/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { accessScopeOf, scopeCondition } from '../auth/access-scope.js';
import type { CurrentUser } from '../auth/current-user.js';
import { AppError } from '../shared/app-error.js';
import { CLOCK } from '../shared/clock.provider.js';
import { PUBLIC_BASE_URL, publicTrackingUrl } from '../shared/public-urls.js';
import { loadClockViews } from '../deadlines/clock-views.js';
import { loadCalendar } from '../deadlines/deadline-sources.js';
import { visiblePetition } from './visible-petition.js';
import { complaintPathFacts } from './complaint-facts.js';
import { blockedPetitionActions } from '../dialogues/second-complaint-gate.js';
import { type LegalEffectView, type PetitionSummaryView, type PetitionView, toLegalEffectView, toPetitionView, toSummaryView } from './petition-view.js';

export interface PetitionListFilter {
  readonly status?: PetitionStatus;
  readonly kind?: PetitionKind;
  readonly unitId?: string;
  readonly assigneeId?: string;
  readonly q?: string;
  readonly page: number;
  readonly pageSize: number;
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

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

@Injectable()
export class PetitionQueries {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PUBLIC_BASE_URL) private readonly publicBaseUrl: string,
  ) {}

  async list(user: CurrentUser, f: PetitionListFilter): Promise<{ items: PetitionSummaryView[]; total: number; page: number; pageSize: number }> {
    const scope = scopeCondition(accessScopeOf(user), 'u');
    const qb = this.dataSource
      .getRepository(PetitionEntity)
      .createQueryBuilder('p')
      .innerJoin(UnitEntity, 'u', 'u.id = p.owning_unit_id')
      .where(scope.sql, scope.params);
    if (f.status) qb.andWhere('p.status = :status', { status: f.status });
    if (f.kind) qb.andWhere('p.kind = :kind', { kind: f.kind });
    if (f.unitId) qb.andWhere('p.owning_unit_id = :unitId', { unitId: f.unitId });
    if (f.assigneeId) qb.andWhere('p.assignee_id = :assigneeId', { assigneeId: f.assigneeId });
    if (f.q && f.q.trim() !== '') {
      qb.andWhere(`p.search_text LIKE :q ESCAPE '\\'`, { q: `%${escapeLike(foldForSearch(f.q))}%` });
    }
    const [rows, total] = await qb
      .orderBy('p.created_at', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .skip((f.page - 1) * f.pageSize)
      .take(f.pageSize)
      .getManyAndCount();
    return { items: rows.map(toSummaryView), total, page: f.page, pageSize: f.pageSize };
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


import { randomUUID } from 'node:crypto';
import {
  availableReceptionActions,
  type Clock,
  decideReceptionDay,
  firstDayOfMonth,
  lastDayOfMonth,
  mayReadAttendeeNames,
  planReceptionDay,
  RECEPTION_LABELS,
  type ReceptionDayCommand,
  type ReceptionDayState,
  type ReceptionPosition,
} from '@app/domain';
import { RECEPTION_DAY_HOST_DATE_CONSTRAINT, receptionDayStore } from '@app/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type AccessScope, accessScopeOf, unitInScope } from '../auth/access-scope.js';
import type { CurrentUser } from '../auth/current-user.js';
import { scopeSql, SqlParams, type SqlQuery } from '../board/board-access.js';
import { AppError, type FieldError } from '../shared/app-error.js';
import { CLOCK } from '../shared/clock.provider.js';
import { checkHost, receptionRefusalToError, receptionUnit, visibleReceptionDayUnit } from './reception-access.js';
import { dutyRuleInForce } from './reception-duties.use-case.js';

export interface PlanReceptionDayInput {
  readonly unitId: string;
  readonly hostUserId: string;
  readonly position: ReceptionPosition;
  readonly date: string;
  readonly venue: string;
  readonly note?: string;
}

/** The command as it arrives from an adapter: the actor is added from the authenticated user. */
export type ReceptionDayCommandInput = ReceptionDayCommand extends infer C ? (C extends ReceptionDayCommand ? Omit<C, 'actor'> : never) : never;

/** A unique violation of the named constraint (PostgreSQL 23505), as TypeORM's QueryFailedError carries it. */
function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } } | null;
  const driver = e?.driverError ?? e;
  return driver?.code === '23505' && driver.constraint === constraint;
}

/** Plans a reception day for a head who holds the position there on that date; one transaction. */
@Injectable()
export class PlanReceptionDayUseCase {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(user: CurrentUser, input: PlanReceptionDayInput): Promise<string> {
    try {
      return await this.dataSource.transaction((em) => this.plan(em, user, input));
    } catch (error) {
      // Two requests for the same host and date can both pass the check below; the partial unique index
      // stops the second, which is the same conflict as the one the check reports.
      if (isUniqueViolation(error, RECEPTION_DAY_HOST_DATE_CONSTRAINT)) throw new AppError('conflict', 'reception.day_exists', { date: input.date });
      throw error;
    }
  }

  private async plan(em: EntityManager, user: CurrentUser, input: PlanReceptionDayInput): Promise<string> {
    const now = this.clock.now();
    const id = randomUUID();
    const rule = await dutyRuleInForce(em, input.position, input.date);
    // The pure decision comes first, so that its role check (reception staff, heads, admins) refuses a
    // handler or the board with 403 before anything about units or hosts is looked up or revealed.
    const decision = planReceptionDay(
      { receptionDayId: id, unitId: input.unitId, hostUserId: input.hostUserId, position: input.position, date: input.date, venue: input.venue, note: input.note, legalBasis: rule?.legalReference ?? null, actor: { userId: user.id, role: user.role } },
      now,
    );
    if (!decision.ok) throw receptionRefusalToError(decision.refusal);
    const unit = await receptionUnit(em, user, input.unitId, input.position);
    await checkHost(em, input.hostUserId, unit);
    const duty: unknown[] = await em.query(
      `SELECT 1 FROM reception_duties
        WHERE user_id = $1 AND unit_id = $2 AND position = $3 AND effective_from <= $4 AND (effective_to IS NULL OR effective_to >= $4)`,
      [input.hostUserId, unit.id, input.position, input.date],
    );
    if (duty.length === 0) {
      const params = { position: RECEPTION_LABELS.position[input.position], date: input.date };
      throw new AppError('unprocessable', 'reception.host_not_duty_holder', params, {}, [{ field: 'hostUserId', messageKey: 'reception.host_not_duty_holder', params }]);
    }
    // One live day per host and date (a partial unique index backs this up against a race).
    const clash: unknown[] = await em.query(`SELECT 1 FROM reception_days WHERE host_user_id = $1 AND date = $2 AND status <> 'cancelled'`, [
      input.hostUserId,
      input.date,
    ]);
    if (clash.length > 0) throw new AppError('conflict', 'reception.day_exists', { date: input.date });
    await receptionDayStore.insert(em, decision.state, user.id);
    await receptionDayStore.appendEvents(em, decision.events, 1);
    return id;
  }
}

/** hold, cancel, link-petitions: load → pure decision → compare-and-set → events (and petition links). */
@Injectable()
export class ReceptionDayActionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(user: CurrentUser, id: string, input: ReceptionDayCommandInput, expectedVersion?: number): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const now = this.clock.now();
      await visibleReceptionDayUnit(em, user, id);
      const state = await receptionDayStore.load(em, id);
      if (state === null) throw new AppError('not-found', 'error.not_found', { what: RECEPTION_LABELS.entity.receptionDay });
      if (expectedVersion !== undefined && expectedVersion !== state.version) {
        throw new AppError('precondition-failed', 'reception.version_conflict', { version: state.version }, { currentVersion: state.version });
      }
      const decision = decideReceptionDay(state, { ...input, actor: { userId: user.id, role: user.role } } as ReceptionDayCommand, now);
      if (!decision.ok) throw receptionRefusalToError(decision.refusal);
      const linked = decision.state.petitionIds.filter((p) => !state.petitionIds.includes(p));
      const inputIds = 'petitionIds' in input ? (input.petitionIds ?? []) : [];
      await this.checkPetitions(em, user, linked, inputIds);

      if (!(await receptionDayStore.compareAndSet(em, decision.state, state.version))) {
        const current = await receptionDayStore.load(em, id);
        throw new AppError('conflict', 'reception.version_conflict', { version: current?.version ?? -1 }, { currentVersion: current?.version });
      }
      await receptionDayStore.appendEvents(em, decision.events, state.version + 1);
      await receptionDayStore.linkPetitions(em, id, linked, user.id, now.toISOString());
    });
  }

  /** Petitions taken must exist and be in the caller's jurisdiction; each bad one is reported at its index. */
  private async checkPetitions(em: EntityManager, user: CurrentUser, ids: readonly string[], given: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const rows: { id: string; province_id: string | null; commune_id: string | null }[] = await em.query(
      `SELECT p.id, u.province_id, u.commune_id FROM petitions p JOIN units u ON u.id = p.owning_unit_id WHERE p.id = ANY($1::uuid[])`,
      [ids],
    );
    const scope = accessScopeOf(user);
    const ok = new Set(rows.filter((r) => unitInScope(scope, { provinceId: r.province_id, communeId: r.commune_id })).map((r) => r.id));
    const errors: FieldError[] = given
      .map((p, i) => ({ p: p.trim(), i }))
      .filter(({ p }) => ids.includes(p) && !ok.has(p))
      .map(({ i }) => ({ field: `petitionIds.${i}`, messageKey: 'reception.petition_invalid' }));
    if (errors.length > 0) throw new AppError('unprocessable', 'reception.petition_invalid', {}, {}, errors);
  }
}

export interface ReceptionDayView {
  readonly id: string;
  readonly unit: { readonly id: string; readonly name: string };
  readonly host: { readonly id: string; readonly fullName: string };
  readonly position: ReceptionPosition;
  readonly positionLabel: { vi: string; en: string };
  readonly date: string;
  readonly venue: string;
  readonly status: ReceptionDayState['status'];
  readonly statusLabel: { vi: string; en: string };
  readonly legalBasis: string | null;
  readonly note: string | null;
  readonly attendeeCount: number | null;
  /**
   * Null except for reception desks, heads and administrators (DOMAIN.md §7): neither the board nor a handler,
   * who sees the petitions linked below, may learn who came to petition.
   */
  readonly attendeeNames: readonly string[] | null;
  readonly petitions: { id: string; trackingCode: string; kind: string; status: string; title: string }[];
  readonly cancelReason: string | null;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly heldRecordedAt: string | null;
  readonly cancelledAt: string | null;
}

export interface ReceptionDayDetailView extends ReceptionDayView {
  readonly availableActions: string[];
  /** The audit trail: who planned, recorded, cancelled or linked, and when. */
  readonly events: { sequence: number; type: string; at: string; actorId: string | null; actorRole: string | null; actorName: string | null }[];
}

export interface ReceptionDayListFilter {
  readonly unitId?: string;
  readonly hostUserId?: string;
  /** YYYY-MM: days whose Vietnam local date falls in that month. */
  readonly month?: string;
  readonly status?: ReceptionDayState['status'];
  readonly page: number;
  readonly pageSize: number;
}

interface DayRow {
  id: string;
  unit_id: string;
  unit_name: string;
  host_user_id: string;
  host_name: string;
  position: ReceptionPosition;
  date: string;
  venue: string;
  status: ReceptionDayState['status'];
  legal_basis: string | null;
  note: string | null;
  attendee_count: number | null;
  attendee_names: string[];
  cancel_reason: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  held_recorded_at: Date | null;
  cancelled_at: Date | null;
  petitions: { id: string; trackingCode: string; kind: string; status: string; title: string }[];
}

const DAY_SELECT = `
  SELECT d.id, d.unit_id, u.name AS unit_name, d.host_user_id, h.full_name AS host_name, d.position, d.date::text AS date,
         d.venue, d.status, d.legal_basis, d.note, d.attendee_count, d.attendee_names, d.cancel_reason, d.version,
         d.created_at, d.updated_at, d.held_recorded_at, d.cancelled_at,
         COALESCE((SELECT json_agg(json_build_object('id', p.id, 'trackingCode', p.tracking_code, 'kind', p.kind, 'status', p.status, 'title', p.title)
                                  ORDER BY l.linked_at, p.tracking_code)
                     FROM reception_day_petitions l JOIN petitions p ON p.id = l.petition_id
                    WHERE l.reception_day_id = d.id), '[]'::json) AS petitions
    FROM reception_days d
    JOIN units u ON u.id = d.unit_id
    JOIN users h ON h.id = d.host_user_id`;

function toView(r: DayRow, user: CurrentUser): ReceptionDayView {
  return {
    id: r.id,
    unit: { id: r.unit_id, name: r.unit_name },
    host: { id: r.host_user_id, fullName: r.host_name },
    position: r.position,
    positionLabel: RECEPTION_LABELS.position[r.position],
    date: r.date,
    venue: r.venue,
    status: r.status,
    statusLabel: RECEPTION_LABELS.status[r.status],
    legalBasis: r.legal_basis,
    note: r.note,
    attendeeCount: r.attendee_count,
    attendeeNames: mayReadAttendeeNames(user.role) ? r.attendee_names : null,
    petitions: r.petitions,
    cancelReason: r.cancel_reason,
    version: r.version,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    heldRecordedAt: r.held_recorded_at?.toISOString() ?? null,
    cancelledAt: r.cancelled_at?.toISOString() ?? null,
  };
}

/**
 * The list's two statements (the total, and one page in order) for a jurisdiction and a filter. The month is a
 * date range, so that reception_days_unit_date serves it. Exported so that tests can EXPLAIN exactly what runs.
 */
export function receptionDayListQueries(scope: AccessScope, f: ReceptionDayListFilter): { count: SqlQuery; page: SqlQuery } {
  const params = new SqlParams();
  const where = [scopeSql(scope, 'u', params)];
  if (f.unitId) where.push(`d.unit_id = ${params.p(f.unitId)}`);
  if (f.hostUserId) where.push(`d.host_user_id = ${params.p(f.hostUserId)}`);
  if (f.status) where.push(`d.status = ${params.p(f.status)}`);
  if (f.month) where.push(`d.date BETWEEN ${params.p(firstDayOfMonth(f.month))}::date AND ${params.p(lastDayOfMonth(f.month))}::date`);
  const filter = where.join(' AND ');
  const count = { sql: `SELECT count(*)::int AS total FROM reception_days d JOIN units u ON u.id = d.unit_id WHERE ${filter}`, params: [...params.values] };
  const limit = params.p(f.pageSize);
  const offset = params.p((f.page - 1) * f.pageSize);
  return { count, page: { sql: `${DAY_SELECT} WHERE ${filter} ORDER BY d.date, u.name, h.full_name, d.id LIMIT ${limit} OFFSET ${offset}`, params: params.values } };
}

@Injectable()
export class ReceptionDayQueries {
  constructor(private readonly dataSource: DataSource) {}

  async list(user: CurrentUser, f: ReceptionDayListFilter): Promise<{ items: ReceptionDayView[]; total: number; page: number; pageSize: number }> {
    const { count, page } = receptionDayListQueries(accessScopeOf(user), f);
    const [{ total }]: { total: number }[] = await this.dataSource.query(count.sql, count.params);
    const rows: DayRow[] = await this.dataSource.query(page.sql, page.params);
    return { items: rows.map((r) => toView(r, user)), total, page: f.page, pageSize: f.pageSize };
  }

  async get(user: CurrentUser, id: string): Promise<ReceptionDayDetailView> {
    const em = this.dataSource.manager;
    await visibleReceptionDayUnit(em, user, id);
    const [row]: DayRow[] = await em.query(`${DAY_SELECT} WHERE d.id = $1`, [id]);
    const events: { sequence: number; type: string; occurred_at: Date; actor_id: string | null; actor_role: string | null; actor_name: string | null }[] =
      await em.query(
        `SELECT e.sequence, e.type, e.occurred_at, e.actor_id, e.actor_role, a.full_name AS actor_name
           FROM reception_day_events e LEFT JOIN users a ON a.id = e.actor_id
          WHERE e.reception_day_id = $1 ORDER BY e.sequence`,
        [id],
      );
    return {
      ...toView(row!, user),
      availableActions: availableReceptionActions(row!, user.role),
      events: events.map((e) => ({ sequence: e.sequence, type: e.type, at: e.occurred_at.toISOString(), actorId: e.actor_id, actorRole: e.actor_role, actorName: e.actor_name })),
    };
  }
}

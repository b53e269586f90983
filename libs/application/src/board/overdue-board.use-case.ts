import { type Clock, type ClockKind, type Message, type PetitionKind, renderMessage, toIsoDuration } from '@app/domain';
import { UnitEntity } from '@app/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type AccessScope, unitInScope } from '../auth/access-scope.js';
import type { CurrentUser } from '../auth/current-user.js';
import { AppError } from '../shared/app-error.js';
import { CLOCK } from '../shared/clock.provider.js';
import { boardScopeOf, scopeSql, SqlParams, type SqlQuery } from './board-access.js';

export const BOARD_STATES = ['overdue', 'near_breach'] as const;
export type BoardState = (typeof BOARD_STATES)[number];

/** Default share of the period used from which an open clock counts as near breach (the 80% rung, DOMAIN.md §4.4). */
export const DEFAULT_NEAR_SHARE = 0.8;

export interface OverdueBoardFilter {
  /** Near breach from this share of the period used, 0–1 (default 0.8). */
  readonly nearShare?: number;
  /** The owning unit, or any unit under it (a commune's departments, a province's units); must be in scope. */
  readonly unitId?: string;
  /** Petition kind. */
  readonly kind?: PetitionKind;
  readonly clockKind?: ClockKind;
  readonly state?: BoardState;
  readonly page: number;
  readonly pageSize: number;
}

export interface OverdueBoardItem {
  readonly state: BoardState;
  /** How late (ISO 8601 duration, elapsed calendar time) when overdue; otherwise null. */
  readonly lateBy: string | null;
  readonly lateByMs: number | null;
  /** Time left before the due instant when near breach; otherwise null. */
  readonly remaining: string | null;
  readonly remainingMs: number | null;
  /** (now − start) / (due − start), calendar time; ≥ 1 when overdue. Rounded to 4 decimals. */
  readonly shareUsed: number;
  readonly petition: {
    readonly id: string;
    readonly trackingCode: string;
    readonly kind: string;
    readonly status: string;
    readonly title: string;
    readonly escalationLevel: number;
    readonly owningUnit: { readonly id: string; readonly name: string };
    readonly assigneeId: string | null;
  };
  readonly clock: {
    readonly id: string;
    readonly kind: string;
    readonly ruleId: string;
    readonly status: string;
    readonly startedAt: string;
    readonly dueAt: string;
  };
}

export interface OverdueBoardView {
  /** The instant the states and durations were computed at. */
  readonly asOf: string;
  readonly nearShare: number;
  readonly items: OverdueBoardItem[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  readonly definitions: Record<'overdue' | 'nearBreach' | 'order', Message>;
}

interface Row {
  clock_id: string;
  clock_kind: string;
  rule_id: string;
  clock_status: string;
  started_at: Date;
  due_at: Date;
  petition_id: string;
  tracking_code: string;
  kind: string;
  status: string;
  title: string;
  escalation_level: number;
  assignee_id: string | null;
  unit_id: string;
  unit_name: string;
}

/**
 * The board's worklist: every open statutory clock (running or breached; a paused clock has no due instant and
 * is left out) in the caller's jurisdiction that is past due (overdue) or has used at least `nearShare` of its
 * period (near breach), one row per clock, most overdue first and then nearest to breach.
 *
 * Share used is a calendar-time approximation: (now − started_at) / (due_at − started_at). The due instant
 * already accounts for working days, pauses and extensions, so a clock that was paused or spans a holiday
 * looks a little further along than the statutory day count says. It is exact for the due instant itself:
 * share ≥ 1 exactly when due_at ≤ now.
 *
 * Jurisdiction: petitions whose owning unit is in the caller's scope (accessScopeOf), plus petitions watched
 * by a unit in that scope (oversight escalation makes the province unit a watcher: DOMAIN.md §4.2).
 *
 * Speed: every step is an index scan, whatever the caller (see the query); the indexes the scoped branches need
 * come with the board migration (1764000000000-board-indexes).
 */
@Injectable()
export class OverdueBoardUseCase {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(user: CurrentUser, filter: OverdueBoardFilter): Promise<OverdueBoardView> {
    const scope = boardScopeOf(user);
    const now = this.clock.now();
    const nearShare = filter.nearShare ?? DEFAULT_NEAR_SHARE;
    if (filter.unitId !== undefined) {
      const unit = await this.dataSource.manager.findOne(UnitEntity, { where: { id: filter.unitId } });
      if (unit === null || !unitInScope(scope, unit)) {
        throw new AppError('unprocessable', 'petition.unit_invalid', {}, {}, [{ field: 'unitId', messageKey: 'petition.unit_invalid' }]);
      }
    }

    const { count, page } = overdueBoardQueries(scope, { ...filter, nearShare }, now);
    const em = this.dataSource.manager;
    const [{ total }]: { total: number }[] = await em.query(count.sql, count.params);
    const rows: Row[] = await em.query(page.sql, page.params);

    return {
      asOf: now.toISOString(),
      nearShare,
      items: rows.map((r) => toItem(r, now)),
      total,
      page: filter.page,
      pageSize: filter.pageSize,
      definitions: {
        overdue: renderMessage('board.definition.overdue'),
        nearBreach: renderMessage('board.definition.near_breach'),
        order: renderMessage('board.definition.order'),
      },
    };
  }
}

/**
 * The board's two statements (the total, and one page in order) for a jurisdiction, a filter and an instant.
 * Exported so that tests can EXPLAIN exactly what runs.
 */
export function overdueBoardQueries(scope: AccessScope, filter: OverdueBoardFilter, now: Date): { count: SqlQuery; page: SqlQuery } {
  const params = new SqlParams();
  const nowP = `${params.p(now)}::timestamptz`;
  const overdue = `c.due_at <= ${nowP}`;
  // Share used ≥ nearShare, written without a division (due_at > started_at is not guaranteed). A function, so
  // that nearShare becomes a parameter only when the condition is used (Postgres cannot type an unused one).
  const near = () =>
    `(c.due_at > ${nowP} AND extract(epoch FROM (${nowP} - c.started_at)) >= ${params.p(filter.nearShare ?? DEFAULT_NEAR_SHARE)}::float8 * extract(epoch FROM (c.due_at - c.started_at)))`;
  const listed = [
    `c.status IN ('running', 'breached')`,
    `c.due_at IS NOT NULL`,
    filter.state === 'overdue' ? overdue : filter.state === 'near_breach' ? near() : `(${overdue} OR ${near()})`,
  ].join(' AND ');

  // Everyone but an administrator: the clocks of petitions owned in scope, plus those of petitions watched by
  // a unit in scope. Two branches rather than one OR, so that each can start from its index: the units of the
  // scope → their petitions (petitions_owning_unit_id, index only) → their open clocks
  // (petition_clocks_open_petition); the watching units → petition_watchers_unit → open clocks. An
  // administrator reads the open clocks through petition_clocks_open_due, already in due order.
  const source =
    scope.kind === 'all'
      ? `FROM petition_clocks c
    JOIN petitions p ON p.id = c.petition_id
    JOIN units u ON u.id = p.owning_unit_id
   WHERE ${listed}`
      : `FROM (
      SELECT c.id FROM units u
        JOIN petitions p ON p.owning_unit_id = u.id
        JOIN petition_clocks c ON c.petition_id = p.id
       WHERE ${scopeSql(scope, 'u', params)} AND ${listed}
      UNION
      SELECT c.id FROM units wu
        JOIN petition_watchers w ON w.unit_id = wu.id
        JOIN petition_clocks c ON c.petition_id = w.petition_id
       WHERE ${scopeSql(scope, 'wu', params)} AND ${listed}
    ) visible
    JOIN petition_clocks c ON c.id = visible.id
    JOIN petitions p ON p.id = c.petition_id
    JOIN units u ON u.id = p.owning_unit_id
   WHERE TRUE`;
  const where: string[] = [];
  if (filter.kind) where.push(`p.kind = ${params.p(filter.kind)}`);
  if (filter.clockKind) where.push(`c.kind = ${params.p(filter.clockKind)}`);
  if (filter.unitId) {
    const unitP = params.p(filter.unitId);
    where.push(`(u.id = ${unitP} OR u.commune_id = ${unitP} OR u.province_id = ${unitP})`);
  }
  const from = [source, ...where].join('\n       AND ');

  const count = { sql: `SELECT count(*)::int AS total ${from}`, params: [...params.values] };
  const limitP = params.p(filter.pageSize);
  const offsetP = params.p((filter.page - 1) * filter.pageSize);
  const page = {
    sql: `SELECT c.id AS clock_id, c.kind AS clock_kind, c.rule_id, c.status AS clock_status, c.started_at, c.due_at,
                 p.id AS petition_id, p.tracking_code, p.kind, p.status, p.title, p.escalation_level, p.assignee_id,
                 u.id AS unit_id, u.name AS unit_name
            ${from}
           ORDER BY c.due_at, c.id
           LIMIT ${limitP} OFFSET ${offsetP}`,
    params: params.values,
  };
  return { count, page };
}

function toItem(r: Row, now: Date): OverdueBoardItem {
  const due = new Date(r.due_at).getTime();
  const started = new Date(r.started_at).getTime();
  const late = now.getTime() - due;
  const isOverdue = late >= 0;
  const period = due - started;
  const share = period > 0 ? (now.getTime() - started) / period : 1;
  return {
    state: isOverdue ? 'overdue' : 'near_breach',
    lateBy: isOverdue ? toIsoDuration(late) : null,
    lateByMs: isOverdue ? late : null,
    remaining: isOverdue ? null : toIsoDuration(-late),
    remainingMs: isOverdue ? null : -late,
    shareUsed: Math.round(share * 10_000) / 10_000,
    petition: {
      id: r.petition_id,
      trackingCode: r.tracking_code,
      kind: r.kind,
      status: r.status,
      title: r.title,
      escalationLevel: r.escalation_level,
      owningUnit: { id: r.unit_id, name: r.unit_name },
      assigneeId: r.assignee_id,
    },
    clock: {
      id: r.clock_id,
      kind: r.clock_kind,
      ruleId: r.rule_id,
      status: r.clock_status,
      startedAt: new Date(r.started_at).toISOString(),
      dueAt: new Date(r.due_at).toISOString(),
    },
  };
}

import {
  addLocalDays,
  type Clock,
  complaintPeriodsOf,
  DEFAULT_COMPLAINT_PERIODS,
  endOfLocalDay,
  legalEffectOf,
  type LocalDate,
  type Message,
  periodDays,
  policyInForce,
  renderMessage,
  startOfLocalDay,
  toLocalDate,
} from '@app/domain';
import { petitionStore } from '@app/persistence';
import { loadCalendar, loadPolicies } from '../deadlines/deadline-sources.js';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AccessScope } from '../auth/access-scope.js';
import type { CurrentUser } from '../auth/current-user.js';
import { AppError } from '../shared/app-error.js';
import { CLOCK } from '../shared/clock.provider.js';
import { boardScopeOf, scopeSql, SqlParams, type SqlQuery } from './board-access.js';

export const STATS_GROUPINGS = ['unit', 'commune'] as const;
export type StatsGrouping = (typeof STATS_GROUPINGS)[number];

export interface BoardStatsInput {
  /** First day of the period, a Vietnam local date (YYYY-MM-DD), inclusive. */
  readonly from: LocalDate;
  /** Last day of the period, inclusive. */
  readonly to: LocalDate;
  /** `unit`: the owning unit itself; `commune`: its commune (a department counts with its commune; province-level units with the province). */
  readonly groupBy: StatsGrouping;
}

/** A share with what it is made of: `value` is null when `n` (the denominator) is 0, so small samples show. */
export interface Rate {
  readonly value: number | null;
  /** The numerator. */
  readonly count: number;
  /** The denominator. */
  readonly n: number;
}

export interface StatsCounts {
  readonly received: number;
  readonly resolved: number;
  readonly resolvedOnTime: number;
  readonly resolvedLate: number;
  readonly overdueNow: number;
  readonly escalated: number;
  readonly transferredOut: number;
  readonly onTimeRate: Rate;
  readonly grassrootsRate: Rate;
}

export interface StatsRow extends StatsCounts {
  readonly unit: { readonly id: string; readonly code: string; readonly name: string; readonly level: string };
}

export const STATS_DEFINITION_KEYS = [
  'period',
  'received',
  'resolved',
  'resolvedOnTime',
  'overdueNow',
  'escalated',
  'transferredOut',
  'onTimeRate',
  'grassrootsRate',
] as const;

export interface BoardStatsView {
  readonly period: { readonly from: LocalDate; readonly to: LocalDate; readonly timeZone: 'Asia/Ho_Chi_Minh'; readonly startsAt: string; readonly endsAt: string };
  readonly groupBy: StatsGrouping;
  /** The instant `overdueNow` was measured at. */
  readonly asOf: string;
  /** Groups with at least one non-zero figure, by unit code. */
  readonly rows: StatsRow[];
  /** The whole jurisdiction: every petition belongs to exactly one group, so counts add up; rates are recomputed from the sums. */
  readonly totals: StatsCounts;
  /** What each figure means, in Vietnamese and English. */
  readonly definitions: Record<(typeof STATS_DEFINITION_KEYS)[number], Message>;
  /**
   * Complaint decisions that took legal effect in the period, by day of effect up to `asOf` (LKN Art 44): per group
   * and in total, with their definition. Derived from the trail, the calendar and the policy in force.
   */
  readonly effectiveDecisions: { readonly total: number; readonly byGroup: Record<string, number>; readonly definition: Message };
}

interface Row {
  id: string;
  code: string;
  name: string;
  level: string;
  received: number;
  resolved: number;
  on_time: number;
  overdue_now: number;
  escalated: number;
  transferred_out: number;
  grassroots: number;
  grassroots_n: number;
}

const rate = (count: number, n: number): Rate => ({ value: n === 0 ? null : count / n, count, n });

function counts(r: Omit<Row, 'id' | 'code' | 'name' | 'level'>): StatsCounts {
  return {
    received: r.received,
    resolved: r.resolved,
    resolvedOnTime: r.on_time,
    resolvedLate: r.resolved - r.on_time,
    overdueNow: r.overdue_now,
    escalated: r.escalated,
    transferredOut: r.transferred_out,
    onTimeRate: rate(r.on_time, r.resolved),
    grassrootsRate: rate(r.grassroots, r.grassroots_n),
  };
}

const DEFINITION_MESSAGES = {
  period: 'board.definition.period',
  received: 'board.definition.received',
  resolved: 'board.definition.resolved',
  resolvedOnTime: 'board.definition.resolved_on_time',
  overdueNow: 'board.definition.overdue_now',
  escalated: 'board.definition.escalated',
  transferredOut: 'board.definition.transferred_out',
  onTimeRate: 'board.definition.on_time_rate',
  grassrootsRate: 'board.definition.grassroots_rate',
} as const satisfies Record<(typeof STATS_DEFINITION_KEYS)[number], string>;

/**
 * Figures by unit over a period of Vietnam local dates. Every petition counts for its owning unit (the
 * competent unit; oversight escalation never moves it, and a transfer opens a new petition at the receiving
 * unit). Only petitions owned inside the caller's jurisdiction are counted: watching a petition does not make
 * it the watcher's figure.
 *
 * For a period [from 00:00, to 24:00) in UTC+7 and `now`:
 * - received: petitions with created_at in the period (transferred-in petitions included);
 * - resolved: petitions whose resolution clock (kind 'resolution') was met in the period (met_at);
 * - resolvedOnTime: of those, the ones none of whose resolution clocks (an earlier one, or one started by a
 *   reopen) is late. A clock is late when it was met after its due_at (due_at includes pauses and extensions; a
 *   clock met while paused has no due instant) or when it was ever breached: a breach stays on the clock's
 *   record (`breaches`) when an extension, a flag or a recompute later moves the due instant back ahead. The
 *   one exception is a breach whose instant lies inside a pause the clock records (paused days do not count,
 *   and a pause is only recorded for a reason the rule allows). resolvedLate is the rest;
 * - overdueNow: petitions with an open (running or breached) resolution clock whose due_at ≤ now: a snapshot
 *   at `asOf`, not tied to the period;
 * - escalated: petitions with at least one PetitionEscalated event in the period;
 * - transferredOut: petitions with a PetitionTransferred event in the period (counted at the transferring unit);
 * - onTimeRate = resolvedOnTime / resolved;
 * - grassrootsRate (tỷ lệ giải quyết tại cơ sở) = G / n, where
 *     n = petitions resolved in the period whose owning unit is at commune level (units.commune_id IS NOT NULL:
 *         the commune itself, a department under it, or a hamlet);
 *     G = those of them that
 *         (a) were never escalated upward: escalation_level = 0, no PetitionEscalated event, and no
 *             SecondInstanceRequested event (the citizen took the complaint to the superior, LKN Art 33);
 *         (b) were never transferred: no PetitionTransferred event;
 *         (c) were not sent down from a higher level: a petition with channel 'transferred_in' counts only when
 *             its parent petition is in the system and was owned by a commune-level unit (a lateral transfer
 *             between communes keeps it grassroots; one from the province, or from outside the system, does not).
 *   Both rates are null when n = 0, and n is always returned (ANCHORS.md §4.11: no league tables from 1 case).
 *   Citizen satisfaction is reported on its own (GET /api/board/satisfaction), not folded into this rate. Events that happen after the period
 *   (a later escalation or second-time complaint) are taken into account: the rate reflects what is known now.
 *
 * Speed: every figure can be read through an index, from the period side (petitions_created,
 * petition_clocks_resolution_met, petition_events_board, petition_clocks_open_due) or from the scope side
 * (units_province / units_commune → petitions_owning_unit_id → the clocks of those petitions); the planner
 * picks whichever is smaller.
 */
@Injectable()
export class BoardStatsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(user: CurrentUser, input: BoardStatsInput): Promise<BoardStatsView> {
    const scope = boardScopeOf(user);
    if (input.from > input.to) {
      throw new AppError('invalid', 'board.period_invalid', {}, {}, [{ field: 'to', messageKey: 'board.period_invalid' }]);
    }
    const now = this.clock.now();
    const startsAt = startOfLocalDay(input.from);
    const endsAt = endOfLocalDay(input.to);

    const query = boardStatsQuery(scope, input, now);
    const rows: Row[] = await this.dataSource.manager.query(query.sql, query.params);

    const sum = (k: keyof Row) => rows.reduce((n, r) => n + (r[k] as number), 0);
    const effectiveDecisions = await this.effectiveDecisions(scope, input, now);
    return {
      effectiveDecisions,
      period: { from: input.from, to: input.to, timeZone: 'Asia/Ho_Chi_Minh', startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() },
      groupBy: input.groupBy,
      asOf: now.toISOString(),
      rows: rows.map((r) => ({ unit: { id: r.id, code: r.code, name: r.name, level: r.level }, ...counts(r) })),
      totals: counts({
        received: sum('received'),
        resolved: sum('resolved'),
        on_time: sum('on_time'),
        overdue_now: sum('overdue_now'),
        escalated: sum('escalated'),
        transferred_out: sum('transferred_out'),
        grassroots: sum('grassroots'),
        grassroots_n: sum('grassroots_n'),
      }),
      definitions: Object.fromEntries(STATS_DEFINITION_KEYS.map((k) => [k, renderMessage(DEFINITION_MESSAGES[k])])) as BoardStatsView['definitions'],
    };
  }

  /**
   * A decision takes effect at most the longest effect period after issuance, so only decisions issued from that
   * long before the period can take effect in it. Each is dated with the policy in force on its issuance day.
   */
  private async effectiveDecisions(scope: AccessScope, input: BoardStatsInput, now: Date): Promise<BoardStatsView['effectiveDecisions']> {
    const em = this.dataSource.manager;
    const policies = await loadPolicies(em);
    const longest = Math.max(
      ...[DEFAULT_COMPLAINT_PERIODS, ...policies.map(complaintPeriodsOf)].flatMap((p) => [p.firstDecisionEffect, p.secondDecisionEffect]).map((r) => periodDays(r, true)),
    );
    const params = new SqlParams();
    const condition = scopeSql(scope, 'u', params);
    const group = input.groupBy === 'unit' ? 'u.id' : 'coalesce(u.commune_id, u.province_id)';
    const until = endOfLocalDay(input.to);
    const decisions = await petitionStore.decidedComplaintsIn(em, condition, group, params.values, startOfLocalDay(addLocalDays(input.from, -(longest + 1))), until);
    const calendar = await loadCalendar(em, now);
    const today = toLocalDate(now);
    const byGroup: Record<string, number> = {};
    let total = 0;
    for (const d of decisions) {
      const policy = policyInForce(policies, toLocalDate(d.resolvedAt)) ?? policies[policies.length - 1];
      const periods = policy ? complaintPeriodsOf(policy) : DEFAULT_COMPLAINT_PERIODS;
      const e = legalEffectOf(periods, { instance: d.instance, decidedAt: d.resolvedAt, remote: d.remote, secondInstanceRequestedAt: d.challengedAt }, calendar, now);
      if (e.status === 'effective' && e.effectiveOn >= input.from && e.effectiveOn <= input.to && e.effectiveOn <= today) {
        byGroup[d.groupId] = (byGroup[d.groupId] ?? 0) + 1;
        total += 1;
      }
    }
    return { total, byGroup, definition: renderMessage('board.definition.effective_decisions') };
  }
}

/** The statistics statement for a jurisdiction, a period and an instant (exported so that tests can EXPLAIN it). */
export function boardStatsQuery(scope: AccessScope, input: BoardStatsInput, now: Date): SqlQuery {
  const startsAt = startOfLocalDay(input.from);
  const endsAt = endOfLocalDay(input.to);
  const params = new SqlParams();
  const startP = `${params.p(startsAt)}::timestamptz`;
  const endP = `${params.p(endsAt)}::timestamptz`;
  const nowP = `${params.p(now)}::timestamptz`;
  const group = input.groupBy === 'unit' ? 'u.id' : 'coalesce(u.commune_id, u.province_id)';

  return {
    sql: `WITH su AS (
         SELECT u.id, u.commune_id, ${group} AS group_id FROM units u WHERE ${scopeSql(scope, 'u', params)}
       ),
       received AS (
         SELECT su.group_id, count(*)::int AS received
           FROM petitions p JOIN su ON su.id = p.owning_unit_id
          WHERE p.created_at >= ${startP} AND p.created_at < ${endP}
          GROUP BY su.group_id
       ),
       resolved AS (
         -- ps finds the scope's petitions from the index alone (petitions_owning_unit_id); p then reads only the
         -- few that were resolved in the period. The planner may as well start from petition_clocks_resolution_met.
         SELECT su.group_id,
                count(DISTINCT p.id)::int AS resolved,
                -- Late when any resolution clock of the case (an earlier one, or one after a reopen) was met after
                -- its due instant or ever breached, a breach inside a recorded pause excepted (clockWasLate).
                count(DISTINCT p.id) FILTER (WHERE NOT EXISTS (
                  SELECT 1 FROM petition_clocks rc
                   WHERE rc.petition_id = p.id AND rc.kind = 'resolution'
                     AND ((rc.status = 'met' AND rc.due_at IS NOT NULL AND rc.met_at > rc.due_at)
                          OR EXISTS (
                            SELECT 1 FROM jsonb_array_elements(rc.breaches) b
                             WHERE NOT EXISTS (
                               SELECT 1 FROM jsonb_array_elements(rc.pauses) q
                                WHERE (q->>'from')::timestamptz <= (b->>'at')::timestamptz
                                  AND (q->>'to' IS NULL OR (b->>'at')::timestamptz < (q->>'to')::timestamptz)))))
                )::int AS on_time,
                count(DISTINCT p.id) FILTER (WHERE su.commune_id IS NOT NULL)::int AS grassroots_n,
                count(DISTINCT p.id) FILTER (
                  WHERE su.commune_id IS NOT NULL
                    AND p.escalation_level = 0
                    AND NOT EXISTS (
                      SELECT 1 FROM petition_events e
                       WHERE e.petition_id = p.id AND e.type IN ('PetitionEscalated', 'PetitionTransferred', 'SecondInstanceRequested'))
                    AND (p.channel <> 'transferred_in' OR EXISTS (
                      SELECT 1 FROM petitions pp JOIN units pu ON pu.id = pp.owning_unit_id
                       WHERE pp.id = p.parent_petition_id AND pu.commune_id IS NOT NULL))
                )::int AS grassroots
           FROM su
           JOIN petitions ps ON ps.owning_unit_id = su.id
           JOIN petition_clocks c ON c.petition_id = ps.id
           JOIN petitions p ON p.id = ps.id
          WHERE c.kind = 'resolution' AND c.status = 'met' AND c.met_at >= ${startP} AND c.met_at < ${endP}
          GROUP BY su.group_id
       ),
       overdue AS (
         SELECT su.group_id, count(DISTINCT p.id)::int AS overdue_now
           FROM petition_clocks c JOIN petitions p ON p.id = c.petition_id JOIN su ON su.id = p.owning_unit_id
          WHERE c.kind = 'resolution' AND c.status IN ('running', 'breached') AND c.due_at <= ${nowP}
          GROUP BY su.group_id
       ),
       flow AS (
         SELECT su.group_id,
                count(DISTINCT e.petition_id) FILTER (WHERE e.type = 'PetitionEscalated')::int AS escalated,
                count(DISTINCT e.petition_id) FILTER (WHERE e.type = 'PetitionTransferred')::int AS transferred_out
           FROM petition_events e JOIN petitions p ON p.id = e.petition_id JOIN su ON su.id = p.owning_unit_id
          WHERE e.type IN ('PetitionEscalated', 'PetitionTransferred') AND e.occurred_at >= ${startP} AND e.occurred_at < ${endP}
          GROUP BY su.group_id
       ),
       groups AS (
         SELECT group_id FROM received UNION SELECT group_id FROM resolved UNION SELECT group_id FROM overdue UNION SELECT group_id FROM flow
       )
       SELECT gu.id, gu.code, gu.name, gu.level,
              coalesce(r.received, 0) AS received,
              coalesce(s.resolved, 0) AS resolved,
              coalesce(s.on_time, 0) AS on_time,
              coalesce(s.grassroots, 0) AS grassroots,
              coalesce(s.grassroots_n, 0) AS grassroots_n,
              coalesce(o.overdue_now, 0) AS overdue_now,
              coalesce(f.escalated, 0) AS escalated,
              coalesce(f.transferred_out, 0) AS transferred_out
         FROM groups g
         JOIN units gu ON gu.id = g.group_id
         LEFT JOIN received r ON r.group_id = g.group_id
         LEFT JOIN resolved s ON s.group_id = g.group_id
         LEFT JOIN overdue o ON o.group_id = g.group_id
         LEFT JOIN flow f ON f.group_id = g.group_id
        ORDER BY gu.code`,
    params: params.values,
  };
}

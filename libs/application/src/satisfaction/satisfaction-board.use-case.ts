import { endOfLocalDay, type LocalDate, type Message, renderMessage, startOfLocalDay } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AccessScope } from '../auth/access-scope.js';
import type { CurrentUser } from '../auth/current-user.js';
import { boardScopeOf, scopeSql, SqlParams, type SqlQuery } from '../board/board-access.js';
import { AppError } from '../shared/app-error.js';

export interface SatisfactionBoardInput {
  /** First day, Vietnam local date, inclusive. */
  readonly from: LocalDate;
  /** Last day, inclusive. */
  readonly to: LocalDate;
}

export interface SatisfactionFigures {
  readonly rated: number;
  readonly satisfied: number;
  /** satisfied / rated; null when nothing was rated (n = 0), so a blank is never read as 0 %. */
  readonly satisfiedShare: number | null;
}

export interface SatisfactionUnitRow extends SatisfactionFigures {
  readonly unit: { readonly id: string; readonly code: string; readonly name: string; readonly level: string };
}

export interface SatisfactionHandlerRow extends SatisfactionFigures {
  /** Null: resolved without an assignee. */
  readonly handler: { readonly id: string; readonly fullName: string } | null;
  readonly unit: { readonly id: string; readonly name: string };
}

export const SATISFACTION_DEFINITION_KEYS = ['period', 'rated', 'satisfied', 'satisfiedShare', 'unit', 'handler'] as const;

export interface SatisfactionBoardView {
  readonly period: { readonly from: LocalDate; readonly to: LocalDate; readonly timeZone: 'Asia/Ho_Chi_Minh'; readonly startsAt: string; readonly endsAt: string };
  readonly units: SatisfactionUnitRow[];
  /** One row per handler and unit (a handler who moved units appears once per unit). */
  readonly handlers: SatisfactionHandlerRow[];
  readonly totals: SatisfactionFigures;
  readonly definitions: Record<(typeof SATISFACTION_DEFINITION_KEYS)[number], Message>;
}

const DEFINITION_MESSAGES = {
  period: 'satisfaction.definition.period',
  rated: 'satisfaction.definition.rated',
  satisfied: 'satisfaction.definition.satisfied',
  satisfiedShare: 'satisfaction.definition.satisfied_share',
  unit: 'satisfaction.definition.unit',
  handler: 'satisfaction.definition.handler',
} as const satisfies Record<(typeof SATISFACTION_DEFINITION_KEYS)[number], string>;

interface Row {
  unit_id: string;
  unit_code: string;
  unit_name: string;
  unit_level: string;
  handler_id: string | null;
  handler_name: string | null;
  rated: number;
  satisfied: number;
}

const figures = (rated: number, satisfied: number): SatisfactionFigures => ({ rated, satisfied, satisfiedShare: rated === 0 ? null : satisfied / rated });

/**
 * Citizens' ratings by unit and by handler over a period of Vietnam local dates, within the caller's board
 * jurisdiction (same readers and scope as the other board views). A rating counts for the unit and handler
 * that gave the rated result (taken when the link was issued), on the day it was given.
 */
@Injectable()
export class SatisfactionBoardUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(user: CurrentUser, input: SatisfactionBoardInput): Promise<SatisfactionBoardView> {
    const scope = boardScopeOf(user);
    if (input.from > input.to) {
      throw new AppError('invalid', 'board.period_invalid', {}, {}, [{ field: 'to', messageKey: 'board.period_invalid' }]);
    }
    const q = satisfactionBoardQuery(scope, input);
    const rows: Row[] = await this.dataSource.manager.query(q.sql, q.params);

    const units = new Map<string, { unit: SatisfactionUnitRow['unit']; rated: number; satisfied: number }>();
    for (const r of rows) {
      const u = units.get(r.unit_id) ?? { unit: { id: r.unit_id, code: r.unit_code, name: r.unit_name, level: r.unit_level }, rated: 0, satisfied: 0 };
      u.rated += r.rated;
      u.satisfied += r.satisfied;
      units.set(r.unit_id, u);
    }
    const rated = rows.reduce((n, r) => n + r.rated, 0);
    const satisfied = rows.reduce((n, r) => n + r.satisfied, 0);
    return {
      period: {
        from: input.from,
        to: input.to,
        timeZone: 'Asia/Ho_Chi_Minh',
        startsAt: startOfLocalDay(input.from).toISOString(),
        endsAt: endOfLocalDay(input.to).toISOString(),
      },
      units: [...units.values()].map((u) => ({ unit: u.unit, ...figures(u.rated, u.satisfied) })),
      handlers: rows.map((r) => ({
        handler: r.handler_id === null ? null : { id: r.handler_id, fullName: r.handler_name ?? '' },
        unit: { id: r.unit_id, name: r.unit_name },
        ...figures(r.rated, r.satisfied),
      })),
      totals: figures(rated, satisfied),
      definitions: Object.fromEntries(SATISFACTION_DEFINITION_KEYS.map((k) => [k, renderMessage(DEFINITION_MESSAGES[k])])) as SatisfactionBoardView['definitions'],
    };
  }
}

/** One row per (unit, handler) with ratings in the period, ordered by unit code then handler name. */
export function satisfactionBoardQuery(scope: AccessScope, input: SatisfactionBoardInput): SqlQuery {
  const params = new SqlParams();
  const start = `${params.p(startOfLocalDay(input.from))}::timestamptz`;
  const end = `${params.p(endOfLocalDay(input.to))}::timestamptz`;
  return {
    sql: `SELECT u.id AS unit_id, u.code AS unit_code, u.name AS unit_name, u.level AS unit_level,
                 r.handler_id, h.full_name AS handler_name,
                 count(*)::int AS rated, count(*) FILTER (WHERE r.satisfied)::int AS satisfied
            FROM satisfaction_ratings r
            JOIN units u ON u.id = r.unit_id
            LEFT JOIN users h ON h.id = r.handler_id
           WHERE ${scopeSql(scope, 'u', params)} AND r.rated_at >= ${start} AND r.rated_at < ${end}
           GROUP BY u.id, u.code, u.name, u.level, r.handler_id, h.full_name
           ORDER BY u.code, h.full_name NULLS LAST, r.handler_id`,
    params: params.values,
  };
}

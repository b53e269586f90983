import { type Clock, localDaysBetween, toLocalDate } from '@app/domain';
import { UnitEntity } from '@app/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { unitInScope } from '../auth/access-scope.js';
import type { CurrentUser } from '../auth/current-user.js';
import { AppError } from '../shared/app-error.js';
import { CLOCK } from '../shared/clock.provider.js';
import { boardScopeOf, scopeSql, SqlParams } from './board-access.js';

export interface OverdueCommitmentsFilter {
  /** The owner unit, or any unit under it; must be in scope. */
  readonly unitId?: string;
  readonly page: number;
  readonly pageSize: number;
}

export interface OverdueCommitmentItem {
  readonly id: string;
  readonly title: string;
  /** `overdue` once its clock fired; open or in progress while the breach is still being processed. */
  readonly status: string;
  readonly dueDate: string;
  /** Whole local days past the due date. */
  readonly daysOverdue: number;
  readonly ownerUnit: { readonly id: string; readonly name: string };
  readonly ownerPerson: string | null;
  readonly dialogue: { readonly id: string; readonly kind: string; readonly heldAt: string | null };
  /** The due instant of its clock (the due date's end, rolled past days off), when it has one. */
  readonly clockDueAt: string | null;
}

export interface OverdueCommitmentsView {
  readonly asOf: string;
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  readonly items: OverdueCommitmentItem[];
}

interface Row {
  id: string;
  title: string;
  status: string;
  due_date: string;
  owner_unit_id: string;
  owner_unit_name: string;
  owner_person: string | null;
  dialogue_id: string;
  dialogue_kind: string;
  held_at: Date | null;
  clock_due_at: Date | null;
}

/**
 * Commitments made at dialogues and not kept in time, in the caller's jurisdiction, oldest due date first: the
 * ones marked overdue by their clock and the open ones whose due date is already over (the same rule that
 * carries them into the next conference's agenda).
 */
@Injectable()
export class OverdueCommitmentsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(user: CurrentUser, filter: OverdueCommitmentsFilter): Promise<OverdueCommitmentsView> {
    const scope = boardScopeOf(user);
    const now = this.clock.now();
    const today = toLocalDate(now);
    if (filter.unitId !== undefined) {
      const unit = await this.dataSource.manager.findOne(UnitEntity, { where: { id: filter.unitId } });
      if (unit === null || !unitInScope(scope, unit)) {
        throw new AppError('unprocessable', 'petition.unit_invalid', {}, {}, [{ field: 'unitId', messageKey: 'petition.unit_invalid' }]);
      }
    }
    const params = new SqlParams();
    const where = [
      scopeSql(scope, 'u', params),
      `(k.status = 'overdue' OR (k.status IN ('open', 'in_progress') AND k.due_date < ${params.p(today)}::date))`,
    ];
    if (filter.unitId !== undefined) {
      const unitP = params.p(filter.unitId);
      where.push(`(u.id = ${unitP} OR u.commune_id = ${unitP} OR u.province_id = ${unitP})`);
    }
    const from = `FROM commitments k JOIN units u ON u.id = k.owner_unit_id JOIN dialogues d ON d.id = k.dialogue_id WHERE ${where.join(' AND ')}`;
    const em = this.dataSource.manager;
    const [{ total }]: { total: number }[] = await em.query(`SELECT count(*)::int AS total ${from}`, [...params.values]);
    const rows: Row[] = await em.query(
      `SELECT k.id, k.title, k.status, to_char(k.due_date, 'YYYY-MM-DD') AS due_date, u.id AS owner_unit_id, u.name AS owner_unit_name,
              k.owner_person, d.id AS dialogue_id, d.kind AS dialogue_kind, d.held_at,
              (SELECT c.due_at FROM petition_clocks c WHERE c.commitment_id = k.id ORDER BY c.started_at LIMIT 1) AS clock_due_at
         ${from}
        ORDER BY k.due_date, k.id
        LIMIT ${params.p(filter.pageSize)} OFFSET ${params.p((filter.page - 1) * filter.pageSize)}`,
      params.values,
    );
    return {
      asOf: now.toISOString(),
      total,
      page: filter.page,
      pageSize: filter.pageSize,
      items: rows.map((r) => ({
        id: r.id,
        title: r.title,
        status: r.status,
        dueDate: r.due_date,
        daysOverdue: Math.max(0, localDaysBetween(r.due_date, today)),
        ownerUnit: { id: r.owner_unit_id, name: r.owner_unit_name },
        ownerPerson: r.owner_person,
        dialogue: { id: r.dialogue_id, kind: r.dialogue_kind, heldAt: r.held_at ? new Date(r.held_at).toISOString() : null },
        clockDueAt: r.clock_due_at ? new Date(r.clock_due_at).toISOString() : null,
      })),
    };
  }
}

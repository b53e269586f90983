import {
  type Clock,
  type DeadlinePolicy,
  LABELS,
  policyProblems,
  repinClock,
  toLocalDate,
} from '@app/domain';
import { UnitEntity } from '@app/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CurrentUser } from '../auth/current-user.js';
import { AppError } from '../shared/app-error.js';
import { CLOCK } from '../shared/clock.provider.js';
import { type ClockDiff, recomputeOpenClocks } from './clock-recompute.js';
import { requireAdmin } from './deadline-command.js';
import { loadCalendar, loadPolicies } from './deadline-sources.js';

/** What an administrator publishes; the version and the end of validity are the system's to set. */
export type NewDeadlinePolicy = Omit<DeadlinePolicy, 'version' | 'effectiveTo'>;

export interface DeadlinePolicyView extends DeadlinePolicy {
  readonly publishedBy: string | null;
  readonly publishedAt: string;
  /** In force today (the version a clock starting now is pinned to). */
  readonly inForce: boolean;
}

export interface RecomputeInput {
  readonly scope: { readonly unitId?: string; readonly ruleId?: string };
  readonly dryRun: boolean;
}

export interface RecomputeResult {
  readonly version: number;
  readonly dryRun: boolean;
  readonly scope: { readonly unitId: string | null; readonly ruleId: string | null };
  readonly changed: number;
  readonly diff: ClockDiff[];
}

/**
 * Versioned deadline policies (DOMAIN.md §2, §4.4 as data). A published version is immutable; it applies to
 * clocks started from its effective date on. Open clocks move to another version only by an explicit, scoped
 * recompute (dry run first).
 */
@Injectable()
export class DeadlinePolicyAdminUseCase {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(user: CurrentUser): Promise<DeadlinePolicyView[]> {
    requireAdmin(user);
    return this.views();
  }

  async publish(user: CurrentUser, input: NewDeadlinePolicy): Promise<DeadlinePolicyView> {
    requireAdmin(user);
    const today = toLocalDate(this.clock.now());
    if (input.effectiveFrom < today) {
      throw new AppError('invalid', 'error.validation', {}, {}, [{ field: 'effectiveFrom', messageKey: 'deadline.effective_from_past', params: { today } }]);
    }
    const problems = policyProblems(input);
    if (problems.length > 0) throw new AppError('invalid', 'error.validation', {}, {}, problems);

    const version = await this.dataSource.transaction(async (em) => {
      // Publications are rare and must not interleave (max + 1, and closing the open-ended version).
      await em.query('LOCK TABLE deadline_policies IN EXCLUSIVE MODE');
      const [latest]: { version: number; effective_from: string }[] = await em.query(
        `SELECT version, to_char(effective_from, 'YYYY-MM-DD') AS effective_from FROM deadline_policies ORDER BY effective_from DESC, version DESC LIMIT 1`,
      );
      if (latest && input.effectiveFrom <= latest.effective_from) {
        throw new AppError(
          'conflict',
          'deadline.effective_from_not_after_current',
          { version: latest.version, from: latest.effective_from },
          { currentVersion: latest.version, currentEffectiveFrom: latest.effective_from },
        );
      }
      const [{ next }]: { next: number }[] = await em.query(`SELECT coalesce(max(version), 0) + 1 AS next FROM deadline_policies`);
      await em.query(`UPDATE deadline_policies SET effective_to = $1 WHERE effective_to IS NULL`, [input.effectiveFrom]);
      const body: DeadlinePolicy = JSON.parse(JSON.stringify({ ...input, version: next, effectiveTo: null })) as DeadlinePolicy;
      await em.query(
        `INSERT INTO deadline_policies (version, effective_from, effective_to, legal_reference, body, published_by, published_at)
         VALUES ($1, $2, NULL, $3, $4, $5, $6)`,
        [next, input.effectiveFrom, input.legalReference, JSON.stringify(body), user.id, this.clock.now()],
      );
      return next;
    });
    return (await this.views()).find((v) => v.version === version)!;
  }

  async recompute(user: CurrentUser, version: number, input: RecomputeInput): Promise<RecomputeResult> {
    requireAdmin(user);
    const em = this.dataSource.manager;
    const target = (await loadPolicies(em)).find((p) => p.version === version);
    if (!target) throw new AppError('not-found', 'error.not_found', { what: LABELS.entity.deadlinePolicy });
    const unit = input.scope.unitId ? await em.findOne(UnitEntity, { where: { id: input.scope.unitId } }) : null;
    if (input.scope.unitId && !unit) {
      throw new AppError('unprocessable', 'petition.unit_invalid', {}, {}, [{ field: 'scope.unitId', messageKey: 'petition.unit_invalid' }]);
    }
    if (input.scope.ruleId && !target.rules.some((r) => r.ruleId === input.scope.ruleId)) {
      throw new AppError('unprocessable', 'deadline.rule_not_in_policy', { version, rule: input.scope.ruleId }, {}, [
        { field: 'scope.ruleId', messageKey: 'deadline.rule_not_in_policy', params: { version, rule: input.scope.ruleId } },
      ]);
    }
    const now = this.clock.now();
    const diff = await recomputeOpenClocks(this.dataSource, {
      scope: {
        unit: unit ? { id: unit.id, level: unit.level } : undefined,
        ruleIds: input.scope.ruleId ? [input.scope.ruleId] : target.rules.map((r) => r.ruleId),
      },
      dryRun: input.dryRun,
      now,
      context: async (tx) => ({ policies: await loadPolicies(tx), calendar: await loadCalendar(tx, now) }),
      transform: (clock, facts, ctx) => {
        const rule = ctx.policies.find((p) => p.version === version)?.rules.find((r) => r.ruleId === clock.ruleId);
        return rule ? repinClock(clock, rule, version, facts.flags, ctx.calendar, now) : clock;
      },
    });
    return {
      version,
      dryRun: input.dryRun,
      scope: { unitId: input.scope.unitId ?? null, ruleId: input.scope.ruleId ?? null },
      changed: diff.length,
      diff,
    };
  }

  private async views(): Promise<DeadlinePolicyView[]> {
    const em = this.dataSource.manager;
    const policies = await loadPolicies(em);
    const meta: { version: number; published_by: string | null; published_at: Date }[] = await em.query(
      `SELECT version, published_by, published_at FROM deadline_policies`,
    );
    const byVersion = new Map(meta.map((m) => [m.version, m]));
    const today = toLocalDate(this.clock.now());
    return policies.map((p) => ({
      ...p,
      publishedBy: byVersion.get(p.version)?.published_by ?? null,
      publishedAt: new Date(byVersion.get(p.version)!.published_at).toISOString(),
      inForce: p.effectiveFrom <= today && (p.effectiveTo === null || today < p.effectiveTo),
    }));
  }
}

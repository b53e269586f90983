import {
  type CaseFlags,
  type DeadlinePolicy,
  planLadder,
  type PetitionClock,
  type LocalDate,
  startOfLocalDay,
  type WorkingCalendar,
} from '@app/domain';
import { type ClockRow, clockStore, toPetitionClock } from '@app/persistence';
import type { DataSource, EntityManager } from 'typeorm';

/** One open clock whose due instant (or pinned policy) a recompute changes, or would change in a dry run. */
export interface ClockDiff {
  readonly petitionId: string;
  readonly trackingCode: string;
  readonly clockId: string;
  readonly ruleId: string;
  readonly fromVersion: number;
  readonly toVersion: number;
  readonly oldDueAt: string | null;
  readonly newDueAt: string | null;
}

/** Which open clocks a recompute looks at. */
export interface OpenClockScope {
  /** Clocks of petitions owned in this unit's subtree (a province: all of it; a commune: it and its offices). */
  readonly unit?: { readonly id: string; readonly level: string };
  readonly ruleIds?: readonly string[];
  /** Only clocks whose counted span could contain this day (a calendar edit cannot move the others). */
  readonly spanContains?: LocalDate;
}

/** What the rules need to know about a clock's petition. */
export interface OpenClockFacts {
  readonly trackingCode: string;
  readonly flags: CaseFlags;
  readonly earlyEscalation: boolean;
}

export interface RecomputeContext {
  readonly policies: readonly DeadlinePolicy[];
  readonly calendar: WorkingCalendar;
}

export interface RecomputeOptions {
  readonly scope: OpenClockScope;
  readonly dryRun: boolean;
  readonly now: Date;
  /** Petitions per batch (each batch is one short transaction). */
  readonly batchSize?: number;
  /** Read inside each batch's transaction, so every batch sees committed policies and calendar entries. */
  readonly context: (em: EntityManager) => Promise<RecomputeContext>;
  /** The clock after the change: the same object when nothing changes (that is what makes a rerun a no-op). */
  readonly transform: (clock: PetitionClock, facts: OpenClockFacts, ctx: RecomputeContext) => PetitionClock;
}

type BatchRow = ClockRow & { tracking_code: string; p_complex: boolean; p_prolonged: boolean; co_count: number; remote: boolean };

function scopeSql(scope: OpenClockScope, params: unknown[]): string {
  const where: string[] = [`c.status IN ('running', 'paused', 'breached')`];
  if (scope.unit) {
    params.push(scope.unit.id);
    const column = scope.unit.level === 'province' ? 'u.province_id' : scope.unit.level === 'commune' ? 'u.commune_id' : 'u.id';
    where.push(`${column} = $${params.length}`);
  }
  if (scope.ruleIds) {
    params.push(scope.ruleIds);
    where.push(`c.rule_id = ANY($${params.length}::text[])`);
  }
  if (scope.spanContains) {
    // startDay < day ≤ lastDay, i.e. started before the day began and due (24:00 of the last day) after it began.
    params.push(startOfLocalDay(scope.spanContains));
    where.push(`c.started_at < $${params.length} AND (c.due_at IS NULL OR c.due_at > $${params.length})`);
  }
  return where.join(' AND ');
}

const FROM = `petition_clocks c JOIN petitions p ON p.id = c.petition_id JOIN units u ON u.id = p.owning_unit_id LEFT JOIN units cu ON cu.id = u.commune_id`;

/**
 * Recomputes open clocks in batches of petitions (keyset on petition id, one short transaction per batch, clocks
 * locked in the same order as the workflow locks them), storing changed clocks and their unfired thresholds in a
 * few statements per batch. A dry run reads in read-only transactions and writes nothing. Returns every change.
 */
export async function recomputeOpenClocks(dataSource: DataSource, opts: RecomputeOptions): Promise<ClockDiff[]> {
  const batchSize = opts.batchSize ?? 500;
  const diffs: ClockDiff[] = [];
  let after: string | null = null;
  for (;;) {
    const cursor: string | null = after;
    const batch = await retryOnDeadlock(() => dataSource.transaction(async (em): Promise<{ seen: string[]; batchDiffs: ClockDiff[] }> => {
      if (opts.dryRun) await em.query('SET TRANSACTION READ ONLY');
      const params: unknown[] = [];
      const where = scopeSql(opts.scope, params);
      params.push(cursor, batchSize);
      const ids: { petition_id: string }[] = await em.query(
        `SELECT DISTINCT c.petition_id FROM ${FROM}
          WHERE ${where} AND ($${params.length - 1}::uuid IS NULL OR c.petition_id > $${params.length - 1}::uuid)
          ORDER BY c.petition_id LIMIT $${params.length}`,
        params,
      );
      if (ids.length === 0) return { seen: [], batchDiffs: [] };
      const rowParams: unknown[] = [];
      const rowWhere = scopeSql(opts.scope, rowParams);
      rowParams.push(ids.map((r) => r.petition_id));
      const rows: BatchRow[] = await em.query(
        `SELECT c.*, p.tracking_code, p.complex AS p_complex, p.prolonged AS p_prolonged,
                jsonb_array_length(p.co_petitioners) AS co_count, (u.remote_area OR coalesce(cu.remote_area, false)) AS remote
           FROM ${FROM}
          WHERE ${rowWhere} AND c.petition_id = ANY($${rowParams.length}::uuid[])
          ORDER BY c.petition_id, c.started_at, c.rule_id
          ${opts.dryRun ? '' : 'FOR NO KEY UPDATE OF c'}`,
        rowParams,
      );
      const ctx = await opts.context(em);
      const groupSize = ctx.policies[ctx.policies.length - 1]?.earlyEscalation.groupSize ?? Number.POSITIVE_INFINITY;
      const changed: { clock: PetitionClock; facts: OpenClockFacts }[] = [];
      const batchDiffs: ClockDiff[] = [];
      for (const row of rows) {
        const clock = toPetitionClock(row);
        const facts: OpenClockFacts = {
          trackingCode: row.tracking_code,
          flags: { complex: row.p_complex, remoteArea: row.remote },
          earlyEscalation: Number(row.co_count) + 1 >= groupSize || row.p_prolonged || row.p_complex,
        };
        const next = opts.transform(clock, facts, ctx);
        if (next === clock) continue;
        changed.push({ clock: next, facts });
        batchDiffs.push({
          petitionId: clock.petitionId,
          trackingCode: facts.trackingCode,
          clockId: clock.id,
          ruleId: clock.ruleId,
          fromVersion: clock.policyVersion,
          toVersion: next.policyVersion,
          oldDueAt: clock.dueAt,
          newDueAt: next.dueAt,
        });
      }
      if (!opts.dryRun && changed.length > 0) await storeRecomputed(em, changed, ctx, opts.now);
      return { seen: ids.map((r) => r.petition_id), batchDiffs };
    }));
    // Only once the batch committed (a retried batch reports its changes once).
    diffs.push(...batch.batchDiffs);
    if (batch.seen.length < batchSize) return diffs;
    after = batch.seen[batch.seen.length - 1]!;
  }
}

/**
 * A batch locks many clocks; the threshold firing locks thresholds, then clocks. Postgres breaks the rare cycle
 * by aborting one side: this side then runs its (idempotent) batch again.
 */
async function retryOnDeadlock<T>(run: () => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await run();
    } catch (e) {
      const err = e as { code?: string; driverError?: { code?: string } };
      const code = err.code ?? err.driverError?.code;
      if (i >= attempts || (code !== '40P01' && code !== '40001')) throw e;
    }
  }
}

/** Saves the clocks in one statement and re-plans their unfired thresholds in two. */
async function storeRecomputed(em: EntityManager, changed: readonly { clock: PetitionClock; facts: OpenClockFacts }[], ctx: RecomputeContext, now: Date) {
  await clockStore.save(
    em,
    changed.map((c) => c.clock),
    now,
  );
  const existing = await clockStore.thresholds(
    em,
    changed.map((c) => c.clock.id),
  );
  const byClock = new Map<string, typeof existing>();
  for (const t of existing) byClock.set(t.clockId, [...(byClock.get(t.clockId) ?? []), t]);
  const items = changed.flatMap(({ clock, facts }) => {
    const policy = ctx.policies.find((p) => p.version === clock.policyVersion);
    if (!policy) return [];
    const escalates = policy.rules.find((r) => r.ruleId === clock.ruleId)?.escalates;
    const plans = planLadder(clock, policy, byClock.get(clock.id) ?? [], { calendar: ctx.calendar, now, earlyEscalation: facts.earlyEscalation, escalates });
    return [{ clock, plans }];
  });
  await clockStore.syncThresholdsMany(em, items);
}

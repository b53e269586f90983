import type { EntityManager } from 'typeorm';

/**
 * The distinct instants at which unfired thresholds come due within the horizon. Wake-ups are made only
 * for these (one job per instant, whatever the number of thresholds), so Redis holds minutes of timers,
 * not the whole future: a million open clocks cost a handful of jobs.
 */
export async function upcomingDueInstants(em: EntityManager, now: Date, horizonMs: number, limit = 10_000): Promise<Date[]> {
  const rows: { due_at: Date }[] = await em.query(
    `SELECT DISTINCT due_at FROM clock_thresholds
      WHERE fired_at IS NULL AND due_at > $1 AND due_at <= $2
      ORDER BY due_at
      LIMIT $3`,
    [now, new Date(now.getTime() + horizonMs), limit],
  );
  return rows.map((r) => new Date(r.due_at));
}

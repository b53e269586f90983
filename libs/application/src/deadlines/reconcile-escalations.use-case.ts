import { type Clock } from '@app/domain';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { writeOutbox } from '../petitions/petition-writer.js';
import { thresholdActionMessage } from './fire-due-thresholds.use-case.js';
import { CLOCK } from '../shared/clock.provider.js';

/**
 * Re-issues escalations of fired thresholds that no consumer has handled: their jobs were published, then the
 * queue lost them (Redis wiped or evicted). Through the outbox like the first time; the consumer is idempotent,
 * so a job that was merely slow costs a no-op. `minAgeMs` keeps in-flight work from being re-issued in steady
 * state; at worker start it is 0, since whatever Redis held may be gone.
 */
@Injectable()
export class ReconcileEscalationsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(minAgeMs: number, limit = 5000): Promise<number> {
    const now = this.clock.now();
    const cutoff = new Date(now.getTime() - minAgeMs);
    return this.dataSource.transaction(async (em) => {
      const rows: { id: string; petition_id: string | null; commitment_id: string | null }[] = await em.query(
        `WITH pending AS (
           SELECT id FROM clock_thresholds
            WHERE fired_at IS NOT NULL AND handled_at IS NULL AND (escalate OR inform_citizen)
              AND fired_at <= $1 AND (requeued_at IS NULL OR requeued_at <= $1)
            ORDER BY fired_at
            LIMIT $3
            FOR UPDATE SKIP LOCKED
         ), marked AS (
           UPDATE clock_thresholds t SET requeued_at = $2 FROM pending WHERE t.id = pending.id
           RETURNING t.id, t.petition_id, t.commitment_id
         )
         -- A SELECT at the top: TypeORM returns [rows, count] for a top-level UPDATE ... RETURNING.
         SELECT id::text, petition_id, commitment_id FROM marked`,
        [cutoff, now, limit],
      );
      await writeOutbox(em, rows.map((r) => thresholdActionMessage(r)));
      return rows.length;
    });
  }
}

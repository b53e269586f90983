import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A fired threshold that asks for escalation is "handled" once the escalation consumer has run for it.
 * Until then the worker may re-issue it through the outbox: a queue wiped after publishing loses nothing.
 */
export class EscalationHandling1764100000000 implements MigrationInterface {
  name = 'EscalationHandling1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE clock_thresholds ADD COLUMN handled_at timestamptz, ADD COLUMN requeued_at timestamptz`);
    await q.query(
      `CREATE INDEX clock_thresholds_unhandled ON clock_thresholds (fired_at)
        WHERE fired_at IS NOT NULL AND handled_at IS NULL AND (escalate OR inform_citizen)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS clock_thresholds_unhandled`);
    await q.query(`ALTER TABLE clock_thresholds DROP COLUMN handled_at, DROP COLUMN requeued_at`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Numbers the board can trust (issue 7 §7). A clock keeps every breach it ever had (`breaches`): an extension, a
 * flag or a recompute that moves the due instant back ahead lifts the current breach but not the record of it.
 * Clocks breached before this migration get their current breach as their history.
 *
 * A rule's clock may start again (a reopened feedback or recommendation gets the resolution period anew): a
 * petition may now hold several clocks of one rule, one per start, and at most one of them open.
 *
 * A commitment done after its due date keeps that fact (`completed_late`, `completed_days_overdue`, in calendar
 * days like its clock), taken for past completions from their CommitmentDone event and closing day.
 *
 * The daily digest now names its subjects ({subjects}); digests stored before only counted petitions, and say so.
 *
 * A petition records the day its letter arrived (`received_on`, postmark or desk receipt), which may precede its
 * entry; petitions entered before this migration arrived, as far as anyone knows, the day they were entered.
 */
export class TrustworthyNumbers1764307000000 implements MigrationInterface {
  name = 'TrustworthyNumbers1764307000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE petition_clocks ADD COLUMN breaches jsonb NOT NULL DEFAULT '[]'::jsonb`);
    await q.query(`
      UPDATE petition_clocks
         SET breaches = jsonb_build_array(jsonb_build_object('at', breached_at, 'liftedAt', NULL, 'liftedBy', NULL))
       WHERE breached_at IS NOT NULL`);
    await q.query(`ALTER TABLE petition_clocks DROP CONSTRAINT petition_clocks_petition_id_rule_id_key`);
    await q.query(`CREATE UNIQUE INDEX petition_clocks_petition_rule_start ON petition_clocks (petition_id, rule_id, started_at) WHERE petition_id IS NOT NULL`);
    await q.query(
      `CREATE UNIQUE INDEX petition_clocks_petition_rule_open ON petition_clocks (petition_id, rule_id)
        WHERE petition_id IS NOT NULL AND status IN ('running', 'paused', 'breached')`,
    );
    await q.query(`ALTER TABLE commitments ADD COLUMN completed_late boolean, ADD COLUMN completed_days_overdue int CHECK (completed_days_overdue >= 0)`);
    await q.query(`
      UPDATE commitments c
         SET completed_late = (e.payload->>'late')::boolean,
             completed_days_overdue = CASE WHEN (e.payload->>'late')::boolean
                                           THEN greatest(0, (c.closed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date - c.due_date) ELSE 0 END
        FROM commitment_events e
       WHERE e.commitment_id = c.id AND e.type = 'CommitmentDone' AND c.status = 'done'`);
    await q.query(`
      UPDATE notifications
         SET params = params || jsonb_build_object('subjects', jsonb_build_object(
               'vi', (params->>'petitions') || ' đơn',
               'en', (params->>'petitions') || CASE WHEN params->>'petitions' = '1' THEN ' petition' ELSE ' petitions' END))
       WHERE kind = 'deadline.digest' AND NOT params ? 'subjects'`);
    await q.query(`ALTER TABLE petitions ADD COLUMN received_on date`);
    await q.query(`UPDATE petitions SET received_on = (created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE petitions DROP COLUMN received_on`);
    await q.query(`ALTER TABLE commitments DROP COLUMN completed_late, DROP COLUMN completed_days_overdue`);
    // Restarted clocks cannot be kept under one-clock-per-rule: the latest start of each rule stays.
    await q.query(`
      DELETE FROM clock_thresholds t USING petition_clocks c
       WHERE t.clock_id = c.id AND EXISTS (
         SELECT 1 FROM petition_clocks l WHERE l.petition_id = c.petition_id AND l.rule_id = c.rule_id AND l.started_at > c.started_at)`);
    await q.query(`
      DELETE FROM petition_clocks c
       WHERE EXISTS (SELECT 1 FROM petition_clocks l WHERE l.petition_id = c.petition_id AND l.rule_id = c.rule_id AND l.started_at > c.started_at)`);
    await q.query(`DROP INDEX petition_clocks_petition_rule_open`);
    await q.query(`DROP INDEX petition_clocks_petition_rule_start`);
    await q.query(`ALTER TABLE petition_clocks ADD CONSTRAINT petition_clocks_petition_id_rule_id_key UNIQUE (petition_id, rule_id)`);
    await q.query(`ALTER TABLE petition_clocks DROP COLUMN breaches`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One deadline engine for petitions, commitments and dialogue results (issue 4): a clock and its thresholds
 * belong to exactly one subject. The tables keep their names (every petition query and index uses them);
 * a commitment's due date and a conference's results publication (G4) are rows here like any statutory clock,
 * so firing, wake-ups, the sweeper and the test clock cover them with no second mechanism.
 */
export class SubjectClocks1764240000000 implements MigrationInterface {
  name = 'SubjectClocks1764240000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE petition_clocks
        ALTER COLUMN petition_id DROP NOT NULL,
        ADD COLUMN commitment_id uuid REFERENCES commitments(id),
        ADD COLUMN dialogue_id uuid REFERENCES dialogues(id),
        ADD CONSTRAINT petition_clocks_one_subject CHECK (num_nonnulls(petition_id, commitment_id, dialogue_id) = 1),
        DROP CONSTRAINT petition_clocks_kind_check,
        ADD CONSTRAINT petition_clocks_kind_check
            CHECK (kind IN ('processing', 'acceptance', 'resolution', 'notice', 'party_reply', 'commitment', 'results_publication')),
        -- A commitment may be due the day it is made: a period of zero days.
        DROP CONSTRAINT petition_clocks_days_check,
        ADD CONSTRAINT petition_clocks_days_check CHECK (days > 0 OR (days = 0 AND commitment_id IS NOT NULL))`);
    await q.query(`CREATE UNIQUE INDEX petition_clocks_commitment_rule ON petition_clocks (commitment_id, rule_id) WHERE commitment_id IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX petition_clocks_dialogue_rule ON petition_clocks (dialogue_id, rule_id) WHERE dialogue_id IS NOT NULL`);
    await q.query(`
      ALTER TABLE clock_thresholds
        ALTER COLUMN petition_id DROP NOT NULL,
        ADD COLUMN commitment_id uuid REFERENCES commitments(id),
        ADD COLUMN dialogue_id uuid REFERENCES dialogues(id),
        ADD CONSTRAINT clock_thresholds_one_subject CHECK (num_nonnulls(petition_id, commitment_id, dialogue_id) = 1)`);
    // Alerts name what they are about; a commitment or dialogue alert has no petition.
    await q.query(`
      ALTER TABLE notifications
        ADD COLUMN commitment_id uuid REFERENCES commitments(id),
        ADD COLUMN dialogue_id uuid REFERENCES dialogues(id)`);
    await q.query(`CREATE INDEX notifications_commitment ON notifications (commitment_id) WHERE commitment_id IS NOT NULL`);
    await q.query(`CREATE INDEX notifications_dialogue ON notifications (dialogue_id) WHERE dialogue_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notifications WHERE petition_id IS NULL AND (commitment_id IS NOT NULL OR dialogue_id IS NOT NULL)`);
    await q.query(`ALTER TABLE notifications DROP COLUMN commitment_id, DROP COLUMN dialogue_id`);
    await q.query(`DELETE FROM clock_thresholds WHERE petition_id IS NULL`);
    await q.query(`ALTER TABLE clock_thresholds DROP CONSTRAINT clock_thresholds_one_subject, DROP COLUMN commitment_id, DROP COLUMN dialogue_id`);
    await q.query(`ALTER TABLE clock_thresholds ALTER COLUMN petition_id SET NOT NULL`);
    await q.query(`DELETE FROM petition_clocks WHERE petition_id IS NULL`);
    await q.query(`
      ALTER TABLE petition_clocks
        DROP CONSTRAINT petition_clocks_one_subject,
        DROP CONSTRAINT petition_clocks_days_check,
        ADD CONSTRAINT petition_clocks_days_check CHECK (days > 0),
        DROP CONSTRAINT petition_clocks_kind_check,
        ADD CONSTRAINT petition_clocks_kind_check CHECK (kind IN ('processing', 'acceptance', 'resolution', 'notice', 'party_reply')),
        DROP COLUMN commitment_id,
        DROP COLUMN dialogue_id`);
    await q.query(`ALTER TABLE petition_clocks ALTER COLUMN petition_id SET NOT NULL`);
  }
}

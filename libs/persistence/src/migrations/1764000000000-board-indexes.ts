import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the board (issue 3): GET /api/board/overdue and GET /api/board/stats. Both are asked per
 * jurisdiction (a commune, a province) or per period; without these, they read every petition, clock or event.
 */
export class BoardIndexes1764000000000 implements MigrationInterface {
  name = 'BoardIndexes1764000000000';

  async up(q: QueryRunner): Promise<void> {
    // A jurisdiction's petitions from the index alone (index-only scan), to reach their clocks and events.
    await q.query(`CREATE INDEX petitions_owning_unit_id ON petitions (owning_unit_id, id)`);
    // The open (listed) clocks of given petitions; small, since most clocks are met or cancelled. The included
    // columns decide overdue / near breach without reading the row.
    await q.query(
      `CREATE INDEX petition_clocks_open_petition ON petition_clocks (petition_id) INCLUDE (due_at, started_at)
        WHERE status IN ('running', 'breached') AND due_at IS NOT NULL`,
    );
    // Resolution clocks met in a period (resolved, on time, grassroots rate).
    await q.query(`CREATE INDEX petition_clocks_resolution_met ON petition_clocks (met_at) WHERE kind = 'resolution' AND status = 'met'`);
    // Oversight escalations and transfers in a period; the other event types are never read by time.
    await q.query(
      `CREATE INDEX petition_events_board ON petition_events (type, occurred_at) WHERE type IN ('PetitionEscalated', 'PetitionTransferred')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of ['petition_events_board', 'petition_clocks_resolution_met', 'petition_clocks_open_petition', 'petitions_owning_unit_id']) {
      await q.query(`DROP INDEX IF EXISTS ${index}`);
    }
  }
}

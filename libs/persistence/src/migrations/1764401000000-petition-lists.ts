import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reception log (GET /api/petitions?receivedFrom=&receivedTo=): petitions by the day their letter arrived,
 * in that order, without reading every petition. The inbox's time-left order needs no new index: it reads the
 * running clocks' due instants from petition_clocks_open_petition.
 */
export class PetitionLists1764401000000 implements MigrationInterface {
  name = 'PetitionLists1764401000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX petitions_received ON petitions (received_on, created_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS petitions_received`);
  }
}

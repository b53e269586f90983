import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Citizen-reception days of heads (DOMAIN.md R1, R2, R4) and the petitions taken at them (issue 4). */
export class ReceptionDays1764210000000 implements MigrationInterface {
  name = 'ReceptionDays1764210000000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}

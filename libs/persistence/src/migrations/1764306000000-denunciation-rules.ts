import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Denunciation rules (issue 7 §6): a case may be recorded particularly complex (LTC Art 30(3): two extensions;
 * always also complex), and a denunciation may arrive with no name (LTC Art 25(2)). Only denunciations may be
 * anonymous: a complaint must carry the complainant's name (LKN Art 8).
 */
export class DenunciationRules1764306000000 implements MigrationInterface {
  name = 'DenunciationRules1764306000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE petitions
        ADD COLUMN particularly_complex boolean NOT NULL DEFAULT false,
        ADD COLUMN anonymous boolean NOT NULL DEFAULT false,
        ADD CONSTRAINT petitions_particularly_complex_is_complex CHECK (NOT particularly_complex OR complex),
        ADD CONSTRAINT petitions_anonymous_denunciation CHECK (NOT anonymous OR kind = 'denunciation')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE petitions
        DROP CONSTRAINT petitions_anonymous_denunciation,
        DROP CONSTRAINT petitions_particularly_complex_is_complex,
        DROP COLUMN anonymous,
        DROP COLUMN particularly_complex`);
  }
}

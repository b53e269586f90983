import { KNOWN_CALENDAR_FACTS, KNOWN_CIVIL_SERVICE_ENTRIES } from '@app/domain';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The calendar's yearly announcements (issue 7 §4): which year's Tết span, second National Day and swaps are
 * confirmed, by which notice. Days in lieu are now derived (BLLĐ 2019 Art 111(3)), so the hand-typed Hùng Kings
 * day in lieu seeded in 1763900000000 is removed when it is exactly what the rule derives; any other entry an
 * administrator made stays and keeps precedence. The 2026 notices' days are added unless the date already has
 * an entry (an administrator's entry wins).
 */
export class CalendarFacts1764304000000 implements MigrationInterface {
  name = 'CalendarFacts1764304000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calendar_facts (
        year         integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        fact         text NOT NULL CHECK (fact IN ('tet', 'national_day', 'swaps')),
        reference    text NOT NULL CHECK (btrim(reference) <> ''),
        verification text NOT NULL CHECK (verification IN ('verified', 'partial', 'unverified')),
        note         text,
        created_by   uuid REFERENCES users(id),
        created_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (year, fact)
      )`);
    for (const f of KNOWN_CALENDAR_FACTS) {
      await q.query(`INSERT INTO calendar_facts (year, fact, reference, verification, note) VALUES ($1, $2, $3, $4, $5)`, [
        f.year,
        f.fact,
        f.reference,
        f.verification,
        f.note ?? null,
      ]);
    }
    await q.query(`DELETE FROM calendar_entries WHERE date = '2026-04-27' AND kind = 'compensatory'`);
    for (const e of KNOWN_CIVIL_SERVICE_ENTRIES) {
      await q.query(`INSERT INTO calendar_entries (date, kind, name, legal_ref) VALUES ($1, $2, $3, $4) ON CONFLICT (date) DO NOTHING`, [
        e.date,
        e.kind,
        e.name,
        e.legalRef ?? null,
      ]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE calendar_facts`);
    await q.query(
      `INSERT INTO calendar_entries (date, kind, name, legal_ref) VALUES ('2026-04-27', 'compensatory', 'Nghỉ bù Giỗ Tổ Hùng Vương', 'Bộ luật Lao động 2019 Điều 112 khoản 3')
       ON CONFLICT (date) DO NOTHING`,
    );
  }
}

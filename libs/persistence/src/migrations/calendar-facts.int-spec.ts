import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { KNOWN_CIVIL_SERVICE_ENTRIES } from '@app/domain';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../data-source.js';
import { databaseName, ensureDatabase, runMigrations } from '../migrate.js';

/** A throwaway database on the real local server: the migration is run, undone and run again over old data. */
const serverUrl = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const dbUrl = new URL(serverUrl);
dbUrl.pathname = `/grassroots_it_calfacts_${randomBytes(4).toString('hex')}`;
const adminUrl = new URL(serverUrl);
adminUrl.pathname = '/postgres';

describe('migration 1764304000000: calendar facts (real Postgres)', () => {
  let ds: DataSource;
  const entries = async () =>
    (await ds.query(`SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, name FROM calendar_entries ORDER BY date`)) as { date: string; kind: string; name: string }[];
  /** Back to the state before the migration, with the table as a database seeded by the old 1763900000000 had it. */
  const asBefore = async (rows: [string, string, string][]) => {
    // Undo every migration from this one on (later ones are undone first, as a real rollback would).
    const applied = async () => ((await ds.query(`SELECT max(timestamp)::text AS t FROM migrations`)) as { t: string }[])[0]!.t;
    while (Number(await applied()) >= 1764304000000) await ds.undoLastMigration();
    await ds.query(`DELETE FROM calendar_entries`);
    for (const [date, kind, name] of rows) await ds.query(`INSERT INTO calendar_entries (date, kind, name) VALUES ($1, $2, $3)`, [date, kind, name]);
  };

  beforeAll(async () => {
    await ensureDatabase(dbUrl.toString());
    await runMigrations(dbUrl.toString());
    ds = await new DataSource(dataSourceOptions(dbUrl.toString(), { poolSize: 2 })).initialize();
  });

  afterAll(async () => {
    await ds?.destroy();
    const admin = new pg.Client({ connectionString: adminUrl.toString() });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS "${databaseName(dbUrl.toString())}" WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  });

  it('seeds the 2026 notices and their days on a fresh database, with no hand-typed day in lieu', async () => {
    expect(await ds.query(`SELECT year, fact, verification FROM calendar_facts ORDER BY fact`)).toEqual([
      { year: 2026, fact: 'national_day', verification: 'partial' },
      { year: 2026, fact: 'swaps', verification: 'partial' },
      { year: 2026, fact: 'tet', verification: 'partial' },
    ]);
    expect((await entries()).map((e) => e.date)).toEqual(KNOWN_CIVIL_SERVICE_ENTRIES.map((e) => e.date).sort());
  });

  it('removes the seeded 27/04/2026 day in lieu the rule now derives, and keeps what an administrator entered', async () => {
    await asBefore([
      ['2026-04-27', 'compensatory', 'Nghỉ bù Giỗ Tổ Hùng Vương'],
      ['2026-09-01', 'swap_work', 'Quyết định riêng của tỉnh'],
    ]);
    await runMigrations(dbUrl.toString());
    const after = await entries();
    expect(after.find((e) => e.date === '2026-04-27')).toBeUndefined();
    expect(after.find((e) => e.date === '2026-09-01')).toEqual({ date: '2026-09-01', kind: 'swap_work', name: 'Quyết định riêng của tỉnh' });
    expect(after.map((e) => e.date)).toEqual(expect.arrayContaining(['2026-01-02', '2026-01-10', '2026-02-16', '2026-02-20', '2026-08-22', '2026-08-31']));
  });

  it('keeps an administrator entry of another kind on 27/04/2026', async () => {
    await asBefore([['2026-04-27', 'swap_work', 'Làm việc bình thường']]);
    await runMigrations(dbUrl.toString());
    expect((await entries()).find((e) => e.date === '2026-04-27')).toEqual({ date: '2026-04-27', kind: 'swap_work', name: 'Làm việc bình thường' });
  });
});

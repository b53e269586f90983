import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_DEADLINE_POLICY } from '@app/domain';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../data-source.js';
import { databaseName, ensureDatabase, runMigrations } from '../migrate.js';

/** A throwaway database on the real local server, migrated fresh, then rolled back to an older policy seed. */
const serverUrl = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const dbUrl = new URL(serverUrl);
dbUrl.pathname = `/grassroots_it_policyfix_${randomBytes(4).toString('hex')}`;
const adminUrl = new URL(serverUrl);
adminUrl.pathname = '/postgres';

describe('migration 1764308000000: corrected deadline rules reach databases seeded before them (real Postgres)', () => {
  let ds: DataSource;
  const versions = async () =>
    (await ds.query(`SELECT version, to_char(effective_from, 'YYYY-MM-DD') AS "effectiveFrom", body FROM deadline_policies ORDER BY version`)) as {
      version: number;
      effectiveFrom: string;
      body: { version: number; rules: { ruleId: string }[] };
    }[];
  /** Undoes every migration from this one on (later ones are undone first, as a real rollback would). */
  const undoFromThisOn = async () => {
    const applied = async () => ((await ds.query(`SELECT max(timestamp)::text AS t FROM migrations`)) as { t: string }[])[0]!.t;
    while (Number(await applied()) >= 1764308000000) await ds.undoLastMigration();
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

  it('publishes nothing on a fresh database: version 1 already holds the corrected rules', async () => {
    const all = await versions();
    expect(all.map((v) => v.version)).toEqual([1]);
    expect(all[0]!.body.rules.map((r) => r.ruleId)).toEqual(DEFAULT_DEADLINE_POLICY.rules.map((r) => r.ruleId));
  });

  it('publishes the corrected rules as the next version, from the same day, over a version 1 seeded with the old ones', async () => {
    await undoFromThisOn();
    // As the old seed had it: the invented re-denunciation clocks, no T2 and no K5.
    const old = {
      ...DEFAULT_DEADLINE_POLICY,
      rules: [...DEFAULT_DEADLINE_POLICY.rules.filter((r) => !['T2', 'K5', 'T7', 'T7-R'].includes(r.ruleId)), { ...DEFAULT_DEADLINE_POLICY.rules[0]!, ruleId: 'T1-2' }],
    };
    await ds.query(`UPDATE deadline_policies SET body = $1 WHERE version = 1`, [JSON.stringify(old)]);
    await runMigrations(dbUrl.toString());
    const all = await versions();
    expect(all.map((v) => [v.version, v.effectiveFrom])).toEqual([
      [1, DEFAULT_DEADLINE_POLICY.effectiveFrom],
      [2, DEFAULT_DEADLINE_POLICY.effectiveFrom],
    ]);
    expect(all[0]!.body.rules.map((r) => r.ruleId)).toContain('T1-2');
    expect(all[1]!.body.version).toBe(2);
    expect(all[1]!.body.rules.map((r) => r.ruleId)).toEqual(DEFAULT_DEADLINE_POLICY.rules.map((r) => r.ruleId));
    expect(all[1]!.body.rules.map((r) => r.ruleId)).toEqual(expect.arrayContaining(['T2', 'K5', 'T7']));
  });

  it('undoes only the version it published, and publishes it again once', async () => {
    await undoFromThisOn();
    expect((await versions()).map((v) => v.version)).toEqual([1]);
    await runMigrations(dbUrl.toString());
    await runMigrations(dbUrl.toString());
    expect((await versions()).map((v) => v.version)).toEqual([1, 2]);
  });
});

import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { afterAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { createTestDatabase, dropOrphanedTestDatabases, serverUrl, type TestDatabase } from '../support/test-database.js';

/**
 * The test harness cleans up after interrupted runs: a test database whose creating process on this host is
 * gone is dropped before the next one is made; those of live processes and of other hosts are kept.
 */
describe('test databases', () => {
  const admin = new pg.Pool({ connectionString: serverUrl(), max: 1 });
  const made: string[] = [];
  let live: TestDatabase | undefined;
  const exists = async (name: string) => (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
  const make = async (owner: string) => {
    const name = `grassroots_t_gc_probe_${randomBytes(3).toString('hex')}`;
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.query(`COMMENT ON DATABASE ${name} IS '${owner}'`);
    made.push(name);
    return name;
  };

  afterAll(async () => {
    await live?.drop();
    for (const name of made) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('drops the databases of dead processes on this host, and only those', async () => {
    live = await createTestDatabase('gc-live');
    const comment = await admin.query(`SELECT shobj_description(oid, 'pg_database') AS owner FROM pg_database WHERE datname = $1`, [live.name]);
    expect(comment.rows[0].owner).toBe(`${hostname()}:${process.pid}`);

    // A process that has already exited: its pid names nobody alive now.
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const orphan = await make(`${hostname()}:${dead}`);
    const elsewhere = await make(`another-host.example:${dead}`);

    const dropped = await dropOrphanedTestDatabases();
    expect(dropped).toContain(orphan);
    expect(await exists(orphan)).toBe(false);
    expect(await exists(live.name)).toBe(true);
    expect(await exists(elsewhere)).toBe(true);
  });
});

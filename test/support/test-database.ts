import { createHash, randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { hashPassword } from '@app/application';
import { dataSourceOptions, DEMO_PASSWORD, importAdministrativeUnits, runMigrations, seedDemo } from '@app/persistence';
import pg from 'pg';
import { DataSource } from 'typeorm';

/** The server tests create their databases on (the orchestrator sets DATABASE_URL; any database name). */
export function serverUrl(database = 'postgres'): string {
  const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${database}`;
  return url.toString();
}

/** A fingerprint of everything that shapes the template (schema, reference data, seed), so stale ones are never reused. */
function persistenceFingerprint(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts') && !name.includes('spec')) hash.update(path).update(readFileSync(path));
    }
  };
  walk(join(process.cwd(), 'libs/persistence/src'));
  return hash.digest('hex').slice(0, 12);
}

const TEMPLATE_LOCK = 0x4752_0101;

async function withAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Builds (once per schema fingerprint; the caller holds TEMPLATE_LOCK, so parallel test files don't race) a
 * template database with migrations applied, the administrative map imported and the demo users seeded.
 */
async function ensureTemplate(admin: pg.Client): Promise<string> {
  const template = `grassroots_tpl_${persistenceFingerprint()}`;
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
  if (exists.rowCount === 1) return template;
  const building = `${template}_building`;
  await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${building}`);
  const url = serverUrl(building);
  await runMigrations(url);
  const ds = await new DataSource(dataSourceOptions(url, { poolSize: 2 })).initialize();
  try {
    await importAdministrativeUnits(ds);
    await seedDemo(ds, { passwordHash: await hashPassword(DEMO_PASSWORD) });
  } finally {
    await ds.destroy();
  }
  // Rename only when complete: a crashed build never leaves a half-made template behind.
  await admin.query(`ALTER DATABASE ${building} RENAME TO ${template}`);
  // Older templates from earlier schema versions are garbage now.
  const stale = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE 'grassroots_tpl_%' AND datname <> $1`, [template]);
  for (const row of stale.rows as { datname: string }[]) await admin.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
  return template;
}

/** Who made a test database: host and process, written as the database's comment. */
const OWNER = `${hostname()}:${process.pid}`;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Test databases whose creating process on this host is gone (an interrupted run never reached its drop). They
 * are dropped; databases of live processes (parallel test files, other runs) and of other hosts are left alone.
 */
export async function dropOrphanedTestDatabases(): Promise<string[]> {
  return withAdmin(async (admin) => {
    const rows = await admin.query<{ datname: string; owner: string | null }>(
      `SELECT d.datname, shobj_description(d.oid, 'pg_database') AS owner FROM pg_database d WHERE d.datname LIKE 'grassroots\\_t\\_%'`,
    );
    const dropped: string[] = [];
    for (const { datname, owner } of rows.rows) {
      const [host, pid] = (owner ?? '').split(':');
      if (host !== hostname() || !pid || processAlive(Number(pid))) continue;
      await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
      dropped.push(datname);
    }
    return dropped;
  });
}

/** Once per process, before its first test database. */
let orphansCollected: Promise<unknown> | null = null;

export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  drop(): Promise<void>;
}

/** A fresh database for one test file: a copy of the template, dropped afterwards. */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  orphansCollected ??= dropOrphanedTestDatabases();
  await orphansCollected;
  const name = `grassroots_t_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase().slice(0, 30)}_${randomBytes(3).toString('hex')}`;
  await withAdmin(async (admin) => {
    // One hold of the lock from the template check to the copy: a run from another worktree (another schema
    // fingerprint) drops templates it finds stale, and could otherwise drop ours in between.
    await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    try {
      const template = await ensureTemplate(admin);
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
      await admin.query(`COMMENT ON DATABASE ${name} IS '${OWNER}'`);
    } finally {
      await admin.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    }
  });
  return {
    name,
    url: serverUrl(name),
    drop: () => withAdmin(async (admin) => void (await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))),
  };
}

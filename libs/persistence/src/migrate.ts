import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source.js';

/** Session-level advisory lock key shared by every process that migrates this schema ("GR" + 1). */
export const MIGRATION_LOCK_KEY = 0x4752_0001;

/**
 * Applies pending migrations and returns their names (empty when up to date). Concurrent callers (several
 * replicas starting at once) queue on an advisory lock, so each migration runs exactly once.
 */
export async function runMigrations(databaseUrl: string): Promise<string[]> {
  // Two connections: one holds the lock for the whole run, the other is the one TypeORM migrates on.
  const ds = new DataSource(dataSourceOptions(databaseUrl, { poolSize: 2, applicationName: 'grassroots-migrate' }));
  await ds.initialize();
  const lock = ds.createQueryRunner();
  try {
    await lock.connect();
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const applied = await ds.runMigrations(); // transaction mode comes from dataSourceOptions
      return applied.map((m) => m.name);
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await lock.release();
    await ds.destroy();
  }
}

/** The database named in a connection URL ('grassroots' in postgres://u@h:5432/grassroots). */
export function databaseName(databaseUrl: string): string {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ''));
  if (!name) throw new Error('DATABASE_URL names no database');
  return name;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Creates the target database when it does not exist; returns true when it did so. Connects to the target
 * first, so a deployment whose role may not reach the `postgres` database (or lacks CREATEDB) is unaffected
 * once its database exists.
 */
export async function ensureDatabase(databaseUrl: string): Promise<boolean> {
  const name = databaseName(databaseUrl);
  const probe = new pg.Client({ connectionString: databaseUrl });
  try {
    await probe.connect();
    return false;
  } catch (err) {
    if ((err as { code?: string }).code !== '3D000') throw err; // 3D000 = invalid_catalog_name: missing database
  } finally {
    await probe.end().catch(() => undefined);
  }

  const adminUrl = new URL(databaseUrl);
  adminUrl.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return false;
    await admin.query(`CREATE DATABASE ${quoteIdent(name)}`);
    return true;
  } catch (err) {
    // Another process created it between the check and CREATE: duplicate_database, or the catalog's unique index.
    const code = (err as { code?: string }).code;
    if (code === '42P04' || code === '23505') return false;
    throw err;
  } finally {
    await admin.end();
  }
}

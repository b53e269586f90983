import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { hash, verify } from '@node-rs/argon2';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../data-source.js';
import { databaseName, ensureDatabase, runMigrations } from '../migrate.js';
import { DEMO_PASSWORD, demoLogins, isDatabaseEmpty, seedDemo } from './demo-seed.js';
import { importAdministrativeUnits } from './units-import.js';

/** A throwaway database on the real local server, so the suite never touches anyone's data. */
const serverUrl = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const dbUrl = new URL(serverUrl);
dbUrl.pathname = `/grassroots_it_units_${randomBytes(4).toString('hex')}`;
const adminUrl = new URL(serverUrl);
adminUrl.pathname = '/postgres';

describe('administrative units import and demo seed (real Postgres)', () => {
  let ds: DataSource;

  beforeAll(async () => {
    expect(await ensureDatabase(dbUrl.toString())).toBe(true);
    expect(await ensureDatabase(dbUrl.toString())).toBe(false);
    expect(await runMigrations(dbUrl.toString())).toContain('InitialSchema1763800000000');
    expect(await runMigrations(dbUrl.toString())).toEqual([]);
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

  it('imports 34 provinces and 3,321 communes, and a re-run changes nothing', async () => {
    const t0 = performance.now();
    const first = await importAdministrativeUnits(ds);
    const t1 = performance.now();
    const second = await importAdministrativeUnits(ds.manager);
    const t2 = performance.now();
    console.log(`units import: first ${Math.round(t1 - t0)} ms, re-run ${Math.round(t2 - t1)} ms`);

    expect(first).toEqual({ provinces: 34, communes: 3321, inserted: 3355, updated: 0 });
    expect(second).toEqual({ provinces: 34, communes: 3321, inserted: 0, updated: 0 });

    const [counts] = await ds.query(
      `SELECT count(*) FILTER (WHERE level = 'province')::int AS provinces,
              count(*) FILTER (WHERE level = 'commune')::int AS communes,
              count(*)::int AS total
         FROM units`,
    );
    expect(counts).toEqual({ provinces: 34, communes: 3321, total: 3355 });
  });

  it('links every commune to its province and itself, and provinces to themselves', async () => {
    const [bad] = await ds.query(
      `SELECT
         count(*) FILTER (WHERE c.level = 'commune' AND (p.id IS NULL OR p.level <> 'province' OR c.province_id <> c.parent_id OR c.commune_id <> c.id))::int AS communes,
         count(*) FILTER (WHERE c.level = 'province' AND (c.province_id <> c.id OR c.parent_id IS NOT NULL OR c.commune_id IS NOT NULL))::int AS provinces
         FROM units c LEFT JOIN units p ON p.id = c.parent_id`,
    );
    expect(bad).toEqual({ communes: 0, provinces: 0 });

    const types = await ds.query(`SELECT level, unit_type, count(*)::int AS n FROM units GROUP BY 1, 2 ORDER BY 1, 2`);
    expect(types).toEqual([
      { level: 'commune', unit_type: 'Phường', n: 687 },
      { level: 'commune', unit_type: 'Xã', n: 2621 },
      { level: 'commune', unit_type: 'Đặc khu', n: 13 },
      { level: 'province', unit_type: 'Thành phố', n: 6 },
      { level: 'province', unit_type: 'Tỉnh', n: 28 },
    ]);
  });

  it('stores NFC names with their type prefix and official codes', async () => {
    const [nonNfc] = await ds.query(`SELECT count(*)::int AS n FROM units WHERE name <> normalize(name, NFC)`);
    expect(nonNfc.n).toBe(0);

    const [baDinh] = await ds.query(
      `SELECT c.code, c.official_code, c.unit_type, p.code AS province_code, p.name AS province_name
         FROM units c JOIN units p ON p.id = c.province_id WHERE c.name = $1`,
      ['Phường Ba Đình'.normalize('NFC')],
    );
    expect(baDinh).toEqual({
      code: 'C00004',
      official_code: '00004',
      unit_type: 'Phường',
      province_code: 'P01',
      province_name: 'Thành phố Hà Nội',
    });

    const [quangNinh] = await ds.query(`SELECT name, unit_type, official_code FROM units WHERE code = 'P22'`);
    expect(quangNinh).toEqual({ name: 'Tỉnh Quảng Ninh', unit_type: 'Tỉnh', official_code: '22' });
  });

  it('seeds the demo organisation once, with working passwords', async () => {
    expect(await isDatabaseEmpty(ds)).toBe(true);
    const first = await seedDemo(ds, { passwordHash: await hash(DEMO_PASSWORD) });
    const second = await seedDemo(ds.manager, { passwordHash: await hash(DEMO_PASSWORD) });
    expect(await isDatabaseEmpty(ds)).toBe(false);

    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(second.users).toEqual(first.users);
    expect(second.departments).toEqual(first.departments);
    expect(first.province.name).toBe('Tỉnh Quảng Ninh');
    expect(first.commune).toMatchObject({ code: 'C06688', name: 'Phường Hạ Long' });
    expect(first.departments.map((d) => d.code)).toEqual([
      'D06688-van-phong-hdnd-va-ubnd',
      'D06688-phong-kinh-te',
      'D06688-phong-van-hoa-xa-hoi',
      'D22-ban-tuyen-giao-va-dan-van-tinh-uy',
    ]);

    const users = await ds.query(
      `SELECT u.username, u.role, u.password_hash, un.level, un.name AS unit, un.commune_id = $1 AS in_commune, un.province_id = $2 AS in_province
         FROM users u JOIN units un ON un.id = u.unit_id ORDER BY u.username`,
      [first.commune.id, first.province.id],
    );
    expect(users.map((u: { username: string; role: string; level: string; unit: string }) => [u.username, u.role, u.level, u.unit])).toEqual([
      ['admin', 'admin', 'province', 'Tỉnh Quảng Ninh'],
      ['board', 'board', 'province', 'Tỉnh Quảng Ninh'],
      ['desk', 'desk', 'commune', 'Phường Hạ Long'],
      ['handler', 'handler', 'commune', 'Phường Hạ Long'],
      ['handler2', 'handler', 'department', 'Phòng Kinh tế'],
      ['head', 'head', 'commune', 'Phường Hạ Long'],
    ]);
    expect(users.every((u: { in_province: boolean }) => u.in_province)).toBe(true);
    expect(users.filter((u: { in_commune: boolean }) => u.in_commune).map((u: { username: string }) => u.username)).toEqual([
      'desk',
      'handler',
      'handler2',
      'head',
    ]);
    expect(await verify(users[0].password_hash, DEMO_PASSWORD)).toBe(true);
    expect(await verify(users[0].password_hash, 'wrong')).toBe(false);
    expect(demoLogins().map((l) => l.username)).toEqual(['desk', 'head', 'handler', 'handler2', 'board', 'admin']);

    // The units import after seeding must leave departments and users alone.
    expect(await importAdministrativeUnits(ds)).toMatchObject({ inserted: 0, updated: 0 });
    const [n] = await ds.query(`SELECT (SELECT count(*) FROM units)::int AS units, (SELECT count(*) FROM users)::int AS users`);
    expect(n).toEqual({ units: 3355 + 4, users: 6 });
  });
});

import type { Role } from '@app/domain';
import type { DataSource, EntityManager } from 'typeorm';

/** Shared by every demo account; printed by the CLI. Never seeded in production (the CLI refuses). */
export const DEMO_PASSWORD = 'grassroots-demo';

/** Serialises concurrent seeds (two `prepare` runs against an empty database). */
const SEED_LOCK_KEY = 0x4752_0003;

const DEMO_PROVINCE_NAME = 'Quảng Ninh';
const DEMO_COMMUNE_NAME = 'Phường Hạ Long';

type DemoPlace = 'commune' | 'province' | 'economy';

interface DemoDepartment {
  readonly key: 'office' | 'economy' | 'culture' | 'propaganda';
  readonly name: string;
  readonly unitType: string;
  readonly under: 'commune' | 'province';
}

const DEPARTMENTS: readonly DemoDepartment[] = [
  { key: 'office', name: 'Văn phòng HĐND và UBND', unitType: 'Văn phòng', under: 'commune' },
  { key: 'economy', name: 'Phòng Kinh tế', unitType: 'Phòng', under: 'commune' },
  { key: 'culture', name: 'Phòng Văn hóa - Xã hội', unitType: 'Phòng', under: 'commune' },
  { key: 'propaganda', name: 'Ban Tuyên giáo và Dân vận Tỉnh ủy', unitType: 'Ban', under: 'province' },
];

interface DemoUserSpec {
  readonly username: string;
  readonly role: Role;
  readonly fullName: string;
  readonly at: DemoPlace;
}

const DEMO_USERS: readonly DemoUserSpec[] = [
  { username: 'desk', role: 'desk', fullName: 'Nguyễn Thị Lan', at: 'commune' },
  { username: 'head', role: 'head', fullName: 'Trần Văn Hùng', at: 'commune' },
  { username: 'handler', role: 'handler', fullName: 'Lê Minh Tuấn', at: 'commune' },
  { username: 'handler2', role: 'handler', fullName: 'Phạm Thu Hà', at: 'economy' },
  { username: 'board', role: 'board', fullName: 'Hoàng Văn Nam', at: 'province' },
  { username: 'admin', role: 'admin', fullName: 'Vũ Thị Mai', at: 'province' },
];

export interface DemoLogin {
  readonly username: string;
  readonly password: string;
  readonly role: Role;
  readonly fullName: string;
}

/** The demo accounts and their shared password, for printing after a seed. */
export function demoLogins(): DemoLogin[] {
  return DEMO_USERS.map(({ username, role, fullName }) => ({ username, password: DEMO_PASSWORD, role, fullName }));
}

export interface DemoUnit {
  readonly id: string;
  readonly code: string;
  readonly name: string;
}

export interface DemoSeedResult {
  /** false when every demo account already existed and nothing was written. */
  readonly created: boolean;
  readonly province: DemoUnit;
  readonly commune: DemoUnit;
  readonly departments: DemoUnit[];
  readonly users: { id: string; username: string; role: Role; fullName: string; unitId: string; unitName: string }[];
}

/** "Seed when empty" means: nobody can log in yet. */
export async function isDatabaseEmpty(target: DataSource | EntityManager): Promise<boolean> {
  const [row]: { empty: boolean }[] = await target.query('SELECT NOT EXISTS (SELECT 1 FROM users) AS empty');
  return row.empty;
}

/** ASCII slug for generated codes: 'Phòng Văn hóa - Xã hội' -> 'phong-van-hoa-xa-hoi'. */
function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

async function findDemoPlaces(em: EntityManager): Promise<{ province: DemoUnit; commune: DemoUnit }> {
  const provinces: DemoUnit[] = await em.query(
    `SELECT id, code, name FROM units WHERE level = 'province' AND name LIKE $1 ORDER BY code LIMIT 1`,
    [`%${DEMO_PROVINCE_NAME.normalize('NFC')}%`],
  );
  if (provinces.length === 0) {
    throw new Error(`Province '${DEMO_PROVINCE_NAME}' not found: import the administrative units first (cli migrate)`);
  }
  const province = provinces[0];
  // The named ward when it exists, else a deterministic fallback (lowest official code).
  const communes: DemoUnit[] = await em.query(
    `SELECT id, code, name FROM units
      WHERE level = 'commune' AND province_id = $1
      ORDER BY (name = $2) DESC, code LIMIT 1`,
    [province.id, DEMO_COMMUNE_NAME.normalize('NFC')],
  );
  if (communes.length === 0) throw new Error(`Province ${province.name} has no communes: import the administrative units first`);
  return { province, commune: communes[0] };
}

async function listDemoUsers(em: EntityManager): Promise<DemoSeedResult['users']> {
  return em.query(
    `SELECT u.id, u.username, u.role, u.full_name AS "fullName", u.unit_id AS "unitId", un.name AS "unitName"
       FROM users u JOIN units un ON un.id = u.unit_id
      WHERE lower(u.username) = ANY($1::text[])
      ORDER BY array_position($1::text[], lower(u.username))`,
    [DEMO_USERS.map((u) => u.username.toLowerCase())],
  );
}

/**
 * Demo organisation in Quảng Ninh: one ward with three offices, one province-level department, six accounts
 * (one per role, plus a second handler in a department). Requires the administrative units import.
 * Idempotent: existing units and accounts are left untouched (passwords included).
 */
/**
 * `passwordHash` is the hash of DEMO_PASSWORD, made by the caller with the application's hasher: persistence
 * stores credentials but does not decide how they are hashed.
 */
export async function seedDemo(target: DataSource | EntityManager, options: { passwordHash: string }): Promise<DemoSeedResult> {
  return target.transaction(async (em) => {
    await em.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
    const { province, commune } = await findDemoPlaces(em);

    const departmentCodes = DEPARTMENTS.map((d) => {
      const parent = d.under === 'commune' ? commune : province;
      // Built from the parent's official code, so it is stable and readable: D06688-phong-kinh-te.
      return `D${parent.code.slice(1)}-${slugify(d.name)}`;
    });

    const existing = await listDemoUsers(em);
    if (existing.length === DEMO_USERS.length) {
      const departments: DemoUnit[] = await em.query(
        'SELECT id, code, name FROM units WHERE code = ANY($1::text[]) ORDER BY array_position($1::text[], code)',
        [departmentCodes],
      );
      return { created: false, province, commune, departments, users: existing };
    }

    const departments: DemoUnit[] = [];
    const unitIds = new Map<DemoPlace, string>([
      ['commune', commune.id],
      ['province', province.id],
    ]);
    for (const [i, d] of DEPARTMENTS.entries()) {
      const parent = d.under === 'commune' ? commune : province;
      await em.query(
        `INSERT INTO units (code, level, unit_type, name, parent_id, province_id, commune_id)
         VALUES ($1, 'department', $2, $3, $4, $5, $6)
         ON CONFLICT (code) DO NOTHING`,
        [departmentCodes[i], d.unitType, d.name.normalize('NFC'), parent.id, province.id, d.under === 'commune' ? commune.id : null],
      );
      const [unit]: DemoUnit[] = await em.query('SELECT id, code, name FROM units WHERE code = $1', [departmentCodes[i]]);
      departments.push(unit);
      if (d.key === 'economy') unitIds.set('economy', unit.id);
    }

    // One hash for all six: they share the password, and argon2 costs ~50 ms per call.
    const passwordHash = options.passwordHash;
    for (const u of DEMO_USERS) {
      await em.query(
        `INSERT INTO users (username, password_hash, full_name, role, unit_id)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT ((lower(username))) DO NOTHING`,
        [u.username, passwordHash, u.fullName.normalize('NFC'), u.role, unitIds.get(u.at)!],
      );
    }
    return { created: true, province, commune, departments, users: await listDemoUsers(em) };
  });
}

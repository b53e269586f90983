import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { foldForSearch, normalizePhone } from '@app/domain';
import { dataSourceOptions } from '@app/persistence';
import { DataSource, type Logger } from 'typeorm';
import { FOLD_LETTERS } from '../../../persistence/src/migrations/1764230000000-grouping.js';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import type { CurrentUser } from '../auth/current-user.js';
import { openPetition as openPetitionRow } from '../petitions/petition-writer.js';
import { ClusterCommandsUseCase } from './clusters.use-case.js';
import { personKeys, repeatLookups } from './intake-grouping.js';

/**
 * The SQL of the grouping feature against real Postgres: the migration's fold and phone-key functions agree
 * with the domain's foldForSearch and normalizePhone, each repeat lookup is read through its own index, and
 * clustering many petitions costs a fixed number of statements.
 */
describe('grouping SQL (real Postgres)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let statements = 0;
  let communeId: string;
  let provinceId: string;
  let desk: CurrentUser;

  beforeAll(async () => {
    db = await createTestDatabase('grouping-sql');
    const counting: Logger = {
      logQuery: () => void statements++,
      logQueryError: () => undefined,
      logQuerySlow: () => undefined,
      logSchemaBuild: () => undefined,
      logMigration: () => undefined,
      log: () => undefined,
    };
    ds = await new DataSource({ ...dataSourceOptions(db.url, { poolSize: 4, applicationName: 'grouping-sql-spec' }), logging: ['query'], logger: counting }).initialize();
    const [u] = await ds.query(
      `SELECT us.id, us.username, us.full_name, us.role, us.unit_id, un.level, un.province_id, un.commune_id
         FROM users us JOIN units un ON un.id = us.unit_id WHERE us.username = 'desk'`,
    );
    communeId = u.commune_id;
    provinceId = u.province_id;
    desk = { id: u.id, username: u.username, fullName: u.full_name, role: 'desk', unitId: u.unit_id, unitName: 'test', unitLevel: u.level, provinceId, communeId };
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  /** One received petition at the demo commune, opened the way intake opens it (row and first event). */
  async function openPetition(petitioner: Record<string, string>, kind: 'feedback' | 'denunciation' = 'feedback', coPetitioners: object[] = []): Promise<string> {
    const state = await ds.transaction((em) =>
      openPetitionRow(
        em,
        {
          kind,
          channel: 'in_person',
          title: 'Đèn đường hỏng',
          content: 'Đèn đường tổ 5 không sáng',
          topic: null,
          location: null,
          receivingUnitId: communeId,
          petitioner: petitioner as never,
          coPetitioners: coPetitioners as never,
          parentPetitionId: null,
          createdBy: null,
        },
        null,
        new Date(),
      ),
    );
    return state.id;
  }

  const VIETNAMESE =
    'aàáảãạ ăằắẳẵặ âầấẩẫậ eèéẻẽẹ êềếểễệ iìíỉĩị oòóỏõọ ôồốổỗộ ơờớởỡợ uùúủũụ ưừứửữự yỳýỷỹỵ đ ' +
    'AÀÁẢÃẠ ĂẰẮẲẴẶ ÂẦẤẨẪẬ EÈÉẺẼẸ ÊỀẾỂỄỆ IÌÍỈĨỊ OÒÓỎÕỌ ÔỒỐỔỖỘ ƠỜỚỞỠỢ UÙÚỦŨỤ ƯỪỨỬỮỰ YỲÝỶỸỴ Đ';
  const domainFold = (s: string) => foldForSearch(s).replace(/[^a-z0-9]+/g, ' ').trim() || null;
  const sqlFold = async (s: string | null): Promise<string | null> => (await ds.query(`SELECT grassroots_fold($1) AS f`, [s]))[0].f;

  it('grassroots_fold agrees with foldForSearch on every Vietnamese letter with every mark, composed or decomposed', async () => {
    for (const sample of [
      VIETNAMESE,
      VIETNAMESE.normalize('NFD'),
      'Nguyễn Thị Thuỷ, Số 10 đường Trần Hưng Đạo – Phường Hạ Long',
      'NGUYỄN VĂN ĐỨC',
      '  Trịnh   Văn  Chín  ',
    ]) {
      expect({ sample, sql: await sqlFold(sample) }).toEqual({ sample, sql: domainFold(sample) });
    }
    expect(await sqlFold(VIETNAMESE)).toContain('aaaaaa aaaaaa aaaaaa eeeeee eeeeee iiiiii oooooo oooooo oooooo uuuuuu uuuuuu yyyyyy d');
    expect(await sqlFold(null)).toBeNull();
    expect(await sqlFold(' – ')).toBeNull();
  });

  it('grassroots_fold agrees with foldForSearch on every letter of its table, and the table misses none foldForSearch folds', async () => {
    const table = FOLD_LETTERS.flatMap(([base, accented]) => [...accented].map((c) => [c, base] as const));
    for (const [c, base] of table) expect({ c, folded: domainFold(c) }).toEqual({ c, folded: base });
    const every: string[] = [];
    for (const [start, end] of [
      [0x00c0, 0x024f],
      [0x1ea0, 0x1ef9],
    ] as const) {
      for (let cp = start; cp <= end; cp++) every.push(String.fromCodePoint(cp));
    }
    const sql: string[] = (await ds.query(`SELECT array_agg(grassroots_fold(c) ORDER BY i) AS f FROM unnest($1::text[]) WITH ORDINALITY AS x(c, i)`, [every]))[0].f;
    const mismatches = every.map((c, i) => [c, sql[i], domainFold(c)]).filter(([, a, b]) => a !== b);
    expect(mismatches).toEqual([]);
  });

  it('grassroots_phone_key agrees with normalizePhone', async () => {
    for (const phone of ['0912 345 678', '+84 912 345 678', '84912345678', '(091) 234-5678', '+84-0912', 'abc', '', '849123456789']) {
      const [{ k }] = await ds.query(`SELECT grassroots_phone_key($1) AS k`, [phone]);
      expect({ phone, k }).toEqual({ phone, k: normalizePhone(phone) });
    }
    expect((await ds.query(`SELECT grassroots_phone_key(NULL) AS k`))[0].k).toBeNull();
  });

  describe('repeat lookups', () => {
    interface PlanNode {
      'Node Type': string;
      'Relation Name'?: string;
      'Index Name'?: string;
      Plans?: PlanNode[];
    }
    /** The indexes a statement reads petitions through, and whether it scans petitions sequentially, with sequential scans priced out. */
    async function plan(q: { sql: string; params: unknown[] }): Promise<{ indexes: string[]; seqScans: string[] }> {
      return ds.transaction(async (em) => {
        await em.query('SET LOCAL enable_seqscan = off');
        const [row] = await em.query(`EXPLAIN (FORMAT JSON) ${q.sql}`, q.params);
        const indexes: string[] = [];
        const seqScans: string[] = [];
        const walk = (n: PlanNode) => {
          if (n['Node Type'] === 'Seq Scan') seqScans.push(n['Relation Name']!);
          if (n['Index Name']) indexes.push(n['Index Name']);
          for (const c of n.Plans ?? []) walk(c);
        };
        walk(row['QUERY PLAN'][0].Plan);
        return { indexes, seqScans: seqScans.filter((r) => r === 'petitions') };
      });
    }

    beforeAll(async () => {
      // Enough petitioners that the statistics say the lookups are selective.
      const base = await openPetition({ fullName: 'Người Mẫu', idNumber: '001000000000', phone: '0900000000', address: 'Tổ 1' });
      await ds.query(
        `INSERT INTO petitions
         SELECT (jsonb_populate_record(p, jsonb_build_object(
                   'id', gen_random_uuid(), 'tracking_code', p.tracking_code || '-' || g,
                   'petitioner', jsonb_build_object('fullName', 'Người ' || g, 'idNumber', lpad(g::text, 12, '0'), 'phone', '09' || lpad(g::text, 8, '0'), 'address', 'Tổ ' || g)))).*
           FROM petitions p, generate_series(1, 3000) g WHERE p.id = $1`,
        [base],
      );
      await ds.query('ANALYZE petitions');
    });

    const scope = () => ({ petitionId: randomUUID(), provinceId, denunciation: false });

    it('looks a petitioner up by ID number and by phone, each through its own index, and not by name', () => {
      const qs = repeatLookups(personKeys({ fullName: 'Người 17', idNumber: '000000000017', phone: '+84 90 000 0017', address: 'Tổ 17' }), scope());
      expect(qs).toHaveLength(2);
      expect(qs.map((q) => q.params.at(-1))).toEqual(['000000000017', '0900000017']);
    });

    it('each lookup is read through its index, never a sequential scan of petitions', async () => {
      const byId = repeatLookups(personKeys({ fullName: 'x', idNumber: '000000000017' }), scope());
      const byPhone = repeatLookups(personKeys({ fullName: 'x', phone: '0900000017' }), scope());
      const byName = repeatLookups(personKeys({ fullName: 'Người 17', address: 'Tổ 17' }), scope());
      expect(await plan(byId[0]!)).toEqual({ indexes: expect.arrayContaining(['petitions_petitioner_id_number']), seqScans: [] });
      expect(await plan(byPhone[0]!)).toEqual({ indexes: expect.arrayContaining(['petitions_petitioner_phone']), seqScans: [] });
      expect(await plan(byName[0]!)).toEqual({ indexes: expect.arrayContaining(['petitions_petitioner_name']), seqScans: [] });
      // And they find the person.
      for (const q of [byId[0]!, byPhone[0]!, byName[0]!]) expect((await ds.query(q.sql, q.params)).map((r: { petitioner: { fullName: string } }) => r.petitioner.fullName)).toEqual(['Người 17']);
    });

    it('uses the folded name only together with the folded address, and only without an ID number or phone', () => {
      expect(repeatLookups(personKeys({ fullName: 'Người 17' }), scope())).toEqual([]);
      expect(repeatLookups(personKeys({ fullName: 'Người 17', address: 'Tổ 17' }), scope()).map((q) => q.params.slice(-2))).toEqual([['nguoi 17', 'to 17']]);
    });
  });

  it('clusters 2 or 12 petitions with the same number of statements besides one event write per member', async () => {
    const commands = new ClusterCommandsUseCase(ds, { now: () => new Date() });
    const cost = async (n: number) => {
      const ids: string[] = [];
      for (let i = 0; i < n; i++) ids.push(await openPetition({ fullName: `Cụm ${n}-${i}` }));
      statements = 0;
      await commands.create(desk, { title: `Cụm ${n}`, petitionIds: ids });
      return statements;
    };
    const two = await cost(2);
    const twelve = await cost(12);
    // Per member, only the audit event (compare-and-set, the event, its outbox row): 3 statements.
    expect(twelve - two).toBe(10 * 3);
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type AccessScope, boardStatsQuery, FireDueThresholdsUseCase, overdueBoardQueries, type PetitionView, type SqlQuery } from '@app/application';
import { ManualClock } from '@app/domain';
import type { Response } from 'supertest';
import { createPetition, demoCommuneId, mustPerformAction, petitionBody, userUnitId } from '../support/petition-fixtures.js';
import { startTestStack, type TestStack } from '../support/test-stack.js';
import { waitFor } from '../support/wait-for.js';

/**
 * The board (issue 3): the overdue worklist and the figures by unit, over a hand-built month in two provinces.
 * A ManualClock moves time; thresholds are fired through the worker's use case and escalations are processed by
 * the worker itself. Every expected figure below is worked out by hand from the timeline, not by the code.
 *
 * Units: C1 = Phường Hạ Long (demo commune, Quảng Ninh), D1 = its Phòng Kinh tế (department under C1),
 * C2 = another commune of Quảng Ninh, PD = a province-level department of Quảng Ninh, X1 = a commune of
 * another province (XP). Resolution periods: feedback and recommendation 20 calendar days (P1), complaint 30
 * (K3), counted from the day after acceptance and ending at 24:00 local time (UTC+7) of the last day.
 *
 * Timeline (Vietnam local time):
 *   Tue 27/10 09:00  A feedback at C1, accepted (due 16/11 24:00)
 *   Tue 03/11 09:00  B, C, G feedback at C1, accepted (due 23/11 24:00 = 23/11 17:00Z); H complaint at C1, accepted
 *                    (due 03/12 24:00); E feedback at PD, transferred down to C1 → E2 (transferred in from a higher
 *                    level), accepted; F feedback at C1, transferred across to C2 → F2, accepted at C2; P
 *                    recommendation at PD, accepted; D recommendation at D1, accepted; X feedback at X1, accepted
 *   Thu 05/11 09:00  I feedback at C1, accepted (due 25/11 24:00 = 25/11 17:00Z)
 *   Fri 06/11 09:00  J recommendation at C2, accepted (due 26/11 24:00 = 26/11 17:00Z)
 *   Tue 10/11 00:30  K feedback at D1, accepted (= 09/11 17:30Z: local date 10/11; due 30/11 24:00)
 *   Tue 10/11 09:00  A, C, E2, F2, P, D resolved (all on time)
 *   Tue 24/11 09:00  thresholds fire: B, G and X breach and are escalated (level 1; the province watches)
 *   Wed 25/11 09:00  B resolved: late, after escalation
 *   Thu 26/11 09:00  thresholds fire: I breaches and is escalated. "Now" for every assertion below.
 */

const DAY = 86_400_000;
const HOUR = 3_600_000;

function expectProblem(res: Response, status: number, code?: string) {
  const context = `${res.status} ${res.text}`;
  expect({ status: res.status, context }).toEqual({ status, context });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body.messages).toEqual({ vi: expect.any(String), en: expect.any(String) });
  if (code !== undefined) expect(res.body.code).toBe(code);
  return res.body as { errors?: { field: string; code: string }[]; [k: string]: unknown };
}

interface OverdueItem {
  state: string;
  lateBy: string | null;
  lateByMs: number | null;
  remaining: string | null;
  remainingMs: number | null;
  shareUsed: number;
  petition: {
    id: string;
    trackingCode: string;
    kind: string;
    status: string;
    title: string;
    escalationLevel: number;
    owningUnit: { id: string; name: string };
    assigneeId: string | null;
  };
  clock: { id: string; kind: string; ruleId: string; dueAt: string; status: string; startedAt: string };
}
interface OverdueBody {
  asOf: string;
  nearShare: number;
  items: OverdueItem[];
  total: number;
  page: number;
  pageSize: number;
  definitions: Record<string, { vi: string; en: string }>;
}
interface Rate {
  value: number | null;
  count: number;
  n: number;
}
interface Counts {
  received: number;
  resolved: number;
  resolvedOnTime: number;
  resolvedLate: number;
  overdueNow: number;
  escalated: number;
  transferredOut: number;
  onTimeRate: Rate;
  grassrootsRate: Rate;
}
interface StatsBody {
  period: { from: string; to: string; timeZone: string; startsAt: string; endsAt: string };
  groupBy: string;
  asOf: string;
  rows: (Counts & { unit: { id: string; code: string; name: string; level: string } })[];
  totals: Counts;
  definitions: Record<string, { vi: string; en: string }>;
}

/** Expected figures, written out by hand. */
function figures(
  received: number,
  resolved: number,
  onTime: number,
  overdueNow: number,
  escalated: number,
  transferredOut: number,
  grassroots: number,
  grassrootsN: number,
): Counts {
  return {
    received,
    resolved,
    resolvedOnTime: onTime,
    resolvedLate: resolved - onTime,
    overdueNow,
    escalated,
    transferredOut,
    onTimeRate: { value: resolved === 0 ? null : onTime / resolved, count: onTime, n: resolved },
    grassrootsRate: { value: grassrootsN === 0 ? null : grassroots / grassrootsN, count: grassroots, n: grassrootsN },
  };
}

describe('board: overdue worklist and figures by unit', () => {
  const clock = new ManualClock('2026-10-27T02:00:00Z');
  /** Moves the clock to a Vietnam local wall-clock time. */
  const at = (local: string) => clock.set(`${local}:00+07:00`);

  let s: TestStack;
  const tok: Record<string, string> = {};
  const uid: Record<string, string> = {};
  const unit: Record<'C1' | 'D1' | 'C2' | 'PD' | 'QN' | 'X1' | 'XP', string> = { C1: '', D1: '', C2: '', PD: '', QN: '', X1: '', XP: '' };
  const p: Record<string, PetitionView> = {};

  const file = (user: string, unitId: string, kind: string, title: string) =>
    createPetition(s, tok[user]!, petitionBody(unitId, { kind, title, channel: 'mail' }));
  const act = (user: string, id: string, action: string, body: object = {}) => mustPerformAction(s, tok[user]!, id, action, body);
  const resolve = (user: string, id: string) => act(user, id, 'resolve', { summary: 'Đã trả lời công dân' });

  /** Files a petition at a unit, has the head accept it and, when given, assign it. */
  async function open(key: string, opts: { desk: string; head: string; unitId: string; kind?: string; assignee?: string }) {
    const petition = await file(opts.desk, opts.unitId, opts.kind ?? 'feedback', `Đơn ${key}: kiểm tra bảng theo dõi`);
    await act(opts.head, petition.id, 'accept');
    if (opts.assignee) await act(opts.head, petition.id, 'assign', { assigneeId: uid[opts.assignee] });
    p[key] = petition;
    return petition;
  }

  /** Transfers a received petition and returns the petition the transfer opened at the target unit. */
  async function transfer(key: string, user: string, toUnitId: string): Promise<string> {
    await act(user, p[key]!.id, 'transfer', { toUnitId, reason: 'Không thuộc thẩm quyền' });
    const r = await s.sql.query<{ id: string }>('SELECT id FROM petitions WHERE parent_petition_id = $1', [p[key]!.id]);
    return r.rows[0]!.id;
  }

  const escalatedIds = async () =>
    (await s.sql.query<{ petition_id: string }>(`SELECT DISTINCT petition_id FROM petition_events WHERE type = 'PetitionEscalated'`)).rows
      .map((r) => r.petition_id)
      .sort();

  /** Fires what is due at the clock's instant, then waits for the worker to process the escalations. */
  async function fireAndAwaitEscalations(expected: string[]) {
    await s.worker()!.get(FireDueThresholdsUseCase).execute();
    const want = expected.map((k) => p[k]!.id).sort();
    await waitFor(
      async () => {
        const ids = await escalatedIds();
        const levels = await s.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM petitions WHERE id = ANY($1) AND escalation_level = 1', [want]);
        return JSON.stringify(ids) === JSON.stringify(want) && levels.rows[0]!.n === want.length;
      },
      { what: `escalation of ${expected.join(', ')}` },
    );
  }

  beforeAll(async () => {
    s = await startTestStack('board', { clock });
    s.sql.on('error', () => undefined);

    unit.C1 = await demoCommuneId(s);
    unit.D1 = await userUnitId(s, 'handler2');
    const one = async (sql: string, params: unknown[]) => (await s.sql.query<{ id: string }>(sql, params)).rows[0]!.id;
    unit.QN = await one('SELECT province_id AS id FROM units WHERE id = $1', [unit.C1]);
    unit.C2 = await one(`SELECT id FROM units WHERE level = 'commune' AND province_id = $1 AND id <> $2 ORDER BY code LIMIT 1`, [unit.QN, unit.C1]);
    unit.PD = await one(`SELECT id FROM units WHERE level = 'department' AND province_id = $1 AND commune_id IS NULL ORDER BY code LIMIT 1`, [unit.QN]);
    unit.X1 = await one(`SELECT id FROM units WHERE level = 'commune' AND province_id <> $1 ORDER BY code LIMIT 1`, [unit.QN]);
    unit.XP = await one('SELECT province_id AS id FROM units WHERE id = $1', [unit.X1]);

    for (const [username, role, unitId] of [
      ['desk_c2', 'desk', unit.C2],
      ['head_c2', 'head', unit.C2],
      ['desk_pd', 'desk', unit.PD],
      ['head_pd', 'head', unit.PD],
      ['desk_x', 'desk', unit.X1],
      ['head_x', 'head', unit.X1],
      ['board_x', 'board', unit.XP],
    ] as const) {
      await s.sql.query(
        `INSERT INTO users (username, password_hash, full_name, role, unit_id)
         SELECT $1, password_hash, $2, $3, $4 FROM users WHERE username = 'desk'`,
        [username, `Cán bộ ${username}`, role, unitId],
      );
    }
    for (const u of ['desk', 'head', 'handler', 'handler2', 'board', 'admin', 'desk_c2', 'head_c2', 'desk_pd', 'head_pd', 'desk_x', 'head_x', 'board_x']) {
      [tok[u], uid[u]] = await Promise.all([s.token(u), s.userId(u)]);
    }

    const c1 = { desk: 'desk', head: 'head', unitId: unit.C1 };
    at('2026-10-27T09:00');
    await open('A', { ...c1, assignee: 'handler' });

    at('2026-11-03T09:00');
    await open('B', { ...c1, assignee: 'handler' });
    await open('C', { ...c1, assignee: 'handler' });
    await open('G', { ...c1, assignee: 'handler' });
    await open('H', { ...c1, kind: 'complaint' });
    p.E = await file('desk_pd', unit.PD, 'feedback', 'Đơn E: gửi nhầm lên tỉnh');
    const e2 = await transfer('E', 'desk_pd', unit.C1);
    await act('head', e2, 'accept');
    await act('head', e2, 'assign', { assigneeId: uid.handler });
    p.F = await file('desk', unit.C1, 'feedback', 'Đơn F: thuộc phường khác');
    const f2 = await transfer('F', 'desk', unit.C2);
    await act('head_c2', f2, 'accept');
    await act('head_c2', f2, 'assign', { assigneeId: uid.head_c2 });
    await open('P', { desk: 'desk_pd', head: 'head_pd', unitId: unit.PD, kind: 'recommendation', assignee: 'head_pd' });
    await open('D', { ...c1, unitId: unit.D1, kind: 'recommendation', assignee: 'handler2' });
    await open('X', { desk: 'desk_x', head: 'head_x', unitId: unit.X1 });

    at('2026-11-05T09:00');
    await open('I', { ...c1 });
    at('2026-11-06T09:00');
    await open('J', { desk: 'desk_c2', head: 'head_c2', unitId: unit.C2, kind: 'recommendation' });
    at('2026-11-10T00:30');
    await open('K', { ...c1, unitId: unit.D1 });

    at('2026-11-10T09:00');
    for (const k of ['A', 'C', 'D']) await resolve('head', p[k]!.id);
    await resolve('head', e2);
    await resolve('head_c2', f2);
    await resolve('head_pd', p.P!.id);
    p.E2 = { id: e2 } as PetitionView;
    p.F2 = { id: f2 } as PetitionView;

    at('2026-11-24T09:00');
    await fireAndAwaitEscalations(['B', 'G', 'X']);
    at('2026-11-25T09:00');
    await resolve('head', p.B!.id);
    at('2026-11-26T09:00');
    await fireAndAwaitEscalations(['B', 'G', 'X', 'I']);
  });

  afterAll(async () => {
    await s?.close();
  });

  const board = (user: string, path: string) => s.http().get(`/api/board/${path}`).set('Authorization', tok[user]!);
  async function overdue(user: string, query = ''): Promise<OverdueBody> {
    const res = await board(user, `overdue${query ? `?${query}` : ''}`);
    if (res.status !== 200) throw new Error(`overdue ${query} → ${res.status} ${res.text}`);
    return res.body as OverdueBody;
  }
  async function stats(user: string, query: string): Promise<StatsBody> {
    const res = await board(user, `stats?${query}`);
    if (res.status !== 200) throw new Error(`stats ${query} → ${res.status} ${res.text}`);
    return res.body as StatsBody;
  }
  /** The petitions of a list, by scenario letter, in order. */
  const keysOf = (body: OverdueBody) => body.items.map((i) => Object.keys(p).find((k) => p[k]!.id === i.petition.id) ?? `?${i.petition.id}`);

  describe('the scenario itself (facts the figures rest on)', () => {
    it('due instants are what the timeline says', async () => {
      const due = async (k: string) =>
        (await s.sql.query<{ due_at: Date }>(`SELECT due_at FROM petition_clocks WHERE petition_id = $1 AND kind = 'resolution'`, [p[k]!.id])).rows[0]!
          .due_at.toISOString();
      expect(await due('G')).toBe('2026-11-23T17:00:00.000Z');
      expect(await due('I')).toBe('2026-11-25T17:00:00.000Z');
      expect(await due('J')).toBe('2026-11-26T17:00:00.000Z');
      expect(await due('K')).toBe('2026-11-30T17:00:00.000Z');
      expect(await due('H')).toBe('2026-12-03T17:00:00.000Z');
    });

    it('escalation is oversight: level 1, the province unit watches, the owner does not change', async () => {
      const r = await s.sql.query<{ id: string; escalation_level: number; owning_unit_id: string; watchers: string[] }>(
        `SELECT p.id, p.escalation_level, p.owning_unit_id, array_agg(w.unit_id) AS watchers
           FROM petitions p JOIN petition_watchers w ON w.petition_id = p.id WHERE p.id = ANY($1) GROUP BY p.id`,
        [['B', 'G', 'I', 'X'].map((k) => p[k]!.id)],
      );
      const byId = new Map(r.rows.map((row) => [row.id, row]));
      for (const k of ['B', 'G', 'I']) expect(byId.get(p[k]!.id)).toMatchObject({ escalation_level: 1, owning_unit_id: unit.C1, watchers: [unit.QN] });
      expect(byId.get(p.X!.id)).toMatchObject({ escalation_level: 1, owning_unit_id: unit.X1, watchers: [unit.XP] });
    });
  });

  describe('GET /api/board/overdue', () => {
    it('lists overdue then near-breach clocks for the province board, most overdue first', async () => {
      const body = await overdue('board');
      expect(keysOf(body)).toEqual(['G', 'I', 'J']);
      expect(body).toMatchObject({ asOf: '2026-11-26T02:00:00.000Z', nearShare: 0.8, total: 3, page: 1, pageSize: 20 });
      expect(body.items.map((i) => i.state)).toEqual(['overdue', 'overdue', 'near_breach']);
      // G: due 23/11 17:00Z, now 26/11 02:00Z → 2 days 9 hours late. I: 9 hours late. J: 15 hours left of 20 days 15 hours.
      expect(body.items.map((i) => [i.lateBy, i.lateByMs, i.remaining, i.remainingMs])).toEqual([
        ['P2DT9H', 2 * DAY + 9 * HOUR, null, null],
        ['PT9H', 9 * HOUR, null, null],
        [null, null, 'PT15H', 15 * HOUR],
      ]);
      expect(body.items[2]!.shareUsed).toBeCloseTo(480 / 495, 4);
      expect(body.items[0]).toEqual({
        state: 'overdue',
        lateBy: 'P2DT9H',
        lateByMs: 2 * DAY + 9 * HOUR,
        remaining: null,
        remainingMs: null,
        shareUsed: expect.any(Number),
        petition: {
          id: p.G!.id,
          trackingCode: p.G!.trackingCode,
          kind: 'feedback',
          status: 'assigned',
          title: 'Đơn G: kiểm tra bảng theo dõi',
          escalationLevel: 1,
          owningUnit: { id: unit.C1, name: 'Phường Hạ Long' },
          assigneeId: uid.handler,
        },
        clock: {
          id: expect.any(String),
          kind: 'resolution',
          ruleId: 'P1',
          status: 'breached',
          startedAt: '2026-11-03T02:00:00.000Z',
          dueAt: '2026-11-23T17:00:00.000Z',
        },
      });
      expect(body.items[2]!.petition).toMatchObject({ escalationLevel: 0, owningUnit: { id: unit.C2 }, kind: 'recommendation' });
      expect(body.items[2]!.clock).toMatchObject({ status: 'running', ruleId: 'P1' });
      expect(body.definitions.nearBreach).toEqual({ vi: expect.stringContaining('giờ lịch'), en: expect.stringContaining('calendar time') });
    });

    it('nearShare widens the near-breach band (K used 77.96%, H 75.1% of their periods)', async () => {
      expect(keysOf(await overdue('board', 'nearShare=0.7'))).toEqual(['G', 'I', 'J', 'K', 'H']);
      expect(keysOf(await overdue('board', 'nearShare=0.77'))).toEqual(['G', 'I', 'J', 'K']);
      expect(keysOf(await overdue('board', 'nearShare=0.78'))).toEqual(['G', 'I', 'J']);
      // 1 leaves only what is past due.
      expect(keysOf(await overdue('board', 'nearShare=1'))).toEqual(['G', 'I']);
    });

    it('filters by state, petition kind, clock kind and unit (a commune includes its departments)', async () => {
      expect(keysOf(await overdue('board', 'state=overdue'))).toEqual(['G', 'I']);
      expect(keysOf(await overdue('board', 'state=near_breach'))).toEqual(['J']);
      expect(keysOf(await overdue('board', 'state=near_breach&nearShare=0.7'))).toEqual(['J', 'K', 'H']);
      expect(keysOf(await overdue('board', 'kind=complaint&nearShare=0.7'))).toEqual(['H']);
      expect(keysOf(await overdue('board', 'kind=recommendation'))).toEqual(['J']);
      expect(keysOf(await overdue('board', 'clockKind=processing'))).toEqual([]);
      expect(keysOf(await overdue('board', `unitId=${unit.D1}&nearShare=0.7`))).toEqual(['K']);
      expect(keysOf(await overdue('board', `unitId=${unit.C1}&nearShare=0.7`))).toEqual(['G', 'I', 'K', 'H']);
      expect(keysOf(await overdue('board', `unitId=${unit.C2}`))).toEqual(['J']);
    });

    it('paginates with a total', async () => {
      const first = await overdue('board', 'pageSize=2');
      expect(keysOf(first)).toEqual(['G', 'I']);
      expect(first).toMatchObject({ total: 3, page: 1, pageSize: 2 });
      const second = await overdue('board', 'pageSize=2&page=2');
      expect(keysOf(second)).toEqual(['J']);
      expect(second.total).toBe(3);
      expect((await overdue('board', 'pageSize=2&page=3')).items).toEqual([]);
    });

    it('jurisdiction: commune staff see their commune, the other province sees only its own, admin sees all', async () => {
      expect(keysOf(await overdue('desk'))).toEqual(['G', 'I']);
      expect(keysOf(await overdue('head', 'nearShare=0.7'))).toEqual(['G', 'I', 'K', 'H']);
      expect(keysOf(await overdue('head_c2'))).toEqual(['J']);
      expect(keysOf(await overdue('desk_c2', 'nearShare=0.7'))).toEqual(['J']);
      // The board of the other province: X only, never Quảng Ninh's petitions (and X never reaches Quảng Ninh's board).
      const other = await overdue('board_x', 'nearShare=0');
      expect(keysOf(other)).toEqual(['X']);
      expect(other.items[0]).toMatchObject({ state: 'overdue', lateBy: 'P2DT9H', petition: { owningUnit: { id: unit.X1 }, escalationLevel: 1 } });
      expect(keysOf(await overdue('board', 'nearShare=0'))).not.toContain('X');
      // Admin: everything; G and X share a due instant (ties go by clock id).
      const all = keysOf(await overdue('admin'));
      expect(all.slice(0, 2).sort()).toEqual(['G', 'X']);
      expect(all.slice(2)).toEqual(['I', 'J']);
    });

    it('watchers: province-level staff see the escalated commune petitions their province unit watches, nothing else', async () => {
      // head_pd's jurisdiction is the province-level units of Quảng Ninh: C1 and C2 are not in it, but the
      // province unit watches G and I since their escalation. J, K and H were never escalated.
      expect(keysOf(await overdue('head_pd', 'nearShare=0'))).toEqual(['G', 'I']);
    });

    it('a unitId outside the jurisdiction → 422 naming unitId', async () => {
      const res = await board('board', `overdue?unitId=${unit.X1}`);
      expect(expectProblem(res, 422, 'petition.unit_invalid').errors!.map((e) => e.field)).toEqual(['unitId']);
      expectProblem(await board('desk', `overdue?unitId=${unit.C2}`), 422, 'petition.unit_invalid');
    });

    it('a handler may not read the board → 403; no token → 401', async () => {
      expectProblem(await board('handler', 'overdue'), 403, 'error.forbidden');
      expectProblem(await board('handler2', 'stats?from=2026-11-01&to=2026-11-30'), 403, 'error.forbidden');
      expectProblem(await s.http().get('/api/board/overdue'), 401, 'error.unauthenticated');
    });

    it.each([
      ['nearShare=1.5', 'nearShare', 'validation.isShare'],
      ['nearShare=-0.1', 'nearShare', 'validation.isShare'],
      ['nearShare=abc', 'nearShare', 'validation.isShare'],
      ['nearShare=', 'nearShare', 'validation.isShare'],
      ['nearShare=0.5&nearShare=0.6', 'nearShare', 'validation.isShare'],
      ['state=late', 'state', 'validation.isIn'],
      ['kind=petition', 'kind', 'validation.isIn'],
      ['clockKind=alarm', 'clockKind', 'validation.isIn'],
      ['unitId=123', 'unitId', 'validation.isUuid'],
      ['pageSize=0', 'pageSize', 'validation.min'],
      ['pageSize=101', 'pageSize', 'validation.max'],
      ['page=x', 'page', 'validation.isInt'],
      ['extra=1', 'extra', 'validation.whitelistValidation'],
    ])('overdue?%s → 400 naming %s (%s)', async (query, field, code) => {
      const res = await board('board', `overdue?${query}`);
      expect(expectProblem(res, 400, 'error.validation').errors!.map((e) => [e.field, e.code])).toEqual([[field, code]]);
    });
  });

  describe('GET /api/board/stats', () => {
    const NOVEMBER = 'from=2026-11-01&to=2026-11-30';

    it('figures by commune for the province board, with the grassroots rate and its n', async () => {
      const body = await stats('board', `${NOVEMBER}&groupBy=commune`);
      expect(body.period).toEqual({
        from: '2026-11-01',
        to: '2026-11-30',
        timeZone: 'Asia/Ho_Chi_Minh',
        startsAt: '2026-10-31T17:00:00.000Z',
        endsAt: '2026-11-30T17:00:00.000Z',
      });
      expect(body).toMatchObject({ groupBy: 'commune', asOf: '2026-11-26T02:00:00.000Z' });
      const rows = new Map(body.rows.map((r) => [r.unit.id, r]));
      expect([...rows.keys()].sort()).toEqual([unit.C1, unit.C2, unit.QN].sort());
      // C1 (with D1). Received: B C G H E2 F D I K. Resolved: A C E2 D on time, B late. Overdue now: G I.
      // Escalated: B G I. Transferred out: F. Grassroots: of A B C E2 D, B was escalated and E2 came down from
      // the province, so 3 of 5.
      expect(rows.get(unit.C1)).toMatchObject({ unit: { id: unit.C1, name: 'Phường Hạ Long', level: 'commune' }, ...figures(9, 5, 4, 2, 3, 1, 3, 5) });
      // C2: F2 (transferred across from C1: still grassroots) resolved on time; J open, not yet due.
      expect(rows.get(unit.C2)).toMatchObject({ unit: { level: 'commune' }, ...figures(2, 1, 1, 0, 0, 0, 1, 1) });
      // Province level (PD): E received and transferred out, P resolved on time; not commune level, so n = 0.
      expect(rows.get(unit.QN)).toMatchObject({ unit: { level: 'province' }, ...figures(2, 1, 1, 0, 0, 1, 0, 0) });
      expect(rows.get(unit.QN)!.grassrootsRate).toEqual({ value: null, count: 0, n: 0 });
      expect(body.totals).toEqual(figures(13, 7, 6, 2, 3, 2, 4, 6));
      expect(body.totals.grassrootsRate.value).toBeCloseTo(4 / 6, 10);
      expect(body.totals.onTimeRate.value).toBeCloseTo(6 / 7, 10);
    });

    it('defines every figure in Vietnamese and English', async () => {
      const body = await stats('board', NOVEMBER);
      expect(Object.keys(body.definitions).sort()).toEqual(
        ['period', 'received', 'resolved', 'resolvedOnTime', 'overdueNow', 'escalated', 'transferredOut', 'onTimeRate', 'grassrootsRate'].sort(),
      );
      for (const d of Object.values(body.definitions)) expect(d).toEqual({ vi: expect.any(String), en: expect.any(String) });
      expect(body.definitions.grassrootsRate!.vi).toContain('Tỷ lệ giải quyết tại cơ sở');
      expect(body.definitions.grassrootsRate!.en).toContain('n = 0');
      expect(body.definitions.period!.en).toContain('UTC+7');
    });

    it('defaults to grouping by commune; groupBy=unit splits the commune from its department', async () => {
      expect((await stats('board', NOVEMBER)).groupBy).toBe('commune');
      const body = await stats('board', `${NOVEMBER}&groupBy=unit`);
      const rows = new Map(body.rows.map((r) => [r.unit.id, r]));
      expect([...rows.keys()].sort()).toEqual([unit.C1, unit.D1, unit.C2, unit.PD].sort());
      // C1 alone: received B C G H E2 F I; resolved A C E2 on time, B late; grassroots A C of A B C E2.
      expect(rows.get(unit.C1)).toMatchObject(figures(7, 4, 3, 2, 3, 1, 2, 4));
      // D1: received D K; D resolved on time at a department under the commune: grassroots.
      expect(rows.get(unit.D1)).toMatchObject({ unit: { level: 'department' }, ...figures(2, 1, 1, 0, 0, 0, 1, 1) });
      expect(rows.get(unit.PD)).toMatchObject({ unit: { level: 'department' }, ...figures(2, 1, 1, 0, 0, 1, 0, 0) });
      expect(body.totals).toEqual(figures(13, 7, 6, 2, 3, 2, 4, 6));
    });

    it('periods are Vietnam local dates: K, filed at 00:30 on 10/11 (17:30Z on 09/11), belongs to 10/11', async () => {
      // 01–09/11: B C G H E2 F D I received; nothing resolved yet, so both rates are null with n = 0.
      const early = await stats('desk', 'from=2026-11-01&to=2026-11-09');
      expect(early.rows.map((r) => r.unit.id)).toEqual([unit.C1]);
      expect(early.totals).toEqual(figures(8, 0, 0, 2, 0, 1, 0, 0));
      expect(early.totals.onTimeRate).toEqual({ value: null, count: 0, n: 0 });
      // 10/11 alone: K received; A C E2 D resolved on time, A C D at the grassroots.
      const tenth = await stats('desk', 'from=2026-11-10&to=2026-11-10');
      expect(tenth.totals).toEqual(figures(1, 4, 4, 2, 0, 0, 3, 4));
      expect(tenth.period).toMatchObject({ startsAt: '2026-11-09T17:00:00.000Z', endsAt: '2026-11-10T17:00:00.000Z' });
    });

    it('a petition resolved late, after escalation, is not grassroots', async () => {
      // 24–30/11 at C1: only B was resolved (25/11, due 23/11, escalated 24/11). G (24/11) and I (26/11) escalated too.
      const body = await stats('desk', 'from=2026-11-24&to=2026-11-30');
      expect(body.totals).toEqual(figures(0, 1, 0, 2, 3, 0, 0, 1));
      expect(body.totals.grassrootsRate).toEqual({ value: 0, count: 0, n: 1 });
      expect(body.totals.onTimeRate).toEqual({ value: 0, count: 0, n: 1 });
    });

    it('jurisdiction: the commune desk sees its commune, the other province only itself, admin both', async () => {
      const desk = await stats('desk', NOVEMBER);
      expect(desk.rows.map((r) => r.unit.id)).toEqual([unit.C1]);
      expect(desk.totals).toEqual(figures(9, 5, 4, 2, 3, 1, 3, 5));

      const other = await stats('board_x', NOVEMBER);
      expect(other.rows.map((r) => r.unit.id)).toEqual([unit.X1]);
      expect(other.totals).toEqual(figures(1, 0, 0, 1, 1, 0, 0, 0));

      const all = await stats('admin', NOVEMBER);
      expect(all.rows.map((r) => r.unit.id).sort()).toEqual([unit.C1, unit.C2, unit.QN, unit.X1].sort());
      expect(all.totals).toEqual(figures(14, 7, 6, 3, 4, 2, 4, 6));
    });

    it('October: only A was received; nothing else happened in that period', async () => {
      const body = await stats('board', 'from=2026-10-01&to=2026-10-31');
      // overdueNow is a snapshot at asOf, whatever the period.
      expect(body.totals).toEqual(figures(1, 0, 0, 2, 0, 0, 0, 0));
    });

    it.each([
      ['from=2026-11-30&to=2026-11-01', 'board.period_invalid', [['to', 'board.period_invalid']]],
      ['from=2026-02-30&to=2026-03-01', 'error.validation', [['from', 'validation.isLocalDate']]],
      ['from=2026-11-01', 'error.validation', [['to', 'validation.isDefined']]],
      ['to=2026-11-30', 'error.validation', [['from', 'validation.isDefined']]],
      ['from=01/11/2026&to=2026-11-30', 'error.validation', [['from', 'validation.isLocalDate']]],
      ['from=2026-11-01T00:00:00Z&to=2026-11-30', 'error.validation', [['from', 'validation.isLocalDate']]],
      [`${NOVEMBER}&groupBy=province`, 'error.validation', [['groupBy', 'validation.isIn']]],
    ])('stats?%s → 400 %s', async (query, code, errors) => {
      const res = await board('board', `stats?${query}`);
      expect(expectProblem(res, 400, code).errors!.map((e) => [e.field, e.code])).toEqual(errors);
    });
  });

  describe('query plans', () => {
    /**
     * The relations a statement reads by sequential scan when sequential scans are priced out: on a table this
     * small the planner would happily scan anyway, but with enable_seqscan off it only does when no index fits.
     */
    async function seqScans(q: SqlQuery): Promise<string[]> {
      const client = await s.sql.connect();
      try {
        await client.query('BEGIN');
        await client.query('SET LOCAL enable_seqscan = off');
        const r = await client.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(`EXPLAIN (FORMAT JSON) ${q.sql}`, q.params);
        const found: string[] = [];
        const walk = (n: PlanNode) => {
          if (n['Node Type'] === 'Seq Scan') found.push(n['Relation Name']!);
          for (const child of n.Plans ?? []) walk(child);
        };
        walk(r.rows[0]!['QUERY PLAN'][0].Plan);
        return found;
      } finally {
        await client.query('ROLLBACK');
        client.release();
      }
    }
    interface PlanNode {
      'Node Type': string;
      'Relation Name'?: string;
      Plans?: PlanNode[];
    }

    const scopes = (): [string, AccessScope][] => [
      ['province board', { kind: 'province', provinceId: unit.QN }],
      ['commune staff', { kind: 'commune', communeId: unit.C1 }],
      ['province-level staff', { kind: 'province-units', provinceId: unit.QN }],
      ['administrator', { kind: 'all' }],
    ];

    it('the overdue list and its total are read through indexes for every kind of jurisdiction and filter', async () => {
      for (const [, scope] of scopes()) {
        for (const filter of [{}, { state: 'overdue' as const }, { state: 'near_breach' as const, kind: 'feedback' as const, unitId: unit.C1 }]) {
          const { count, page } = overdueBoardQueries(scope, { page: 1, pageSize: 20, ...filter }, clock.now());
          expect({ scope, filter, seqScans: await seqScans(count) }).toEqual({ scope, filter, seqScans: [] });
          expect({ scope, filter, seqScans: await seqScans(page) }).toEqual({ scope, filter, seqScans: [] });
        }
      }
    });

    it('the figures are read through indexes for every kind of jurisdiction', async () => {
      for (const [, scope] of scopes()) {
        for (const groupBy of ['unit', 'commune'] as const) {
          const q = boardStatsQuery(scope, { from: '2026-11-01', to: '2026-11-30', groupBy }, clock.now());
          // An administrator's jurisdiction is every unit: reading the whole (small, reference) units table is the plan.
          const found = (await seqScans(q)).filter((relation) => !(scope.kind === 'all' && relation === 'units'));
          expect({ scope, groupBy, seqScans: found }).toEqual({ scope, groupBy, seqScans: [] });
        }
      }
    });
  });

  it('both routes are in the OpenAPI document', async () => {
    const doc = (await s.http().get('/api/docs-json').expect(200)).body as { paths: Record<string, { get?: { tags?: string[] } }> };
    expect(doc.paths['/api/board/overdue']?.get?.tags).toEqual(['board']);
    expect(doc.paths['/api/board/stats']?.get?.tags).toEqual(['board']);
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { PetitionView } from '@app/application';
import { JwtService } from '@nestjs/jwt';
import type { Response } from 'supertest';
import { createPetition, mustPerformAction, performAction, petitionBody, userUnitId } from '../support/petition-fixtures.js';
import { startTestStack, type TestStack } from '../support/test-stack.js';

/**
 * Who may do and see what: authentication, roles, assignees, jurisdiction (another commune's petitions do
 * not exist for you), identity masking (board; handlers on denunciations), list filters and search, and the
 * public and reference endpoints.
 */

function expectProblem(res: Response, status: number, code?: string) {
  const context = `${res.status} ${res.text}`;
  expect({ status: res.status, context }).toEqual({ status, context });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, type: expect.any(String), title: expect.any(String), detail: expect.any(String), code: expect.any(String) });
  expect(res.body.messages).toEqual({ vi: expect.any(String), en: expect.any(String) });
  if (code !== undefined) expect(res.body.code).toBe(code);
  expect(res.text).not.toMatch(/^\s*at\s|\.(ts|js):\d+|node_modules/m);
  return res.body as { errors?: { field: string; code: string }[]; [k: string]: unknown };
}

interface ListBody {
  items: { id: string; status: string; kind: string; assigneeId: string | null; owningUnitId: string; title: string }[];
  total: number;
  page: number;
  pageSize: number;
}

const PETITIONER = { fullName: 'Bùi Thị Thanh Xuân', phone: '0977111222', idNumber: '022190004321', address: 'Số 9 ngõ 4, tổ 2' };
const CO_PETITIONER = { fullName: 'Bùi Văn Khánh', phone: '0977333444' };

describe('access, visibility and queries', () => {
  let s: TestStack;
  const tok: Record<string, string> = {};
  const uid: Record<string, string> = {};
  let communeId: string;
  let departmentId: string;
  let provinceId: string;
  let otherCommuneId: string;

  beforeAll(async () => {
    s = await startTestStack('access');
    // close() drops the database WITH (FORCE) while pg.Pool#end() may still be closing this pool's sockets; with
    // no listener, that expected disconnect is an unhandled 'error' event failing the suite. Queries still reject.
    s.sql.on('error', () => undefined);
    const unit = (
      await s.sql.query<{ commune_id: string; province_id: string }>(
        `SELECT u.id AS commune_id, u.province_id FROM users us JOIN units u ON u.id = us.unit_id WHERE us.username = 'desk'`,
      )
    ).rows[0]!;
    communeId = unit.commune_id;
    provinceId = unit.province_id;
    departmentId = await userUnitId(s, 'handler2');
    // Another commune of the same province: the board sees both, commune staff only their own.
    otherCommuneId = (
      await s.sql.query<{ id: string }>(`SELECT id FROM units WHERE level = 'commune' AND province_id = $1 AND id <> $2 ORDER BY code LIMIT 1`, [
        provinceId,
        communeId,
      ])
    ).rows[0]!.id;
    for (const [username, role, fullName] of [
      ['desk_other', 'desk', 'Cán bộ tiếp dân phường khác'],
      ['handler_other', 'handler', 'Chuyên viên phường khác'],
      ['retired', 'desk', 'Cán bộ đã nghỉ'],
    ] as const) {
      await s.sql.query(
        `INSERT INTO users (username, password_hash, full_name, role, unit_id)
         SELECT $1, password_hash, $2, $3, $4 FROM users WHERE username = 'desk'`,
        [username, fullName, role, otherCommuneId],
      );
    }
    for (const u of ['desk', 'head', 'handler', 'handler2', 'board', 'admin', 'desk_other', 'handler_other', 'retired']) {
      [tok[u], uid[u]] = await Promise.all([s.token(u), s.userId(u)]);
    }
  });

  afterAll(async () => {
    await s?.close();
  });

  const create = (kind: string, title: string, opts: { unitId?: string; token?: string } = {}) =>
    createPetition(
      s,
      opts.token ?? tok.desk!,
      petitionBody(opts.unitId ?? communeId, {
        kind,
        channel: 'mail',
        title,
        content: `Nội dung đơn: ${title}`,
        petitioner: PETITIONER,
        coPetitioners: [CO_PETITIONER],
      }),
    );

  const act = (user: string, id: string, action: string, body: object = {}) => performAction(s, tok[user]!, id, action, body);
  const mustAct = (user: string, id: string, action: string, body: object = {}) => mustPerformAction(s, tok[user]!, id, action, body);

  const get = (user: string, id: string) => s.http().get(`/api/petitions/${id}`).set('Authorization', tok[user]!);
  const list = (user: string, query = '') => s.http().get(`/api/petitions${query ? `?${query}` : ''}`).set('Authorization', tok[user]!);
  const versionOf = async (id: string) => (await s.sql.query<{ version: number }>('SELECT version FROM petitions WHERE id = $1', [id])).rows[0]!.version;

  describe('authentication', () => {
    it.each([
      ['GET', '/api/petitions'],
      ['POST', '/api/petitions'],
      ['GET', '/api/auth/me'],
      ['GET', '/api/units'],
      ['GET', '/api/notifications'],
      ['POST', `/api/petitions/${randomUUID()}/actions/accept`],
    ])('%s %s without a token → 401 problem', async (method, path) => {
      const req = method === 'GET' ? s.http().get(path) : s.http().post(path).send({});
      const p = expectProblem(await req, 401, 'error.unauthenticated');
      expect(p.title).toBe('Unauthorized');
    });

    it.each([
      ['garbage', 'Bearer not-a-token'],
      ['a JWT-shaped garbage', 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl'],
      ['an empty bearer', 'Bearer '],
      ['the wrong scheme', 'Basic ZGVzazpncmFzc3Jvb3RzLWRlbW8='],
    ])('%s token → 401', async (_label, header) => {
      expectProblem(await s.http().get('/api/petitions').set('Authorization', header), 401, 'error.unauthenticated');
    });

    it('a token signed with another secret → 401', async () => {
      const forged = new JwtService({ secret: 'x'.repeat(40) }).sign({ sub: uid.admin, role: 'admin', unitId: provinceId });
      expectProblem(await s.http().get('/api/petitions').set('Authorization', `Bearer ${forged}`), 401, 'error.unauthenticated');
    });

    it('an expired token → 401', async () => {
      const expired = new JwtService({ secret: s.config.jwt.secret }).sign(
        { sub: uid.desk, role: 'desk', unitId: communeId },
        { expiresIn: -60 },
      );
      expectProblem(await s.http().get('/api/petitions').set('Authorization', `Bearer ${expired}`), 401, 'error.unauthenticated');
    });

    it('a valid token for a user who no longer exists → 401', async () => {
      const orphan = new JwtService({ secret: s.config.jwt.secret }).sign({ sub: randomUUID(), role: 'admin', unitId: provinceId });
      expectProblem(await s.http().get('/api/petitions').set('Authorization', `Bearer ${orphan}`), 401, 'error.unauthenticated');
    });

    it('a valid token whose subject is not a user id → 401, not 500', async () => {
      const odd = new JwtService({ secret: s.config.jwt.secret }).sign({ sub: 'desk', role: 'desk', unitId: communeId });
      expectProblem(await s.http().get('/api/petitions').set('Authorization', `Bearer ${odd}`), 401, 'error.unauthenticated');
    });

    it('a deactivated user is refused at once, token or password', async () => {
      const token = tok.retired!;
      await s.http().get('/api/auth/me').set('Authorization', token).expect(200);
      await s.sql.query(`UPDATE users SET active = false WHERE username = 'retired'`);
      expectProblem(await s.http().get('/api/auth/me').set('Authorization', token), 401, 'error.unauthenticated');
      const login = await s.http().post('/api/auth/login').send({ username: 'retired', password: 'grassroots-demo' });
      expectProblem(login, 401, 'error.bad_credentials');
    });

    it('a wrong password gets the same 401 body as an unknown user', async () => {
      const wrong = await s.http().post('/api/auth/login').send({ username: 'desk', password: 'not-the-password' });
      const unknown = await s.http().post('/api/auth/login').send({ username: 'nobody-here', password: 'not-the-password' });
      expectProblem(wrong, 401, 'error.bad_credentials');
      expectProblem(unknown, 401, 'error.bad_credentials');
      expect(wrong.body).toEqual(unknown.body);
      expect(wrong.headers['content-type']).toBe(unknown.headers['content-type']);
      expect(wrong.body.messages.vi).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    });

    it('logs in case-insensitively and returns a usable token', async () => {
      const res = await s.http().post('/api/auth/login').send({ username: 'DESK', password: 'grassroots-demo' }).expect(200);
      expect(res.body).toMatchObject({ accessToken: expect.any(String), expiresIn: expect.any(Number), user: { username: 'desk', role: 'desk' } });
      expect(JSON.stringify(res.body)).not.toMatch(/password|argon2/i);
      await s.http().get('/api/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
    });

    it('GET /api/auth/me returns the signed-in user, without secrets', async () => {
      const res = await s.http().get('/api/auth/me').set('Authorization', tok.desk!).expect(200);
      expect(res.body).toEqual({ id: uid.desk, username: 'desk', fullName: 'Nguyễn Thị Lan', role: 'desk', unitId: communeId, unitName: expect.any(String) });
      const board = await s.http().get('/api/auth/me').set('Authorization', tok.board!).expect(200);
      expect(board.body).toMatchObject({ id: uid.board, role: 'board', unitId: provinceId });
    });
  });

  describe('roles and assignees', () => {
    let received: PetitionView;
    let accepted: PetitionView;
    let assignedToHandler2: PetitionView;

    beforeAll(async () => {
      received = await create('complaint', 'Khiếu nại về quyết định xử phạt');
      accepted = await create('complaint', 'Khiếu nại về cấp giấy phép');
      await mustAct('head', accepted.id, 'accept');
      assignedToHandler2 = await create('feedback', 'Phản ánh về vỉa hè');
      await mustAct('head', assignedToHandler2.id, 'accept');
      await mustAct('head', assignedToHandler2.id, 'assign', { assigneeId: uid.handler2 });
    });

    it('handler may not accept → 403, nothing changes', async () => {
      const p = expectProblem(await act('handler', received.id, 'accept'), 403, 'petition.role_not_allowed');
      expect(p.title).toBe('Forbidden');
      expect(await versionOf(received.id)).toBe(1);
    });

    it('desk may not assign → 403', async () => {
      expectProblem(await act('desk', accepted.id, 'assign', { assigneeId: uid.handler }), 403, 'petition.role_not_allowed');
      expect(await versionOf(accepted.id)).toBe(2);
    });

    it.each([
      ['accept', {}],
      ['reject', { reason: 'Không thụ lý' }],
      ['withdraw', {}],
      ['guide', { guidance: 'Gửi UBND tỉnh' }],
      ['file', { reason: 'duplicate' }],
    ])('board may not %s → 403', async (action, body) => {
      expectProblem(await act('board', received.id, action, body), 403, 'petition.role_not_allowed');
      expect(await versionOf(received.id)).toBe(1);
    });

    it('board may not assign or resolve → 403', async () => {
      expectProblem(await act('board', accepted.id, 'assign', { assigneeId: uid.handler }), 403, 'petition.role_not_allowed');
      expectProblem(await act('board', assignedToHandler2.id, 'resolve', { summary: 'Xong' }), 403, 'petition.role_not_allowed');
    });

    it.each(['board', 'handler', 'admin'])('%s may not create a petition → 403', async (user) => {
      const before = Number((await s.sql.query<{ n: string }>('SELECT count(*) AS n FROM petitions')).rows[0]!.n);
      const res = await s
        .http()
        .post('/api/petitions')
        .set('Authorization', tok[user]!)
        .send({ kind: 'feedback', channel: 'mail', title: 'Thử', content: 'Thử', receivingUnitId: communeId, petitioner: PETITIONER });
      expectProblem(res, 403, 'petition.role_not_allowed');
      expect(Number((await s.sql.query<{ n: string }>('SELECT count(*) AS n FROM petitions')).rows[0]!.n)).toBe(before);
    });

    it('board sees no available actions', async () => {
      const res = await get('board', received.id).expect(200);
      expect(res.body.availableActions).toEqual([]);
    });

    it('a handler who is not the assignee may not start verification → 403', async () => {
      expectProblem(await act('handler', assignedToHandler2.id, 'start-verification'), 403, 'petition.not_assignee');
      expect(await versionOf(assignedToHandler2.id)).toBe(3);
      const view = await get('handler', assignedToHandler2.id).expect(200);
      expect(view.body.availableActions).toEqual([]);
    });

    it('the assignee may start verification', async () => {
      const view = await get('handler2', assignedToHandler2.id).expect(200);
      expect(view.body.availableActions).toContain('start-verification');
      const res = await mustAct('handler2', assignedToHandler2.id, 'start-verification');
      expect(res.status).toBe('verifying');
    });

    it.each([
      ['a handler of another commune', 'handler_other'],
      ['a desk officer (wrong role)', 'desk'],
      ['the board (wrong role, province level)', 'board'],
    ])('assigning %s → 422 on assigneeId', async (_label, user) => {
      const p = expectProblem(await act('head', accepted.id, 'assign', { assigneeId: uid[user] }), 422, 'petition.assignee_invalid');
      expect(p.errors!.map((e) => e.field)).toEqual(['assigneeId']);
      expect(await versionOf(accepted.id)).toBe(2);
    });

    it('assigning a deactivated handler → 422', async () => {
      await s.sql.query(
        `INSERT INTO users (username, password_hash, full_name, role, unit_id, active)
         SELECT 'handler_gone', password_hash, 'Chuyên viên đã chuyển công tác', 'handler', $1, false FROM users WHERE username = 'desk'`,
        [communeId],
      );
      const goneId = await s.userId('handler_gone');
      expectProblem(await act('head', accepted.id, 'assign', { assigneeId: goneId }), 422, 'petition.assignee_invalid');
    });

    it('a handler in a department under the commune is a valid assignee', async () => {
      const p = await create('recommendation', 'Kiến nghị về chợ tạm');
      await mustAct('head', p.id, 'accept');
      expect((await mustAct('head', p.id, 'assign', { assigneeId: uid.handler2 })).assigneeId).toBe(uid.handler2);
    });
  });

  describe('identity masking', () => {
    let denunciation: PetitionView;
    let feedback: PetitionView;

    beforeAll(async () => {
      denunciation = await create('denunciation', 'Tố cáo hành vi nhận hối lộ');
      feedback = await create('feedback', 'Phản ánh tiếng ồn ban đêm');
    });

    it.each(['desk', 'head', 'admin'])('%s sees who petitioned, even on a denunciation', async (user) => {
      const res = await get(user, denunciation.id).expect(200);
      expect(res.body).toMatchObject({ petitioner: PETITIONER, coPetitioners: [CO_PETITIONER], identityWithheld: false });
    });

    it('board gets petitioner: null and identityWithheld: true, on every kind', async () => {
      for (const p of [denunciation, feedback]) {
        const res = await get('board', p.id).expect(200);
        expect(res.body).toMatchObject({ id: p.id, petitioner: null, coPetitioners: null, identityWithheld: true });
        expect(res.text).not.toContain(PETITIONER.fullName);
        expect(res.text).not.toContain(PETITIONER.phone);
        expect(res.text).not.toContain(PETITIONER.idNumber);
        expect(res.text).not.toContain(CO_PETITIONER.fullName);
      }
    });

    it('board lists the petitions of its province, without personal data', async () => {
      const otherCommunes = await create('feedback', 'Đơn ở phường khác cùng tỉnh', { token: tok.desk_other, unitId: otherCommuneId });
      const res = await list('board', 'pageSize=100').expect(200);
      const body = res.body as ListBody;
      const ids = body.items.map((i) => i.id);
      expect(ids).toEqual(expect.arrayContaining([denunciation.id, feedback.id, otherCommunes.id]));
      const inProvince = await s.sql.query<{ n: string }>(
        'SELECT count(*) AS n FROM petitions p JOIN units u ON u.id = p.owning_unit_id WHERE u.province_id = $1',
        [provinceId],
      );
      expect(body.total).toBe(Number(inProvince.rows[0]!.n));
      expect(res.text).not.toContain(PETITIONER.fullName);
      expect(res.text).not.toContain(PETITIONER.phone);
      const one = await get('board', otherCommunes.id).expect(200);
      expect(one.body).toMatchObject({ petitioner: null, identityWithheld: true });
    });

    it('a handler viewing a denunciation gets the identity withheld', async () => {
      const res = await get('handler', denunciation.id).expect(200);
      expect(res.body).toMatchObject({ petitioner: null, coPetitioners: null, identityWithheld: true });
      expect(res.text).not.toContain(PETITIONER.fullName);
      expect(res.text).not.toContain(PETITIONER.phone);
    });

    it('even the assigned handler gets the identity withheld on a denunciation', async () => {
      await mustAct('head', denunciation.id, 'accept');
      await mustAct('head', denunciation.id, 'assign', { assigneeId: uid.handler });
      const res = await get('handler', denunciation.id).expect(200);
      expect(res.body).toMatchObject({ assigneeId: uid.handler, petitioner: null, identityWithheld: true });
      expect(res.text).not.toContain(PETITIONER.fullName);
      // The action response is a view too: it must mask the same way.
      const started = await act('handler', denunciation.id, 'start-verification').expect(200);
      expect(started.body).toMatchObject({ petitioner: null, identityWithheld: true });
      expect(started.text).not.toContain(PETITIONER.fullName);
    });

    it('a handler viewing feedback sees who petitioned', async () => {
      const res = await get('handler', feedback.id).expect(200);
      expect(res.body).toMatchObject({ petitioner: PETITIONER, coPetitioners: [CO_PETITIONER], identityWithheld: false });
    });
  });

  describe('jurisdiction', () => {
    let ours: PetitionView;

    beforeAll(async () => {
      ours = await create('feedback', 'Phản ánh chỉ phường Hạ Long được thấy');
    });

    it('a user of another commune gets 404 for the petition, like one that does not exist', async () => {
      const res = await get('desk_other', ours.id);
      const p = expectProblem(res, 404, 'error.not_found');
      const missing = await get('desk_other', randomUUID());
      expectProblem(missing, 404, 'error.not_found');
      expect({ ...p, instance: undefined }).toEqual({ ...missing.body, instance: undefined });
    });

    it('a user of another commune gets 404 when acting on it, and nothing changes', async () => {
      expectProblem(await act('desk_other', ours.id, 'withdraw', { reason: 'x' }), 404, 'error.not_found');
      expectProblem(await act('handler_other', ours.id, 'start-verification'), 404, 'error.not_found');
      expect(await versionOf(ours.id)).toBe(1);
    });

    it("a user of another commune sees none of this commune's petitions in the list", async () => {
      const res = await list('handler_other').expect(200);
      const body = res.body as ListBody;
      const theirs = await s.sql.query<{ id: string }>(
        'SELECT p.id FROM petitions p JOIN units u ON u.id = p.owning_unit_id WHERE u.commune_id = $1',
        [otherCommuneId],
      );
      expect(body.items.map((i) => i.id).sort()).toEqual(theirs.rows.map((r) => r.id).sort());
      expect(body.items.map((i) => i.id)).not.toContain(ours.id);
      for (const i of body.items) expect(i.owningUnitId).toBe(otherCommuneId);
      // Asking for this commune's unit explicitly does not widen the scope.
      const filtered = await list('handler_other', `unitId=${communeId}`).expect(200);
      expect(filtered.body).toMatchObject({ items: [], total: 0 });
    });

    it('a user of a commune with no petitions gets an empty list', async () => {
      const emptyCommune = (
        await s.sql.query<{ id: string }>(
          `SELECT id FROM units WHERE level = 'commune' AND id NOT IN ($1, $2) AND id NOT IN (SELECT owning_unit_id FROM petitions) ORDER BY code LIMIT 1`,
          [communeId, otherCommuneId],
        )
      ).rows[0]!.id;
      await s.sql.query(
        `INSERT INTO users (username, password_hash, full_name, role, unit_id)
         SELECT 'head_empty', password_hash, 'Chủ tịch xã khác', 'head', $1 FROM users WHERE username = 'desk'`,
        [emptyCommune],
      );
      const token = await s.token('head_empty');
      const res = await s.http().get('/api/petitions').set('Authorization', token).expect(200);
      expect(res.body).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
      expectProblem(await s.http().get(`/api/petitions/${ours.id}`).set('Authorization', token), 404, 'error.not_found');
    });

    it('a desk officer cannot log a petition for another commune → 422', async () => {
      const res = await s
        .http()
        .post('/api/petitions')
        .set('Authorization', tok.desk_other!)
        .send({ kind: 'feedback', channel: 'mail', title: 'Sai địa bàn', content: 'x', receivingUnitId: communeId, petitioner: PETITIONER });
      const p = expectProblem(res, 422, 'petition.unit_invalid');
      expect(p.errors!.map((e) => e.field)).toEqual(['receivingUnitId']);
    });

    it('staff of a department see their commune petitions', async () => {
      await get('handler2', ours.id).expect(200);
    });

    it('admin sees petitions of every commune', async () => {
      await get('admin', ours.id).expect(200);
      const res = await list('admin', 'pageSize=100').expect(200);
      const total = Number((await s.sql.query<{ n: string }>('SELECT count(*) AS n FROM petitions')).rows[0]!.n);
      expect(res.body.total).toBe(total);
    });
  });

  describe('listing with filters, search and pagination', () => {
    let flooded: PetitionView;
    let acceptedComplaint: PetitionView;
    let assignedDenunciation: PetitionView;
    let atDepartment: PetitionView;
    const pageMarker = 'Mẫu phân trang';
    const paged: string[] = [];

    /** What a commune user's list must hold for a condition, straight from the database. */
    async function expectedIds(condition: string, params: unknown[] = []): Promise<string[]> {
      const r = await s.sql.query<{ id: string }>(
        `SELECT p.id FROM petitions p JOIN units u ON u.id = p.owning_unit_id WHERE u.commune_id = $1 AND ${condition}`,
        [communeId, ...params],
      );
      return r.rows.map((x) => x.id).sort();
    }

    async function listIds(query: string, user = 'desk'): Promise<{ ids: string[]; body: ListBody }> {
      const res = await list(user, `pageSize=100&${query}`);
      if (res.status !== 200) throw new Error(`list ${query} → ${res.status} ${res.text}`);
      const body = res.body as ListBody;
      expect(body.total).toBeLessThanOrEqual(100);
      return { ids: body.items.map((i) => i.id).sort(), body };
    }

    beforeAll(async () => {
      flooded = await create('feedback', 'Đường ngập nước');
      acceptedComplaint = await create('complaint', 'Khiếu nại tiền bồi thường');
      await mustAct('head', acceptedComplaint.id, 'accept');
      assignedDenunciation = await create('denunciation', 'Tố cáo lấn chiếm đất công');
      await mustAct('head', assignedDenunciation.id, 'accept');
      await mustAct('head', assignedDenunciation.id, 'assign', { assigneeId: uid.handler });
      atDepartment = await create('recommendation', 'Kiến nghị sửa chợ', { unitId: departmentId });
      for (let i = 1; i <= 5; i++) paged.push((await create('feedback', `${pageMarker} số ${i}`)).id);
    });

    it('filters by status', async () => {
      const { ids, body } = await listIds('status=accepted');
      expect(ids).toContain(acceptedComplaint.id);
      expect(ids).toEqual(await expectedIds(`p.status = 'accepted'`));
      expect(body.total).toBe(ids.length);
      for (const i of body.items) expect(i.status).toBe('accepted');
    });

    it('filters by kind', async () => {
      const { ids, body } = await listIds('kind=denunciation');
      expect(ids).toContain(assignedDenunciation.id);
      expect(ids).toEqual(await expectedIds(`p.kind = 'denunciation'`));
      for (const i of body.items) expect(i.kind).toBe('denunciation');
    });

    it('filters by status and kind together', async () => {
      const { ids } = await listIds('status=accepted&kind=complaint');
      expect(ids).toContain(acceptedComplaint.id);
      expect(ids).toEqual(await expectedIds(`p.status = 'accepted' AND p.kind = 'complaint'`));
      expect((await listIds('status=accepted&kind=feedback')).ids).toEqual(await expectedIds(`p.status = 'accepted' AND p.kind = 'feedback'`));
    });

    it('filters by assignee', async () => {
      const { ids, body } = await listIds(`assigneeId=${uid.handler}`);
      expect(ids).toContain(assignedDenunciation.id);
      expect(ids).toEqual(await expectedIds('p.assignee_id = $2', [uid.handler]));
      for (const i of body.items) expect(i.assigneeId).toBe(uid.handler);
      expect((await listIds(`assigneeId=${randomUUID()}`)).body).toMatchObject({ items: [], total: 0 });
    });

    it('filters by owning unit', async () => {
      const { ids, body } = await listIds(`unitId=${departmentId}`);
      expect(ids).toEqual([atDepartment.id]);
      expect(body.items[0]!.owningUnitId).toBe(departmentId);
      const commune = await listIds(`unitId=${communeId}`);
      expect(commune.ids).toContain(flooded.id);
      expect(commune.ids).not.toContain(atDepartment.id);
    });

    it.each(['duong ngap', 'ĐƯỜNG', 'Đường ngập', 'đường NGẬP nước', 'DUONG NGAP NUOC', '  duong   ngap  '])(
      'finds "Đường ngập nước" with q=%j (diacritics- and case-insensitive)',
      async (q) => {
        const { ids } = await listIds(`q=${encodeURIComponent(q)}`);
        expect(ids).toContain(flooded.id);
      },
    );

    it('q narrows the list to matching petitions only', async () => {
      const { ids } = await listIds(`q=${encodeURIComponent('duong ngap nuoc')}`);
      expect(ids).toEqual([flooded.id]);
    });

    it('q also searches the content and the tracking code', async () => {
      expect((await listIds(`q=${encodeURIComponent('noi dung don: kien nghi sua cho')}`)).ids).toEqual([atDepartment.id]);
      expect((await listIds(`q=${encodeURIComponent(flooded.trackingCode.toLowerCase())}`)).ids).toEqual([flooded.id]);
    });

    it('q treats LIKE wildcards literally', async () => {
      expect((await listIds(`q=${encodeURIComponent('%')}`)).body).toMatchObject({ items: [], total: 0 });
      expect((await listIds(`q=${encodeURIComponent('_')}`)).body).toMatchObject({ items: [], total: 0 });
    });

    it('q that matches nothing → empty list', async () => {
      expect((await listIds(`q=${encodeURIComponent('không có đơn nào như vậy')}`)).body).toMatchObject({ items: [], total: 0 });
    });

    it('paginates with total, page and pageSize, newest first, without overlap', async () => {
      const q = `q=${encodeURIComponent('mau phan trang')}`;
      const pages = [];
      for (const page of [1, 2, 3, 4]) {
        const res = await list('desk', `${q}&pageSize=2&page=${page}`).expect(200);
        pages.push(res.body as ListBody);
      }
      expect(pages.map((p) => p.total)).toEqual([5, 5, 5, 5]);
      expect(pages.map((p) => p.page)).toEqual([1, 2, 3, 4]);
      expect(pages.map((p) => p.pageSize)).toEqual([2, 2, 2, 2]);
      expect(pages.map((p) => p.items.length)).toEqual([2, 2, 1, 0]);
      const ids = pages.flatMap((p) => p.items.map((i) => i.id));
      expect(new Set(ids).size).toBe(5);
      expect(ids).toEqual([...paged].reverse());
    });

    it('defaults to page 1 of 20', async () => {
      const res = await list('desk').expect(200);
      expect(res.body).toMatchObject({ page: 1, pageSize: 20 });
      expect(res.body.items.length).toBeLessThanOrEqual(20);
      expect(res.body.total).toBe((await expectedIds('TRUE')).length);
    });

    it('list items carry no personal data', async () => {
      const res = await list('desk', 'pageSize=100').expect(200);
      expect(res.text).not.toContain(PETITIONER.fullName);
      expect(res.text).not.toContain(PETITIONER.phone);
    });
  });

  describe('reference, public and operational endpoints', () => {
    it('GET /api/units?level=province → the 34 provinces', async () => {
      const res = await s.http().get('/api/units?level=province').set('Authorization', tok.desk!).expect(200);
      expect(res.body.total).toBe(34);
      expect(res.body.items).toHaveLength(34);
      for (const u of res.body.items as { level: string }[]) expect(u.level).toBe('province');
      expect(res.body.items.map((u: { name: string }) => u.name)).toEqual(expect.arrayContaining([expect.stringContaining('Quảng Ninh')]));
    });

    it('GET /api/units?level=commune → the 3,321 communes', async () => {
      const res = await s.http().get('/api/units?level=commune&pageSize=10').set('Authorization', tok.desk!).expect(200);
      expect(res.body).toMatchObject({ total: 3321, page: 1, pageSize: 10 });
      expect(res.body.items).toHaveLength(10);
    });

    it.each(['ha long', 'Hạ Long', 'HA LONG'])('GET /api/units?q=%s finds Phường Hạ Long', async (q) => {
      const res = await s.http().get(`/api/units?q=${encodeURIComponent(q)}`).set('Authorization', tok.desk!).expect(200);
      const names = (res.body.items as { name: string; id: string }[]).map((u) => u.name);
      expect(names).toContain('Phường Hạ Long');
      expect(res.body.items.find((u: { name: string }) => u.name === 'Phường Hạ Long').id).toBe(communeId);
    });

    it('GET /api/units?level=bogus → 400 problem', async () => {
      const res = await s.http().get('/api/units?level=bogus').set('Authorization', tok.desk!);
      expect(expectProblem(res, 400, 'error.validation').errors!.map((e) => e.field)).toEqual(['level']);
    });

    it('GET /health → 200 with the database up, no token needed', async () => {
      const res = await s.http().get('/health').expect(200);
      expect(res.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, queue: { status: 'up', backend: 'redis' } } });
    });

    it('GET /api/docs-json is an OpenAPI document listing the petition routes', async () => {
      const res = await s.http().get('/api/docs-json').expect(200);
      expect(res.headers['content-type']).toMatch(/json/);
      expect(res.body.openapi).toMatch(/^3\./);
      expect(res.body.info).toMatchObject({ title: 'Grassroots API' });
      expect(Object.keys(res.body.paths)).toEqual(
        expect.arrayContaining(['/api/petitions', '/api/petitions/{id}', '/api/petitions/{id}/actions/{action}']),
      );
      expect(res.body.paths['/api/petitions']).toHaveProperty('post');
      expect(res.body.paths['/api/petitions']).toHaveProperty('get');
      const action = res.body.paths['/api/petitions/{id}/actions/{action}'].post;
      const actionParam = action.parameters.find((p: { name: string }) => p.name === 'action');
      expect(actionParam.schema.enum).toEqual(expect.arrayContaining(['accept', 'assign', 'start-verification', 'reopen']));
      expect(action.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['id', 'action', 'If-Match']));
    });

    it('GET /api/track/<unknown> → 404 problem, no token needed', async () => {
      const p = expectProblem(await s.http().get('/api/track/GR-UNKNOWN-0000'), 404, 'error.not_found');
      expect(p.instance).toBe('/api/track/GR-UNKNOWN-0000');
    });

    it('GET /api/track/<known> shows status only, no personal data', async () => {
      const p = await create('feedback', 'Theo dõi công khai');
      const res = await s.http().get(`/api/track/${p.trackingCode}`).expect(200);
      expect(res.body).toMatchObject({ trackingCode: p.trackingCode, status: 'received' });
      expect(res.text).not.toContain(PETITIONER.fullName);
      expect(res.text).not.toContain(PETITIONER.phone);
      expect(res.text).not.toContain('Theo dõi công khai');
    });

    it('an unknown route → 404 problem', async () => {
      expectProblem(await s.http().get('/api/nothing-here').set('Authorization', tok.desk!), 404, 'error.not_found');
    });
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { Response } from 'supertest';
import { demoCommuneId, petitionBody } from '../support/petition-fixtures.js';
import { startTestStack, type TestStack } from '../support/test-stack.js';

/**
 * Bad input always gets a clear RFC 9457 problem+json error (Vietnamese and English text, per-field details
 * where a field is at fault) and changes nothing: the row counts of every table a write touches are the same
 * after each bad request as before the first one.
 */

const COUNTED_TABLES = ['petitions', 'petition_events', 'outbox', 'idempotency_keys', 'notifications'] as const;
type Counts = Record<(typeof COUNTED_TABLES)[number], number>;

/** Stack frames ("    at fn (file.ts:1:2)") and source paths must never leave the server. */
const STACK_TRACE_TEXT = [/^\s*at\s/m, /\bat \S+ \(.*:\d+:\d+\)/, /\.(ts|js|mjs|cjs):\d+/, /node_modules/, /\/work\//, /\/(apps|libs)\/\w+\/src\//];

interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  messages: { vi: string; en: string };
  errors?: { field: string; code: string; messages: { vi: string; en: string }; detail?: string }[];
  [extension: string]: unknown;
}

/** Asserts the RFC 9457 shape and returns the body for case-specific checks. */
function expectProblem(res: Response, status: number, code?: string, fields?: string[]): ProblemBody {
  const context = `${res.status} ${res.text}`;
  expect({ status: res.status, context }).toEqual({ status, context });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.body as ProblemBody;
  expect(typeof body.type).toBe('string');
  expect(body.type.length).toBeGreaterThan(0);
  expect(typeof body.title).toBe('string');
  expect(body.title.length).toBeGreaterThan(0);
  expect(body.status).toBe(status);
  expect(typeof body.detail).toBe('string');
  expect(body.detail.length).toBeGreaterThan(0);
  expect(typeof body.code).toBe('string');
  if (code !== undefined) expect(body.code).toBe(code);
  expect(typeof body.messages?.vi).toBe('string');
  expect(typeof body.messages?.en).toBe('string');
  expect(body.messages.vi.length).toBeGreaterThan(0);
  expect(body.messages.en.length).toBeGreaterThan(0);
  if (fields !== undefined) {
    expect(Array.isArray(body.errors)).toBe(true);
    const got = body.errors!.map((e) => e.field);
    for (const f of fields) expect(got).toContain(f);
    for (const e of body.errors!) {
      expect(typeof e.code).toBe('string');
      expect(e.messages.vi.length).toBeGreaterThan(0);
      expect(e.messages.en.length).toBeGreaterThan(0);
    }
  }
  for (const pattern of STACK_TRACE_TEXT) expect(res.text).not.toMatch(pattern);
  return body;
}

describe('bad input gets a clear problem+json error and changes nothing', () => {
  let s: TestStack;
  let desk: string;
  let head: string;
  let communeId: string;
  let otherCommuneId: string;
  /** A feedback petition left in `received` (version 1). */
  let received: { id: string; version: number };
  /** A feedback petition moved on to `accepted` (version 2). */
  let accepted: { id: string; version: number };
  let baseline: Counts;

  const validBody = () => petitionBody(communeId);

  async function counts(): Promise<Counts> {
    const r = await s.sql.query<Record<string, string>>(
      `SELECT ${COUNTED_TABLES.map((t) => `(SELECT count(*) FROM ${t}) AS ${t}`).join(', ')}`,
    );
    return Object.fromEntries(COUNTED_TABLES.map((t) => [t, Number(r.rows[0]![t])])) as Counts;
  }

  async function petitionRow(id: string) {
    const r = await s.sql.query<{ status: string; version: number; assignee_id: string | null }>(
      'SELECT status, version, assignee_id FROM petitions WHERE id = $1',
      [id],
    );
    return r.rows[0];
  }

  const createPetition = (body: unknown) => s.http().post('/api/petitions').set('Authorization', desk).send(body as object);
  const act = (id: string, action: string, body: unknown = {}, token = head) =>
    s.http().post(`/api/petitions/${id}/actions/${action}`).set('Authorization', token).send(body as object);

  beforeAll(async () => {
    s = await startTestStack('bad-input');
    // close() drops the database WITH (FORCE) while pg.Pool#end() may still be closing this pool's sockets; with
    // no listener, that expected disconnect is an unhandled 'error' event failing the suite. Queries still reject.
    s.sql.on('error', () => undefined);
    [desk, head] = await Promise.all([s.token('desk'), s.token('head')]);
    communeId = await demoCommuneId(s);
    otherCommuneId = (
      await s.sql.query<{ id: string }>(`SELECT id FROM units WHERE level = 'commune' AND id <> $1 ORDER BY code LIMIT 1`, [communeId])
    ).rows[0]!.id;

    const r1 = await createPetition(validBody()).expect(201);
    received = { id: r1.body.id, version: r1.body.version };
    const r2 = await createPetition({ ...validBody(), title: 'Rác thải tồn đọng' }).expect(201);
    const a = await act(r2.body.id, 'accept', {}).expect(200);
    accepted = { id: a.body.id, version: a.body.version };
    expect(received.version).toBe(1);
    expect(accepted.version).toBe(2);

    baseline = await counts();
  });

  afterAll(async () => {
    await s?.close();
  });

  // Every case below must leave every table exactly as it was. (The baseline moves on after a failure, so
  // one offending case fails alone instead of every case after it.)
  afterEach(async () => {
    const now = await counts();
    const before = baseline;
    baseline = now;
    expect(now).toEqual(before);
    expect(await petitionRow(received.id)).toEqual({ status: 'received', version: 1, assignee_id: null });
    expect(await petitionRow(accepted.id)).toEqual({ status: 'accepted', version: 2, assignee_id: null });
  });

  describe('creating a petition', () => {
    it('reports every missing required field', async () => {
      const res = await createPetition({});
      const p = expectProblem(res, 400, 'error.validation', ['kind', 'channel', 'title', 'content', 'receivingUnitId', 'petitioner']);
      expect(p.type).toBe('/problems/error-validation');
      expect(p.title).toBe('Bad Request');
      expect(p.instance).toBe('/api/petitions');
    });

    it('reports a single missing field precisely', async () => {
      const { title: _omit, ...body } = validBody();
      const p = expectProblem(await createPetition(body), 400, 'error.validation', ['title']);
      expect(p.errors!.map((e) => e.field)).toEqual(['title']);
    });

    // A missing field is reported as missing, never as "too long" (the most basic failed rule wins).
    it.each(['title', 'content'])('reports a missing %s as required, not as too long', async (field) => {
      const body: Record<string, unknown> = { ...validBody() };
      delete body[field];
      const p = expectProblem(await createPetition(body), 400, 'error.validation', [field]);
      const e = p.errors!.find((x) => x.field === field)!;
      expect(['validation.isDefined', 'validation.isNotEmpty', 'validation.required']).toContain(e.code);
      expect(e.messages.en).not.toBe('Too long.');
    });

    it('reports a title of the wrong type as such, not as too long', async () => {
      const p = expectProblem(await createPetition({ ...validBody(), title: 123 }), 400, 'error.validation', ['title']);
      expect(p.errors!.find((x) => x.field === 'title')!.code).toBe('validation.isString');
    });

    it('reports petitioner.fullName of the wrong type as such, not as too long', async () => {
      const body = { ...validBody(), petitioner: { fullName: 42 } };
      const p = expectProblem(await createPetition(body), 400, 'error.validation', ['petitioner.fullName']);
      expect(p.errors!.find((x) => x.field === 'petitioner.fullName')!.code).toBe('validation.isString');
    });

    it('gives one error per field', async () => {
      const p = expectProblem(await createPetition({}), 400, 'error.validation');
      const fields = p.errors!.map((e) => e.field);
      expect(new Set(fields).size).toBe(fields.length);
    });

    it.each([
      ['missing', undefined],
      ['null', null],
      ['a string', 'Nguyễn Văn An'],
      ['an array', [{ fullName: 'Nguyễn Văn An' }]],
      ['a number', 42],
    ])('rejects petitioner when it is %s', async (_label, petitioner) => {
      const body: Record<string, unknown> = { ...validBody() };
      if (petitioner === undefined) delete body.petitioner;
      else body.petitioner = petitioner;
      const p = expectProblem(await createPetition(body), 400, 'error.validation', ['petitioner']);
      expect(p.errors!.every((e) => e.field === 'petitioner' || e.field.startsWith('petitioner.'))).toBe(true);
    });

    it('names the nested field when petitioner.fullName is empty', async () => {
      const body = { ...validBody(), petitioner: { fullName: '', phone: '0912345678' } };
      const p = expectProblem(await createPetition(body), 400, 'error.validation', ['petitioner.fullName']);
      const e = p.errors!.find((x) => x.field === 'petitioner.fullName')!;
      expect(e.code).toBe('validation.isNotEmpty');
      expect(e.messages.vi).toBe('Không được để trống.');
      expect(e.messages.en).toBe('Must not be empty.');
    });

    it('names the nested field when petitioner.fullName is missing', async () => {
      const body = { ...validBody(), petitioner: { phone: '0912345678' } };
      expectProblem(await createPetition(body), 400, 'error.validation', ['petitioner.fullName']);
    });

    it('rejects an unknown field inside petitioner', async () => {
      const body = { ...validBody(), petitioner: { fullName: 'Nguyễn Văn An', nickname: 'An' } };
      const p = expectProblem(await createPetition(body), 400, 'error.validation', ['petitioner.nickname']);
      expect(p.errors!.find((e) => e.field === 'petitioner.nickname')!.code).toBe('validation.whitelistValidation');
    });

    it('names the index and field of a bad co-petitioner', async () => {
      const body = {
        ...validBody(),
        coPetitioners: [
          { fullName: 'Trần Thị Bình', phone: '0987654321' },
          { fullName: 'Lê Văn Cường', phone: 'không có số' },
        ],
      };
      const p = expectProblem(await createPetition(body), 400, 'error.validation', ['coPetitioners.1.phone']);
      expect(p.errors!.map((e) => e.field)).toEqual(['coPetitioners.1.phone']);
      expect(p.errors![0]!.code).toBe('validation.matches');
    });

    it('rejects coPetitioners that is not a list', async () => {
      const body = { ...validBody(), coPetitioners: { fullName: 'Trần Thị Bình' } };
      expectProblem(await createPetition(body), 400, 'error.validation', ['coPetitioners']);
    });

    it('rejects a bad idNumber and email with their own paths', async () => {
      const body = { ...validBody(), petitioner: { fullName: 'Nguyễn Văn An', idNumber: '12345', email: 'not-an-email' } };
      expectProblem(await createPetition(body), 400, 'error.validation', ['petitioner.idNumber', 'petitioner.email']);
    });

    it('forbids an unknown top-level field', async () => {
      const body = { ...validBody(), status: 'closed' };
      const p = expectProblem(await createPetition(body), 400, 'error.validation', ['status']);
      const e = p.errors!.find((x) => x.field === 'status')!;
      expect(e.code).toBe('validation.whitelistValidation');
      expect(e.messages.en).toBe('This field is not allowed.');
    });

    it.each([
      ['kind', 'lawsuit'],
      ['kind', 'COMPLAINT'],
      ['channel', 'telegram'],
      ['channel', 'transferred_in'],
    ])('rejects %s = %s', async (field, value) => {
      const body = { ...validBody(), [field]: value };
      const p = expectProblem(await createPetition(body), 400, 'error.validation', [field]);
      expect(p.errors!.find((e) => e.field === field)!.code).toBe('validation.isIn');
    });

    // Whitespace is not content: a blank title would otherwise be stored as '' after trimming.
    it.each([
      ['title', (b: Record<string, unknown>) => ({ ...b, title: '   ' })],
      ['content', (b: Record<string, unknown>) => ({ ...b, content: '\n\t  ' })],
      ['petitioner.fullName', (b: Record<string, unknown>) => ({ ...b, petitioner: { fullName: ' \t ' } })],
    ])('rejects a whitespace-only %s', async (field, mutate) => {
      const p = expectProblem(await createPetition(mutate(validBody())), 400, 'error.validation', [field]);
      expect(p.errors!.find((e) => e.field === field)!.code).toBe('validation.isNotEmpty');
    });

    // Postgres text cannot hold U+0000: it must be a 400 on the field, never a failed INSERT and a 500.
    it.each([
      ['title', (b: Record<string, unknown>) => ({ ...b, title: 'Đường\u0000ngập' })],
      ['petitioner.fullName', (b: Record<string, unknown>) => ({ ...b, petitioner: { fullName: 'Nguyễn\u0000An' } })],
      ['coPetitioners.0.address', (b: Record<string, unknown>) => ({ ...b, coPetitioners: [{ fullName: 'Lê Văn Cường', address: '\u0000' }] })],
    ])('rejects a NUL character in %s with 400', async (field, mutate) => {
      const p = expectProblem(await createPetition(mutate(validBody())), 400, 'error.validation', [field]);
      expect(p.errors!.map((e) => e.field)).toEqual([field]);
    });

    it('rejects a receivingUnitId that is not a UUID', async () => {
      const p = expectProblem(await createPetition({ ...validBody(), receivingUnitId: 'phuong-ha-long' }), 400, 'error.validation', [
        'receivingUnitId',
      ]);
      expect(p.errors!.find((e) => e.field === 'receivingUnitId')!.code).toBe('validation.isUuid');
    });

    it('rejects a title over 300 characters', async () => {
      expectProblem(await createPetition({ ...validBody(), title: 'Đ'.repeat(301) }), 400, 'error.validation', ['title']);
    });

    it('rejects a receivingUnitId that does not exist with 422', async () => {
      const res = await createPetition({ ...validBody(), receivingUnitId: '0b9a3c1e-5d2f-4e8a-9c7b-1a2b3c4d5e6f' });
      const p = expectProblem(res, 422, 'petition.unit_invalid', ['receivingUnitId']);
      expect(p.title).toBe('Unprocessable Content');
    });

    it("rejects a commune outside the desk's jurisdiction with 422", async () => {
      expectProblem(await createPetition({ ...validBody(), receivingUnitId: otherCommuneId }), 422, 'petition.unit_invalid', ['receivingUnitId']);
    });

    it('rolls back the idempotency key claim when the unit is refused', async () => {
      const res = await s
        .http()
        .post('/api/petitions')
        .set('Authorization', desk)
        .set('Idempotency-Key', 'bad-input-unit-refused-0001')
        .send({ ...validBody(), receivingUnitId: otherCommuneId });
      expectProblem(res, 422, 'petition.unit_invalid', ['receivingUnitId']);
    });

    it('rejects an invalid Idempotency-Key header', async () => {
      const res = await s.http().post('/api/petitions').set('Authorization', desk).set('Idempotency-Key', 'short').send(validBody());
      expectProblem(res, 400, 'error.validation', ['Idempotency-Key']);
    });

    it('rejects a body that is an array, as a whole', async () => {
      const p = expectProblem(await createPetition([validBody()]), 400, 'error.validation', ['']);
      expect(p.errors).toEqual([expect.objectContaining({ field: '', code: 'validation.isObject' })]);
    });

    it('rejects a body that is a JSON string', async () => {
      const res = await s.http().post('/api/petitions').set('Authorization', desk).set('Content-Type', 'application/json').send('"hello"');
      expectProblem(res, 400);
    });

    it('rejects malformed JSON with error.malformed_json', async () => {
      const res = await s
        .http()
        .post('/api/petitions')
        .set('Authorization', desk)
        .set('Content-Type', 'application/json')
        .send('{"kind": "feedback", "title": ');
      const p = expectProblem(res, 400, 'error.malformed_json');
      expect(p.type).toBe('/problems/error-malformed-json');
      expect(p.messages.en).toBe('The request body is not valid JSON.');
    });

    it('rejects a body over the size limit with 413', async () => {
      const big = { ...validBody(), content: 'x'.repeat(300 * 1024) };
      const p = expectProblem(await createPetition(big), 413, 'error.payload_too_large');
      expect(p.title).toBe('Content Too Large');
    });

    it('rejects a text/plain body with 415', async () => {
      const res = await s
        .http()
        .post('/api/petitions')
        .set('Authorization', desk)
        .set('Content-Type', 'text/plain')
        .send(JSON.stringify(validBody()));
      const p = expectProblem(res, 415, 'error.unsupported_media_type');
      expect(p.title).toBe('Unsupported Media Type');
    });

    it('rejects a form-encoded body with 415', async () => {
      const res = await s.http().post('/api/petitions').set('Authorization', desk).type('form').send('kind=feedback&title=x');
      expectProblem(res, 415, 'error.unsupported_media_type');
    });
  });

  describe('acting on a petition', () => {
    it('rejects a bad UUID in the path (GET)', async () => {
      const res = await s.http().get('/api/petitions/not-a-uuid').set('Authorization', desk);
      const p = expectProblem(res, 400, 'error.validation', ['id']);
      expect(p.errors![0]!.code).toBe('validation.isUuid');
    });

    it('rejects a bad UUID in the path (action)', async () => {
      expectProblem(await act('12345', 'accept', {}), 400, 'error.validation', ['id']);
    });

    it('answers 404 for an unknown action, listing the real ones', async () => {
      const p = expectProblem(await act(received.id, 'approve', {}), 404, 'error.not_found');
      expect(p.allowedActions).toEqual(expect.arrayContaining(['accept', 'reject', 'assign', 'close']));
    });

    it('answers 404 for a petition that does not exist', async () => {
      const p = expectProblem(await act('0b9a3c1e-5d2f-4e8a-9c7b-1a2b3c4d5e6f', 'accept', {}), 404, 'error.not_found');
      expect(p.messages).toEqual({ vi: 'Không tìm thấy đơn.', en: 'Petition not found.' });
    });

    it('rejects an action body with an unknown field', async () => {
      const p = expectProblem(await act(received.id, 'accept', { note: 'Đủ điều kiện', status: 'closed' }), 400, 'error.validation', ['status']);
      expect(p.errors!.find((e) => e.field === 'status')!.code).toBe('validation.whitelistValidation');
    });

    it('rejects an action body missing a required field', async () => {
      expectProblem(await act(received.id, 'reject', {}), 400, 'error.validation', ['reason']);
    });

    it('rejects an action body with a bad enum', async () => {
      expectProblem(await act(received.id, 'file', { reason: 'boring' }, desk), 400, 'error.validation', ['reason']);
    });

    it('rejects an assign with an assigneeId that is not a UUID', async () => {
      expectProblem(await act(accepted.id, 'assign', { assigneeId: 'handler' }), 400, 'error.validation', ['assigneeId']);
    });

    it('rejects a NUL character in an action body with 400', async () => {
      expectProblem(await act(received.id, 'accept', { note: 'ghi\u0000chú' }), 400, 'error.validation', ['note']);
    });

    it('rejects an action body that is an array', async () => {
      expectProblem(await act(received.id, 'accept', [{ note: 'x' }]), 400, 'error.validation');
    });

    it('rejects malformed JSON on an action', async () => {
      const res = await s
        .http()
        .post(`/api/petitions/${received.id}/actions/accept`)
        .set('Authorization', head)
        .set('Content-Type', 'application/json')
        .send('{note:');
      expectProblem(res, 400, 'error.malformed_json');
    });

    it.each(['abc', '"v2"', '-1', '1.5'])('rejects If-Match %s with 400', async (ifMatch) => {
      const res = await s.http().post(`/api/petitions/${received.id}/actions/accept`).set('Authorization', head).set('If-Match', ifMatch).send({});
      const p = expectProblem(res, 400, 'petition.if_match_invalid', ['If-Match']);
      expect(p.messages.en).toBe('The If-Match header must be a version number.');
    });

    it('refuses a stale If-Match with 412 and the current version', async () => {
      const handlerId = await s.userId('handler');
      const res = await s
        .http()
        .post(`/api/petitions/${accepted.id}/actions/assign`)
        .set('Authorization', head)
        .set('If-Match', '"1"')
        .send({ assigneeId: handlerId });
      const p = expectProblem(res, 412, 'petition.version_conflict');
      expect(p.title).toBe('Precondition Failed');
      expect(p.currentVersion).toBe(2);
    });

    it('refuses a transition the status does not allow with 409, currentStatus and allowedActions', async () => {
      const p = expectProblem(await act(received.id, 'close', {}), 409, 'petition.transition_not_allowed');
      expect(p.title).toBe('Conflict');
      expect(p.currentStatus).toBe('received');
      expect(p.allowedActions).toEqual(['accept', 'reject', 'transfer', 'guide', 'file', 'withdraw']);
    });

    it('refuses accepting twice with 409 (accepted → accept)', async () => {
      const p = expectProblem(await act(accepted.id, 'accept', {}), 409, 'petition.transition_not_allowed');
      expect(p.currentStatus).toBe('accepted');
      expect(p.allowedActions).toEqual(expect.arrayContaining(['assign', 'withdraw']));
    });

    it('refuses a transfer with neither target (domain-level field error, 422)', async () => {
      expectProblem(await act(received.id, 'transfer', { reason: 'Không thuộc thẩm quyền' }, desk), 422, 'error.validation', ['toUnitId']);
    });

    it('refuses a transfer to a unit that does not exist (422)', async () => {
      const res = await act(received.id, 'transfer', { toUnitId: '0b9a3c1e-5d2f-4e8a-9c7b-1a2b3c4d5e6f', reason: 'Chuyển' }, desk);
      expectProblem(res, 422, 'petition.unit_invalid', ['toUnitId']);
    });

    it('refuses assigning a user who does not exist (422, assigneeId)', async () => {
      const res = await act(accepted.id, 'assign', { assigneeId: '0b9a3c1e-5d2f-4e8a-9c7b-1a2b3c4d5e6f' });
      expectProblem(res, 422, 'petition.assignee_invalid', ['assigneeId']);
    });
  });

  describe('signing in', () => {
    it('reports missing credentials as required fields', async () => {
      const p = expectProblem(await s.http().post('/api/auth/login').send({}), 400, 'error.validation', ['username', 'password']);
      for (const e of p.errors!) expect(['validation.isDefined', 'validation.isNotEmpty', 'validation.required']).toContain(e.code);
    });

    it('rejects malformed JSON at login', async () => {
      const res = await s.http().post('/api/auth/login').set('Content-Type', 'application/json').send('{"username":');
      expectProblem(res, 400, 'error.malformed_json');
    });
  });

  describe('listing petitions', () => {
    it('reports a non-numeric pageSize as not an integer', async () => {
      const res = await s.http().get('/api/petitions?pageSize=abc').set('Authorization', desk);
      const p = expectProblem(res, 400, 'error.validation', ['pageSize']);
      expect(p.errors!.find((e) => e.field === 'pageSize')!.code).toBe('validation.isInt');
    });

    it('rejects a NUL character in the search text with 400, not 500', async () => {
      const res = await s.http().get('/api/petitions?q=%00').set('Authorization', desk);
      expectProblem(res, 400, 'error.validation', ['q']);
    });

    it('rejects a search text over 200 characters', async () => {
      const res = await s.http().get(`/api/petitions?q=${'a'.repeat(201)}`).set('Authorization', desk);
      const p = expectProblem(res, 400, 'error.validation', ['q']);
      expect(p.errors!.find((e) => e.field === 'q')!.code).toBe('validation.maxLength');
    });

    it.each([
      ['status=accepted&status=received', 'status'],
      ['q[a]=b', 'q[a]'],
      ['pageSize=1000', 'pageSize'],
      ['pageSize=0', 'pageSize'],
      ['pageSize=abc', 'pageSize'],
      ['page=0', 'page'],
      ['status=bogus', 'status'],
      ['kind=lawsuit', 'kind'],
      ['unitId=not-a-uuid', 'unitId'],
      ['assigneeId=42', 'assigneeId'],
      ['sort=title', 'sort'],
    ])('rejects ?%s', async (query, field) => {
      const res = await s.http().get(`/api/petitions?${query}`).set('Authorization', desk);
      expectProblem(res, 400, 'error.validation', [field]);
    });
  });
});

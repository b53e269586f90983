import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Response } from 'supertest';
import { createPetition, demoCommuneId, performAction, petitionBody, postPetition } from '../support/petition-fixtures.js';
import { startTestStack, type TestStack } from '../support/test-stack.js';

/**
 * Concurrent writers on one petition: exactly one wins, the loser gets a clean 409/412, and the audit trail and
 * outbox hold exactly what the winner committed. Idempotent intake: one key, one petition, however often and
 * however concurrently it is sent.
 */
describe('concurrency and idempotency', () => {
  let s: TestStack;
  let desk: string;
  let head: string;
  let deskId: string;
  let headId: string;
  let handlerId: string;
  let handler2Id: string;
  let communeId: string;

  beforeAll(async () => {
    s = await startTestStack('concurrency');
    // close() drops the database WITH (FORCE) while pg.Pool#end() may still be closing this pool's sockets; with
    // no listener, that expected disconnect is an unhandled 'error' event failing the suite. Queries still reject.
    s.sql.on('error', () => undefined);
    [desk, head, deskId, headId, handlerId, handler2Id] = await Promise.all([
      s.token('desk'),
      s.token('head'),
      s.userId('desk'),
      s.userId('head'),
      s.userId('handler'),
      s.userId('handler2'),
    ]);
    communeId = await demoCommuneId(s);
  });

  afterAll(async () => {
    await s?.close();
  });

  const body = (title: string, kind = 'feedback') => petitionBody(communeId, { title, kind, channel: 'online' });

  const create = (title: string, kind = 'feedback') => createPetition(s, desk, body(title, kind));

  const act = (token: string, id: string, action: string, payload: object = {}, ifMatch?: number) =>
    performAction(s, token, id, action, payload, ifMatch);

  async function trail(id: string) {
    const petition = (await s.sql.query<{ status: string; version: number; assignee_id: string | null }>(
      'SELECT status, version, assignee_id FROM petitions WHERE id = $1',
      [id],
    )).rows[0]!;
    const events = (await s.sql.query<{ sequence: number; type: string }>(
      'SELECT sequence, type FROM petition_events WHERE petition_id = $1 ORDER BY sequence',
      [id],
    )).rows;
    const outbox = (await s.sql.query<{ job_name: string; sequence: number }>(
      `SELECT job_name, (payload->>'sequence')::int AS sequence FROM outbox WHERE payload->>'petitionId' = $1 ORDER BY 2, 1`,
      [id],
    )).rows;
    return { petition, events, outbox };
  }

  const isProblem = (res: Response) => expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);

  describe('two concurrent actions on one petition: exactly one wins', () => {
    const ROUNDS = 20;

    it(`accept vs reject, ${ROUNDS} fresh petitions`, async () => {
      const petitions = await Promise.all(Array.from({ length: ROUNDS }, (_, i) => create(`Tranh chấp đồng thời ${i}`)));
      const winners: string[] = [];
      for (const p of petitions) {
        const [a, r] = await Promise.all([
          act(head, p.id, 'accept', { note: 'Thụ lý' }),
          act(head, p.id, 'reject', { reason: 'Không đủ điều kiện' }),
        ]);
        const statuses = [a.status, r.status].sort();
        expect({ id: p.id, statuses, a: a.body.code, r: r.body.code }).toMatchObject({ statuses: [200, 409] });
        const [winner, loser] = a.status === 200 ? [a, r] : [r, a];
        winners.push(winner === a ? 'accept' : 'reject');
        expect(winner.body.version).toBe(2);
        isProblem(loser);
        expect(['petition.version_conflict', 'petition.transition_not_allowed']).toContain(loser.body.code);
        if (loser.body.code === 'petition.transition_not_allowed') {
          expect(loser.body.currentStatus).toBe(winner.body.status);
        } else {
          expect(loser.body.currentVersion).toBe(2);
        }

        const t = await trail(p.id);
        expect(t.petition.version).toBe(2);
        expect(t.petition.status).toBe(winner === a ? 'accepted' : 'rejected');
        expect(t.events).toEqual([
          { sequence: 1, type: 'PetitionReceived' },
          { sequence: 2, type: winner === a ? 'PetitionAccepted' : 'PetitionRejected' },
        ]);
        // One outbox message per committed event, none for the loser.
        expect(t.outbox).toEqual([
          { job_name: 'petition.event-recorded', sequence: 1 },
          { job_name: 'petition.event-recorded', sequence: 2 },
        ]);
      }
      expect(winners).toHaveLength(ROUNDS);
    });

    it('accept vs withdraw by different users (head and desk)', async () => {
      for (let i = 0; i < 5; i++) {
        const p = await create(`Chấp nhận hay rút ${i}`);
        const [a, w] = await Promise.all([act(head, p.id, 'accept', {}, 1), act(desk, p.id, 'withdraw', { reason: 'Rút đơn' }, 1)]);
        const codes = [a, w].map((r) => r.status).sort();
        expect(codes[0]).toBe(200);
        // With If-Match the loser sees either the precondition (412) or the lost compare-and-set (409).
        expect([409, 412]).toContain(codes[1]);
        const t = await trail(p.id);
        expect(t.petition.version).toBe(2);
        expect(t.events).toHaveLength(2);
        expect(t.outbox.filter((m) => m.job_name === 'petition.event-recorded')).toHaveLength(2);
      }
    });

    it('two concurrent assigns with the same If-Match: one 200, one 409/412, one notification job', async () => {
      for (let i = 0; i < 10; i++) {
        const p = await create(`Giao việc đồng thời ${i}`);
        const accepted = await act(head, p.id, 'accept', {}, 1);
        expect(accepted.status).toBe(200);
        const [x, y] = await Promise.all([
          act(head, p.id, 'assign', { assigneeId: handlerId }, 2),
          act(head, p.id, 'assign', { assigneeId: handler2Id }, 2),
        ]);
        const ok = [x, y].filter((r) => r.status === 200);
        const refused = [x, y].filter((r) => r.status !== 200);
        expect({ statuses: [x.status, y.status], bodies: refused.map((r) => r.body.code) }).toMatchObject({ statuses: expect.arrayContaining([200]) });
        expect(ok).toHaveLength(1);
        expect(refused).toHaveLength(1);
        expect([409, 412]).toContain(refused[0]!.status);
        isProblem(refused[0]!);
        expect(refused[0]!.body.code).toBe('petition.version_conflict');
        expect(refused[0]!.body.currentVersion).toBe(3);

        const winnerAssignee = ok[0] === x ? handlerId : handler2Id;
        const t = await trail(p.id);
        expect(t.petition).toEqual({ status: 'assigned', version: 3, assignee_id: winnerAssignee });
        expect(t.events.map((e) => e.type)).toEqual(['PetitionReceived', 'PetitionAccepted', 'PetitionAssigned']);
        expect(t.outbox).toEqual([
          { job_name: 'petition.event-recorded', sequence: 1 },
          { job_name: 'petition.event-recorded', sequence: 2 },
          { job_name: 'notify.assignee', sequence: 3 },
          { job_name: 'petition.event-recorded', sequence: 3 },
        ]);
      }
    });

    it('many concurrent actions on one petition: exactly one commits', async () => {
      const p = await create('Mười yêu cầu cùng lúc');
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? act(head, p.id, 'accept', {}) : act(head, p.id, 'reject', { reason: `Lý do ${i}` }))),
      );
      expect(results.filter((r) => r.status === 200)).toHaveLength(1);
      for (const r of results.filter((x) => x.status !== 200)) {
        expect(r.status).toBe(409);
        isProblem(r);
      }
      const t = await trail(p.id);
      expect(t.petition.version).toBe(2);
      expect(t.events).toHaveLength(2);
      expect(t.outbox).toHaveLength(2);
    });
  });

  describe('optimistic concurrency with ETag and If-Match', () => {
    it('ETag carries the version, and If-Match accepts it bare, quoted or weak', async () => {
      const created = await s.http().post('/api/petitions').set('Authorization', desk).send(body('Phiên bản và ETag')).expect(201);
      expect(created.headers.etag).toBe('"1"');
      const id = created.body.id as string;
      const got = await s.http().get(`/api/petitions/${id}`).set('Authorization', desk).expect(200);
      expect(got.headers.etag).toBe('"1"');
      const handler = await s.token('handler');
      const steps: [string, string, string, object][] = [
        [head, 'accept', '1', {}],
        [head, 'assign', 'W/"2"', { assigneeId: handlerId }],
        [handler, 'start-verification', '"3"', {}],
      ];
      for (const [token, action, ifMatch, payload] of steps) {
        const res = await s.http().post(`/api/petitions/${id}/actions/${action}`).set('Authorization', token).set('If-Match', ifMatch).send(payload);
        expect({ action, status: res.status, body: res.status === 200 ? undefined : res.body }).toEqual({ action, status: 200, body: undefined });
        expect(res.headers.etag).toBe(`"${res.body.version}"`);
      }
      const t = await trail(id);
      expect(t.petition).toEqual({ status: 'verifying', version: 4, assignee_id: handlerId });
    });

    it('a request that lost the race can retry with the new version and succeed', async () => {
      const p = await create('Thử lại sau khi thua');
      await act(head, p.id, 'accept', {}, 1).expect(200);
      const lost = await act(head, p.id, 'assign', { assigneeId: handlerId }, 1);
      expect(lost.status).toBe(412);
      const retry = await act(head, p.id, 'assign', { assigneeId: handlerId }, lost.body.currentVersion as number);
      expect(retry.status).toBe(200);
      expect(retry.body.version).toBe(3);
    });
  });

  describe('idempotent create', () => {
    const post = (token: string, key: string | undefined, payload: object) => postPetition(s, token, payload, key);
    const petitionCount = async (title: string) =>
      Number((await s.sql.query<{ n: string }>('SELECT count(*) AS n FROM petitions WHERE title = $1', [title])).rows[0]!.n);

    it('same key and same body twice → the same petition, the second marked as replayed', async () => {
      const key = `idem-${randomUUID()}`;
      const payload = body('Xin lắp đèn ngõ 12');
      const first = await post(desk, key, payload);
      expect(first.status).toBe(201);
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      const second = await post(desk, key, payload);
      expect(second.status).toBe(201);
      expect(second.body.id).toBe(first.body.id);
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect(second.headers.location).toBe(`/api/petitions/${first.body.id}`);
      expect(second.body.version).toBe(1);
      expect(await petitionCount('Xin lắp đèn ngõ 12')).toBe(1);
      const events = await s.sql.query('SELECT 1 FROM petition_events WHERE petition_id = $1', [first.body.id]);
      expect(events.rowCount).toBe(1);
      const keys = await s.sql.query<{ resource_id: string }>('SELECT resource_id FROM idempotency_keys WHERE key = $1', [key]);
      expect(keys.rows).toEqual([{ resource_id: first.body.id }]);
    });

    it('key order in the body does not matter for the replay', async () => {
      const key = `idem-${randomUUID()}`;
      const payload = body('Thứ tự khoá không quan trọng');
      const reordered = Object.fromEntries(Object.entries(payload).reverse());
      const first = await post(desk, key, payload).expect(201);
      const second = await post(desk, key, reordered).expect(201);
      expect(second.body.id).toBe(first.body.id);
      expect(second.headers['idempotent-replayed']).toBe('true');
    });

    it('same key with a different body → 422 and no new petition', async () => {
      const key = `idem-${randomUUID()}`;
      const first = await post(desk, key, body('Nội dung gốc')).expect(201);
      const before = Number((await s.sql.query<{ n: string }>('SELECT count(*) AS n FROM petitions')).rows[0]!.n);
      const res = await post(desk, key, body('Nội dung khác'));
      expect(res.status).toBe(422);
      isProblem(res);
      expect(res.body).toMatchObject({ status: 422, code: 'error.idempotency_key_reused' });
      expect(res.body.messages.vi).toEqual(expect.any(String));
      expect(res.body.messages.en).toEqual(expect.any(String));
      const after = Number((await s.sql.query<{ n: string }>('SELECT count(*) AS n FROM petitions')).rows[0]!.n);
      expect(after).toBe(before);
      expect(await petitionCount('Nội dung khác')).toBe(0);
      // The original is untouched and still replays.
      const again = await post(desk, key, body('Nội dung gốc')).expect(201);
      expect(again.body.id).toBe(first.body.id);
    });

    it('same key fired 5 times concurrently → all succeed with one and the same petition', async () => {
      const key = `idem-${randomUUID()}`;
      const payload = body('Gửi năm lần cùng lúc');
      const results = await Promise.all(Array.from({ length: 5 }, () => post(desk, key, payload)));
      expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
      const ids = new Set(results.map((r) => r.body.id as string));
      expect(ids.size).toBe(1);
      expect(results.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(4);
      expect(await petitionCount('Gửi năm lần cùng lúc')).toBe(1);
      const [id] = [...ids];
      const t = await trail(id!);
      expect(t.events).toHaveLength(1);
      expect(t.outbox).toHaveLength(1);
    });

    it('keys are per user: desk and head using the same key create two petitions', async () => {
      const key = `idem-${randomUUID()}`;
      const payload = body('Cùng khoá, khác người');
      const [a, b] = await Promise.all([post(desk, key, payload), post(head, key, payload)]);
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(a.body.id).not.toBe(b.body.id);
      expect(a.headers['idempotent-replayed']).toBeUndefined();
      expect(b.headers['idempotent-replayed']).toBeUndefined();
      expect(await petitionCount('Cùng khoá, khác người')).toBe(2);
      const owners = await s.sql.query<{ user_id: string }>('SELECT user_id FROM idempotency_keys WHERE key = $1 ORDER BY user_id', [key]);
      expect(owners.rows.map((r) => r.user_id).sort()).toEqual([deskId, headId].sort());
    });

    it('without a key, the same body twice creates two petitions', async () => {
      const payload = body('Không có khoá');
      await post(desk, undefined, payload).expect(201);
      await post(desk, undefined, payload).expect(201);
      expect(await petitionCount('Không có khoá')).toBe(2);
    });

    it.each([
      ['too short', 'abc'],
      ['spaces', 'has spaces in it'],
      ['non-ASCII (Latin-1, the most a header can carry)', 'khoá-1234-abcd'],
      ['too long', 'k'.repeat(201)],
    ])('an invalid key format (%s) → 400 and nothing created', async (_label, key) => {
      const before = Number((await s.sql.query<{ n: string }>('SELECT count(*) AS n FROM petitions')).rows[0]!.n);
      const res = await post(desk, key, body('Khoá không hợp lệ'));
      expect(res.status).toBe(400);
      isProblem(res);
      expect(res.body.code).toBe('error.validation');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['Idempotency-Key']);
      const after = Number((await s.sql.query<{ n: string }>('SELECT count(*) AS n FROM petitions')).rows[0]!.n);
      expect(after).toBe(before);
    });
  });
});

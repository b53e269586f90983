import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ApiModule } from '../../apps/api/src/api.module.js';
import { NotificationHub } from '../../apps/api/src/notifications/notification-hub.service.js';
import { setupApp } from '../../apps/api/src/setup-app.js';
import { setClock } from '../support/dialogue-fixtures.js';
import { mintJwt } from '../support/jwt-mint.js';
import { createPetition, demoCommuneId, mustPerformAction, petitionBody } from '../support/petition-fixtures.js';
import { openSse, type SseStream } from '../support/sse-client.js';
import { startTestStack, type TestStack } from '../support/test-stack.js';
import { waitFor } from '../support/wait-for.js';

type Counted = { count: number };
type View = { id: string; kind: string; petitionId: string | null; message: { vi: string; en: string } };

/**
 * The bell's live stream over real HTTP: two API processes' worth of instances on one database, the worker
 * writing notifications, the shared test clock deciding what is due. Heartbeats are set short so that every wait
 * below is a poll for a condition.
 */
describe('live notifications over server-sent events', () => {
  let s: TestStack;
  let second: INestApplication;
  let urlA: string;
  let urlB: string;
  let admin: string;
  let desk: string;
  let head: string;
  let handler: string;
  let handlerId: string;
  let communeId: string;
  const open: SseStream[] = [];

  const listen = async (app: INestApplication) => {
    await app.listen(0, '127.0.0.1');
    return `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  };
  const stream = async (base: string, token: string | null) => {
    const st = await openSse(base, '/api/notifications/stream', token);
    open.push(st);
    return st;
  };
  const counts = (st: SseStream) => st.events.filter((e) => e.event === 'unread').map((e) => (e.data as Counted).count);
  const lastCount = (st: SseStream) => counts(st).at(-1);
  const notes = (st: SseStream) => st.events.filter((e) => e.event === 'notification').map((e) => e.data as View);
  const unreadNow = async (token: string) => (await s.http().get('/api/notifications').set('Authorization', token).expect(200)).body.unread as number;

  beforeAll(async () => {
    s = await startTestStack('sse', { testClock: true, env: { NOTIFICATION_HEARTBEAT_MS: '150', NOTIFICATION_STREAMS_PER_USER: '3' } });
    urlA = await listen(s.api);
    // A second API instance on the same database: its own listening connection, its own subscribers.
    const moduleRef = await Test.createTestingModule({ imports: [ApiModule.forRoot(s.config)] }).compile();
    second = moduleRef.createNestApplication({ bodyParser: false, logger: false });
    setupApp(second, s.config);
    urlB = await listen(second);
    [admin, desk, head, handler, handlerId, communeId] = await Promise.all([
      s.token('admin'),
      s.token('desk'),
      s.token('head'),
      s.token('handler'),
      s.userId('handler'),
      demoCommuneId(s),
    ]);
    await setClock(s, admin, '2026-11-23T02:00:00.000Z'); // Mon 09:00 in Hà Nội
  });
  afterEach(() => {
    // A failed test must not leave its streams counted in the next one.
    for (const st of open.splice(0)) st.close();
  });
  afterAll(async () => {
    await second?.close();
    await s?.close();
  });

  it('sends the count on connect, the worker’s notification on both instances, and the count after mark-read', async () => {
    const before = await unreadNow(handler);
    const a = await stream(urlA, handler);
    const b = await stream(urlB, handler);
    for (const st of [a, b]) {
      expect(st.status).toBe(200);
      expect(st.headers['content-type']).toBe('text/event-stream; charset=utf-8');
      // Never cached, never transformed (compressed and buffered) on the way; helmet's headers still there.
      expect(st.headers['cache-control']).toBe('no-store, no-transform');
      expect(st.headers['x-content-type-options']).toBe('nosniff');
      expect(st.headers['content-security-policy']).toContain("default-src 'self'");
      await waitFor(() => st.events[0], { what: 'the initial count' });
      expect(st.events[0]).toEqual({ event: 'unread', data: { count: before } });
    }
    await waitFor(() => a.comments() >= 2 && b.comments() >= 2, { what: 'heartbeats' });

    // The worker stores the assignment notification; each instance hears it on its own LISTEN connection.
    const p = await createPetition(s, desk, petitionBody(communeId, { kind: 'complaint', title: 'Khiếu nại thu hồi đất' }));
    await mustPerformAction(s, head, p.id, 'accept');
    await mustPerformAction(s, head, p.id, 'assign', { assigneeId: handlerId });
    for (const st of [a, b]) {
      const note = await waitFor(() => notes(st).find((n) => n.petitionId === p.id), { what: 'the assignment over the stream' });
      expect(note).toMatchObject({ kind: 'petition.assigned', message: { vi: expect.stringContaining(p.trackingCode) } });
      // The same view the list returns.
      const listed = (await s.http().get('/api/notifications').set('Authorization', handler).expect(200)).body.items as View[];
      expect(listed.find((n) => n.id === note.id)).toEqual(note);
      await waitFor(() => lastCount(st) === before + 1, { what: 'the count after the assignment' });
    }

    // Read through instance A: instance B's stream learns the new count too.
    const id = notes(a).find((n) => n.petitionId === p.id)!.id;
    await s.http().post(`/api/notifications/${id}/read`).set('Authorization', handler).expect(204);
    for (const st of [a, b]) await waitFor(() => lastCount(st) === before, { what: 'the count after mark-read' });

    // Someone else's notification reaches neither of the handler's streams.
    const other = await createPetition(s, desk, petitionBody(communeId, { kind: 'feedback', title: 'Đèn đường hỏng' }));
    await mustPerformAction(s, head, other.id, 'accept');
    await mustPerformAction(s, head, other.id, 'assign', { assigneeId: await s.userId('handler2') });
    const handler2 = await s.token('handler2');
    await waitFor(async () => ((await s.http().get('/api/notifications').set('Authorization', handler2).expect(200)).body.items as View[]).some((n) => n.petitionId === other.id), {
      what: 'handler2’s notification',
    });
    await waitFor(() => a.comments() >= 6, { what: 'a few more beats' });
    expect([...notes(a), ...notes(b)].some((n) => n.petitionId === other.id)).toBe(false);

    // Mark everything read: one call, the count on the stream drops to zero.
    const p2 = await createPetition(s, desk, petitionBody(communeId, { kind: 'recommendation', title: 'Kiến nghị sửa đường' }));
    await mustPerformAction(s, head, p2.id, 'accept');
    await mustPerformAction(s, head, p2.id, 'assign', { assigneeId: handlerId });
    await waitFor(() => notes(a).some((n) => n.petitionId === p2.id), { what: 'the second assignment' });
    const pending = await unreadNow(handler);
    expect(pending).toBeGreaterThan(0);
    const readAll = await s.http().post('/api/notifications/read-all').set('Authorization', handler).expect(200);
    expect(readAll.body).toEqual({ marked: pending, unread: 0 });
    for (const st of [a, b]) await waitFor(() => lastCount(st) === 0, { what: 'zero after read-all' });
    a.close();
    b.close();
  });

  it('holds an alert raised at night until the morning, then streams it and the digest; the digest reads as a list', async () => {
    const p = await createPetition(s, desk, petitionBody(communeId, { kind: 'complaint', title: 'Khiếu nại cấp phép xây dựng' }));
    await mustPerformAction(s, head, p.id, 'accept');
    await mustPerformAction(s, head, p.id, 'assign', { assigneeId: handlerId });
    await waitFor(async () => (await unreadNow(handler)) >= 1, { what: 'the assignment notification' });
    const st = await stream(urlA, handler);
    await waitFor(() => st.events[0], { what: 'the initial count' });

    // 50% of K3's 30 days passes at the end of 08/12; at 03:00 on Wed 09/12 the alert is stored for 07:30.
    await setClock(s, admin, '2026-12-08T20:00:00.000Z');
    await waitFor(
      async () => (await s.sql.query(`SELECT 1 FROM notifications WHERE petition_id = $1 AND kind = 'deadline.alert' AND recipient_id = $2`, [p.id, handlerId])).rowCount === 1,
      { what: 'the 50% alert to be stored' },
    );
    const beats = st.comments();
    await waitFor(() => st.comments() >= beats + 3, { what: 'a few beats at night' });
    expect(notes(st).filter((n) => n.kind === 'deadline.alert')).toEqual([]);

    await setClock(s, admin, '2026-12-09T01:00:00.000Z'); // 08:00: the alert is due, and the digest is made
    const alert = await waitFor(() => notes(st).find((n) => n.kind === 'deadline.alert' && n.petitionId === p.id), { what: 'the alert in the morning' });
    expect(alert.message.vi).toContain('50%');
    const digest = await waitFor(() => notes(st).find((n) => n.kind === 'deadline.digest'), { what: 'the digest over the stream' });
    // Sent once each, however many beats looked again.
    await waitFor(() => st.comments() >= beats + 6, { what: 'more beats' });
    expect(notes(st).filter((n) => n.id === alert.id || n.id === digest.id)).toHaveLength(2);

    // The digest counts every petition of the handler's whose 50% passed that night (the earlier tests' too).
    const res = await s.http().get('/api/notifications/digest').set('Authorization', handler).expect(200);
    const items = res.body.items as { subjectId: string; alerts: number }[];
    expect(res.body.digest).toMatchObject({ id: digest.id, kind: 'deadline.digest' });
    expect(res.body.digest.message.en).toBe(`Digest for 09/12/2026: ${items.length} deadline alerts on ${items.length} petitions.`);
    expect(items.find((i) => i.subjectId === p.id)).toEqual({
      subjectType: 'petition',
      subjectId: p.id,
      trackingCode: p.trackingCode,
      title: 'Khiếu nại cấp phép xây dựng',
      clockState: 'threshold',
      share: '50%',
      reminder: null,
      dueAt: '2026-12-08T17:00:00.000Z',
      alerts: 1,
      notificationId: alert.id,
      message: alert.message,
    });
    // Someone who had no alerts has no digest.
    expect((await s.http().get('/api/notifications/digest').set('Authorization', desk).expect(200)).body).toEqual({ digest: null, items: [] });
    st.close();
  });

  it('forgets a stream when the client goes away, and bounds the streams per user', async () => {
    const hubs = [s.api.get(NotificationHub), second.get(NotificationHub)];
    await waitFor(() => hubs.every((h) => h.streamCount(handlerId) === 0), { what: 'earlier streams to be gone' });
    const streams = [await stream(urlA, handler), await stream(urlA, handler), await stream(urlA, handler)];
    for (const st of streams) await waitFor(() => st.events[0], { what: 'each initial count' });
    expect(hubs[0]!.streamCount(handlerId)).toBe(3);

    // A fourth on the same instance is refused; another instance has its own bound.
    const refused = await stream(urlA, handler);
    await waitFor(() => refused.ended(), { what: 'the refusal to complete' });
    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(refused.body())).toMatchObject({ status: 429, code: expect.any(String) });
    const elsewhere = await stream(urlB, handler);
    expect(elsewhere.status).toBe(200);

    for (const st of streams) st.close();
    elsewhere.close();
    await waitFor(() => hubs.every((h) => h.streamCount() === 0), { what: 'the hubs to drop closed streams' });
    const again = await stream(urlA, handler);
    expect(again.status).toBe(200);
    again.close();
  });

  it('refuses a missing, invalid or expired token with 401 problem+json, and ends the stream when the token expires', async () => {
    const nowSeconds = Math.floor(Date.now() / 1000);
    const sign = (exp: number) => `Bearer ${mintJwt({ alg: 'HS256' }, { sub: handlerId, role: 'handler', unitId: communeId, iat: nowSeconds - 10, exp }, s.config.jwt.secret)}`;
    for (const token of [null, 'Bearer not-a-token', sign(nowSeconds - 5)]) {
      const st = await stream(urlA, token);
      await waitFor(() => st.ended(), { what: 'the refusal to complete' });
      expect(st.status).toBe(401);
      expect(st.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(st.body())).toMatchObject({ status: 401 });
    }
    const short = await stream(urlA, sign(nowSeconds + 2));
    expect(short.status).toBe(200);
    await waitFor(() => short.ended(), { what: 'the stream to end at expiry', timeoutMs: 10_000 });
    expect(short.events.at(-1)).toEqual({ event: 'end', data: { reason: 'token-expired' } });
    await waitFor(() => s.api.get(NotificationHub).streamCount() === 0, { what: 'the expired stream to be forgotten' });
  });

  it('keeps delivering after the listening connection is cut', async () => {
    const st = await stream(urlA, handler);
    await waitFor(() => st.events[0], { what: 'the initial count' });
    // Cut the instances' listening connections from the server side; each opens a new one.
    const listeners = async () =>
      (await s.sql.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE application_name = 'grassroots-api-listen' AND datname = current_database()`)).rows.map(
        (r) => r.pid,
      );
    const cut = await listeners();
    expect(cut).toHaveLength(2);
    await s.sql.query(`SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid`, [cut]);
    await waitFor(
      async () => {
        const now = await listeners();
        return now.length === 2 && now.every((pid) => !cut.includes(pid));
      },
      { what: 'both instances to listen again on new connections' },
    );
    const p = await createPetition(s, desk, petitionBody(communeId, { kind: 'feedback', title: 'Cống thoát nước tắc' }));
    await mustPerformAction(s, head, p.id, 'accept');
    await mustPerformAction(s, head, p.id, 'assign', { assigneeId: handlerId });
    await waitFor(() => notes(st).some((n) => n.petitionId === p.id), { what: 'the assignment after the reconnect' });
    st.close();
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CLOCK, type SharedTestClock, TEST_CLOCK } from '@app/application';
import type { Clock } from '@app/domain';
import { startTestStack, type TestStack } from '../support/test-stack.js';
import { waitFor } from '../support/wait-for.js';

const DAY = 86_400_000;
const TOLERANCE_MS = 2000;

interface ClockBody {
  now: string;
  offsetMs: number;
}

const near = (actual: Date | string, expected: number) => Math.abs(new Date(actual).getTime() - expected) <= TOLERANCE_MS;

/**
 * The shared test clock (GRASSROOTS_TEST_CLOCK=1): one offset in Postgres, so moving it over HTTP moves the
 * API and the worker (a separate Nest context with its own connections, like another process).
 */
describe('shared test clock', () => {
  let s: TestStack;
  let admin: string;

  beforeAll(async () => {
    s = await startTestStack('test-clock', { queueBackend: 'postgres', testClock: true });
    admin = await s.token('admin');
  });
  afterAll(async () => {
    await s?.close();
  });

  const read = async () => (await s.http().get('/api/test-clock').set('Authorization', admin).expect(200)).body as ClockBody;
  const move = (body: object, token = admin) => s.http().post('/api/test-clock').set('Authorization', token).send(body);
  const workerClock = () => s.worker()!.get<symbol, SharedTestClock>(CLOCK);

  it('starts at about real time', async () => {
    const body = await read();
    expect(near(body.now, Date.now())).toBe(true);
    expect(body.offsetMs).toBe(0);
    expect(near(workerClock().now(), Date.now())).toBe(true);
  });

  it('moves the API and the worker forward by an ISO 8601 duration', async () => {
    const before = await read();
    const res = await move({ advance: 'P3D' }).expect(200);
    const moved = res.body as ClockBody;
    expect(moved.offsetMs - before.offsetMs).toBe(3 * DAY);
    expect(near(moved.now, Date.now() + 3 * DAY)).toBe(true);
    expect(near((await read()).now, Date.now() + 3 * DAY)).toBe(true);

    // The API's own CLOCK (what use cases read) moved too.
    expect(near(s.api.get<symbol, Clock>(CLOCK).now(), Date.now() + 3 * DAY)).toBe(true);
    // The worker hears of it over LISTEN/NOTIFY (or at worst its one-second poll).
    await waitFor(() => near(workerClock().now(), Date.now() + moved.offsetMs), { timeoutMs: TOLERANCE_MS, what: 'worker clock 3 days ahead' });

    const later = (await move({ advance: 'P1DT3H' }).expect(200)).body as ClockBody;
    expect(later.offsetMs - moved.offsetMs).toBe(DAY + 3 * 3_600_000);
  });

  it('puts the clock at an instant, forwards or backwards, and tells onChange listeners', async () => {
    const seen: Date[] = [];
    const unsubscribe = s.worker()!.get<symbol, SharedTestClock>(TEST_CLOCK).onChange((now) => {
      seen.push(now);
    });
    try {
      const target = '2027-01-15T08:00:00+07:00';
      const res = await move({ set: target }).expect(200);
      expect(near((res.body as ClockBody).now, Date.parse(target))).toBe(true);
      await waitFor(() => near(workerClock().now(), Date.parse(target)), { timeoutMs: TOLERANCE_MS, what: 'worker clock at the instant' });
      await waitFor(() => seen.some((d) => near(d, Date.parse(target))), { timeoutMs: TOLERANCE_MS, what: 'onChange in the worker' });

      const past = '2025-06-01T00:00:00Z';
      await move({ set: past }).expect(200);
      await waitFor(() => near(workerClock().now(), Date.parse(past)), { timeoutMs: TOLERANCE_MS, what: 'worker clock set back' });
    } finally {
      unsubscribe();
    }
  });

  it('keeps the worker in step when its LISTEN connection drops, and reconnects it', async () => {
    const listeners = `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'grassroots-worker-test-clock'`;
    const killed = await s.sql.query(`SELECT pg_terminate_backend(pid) FROM (${listeners}) l`);
    expect(killed.rowCount).toBe(1);

    const moved = (await move({ advance: 'PT6H' }).expect(200)).body as ClockBody;
    // Without its LISTEN connection the worker still follows, through the one-second poll.
    await waitFor(() => workerClock().offsetMs() === moved.offsetMs, { timeoutMs: 3000, what: 'worker offset after the connection dropped' });
    await waitFor(async () => ((await s.sql.query(listeners)).rowCount ?? 0) === 1, { timeoutMs: 5000, what: 'LISTEN reconnected' });
  });

  it('is for administrators only', async () => {
    for (const user of ['desk', 'head', 'board']) {
      const token = await s.token(user);
      const res = await move({ advance: 'P1D' }, token).expect(403);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.code).toBe('error.forbidden');
      await s.http().get('/api/test-clock').set('Authorization', token).expect(403);
    }
    await s.http().get('/api/test-clock').expect(401);
    await s.http().post('/api/test-clock').send({ advance: 'P1D' }).expect(401);
  });

  it.each([
    [{ advance: 'P1Y' }, ['advance']],
    [{ advance: 'P1M' }, ['advance']],
    [{ advance: '3 days' }, ['advance']],
    [{ advance: 'P0D' }, ['advance']],
    [{ advance: '-P1D' }, ['advance']],
    [{ advance: 3 }, ['advance']],
    [{ set: 'tomorrow' }, ['set']],
    [{ set: '2027-01-15' }, ['set']],
    [{ set: '2027-02-30T00:00:00Z' }, ['set']],
    [{ advance: 'P1D', set: '2027-01-15T00:00:00Z' }, ['advance', 'set']],
    [{}, ['advance', 'set']],
    [{ advance: 'P1D', extra: true }, ['extra']],
  ])('refuses %j with 400 naming %j', async (body, fields) => {
    const before = await read();
    const res = await move(body).expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe('error.validation');
    expect((res.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(fields);
    expect((await read()).offsetMs).toBe(before.offsetMs);
  });

  it('is listed in the OpenAPI document', async () => {
    const doc = (await s.http().get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, { tags?: string[] }>> };
    expect(doc.paths['/api/test-clock']?.post?.tags).toEqual(['test-clock']);
    expect(doc.paths['/api/test-clock']?.get?.tags).toEqual(['test-clock']);
  });
});

describe('without GRASSROOTS_TEST_CLOCK', () => {
  let s: TestStack;

  beforeAll(async () => {
    s = await startTestStack('no-test-clock', { queueBackend: 'postgres', workerOnStart: false });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('has no test-clock route and runs on the system clock', async () => {
    const admin = await s.token('admin');
    await s.http().get('/api/test-clock').set('Authorization', admin).expect(404);
    await s.http().post('/api/test-clock').set('Authorization', admin).send({ advance: 'P3D' }).expect(404);
    expect(s.api.get(TEST_CLOCK)).toBeNull();
    expect(near(s.api.get<symbol, Clock>(CLOCK).now(), Date.now())).toBe(true);
    const doc = (await s.http().get('/api/docs-json').expect(200)).body as { paths: Record<string, unknown> };
    expect(doc.paths['/api/test-clock']).toBeUndefined();
  });
});

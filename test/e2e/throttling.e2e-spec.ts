import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CLOCK } from '@app/application';
import { ManualClock } from '@app/domain';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request, { type Response } from 'supertest';
import { ApiModule } from '../../apps/api/src/api.module.js';
import { setupApp } from '../../apps/api/src/setup-app.js';
import { MemoryThrottleStore } from '../../apps/api/src/throttling/memory-throttle-store.js';
import { RedisThrottleStore } from '../../apps/api/src/throttling/redis-throttle-store.js';
import { THROTTLE_STORE } from '../../apps/api/src/throttling/throttle-store.js';
import { startTestStack, type TestStack } from '../support/test-stack.js';

/**
 * Rate limits over HTTP: per-account login lockout with backoff, per-address login limit, the public tracking and
 * feedback routes; shared through Redis by two API instances; in memory on the PostgreSQL queue. Time is a
 * ManualClock, so windows end without waiting. Client addresses come from X-Forwarded-For (TRUST_PROXY=loopback).
 */
const LIMITS = {
  LOGIN_MAX_FAILURES: '3',
  LOGIN_FAILURE_WINDOW_SECONDS: '600',
  LOGIN_LOCKOUT_SECONDS: '60',
  LOGIN_LOCKOUT_MAX_SECONDS: '200',
  LOGIN_ADDRESS_LIMIT: '8',
  LOGIN_ADDRESS_WINDOW_SECONDS: '300',
  PUBLIC_RATE_LIMIT: '5',
  PUBLIC_RATE_WINDOW_SECONDS: '60',
  TRUST_PROXY: 'loopback',
};

let lastOctet = 0;
/** A new documentation-range client address (RFC 5737) for each call. */
const freshAddress = () => `198.51.100.${(lastOctet += 1)}`;

function expect429(res: Response, code: 'error.login_locked' | 'error.too_many_requests', retryAfter: number) {
  expect({ status: res.status, code: res.body.code, retryAfter: res.headers['retry-after'] }).toEqual({ status: 429, code, retryAfter: String(retryAfter) });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status: 429, title: 'Too Many Requests', retryAfter });
  expect(res.body.messages.vi).toContain(`thử lại sau ${retryAfter} giây`);
  expect(res.body.messages.en).toContain(`try again in ${retryAfter} seconds`);
}

async function startSecondApi(stack: TestStack, clock: ManualClock): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({ imports: [ApiModule.forRoot(stack.config)] })
    .overrideProvider(CLOCK)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication({ bodyParser: false, logger: false });
  setupApp(app, stack.config);
  await app.init();
  return app;
}

describe('rate limits (Redis: shared by API instances)', () => {
  const clock = new ManualClock('2026-12-01T01:00:00.000Z');
  let s: TestStack;
  let second: INestApplication;

  beforeAll(async () => {
    s = await startTestStack('throttling', { clock, workerOnStart: false, env: LIMITS });
    second = await startSecondApi(s, clock);
  });
  afterAll(async () => {
    await second?.close();
    await s?.close();
  });

  const login = (username: string, password: string, from = freshAddress(), app: INestApplication = s.api) =>
    request(app.getHttpServer()).post('/api/auth/login').set('X-Forwarded-For', from).send({ username, password });

  it('uses the Redis store (shared counts)', () => {
    expect(s.api.get(THROTTLE_STORE)).toBeInstanceOf(RedisThrottleStore);
  });

  it('locks an account after 3 failures from any addresses, says when to retry, and doubles the lockout each time', async () => {
    for (let i = 0; i < 3; i += 1) expect((await login('handler', 'wrong-password')).status).toBe(401);
    // Locked even with the right password, and from any address.
    const locked = await login('handler', 'grassroots-demo');
    expect429(locked, 'error.login_locked', 60);
    expect(locked.body.messages.vi).toContain('tạm khóa đăng nhập');
    expect(locked.body.messages.vi).toContain('lúc 08:01 01/12/2026'); // 01:01 UTC is 08:01 in Vietnam
    clock.advanceMs(59_000);
    expect429(await login('handler', 'grassroots-demo'), 'error.login_locked', 1);

    // After the lockout: three more failures lock for 120 s, then 200 s (the cap).
    for (const lockout of [120, 200]) {
      clock.advanceMs(1_000 + (lockout === 200 ? 120_000 - 1_000 : 0));
      for (let i = 0; i < 3; i += 1) expect((await login('handler', 'wrong-password')).status).toBe(401);
      expect429(await login('handler', 'grassroots-demo'), 'error.login_locked', lockout);
    }
    clock.advanceMs(200_000);
    await login('handler', 'grassroots-demo').expect(200);
  });

  it('a successful login clears the account counter (and the backoff)', async () => {
    for (let i = 0; i < 2; i += 1) expect((await login('head', 'nope')).status).toBe(401);
    await login('head', 'grassroots-demo').expect(200);
    for (let i = 0; i < 2; i += 1) expect((await login('head', 'nope')).status).toBe(401);
    await login('head', 'grassroots-demo').expect(200);
    for (let i = 0; i < 3; i += 1) expect((await login('HEAD', 'nope')).status).toBe(401); // usernames match case-insensitively
    expect429(await login('head', 'grassroots-demo'), 'error.login_locked', 60);
  });

  it('limits login attempts per client address (8 per 5 minutes), whatever the account', async () => {
    const from = freshAddress();
    for (let i = 0; i < 8; i += 1) expect((await login(`nobody-${i}`, 'x', from)).status).toBe(401);
    const refused = await login('desk', 'grassroots-demo', from);
    expect429(refused, 'error.too_many_requests', 300);
    await login('desk', 'grassroots-demo', freshAddress()).expect(200);
    clock.advanceMs(300_000);
    await login('desk', 'grassroots-demo', from).expect(200);
  });

  it('limits the public tracking and feedback routes together per address (5 per minute)', async () => {
    const from = freshAddress();
    const track = (app: INestApplication = s.api, who = from) => request(app.getHttpServer()).get('/api/track/NO-SUCH-CODE').set('X-Forwarded-For', who);
    const feedback = () => request(s.api.getHttpServer()).get('/api/feedback/not-a-token').set('X-Forwarded-For', from);
    for (let i = 0; i < 3; i += 1) expect((await track()).status).toBe(404);
    for (let i = 0; i < 2; i += 1) expect((await feedback()).status).toBe(404);
    expect429(await track(), 'error.too_many_requests', 60);
    expect429(await feedback(), 'error.too_many_requests', 60);
    expect(
      (await request(s.api.getHttpServer()).post('/api/feedback/not-a-token').set('X-Forwarded-For', from).send({ satisfied: true })).status,
    ).toBe(429);
    expect((await track(s.api, freshAddress())).status).toBe(404);
    clock.advanceMs(60_000);
    expect((await track()).status).toBe(404);
  });

  it('two API instances on one Redis prefix share the counts', async () => {
    const from = freshAddress();
    const track = (app: INestApplication) => request(app.getHttpServer()).get('/api/track/NO-SUCH-CODE').set('X-Forwarded-For', from);
    for (const app of [s.api, second, s.api, second, s.api]) expect((await track(app)).status).toBe(404);
    expect429(await track(second), 'error.too_many_requests', 60);
    expect429(await track(s.api), 'error.too_many_requests', 60);

    // An account locked through one instance is locked on the other; success on the other clears it for both.
    for (let i = 0; i < 3; i += 1) expect((await login('board', 'nope', freshAddress(), s.api)).status).toBe(401);
    expect429(await login('board', 'grassroots-demo', freshAddress(), second), 'error.login_locked', 60);
    clock.advanceMs(60_000);
    await login('board', 'grassroots-demo', freshAddress(), second).expect(200);
    for (let i = 0; i < 2; i += 1) expect((await login('board', 'nope', freshAddress(), s.api)).status).toBe(401);
    await login('board', 'grassroots-demo', freshAddress(), s.api).expect(200);
  });

  it('routes outside the limits are not counted (authenticated reads, health)', async () => {
    const token = await s.token('admin');
    for (let i = 0; i < 12; i += 1) await s.http().get('/api/auth/me').set('Authorization', token).set('X-Forwarded-For', '192.0.2.9').expect(200);
  });
});

describe('rate limits on the PostgreSQL queue (in memory, per process)', () => {
  const clock = new ManualClock('2026-12-01T01:00:00.000Z');
  let s: TestStack;
  beforeAll(async () => {
    s = await startTestStack('throttling-pg', { clock, workerOnStart: false, queueBackend: 'postgres', env: LIMITS });
  });
  afterAll(() => s?.close());

  it('falls back to the in-memory store, with the same limits', async () => {
    expect(s.api.get(THROTTLE_STORE)).toBeInstanceOf(MemoryThrottleStore);
    const from = freshAddress();
    for (let i = 0; i < 5; i += 1) expect((await s.http().get('/api/track/NO-SUCH-CODE').set('X-Forwarded-For', from)).status).toBe(404);
    expect429(await s.http().get('/api/track/NO-SUCH-CODE').set('X-Forwarded-For', from), 'error.too_many_requests', 60);
    for (let i = 0; i < 3; i += 1) expect((await s.http().post('/api/auth/login').send({ username: 'desk', password: 'x' })).status).toBe(401);
    expect429(await s.http().post('/api/auth/login').send({ username: 'desk', password: 'grassroots-demo' }), 'error.login_locked', 60);
  });
});

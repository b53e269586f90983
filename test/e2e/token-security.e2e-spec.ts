import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { KNOWN_PLACEHOLDER_SECRETS } from '@app/config';
import { mintJwt } from '../support/jwt-mint.js';
import { startTestStack, type TestStack } from '../support/test-stack.js';

/** Access tokens: only HS256 with this installation's secret, and only with an expiry, are accepted. */
describe('access-token verification', () => {
  let s: TestStack;
  let claims: { sub: string; role: string; unitId: string };
  const now = () => Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    s = await startTestStack('token-security', { workerOnStart: false });
    const me = await s.http().get('/api/auth/me').set('Authorization', await s.token('admin')).expect(200);
    claims = { sub: me.body.id, role: me.body.role, unitId: me.body.unitId };
  });
  afterAll(() => s.close());

  const me = (token: string) => s.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`);
  const expect401 = async (token: string) => {
    const res = await me(token);
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 401, code: 'error.unauthenticated' });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  };

  it('a hand-made HS256 token with the right secret and an expiry is accepted (the forgeries below differ only as named)', async () => {
    await me(mintJwt({ alg: 'HS256' }, { ...claims, iat: now(), exp: now() + 600 }, s.config.jwt.secret)).expect(200);
  });

  it('issued tokens are HS256 and carry exp', async () => {
    const res = await s.http().post('/api/auth/login').send({ username: 'desk', password: 'grassroots-demo' }).expect(200);
    const [header, payload] = (res.body.accessToken as string).split('.').slice(0, 2).map((p) => JSON.parse(Buffer.from(p, 'base64url').toString()));
    expect(header.alg).toBe('HS256');
    expect(payload.exp - payload.iat).toBe(s.config.jwt.ttlSeconds);
  });

  it('alg "none" (no signature) → 401', async () => {
    await expect401(mintJwt({ alg: 'none' }, { ...claims, iat: now(), exp: now() + 600 }, null));
  });

  it.each(['HS512', 'HS384'])('%s with the right secret while HS256 is in use → 401', async (alg) => {
    await expect401(mintJwt({ alg }, { ...claims, iat: now(), exp: now() + 600 }, s.config.jwt.secret));
  });

  it('no exp (a token valid forever) → 401', async () => {
    await expect401(mintJwt({ alg: 'HS256' }, { ...claims, iat: now() }, s.config.jwt.secret));
  });

  it.each(KNOWN_PLACEHOLDER_SECRETS)('signed with the published placeholder %j → 401', async (placeholder) => {
    await expect401(mintJwt({ alg: 'HS256' }, { ...claims, iat: now(), exp: now() + 600 }, placeholder));
  });
});

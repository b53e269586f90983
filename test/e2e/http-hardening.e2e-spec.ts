import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Response } from 'supertest';
import { startTestStack, type TestStack } from '../support/test-stack.js';

/** Security headers, no caching of personal or authenticated responses, Swagger only where enabled. */

function csp(res: Response): Map<string, string> {
  const header = String(res.headers['content-security-policy'] ?? '');
  return new Map(header.split(';').map((d) => d.trim()).filter(Boolean).map((d) => [d.split(/\s+/)[0]!, d.split(/\s+/).slice(1).join(' ')]));
}

describe('HTTP hardening (defaults: no proxy trusted)', () => {
  let s: TestStack;
  beforeAll(async () => {
    s = await startTestStack('http-hardening', { workerOnStart: false });
  });
  afterAll(() => s?.close());

  it('every response has nosniff, a CSP with frame-ancestors none, X-Frame-Options DENY and no X-Powered-By', async () => {
    for (const res of [await s.http().get('/health'), await s.http().get('/api/petitions'), await s.http().get('/api/track/NOPE'), await s.http().post('/api/auth/login').send({})]) {
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      const policy = csp(res);
      expect(policy.get('frame-ancestors')).toBe("'none'");
      expect(policy.get('default-src')).toBe("'self'");
    }
  });

  it('the CSP suits a same-origin web app (own scripts only, inline styles, data: images, connections to self)', async () => {
    const policy = csp(await s.http().get('/health'));
    expect(policy.get('script-src')).toBe("'self'");
    expect(policy.get('style-src')).toBe("'self' 'unsafe-inline'");
    expect(policy.get('img-src')).toBe("'self' data:");
    expect(policy.get('connect-src')).toBe("'self'");
    expect(policy.get('object-src')).toBe("'none'");
    expect(policy.has('upgrade-insecure-requests')).toBe(false);
  });

  it('no HSTS over plain HTTP, and a client cannot claim https when no proxy is trusted', async () => {
    expect((await s.http().get('/health')).headers['strict-transport-security']).toBeUndefined();
    expect((await s.http().get('/health').set('X-Forwarded-Proto', 'https')).headers['strict-transport-security']).toBeUndefined();
  });

  it('Cache-Control: no-store on login, authenticated, tracking and feedback responses (and on their errors)', async () => {
    const login = await s.http().post('/api/auth/login').send({ username: 'desk', password: 'grassroots-demo' }).expect(200);
    expect(login.headers['cache-control']).toBe('no-store');
    const token = `Bearer ${login.body.accessToken as string}`;
    for (const path of ['/api/auth/me', '/api/petitions', '/api/units']) {
      expect((await s.http().get(path).set('Authorization', token)).headers['cache-control']).toBe('no-store');
    }
    expect((await s.http().get('/api/petitions')).headers['cache-control']).toBe('no-store'); // 401
    expect((await s.http().get('/api/track/NOPE')).headers['cache-control']).toBe('no-store');
    expect((await s.http().get('/api/feedback/not-a-token')).headers['cache-control']).toBe('no-store');
  });

  it('Swagger UI loads under the CSP: no inline scripts, its assets may be cached', async () => {
    const page = await s.http().get('/api/docs/').redirects(1).expect(200);
    const scripts = [...page.text.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect({ attrs, inline: body!.trim() }).toEqual({ attrs: expect.stringMatching(/src=/), inline: '' });
    }
    const src = /src="\.?\/?([^"]+)"/.exec(scripts[scripts.length - 1]![1]!)![1]!;
    const asset = await s.http().get(`/api/docs/${src}`).expect(200);
    expect(asset.headers['cache-control']).not.toBe('no-store');
  });
});

describe('HTTP hardening behind a TLS proxy', () => {
  let s: TestStack;
  beforeAll(async () => {
    s = await startTestStack('http-hardening-tls', { workerOnStart: false, env: { TRUST_PROXY: 'loopback', SWAGGER_ENABLED: 'false' } });
  });
  afterAll(() => s?.close());

  it('sends HSTS when the trusted proxy says the request came over https, not otherwise', async () => {
    const https = await s.http().get('/health').set('X-Forwarded-Proto', 'https');
    expect(https.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect((await s.http().get('/health').set('X-Forwarded-Proto', 'http')).headers['strict-transport-security']).toBeUndefined();
  });

  it('with SWAGGER_ENABLED=false there are no API docs', async () => {
    await s.http().get('/api/docs-json').expect(404);
    expect((await s.http().get('/api/docs/')).status).toBe(404);
  });
});

describe('HSTS_ALWAYS', () => {
  let s: TestStack;
  beforeAll(async () => {
    s = await startTestStack('http-hardening-hsts', { workerOnStart: false, env: { HSTS_ALWAYS: 'true' } });
  });
  afterAll(() => s?.close());

  it('sends HSTS on every response when TLS ends in front of the API without X-Forwarded-Proto', async () => {
    expect((await s.http().get('/health')).headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });
});

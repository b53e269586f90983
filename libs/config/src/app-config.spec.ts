import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { ConfigValidationError, loadConfig } from './app-config.js';
import { isKnownPlaceholderSecret, KNOWN_PLACEHOLDER_SECRETS, MIN_SECRET_LENGTH } from './secrets.js';

describe('feedback-link secret (citizen satisfaction links)', () => {
  const strong = 'x'.repeat(32);

  it('falls back to the JWT secret (the application derives a separate key from it)', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).satisfaction.linkSecret).toBe(loadConfig({ NODE_ENV: 'test' }).jwt.secret);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: strong }).satisfaction.linkSecret).toBe(strong);
  });

  it('uses FEEDBACK_LINK_SECRET when set, and refuses a short one', () => {
    const own = 'f'.repeat(40);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: strong, FEEDBACK_LINK_SECRET: own }).satisfaction.linkSecret).toBe(own);
    expect(() => loadConfig({ NODE_ENV: 'test', FEEDBACK_LINK_SECRET: 'too-short' })).toThrow(ConfigValidationError);
  });

  it('still requires JWT_SECRET in production, so production never runs on the development default', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', FEEDBACK_LINK_SECRET: strong })).toThrow(/JWT_SECRET/);
  });
});

describe('JWT signing secret', () => {
  const strong = 'k'.repeat(48);

  it.each(['production', 'development'])('is required when NODE_ENV=%s (no public default to sign with)', (nodeEnv) => {
    expect(() => loadConfig({ NODE_ENV: nodeEnv })).toThrow(/JWT_SECRET: required/);
    expect(() => loadConfig({})).toThrow(/JWT_SECRET: required/);
    expect(loadConfig({ NODE_ENV: nodeEnv, JWT_SECRET: strong }).jwt.secret).toBe(strong);
  });

  it('refuses a short secret everywhere', () => {
    for (const NODE_ENV of ['production', 'development', 'test']) {
      expect(() => loadConfig({ NODE_ENV, JWT_SECRET: 'x'.repeat(MIN_SECRET_LENGTH - 1) })).toThrow(/JWT_SECRET/);
    }
  });

  it.each(KNOWN_PLACEHOLDER_SECRETS.filter((p) => p.length >= MIN_SECRET_LENGTH))('refuses the published placeholder %j outside tests', (placeholder) => {
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: placeholder })).toThrow(/JWT_SECRET: is a published example/);
    expect(() => loadConfig({ NODE_ENV: 'development', JWT_SECRET: placeholder })).toThrow(/JWT_SECRET: is a published example/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: strong, FEEDBACK_LINK_SECRET: placeholder })).toThrow(/FEEDBACK_LINK_SECRET/);
  });

  it('lists the secret docker-compose.yml used to ship, and the compose file now takes it from the environment', () => {
    expect(KNOWN_PLACEHOLDER_SECRETS).toContain('change-me-to-a-long-random-secret-at-least-32-characters');
    const compose = readFileSync(new URL('../../../docker-compose.yml', import.meta.url), 'utf8');
    const line = compose.split('\n').find((l) => /^\s*JWT_SECRET:/.test(l));
    expect(line).toMatch(/JWT_SECRET: \$\{JWT_SECRET:\?/);
    for (const placeholder of KNOWN_PLACEHOLDER_SECRETS.filter((p) => p.length >= MIN_SECRET_LENGTH)) expect(compose).not.toContain(placeholder);
  });

  it('in tests without one: a random secret, the same for every config of the run, never a constant', () => {
    const a = loadConfig({ NODE_ENV: 'test' }).jwt.secret;
    expect(a).toBe(loadConfig({ NODE_ENV: 'test' }).jwt.secret);
    expect(a.length).toBeGreaterThanOrEqual(MIN_SECRET_LENGTH);
    expect(isKnownPlaceholderSecret(a)).toBe(false);
  });

  it('a process that signs nothing (the CLI) may run without one, but a given secret is still checked', () => {
    const cfg = loadConfig({ NODE_ENV: 'production' }, { requireSigningSecret: false });
    expect(cfg.jwt.secret.length).toBeGreaterThanOrEqual(MIN_SECRET_LENGTH);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: KNOWN_PLACEHOLDER_SECRETS[1] }, { requireSigningSecret: false })).toThrow(/JWT_SECRET/);
  });
});

describe('SWAGGER_ENABLED', () => {
  const secret = { JWT_SECRET: 'k'.repeat(48) };
  it('defaults to off in production and on elsewhere; an explicit value wins', () => {
    expect(loadConfig({ NODE_ENV: 'production', ...secret }).swaggerEnabled).toBe(false);
    expect(loadConfig({ NODE_ENV: 'development', ...secret }).swaggerEnabled).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).swaggerEnabled).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', ...secret, SWAGGER_ENABLED: 'true' }).swaggerEnabled).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development', ...secret, SWAGGER_ENABLED: 'false' }).swaggerEnabled).toBe(false);
  });
});

describe('TRUST_PROXY', () => {
  it('is off by default and takes booleans, hop counts or address lists', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).http.trustProxy).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test', TRUST_PROXY: 'true' }).http.trustProxy).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test', TRUST_PROXY: '1' }).http.trustProxy).toBe(1);
    expect(loadConfig({ NODE_ENV: 'test', TRUST_PROXY: 'loopback, 10.0.0.0/8' }).http.trustProxy).toBe('loopback, 10.0.0.0/8');
  });
});

describe('PUBLIC_BASE_URL', () => {
  it('defaults to this API on localhost, at its port', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).publicBaseUrl).toBe('http://localhost:3000');
    expect(loadConfig({ NODE_ENV: 'test', PORT: '3001' }).publicBaseUrl).toBe('http://localhost:3001');
  });

  it('keeps an http(s) URL, with a path, without its trailing slash', () => {
    expect(loadConfig({ NODE_ENV: 'test', PUBLIC_BASE_URL: 'https://tiepdan.example.gov.vn/' }).publicBaseUrl).toBe('https://tiepdan.example.gov.vn');
    expect(loadConfig({ NODE_ENV: 'test', PUBLIC_BASE_URL: 'http://10.0.0.5:8080/grassroots/' }).publicBaseUrl).toBe('http://10.0.0.5:8080/grassroots');
  });

  it.each(['tiepdan.example.gov.vn', 'ftp://example.gov.vn', 'https://example.gov.vn/?a=1', 'https://example.gov.vn/?', 'https://example.gov.vn/#top', 'https://user:pw@example.gov.vn', 'not a url'])(
    'refuses %j, naming the variable',
    (value) => {
      expect(() => loadConfig({ NODE_ENV: 'test', PUBLIC_BASE_URL: value })).toThrow(ConfigValidationError);
      expect(() => loadConfig({ NODE_ENV: 'test', PUBLIC_BASE_URL: value })).toThrow(/PUBLIC_BASE_URL/);
    },
  );
});

import { describe, expect, it } from '@jest/globals';
import { ConfigValidationError, loadConfig } from './app-config.js';

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

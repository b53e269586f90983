import { describe, expect, it } from '@jest/globals';
import { ConfigValidationError, loadConfig } from '@app/config';

/** The test clock lets an administrator move time, so production refuses to start with it. */
describe('GRASSROOTS_TEST_CLOCK', () => {
  const secret = { JWT_SECRET: 'x'.repeat(40) };

  it('is off by default', () => {
    expect(loadConfig({ ...secret }).testClock).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', ...secret }).testClock).toBe(false);
  });

  it.each(['1', 'true', 'yes', 'on'])('is on with %j outside production', (value) => {
    expect(loadConfig({ NODE_ENV: 'test', GRASSROOTS_TEST_CLOCK: value }).testClock).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development', ...secret, GRASSROOTS_TEST_CLOCK: value }).testClock).toBe(true);
  });

  it('stays off with 0', () => {
    expect(loadConfig({ ...secret, GRASSROOTS_TEST_CLOCK: '0' }).testClock).toBe(false);
  });

  it('is refused in production', () => {
    const load = () => loadConfig({ NODE_ENV: 'production', ...secret, GRASSROOTS_TEST_CLOCK: '1' });
    expect(load).toThrow(ConfigValidationError);
    expect(load).toThrow(/GRASSROOTS_TEST_CLOCK/);
  });
});

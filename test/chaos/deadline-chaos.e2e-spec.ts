import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { redisOptionsFromUrl } from '@app/queue';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { waitFor } from '../support/wait-for.js';

/**
 * Chaos: ≥ 1,000 petitions whose thresholds come due while the REAL worker process (dist) runs; the worker is
 * killed with SIGKILL mid-run, its Redis database is wiped (FLUSHDB), a new worker starts → every threshold
 * fired exactly once: none lost, none duplicated, none early.
 *
 * Redis: FLUSHDB wipes a whole Redis database, so the workers of this file use database 13 (CHAOS_REDIS_DB
 * overrides it; 0 is refused), which nobody else uses. It must be empty when the test starts (keys left by a
 * crashed earlier run of this test — prefix `gr-chaos-`, untouched for a minute — are cleared); it is flushed
 * at the end. The worker runs from dist (`npm test` builds it first; run `npm run build` before running jest
 * directly).
 */

const ROOT = process.cwd();
const WORKER_MAIN = join(ROOT, 'dist/apps/worker/apps/worker/src/main.js');
const NODE = existsSync(join(ROOT, 'node_modules/.bin/node')) ? join(ROOT, 'node_modules/.bin/node') : process.execPath;
const REDIS_DB = Number(process.env.CHAOS_REDIS_DB ?? 13);
const KEY_PREFIX = 'gr-chaos-';

const PETITIONS = 1200;
/** Clock i comes due at base_i = t0 + (i % SLOTS)·SLOT_MS − LEAD_MS; its rungs at base_i + 0 / 2 / 4 s. */
const SLOTS = 61;
const SLOT_MS = 250;
const LEAD_MS = 3000;
const RUNGS = [
  { key: '50', offsetMs: 0, notify: ['assignee', 'unit_heads'], escalate: false, informCitizen: false },
  { key: '80', offsetMs: 2000, notify: ['assignee', 'unit_heads', 'commune_heads'], escalate: false, informCitizen: false },
  { key: '100', offsetMs: 4000, notify: ['assignee', 'unit_heads', 'commune_heads', 'province_board'], escalate: true, informCitizen: true },
] as const;
const WINDOW_END_MS = (SLOTS - 1) * SLOT_MS - LEAD_MS + RUNGS[RUNGS.length - 1]!.offsetMs; // after t0
const DAY_MS = 86_400_000;

/**
 * Who must be told, by owning unit and rung (the demo organisation): a petition of the commune is assigned to
 * `handler`, whose unit head is the commune head; one of the commune's economy department to `handler2`, whose
 * unit has no head. The provincial board hears of breaches.
 */
const EXPECTED_RECIPIENTS: Record<'commune' | 'department', Record<string, string[]>> = {
  commune: { '50': ['handler', 'head'], '80': ['handler', 'head'], '100': ['board', 'handler', 'head'] },
  department: { '50': ['handler2'], '80': ['handler2', 'head'], '100': ['board', 'handler2', 'head'] },
};

const redisAvailable = Boolean(process.env.REDIS_URL) || process.env.QUEUE_BACKEND !== 'postgres';

function chaosRedisUrl(): string {
  const url = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  url.pathname = `/${REDIS_DB}`;
  return url.toString();
}

/** The newest source the worker is built from, to warn (not fail: others may be editing) when dist is older. */
function newestSourceMtime(): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const st = statSync(path);
      if (st.isDirectory()) walk(path);
      else if (name.endsWith('.ts') && !name.includes('spec')) newest = Math.max(newest, st.mtimeMs);
    }
  };
  for (const dir of ['apps/worker/src', 'libs']) walk(join(ROOT, dir));
  return newest;
}

interface RunningWorker {
  readonly child: ChildProcess;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Rejects if the process ends before we kill it (with its last output). */
  readonly died: Promise<never>;
  killed: boolean;
  output(): string;
}

function spawnWorker(env: Record<string, string>): RunningWorker {
  const child = spawn(NODE, [WORKER_MAIN], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', () => resolve({ code: 127, signal: null }));
  });
  const worker: RunningWorker = {
    child,
    exited,
    killed: false,
    died: exited.then(({ code, signal }) => {
      if (worker.killed) return new Promise<never>(() => undefined);
      throw new Error(`The worker (pid ${child.pid}) exited unexpectedly (code ${code}, signal ${signal}). Last output:\n${lines.join('\n')}`);
    }),
    output: () => lines.join('\n'),
  };
  worker.died.catch(() => undefined); // observed where awaited
  return worker;
}

async function sigkill(worker: RunningWorker | null): Promise<void> {
  if (!worker || worker.child.exitCode !== null || worker.child.signalCode !== null) return;
  worker.killed = true;
  worker.child.kill('SIGKILL');
  await worker.exited;
}

/** The last statement of a firing transaction: the claim, the calendar and policies, alerts, breaches, next reminders. */
const FIRING_SQL = /clock_thresholds|calendar_entries|deadline_policies|threshold:|'breached'/;

/**
 * SIGKILLs the worker as soon as one of its backends is inside a transaction that has written (has an xid):
 * preferably a firing one (batch claimed and marked fired, alerts not yet committed); after 2.5 s any; after
 * 3 s it kills anyway. Returns what the backend was doing, or null.
 */
async function killMidTransaction(sql: pg.Pool, database: string, worker: RunningWorker): Promise<string | null> {
  const client = await sql.connect();
  try {
    const start = Date.now();
    while (Date.now() - start < 3000) {
      const { rows } = await client.query<{ query: string }>(
        `SELECT regexp_replace(query, '\\s+', ' ', 'g') AS query FROM pg_stat_activity
          WHERE datname = $1 AND application_name = 'grassroots-worker' AND backend_xid IS NOT NULL`,
        [database],
      );
      const firing = rows.find((r) => FIRING_SQL.test(r.query));
      const target = firing ?? (Date.now() - start > 2500 ? rows[0] : undefined);
      if (target) {
        await sigkill(worker);
        return `${firing ? 'firing' : 'other'}: ${target.query.slice(0, 50)}…`;
      }
    }
    await sigkill(worker);
    return null;
  } finally {
    client.release();
  }
}

interface Counts {
  total: number;
  fired: number;
  /** Unfired thresholds that come due more than a second from now. */
  futureUnfired: number;
  /** The latest due instant among fired ones, relative to the first firing (ms): > 0 once wake-ups fired some. */
  wakeSpanMs: number;
}

(redisAvailable ? describe : describe.skip)(`deadline chaos: SIGKILL + FLUSHDB of Redis db ${REDIS_DB}`, () => {
  let db: TestDatabase;
  let sql: pg.Pool;
  let redis: Redis;
  const workers: RunningWorker[] = [];
  const prefix = `${KEY_PREFIX}${randomBytes(4).toString('hex')}`;
  let t0 = 0;
  let workerEnv: Record<string, string>;
  /** Set once the database number is known to be ours: only then may afterAll FLUSHDB it. */
  let ownsRedisDb = false;

  beforeAll(async () => {
    if (REDIS_DB === 0 || !Number.isInteger(REDIS_DB)) throw new Error(`CHAOS_REDIS_DB must be a Redis database other than 0 (got ${REDIS_DB})`);
    if (!existsSync(WORKER_MAIN)) {
      throw new Error(`${WORKER_MAIN} is missing: the chaos test runs the built worker. Run \`npm run build\` first (\`npm test\` does).`);
    }
    if (statSync(WORKER_MAIN).mtimeMs < newestSourceMtime()) {
      console.warn(`dist is older than the sources: the chaos test runs the worker as last built (npm run build).`);
    }

    redis = new Redis(chaosRedisUrl(), { maxRetriesPerRequest: 2, lazyConnect: true });
    await redis.connect();
    if ((await redis.dbsize()) > 0) {
      // Only the leftovers of a crashed earlier run of this test are cleared: ours by prefix and idle.
      const keys = (await redis.scan('0', 'COUNT', 1000))[1];
      const foreign = keys.filter((k) => !k.startsWith(KEY_PREFIX));
      const idle = await Promise.all(keys.map(async (k) => Number(await redis.object('IDLETIME', k))));
      if (foreign.length > 0 || idle.some((s) => s < 60)) {
        throw new Error(
          `Redis database ${REDIS_DB} is not empty (${await redis.dbsize()} keys, e.g. ${keys[0]}) and the chaos test ` +
            `would FLUSHDB it. Set CHAOS_REDIS_DB to a free database number (not 0), or wait for a running chaos test to end.`,
        );
      }
      await redis.flushdb();
    }
    ownsRedisDb = true;

    db = await createTestDatabase('chaos');
    sql = new pg.Pool({ connectionString: db.url, max: 3 });
    sql.on('error', () => undefined); // DROP … WITH (FORCE) ends idle connections
    workerEnv = {
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      REDIS_URL: chaosRedisUrl(),
      QUEUE_BACKEND: 'redis',
      QUEUE_PREFIX: prefix,
      LOG_LEVEL: 'warn',
      GRASSROOTS_TEST_CLOCK: 'false',
    };

    t0 = Date.now();
    await seed(sql, t0);
  });

  afterAll(async () => {
    for (const w of workers) await sigkill(w);
    await sql?.end().catch(() => undefined);
    await db?.drop().catch(() => undefined);
    if (redis) {
      if (ownsRedisDb) await redis.flushdb().catch(() => undefined);
      await redis.quit().catch(() => redis.disconnect());
    }
  });

  const counts = async (): Promise<Counts> => {
    const { rows } = await sql.query<{ total: string; fired: string; future_unfired: string; wake_span_ms: string | null }>(
      `SELECT count(*) AS total, count(fired_at) AS fired,
              count(*) FILTER (WHERE fired_at IS NULL AND due_at > now() + interval '1 second') AS future_unfired,
              extract(epoch FROM max(due_at) FILTER (WHERE fired_at IS NOT NULL) - min(fired_at)) * 1000 AS wake_span_ms
         FROM clock_thresholds WHERE key = ANY($1)`,
      [RUNGS.map((r) => r.key)],
    );
    const r = rows[0]!;
    return { total: Number(r.total), fired: Number(r.fired), futureUnfired: Number(r.future_unfired), wakeSpanMs: Number(r.wake_span_ms ?? -1) };
  };

  it('fires every threshold exactly once across a SIGKILL of the worker and a wiped Redis', async () => {
    const expectedTotal = PETITIONS * RUNGS.length;
    expect((await counts()).total).toBe(expectedTotal);
    const windowEnd = t0 + WINDOW_END_MS;

    // 1. The first worker fires what is due at start, then wake-ups fire more as their instants come.
    const first = spawnWorker(workerEnv);
    workers.push(first);
    const atKill = await Promise.race([
      waitFor(
        async () => {
          const c = await counts();
          // Mid-run: ≥ 20 % fired, some through wake-ups (due > 1 s after the first firing), and more still to come.
          return c.fired >= 0.2 * c.total && c.wakeSpanMs > 1000 && c.futureUnfired > 0 ? c : false;
        },
        { timeoutMs: Math.max(5000, windowEnd - Date.now()), intervalMs: 50, what: 'the first worker to fire ≥ 20 % (some by wake-ups) with more to come' },
      ),
      first.died,
    ]);

    // 2. Chaos: SIGKILL (no shutdown hooks), then wipe the worker's Redis database: wake-ups, schedulers, jobs.
    // Best effort: strike while one of the worker's transactions has written (e.g. claimed and marked a batch
    // fired, alerts not yet committed), so the kill also proves that such a batch rolls back and fires later.
    const inFlight = await killMidTransaction(sql, db.name, first);
    expect((await first.exited).signal).toBe('SIGKILL');
    await redis.flushdb();
    expect(await redis.dbsize()).toBe(0);
    const afterKill = await counts();
    expect(afterKill.fired).toBeGreaterThanOrEqual(atKill.fired);
    expect(afterKill.fired).toBeLessThan(afterKill.total);

    // 3. A new worker: its start-up sweep and schedule must recover everything from Postgres alone.
    const second = spawnWorker(workerEnv);
    workers.push(second);
    // Ready once its start-up schedule wrote the wake-ups again (the job id names the instant).
    const readyAt = await Promise.race([
      waitFor(async () => ((await redis.keys(`${prefix}:deadlines:wake-*`)).length > 0 ? Date.now() : false), {
        timeoutMs: 20_000,
        intervalMs: 50,
        what: 'the second worker to schedule wake-ups',
      }),
      second.died,
    ]);
    await Promise.race([
      waitFor(async () => (Date.now() > windowEnd && (await counts()).fired === expectedTotal ? true : false), {
        timeoutMs: windowEnd - Date.now() + 10_000,
        intervalMs: 100,
        what: `all ${expectedTotal} thresholds fired (last due at t0 + ${WINDOW_END_MS} ms)`,
      }),
      second.died,
    ]);
    // Escalations (outbox → BullMQ → domain) settle before we count them.
    // Escalations lost with the wiped Redis are re-issued by the new worker from Postgres (unhandled thresholds).
    const queue = new Queue('escalations', { connection: redisOptionsFromUrl(chaosRedisUrl()), prefix });
    try {
      await Promise.race([
        waitFor(
          async () => {
            const pending = await sql.query<{ n: string }>(`SELECT count(*) AS n FROM outbox WHERE published_at IS NULL`);
            const unhandled = await sql.query<{ n: string }>(
              `SELECT count(*) AS n FROM clock_thresholds WHERE fired_at IS NOT NULL AND (escalate OR inform_citizen) AND handled_at IS NULL`,
            );
            const jobs = await queue.getJobCounts('waiting', 'active', 'prioritized', 'delayed', 'failed', 'completed');
            const settledNow =
              Number(pending.rows[0]!.n) === 0 && Number(unhandled.rows[0]!.n) === 0 && jobs.waiting! + jobs.active! + jobs.prioritized! === 0;
            // Thrown (not returned) so that a timeout reports what was still outstanding.
            if (!settledNow) {
              const sample = await sql.query(
                `SELECT t.key, t.fired_at, t.requeued_at, t.handled_at,
                        (SELECT count(*) FROM petition_events e WHERE e.payload->>'thresholdId' = t.id::text) AS events,
                        (SELECT count(*) FROM outbox o WHERE o.payload->>'thresholdId' = t.id::text) AS outbox_rows
                   FROM clock_thresholds t WHERE t.fired_at IS NOT NULL AND (t.escalate OR t.inform_citizen) AND t.handled_at IS NULL
                  ORDER BY t.fired_at LIMIT 3`,
              );
              throw new Error(
                `outbox pending ${pending.rows[0]!.n}, unhandled ${unhandled.rows[0]!.n}, escalation jobs ${JSON.stringify(jobs)}, ` +
                  `second worker ready at ${new Date(readyAt).toISOString()}, e.g. ${JSON.stringify(sample.rows)}`,
              );
            }
            return true;
          },
          { timeoutMs: 30_000, intervalMs: 100, what: 'every escalation to be handled' },
        ),
        second.died,
      ]);
    } finally {
      await queue.close();
    }

    // 4. Every due threshold fired exactly once: fired, not early, and each recipient told exactly once.
    const thresholds = await sql.query<{ id: string; key: string; owner: 'commune' | 'department'; due_at: Date; fired_at: Date | null; recipients: string[] }>(
      `WITH told AS (
         SELECT split_part(n.source_key, ':', 2) AS threshold_id, array_agg(u.username ORDER BY u.username) AS recipients
           FROM notifications n JOIN users u ON u.id = n.recipient_id
          WHERE n.source_key LIKE 'threshold:%'
          GROUP BY 1
       )
       SELECT t.id::text, t.key, t.due_at, t.fired_at,
              CASE WHEN p.owning_unit_id = (SELECT unit_id FROM users WHERE username = 'desk') THEN 'commune' ELSE 'department' END AS owner,
              coalesce(told.recipients, '{}') AS recipients
         FROM clock_thresholds t
         JOIN petitions p ON p.id = t.petition_id
         LEFT JOIN told ON told.threshold_id = t.id::text
        WHERE t.key = ANY($1)`,
      [RUNGS.map((r) => r.key)],
    );
    expect(thresholds.rows).toHaveLength(expectedTotal);
    const problems: string[] = [];
    let expectedAlerts = 0;
    for (const t of thresholds.rows) {
      const expected = EXPECTED_RECIPIENTS[t.owner][t.key]!;
      expectedAlerts += expected.length;
      if (t.fired_at === null) problems.push(`threshold ${t.id} (${t.key}) never fired`);
      else if (t.fired_at.getTime() < t.due_at.getTime()) problems.push(`threshold ${t.id} fired early`);
      if (t.recipients.join(',') !== expected.join(',')) {
        problems.push(`threshold ${t.id} (${t.owner} ${t.key}) told [${t.recipients.join(', ')}], expected [${expected.join(', ')}]`);
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);

    const alerts = await sql.query<{ n: string; keys: string; foreign: string }>(
      `SELECT count(*) AS n, count(DISTINCT source_key) AS keys,
              count(*) FILTER (WHERE source_key NOT LIKE 'threshold:%') AS foreign
         FROM notifications WHERE kind = 'deadline.alert'`,
    );
    expect(alerts.rows[0]).toEqual({ n: String(expectedAlerts), keys: String(expectedAlerts), foreign: '0' });

    // Nothing fired early: the seeded overdue reminders (days ahead) and any the breaches planned are untouched.
    const future = await sql.query<{ n: string; fired: string }>(
      `SELECT count(*) AS n, count(fired_at) AS fired FROM clock_thresholds WHERE due_at > now() + interval '1 day'`,
    );
    expect(Number(future.rows[0]!.n)).toBeGreaterThanOrEqual(PETITIONS);
    expect(future.rows[0]!.fired).toBe('0');

    // Each breach applied once: every clock breached, its version bumped exactly once.
    const clocks = await sql.query<{ status: string; version: number; n: string }>(
      `SELECT status, version, count(*) AS n FROM petition_clocks GROUP BY status, version`,
    );
    expect(clocks.rows).toEqual([{ status: 'breached', version: 2, n: String(PETITIONS) }]);

    // Escalations: at most one per threshold, only for rungs that escalate, at most one level per petition.
    const escalations = await sql.query<{ threshold_key: string; per_threshold: string; n: string }>(
      `SELECT t.key AS threshold_key, per.n AS per_threshold, count(*) AS n
         FROM (SELECT payload->>'thresholdId' AS tid, count(*) AS n FROM petition_events WHERE type = 'PetitionEscalated' GROUP BY 1) per
         JOIN clock_thresholds t ON t.id::text = per.tid
        GROUP BY 1, 2`,
    );
    for (const row of escalations.rows) {
      expect(row.threshold_key).toBe('100');
      expect(row.per_threshold).toBe('1');
    }
    const escalated = escalations.rows.reduce((s, r) => s + Number(r.n), 0);
    // None lost: every breach escalated exactly once, including those whose jobs the FLUSHDB wiped.
    expect(escalated).toBe(PETITIONS);
    const maxLevel = await sql.query<{ m: number }>(`SELECT max(escalation_level) AS m FROM petitions`);
    expect(maxLevel.rows[0]!.m).toBeLessThanOrEqual(1);

    // The wake-up path was rebuilt from Postgres: what came due after the new worker was ready fired within
    // seconds, where without wake-ups it would wait for the safety-net sweep (30 s).
    const late = await sql.query<{ n: string; max_ms: string | null; p50_ms: string | null; p99_ms: string | null }>(
      `SELECT count(*) AS n, max(ms) AS max_ms,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50_ms, percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99_ms
         FROM (SELECT extract(epoch FROM fired_at - due_at) * 1000 AS ms FROM clock_thresholds
                WHERE key = ANY($1) AND due_at > $2) x`,
      [RUNGS.map((r) => r.key), new Date(readyAt + 100)],
    );
    const l = late.rows[0]!;
    expect(Number(l.n)).toBeGreaterThan(0);
    expect(Number(l.max_ms)).toBeLessThan(5_000);

    process.stderr.write(
      `[chaos] ${expectedTotal} thresholds (${PETITIONS} petitions), ${expectedAlerts} alerts; killed at ${atKill.fired} fired ` +
        `(${afterKill.fired} after the kill); second worker: ${l.n} due after it was ready, lateness p50 ${Math.round(Number(l.p50_ms))} ms, ` +
        `p99 ${Math.round(Number(l.p99_ms))} ms, max ${Math.round(Number(l.max_ms))} ms; killed ${inFlight ? `inside a writing transaction (${inFlight})` : 'between transactions'}; ` +
        `escalations ${escalated}/${PETITIONS}\n`,
    );
  });
});

/**
 * Set-based seed: PETITIONS feedback petitions (accepted and assigned; half owned by the commune, half by its
 * economy department), each with a running 20-day resolution clock whose 50/80/100 % rungs come due in a
 * window around t0 and whose first overdue reminder is weeks away.
 */
async function seed(sql: pg.Pool, t0: number): Promise<void> {
  const client = await sql.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `CREATE TEMP TABLE chaos_seed ON COMMIT DROP AS
       SELECT i, gen_random_uuid() AS petition_id, gen_random_uuid() AS clock_id,
              CASE WHEN i % 2 = 0 THEN desk.unit_id ELSE h2.unit_id END AS owning_unit_id,
              CASE WHEN i % 2 = 0 THEN h1.id ELSE h2.id END AS assignee_id,
              desk.unit_id AS receiving_unit_id, desk.id AS desk_id, head.id AS head_id,
              'CHAO-' || lpad((i / 10000)::text, 4, '0') || '-' || lpad((i % 10000)::text, 4, '0') AS tracking_code,
              $2::timestamptz + make_interval(secs => ((i % $3) * $4 - $5) / 1000.0) AS base,
              $2::timestamptz - interval '20 days' AS started_at
         FROM generate_series(1, $1) AS i,
              (SELECT id, unit_id FROM users WHERE username = 'desk') desk,
              (SELECT id FROM users WHERE username = 'head') head,
              (SELECT id FROM users WHERE username = 'handler') h1,
              (SELECT id, unit_id FROM users WHERE username = 'handler2') h2`,
      [PETITIONS, new Date(t0), SLOTS, SLOT_MS, LEAD_MS],
    );
    await client.query(
      `INSERT INTO petitions (id, tracking_code, kind, channel, status, version, title, content, petitioner, search_text,
                              receiving_unit_id, owning_unit_id, assignee_id, created_by, created_at, updated_at)
       SELECT petition_id, tracking_code, 'feedback', 'in_person', 'assigned', 3, 'Đèn đường hỏng ở tổ ' || i, 'Nội dung phản ánh số ' || i,
              '{"fullName": "Nguyễn Văn An", "phone": "0912345678"}'::jsonb,
              lower(tracking_code) || ' den duong hong o to ' || i || ' noi dung phan anh so ' || i,
              receiving_unit_id, owning_unit_id, assignee_id, desk_id, started_at, started_at
         FROM chaos_seed`,
    );
    await client.query(
      `INSERT INTO petition_events (petition_id, sequence, type, actor_id, actor_role, legal_basis, occurred_at, payload)
       SELECT s.petition_id, e.seq, e.type, e.actor, e.role, NULL, s.started_at,
              jsonb_build_object('type', e.type, 'petitionId', s.petition_id, 'at', s.started_at, 'actorId', e.actor, 'actorRole', e.role,
                                 'legalBasis', NULL) || e.extra
         FROM chaos_seed s
         CROSS JOIN LATERAL (VALUES
           (1, 'PetitionReceived', s.desk_id, 'desk', jsonb_build_object('kind', 'feedback', 'channel', 'in_person',
               'receivingUnitId', s.receiving_unit_id, 'trackingCode', s.tracking_code, 'parentPetitionId', NULL)),
           (2, 'PetitionAccepted', s.desk_id, 'desk', jsonb_build_object('note', NULL)),
           (3, 'PetitionAssigned', s.head_id, 'head', jsonb_build_object('assigneeId', s.assignee_id, 'previousAssigneeId', NULL, 'note', NULL))
         ) AS e(seq, type, actor, role, extra)`,
    );
    await client.query(
      `INSERT INTO petition_clocks (id, petition_id, kind, rule_id, legal_basis, policy_version, unit, variant, days, start_event,
                                    started_at, status, due_at, updated_at)
       SELECT clock_id, petition_id, 'resolution', 'P1', 'NĐ 20/2008/NĐ-CP', 1, 'calendar_days', 'standard', 20, 'PetitionAccepted',
              started_at, 'running', base + interval '4 seconds', started_at
         FROM chaos_seed`,
    );
    await client.query(
      `INSERT INTO clock_thresholds (clock_id, petition_id, key, due_at, notify, escalate, inform_citizen)
       SELECT s.clock_id, s.petition_id, r.key, s.base + make_interval(secs => r.offset_ms / 1000.0), r.notify, r.escalate, r.inform_citizen
         FROM chaos_seed s
         CROSS JOIN jsonb_to_recordset($1::jsonb) AS r(key text, offset_ms bigint, notify text[], escalate boolean, inform_citizen boolean)`,
      [
        JSON.stringify([
          ...RUNGS.map((r) => ({ key: r.key, offset_ms: r.offsetMs, notify: r.notify, escalate: r.escalate, inform_citizen: r.informCitizen })),
          { key: 'overdue-1', offset_ms: 14 * DAY_MS, notify: ['unit_heads', 'commune_heads', 'province_board'], escalate: true, inform_citizen: false },
        ]),
      ],
    );
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

import { randomBytes } from 'node:crypto';
import { CLOCK } from '@app/application';
import { type AppConfig, loadConfig, type QueueBackend } from '@app/config';
import type { Clock } from '@app/domain';
import { ALL_QUEUES, installQueueBackend, queueConnection } from '@app/queue';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Queue } from 'bullmq';
import pg from 'pg';
import request from 'supertest';
import { ApiModule } from '../../apps/api/src/api.module.js';
import { setupApp } from '../../apps/api/src/setup-app.js';
import { WorkerModule } from '../../apps/worker/src/worker.module.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

/** Which queue backends this machine can run: Postgres always; Redis when the orchestrator found one. */
export function availableQueueBackends(): QueueBackend[] {
  return process.env.REDIS_URL || process.env.QUEUE_BACKEND !== 'postgres' ? ['redis', 'postgres'] : ['postgres'];
}

export interface TestStack {
  readonly config: AppConfig;
  readonly db: TestDatabase;
  /** A plain client on the test database, for assertions and for counting rows. */
  readonly sql: pg.Pool;
  readonly api: INestApplication;
  http(): ReturnType<typeof request>;
  /** Logs in a demo user and returns its bearer header value. */
  token(username: string): Promise<string>;
  userId(username: string): Promise<string>;
  /** The API's log lines (JSON), when the stack was started with `captureLog`. */
  logLines(): readonly string[];
  startWorker(): Promise<INestApplicationContext>;
  stopWorker(): Promise<void>;
  worker(): INestApplicationContext | null;
  close(): Promise<void>;
}

/**
 * The whole system in one process against real services: its own database (a template copy), its own
 * BullMQ prefix (Redis) or schema (Postgres backend), the API over HTTP and, on demand, the worker.
 */
export async function startTestStack(label: string, opts: { queueBackend?: QueueBackend; clock?: Clock; workerOnStart?: boolean; testClock?: boolean; captureLog?: { level: string } } = {}): Promise<TestStack> {
  const db = await createTestDatabase(label);
  const suffix = randomBytes(4).toString('hex');
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_BACKEND: opts.queueBackend ?? 'redis',
    QUEUE_PREFIX: `gr-test-${label}-${suffix}`,
    QUEUE_PG_SCHEMA: `bullmq_${suffix}`,
    LOG_LEVEL: opts.captureLog?.level ?? process.env.TEST_LOG_LEVEL ?? 'silent',
    OUTBOX_POLL_MS: '20',
    SWAGGER_ENABLED: 'true',
    GRASSROOTS_TEST_CLOCK: opts.testClock ? 'true' : 'false',
  });
  installQueueBackend(config);
  const sql = new pg.Pool({ connectionString: db.url, max: 3 });
  // Dropping the database WITH (FORCE) may terminate an idle pooled connection as it closes; that is expected.
  sql.on('error', () => undefined);

  const logLines: string[] = [];
  const logDestination = opts.captureLog ? { write: (line: string) => void logLines.push(line) } : undefined;
  const apiBuilder = Test.createTestingModule({ imports: [ApiModule.forRoot(config, { logDestination })] });
  if (opts.clock) apiBuilder.overrideProvider(CLOCK).useValue(opts.clock);
  const api = (await apiBuilder.compile()).createNestApplication({ bodyParser: false, logger: false });
  setupApp(api, config);
  await api.init();

  let worker: INestApplicationContext | null = null;
  const startWorker = async () => {
    if (worker) return worker;
    const builder = Test.createTestingModule({ imports: [WorkerModule.forRoot(config)] });
    if (opts.clock) builder.overrideProvider(CLOCK).useValue(opts.clock);
    const moduleRef = await builder.compile();
    worker = moduleRef;
    await moduleRef.init();
    return moduleRef;
  };
  const stopWorker = async () => {
    const w = worker;
    worker = null;
    if (w) await w.close();
  };
  if (opts.workerOnStart !== false) await startWorker();

  const tokens = new Map<string, string>();
  const stack: TestStack = {
    config,
    db,
    sql,
    api,
    http: () => request(api.getHttpServer()),
    async token(username) {
      const cached = tokens.get(username);
      if (cached) return cached;
      const res = await request(api.getHttpServer()).post('/api/auth/login').send({ username, password: 'grassroots-demo' }).expect(200);
      const value = `Bearer ${res.body.accessToken as string}`;
      tokens.set(username, value);
      return value;
    },
    async userId(username) {
      const r = await sql.query<{ id: string }>('SELECT id FROM users WHERE username = $1', [username]);
      return r.rows[0]!.id;
    },
    logLines: () => logLines,
    startWorker,
    stopWorker,
    worker: () => worker,
    async close() {
      // Stop consumers first, then remove this suite's jobs from Redis with bare queues (no worker left to
      // write housekeeping keys afterwards). The Postgres backend's schema goes with the database.
      await stopWorker();
      if (config.queue.backend === 'redis') {
        for (const name of ALL_QUEUES) {
          const queue = new Queue(name, { connection: queueConnection(config), prefix: config.queue.prefix });
          await queue.obliterate({ force: true });
          await queue.close();
        }
      }
      await api.close();
      await sql.end();
      await db.drop();
    },
  };
  return stack;
}

import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { type AppConfig, ConfigModule } from '@app/config';
import { dataSourceOptions } from '@app/persistence';
import { ALL_QUEUES, DEFAULT_JOB_OPTIONS, JobName, outboxJobId, queueConnection, QueueName } from '@app/queue';
import type { INestApplicationContext, LoggerService } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { createPetition, demoCommuneId, mustPerformAction, petitionBody } from '../../../../test/support/petition-fixtures.js';
import { availableQueueBackends, startTestStack, type TestStack } from '../../../../test/support/test-stack.js';
import { waitFor } from '../../../../test/support/wait-for.js';
import { WorkerModule } from '../worker.module.js';
import { OutboxRelay } from './outbox-relay.service.js';

interface OutboxRow {
  id: string;
  queue: QueueName;
  job_name: string;
  payload: { petitionId: string; sequence: number; assigneeId?: string };
  published_at: Date | null;
  attempts: number;
}

const silentLogger: LoggerService = { log() {}, error() {}, warn() {}, debug() {}, verbose() {}, fatal() {} };

/**
 * The outbox relay's guarantees, on each queue backend this machine has: what a command committed is
 * published even if the process died before publishing; a publish that was never marked is not processed
 * twice; several relays share the rows without publishing any twice; a failed add leaves rows pending.
 */
describe.each(availableQueueBackends())('outbox relay (queue backend: %s)', (backend) => {
  let s: TestStack;
  let desk: string;
  let head: string;
  let handlerId: string;
  let headId: string;
  let communeId: string;
  /** Our own queue handles (independent of any worker), to inspect and to publish jobs by hand. */
  const queues = new Map<QueueName, Queue>();
  const extraContexts: INestApplicationContext[] = [];

  beforeAll(async () => {
    // Nothing runs the relay until a test starts the worker: commands commit, nothing is published.
    s = await startTestStack(`relay-${backend}`, { queueBackend: backend, workerOnStart: false });
    [desk, head, handlerId, headId] = await Promise.all([s.token('desk'), s.token('head'), s.userId('handler'), s.userId('head')]);
    communeId = await demoCommuneId(s);
    for (const name of ALL_QUEUES) {
      queues.set(name, new Queue(name, { connection: queueConnection(s.config), prefix: s.config.queue.prefix }));
    }
  });
  afterAll(async () => {
    for (const c of extraContexts) await c.close().catch(() => undefined);
    for (const q of queues.values()) await q.close().catch(() => undefined);
    await s?.close();
  });

  const queue = (name: QueueName): Queue => queues.get(name)!;

  /** "Crashes" every worker process: nothing publishes or consumes until a test starts one again. */
  async function stopWorkers(): Promise<void> {
    await s.stopWorker();
    while (extraContexts.length > 0) await extraContexts.pop()!.close();
  }

  const create = (kind: string, title: string) => createPetition(s, desk, petitionBody(communeId, { kind, title }));

  const act = (id: string, action: string, body: object = {}, version?: number) => mustPerformAction(s, head, id, action, body, version);

  const outboxOf = async (petitionIds: string[]): Promise<OutboxRow[]> =>
    (
      await s.sql.query<OutboxRow>(
        `SELECT id, queue, job_name, payload, published_at, attempts FROM outbox
          WHERE payload->>'petitionId' = ANY($1::text[]) ORDER BY created_at`,
        [petitionIds],
      )
    ).rows;

  const count = async (sql: string, params: unknown[] = []): Promise<number> => (await s.sql.query<{ n: number }>(sql, params)).rows[0]!.n;
  const pendingCount = () => count(`SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`);

  const boardSequence = async (petitionId: string): Promise<number | undefined> =>
    (await s.sql.query<{ last_sequence: number }>(`SELECT last_sequence FROM board_petitions WHERE petition_id = $1`, [petitionId])).rows[0]
      ?.last_sequence;

  /** Every job a relay published for these rows exists under the row's job id and has completed. */
  async function waitForJobsCompleted(rows: OutboxRow[], timeoutMs = 30_000): Promise<void> {
    await waitFor(
      async () => {
        for (const r of rows) {
          const job = await queue(r.queue).getJob(outboxJobId(r.id));
          if (!job) return false;
          const state = await job.getState();
          if (state !== 'completed') throw new Error(`job ${job.id} (${r.job_name}) is ${state}`);
        }
        return true;
      },
      { timeoutMs, what: `${rows.length} outbox jobs to complete` },
    );
  }

  /** All jobs, in any state, held by a queue. */
  /** Jobs that came through the outbox (the deadlines queue also carries the worker's own timer jobs). */
  const jobTotal = async (name: QueueName): Promise<number> =>
    (await queue(name).getJobs(['wait', 'active', 'delayed', 'prioritized', 'waiting-children', 'completed', 'failed'])).filter(
      (j) => j?.id?.startsWith('outbox-'),
    ).length;

  /** Every published row is one job and vice versa: nothing was added twice under a different id, nothing lost. */
  async function expectOneJobPerRow(): Promise<void> {
    for (const name of ALL_QUEUES) {
      const rows = await count(`SELECT count(*)::int AS n FROM outbox WHERE queue = $1`, [name]);
      expect({ queue: name, jobs: await jobTotal(name) }).toEqual({ queue: name, jobs: rows });
    }
  }

  it('publishes what was committed before a crash once the worker starts again', async () => {
    expect(s.worker()).toBeNull();
    const p = await create('complaint', 'Đường liên thôn xuống cấp');
    await act(p.id, 'accept', { note: 'Đủ điều kiện thụ lý' }, 1);
    const assigned = await act(p.id, 'assign', { assigneeId: handlerId }, 2);
    expect(assigned.version).toBe(3);

    // Committed, never published: the process "crashed" before its relay ran.
    const rows = await outboxOf([p.id]);
    expect(rows.map((r) => [r.queue, r.job_name, r.payload.sequence]).sort()).toEqual(
      [
        [QueueName.Notifications, JobName.NotifyAssignee, 3],
        [QueueName.PetitionEvents, JobName.PetitionEventRecorded, 1],
        [QueueName.PetitionEvents, JobName.PetitionEventRecorded, 2],
        [QueueName.PetitionEvents, JobName.PetitionEventRecorded, 3],
      ].sort(),
    );
    expect(rows.every((r) => r.published_at === null && r.attempts === 0)).toBe(true);
    expect(await pendingCount()).toBe(rows.length);
    expect(await count(`SELECT count(*)::int AS n FROM board_petitions`)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM notifications`)).toBe(0);
    for (const name of ALL_QUEUES) expect(await jobTotal(name)).toBe(0);

    // The restart: the relay drains at boot, the processors follow.
    await s.startWorker();
    await waitFor(async () => (await pendingCount()) === 0, { what: 'every outbox row to be published' });
    await waitFor(async () => (await boardSequence(p.id)) === assigned.version, { what: `board projection at version ${assigned.version}` });
    await waitForJobsCompleted(rows);

    expect((await outboxOf([p.id])).map((r) => [r.published_at !== null, r.attempts])).toEqual(rows.map(() => [true, 1]));
    const notes = await s.sql.query(`SELECT recipient_id, source_key FROM notifications WHERE petition_id = $1`, [p.id]);
    expect(notes.rows).toEqual([{ recipient_id: handlerId, source_key: `assigned:${p.id}:3` }]);
    await expectOneJobPerRow();
  });

  it('does not process a job twice when a relay published it but died before marking the row', async () => {
    await stopWorkers();
    const a = await create('feedback', 'Trạm bơm tiêu úng hỏng');
    await act(a.id, 'accept');
    await act(a.id, 'assign', { assigneeId: handlerId });
    const reassigned = await act(a.id, 'assign', { assigneeId: headId });
    const b = await create('recommendation', 'Kiến nghị làm đường điện');
    await act(b.id, 'accept');
    const bAssigned = await act(b.id, 'assign', { assigneeId: handlerId });

    const pending = await outboxOf([a.id, b.id]);
    expect(pending).toHaveLength(6 + 4);
    expect(await pendingCount()).toBe(pending.length);

    // The relay that died: its adds reached the queue (same job ids, same payloads), its UPDATE never committed.
    for (const name of ALL_QUEUES) {
      const batch = pending.filter((r) => r.queue === name);
      await queue(name).addBulk(
        batch.map((r) => ({ name: r.job_name, data: r.payload, opts: { ...DEFAULT_JOB_OPTIONS, jobId: outboxJobId(r.id) } })),
      );
    }
    expect(await pendingCount()).toBe(pending.length);

    await s.startWorker();
    await waitFor(async () => (await pendingCount()) === 0, { what: 'every outbox row to be published' });
    await waitForJobsCompleted(pending);
    expect(await boardSequence(a.id)).toBe(reassigned.version);
    expect(await boardSequence(b.id)).toBe(bAssigned.version);

    // Published once by the relay (the re-add was deduplicated by job id), and each job ran once: its only run stored.
    expect((await outboxOf([a.id, b.id])).map((r) => [r.published_at !== null, r.attempts])).toEqual(pending.map(() => [true, 1]));
    for (const r of pending.filter((r) => r.job_name === JobName.NotifyAssignee)) {
      const job = (await queue(r.queue).getJob(outboxJobId(r.id)))!;
      expect({ id: job.id, returnvalue: job.returnvalue, data: job.data }).toEqual({ id: outboxJobId(r.id), returnvalue: 'stored', data: r.payload });
    }
    const notes = await s.sql.query<{ petition_id: string; recipient_id: string; source_key: string }>(
      `SELECT petition_id, recipient_id, source_key FROM notifications WHERE petition_id = ANY($1::uuid[]) ORDER BY source_key`,
      [[a.id, b.id]],
    );
    expect(notes.rows).toEqual(
      [
        { petition_id: a.id, recipient_id: handlerId, source_key: `assigned:${a.id}:3` },
        { petition_id: a.id, recipient_id: headId, source_key: `assigned:${a.id}:${reassigned.version}` },
        { petition_id: b.id, recipient_id: handlerId, source_key: `assigned:${b.id}:${bAssigned.version}` },
      ].sort((x, y) => x.source_key.localeCompare(y.source_key)),
    );
    await expectOneJobPerRow();
  });

  it('shares 600 pending rows between two relays: every row published exactly once, every job processed', async () => {
    await stopWorkers();
    const N = 600;
    // Intake as the database sees it (petition row, first audit event, outbox row), in bulk.
    await s.sql.query(
      `WITH p AS (
         INSERT INTO petitions (id, tracking_code, kind, channel, status, version, title, content, petitioner, search_text,
                                receiving_unit_id, owning_unit_id, created_at, updated_at)
         SELECT gen_random_uuid(), 'BULK-' || lpad(g::text, 4, '0'), 'feedback', 'online', 'received', 1, 'Phản ánh số ' || g,
                'Nội dung phản ánh số ' || g, '{"fullName": "Trần Thị Bình"}'::jsonb, 'phan anh so ' || g, $1, $1, now(), now()
           FROM generate_series(1, $2::int) g
         RETURNING id, created_at
       ), e AS (
         INSERT INTO petition_events (petition_id, sequence, type, occurred_at, payload)
         SELECT id, 1, 'PetitionReceived', created_at, jsonb_build_object('type', 'PetitionReceived', 'petitionId', id) FROM p
       )
       INSERT INTO outbox (queue, job_name, payload)
       SELECT $3, $4, jsonb_build_object('petitionId', id, 'sequence', 1) FROM p`,
      [communeId, N, QueueName.PetitionEvents, JobName.PetitionEventRecorded],
    );
    expect(await pendingCount()).toBe(N);

    const publishBatch = jest.spyOn(OutboxRelay.prototype, 'publishBatch');
    const started = Date.now();
    let calls: { relay: unknown; result: Promise<number> }[] = [];
    try {
      const startSecond = async () => {
        const second = await Test.createTestingModule({ imports: [WorkerModule.forRoot(s.config)] }).compile();
        extraContexts.push(second);
        await second.init();
      };
      // Two worker processes boot at once; both relays drain immediately.
      await Promise.all([s.startWorker(), startSecond()]);
      await waitFor(async () => (await pendingCount()) === 0, { timeoutMs: 60_000, what: 'both relays to drain the outbox' });
    } finally {
      calls = publishBatch.mock.results.map((r, i) => ({ relay: publishBatch.mock.contexts[i], result: r.value as Promise<number> }));
      publishBatch.mockRestore();
    }
    const drainedMs = Date.now() - started;

    // Exactly once: every row marked once, and the batches the two relays committed add up to N.
    expect(await count(`SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL OR attempts <> 1`)).toBe(0);
    const perRelay = new Map<unknown, number>();
    for (const { relay, result } of calls) perRelay.set(relay, (perRelay.get(relay) ?? 0) + (await result));
    expect(perRelay.size).toBe(2);
    expect([...perRelay.values()].reduce((x, y) => x + y, 0)).toBe(N);

    // Every job processed: the projection has a row for every petition.
    const petitions = await count(`SELECT count(*)::int AS n FROM petitions`);
    await waitFor(async () => (await count(`SELECT count(*)::int AS n FROM board_petitions`)) === petitions, {
      timeoutMs: 60_000,
      what: `${petitions} board rows`,
    });
    const eventRows = await count(`SELECT count(*)::int AS n FROM outbox WHERE queue = $1`, [QueueName.PetitionEvents]);
    await waitFor(async () => (await queue(QueueName.PetitionEvents).getJobCountByTypes('completed')) === eventRows, {
      timeoutMs: 60_000,
      what: `${eventRows} completed petition-event jobs`,
    });
    expect(await queue(QueueName.PetitionEvents).getJobCountByTypes('failed')).toBe(0);
    await expectOneJobPerRow();
    console.log(`[${backend}] two relays published ${N} rows in ${drainedMs} ms, split ${[...perRelay.values()].join(' + ')}`);

    await stopWorkers();
  }, 120_000);

  it('keeps rows pending, and retries, while adding to the queue fails', async () => {
    await stopWorkers();
    const p = await create('denunciation', 'Tố cáo vi phạm trật tự xây dựng');
    const rows = await outboxOf([p.id]);
    expect(rows).toHaveLength(1);
    expect(await pendingCount()).toBe(1);

    // A relay whose queue server is unreachable; its producer connection fails fast instead of waiting.
    const unreachable: AppConfig =
      backend === 'redis' ? { ...s.config, redisUrl: 'redis://127.0.0.1:1' } : { ...s.config, databaseUrl: 'postgres://postgres@127.0.0.1:1/unreachable' };
    const broken: AppConfig = { ...unreachable, outbox: { ...unreachable.outbox, publishTimeoutMs: 300 } };
    const brokenRelay: TestingModule = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(broken),
        // The outbox itself is reachable: only the queue is down.
        TypeOrmModule.forRoot(dataSourceOptions(s.config.databaseUrl, { poolSize: 3, applicationName: 'broken-relay' })),
      ],
      providers: [OutboxRelay],
    })
      .setLogger(silentLogger)
      .compile();
    extraContexts.push(brokenRelay);
    const relay = brokenRelay.get(OutboxRelay);
    const errors: string[] = [];
    try {
      const publishBatch = jest.spyOn(relay, 'publishBatch');
      try {
        await brokenRelay.init();
        // The relay's loop tries, fails, and tries again after its poll interval.
        await waitFor(() => publishBatch.mock.calls.length >= 3, { what: 'the relay to retry' });
        await relay.onApplicationShutdown();
        for (const r of publishBatch.mock.results) errors.push(await (r.value as Promise<number>).then(String, (e: Error) => `rejected: ${e.message}`));
      } finally {
        publishBatch.mockRestore();
      }
    } finally {
      await stopWorkers();
    }
    expect(errors.length).toBeGreaterThanOrEqual(3);
    for (const e of errors) expect(e).toMatch(/^rejected: .*(ECONNREFUSED|Connection is closed|Timed out after 300 ms publishing)/);

    // Still pending; every failed pass is counted and its error kept for operators.
    const after = await s.sql.query<{ published_at: Date | null; attempts: number; last_error: string | null }>(
      `SELECT published_at, attempts, last_error FROM outbox WHERE id = $1`,
      [rows[0]!.id],
    );
    expect(after.rows[0]!.published_at).toBeNull();
    expect(after.rows[0]!.attempts).toBe(errors.length);
    expect(after.rows[0]!.last_error).toMatch(/ECONNREFUSED|Connection is closed|Timed out after 300 ms publishing/);
    const failedAttempts = after.rows[0]!.attempts;
    // No lock left behind: another relay could claim the row right now.
    const client = await s.sql.connect();
    try {
      await client.query('BEGIN');
      const claimed = await client.query(`SELECT id FROM outbox WHERE id = $1 FOR UPDATE NOWAIT`, [rows[0]!.id]);
      expect(claimed.rowCount).toBe(1);
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }

    // The queue is back (a healthy worker): the row goes out once.
    await s.startWorker();
    await waitFor(async () => (await pendingCount()) === 0, { what: 'the pending row to be published' });
    expect((await outboxOf([p.id])).map((r) => [r.published_at !== null, r.attempts])).toEqual([[true, failedAttempts + 1]]);
    await waitFor(async () => (await boardSequence(p.id)) === 1, { what: 'board projection of the new petition' });
    await waitForJobsCompleted(rows);
  });
});

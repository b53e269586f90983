import { APP_CONFIG, type AppConfig } from '@app/config';
import { ALL_QUEUES, DEFAULT_JOB_OPTIONS, outboxJobId, producerConnection, type QueueName } from '@app/queue';
import { loggableError } from '@app/persistence';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';

/**
 * BullMQ waits for its connection before sending anything, so an add against a dead Redis never settles.
 * Give up after a bound: the rows stay pending, and an add that lands late is harmless (same job id).
 */
function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms ${what}`)), ms);
  });
  promise.catch(() => undefined); // a late rejection after the timeout must not go unhandled
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

interface PendingRow {
  id: string;
  queue: QueueName;
  job_name: string;
  payload: Record<string, unknown>;
}

/** Published rows are kept a while for audit and debugging, then deleted. */
const RETAIN_PUBLISHED_DAYS = 7;
const CLEANUP_EVERY_MS = 10 * 60_000;

/**
 * Publishes committed outbox rows to BullMQ. Rows are claimed with FOR UPDATE SKIP LOCKED, so several workers
 * share the work without double-claiming; the job id is derived from the row id, so a row published twice
 * (a crash after the add, before the commit) is deduplicated by BullMQ, and consumers are idempotent anyway.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly queues = new Map<string, Queue>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private lastCleanup = 0;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    // Own producer connections (fail fast), separate from the processors' blocking worker connections.
    const connection = producerConnection(this.config);
    for (const name of ALL_QUEUES) {
      const queue = new Queue(name, { connection, prefix: this.config.queue.prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
      queue.on('error', (e) => this.logger.warn(`Queue ${name}: ${e.message}`));
      this.queues.set(name, queue);
    }
    // Drain at once: whatever a crashed process committed but never published goes out now.
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    await Promise.all([...this.queues.values()].map((q) => q.close().catch(() => undefined)));
    this.queues.clear();
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => {
        this.running = null;
      });
    }, delayMs);
  }

  private async tick(): Promise<void> {
    let published = 0;
    try {
      published = await this.drain();
      if (Date.now() - this.lastCleanup > CLEANUP_EVERY_MS) {
        this.lastCleanup = Date.now();
        await this.dataSource.query(
          `DELETE FROM outbox WHERE published_at < now() - make_interval(days => $1)`,
          [RETAIN_PUBLISHED_DAYS],
        );
      }
    } catch (e) {
      this.logger.error(`Outbox relay failed; will retry: ${loggableError(e, { stack: false })}`);
    }
    this.schedule(published > 0 ? 0 : this.config.outbox.pollMs);
  }

  /** Publishes batches until none is pending. Returns how many rows were published. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.publishBatch();
      total += n;
      if (n < this.config.outbox.batchSize || this.stopped) return total;
    }
  }

  /**
   * One batch in one transaction: claim, add to BullMQ, mark published. If the add fails, the attempt and its
   * error are recorded on the rows (still pending), the transaction commits, and the error is rethrown.
   */
  async publishBatch(): Promise<number> {
    let failure: unknown = null;
    const published = await this.dataSource.transaction(async (em) => {
      const rows: PendingRow[] = await em.query(
        `SELECT id, queue, job_name, payload FROM outbox
          WHERE published_at IS NULL
          ORDER BY created_at
          LIMIT $1
          FOR UPDATE SKIP LOCKED`,
        [this.config.outbox.batchSize],
      );
      if (rows.length === 0) return 0;
      const ids = rows.map((r) => r.id);
      try {
        const byQueue = new Map<string, PendingRow[]>();
        for (const r of rows) byQueue.set(r.queue, [...(byQueue.get(r.queue) ?? []), r]);
        for (const [name, batch] of byQueue) {
          const queue = this.queues.get(name);
          if (!queue) throw new Error(`Outbox row for unknown queue "${name}"`);
          await withTimeout(
            queue.addBulk(batch.map((r) => ({ name: r.job_name, data: r.payload, opts: { ...DEFAULT_JOB_OPTIONS, jobId: outboxJobId(r.id) } }))),
            this.config.outbox.publishTimeoutMs,
            `publishing to ${name}`,
          );
        }
      } catch (e) {
        failure = e;
        await em.query(`UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1::uuid[])`, [
          ids,
          (e instanceof Error ? e.message : String(e)).slice(0, 1000),
        ]);
        return 0;
      }
      await em.query(
        `UPDATE outbox SET published_at = clock_timestamp(), attempts = attempts + 1, last_error = NULL WHERE id = ANY($1::uuid[])`,
        [ids],
      );
      return rows.length;
    });
    if (failure !== null) throw failure;
    return published;
  }
}

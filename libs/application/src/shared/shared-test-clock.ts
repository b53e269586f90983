import type { Clock } from '@app/domain';
import { Logger, type OnModuleDestroy } from '@nestjs/common';
import pg from 'pg';
import type { DataSource } from 'typeorm';

/** Injection token for the running SharedTestClock, or null when GRASSROOTS_TEST_CLOCK is off. Consumers of time inject CLOCK. */
export const TEST_CLOCK = Symbol('TEST_CLOCK');

/** The Postgres channel writers notify (payload: the new offset in ms) in the statement that moves the clock. */
export const TEST_CLOCK_CHANNEL = 'test_clock';

/** Latest instant a JavaScript Date can hold. */
const MAX_DATE_MS = 8.64e15;

export interface SharedTestClockOptions {
  /** Connection of the dedicated LISTEN client (a pooled connection cannot hold a LISTEN). */
  readonly connection: pg.ClientConfig;
  /** Fallback poll of `test_clock` in case a notification is lost (default 1000 ms). */
  readonly pollMs?: number;
  /** Wait before reconnecting the LISTEN client after it failed (default 1000 ms). */
  readonly reconnectMs?: number;
}

export type TestClockListener = (now: Date) => void | Promise<void>;

/**
 * The shared clock of test and demo deployments (GRASSROOTS_TEST_CLOCK=1, never production): real time plus
 * an offset kept in Postgres (`test_clock.offset_ms`), so the API and every worker read the same instant.
 *
 * Each process caches the offset. The cache follows a dedicated LISTEN connection on channel `test_clock`
 * (writers `pg_notify` in the same statement as the UPDATE, so the notification leaves on commit), with a
 * poll every second as the fallback and a reconnect when the LISTEN connection fails. A move made in this
 * process is applied at once; other processes see it within milliseconds (LISTEN) or a second (poll).
 *
 * `onChange` is the hook for work that must react when time jumps (e.g. a sweep of due deadlines): the
 * listener runs in every process whose cached offset changes, with that process's new `now()`.
 */
export class SharedTestClock implements Clock, OnModuleDestroy {
  private readonly logger = new Logger('SharedTestClock');
  private readonly listeners = new Set<TestClockListener>();
  private offset = 0;
  /** Bumped whenever a value from a notification or a local write is applied; a poll started earlier is then stale. */
  private generation = 0;
  private running = false;
  private client: pg.Client | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: SharedTestClockOptions,
  ) {}

  now(): Date {
    return new Date(Date.now() + this.offset);
  }

  /** How far this clock is ahead of (positive) or behind (negative) real time, in ms. */
  offsetMs(): number {
    return this.offset;
  }

  /** Reads the offset, starts listening and polling. Fails if the `test_clock` table or its row is missing. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.refresh();
    } catch (e) {
      this.running = false;
      throw e;
    }
    try {
      await this.connectListener();
    } catch {
      // connectListener already scheduled a reconnect; the poll keeps the cache current meanwhile.
    }
    this.pollTimer = setInterval(() => void this.poll(), this.options.pollMs ?? 1000);
    this.pollTimer.unref();
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    if (this.pollTimer) clearInterval(this.pollTimer);
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.pollTimer = this.reconnectTimer = null;
    const client = this.client;
    this.client = null;
    await Promise.allSettled([this.polling, client?.end()]);
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  /** Moves every process's clock forward by `ms` (a positive whole number); resolves to the new instant here. */
  async advance(ms: number): Promise<Date> {
    if (!Number.isSafeInteger(ms) || ms <= 0) throw new RangeError(`advance needs a positive whole number of ms, got ${ms}`);
    if (this.now().getTime() + ms > MAX_DATE_MS) throw new RangeError('advance would move the clock past the latest representable date');
    return this.write('offset_ms + $1::bigint', ms);
  }

  /** Puts every process's clock at `instant` (forwards or backwards); resolves to the new instant here. */
  async set(instant: Date): Promise<Date> {
    const target = instant.getTime();
    if (!Number.isFinite(target)) throw new RangeError('set needs a valid instant');
    return this.write('$1::bigint', target - Date.now());
  }

  /**
   * Calls `listener(now)` whenever this process's offset changes (a local move, a notification, a poll).
   * Errors and rejections are logged, never thrown at the writer. Returns the unsubscribe function.
   */
  onChange(listener: TestClockListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private async write(expression: string, value: number): Promise<Date> {
    // One statement, so the NOTIFY commits (and is delivered) together with the new offset.
    const rows: { offset_ms: string }[] = await this.dataSource.query(
      `WITH moved AS (
         UPDATE test_clock SET offset_ms = ${expression}, updated_at = now() WHERE id RETURNING offset_ms
       )
       SELECT offset_ms::text AS offset_ms, pg_notify('${TEST_CLOCK_CHANNEL}', offset_ms::text) FROM moved`,
      [String(value)],
    );
    if (rows.length !== 1) throw new Error('test_clock has no row; run the migrations');
    this.generation++;
    this.apply(Number(rows[0]!.offset_ms));
    return this.now();
  }

  private async refresh(): Promise<void> {
    const generation = this.generation;
    const rows: { offset_ms: string }[] = await this.dataSource.query(`SELECT offset_ms::text AS offset_ms FROM test_clock WHERE id`);
    if (rows.length !== 1) throw new Error('test_clock has no row; run the migrations');
    // A notification or a local write that arrived while this read was in flight is at least as fresh.
    if (generation === this.generation) this.apply(Number(rows[0]!.offset_ms));
  }

  private poll(): void {
    if (!this.running || this.polling) return;
    this.polling = this.refresh()
      .catch((e: unknown) => {
        if (this.running) this.logger.warn(`test clock poll failed: ${e instanceof Error ? e.message : String(e)}`);
      })
      .finally(() => {
        this.polling = null;
      });
  }

  private async connectListener(): Promise<void> {
    const client = new pg.Client(this.options.connection);
    this.client = client;
    client.on('notification', (msg) => {
      if (this.client !== client || msg.channel !== TEST_CLOCK_CHANNEL || msg.payload === undefined) return;
      this.generation++;
      this.apply(Number(msg.payload));
    });
    client.on('error', (e) => this.lost(client, e));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${TEST_CLOCK_CHANNEL}`);
      // Catch up with moves made before the LISTEN took effect.
      await this.refresh();
    } catch (e) {
      this.lost(client, e);
      throw e;
    }
  }

  private lost(client: pg.Client, error?: unknown): void {
    if (this.client !== client) return;
    this.client = null;
    void client.end().catch(() => undefined);
    if (!this.running) return;
    this.logger.warn(`test clock LISTEN connection lost${error instanceof Error ? `: ${error.message}` : ''}; reconnecting`);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (this.running) this.connectListener().catch(() => undefined);
    }, this.options.reconnectMs ?? 1000);
    this.reconnectTimer.unref();
  }

  private apply(offset: number): void {
    if (!Number.isFinite(offset) || offset === this.offset) return;
    this.offset = offset;
    if (!this.running) return;
    const now = this.now();
    for (const listener of [...this.listeners]) {
      try {
        const result = listener(now);
        if (result instanceof Promise) result.catch((e: unknown) => this.listenerFailed(e));
      } catch (e) {
        this.listenerFailed(e);
      }
    }
  }

  private listenerFailed(e: unknown): void {
    this.logger.error(`test clock listener failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }
}

/** Builds and starts the shared test clock on the app's DataSource (a dedicated LISTEN client on `databaseUrl`). */
export async function startSharedTestClock(dataSource: DataSource, databaseUrl: string): Promise<SharedTestClock> {
  const appName = (dataSource.options as { applicationName?: string }).applicationName ?? 'grassroots';
  const clock = new SharedTestClock(dataSource, { connection: { connectionString: databaseUrl, application_name: `${appName}-test-clock` } });
  await clock.start();
  return clock;
}

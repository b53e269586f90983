import pg from 'pg';
import { NOTIFICATION_CHANNEL, type NotificationSignal, parseNotificationSignal } from './notification.repository.js';

export interface NotificationListenerEvents {
  readonly onSignal: (signal: NotificationSignal) => void;
  /** LISTEN is (again) in place: signals sent while it was not may have been lost. */
  readonly onListening: (reconnected: boolean) => void;
  readonly onError: (message: string) => void;
}

/**
 * One dedicated connection LISTENing on the notifications channel, for a whole process. Signals are not queued
 * by Postgres for a connection that is gone, so the owner is told when listening starts again and catches up.
 * Reconnects with a capped backoff for as long as it is not closed.
 */
export class NotificationListener {
  private client: pg.Client | null = null;
  private closed = false;
  private everListened = false;
  private attempt = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private listening = false;

  constructor(
    private readonly databaseUrl: string,
    private readonly events: NotificationListenerEvents,
    private readonly maxBackoffMs = 5_000,
  ) {}

  get isListening(): boolean {
    return this.listening;
  }

  start(): void {
    void this.connect();
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.databaseUrl, application_name: 'grassroots-api-listen' });
    this.client = client;
    let dropped = false;
    const drop = (message: string) => {
      if (dropped) return;
      dropped = true;
      this.listening = false;
      if (this.client === client) this.client = null;
      client.removeAllListeners('notification');
      void client.end().catch(() => undefined);
      if (this.closed) return;
      this.events.onError(message);
      this.scheduleRetry();
    };
    client.on('error', (e) => drop(e.message));
    client.on('end', () => drop('listening connection ended'));
    client.on('notification', (msg) => {
      if (msg.channel !== NOTIFICATION_CHANNEL) return;
      const signal = parseNotificationSignal(msg.payload);
      if (signal) this.events.onSignal(signal);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${NOTIFICATION_CHANNEL}`);
    } catch (e) {
      drop(e instanceof Error ? e.message : String(e));
      return;
    }
    if (this.closed) {
      void client.end().catch(() => undefined);
      return;
    }
    this.attempt = 0;
    this.listening = true;
    const reconnected = this.everListened;
    this.everListened = true;
    this.events.onListening(reconnected);
  }

  private scheduleRetry(): void {
    if (this.retryTimer) return;
    const delay = Math.min(this.maxBackoffMs, 100 * 2 ** this.attempt);
    this.attempt++;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, delay);
    this.retryTimer.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listening = false;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const client = this.client;
    this.client = null;
    if (client) await client.end().catch(() => undefined);
  }
}

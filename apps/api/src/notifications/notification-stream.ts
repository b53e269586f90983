import type { AuthService, CurrentUser, NotificationQueries, NotificationView } from '@app/application';
import type { Clock } from '@app/domain';
import type { NotificationSignal } from '@app/persistence';
import type { Logger } from '@nestjs/common';
import type { Response } from 'express';
import type { NotificationHub, StreamSubscriber } from './notification-hub.service.js';

type EndReason = 'token-expired' | 'account-inactive' | 'shutdown' | 'client-closed' | 'failed';

/** Notifications remembered as sent, so a beat's catch-up never repeats one the signal already delivered. */
const SENT_MEMORY = 500;
/** A beat sends at most this many notifications that became due (the rest follow on the next beats). */
const CATCH_UP_LIMIT = 50;

/**
 * One live notification stream (server-sent events). All work runs in one chain, so events go out in order: the
 * initial count first, then each notification followed by the new count.
 */
export class NotificationStream implements StreamSubscriber {
  readonly userId: string;
  private chain: Promise<void> = Promise.resolve();
  private readonly sent = new Set<string>();
  /** Delivery instants up to here have been looked at (the clock may be the shared test clock). */
  private checkedUpTo: Date;
  private lastCount: number | null = null;
  private ended = false;
  private heartbeat: NodeJS.Timeout | null = null;
  private expiry: NodeJS.Timeout | null = null;
  private unsubscribe: () => void = () => undefined;
  private readonly openedAt = Date.now();

  constructor(
    private readonly res: Response,
    private readonly user: CurrentUser,
    private readonly deps: {
      readonly hub: NotificationHub;
      readonly queries: NotificationQueries;
      readonly auth: AuthService;
      readonly clock: Clock;
      readonly log: Logger;
      readonly heartbeatMs: number;
    },
  ) {
    this.userId = user.id;
    this.checkedUpTo = deps.clock.now();
  }

  /** Subscribes (throws before anything is written when the user holds too many), then opens the response. */
  async open(expiresAt: Date | undefined): Promise<void> {
    this.unsubscribe = this.deps.hub.subscribe(this);
    const { res } = this;
    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    // no-transform: a compressing proxy or middleware must pass events through as they come, not buffer them.
    res.setHeader('Cache-Control', 'no-store, no-transform');
    res.setHeader('X-Accel-Buffering', 'no');
    res.setHeader('Connection', 'keep-alive');
    res.flushHeaders();
    res.socket?.setNoDelay(true);
    // The socket is idle between beats; no server-side idle timeout may cut it.
    res.socket?.setTimeout(0);
    res.on('close', () => this.end('client-closed'));
    // Ask the client to wait a little before reconnecting after a drop.
    this.write('retry: 3000\n\n');

    if (expiresAt) {
      const ms = expiresAt.getTime() - Date.now();
      if (ms <= 0) return this.end('token-expired');
      // Timers cap at about 24.8 days; tokens live hours.
      this.expiry = setTimeout(() => this.end('token-expired'), Math.min(ms, 2 ** 31 - 1));
    }
    this.heartbeat = setInterval(() => this.enqueue(() => this.beat()), this.deps.heartbeatMs);
    await this.deps.hub.listening();
    this.enqueue(() => this.sendCount(true));
    this.deps.log.log({ msg: 'notification stream opened', streams: this.deps.hub.streamCount(this.userId) });
  }

  onSignal(signal: NotificationSignal): void {
    if (signal.op === 'created') this.enqueue(() => this.deliver(signal.id));
    else this.enqueue(() => this.sendCount(false));
  }

  onResync(): void {
    this.enqueue(async () => {
      await this.catchUp();
      await this.sendCount(true);
    });
  }

  onShutdown(): void {
    this.end('shutdown');
  }

  private enqueue(work: () => Promise<void>): void {
    this.chain = this.chain
      .then(async () => {
        if (!this.ended) await work();
      })
      .catch((e: unknown) => {
        this.deps.log.warn(`notification stream failed: ${e instanceof Error ? e.message : String(e)}`);
        this.end('failed');
      });
  }

  private async deliver(id: string): Promise<void> {
    if (this.sent.has(id)) return;
    // Not yet due (raised out of office hours): a beat sends it once its delivery time has come.
    const view = await this.deps.queries.view(this.user, id, this.deps.clock.now());
    if (view === null) return;
    this.sendNotification(view);
    await this.sendCount(false);
  }

  /** Keeps the connection alive, notices a user switched off, and sends what became due since the last look. */
  private async beat(): Promise<void> {
    this.write(': keep-alive\n\n');
    if ((await this.deps.auth.currentUser(this.user.id)) === null) return this.end('account-inactive');
    if (await this.catchUp()) await this.sendCount(false);
  }

  private async catchUp(): Promise<boolean> {
    const now = this.deps.clock.now();
    // A test clock moved back: start looking again from there.
    const after = this.checkedUpTo.getTime() > now.getTime() ? now : this.checkedUpTo;
    const due = await this.deps.queries.deliveredBetween(this.user, after, now, CATCH_UP_LIMIT);
    const fresh = due.filter((v) => !this.sent.has(v.id));
    for (const v of fresh) this.sendNotification(v);
    this.checkedUpTo = due.length === CATCH_UP_LIMIT ? new Date(due[due.length - 1]!.deliverAt) : now;
    return fresh.length > 0;
  }

  private async sendCount(always: boolean): Promise<void> {
    const count = await this.deps.queries.unreadCount(this.user, this.deps.clock.now());
    if (!always && count === this.lastCount) return;
    this.lastCount = count;
    this.event('unread', { count });
  }

  private sendNotification(view: NotificationView): void {
    this.sent.add(view.id);
    if (this.sent.size > SENT_MEMORY) this.sent.delete(this.sent.values().next().value!);
    this.event('notification', view);
  }

  private event(name: string, data: unknown): void {
    // JSON has no raw newlines, so one data line is always enough.
    this.write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  private write(chunk: string): void {
    if (!this.ended && !this.res.writableEnded) this.res.write(chunk);
  }

  end(reason: EndReason): void {
    if (this.ended) return;
    if (reason !== 'client-closed' && reason !== 'failed') this.event('end', { reason });
    this.ended = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    if (this.expiry) clearTimeout(this.expiry);
    this.unsubscribe();
    if (!this.res.writableEnded) this.res.end();
    // Its own line instead of the request log's: a stream's lifetime is not a response time.
    this.deps.log.log({ msg: 'notification stream closed', reason, openSeconds: Math.round((Date.now() - this.openedAt) / 1000) });
  }
}

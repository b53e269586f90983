import { AppError } from '@app/application';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { NotificationListener, type NotificationSignal } from '@app/persistence';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';

/** One open live stream, as the hub sees it. */
export interface StreamSubscriber {
  readonly userId: string;
  onSignal(signal: NotificationSignal): void;
  /** The hub may have missed signals (its connection dropped): send the current state again. */
  onResync(): void;
  /** The process is shutting down. */
  onShutdown(): void;
}

/**
 * Fans the database's notification signals out to this process's live streams: one LISTEN connection for the
 * process however many streams are open, and a bounded number of streams per user.
 */
@Injectable()
export class NotificationHub implements OnModuleInit, OnApplicationShutdown {
  private readonly log = new Logger('NotificationHub');
  private readonly byUser = new Map<string, Set<StreamSubscriber>>();
  private readonly listener: NotificationListener;
  private readonly waiting = new Set<() => void>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.listener = new NotificationListener(config.databaseUrl, {
      onSignal: (signal) => this.dispatch(signal),
      onListening: (reconnected) => {
        for (const wake of this.waiting) wake();
        this.waiting.clear();
        if (reconnected) {
          this.log.log('listening for notifications again');
          for (const set of this.byUser.values()) for (const s of set) s.onResync();
        }
      },
      // The message is the driver's (connection refused, terminated); it carries no personal data.
      onError: (message) => this.log.warn(`notification listener dropped, reconnecting: ${message}`),
    });
  }

  onModuleInit(): void {
    this.listener.start();
  }

  async onApplicationShutdown(): Promise<void> {
    for (const set of this.byUser.values()) for (const s of [...set]) s.onShutdown();
    this.byUser.clear();
    for (const wake of this.waiting) wake();
    this.waiting.clear();
    await this.listener.close();
  }

  /** Resolves once LISTEN is in place, or after `timeoutMs` (a stream then starts anyway and catches up on its beats). */
  async listening(timeoutMs = 2_000): Promise<boolean> {
    if (this.listener.isListening) return true;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.waiting.add(done);
    });
    return this.listener.isListening;
  }

  /** Registers a stream; refused (429) when the user already holds the maximum on this process. */
  subscribe(subscriber: StreamSubscriber): () => void {
    const set = this.byUser.get(subscriber.userId) ?? new Set<StreamSubscriber>();
    const max = this.config.notifications.streamsPerUser;
    if (set.size >= max) throw new AppError('too-many-requests', 'error.too_many_streams', { max }, { retryAfter: 30 });
    set.add(subscriber);
    this.byUser.set(subscriber.userId, set);
    return () => {
      set.delete(subscriber);
      if (set.size === 0 && this.byUser.get(subscriber.userId) === set) this.byUser.delete(subscriber.userId);
    };
  }

  /** Open streams on this process (for a user, or all). */
  streamCount(userId?: string): number {
    if (userId !== undefined) return this.byUser.get(userId)?.size ?? 0;
    let n = 0;
    for (const set of this.byUser.values()) n += set.size;
    return n;
  }

  private dispatch(signal: NotificationSignal): void {
    const set = this.byUser.get(signal.recipientId);
    if (!set) return;
    for (const s of set) s.onSignal(signal);
  }
}

import { isMessageKey, LABELS, type Message, renderMessage } from '@app/domain';
import { type DigestAlertRow, NotificationEntity, notificationStore } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, LessThanOrEqual } from 'typeorm';
import type { CurrentUser } from '../auth/current-user.js';
import { AppError } from '../shared/app-error.js';

export interface NotificationView {
  readonly id: string;
  readonly kind: string;
  readonly petitionId: string | null;
  readonly commitmentId: string | null;
  readonly dialogueId: string | null;
  readonly message: Message;
  readonly createdAt: string;
  /** For deadline alerts: when the threshold was due. */
  readonly dueAt: string | null;
  readonly deliverAt: string;
  readonly readAt: string | null;
}

/** Where a deadline alert's clock stood when it was raised: a share of the period used, just due, or overdue. */
export type DigestClockState = 'threshold' | 'breached' | 'overdue';

/** One subject of a digest: the case (or commitment, or dialogue) and its latest alert of the day. */
export interface DigestItemView {
  readonly subjectType: 'petition' | 'commitment' | 'dialogue';
  /** The id to link to (a petition's, commitment's or dialogue's page). */
  readonly subjectId: string;
  readonly trackingCode: string | null;
  readonly title: string | null;
  readonly clockState: DigestClockState;
  /** For `threshold`: the share of the period used ("80%"). */
  readonly share: string | null;
  /** For `overdue`: which reminder this was. */
  readonly reminder: number | null;
  readonly dueAt: string | null;
  /** Alerts this subject had in the digest's day. */
  readonly alerts: number;
  /** The latest alert, as the notification list shows it. */
  readonly notificationId: string;
  readonly message: Message;
}

export interface DigestView {
  /** The digest notification itself (null when the user never had one). */
  readonly digest: NotificationView | null;
  readonly items: DigestItemView[];
}

export function toNotificationView(n: NotificationEntity): NotificationView {
  return {
    id: n.id,
    kind: n.kind,
    petitionId: n.petitionId,
    commitmentId: n.commitmentId,
    dialogueId: n.dialogueId,
    // Rendered at read time, so catalogue improvements reach old notifications too.
    message: render(n.messageKey, n.params),
    createdAt: n.createdAt.toISOString(),
    dueAt: n.dueAt?.toISOString() ?? null,
    deliverAt: n.deliverAt.toISOString(),
    readAt: n.readAt?.toISOString() ?? null,
  };
}

function render(messageKey: string, params: Record<string, string | number>): Message {
  return isMessageKey(messageKey) ? renderMessage(messageKey, params) : { vi: messageKey, en: messageKey };
}

function digestItem(a: DigestAlertRow): DigestItemView {
  const step = a.messageKey.slice(a.messageKey.lastIndexOf('.') + 1);
  const clockState: DigestClockState = step === 'breached' ? 'breached' : step === 'overdue' ? 'overdue' : 'threshold';
  const [subjectType, subjectId] = a.commitmentId
    ? (['commitment', a.commitmentId] as const)
    : a.dialogueId
      ? (['dialogue', a.dialogueId] as const)
      : (['petition', a.petitionId!] as const);
  const text = (k: string) => (typeof a.params[k] === 'string' && a.params[k] !== '' ? (a.params[k] as string) : null);
  return {
    subjectType,
    subjectId,
    trackingCode: text('trackingCode'),
    title: text('title'),
    clockState,
    share: clockState === 'threshold' ? text('share') : null,
    reminder: clockState === 'overdue' && typeof a.params.n === 'number' ? a.params.n : null,
    dueAt: a.dueAt?.toISOString() ?? null,
    alerts: a.alerts,
    notificationId: a.id,
    message: render(a.messageKey, a.params),
  };
}

@Injectable()
export class NotificationQueries {
  constructor(private readonly dataSource: DataSource) {}

  async list(user: CurrentUser, unreadOnly: boolean, now: Date): Promise<{ items: NotificationView[]; unread: number }> {
    const repo = this.dataSource.getRepository(NotificationEntity);
    // Only what is due for delivery: an alert raised at night appears at the start of the next working morning.
    const visible = { recipientId: user.id, deliverAt: LessThanOrEqual(now) };
    const rows = await repo.find({
      where: { ...visible, ...(unreadOnly ? { readAt: IsNull() } : {}) },
      order: { deliverAt: 'DESC', createdAt: 'DESC' },
      take: 200,
    });
    const unread = await repo.count({ where: { ...visible, readAt: IsNull() } });
    return { items: rows.map(toNotificationView), unread };
  }

  /** One of the user's notifications, once it is due for delivery; null otherwise (someone else's, or not yet). */
  async view(user: CurrentUser, id: string, now: Date): Promise<NotificationView | null> {
    const n = await this.dataSource.getRepository(NotificationEntity).findOne({ where: { id, recipientId: user.id, deliverAt: LessThanOrEqual(now) } });
    return n === null ? null : toNotificationView(n);
  }

  async unreadCount(user: CurrentUser, now: Date): Promise<number> {
    return notificationStore.unreadCount(this.dataSource.manager, user.id, now);
  }

  /** Notifications whose delivery instant fell in (after, upTo]: what a live stream has not shown yet. */
  async deliveredBetween(user: CurrentUser, after: Date, upTo: Date, limit: number): Promise<NotificationView[]> {
    const ids = await notificationStore.deliveredBetween(this.dataSource.manager, user.id, after, upTo, limit);
    if (ids.length === 0) return [];
    const views = await Promise.all(ids.map((id) => this.view(user, id, upTo)));
    return views.filter((v): v is NotificationView => v !== null);
  }

  async markRead(user: CurrentUser, id: string, now: Date): Promise<void> {
    const result = await this.dataSource
      .getRepository(NotificationEntity)
      .update({ id, recipientId: user.id, readAt: IsNull() }, { readAt: now });
    if (result.affected === 0) {
      const exists = await this.dataSource.getRepository(NotificationEntity).exists({ where: { id, recipientId: user.id } });
      if (!exists) throw new AppError('not-found', 'error.not_found', { what: LABELS.entity.notification });
    }
  }

  /** Everything delivered so far is read; notifications still waiting for office hours stay unread. */
  async markAllRead(user: CurrentUser, now: Date): Promise<{ marked: number }> {
    return { marked: await notificationStore.markAllRead(this.dataSource.manager, user.id, now) };
  }

  /** The latest daily digest delivered to the user, with the subjects its alerts were about. */
  async latestDigest(user: CurrentUser, now: Date): Promise<DigestView> {
    const digest = await this.dataSource.getRepository(NotificationEntity).findOne({
      where: { recipientId: user.id, kind: 'deadline.digest', deliverAt: LessThanOrEqual(now) },
      order: { deliverAt: 'DESC', createdAt: 'DESC' },
    });
    if (digest === null) return { digest: null, items: [] };
    const alerts = await notificationStore.digestAlerts(this.dataSource.manager, user.id, digest.deliverAt);
    return { digest: toNotificationView(digest), items: alerts.map(digestItem) };
  }
}

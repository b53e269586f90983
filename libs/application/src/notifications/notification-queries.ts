import { isMessageKey, LABELS, type Message, renderMessage } from '@app/domain';
import { NotificationEntity } from '@app/persistence';
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
    return {
      items: rows.map((n) => ({
        id: n.id,
        kind: n.kind,
        petitionId: n.petitionId,
        commitmentId: n.commitmentId,
        dialogueId: n.dialogueId,
        // Rendered at read time, so catalogue improvements reach old notifications too.
        message: isMessageKey(n.messageKey) ? renderMessage(n.messageKey, n.params) : { vi: n.messageKey, en: n.messageKey },
        createdAt: n.createdAt.toISOString(),
        dueAt: n.dueAt?.toISOString() ?? null,
        deliverAt: n.deliverAt.toISOString(),
        readAt: n.readAt?.toISOString() ?? null,
      })),
      unread,
    };
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
}

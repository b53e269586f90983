import type { EntityManager } from 'typeorm';

/** The NOTIFY channel the notifications table's triggers signal on (migration 1764402000000). */
export const NOTIFICATION_CHANNEL = 'grassroots_notifications';

/** What one signal says: ids only, never the text or anyone's name. */
export type NotificationSignal =
  | { readonly op: 'created'; readonly id: string; readonly recipientId: string }
  | { readonly op: 'read'; readonly recipientId: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A payload from the channel, or null when it is not one of ours (anyone with database access may NOTIFY). */
export function parseNotificationSignal(payload: string | undefined): NotificationSignal | null {
  if (!payload) return null;
  let v: unknown;
  try {
    v = JSON.parse(payload);
  } catch {
    return null;
  }
  if (v === null || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  if (typeof o.recipientId !== 'string' || !UUID.test(o.recipientId)) return null;
  if (o.op === 'read') return { op: 'read', recipientId: o.recipientId };
  if (o.op === 'created' && typeof o.id === 'string' && UUID.test(o.id)) return { op: 'created', id: o.id, recipientId: o.recipientId };
  return null;
}

/** A deadline alert as the digest lists it: the latest alert per subject within the digest's day. */
export interface DigestAlertRow {
  readonly id: string;
  readonly petitionId: string | null;
  readonly commitmentId: string | null;
  readonly dialogueId: string | null;
  readonly messageKey: string;
  readonly params: Record<string, string | number>;
  readonly dueAt: Date | null;
  readonly deliverAt: Date;
  readonly readAt: Date | null;
  /** How many alerts this subject had in the digest's day. */
  readonly alerts: number;
}

export const notificationStore = {
  /** Marks every notification delivered to the user by `now` as read; returns how many changed. */
  async markAllRead(em: EntityManager, recipientId: string, now: Date): Promise<number> {
    // Counted in SQL: TypeORM returns [rows, affected] for a bare UPDATE … RETURNING.
    const [r]: { n: number }[] = await em.query(
      `WITH marked AS (UPDATE notifications SET read_at = $2 WHERE recipient_id = $1 AND read_at IS NULL AND deliver_at <= $2 RETURNING 1)
       SELECT count(*)::int AS n FROM marked`,
      [recipientId, now],
    );
    return r?.n ?? 0;
  },

  /** Unread notifications delivered to the user by `now` (the bell's number). */
  async unreadCount(em: EntityManager, recipientId: string, now: Date): Promise<number> {
    const [r]: { n: number }[] = await em.query(
      `SELECT count(*)::int AS n FROM notifications WHERE recipient_id = $1 AND read_at IS NULL AND deliver_at <= $2`,
      [recipientId, now],
    );
    return r?.n ?? 0;
  },

  /** Ids of the user's notifications whose delivery instant fell in (after, upTo], oldest first. */
  async deliveredBetween(em: EntityManager, recipientId: string, after: Date, upTo: Date, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await em.query(
      `SELECT id FROM notifications WHERE recipient_id = $1 AND deliver_at > $2 AND deliver_at <= $3
        ORDER BY deliver_at, created_at LIMIT $4`,
      [recipientId, after, upTo, limit],
    );
    return rows.map((r) => r.id);
  },

  /**
   * The deadline alerts a digest counted (delivered in the day up to the digest's instant), one row per subject:
   * its latest alert and how many it had. Same window as digestStore.countsDue.
   */
  async digestAlerts(em: EntityManager, recipientId: string, digestAt: Date): Promise<DigestAlertRow[]> {
    const rows: {
      id: string;
      petition_id: string | null;
      commitment_id: string | null;
      dialogue_id: string | null;
      message_key: string;
      params: Record<string, string | number>;
      due_at: Date | null;
      deliver_at: Date;
      read_at: Date | null;
      alerts: number;
    }[] = await em.query(
      `SELECT * FROM (
         SELECT DISTINCT ON (n.petition_id, n.commitment_id, n.dialogue_id)
                n.id, n.petition_id, n.commitment_id, n.dialogue_id, n.message_key, n.params, n.due_at, n.deliver_at, n.read_at,
                count(*) OVER (PARTITION BY n.petition_id, n.commitment_id, n.dialogue_id)::int AS alerts
           FROM notifications n
          WHERE n.recipient_id = $1 AND n.kind = 'deadline.alert'
            AND n.deliver_at > $2::timestamptz - interval '1 day' AND n.deliver_at <= $2
          ORDER BY n.petition_id, n.commitment_id, n.dialogue_id, n.created_at DESC, n.id DESC
       ) s
       ORDER BY s.due_at NULLS LAST, s.id`,
      [recipientId, digestAt],
    );
    return rows.map((r) => ({
      id: r.id,
      petitionId: r.petition_id,
      commitmentId: r.commitment_id,
      dialogueId: r.dialogue_id,
      messageKey: r.message_key,
      params: r.params,
      dueAt: r.due_at,
      deliverAt: r.deliver_at,
      readAt: r.read_at,
      alerts: r.alerts,
    }));
  },
};

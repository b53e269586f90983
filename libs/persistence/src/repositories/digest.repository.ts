import type { EntityManager } from 'typeorm';

/** What one recipient's deadline alerts of the last day were about, by subject type. */
export interface DigestCounts {
  readonly recipientId: string;
  readonly alerts: number;
  readonly petitions: number;
  readonly commitments: number;
  readonly dialogues: number;
}

/** The daily digest of deadline alerts: one notification per recipient and day (source key 'digest:<user>:<date>'). */
export const digestStore = {
  /** Recipients of deadline alerts delivered in the day up to `now` who have no digest for `date` yet, with their counts. */
  async countsDue(em: EntityManager, now: Date, date: string): Promise<DigestCounts[]> {
    const rows: { recipient_id: string; alerts: number; petitions: number; commitments: number; dialogues: number }[] = await em.query(
      `SELECT n.recipient_id, count(*)::int AS alerts, count(DISTINCT n.petition_id)::int AS petitions,
              count(DISTINCT n.commitment_id)::int AS commitments, count(DISTINCT n.dialogue_id)::int AS dialogues
         FROM notifications n
        WHERE n.kind = 'deadline.alert' AND n.deliver_at > $1::timestamptz - interval '1 day' AND n.deliver_at <= $1
          AND NOT EXISTS (SELECT 1 FROM notifications d WHERE d.source_key = 'digest:' || n.recipient_id || ':' || $2::text)
        GROUP BY n.recipient_id`,
      [now, date],
    );
    return rows.map((r) => ({ recipientId: r.recipient_id, alerts: r.alerts, petitions: r.petitions, commitments: r.commitments, dialogues: r.dialogues }));
  },

  /** Stores digests once per recipient and date (a concurrent sweep's duplicate is dropped); returns how many were new. */
  async insert(em: EntityManager, digests: readonly { recipientId: string; params: Record<string, unknown> }[], date: string, now: Date): Promise<number> {
    if (digests.length === 0) return 0;
    const rows: unknown[] = await em.query(
      `INSERT INTO notifications (recipient_id, petition_id, kind, message_key, params, source_key, created_at, deliver_at)
       SELECT x.recipient_id, NULL, 'deadline.digest', 'alert.digest', x.params, 'digest:' || x.recipient_id || ':' || $2::text, $3, $3
         FROM jsonb_to_recordset($1::jsonb) AS x(recipient_id uuid, params jsonb)
       ON CONFLICT (source_key) DO NOTHING
       RETURNING id`,
      [JSON.stringify(digests.map((d) => ({ recipient_id: d.recipientId, params: d.params }))), date, now],
    );
    return rows.length;
  },
};

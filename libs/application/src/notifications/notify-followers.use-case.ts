import { type Clock, formatLocalDate } from '@app/domain';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK } from '../shared/clock.provider.js';

/**
 * In-app notifications for work that arrives without an assignment: a petition the citizen reopened, a
 * commitment made for a unit. Recipients are resolved when the job runs; each (event, recipient) is stored once
 * (unique source key), so a redelivered job inserts nothing the second time.
 */
@Injectable()
export class NotifyFollowersUseCase {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The heads of the owning unit and the handler who last had the case. */
  async citizenReopened(job: { petitionId: string; sequence: number }): Promise<number> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO notifications (recipient_id, petition_id, kind, message_key, params, source_key, created_at, deliver_at)
       SELECT r.id, p.id, 'petition.reopened_by_citizen', 'notification.citizen_reopened',
              jsonb_build_object('trackingCode', p.tracking_code, 'title', p.title), 'reopened:' || p.id || ':' || $2::int || ':' || r.id, $3, $3
         FROM petitions p
         JOIN LATERAL (
           SELECT u.id FROM users u WHERE u.role = 'head' AND u.active AND u.unit_id = p.owning_unit_id
           UNION
           SELECT u.id FROM users u WHERE u.id = p.assignee_id AND u.active
         ) r ON true
        WHERE p.id = $1
       ON CONFLICT (source_key) DO NOTHING RETURNING id`,
      [job.petitionId, job.sequence, this.clock.now()],
    );
    return rows.length;
  }

  /** The heads of the commitment's owner unit and, for a department, of its commune (who answers for it). */
  async commitmentOwner(job: { commitmentId: string }): Promise<number> {
    const [c]: { title: string; due_date: string }[] = await this.dataSource.query(
      `SELECT title, to_char(due_date, 'YYYY-MM-DD') AS due_date FROM commitments WHERE id = $1`,
      [job.commitmentId],
    );
    if (!c) return 0;
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO notifications (recipient_id, commitment_id, kind, message_key, params, source_key, created_at, deliver_at)
       SELECT u.id, k.id, 'commitment.assigned', 'notification.commitment_assigned', $2::jsonb, 'commitment:' || k.id || ':' || u.id, $3, $3
         FROM commitments k JOIN units ou ON ou.id = k.owner_unit_id
         JOIN users u ON u.unit_id IN (ou.id, ou.commune_id) AND u.role = 'head' AND u.active
        WHERE k.id = $1
       ON CONFLICT (source_key) DO NOTHING RETURNING id`,
      [job.commitmentId, JSON.stringify({ title: c.title, due: formatLocalDate(c.due_date) }), this.clock.now()],
    );
    return rows.length;
  }
}

import { type Clock } from '@app/domain';
import { PetitionEntity } from '@app/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK } from '../shared/clock.provider.js';

/**
 * Stores the "you were assigned" notification. The source key (petition + the version the assignment
 * produced) is unique, so a redelivered job inserts nothing the second time.
 */
@Injectable()
export class NotifyAssigneeUseCase {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(job: { petitionId: string; assigneeId: string; sequence: number }): Promise<'stored' | 'duplicate' | 'skipped'> {
    const petition = await this.dataSource.getRepository(PetitionEntity).findOne({ where: { id: job.petitionId } });
    if (petition === null) return 'skipped';
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO notifications (recipient_id, petition_id, kind, message_key, params, source_key, created_at, deliver_at)
       VALUES ($1, $2, 'petition.assigned', 'notification.assigned', $3, $4, $5, $5)
       ON CONFLICT (source_key) DO NOTHING RETURNING id`,
      [
        job.assigneeId,
        job.petitionId,
        JSON.stringify({ trackingCode: petition.trackingCode, title: petition.title }),
        `assigned:${job.petitionId}:${job.sequence}`,
        this.clock.now(),
      ],
    );
    return rows.length > 0 ? 'stored' : 'duplicate';
  }
}

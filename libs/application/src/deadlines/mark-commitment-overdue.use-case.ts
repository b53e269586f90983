import type { Clock } from '@app/domain';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { applyCommitmentCommand } from '../dialogues/commitment-writer.js';
import { CLOCK } from '../shared/clock.provider.js';

/**
 * A commitment's clock breached: the commitment becomes overdue through its domain (an audit event, the
 * board's overdue list, the next conference's agenda). Redelivery is harmless: a commitment already overdue,
 * done, transferred or dropped is refused by the domain and the job ends as a duplicate.
 */
@Injectable()
export class MarkCommitmentOverdueUseCase {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(job: { commitmentId: string; thresholdId: string }): Promise<'marked' | 'duplicate'> {
    return this.dataSource.transaction(async (em) => {
      const now = this.clock.now();
      const decision = await applyCommitmentCommand(em, job.commitmentId, { action: 'mark-overdue', actor: null }, now);
      // Handled, whatever the outcome: the reconciler stops re-issuing it.
      await em.query(`UPDATE clock_thresholds SET handled_at = coalesce(handled_at, $2) WHERE id = $1`, [job.thresholdId, now]);
      return decision.ok ? 'marked' : 'duplicate';
    });
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * Keeps the board's read model in step with a petition. Reads the current row (not the event payload) and
 * writes only if it is newer than what is stored, so duplicates, retries and out-of-order deliveries are
 * harmless: the primary key plus the sequence guard make the consumer idempotent.
 */
@Injectable()
export class ProjectBoardUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(job: { petitionId: string; sequence: number }): Promise<'updated' | 'unchanged'> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO board_petitions AS b (petition_id, province_id, commune_id, owning_unit_id, kind, status, escalation_level,
                                         received_at, resolved_at, closed_at, last_sequence, updated_at)
       SELECT p.id, u.province_id, u.commune_id, p.owning_unit_id, p.kind, p.status, p.escalation_level,
              p.created_at, p.resolved_at, p.closed_at, p.version, now()
         FROM petitions p JOIN units u ON u.id = p.owning_unit_id
        WHERE p.id = $1
       ON CONFLICT (petition_id) DO UPDATE SET
              province_id = EXCLUDED.province_id, commune_id = EXCLUDED.commune_id, owning_unit_id = EXCLUDED.owning_unit_id,
              kind = EXCLUDED.kind, status = EXCLUDED.status, escalation_level = EXCLUDED.escalation_level,
              resolved_at = EXCLUDED.resolved_at, closed_at = EXCLUDED.closed_at,
              last_sequence = EXCLUDED.last_sequence, updated_at = EXCLUDED.updated_at
        WHERE b.last_sequence < EXCLUDED.last_sequence
       RETURNING b.petition_id`,
      [job.petitionId],
    );
    return rows.length > 0 ? 'updated' : 'unchanged';
  }
}

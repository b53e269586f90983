import { type Clock, escalate, type PetitionEvent, periodDays, toLocalDate } from '@app/domain';
import { petitionStore, toPetitionState } from '@app/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { complaintPeriodsOn } from '../petitions/complaint-facts.js';
import { storePetitionChange } from '../petitions/petition-writer.js';
import { CLOCK } from '../shared/clock.provider.js';

interface ThresholdFacts {
  key: string;
  escalate: boolean;
  inform_citizen: boolean;
  clock_id: string;
  rule_id: string;
  remote: boolean;
  province_unit_id: string | null;
}


/**
 * What a fired threshold asks of the petition itself, through the domain: oversight escalation (level + 1, the
 * province's board becomes a watcher; competence stays put) and, when a first-time complaint or a denunciation
 * lapses, the notice of the citizen's next right. Redelivery is harmless: at most one event of each type per
 * threshold (a unique index), checked before writing.
 */
@Injectable()
export class EscalatePetitionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(job: { petitionId: string; thresholdId: string }): Promise<'escalated' | 'duplicate' | 'skipped'> {
    return this.dataSource.transaction(async (em) => {
      const outcome = await this.escalate(em, job);
      // Handled, whatever the outcome: the reconciler stops re-issuing it.
      await em.query(`UPDATE clock_thresholds SET handled_at = coalesce(handled_at, $2) WHERE id = $1`, [job.thresholdId, this.clock.now()]);
      return outcome;
    });
  }

  private async escalate(em: EntityManager, job: { petitionId: string; thresholdId: string }): Promise<'escalated' | 'duplicate' | 'skipped'> {
    const done: unknown[] = await em.query(
      `SELECT 1 FROM petition_events WHERE petition_id = $1 AND payload->>'thresholdId' = $2 LIMIT 1`,
      [job.petitionId, job.thresholdId],
    );
    if (done.length > 0) return 'duplicate';
    const [t]: ThresholdFacts[] = await em.query(
      `SELECT t.key, t.escalate, t.inform_citizen, t.clock_id, c.rule_id,
              (u.remote_area OR coalesce(cu.remote_area, false)) AS remote,
              (SELECT pu.id FROM units pu WHERE pu.id = u.province_id) AS province_unit_id
         FROM clock_thresholds t
         JOIN petition_clocks c ON c.id = t.clock_id
         JOIN petitions p ON p.id = t.petition_id
         JOIN units u ON u.id = p.owning_unit_id
         LEFT JOIN units cu ON cu.id = u.commune_id
        WHERE t.id = $1 AND t.petition_id = $2`,
      [job.thresholdId, job.petitionId],
    );
    // Lock first: escalations of one petition from several thresholds queue up instead of failing the CAS.
    // NO KEY UPDATE: it does not block the foreign-key checks of alerts being inserted for the petition.
    await em.query(`SELECT 1 FROM petitions WHERE id = $1 FOR NO KEY UPDATE`, [job.petitionId]);
    const row = await petitionStore.load(em, job.petitionId);
    if (!t || !row) return 'skipped';

    const now = this.clock.now();
    let state = toPetitionState(row);
    const events: PetitionEvent[] = [];
    if (t.escalate) {
      const escalated = escalate(
        state,
        { clockId: t.clock_id, ruleId: t.rule_id, thresholdKey: t.key, thresholdId: job.thresholdId, watcherUnitId: t.province_unit_id },
        now,
      );
      if (escalated) {
        state = escalated.state;
        events.push(...escalated.events);
        if (t.province_unit_id) {
          await em.query(
            `INSERT INTO petition_watchers (petition_id, unit_id, reason, since) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
            [row.id, t.province_unit_id, `escalation:${t.rule_id}:${t.key}`, now],
          );
        }
      }
    }
    const right = t.inform_citizen ? (t.rule_id === 'K3' ? 'second_complaint' : t.rule_id === 'T4' ? 're_denunciation' : null) : null;
    if (right) {
      const event: PetitionEvent = {
        type: 'CitizenRightsNotified',
        petitionId: row.id,
        at: now.toISOString(),
        actorId: null,
        actorRole: null,
        legalBasis: right === 'second_complaint' ? 'Luật Khiếu nại 2011 Điều 33' : 'Luật Tố cáo 2018 Điều 37 (chưa xác minh)',
        right,
        clockId: t.clock_id,
        thresholdId: job.thresholdId,
        // K6 (LKN Art 33) from the policy in force on the day the deadline lapsed: 30 days, 45 in remote areas.
        windowDays: periodDays((await complaintPeriodsOn(em, toLocalDate(now))).secondComplaint, t.remote),
      };
      events.push(event);
      state = { ...state, version: state.version + 1, updatedAt: event.at };
    }
    if (events.length === 0) return 'skipped';

    if (!(await storePetitionChange(em, row.version, state, events))) throw new Error(`Petition ${row.id} changed while escalating; retrying`);
    return 'escalated';
  }
}

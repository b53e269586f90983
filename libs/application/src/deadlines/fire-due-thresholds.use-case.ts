import {
  type Clock,
  DEFAULT_WORKING_HOURS,
  deliveryInstant,
  type MessageKey,
  overdueInstant,
  parseThresholdKey,
  thresholdKey,
  formatLocalDate,
  subjectRungActs,
  lastLocalDayOf,
} from '@app/domain';
import { JobName, outboxMessage, type OutboxMessage } from '@app/queue';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { CLOCK } from '../shared/clock.provider.js';
import { writeOutbox } from '../petitions/petition-writer.js';
import { loadCalendar, loadPolicies } from './deadline-sources.js';

interface FiredRow {
  id: string;
  key: string;
  due_at: Date;
  notify: string[];
  escalate: boolean;
  inform_citizen: boolean;
  clock_id: string;
  clock_due_at: Date | null;
  rule_id: string;
  policy_version: number;
  petition_id: string | null;
  commitment_id: string | null;
  dialogue_id: string | null;
  tracking_code: string | null;
  title: string;
  assignee_id: string | null;
  owning_unit_id: string;
  commune_id: string | null;
  province_id: string | null;
}

export interface FireResult {
  readonly fired: number;
  /** Per fired threshold: how late it fired (ms after its due instant). For benchmarks and logs. */
  readonly latenessMs: number[];
}

/** The last day of a period that ends at `instant`, as DD/MM/YYYY (the due date people are told). */
const dmy = (instant: Date) => formatLocalDate(lastLocalDayOf(new Date(instant)));

/** What a fired threshold that acts asks for, by subject: a petition is escalated, a commitment marked overdue. */
export function thresholdActionMessage(t: { id: string; petition_id: string | null; commitment_id: string | null }): OutboxMessage {
  if (t.petition_id) return outboxMessage(JobName.EscalatePetition, { petitionId: t.petition_id, thresholdId: t.id });
  if (t.commitment_id) return outboxMessage(JobName.MarkCommitmentOverdue, { commitmentId: t.commitment_id, thresholdId: t.id });
  throw new Error(`Threshold ${t.id} acts but has no petition or commitment`);
}

/**
 * Fires every threshold that is due and has not fired — from a wake-up, the periodic sweep, the sweep at
 * worker start, or a test-clock jump. Set-based and batched, so thousands due at one instant fire in a few
 * statements. Exactly once: a threshold is claimed with FOR UPDATE SKIP LOCKED and marked fired in the same
 * statement; alerts are unique per (threshold, recipient) and back-dated to the due instant.
 */
@Injectable()
export class FireDueThresholdsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Claims batches until nothing is due, with `parallel` claimers: their claims are disjoint (SKIP LOCKED), and
   * a burst of thresholds due at one instant clears in about half the time on two cores.
   */
  async execute(batchSize = 2000, parallel = 2): Promise<FireResult> {
    const latenessMs: number[] = [];
    // Until a claim finds nothing: firing can plan the next overdue reminder, which after a long outage (or a
    // test-clock jump) may itself be due already — the whole chain is caught up in one sweep.
    const claimUntilDone = async (): Promise<void> => {
      for (;;) {
        const batch = await this.fireBatch(this.clock.now(), batchSize);
        latenessMs.push(...batch);
        if (batch.length === 0) return;
      }
    };
    await Promise.all(Array.from({ length: parallel }, claimUntilDone));
    return { fired: latenessMs.length, latenessMs };
  }

  private async fireBatch(now: Date, limit: number): Promise<number[]> {
    return this.dataSource.transaction(async (em) => {
      const fired: FiredRow[] = await em.query(
        `WITH due AS (
           SELECT id FROM clock_thresholds
            WHERE fired_at IS NULL AND due_at <= $1
            ORDER BY due_at
            LIMIT $2
            FOR UPDATE SKIP LOCKED
         ), marked AS (
           UPDATE clock_thresholds t SET fired_at = $1 FROM due WHERE t.id = due.id
           RETURNING t.id, t.key, t.due_at, t.notify, t.escalate, t.inform_citizen, t.clock_id, t.petition_id, t.commitment_id, t.dialogue_id
         )
         -- The subject (a petition, a commitment or a dialogue) names the alert and the unit whose people are told.
         SELECT m.id::text, m.key, m.due_at, m.notify, m.escalate, m.inform_citizen, m.clock_id,
                c.due_at AS clock_due_at, c.rule_id, c.policy_version,
                m.petition_id, m.commitment_id, m.dialogue_id, p.tracking_code,
                coalesce(p.title, k.title, d.venue || ' ' || to_char(d.held_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'DD/MM/YYYY'), '') AS title,
                p.assignee_id, u.id AS owning_unit_id, u.commune_id, u.province_id
           FROM marked m
           JOIN petition_clocks c ON c.id = m.clock_id
           LEFT JOIN petitions p ON p.id = m.petition_id
           LEFT JOIN commitments k ON k.id = m.commitment_id
           LEFT JOIN dialogues d ON d.id = m.dialogue_id
           JOIN units u ON u.id = coalesce(p.owning_unit_id, k.owner_unit_id, d.unit_id)`,
        [now, limit],
      );
      if (fired.length === 0) return [];
      const calendar = await loadCalendar(em, now);
      const policies = await loadPolicies(em);
      const hours = policies[policies.length - 1]?.workingHours ?? DEFAULT_WORKING_HOURS;
      // Raised now; shown to people from the next moment they are at work.
      const deliverAt = deliveryInstant(now, calendar, hours);

      await this.storeAlerts(em, fired, now, deliverAt);
      await em.query(
        // The breach joins the clock's history, which a later lift (extension, flag, recompute) never erases.
        `UPDATE petition_clocks
            SET status = 'breached', breached_at = due_at, version = version + 1, updated_at = $2,
                breaches = breaches || jsonb_build_array(jsonb_build_object('at', due_at, 'liftedAt', NULL, 'liftedBy', NULL))
          WHERE id = ANY($1::uuid[]) AND status = 'running'`,
        [fired.filter((f) => parseThresholdKey(f.key).base === '100').map((f) => f.clock_id), now],
      );
      await this.planNextOverdue(em, fired, policies, calendar);
      const messages: OutboxMessage[] = fired.filter((f) => f.escalate || f.inform_citizen).map((f) => thresholdActionMessage({ ...f }));
      await writeOutbox(em, messages);
      return fired.map((f) => now.getTime() - new Date(f.due_at).getTime());
    });
  }

  /** One INSERT … SELECT: recipients are resolved in SQL from the roles the ladder names. */
  private async storeAlerts(em: EntityManager, fired: FiredRow[], now: Date, deliverAt: Date): Promise<void> {
    const alerts = fired.map((f) => {
      const { base } = parseThresholdKey(f.key);
      const n = base.startsWith('overdue-') ? Number(base.slice('overdue-'.length)) : 0;
      const step = base === '100' ? 'breached' : n > 0 ? 'overdue' : 'threshold';
      const subject = f.commitment_id ? 'alert.commitment.' : f.dialogue_id ? 'alert.results.' : 'alert.';
      const messageKey = `${subject}${step}` as MessageKey;
      return {
        id: f.id,
        petition_id: f.petition_id,
        commitment_id: f.commitment_id,
        dialogue_id: f.dialogue_id,
        message_key: messageKey,
        params: {
          trackingCode: f.tracking_code,
          title: f.title,
          rule: f.rule_id,
          share: `${base}%`,
          due: dmy(f.clock_due_at ?? f.due_at),
          n,
        },
        due_at: f.due_at,
        notify: f.notify,
        assignee_id: f.assignee_id,
        owning_unit_id: f.owning_unit_id,
        commune_id: f.commune_id,
        province_id: f.province_id,
      };
    });
    await em.query(
      `INSERT INTO notifications (recipient_id, petition_id, commitment_id, dialogue_id, kind, message_key, params, source_key, created_at, due_at, deliver_at)
       SELECT r.user_id, a.petition_id, a.commitment_id, a.dialogue_id, 'deadline.alert', a.message_key, a.params,
              'threshold:' || a.id || ':' || r.user_id, $2, a.due_at, $3
         FROM jsonb_to_recordset($1::jsonb) AS a(id text, petition_id uuid, commitment_id uuid, dialogue_id uuid, message_key text, params jsonb, due_at timestamptz,
              notify text[], assignee_id uuid, owning_unit_id uuid, commune_id uuid, province_id uuid)
         JOIN LATERAL (
           SELECT a.assignee_id AS user_id WHERE 'assignee' = ANY(a.notify) AND a.assignee_id IS NOT NULL
           UNION
           SELECT us.id FROM users us WHERE 'unit_heads' = ANY(a.notify) AND us.role = 'head' AND us.active AND us.unit_id = a.owning_unit_id
           UNION
           SELECT us.id FROM users us WHERE 'commune_heads' = ANY(a.notify) AND us.role = 'head' AND us.active AND us.unit_id = a.commune_id
           UNION
           SELECT us.id FROM users us JOIN units uu ON uu.id = us.unit_id
            WHERE 'province_board' = ANY(a.notify) AND us.role = 'board' AND us.active
              AND uu.province_id = a.province_id AND uu.commune_id IS NULL
         ) r ON true
       ON CONFLICT (source_key) DO NOTHING`,
      [JSON.stringify(alerts), now, deliverAt],
    );
  }

  /** The overdue ladder is open-ended: when the breach or a reminder fires, the next reminder is planned. */
  private async planNextOverdue(
    em: EntityManager,
    fired: FiredRow[],
    policies: Awaited<ReturnType<typeof loadPolicies>>,
    calendar: Awaited<ReturnType<typeof loadCalendar>>,
  ): Promise<void> {
    const next = fired.flatMap((f) => {
      const { base, generation } = parseThresholdKey(f.key);
      if (base !== '100' && !base.startsWith('overdue-')) return [];
      const step = policies.find((p) => p.version === f.policy_version)?.alertLadder.find((s) => s.everyWorkingDaysOverdue !== undefined);
      if (!step || f.clock_due_at === null) return [];
      const n = base === '100' ? 1 : Number(base.slice('overdue-'.length)) + 1;
      const dueAt = overdueInstant(new Date(f.clock_due_at), n * step.everyWorkingDaysOverdue!, calendar);
      const key = thresholdKey(`${step.key}-${n}`, generation);
      const escalate = f.petition_id !== null ? step.escalate : subjectRungActs(f.commitment_id ? 'commitment' : 'results_publication', key);
      return [
        { clock_id: f.clock_id, petition_id: f.petition_id, commitment_id: f.commitment_id, dialogue_id: f.dialogue_id, key, due_at: dueAt.toISOString(), notify: step.notify, escalate },
      ];
    });
    if (next.length === 0) return;
    await em.query(
      `INSERT INTO clock_thresholds (clock_id, petition_id, commitment_id, dialogue_id, key, due_at, notify, escalate, inform_citizen)
       SELECT x.clock_id, x.petition_id, x.commitment_id, x.dialogue_id, x.key, x.due_at, x.notify, x.escalate, false
         FROM jsonb_to_recordset($1::jsonb) AS x(clock_id uuid, petition_id uuid, commitment_id uuid, dialogue_id uuid, key text,
              due_at timestamptz, notify text[], escalate boolean)
         JOIN petition_clocks c ON c.id = x.clock_id AND c.status IN ('running', 'breached')
       ON CONFLICT (clock_id, key) DO NOTHING`,
      [JSON.stringify(next)],
    );
  }
}


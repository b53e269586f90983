import type { ClockSubject, PetitionClock, SubjectClock, ThresholdPlan } from '@app/domain';
import type { EntityManager } from 'typeorm';

export interface ClockRow {
  id: string;
  petition_id: string;
  commitment_id?: string | null;
  dialogue_id?: string | null;
  kind: PetitionClock['kind'];
  rule_id: string;
  legal_basis: string;
  policy_version: number;
  unit: PetitionClock['unit'];
  variant: PetitionClock['variant'];
  days: number;
  start_event: PetitionClock['startEvent'];
  started_at: Date;
  status: PetitionClock['status'];
  pauses: PetitionClock['pauses'];
  extensions: PetitionClock['extensions'];
  variant_changes: PetitionClock['variantChanges'];
  due_at: Date | null;
  breached_at: Date | null;
  breaches: { at: string; liftedAt: string | null; liftedBy: PetitionClock['breaches'][number]['liftedBy'] }[];
  met_at: Date | null;
  cancelled_at: Date | null;
}

const iso = (d: Date | null): string | null => (d === null ? null : new Date(d).toISOString());

/** Breach instants written by SQL (firing) and by the domain read back in one ISO form. */
const breachesOf = (r: ClockRow): PetitionClock['breaches'] =>
  (r.breaches ?? []).map((b) => ({ at: new Date(b.at).toISOString(), liftedAt: b.liftedAt === null ? null : new Date(b.liftedAt).toISOString(), liftedBy: b.liftedBy }));

export function toPetitionClock(r: ClockRow): PetitionClock {
  return {
    id: r.id,
    petitionId: r.petition_id,
    kind: r.kind,
    ruleId: r.rule_id,
    legalBasis: r.legal_basis,
    policyVersion: r.policy_version,
    unit: r.unit,
    variant: r.variant,
    days: r.days,
    startEvent: r.start_event,
    startedAt: iso(r.started_at)!,
    status: r.status,
    pauses: r.pauses,
    extensions: r.extensions,
    variantChanges: r.variant_changes,
    dueAt: iso(r.due_at),
    breachedAt: iso(r.breached_at),
    breaches: breachesOf(r),
    metAt: iso(r.met_at),
    cancelledAt: iso(r.cancelled_at),
  };
}

/** Which subject a clock or threshold row belongs to: exactly one column is set. */
export interface SubjectColumns {
  readonly petition_id: string | null;
  readonly commitment_id: string | null;
  readonly dialogue_id: string | null;
}

export function subjectColumns(subject: ClockSubject | { type: 'petition'; id: string }): SubjectColumns {
  return {
    petition_id: subject.type === 'petition' ? subject.id : null,
    commitment_id: subject.type === 'commitment' ? subject.id : null,
    dialogue_id: subject.type === 'dialogue' ? subject.id : null,
  };
}

function toSubjectClock(r: ClockRow): SubjectClock {
  const subject: ClockSubject = r.commitment_id ? { type: 'commitment', id: r.commitment_id } : { type: 'dialogue', id: r.dialogue_id! };
  return {
    id: r.id,
    subject,
    kind: r.kind as SubjectClock['kind'],
    ruleId: r.rule_id,
    legalBasis: r.legal_basis,
    policyVersion: r.policy_version,
    unit: r.unit,
    days: r.days,
    startEvent: r.start_event as string as SubjectClock['startEvent'],
    startedAt: iso(r.started_at)!,
    status: r.status,
    dueAt: iso(r.due_at),
    breachedAt: iso(r.breached_at),
    breaches: breachesOf(r),
    metAt: iso(r.met_at),
    cancelledAt: iso(r.cancelled_at),
  };
}

export interface ThresholdRow {
  readonly id: string;
  readonly clockId: string;
  readonly key: string;
  readonly dueAt: string | null;
  readonly firedAt: string | null;
  readonly notify: string[];
  readonly escalate: boolean;
}

/** Clock rows and their alert thresholds. Every write takes the caller's transaction. */
export const clockStore = {
  /** The petition's clocks, locked: deadline changes on one petition are serialised with its workflow. */
  async forPetition(em: EntityManager, petitionId: string, lock = true): Promise<PetitionClock[]> {
    const rows: ClockRow[] = await em.query(
      `SELECT * FROM petition_clocks WHERE petition_id = $1 ORDER BY started_at, rule_id ${lock ? 'FOR NO KEY UPDATE' : ''}`,
      [petitionId],
    );
    return rows.map(toPetitionClock);
  },

  /** The open clocks (running, paused, breached) of many petitions at once, for a list page (a read: no locks). */
  async openForPetitions(em: EntityManager, petitionIds: readonly string[]): Promise<PetitionClock[]> {
    if (petitionIds.length === 0) return [];
    const rows: ClockRow[] = await em.query(
      `SELECT * FROM petition_clocks WHERE petition_id = ANY($1::uuid[]) AND status IN ('running', 'paused', 'breached') ORDER BY petition_id, started_at, rule_id`,
      [petitionIds],
    );
    return rows.map(toPetitionClock);
  },

  async byId(em: EntityManager, clockId: string, lock = true): Promise<PetitionClock | null> {
    const rows: ClockRow[] = await em.query(`SELECT * FROM petition_clocks WHERE id = $1 ${lock ? 'FOR NO KEY UPDATE' : ''}`, [clockId]);
    return rows[0] ? toPetitionClock(rows[0]) : null;
  },

  /** Inserts new clocks and rewrites changed ones, in one statement each. */
  async save(em: EntityManager, clocks: readonly PetitionClock[], now: Date): Promise<void> {
    if (clocks.length === 0) return;
    await em.query(
      `INSERT INTO petition_clocks AS c (id, petition_id, kind, rule_id, legal_basis, policy_version, unit, variant, days, start_event,
                                         started_at, status, pauses, extensions, variant_changes, due_at, breached_at, breaches, met_at,
                                         cancelled_at, updated_at)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, petition_id uuid, kind text, rule_id text, legal_basis text,
              policy_version int, unit text, variant text, days int, start_event text, started_at timestamptz, status text,
              pauses jsonb, extensions jsonb, variant_changes jsonb, due_at timestamptz, breached_at timestamptz, breaches jsonb,
              met_at timestamptz, cancelled_at timestamptz, updated_at timestamptz)
       ON CONFLICT (id) DO UPDATE SET
              policy_version = EXCLUDED.policy_version, legal_basis = EXCLUDED.legal_basis, unit = EXCLUDED.unit,
              variant = EXCLUDED.variant, days = EXCLUDED.days, status = EXCLUDED.status, pauses = EXCLUDED.pauses,
              extensions = EXCLUDED.extensions, variant_changes = EXCLUDED.variant_changes, due_at = EXCLUDED.due_at,
              breached_at = EXCLUDED.breached_at, breaches = EXCLUDED.breaches, met_at = EXCLUDED.met_at, cancelled_at = EXCLUDED.cancelled_at,
              version = c.version + 1, updated_at = EXCLUDED.updated_at`,
      [
        JSON.stringify(
          clocks.map((c) => ({
            id: c.id,
            petition_id: c.petitionId,
            kind: c.kind,
            rule_id: c.ruleId,
            legal_basis: c.legalBasis,
            policy_version: c.policyVersion,
            unit: c.unit,
            variant: c.variant,
            days: c.days,
            start_event: c.startEvent,
            started_at: c.startedAt,
            status: c.status,
            pauses: c.pauses,
            extensions: c.extensions,
            variant_changes: c.variantChanges,
            due_at: c.dueAt,
            breached_at: c.breachedAt,
            breaches: c.breaches,
            met_at: c.metAt,
            cancelled_at: c.cancelledAt,
            updated_at: now.toISOString(),
          })),
        ),
      ],
    );
  },

  /**
   * Makes a clock's unfired thresholds match the plan: new rungs are added, moved ones get their new instant,
   * rungs of a paused, met or cancelled clock get no instant (they cannot fire). Fired rows are never touched:
   * an alert that went out stays on record.
   */
  async syncThresholds(
    em: EntityManager,
    clock: Pick<PetitionClock, 'id' | 'status'>,
    subject: SubjectColumns,
    plans: readonly ThresholdPlan[],
  ): Promise<void> {
    const open = clock.status === 'running' || clock.status === 'breached';
    if (plans.length > 0) {
      await em.query(
        `INSERT INTO clock_thresholds AS t (clock_id, petition_id, commitment_id, dialogue_id, key, due_at, notify, escalate, inform_citizen)
         SELECT $1, $2, $3, $4, x.key, x.due_at, x.notify, x.escalate, x.inform_citizen
           FROM jsonb_to_recordset($5::jsonb) AS x(key text, due_at timestamptz, notify text[], escalate boolean, inform_citizen boolean)
         ON CONFLICT (clock_id, key) DO UPDATE SET due_at = EXCLUDED.due_at, notify = EXCLUDED.notify,
                escalate = EXCLUDED.escalate, inform_citizen = EXCLUDED.inform_citizen
          WHERE t.fired_at IS NULL`,
        [
          clock.id,
          subject.petition_id,
          subject.commitment_id,
          subject.dialogue_id,
          JSON.stringify(
            plans.map((p) => ({
              key: p.key,
              due_at: open ? p.dueAt : null,
              notify: p.notify,
              escalate: p.escalate,
              inform_citizen: p.informCitizenOfRights,
            })),
          ),
        ],
      );
    }
    // Rungs the plan no longer has (an earlier generation's) and every rung of a clock that is not open are
    // disarmed: an unfired row without an instant can never fire.
    await em.query(
      `UPDATE clock_thresholds SET due_at = NULL
        WHERE clock_id = $1 AND fired_at IS NULL AND due_at IS NOT NULL AND (NOT $2 OR NOT (key = ANY($3::text[])))`,
      [clock.id, open, plans.map((p) => p.key)],
    );
  },

  /**
   * syncThresholds for many clocks in two statements (bulk recomputes after a calendar or policy change).
   * Same rules: unfired rows follow the plan, a clock that is not running or breached gets no instants.
   */
  async syncThresholdsMany(em: EntityManager, items: readonly { clock: PetitionClock; plans: readonly ThresholdPlan[] }[]): Promise<void> {
    if (items.length === 0) return;
    const rows = items.flatMap(({ clock, plans }) => {
      const open = clock.status === 'running' || clock.status === 'breached';
      return plans.map((p) => ({
        clock_id: clock.id,
        petition_id: clock.petitionId,
        key: p.key,
        due_at: open ? p.dueAt : null,
        notify: p.notify,
        escalate: p.escalate,
        inform_citizen: p.informCitizenOfRights,
      }));
    });
    if (rows.length > 0) {
      await em.query(
        `INSERT INTO clock_thresholds AS t (clock_id, petition_id, key, due_at, notify, escalate, inform_citizen)
         SELECT x.clock_id, x.petition_id, x.key, x.due_at, x.notify, x.escalate, x.inform_citizen
           FROM jsonb_to_recordset($1::jsonb) AS x(clock_id uuid, petition_id uuid, key text, due_at timestamptz, notify text[],
                escalate boolean, inform_citizen boolean)
         ON CONFLICT (clock_id, key) DO UPDATE SET due_at = EXCLUDED.due_at, notify = EXCLUDED.notify,
                escalate = EXCLUDED.escalate, inform_citizen = EXCLUDED.inform_citizen
          WHERE t.fired_at IS NULL`,
        [JSON.stringify(rows)],
      );
    }
    // Same disarming as syncThresholds: rungs outside each clock's plan, and every rung of a clock not open.
    const keep = items.flatMap(({ clock, plans }) =>
      clock.status === 'running' || clock.status === 'breached' ? plans.map((p) => ({ clock_id: clock.id, key: p.key })) : [],
    );
    await em.query(
      `UPDATE clock_thresholds t SET due_at = NULL
        WHERE t.clock_id = ANY($1::uuid[]) AND t.fired_at IS NULL AND t.due_at IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM jsonb_to_recordset($2::jsonb) AS k(clock_id uuid, key text) WHERE k.clock_id = t.clock_id AND k.key = t.key)`,
      [items.map(({ clock }) => clock.id), JSON.stringify(keep)],
    );
  },

  /** The subject's clock, locked like a petition's: its changes are serialised with the subject's own. */
  async forSubject(em: EntityManager, subject: ClockSubject, lock = true): Promise<SubjectClock | null> {
    const column = subject.type === 'commitment' ? 'commitment_id' : 'dialogue_id';
    const rows: ClockRow[] = await em.query(`SELECT * FROM petition_clocks WHERE ${column} = $1 ORDER BY started_at ${lock ? 'FOR NO KEY UPDATE' : ''}`, [
      subject.id,
    ]);
    return rows[0] ? toSubjectClock(rows[0]) : null;
  },

  async saveSubjectClock(em: EntityManager, c: SubjectClock, now: Date): Promise<void> {
    const s = subjectColumns(c.subject);
    await em.query(
      `INSERT INTO petition_clocks AS c (id, petition_id, commitment_id, dialogue_id, kind, rule_id, legal_basis, policy_version, unit, variant,
                                         days, start_event, started_at, status, due_at, breached_at, met_at, cancelled_at, updated_at, breaches)
       VALUES ($1, NULL, $2, $3, $4, $5, $6, $7, $8, 'standard', $9, $10, $11, $12, $13, $14, $15, $16, $17, $18::jsonb)
       ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, due_at = EXCLUDED.due_at, breached_at = EXCLUDED.breached_at, breaches = EXCLUDED.breaches,
              met_at = EXCLUDED.met_at, cancelled_at = EXCLUDED.cancelled_at, version = c.version + 1, updated_at = EXCLUDED.updated_at`,
      [
        c.id,
        s.commitment_id,
        s.dialogue_id,
        c.kind,
        c.ruleId,
        c.legalBasis,
        c.policyVersion,
        c.unit,
        c.days,
        c.startEvent,
        c.startedAt,
        c.status,
        c.dueAt,
        c.breachedAt,
        c.metAt,
        c.cancelledAt,
        now,
        JSON.stringify(c.breaches),
      ],
    );
  },

  async thresholds(em: EntityManager, clockIds: readonly string[]): Promise<ThresholdRow[]> {
    if (clockIds.length === 0) return [];
    const rows: { id: string; clock_id: string; key: string; due_at: Date | null; fired_at: Date | null; notify: string[]; escalate: boolean }[] =
      await em.query(
        `SELECT id::text, clock_id, key, due_at, fired_at, notify, escalate FROM clock_thresholds WHERE clock_id = ANY($1::uuid[]) ORDER BY due_at NULLS LAST, key`,
        [clockIds],
      );
    return rows.map((r) => ({
      id: r.id,
      clockId: r.clock_id,
      key: r.key,
      dueAt: iso(r.due_at),
      firedAt: iso(r.fired_at),
      notify: r.notify,
      escalate: r.escalate,
    }));
  },
};

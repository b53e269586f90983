import { DEFAULT_RECEPTION_DUTY_RULES } from '@app/domain';
import type { MigrationInterface, QueryRunner } from 'typeorm';

const POSITIONS = `('commune_chair', 'commune_party_head', 'province_chair', 'province_party_head')`;

/** Citizen-reception days of heads (DOMAIN.md R1, R2, R4) and the petitions taken at them (issue 4). */
export class ReceptionDays1764210000000 implements MigrationInterface {
  name = 'ReceptionDays1764210000000';

  async up(q: QueryRunner): Promise<void> {
    // How often each position must receive citizens: data, because R1' is only known from a draft (❓).
    await q.query(`
      CREATE TABLE reception_duty_rules (
        id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        rule_id            text NOT NULL,
        position           text NOT NULL CHECK (position IN ${POSITIONS}),
        min_days_per_month integer CHECK (min_days_per_month BETWEEN 1 AND 31),
        min_days_per_week  integer CHECK (min_days_per_week BETWEEN 1 AND 7),
        legal_reference    text NOT NULL,
        verification       text NOT NULL CHECK (verification IN ('verified', 'partial', 'unverified')),
        note               text,
        effective_from     date NOT NULL,
        effective_to       date,
        created_by         uuid REFERENCES users(id),
        created_at         timestamptz NOT NULL DEFAULT now(),
        CHECK ((min_days_per_month IS NULL) <> (min_days_per_week IS NULL)),
        CHECK (effective_to IS NULL OR effective_to >= effective_from),
        UNIQUE (position, effective_from)
      )`);
    for (const r of DEFAULT_RECEPTION_DUTY_RULES) {
      await q.query(
        `INSERT INTO reception_duty_rules (rule_id, position, min_days_per_month, min_days_per_week, legal_reference, verification, note, effective_from, effective_to)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [r.ruleId, r.position, r.minDaysPerMonth, r.minDaysPerWeek, r.legalReference, r.verification, r.note, r.effectiveFrom, r.effectiveTo],
      );
    }

    // Who holds a reception position where: users only carry a role, and a head with no day must still show.
    await q.query(`
      CREATE TABLE reception_duties (
        id             uuid PRIMARY KEY,
        user_id        uuid NOT NULL REFERENCES users(id),
        unit_id        uuid NOT NULL REFERENCES units(id),
        position       text NOT NULL CHECK (position IN ${POSITIONS}),
        effective_from date NOT NULL,
        effective_to   date,
        created_by     uuid REFERENCES users(id),
        created_at     timestamptz NOT NULL,
        CHECK (effective_to IS NULL OR effective_to >= effective_from)
      )`);
    await q.query(`CREATE INDEX reception_duties_unit ON reception_duties (unit_id, position)`);
    await q.query(`CREATE INDEX reception_duties_user ON reception_duties (user_id)`);

    await q.query(`
      CREATE TABLE reception_days (
        id               uuid PRIMARY KEY,
        unit_id          uuid NOT NULL REFERENCES units(id),
        host_user_id     uuid NOT NULL REFERENCES users(id),
        position         text NOT NULL CHECK (position IN ${POSITIONS}),
        date             date NOT NULL,
        venue            text NOT NULL,
        status           text NOT NULL CHECK (status IN ('planned', 'held', 'cancelled')),
        version          integer NOT NULL CHECK (version > 0),
        legal_basis      text,
        note             text,
        attendee_count   integer CHECK (attendee_count >= 0),
        attendee_names   jsonb NOT NULL DEFAULT '[]'::jsonb,
        cancel_reason    text,
        planned_by       uuid NOT NULL REFERENCES users(id),
        created_at       timestamptz NOT NULL,
        updated_at       timestamptz NOT NULL,
        held_recorded_at timestamptz,
        cancelled_at     timestamptz
      )`);
    await q.query(`CREATE INDEX reception_days_unit_date ON reception_days (unit_id, date)`);
    // One live day per host and date; a cancelled day frees the date.
    await q.query(`CREATE UNIQUE INDEX reception_days_host_date ON reception_days (host_user_id, date) WHERE status <> 'cancelled'`);

    // The audit trail: who planned, recorded, cancelled or linked, and when. Never updated or deleted.
    await q.query(`
      CREATE TABLE reception_day_events (
        id               bigserial PRIMARY KEY,
        reception_day_id uuid NOT NULL REFERENCES reception_days(id),
        sequence         integer NOT NULL,
        type             text NOT NULL,
        actor_id         uuid REFERENCES users(id),
        actor_role       text,
        occurred_at      timestamptz NOT NULL,
        payload          jsonb NOT NULL,
        UNIQUE (reception_day_id, sequence)
      )`);
    // The shared audit-trail trigger function (created with the dialogues' trails).
    await q.query(`
      CREATE TRIGGER reception_day_events_no_change BEFORE UPDATE OR DELETE ON reception_day_events
      FOR EACH ROW EXECUTE FUNCTION audit_trail_append_only()`);

    await q.query(`
      CREATE TABLE reception_day_petitions (
        reception_day_id uuid NOT NULL REFERENCES reception_days(id),
        petition_id      uuid NOT NULL REFERENCES petitions(id),
        linked_by        uuid NOT NULL REFERENCES users(id),
        linked_at        timestamptz NOT NULL,
        PRIMARY KEY (reception_day_id, petition_id)
      )`);
    await q.query(`CREATE INDEX reception_day_petitions_petition ON reception_day_petitions (petition_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['reception_day_petitions', 'reception_day_events', 'reception_days', 'reception_duties', 'reception_duty_rules']) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}

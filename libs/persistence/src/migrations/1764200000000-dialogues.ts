import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Dialogues, their minutes and linked petitions; commitments and their audit trail (issue 4). */
export class Dialogues1764200000000 implements MigrationInterface {
  name = 'Dialogues1764200000000';

  async up(q: QueryRunner): Promise<void> {
    // Current state of a dialogue; its history is dialogue_events, `version` is the compare-and-set token.
    await q.query(`
      CREATE TABLE dialogues (
        id                          uuid PRIMARY KEY,
        kind                        text NOT NULL CHECK (kind IN ('commune_conference', 'party_head_direct', 'complaint_resolution', 'draft_decision_consultation')),
        unit_id                     uuid NOT NULL REFERENCES units(id),
        status                      text NOT NULL CHECK (status IN ('requested', 'planned', 'announced', 'held', 'results_published', 'follow_up', 'closed', 'cancelled')),
        requested_by                text NOT NULL CHECK (requested_by IN ('voters', 'front', 'plan', 'necessity')),
        voter_count                 integer CHECK (voter_count >= 0),
        registered_voters           integer CHECK (registered_voters > 0),
        complaint_instance          smallint CHECK (complaint_instance IN (1, 2)),
        note                        text,
        scheduled_at                timestamptz,
        venue                       text,
        agenda                      jsonb NOT NULL DEFAULT '[]'::jsonb,
        carried_over_commitment_ids jsonb NOT NULL DEFAULT '[]'::jsonb,
        announced_at                timestamptz,
        announced_on                date,
        announcement_channels       jsonb NOT NULL DEFAULT '[]'::jsonb,
        held_at                     timestamptz,
        attendees                   jsonb,
        minutes_summary             text,
        questions                   jsonb NOT NULL DEFAULT '[]'::jsonb,
        results_published_at        timestamptz,
        results_due_date            date,
        results_late                boolean,
        closed_at                   timestamptz,
        cancelled_at                timestamptz,
        cancel_reason               text,
        version                     integer NOT NULL CHECK (version > 0),
        created_by                  uuid REFERENCES users(id),
        created_at                  timestamptz NOT NULL,
        updated_at                  timestamptz NOT NULL,
        CHECK ((kind = 'complaint_resolution') = (complaint_instance IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX dialogues_unit_status ON dialogues (unit_id, status, created_at DESC)`);
    await q.query(`CREATE INDEX dialogues_created ON dialogues (created_at DESC, id)`);

    // Linked petitions; `ordinal` keeps the order the events linked them in (so a load equals a replay).
    await q.query(`
      CREATE TABLE dialogue_petitions (
        dialogue_id uuid NOT NULL REFERENCES dialogues(id),
        petition_id uuid NOT NULL REFERENCES petitions(id),
        ordinal     integer NOT NULL,
        linked_at   timestamptz NOT NULL,
        PRIMARY KEY (dialogue_id, petition_id),
        UNIQUE (dialogue_id, ordinal)
      )`);
    // K9 asks "which dialogues are linked to this petition?" on every decision of a second-time complaint.
    await q.query(`CREATE INDEX dialogue_petitions_petition ON dialogue_petitions (petition_id)`);

    await q.query(`
      CREATE TABLE commitments (
        id                         uuid PRIMARY KEY,
        dialogue_id                uuid NOT NULL REFERENCES dialogues(id),
        question_id                text,
        title                      text NOT NULL,
        owner_unit_id              uuid NOT NULL REFERENCES units(id),
        owner_person               text,
        due_date                   date NOT NULL,
        default_due_date           boolean NOT NULL DEFAULT false,
        status                     text NOT NULL CHECK (status IN ('open', 'in_progress', 'done', 'overdue', 'transferred', 'dropped')),
        evidence                   jsonb NOT NULL DEFAULT '[]'::jsonb,
        transferred_to_petition_id uuid REFERENCES petitions(id),
        drop_reason                text,
        version                    integer NOT NULL CHECK (version > 0),
        created_at                 timestamptz NOT NULL,
        updated_at                 timestamptz NOT NULL,
        closed_at                  timestamptz,
        CHECK ((status = 'transferred') = (transferred_to_petition_id IS NOT NULL)),
        CHECK ((status = 'dropped') = (drop_reason IS NOT NULL))
      )`);
    // One commitment per question of the minutes.
    await q.query(`CREATE UNIQUE INDEX commitments_question ON commitments (dialogue_id, question_id) WHERE question_id IS NOT NULL`);
    await q.query(`CREATE INDEX commitments_dialogue ON commitments (dialogue_id, created_at)`);
    // The overdue list and the carry-over into the next conference: by owner unit, open statuses, due date.
    await q.query(`CREATE INDEX commitments_owner_status_due ON commitments (owner_unit_id, status, due_date)`);

    // One trigger function for every new audit trail (this one's and the reception days'); it names the table.
    await q.query(`
      CREATE FUNCTION audit_trail_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP;
      END $$`);
    for (const [table, subject, ref] of [
      ['dialogue_events', 'dialogue_id', 'dialogues'],
      ['commitment_events', 'commitment_id', 'commitments'],
    ] as const) {
      // The audit trail: one row per domain event, never updated or deleted (like petition_events).
      await q.query(`
        CREATE TABLE ${table} (
          id          bigserial PRIMARY KEY,
          ${subject}  uuid NOT NULL REFERENCES ${ref}(id),
          sequence    integer NOT NULL,
          type        text NOT NULL,
          actor_id    uuid REFERENCES users(id),
          actor_role  text,
          legal_basis text,
          occurred_at timestamptz NOT NULL,
          payload     jsonb NOT NULL,
          UNIQUE (${subject}, sequence)
        )`);
      await q.query(`
        CREATE TRIGGER ${table}_no_change BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION audit_trail_append_only()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['commitment_events', 'dialogue_events', 'commitments', 'dialogue_petitions', 'dialogues']) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
    await q.query(`DROP FUNCTION IF EXISTS audit_trail_append_only()`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Units, users, petitions with their append-only audit trail, the transactional outbox, idempotency keys,
 * stored notifications and the board's read model.
 */
export class InitialSchema1763800000000 implements MigrationInterface {
  name = 'InitialSchema1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);

    await q.query(`
      CREATE TABLE units (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code          text NOT NULL UNIQUE,
        official_code text,
        level         text NOT NULL CHECK (level IN ('province', 'commune', 'department', 'hamlet')),
        unit_type     text NOT NULL,
        name          text NOT NULL,
        parent_id     uuid REFERENCES units(id),
        province_id   uuid REFERENCES units(id),
        commune_id    uuid REFERENCES units(id),
        created_at    timestamptz NOT NULL DEFAULT now(),
        CHECK ((level = 'province') = (parent_id IS NULL)),
        CHECK (level = 'province' OR province_id IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX units_parent ON units (parent_id)`);
    await q.query(`CREATE INDEX units_province ON units (province_id)`);
    await q.query(`CREATE INDEX units_commune ON units (commune_id)`);

    await q.query(`
      CREATE TABLE users (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username      text NOT NULL,
        password_hash text NOT NULL,
        full_name     text NOT NULL,
        role          text NOT NULL CHECK (role IN ('desk', 'head', 'handler', 'board', 'admin')),
        unit_id       uuid NOT NULL REFERENCES units(id),
        active        boolean NOT NULL DEFAULT true,
        created_at    timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX users_username ON users (lower(username))`);
    await q.query(`CREATE INDEX users_unit ON users (unit_id)`);

    await q.query(`
      CREATE TABLE petitions (
        id                 uuid PRIMARY KEY,
        tracking_code      text NOT NULL UNIQUE,
        kind               text NOT NULL CHECK (kind IN ('complaint', 'denunciation', 'recommendation', 'feedback')),
        channel            text NOT NULL CHECK (channel IN ('in_person', 'mail', 'hotline', 'online', 'dialogue', 'transferred_in')),
        status             text NOT NULL,
        version            integer NOT NULL CHECK (version > 0),
        title              text NOT NULL,
        content            text NOT NULL,
        topic              text,
        location           text,
        petitioner         jsonb NOT NULL,
        co_petitioners     jsonb NOT NULL DEFAULT '[]'::jsonb,
        search_text        text NOT NULL,
        receiving_unit_id  uuid NOT NULL REFERENCES units(id),
        owning_unit_id     uuid NOT NULL REFERENCES units(id),
        assignee_id        uuid REFERENCES users(id),
        escalation_level   integer NOT NULL DEFAULT 0,
        parent_petition_id uuid REFERENCES petitions(id),
        created_by         uuid REFERENCES users(id),
        reopen_count       integer NOT NULL DEFAULT 0,
        created_at         timestamptz NOT NULL,
        updated_at         timestamptz NOT NULL,
        resolved_at        timestamptz,
        closed_at          timestamptz
      )`);
    await q.query(`CREATE INDEX petitions_owning_status ON petitions (owning_unit_id, status, created_at DESC)`);
    await q.query(`CREATE INDEX petitions_assignee ON petitions (assignee_id, status) WHERE assignee_id IS NOT NULL`);
    await q.query(`CREATE INDEX petitions_created ON petitions (created_at DESC, id)`);
    await q.query(`CREATE INDEX petitions_parent ON petitions (parent_petition_id) WHERE parent_petition_id IS NOT NULL`);

    // The audit trail: one row per domain event, never updated or deleted.
    await q.query(`
      CREATE TABLE petition_events (
        id          bigserial PRIMARY KEY,
        petition_id uuid NOT NULL REFERENCES petitions(id),
        sequence    integer NOT NULL,
        type        text NOT NULL,
        actor_id    uuid REFERENCES users(id),
        actor_role  text,
        legal_basis text,
        occurred_at timestamptz NOT NULL,
        payload     jsonb NOT NULL,
        UNIQUE (petition_id, sequence)
      )`);
    await q.query(`
      CREATE FUNCTION petition_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'petition_events is append-only (% refused)', TG_OP;
      END $$`);
    await q.query(`
      CREATE TRIGGER petition_events_no_change BEFORE UPDATE OR DELETE ON petition_events
      FOR EACH ROW EXECUTE FUNCTION petition_events_append_only()`);

    // Transactional outbox: written in the command's transaction, published by the worker's relay.
    await q.query(`
      CREATE TABLE outbox (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        queue        text NOT NULL,
        job_name     text NOT NULL,
        payload      jsonb NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
        published_at timestamptz,
        attempts     integer NOT NULL DEFAULT 0,
        last_error   text
      )`);
    await q.query(`CREATE INDEX outbox_pending ON outbox (created_at) WHERE published_at IS NULL`);

    await q.query(`
      CREATE TABLE idempotency_keys (
        user_id      uuid NOT NULL REFERENCES users(id),
        key          text NOT NULL,
        request_hash text NOT NULL,
        resource_id  uuid NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, key)
      )`);

    await q.query(`
      CREATE TABLE notifications (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        recipient_id uuid NOT NULL REFERENCES users(id),
        petition_id  uuid REFERENCES petitions(id),
        kind         text NOT NULL,
        message_key  text NOT NULL,
        params       jsonb NOT NULL DEFAULT '{}'::jsonb,
        source_key   text NOT NULL UNIQUE,
        created_at   timestamptz NOT NULL,
        read_at      timestamptz
      )`);
    await q.query(`CREATE INDEX notifications_recipient ON notifications (recipient_id, created_at DESC)`);

    // The board's read model: one row per petition, advanced only by newer event sequences.
    await q.query(`
      CREATE TABLE board_petitions (
        petition_id      uuid PRIMARY KEY REFERENCES petitions(id),
        province_id      uuid REFERENCES units(id),
        commune_id       uuid REFERENCES units(id),
        owning_unit_id   uuid NOT NULL REFERENCES units(id),
        kind             text NOT NULL,
        status           text NOT NULL,
        escalation_level integer NOT NULL,
        received_at      timestamptz NOT NULL,
        resolved_at      timestamptz,
        closed_at        timestamptz,
        last_sequence    integer NOT NULL,
        updated_at       timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX board_petitions_province ON board_petitions (province_id, status)`);
    await q.query(`CREATE INDEX board_petitions_commune ON board_petitions (commune_id, status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['board_petitions', 'notifications', 'idempotency_keys', 'outbox', 'petition_events', 'petitions', 'users', 'units']) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
    await q.query(`DROP FUNCTION IF EXISTS petition_events_append_only()`);
  }
}

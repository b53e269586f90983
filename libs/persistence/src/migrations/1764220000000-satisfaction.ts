import type { MigrationInterface, QueryRunner } from 'typeorm';

/** One-time satisfaction tokens and the citizens' ratings of resolved petitions (issue 4). */
export class Satisfaction1764220000000 implements MigrationInterface {
  name = 'Satisfaction1764220000000';

  async up(q: QueryRunner): Promise<void> {
    // Policy data, one row: how long a feedback link stays valid. Changed by SQL or a future admin screen.
    await q.query(`
      CREATE TABLE satisfaction_settings (
        id               smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        token_valid_days integer NOT NULL DEFAULT 30 CHECK (token_valid_days BETWEEN 1 AND 365),
        updated_at       timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`INSERT INTO satisfaction_settings (id, token_valid_days) VALUES (1, 30)`);

    // A token is derived from its row id with a server secret (HMAC), never stored: the row keeps the token's
    // SHA-256 for the lookup, so a database leak does not hand out working links. Unit and handler are taken at
    // resolution, so the rating goes to who gave the result even if the case moves on later.
    await q.query(`
      CREATE TABLE satisfaction_tokens (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        petition_id   uuid NOT NULL REFERENCES petitions(id),
        token_hash    bytea NOT NULL UNIQUE CHECK (octet_length(token_hash) = 32),
        unit_id       uuid NOT NULL REFERENCES units(id),
        handler_id    uuid REFERENCES users(id),
        issued_at     timestamptz NOT NULL,
        expires_at    timestamptz NOT NULL,
        used_at       timestamptz,
        superseded_at timestamptz,
        CHECK (expires_at > issued_at),
        CHECK (used_at IS NULL OR superseded_at IS NULL)
      )`);
    // At most one live link per petition: a re-resolution supersedes the old one before issuing a new one.
    await q.query(`CREATE UNIQUE INDEX satisfaction_tokens_live ON satisfaction_tokens (petition_id) WHERE used_at IS NULL AND superseded_at IS NULL`);
    await q.query(`CREATE INDEX satisfaction_tokens_petition ON satisfaction_tokens (petition_id)`);

    await q.query(`
      CREATE TABLE satisfaction_ratings (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        petition_id uuid NOT NULL REFERENCES petitions(id),
        token_id    uuid NOT NULL UNIQUE REFERENCES satisfaction_tokens(id),
        unit_id     uuid NOT NULL REFERENCES units(id),
        handler_id  uuid REFERENCES users(id),
        kind        text NOT NULL,
        satisfied   boolean NOT NULL,
        comment     text CHECK (char_length(comment) <= 2000),
        outcome     text NOT NULL CHECK (outcome IN ('recorded', 'reopened', 'second_complaint_right', 'lawsuit_right', 're_denunciation_right')),
        rated_at    timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX satisfaction_ratings_unit_rated ON satisfaction_ratings (unit_id, rated_at)`);
    await q.query(`CREATE INDEX satisfaction_ratings_rated ON satisfaction_ratings (rated_at)`);

    // Outgoing messages to citizens. A delivery gateway (SMS, e-mail, post) is future work: it will pick rows
    // with sent_at IS NULL and render each (CitizenMessages.render). Only the key and params are kept, and for a
    // feedback link the token row id: the link is derived when the message is rendered, never stored here.
    await q.query(`
      CREATE TABLE citizen_messages (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        petition_id uuid NOT NULL REFERENCES petitions(id),
        channel     text NOT NULL CHECK (channel IN ('sms', 'email', 'post')),
        address     text,
        message_key text NOT NULL,
        params      jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (NOT params ? 'link'),
        token_id    uuid REFERENCES satisfaction_tokens(id),
        created_at  timestamptz NOT NULL,
        sent_at     timestamptz,
        CHECK ((message_key = 'satisfaction.citizen_message.link') = (token_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX citizen_messages_unsent ON citizen_messages (created_at) WHERE sent_at IS NULL`);
    await q.query(`CREATE INDEX citizen_messages_petition ON citizen_messages (petition_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['citizen_messages', 'satisfaction_ratings', 'satisfaction_tokens', 'satisfaction_settings']) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}

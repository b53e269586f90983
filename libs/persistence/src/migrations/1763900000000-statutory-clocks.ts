import { DEFAULT_DEADLINE_POLICY, KNOWN_CIVIL_SERVICE_ENTRIES } from '@app/domain';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Statutory clocks (issue 3): versioned deadline policies, the editable working-day calendar, one row per
 * clock and per alert threshold, oversight watchers, case flags that choose period variants, and delivery
 * times on notifications. Deadlines live here; queued jobs only wake the worker up.
 */
export class StatutoryClocks1763900000000 implements MigrationInterface {
  name = 'StatutoryClocks1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE units ADD COLUMN remote_area boolean NOT NULL DEFAULT false, ADD COLUMN remote_area_ref text`);
    await q.query(`
      ALTER TABLE petitions
        ADD COLUMN instance smallint NOT NULL DEFAULT 1 CHECK (instance IN (1, 2)),
        ADD COLUMN complex boolean NOT NULL DEFAULT false,
        ADD COLUMN prolonged boolean NOT NULL DEFAULT false,
        ADD COLUMN addressed_to_party_head boolean NOT NULL DEFAULT false`);

    await q.query(`
      CREATE TABLE deadline_policies (
        version         integer PRIMARY KEY,
        effective_from  date NOT NULL,
        effective_to    date,
        legal_reference text NOT NULL,
        body            jsonb NOT NULL,
        published_by    uuid REFERENCES users(id),
        published_at    timestamptz NOT NULL DEFAULT now(),
        CHECK (effective_to IS NULL OR effective_to > effective_from)
      )`);
    const p = DEFAULT_DEADLINE_POLICY;
    await q.query(`INSERT INTO deadline_policies (version, effective_from, effective_to, legal_reference, body) VALUES ($1, $2, $3, $4, $5)`, [
      p.version,
      p.effectiveFrom,
      p.effectiveTo,
      p.legalReference,
      JSON.stringify(p),
    ]);

    // Administrator-maintained days: compensatory days, swapped days, late-announced holidays (DOMAIN.md §8.6).
    await q.query(`
      CREATE TABLE calendar_entries (
        date       date PRIMARY KEY,
        kind       text NOT NULL CHECK (kind IN ('holiday', 'compensatory', 'swap_off', 'swap_work')),
        name       text NOT NULL,
        legal_ref  text,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    for (const e of KNOWN_CIVIL_SERVICE_ENTRIES) {
      await q.query(`INSERT INTO calendar_entries (date, kind, name, legal_ref) VALUES ($1, $2, $3, $4)`, [e.date, e.kind, e.name, e.legalRef ?? null]);
    }

    await q.query(`
      CREATE TABLE petition_clocks (
        id              uuid PRIMARY KEY,
        petition_id     uuid NOT NULL REFERENCES petitions(id),
        kind            text NOT NULL CHECK (kind IN ('processing', 'acceptance', 'resolution', 'notice', 'party_reply')),
        rule_id         text NOT NULL,
        legal_basis     text NOT NULL,
        policy_version  integer NOT NULL REFERENCES deadline_policies(version),
        unit            text NOT NULL CHECK (unit IN ('calendar_days', 'working_days')),
        variant         text NOT NULL,
        days            integer NOT NULL CHECK (days > 0),
        start_event     text NOT NULL,
        started_at      timestamptz NOT NULL,
        status          text NOT NULL CHECK (status IN ('running', 'paused', 'breached', 'met', 'cancelled')),
        pauses          jsonb NOT NULL DEFAULT '[]'::jsonb,
        extensions      jsonb NOT NULL DEFAULT '[]'::jsonb,
        variant_changes jsonb NOT NULL DEFAULT '[]'::jsonb,
        due_at          timestamptz,
        breached_at     timestamptz,
        met_at          timestamptz,
        cancelled_at    timestamptz,
        version         integer NOT NULL DEFAULT 1,
        updated_at      timestamptz NOT NULL,
        UNIQUE (petition_id, rule_id)
      )`);
    await q.query(`CREATE INDEX petition_clocks_petition ON petition_clocks (petition_id)`);
    await q.query(`CREATE INDEX petition_clocks_open_due ON petition_clocks (due_at) WHERE status IN ('running', 'paused', 'breached')`);

    // One row per (clock, rung of the alert ladder). Firing sets fired_at exactly once.
    await q.query(`
      CREATE TABLE clock_thresholds (
        id             bigserial PRIMARY KEY,
        clock_id       uuid NOT NULL REFERENCES petition_clocks(id),
        petition_id    uuid NOT NULL REFERENCES petitions(id),
        key            text NOT NULL,
        due_at         timestamptz,
        notify         text[] NOT NULL,
        escalate       boolean NOT NULL,
        inform_citizen boolean NOT NULL,
        fired_at       timestamptz,
        UNIQUE (clock_id, key)
      )`);
    await q.query(`CREATE INDEX clock_thresholds_pending ON clock_thresholds (due_at) WHERE fired_at IS NULL AND due_at IS NOT NULL`);

    // One escalation (and one rights notice) per fired threshold, whatever the redeliveries.
    await q.query(
      `CREATE UNIQUE INDEX petition_events_per_threshold ON petition_events (type, (payload->>'thresholdId')) WHERE payload ? 'thresholdId'`,
    );

    await q.query(`
      CREATE TABLE petition_watchers (
        petition_id uuid NOT NULL REFERENCES petitions(id),
        unit_id     uuid NOT NULL REFERENCES units(id),
        reason      text NOT NULL,
        since       timestamptz NOT NULL,
        PRIMARY KEY (petition_id, unit_id)
      )`);
    await q.query(`CREATE INDEX petition_watchers_unit ON petition_watchers (unit_id)`);

    // Alerts are notifications: back-dated to when they were due, shown from when they may be delivered.
    await q.query(`ALTER TABLE notifications ADD COLUMN due_at timestamptz, ADD COLUMN deliver_at timestamptz`);
    await q.query(`UPDATE notifications SET deliver_at = created_at WHERE deliver_at IS NULL`);
    await q.query(`ALTER TABLE notifications ALTER COLUMN deliver_at SET NOT NULL`);
    await q.query(`CREATE INDEX notifications_recipient_deliver ON notifications (recipient_id, deliver_at DESC)`);

    // The shared clock of test and demo deployments (GRASSROOTS_TEST_CLOCK=1); never read in production.
    await q.query(`
      CREATE TABLE test_clock (
        id         boolean PRIMARY KEY DEFAULT true CHECK (id),
        offset_ms  bigint NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`INSERT INTO test_clock (id, offset_ms) VALUES (true, 0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['test_clock', 'petition_watchers', 'clock_thresholds', 'petition_clocks', 'calendar_entries', 'deadline_policies']) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
    await q.query(`ALTER TABLE notifications DROP COLUMN due_at, DROP COLUMN deliver_at`);
    await q.query(`ALTER TABLE petitions DROP COLUMN instance, DROP COLUMN complex, DROP COLUMN prolonged, DROP COLUMN addressed_to_party_head`);
    await q.query(`ALTER TABLE units DROP COLUMN remote_area, DROP COLUMN remote_area_ref`);
  }
}

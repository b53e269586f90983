import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live notifications: every statement that stores notifications or changes whether they are read signals the
 * API processes on the channel `grassroots_notifications` (NOTIFY), inside its own transaction, so a rolled-back
 * insert signals nothing and a committed one is never missed. Triggers rather than one call per write path: the
 * worker, the deadline sweep and the API all write notifications, and a forgotten path would leave a bell stale.
 *
 * Payloads hold ids only (`{"op":"created","id":…,"recipientId":…}`, `{"op":"read","recipientId":…}`); the API
 * loads what it shows with the recipient's own access. Statement-level, so marking everything read sends one
 * signal per recipient, not one per row.
 */
export class NotificationSignals1764402000000 implements MigrationInterface {
  name = 'NotificationSignals1764402000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION notifications_signal_created() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('grassroots_notifications', json_build_object('op', 'created', 'id', n.id, 'recipientId', n.recipient_id)::text)
           FROM new_rows n;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION notifications_signal_read() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('grassroots_notifications', json_build_object('op', 'read', 'recipientId', r.recipient_id)::text)
           FROM (SELECT DISTINCT n.recipient_id FROM new_rows n JOIN old_rows o ON o.id = n.id
                  WHERE n.read_at IS DISTINCT FROM o.read_at) r;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER notifications_signal_created AFTER INSERT ON notifications
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION notifications_signal_created()`);
    await q.query(`
      CREATE TRIGGER notifications_signal_read AFTER UPDATE ON notifications
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION notifications_signal_read()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER notifications_signal_read ON notifications`);
    await q.query(`DROP TRIGGER notifications_signal_created ON notifications`);
    await q.query(`DROP FUNCTION notifications_signal_read()`);
    await q.query(`DROP FUNCTION notifications_signal_created()`);
  }
}

import { type ReceptionDayEvent, type ReceptionDayState, replayReceptionDay } from '@app/domain';
import type { EntityManager } from 'typeorm';

/**
 * Raw-SQL persistence of reception days: the row is the queryable projection, the append-only event trail is
 * the record. State for a decision is rebuilt by replaying the trail, so row and trail cannot drift apart —
 * except for the attendees' names, which are personal data kept on the row only (never in the trail, which
 * cannot be erased, DOMAIN.md §7): `load` takes them from the row.
 */

/** The partial unique index behind "one live reception day per host and date". */
export const RECEPTION_DAY_HOST_DATE_CONSTRAINT = 'reception_days_host_date';

export const receptionDayStore = {
  async events(em: EntityManager, id: string): Promise<{ sequence: number; payload: ReceptionDayEvent }[]> {
    return em.query(`SELECT sequence, payload FROM reception_day_events WHERE reception_day_id = $1 ORDER BY sequence`, [id]);
  },

  async load(em: EntityManager, id: string): Promise<ReceptionDayState | null> {
    const events = await this.events(em, id);
    if (events.length === 0) return null;
    const state = replayReceptionDay(events.map((e) => e.payload));
    const rows: { attendee_names: string[] }[] = await em.query(`SELECT attendee_names FROM reception_days WHERE id = $1`, [id]);
    return { ...state, attendeeNames: rows[0]?.attendee_names ?? [] };
  },

  async insert(em: EntityManager, s: ReceptionDayState, plannedBy: string): Promise<void> {
    await em.query(
      `INSERT INTO reception_days (id, unit_id, host_user_id, position, date, venue, status, version, legal_basis, note,
                                   attendee_count, attendee_names, cancel_reason, planned_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
      [
        s.id,
        s.unitId,
        s.hostUserId,
        s.position,
        s.date,
        s.venue,
        s.status,
        s.version,
        s.legalBasis,
        s.note,
        s.attendeeCount,
        JSON.stringify(s.attendeeNames),
        s.cancelReason,
        plannedBy,
        s.createdAt,
        s.updatedAt,
      ],
    );
  },

  /** Compare-and-set on the version; false when someone else committed first. */
  async compareAndSet(em: EntityManager, s: ReceptionDayState, expectedVersion: number): Promise<boolean> {
    // A top-level UPDATE … RETURNING comes back from em.query as [rows, count]; a CTE gives plain rows.
    const rows: { n: number }[] = await em.query(
      `WITH u AS (
         UPDATE reception_days
            SET status = $3, version = $4, note = $5, attendee_count = $6, attendee_names = $7, cancel_reason = $8,
                updated_at = $9, held_recorded_at = $10, cancelled_at = $11
          WHERE id = $1 AND version = $2
         RETURNING 1)
       SELECT count(*)::int AS n FROM u`,
      [
        s.id,
        expectedVersion,
        s.status,
        s.version,
        s.note,
        s.attendeeCount,
        JSON.stringify(s.attendeeNames),
        s.cancelReason,
        s.updatedAt,
        s.heldRecordedAt,
        s.cancelledAt,
      ],
    );
    return rows[0]!.n === 1;
  },

  /** Appends events numbered from `firstSequence` (the version each event produced). */
  async appendEvents(em: EntityManager, events: readonly ReceptionDayEvent[], firstSequence: number): Promise<void> {
    for (const [i, e] of events.entries()) {
      await em.query(
        `INSERT INTO reception_day_events (reception_day_id, sequence, type, actor_id, actor_role, occurred_at, payload)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [e.receptionDayId, firstSequence + i, e.type, e.actorId, e.actorRole, e.at, JSON.stringify(e)],
      );
    }
  },

  async linkPetitions(em: EntityManager, receptionDayId: string, petitionIds: readonly string[], by: string, at: string): Promise<void> {
    if (petitionIds.length === 0) return;
    await em.query(
      `INSERT INTO reception_day_petitions (reception_day_id, petition_id, linked_by, linked_at)
       SELECT $1, unnest($2::uuid[]), $3, $4
       ON CONFLICT DO NOTHING`,
      [receptionDayId, petitionIds, by, at],
    );
  },
};

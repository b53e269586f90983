import type { PetitionEvent, PetitionState } from '@app/domain';
import type { EntityManager } from 'typeorm';
import { PetitionEventEntity } from '../entities/petition-event.entity.js';
import { PetitionEntity } from '../entities/petition.entity.js';

/** Maps a stored row to the state the domain decides on. */
export function toPetitionState(row: PetitionEntity): PetitionState {
  return {
    id: row.id,
    kind: row.kind,
    channel: row.channel,
    status: row.status,
    trackingCode: row.trackingCode,
    receivingUnitId: row.receivingUnitId,
    owningUnitId: row.owningUnitId,
    assigneeId: row.assigneeId,
    escalationLevel: row.escalationLevel,
    parentPetitionId: row.parentPetitionId,
    instance: row.instance,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    reopenCount: row.reopenCount,
    ...(row.anonymous ? { anonymous: true as const } : {}),
  };
}

const date = (iso: string | null): Date | null => (iso === null ? null : new Date(iso));

/**
 * Writes for the petition aggregate. Every method takes the caller's EntityManager so that state, events and
 * outbox rows commit (or roll back) together.
 */
export const petitionStore = {
  async load(em: EntityManager, id: string): Promise<PetitionEntity | null> {
    return em.findOne(PetitionEntity, { where: { id } });
  },

  async insert(
    em: EntityManager,
    row: Omit<PetitionEntity, 'searchText' | 'particularlyComplex' | 'anonymous'> & { searchText: string; particularlyComplex?: boolean; anonymous?: boolean },
  ): Promise<void> {
    await em.insert(PetitionEntity, row);
  },

  /**
   * Compare-and-set: writes the new state only if nobody committed since we read `expectedVersion`.
   * A concurrent writer holds the row lock; we wait, re-check the version, and lose cleanly.
   */
  async compareAndSet(em: EntityManager, next: PetitionState, expectedVersion: number): Promise<boolean> {
    const result = await em
      .createQueryBuilder()
      .update(PetitionEntity)
      .set({
        status: next.status,
        version: next.version,
        owningUnitId: next.owningUnitId,
        assigneeId: next.assigneeId,
        escalationLevel: next.escalationLevel,
        reopenCount: next.reopenCount,
        updatedAt: new Date(next.updatedAt),
        resolvedAt: date(next.resolvedAt),
        closedAt: date(next.closedAt),
      })
      .where('id = :id AND version = :expectedVersion', { id: next.id, expectedVersion })
      .execute();
    return result.affected === 1;
  },

  /** Appends events numbered from `firstSequence` (the petition version each event produced). */
  async appendEvents(em: EntityManager, events: readonly PetitionEvent[], firstSequence: number): Promise<void> {
    if (events.length === 0) return;
    await em.insert(
      PetitionEventEntity,
      events.map((e, i) => ({
        petitionId: e.petitionId,
        sequence: firstSequence + i,
        type: e.type,
        actorId: e.actorId,
        actorRole: e.actorRole,
        legalBasis: e.legalBasis,
        occurredAt: new Date(e.at),
        payload: e,
      })),
    );
  },

  async events(em: EntityManager, petitionId: string): Promise<PetitionEventEntity[]> {
    return em.find(PetitionEventEntity, { where: { petitionId }, order: { sequence: 'ASC' } });
  },

  /**
   * Complaint decisions issued in [since, until) by units matching `unitCondition` (a condition on the alias `u`
   * over `params`), with what their legal effect depends on: issuance, instance, the remote-area flag and the
   * first second-instance request (its event, or the linked case). `groupExpr` names each row's group.
   */
  async decidedComplaintsIn(
    em: EntityManager,
    unitCondition: string,
    groupExpr: string,
    params: readonly unknown[],
    since: Date,
    until: Date,
  ): Promise<{ groupId: string; resolvedAt: Date; instance: 1 | 2; remote: boolean; challengedAt: Date | null }[]> {
    const n = params.length;
    const rows: { group_id: string; resolved_at: Date; instance: 1 | 2; remote: boolean; challenged_at: Date | null }[] = await em.query(
      `SELECT ${groupExpr} AS group_id, p.resolved_at, p.instance,
              (u.remote_area OR coalesce(c.remote_area, false)) AS remote,
              least((SELECT min(e.occurred_at) FROM petition_events e WHERE e.petition_id = p.id AND e.type = 'SecondInstanceRequested'),
                    (SELECT min(q.created_at) FROM petitions q WHERE q.parent_petition_id = p.id AND q.instance = 2)) AS challenged_at
         FROM petitions p JOIN units u ON u.id = p.owning_unit_id LEFT JOIN units c ON c.id = u.commune_id
        WHERE p.kind = 'complaint' AND p.resolved_at >= $${n + 1} AND p.resolved_at < $${n + 2} AND (${unitCondition})`,
      [...params, since, until],
    );
    return rows.map((r) => ({ groupId: r.group_id, resolvedAt: r.resolved_at, instance: r.instance, remote: r.remote, challengedAt: r.challenged_at }));
  },

  /** Locks the petition row for a change that is not a workflow step (the same lock order as workflow actions). */
  async lockForUpdate(em: EntityManager, petitionId: string): Promise<void> {
    await em.query(`SELECT 1 FROM petitions WHERE id = $1 FOR NO KEY UPDATE`, [petitionId]);
  },

  /** The second-instance case opened from this petition, if any (at most one per decision). */
  async secondInstanceOf(em: EntityManager, petitionId: string): Promise<Pick<PetitionEntity, 'id' | 'trackingCode' | 'createdAt'> | null> {
    return em.findOne(PetitionEntity, { where: { parentPetitionId: petitionId, instance: 2 }, select: { id: true, trackingCode: true, createdAt: true }, order: { createdAt: 'ASC' } });
  },
};

/** Outbox writes share the command's transaction: the message exists if and only if the change committed. */
export const outboxStore = {
  async append(em: EntityManager, messages: readonly { queue: string; jobName: string; payload: object }[]): Promise<void> {
    if (messages.length === 0) return;
    const params: unknown[] = [];
    const rows = messages.map((m) => {
      params.push(m.queue, m.jobName, JSON.stringify(m.payload));
      const n = params.length;
      return `($${n - 2}, $${n - 1}, $${n}::jsonb)`;
    });
    await em.query(`INSERT INTO outbox (queue, job_name, payload) VALUES ${rows.join(', ')}`, params);
  },
};

import { randomUUID } from 'node:crypto';
import {
  type Clock,
  LABELS,
  type Message,
  normalizeDecisionRef,
  type PetitionClustered,
  type PetitionClusterClosed,
  type PetitionUnclustered,
  type Representative,
  RESOLVED_STATUSES,
  TERMINAL_STATUSES,
} from '@app/domain';
import { type PersonRecord, PetitionEntity, UnitEntity } from '@app/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import { accessScopeOf, unitInScope } from '../auth/access-scope.js';
import type { CurrentUser } from '../auth/current-user.js';
import { scopeSql, SqlParams } from '../board/board-access.js';
import { recordPetitionEvent } from '../petitions/petition-writer.js';
import { maySeeIdentity } from '../petitions/petition-view.js';
import { visiblePetition } from '../petitions/visible-petition.js';
import { AppError } from '../shared/app-error.js';
import { CLOCK } from '../shared/clock.provider.js';
import { clusterNotFound, requireGroupingWriter, scopeKeyOf } from './grouping-support.js';

export interface CreateClusterInput {
  readonly title: string;
  readonly petitionIds: readonly string[];
  readonly topicKey?: string;
  readonly respondentDecisionRef?: string;
  readonly place?: string;
  readonly note?: string;
}

export interface ClusterSummaryView {
  readonly id: string;
  readonly title: string;
  readonly topicKey: string | null;
  readonly respondentDecisionRef: string | null;
  readonly place: string | null;
  readonly status: string;
  readonly scopeUnitId: string;
  readonly scopeUnitName: string;
  readonly memberCount: number;
  /** Every signatory of every member petition (the petitioner and the co-petitioners). */
  readonly petitionerCount: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Set once the cluster is closed (the matter handled), with why. */
  readonly closedAt: string | null;
  readonly closeReason: string | null;
}

export interface ClusterMemberView {
  readonly petitionId: string;
  readonly trackingCode: string;
  readonly kind: string;
  readonly status: string;
  readonly statusLabel: Message;
  readonly title: string;
  readonly owningUnitId: string;
  readonly addedAt: string;
  readonly petitionerCount: number;
  /** Null when the viewer may not see who petitioned (board; a handler on a denunciation: DOMAIN.md §7). */
  readonly petitioner: PersonRecord | null;
  readonly coPetitioners: PersonRecord[] | null;
  readonly representatives: Representative[] | null;
  readonly identityWithheld: boolean;
  /** A decision, conclusion or answer has been given on this petition: its petitioners have been answered. */
  readonly answered: boolean;
}

export interface ClusterView extends ClusterSummaryView {
  readonly members: ClusterMemberView[];
  /** Signatories whose petition has been answered, out of petitionerCount: "handled once, every petitioner answered". */
  readonly petitionersAnswered: number;
}

interface ClusterRow {
  id: string;
  title: string;
  topic_key: string | null;
  respondent_decision_ref: string | null;
  place: string | null;
  status: string;
  scope_unit_id: string;
  scope_unit_name: string;
  member_count: number;
  petitioner_count: number;
  created_at: Date;
  updated_at: Date;
  closed_at: Date | null;
  close_reason: string | null;
}

const toSummary = (r: ClusterRow): ClusterSummaryView => ({
  id: r.id,
  title: r.title,
  topicKey: r.topic_key,
  respondentDecisionRef: r.respondent_decision_ref,
  place: r.place,
  status: r.status,
  scopeUnitId: r.scope_unit_id,
  scopeUnitName: r.scope_unit_name,
  memberCount: Number(r.member_count),
  petitionerCount: Number(r.petitioner_count),
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
  closedAt: r.closed_at?.toISOString() ?? null,
  closeReason: r.close_reason,
});

const CLUSTER_SELECT = `
  SELECT c.id, c.title, c.topic_key, c.respondent_decision_ref, c.place, c.status, c.scope_unit_id, su.name AS scope_unit_name,
         c.created_at, c.updated_at, c.closed_at, c.close_reason,
         (SELECT count(*) FROM petition_cluster_members m WHERE m.cluster_id = c.id)::int AS member_count,
         (SELECT coalesce(sum(1 + jsonb_array_length(p.co_petitioners)), 0) FROM petition_cluster_members m
            JOIN petitions p ON p.id = m.petition_id WHERE m.cluster_id = c.id)::int AS petitioner_count
    FROM petition_clusters c JOIN units su ON su.id = c.scope_unit_id`;

/** A cluster as the user may see it: outside their jurisdiction it does not exist for them (404). */
async function visibleCluster(em: EntityManager, user: CurrentUser, clusterId: string, lock = false): Promise<{ id: string; title: string; status: string; scopeUnitId: string }> {
  const rows: { id: string; title: string; status: string; scope_unit_id: string }[] = await em.query(
    `SELECT id, title, status, scope_unit_id FROM petition_clusters WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [clusterId],
  );
  if (rows.length === 0) throw clusterNotFound();
  const scopeUnit = await em.findOneOrFail(UnitEntity, { where: { id: rows[0]!.scope_unit_id } });
  if (!unitInScope(accessScopeOf(user), scopeUnit)) throw clusterNotFound();
  return { id: rows[0]!.id, title: rows[0]!.title, status: rows[0]!.status, scopeUnitId: rows[0]!.scope_unit_id };
}

/**
 * Clusters (petitions about one matter, handled once): create from petitions, add and remove members. Each
 * command is one transaction; each member that joins or leaves gets a PetitionClustered / PetitionUnclustered
 * event on its own audit trail (its version moves on). Petition rows are locked in id order, after the cluster.
 */
@Injectable()
export class ClusterCommandsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async create(user: CurrentUser, input: CreateClusterInput): Promise<string> {
    requireGroupingWriter(user);
    return this.dataSource.transaction(async (em) => {
      const now = this.clock.now();
      const id = randomUUID();
      const members = await this.lockMembers(em, user, input.petitionIds);
      const scopeUnitId = members[0]!.scopeKey;
      await em.query(
        `INSERT INTO petition_clusters (id, scope_unit_id, title, topic_key, respondent_decision_ref, decision_ref_key, place, status, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', $8, $9, $9)`,
        [
          id,
          scopeUnitId,
          input.title.trim(),
          input.topicKey?.trim() || null,
          input.respondentDecisionRef?.trim() || null,
          normalizeDecisionRef(input.respondentDecisionRef),
          input.place?.trim() || null,
          user.id,
          now,
        ],
      );
      await this.join(em, user, { id, title: input.title.trim() }, members, input.note ?? null, now);
      return id;
    });
  }

  async addMembers(user: CurrentUser, clusterId: string, petitionIds: readonly string[], note?: string): Promise<void> {
    requireGroupingWriter(user);
    await this.dataSource.transaction(async (em) => {
      const now = this.clock.now();
      const cluster = await visibleCluster(em, user, clusterId, true);
      if (cluster.status !== 'open') throw new AppError('conflict', 'grouping.cluster_closed');
      const members = await this.lockMembers(em, user, petitionIds, cluster.scopeUnitId);
      await this.join(em, user, cluster, members, note ?? null, now);
      await em.query(`UPDATE petition_clusters SET updated_at = $2 WHERE id = $1`, [clusterId, now]);
    });
  }

  async removeMember(user: CurrentUser, clusterId: string, petitionId: string, reason?: string): Promise<void> {
    requireGroupingWriter(user);
    await this.dataSource.transaction(async (em) => {
      const now = this.clock.now();
      const cluster = await visibleCluster(em, user, clusterId, true);
      if (cluster.status !== 'open') throw new AppError('conflict', 'grouping.cluster_closed');
      await em.query(`SELECT 1 FROM petitions WHERE id = $1 FOR NO KEY UPDATE`, [petitionId]);
      const deleted: unknown[] = await em.query(
        `WITH d AS (DELETE FROM petition_cluster_members WHERE cluster_id = $1 AND petition_id = $2 RETURNING petition_id) SELECT * FROM d`,
        [clusterId, petitionId],
      );
      if (deleted.length === 0) throw new AppError('not-found', 'grouping.not_member');
      const { row } = await visiblePetition(em, user, petitionId);
      const event: PetitionUnclustered = {
        type: 'PetitionUnclustered',
        petitionId,
        at: now.toISOString(),
        actorId: user.id,
        actorRole: user.role,
        legalBasis: null,
        clusterId,
        clusterTitle: cluster.title,
        reason: reason?.trim() || null,
      };
      await recordPetitionEvent(em, row, event);
      await em.query(`UPDATE petition_clusters SET updated_at = $2 WHERE id = $1`, [clusterId, now]);
    });
  }

  /**
   * Closes a cluster: the matter is handled. Reception or the head of the jurisdiction, with a reason; every
   * member keeps its place and gets a PetitionClusterClosed event on its trail. A closed cluster takes no more
   * members (409) and leaves the board's hot spots.
   */
  async close(user: CurrentUser, clusterId: string, reason: string): Promise<void> {
    requireGroupingWriter(user);
    await this.dataSource.transaction(async (em) => {
      const now = this.clock.now();
      const cluster = await visibleCluster(em, user, clusterId, true);
      if (cluster.status !== 'open') throw new AppError('conflict', 'grouping.cluster_closed');
      const why = reason.trim();
      const ids: { id: string }[] = await em.query(
        `SELECT p.id FROM petitions p JOIN petition_cluster_members m ON m.petition_id = p.id WHERE m.cluster_id = $1 ORDER BY p.id FOR NO KEY UPDATE OF p`,
        [clusterId],
      );
      const rows = ids.length === 0 ? [] : await em.find(PetitionEntity, { where: { id: In(ids.map((r) => r.id)) }, order: { id: 'ASC' } });
      for (const row of rows) {
        const event: PetitionClusterClosed = {
          type: 'PetitionClusterClosed',
          petitionId: row.id,
          at: now.toISOString(),
          actorId: user.id,
          actorRole: user.role,
          legalBasis: null,
          clusterId,
          clusterTitle: cluster.title,
          reason: why,
        };
        await recordPetitionEvent(em, row, event);
      }
      await em.query(
        `UPDATE petition_clusters SET status = 'closed', closed_at = $2, closed_by = $3, close_reason = $4, updated_at = $2 WHERE id = $1`,
        [clusterId, now, user.id, why],
      );
    });
  }

  /**
   * Locks the petitions (id order, so two commands over overlapping sets queue instead of deadlocking) and checks
   * each, in the order given: visible (404), still handled here (409), not in another cluster (409), and all in
   * one jurisdiction (422). Set-based: one statement locks and reads every petition's unit and cluster, one
   * loads the rows, however many petitions there are.
   */
  private async lockMembers(em: EntityManager, user: CurrentUser, petitionIds: readonly string[], scopeKey?: string) {
    const dup = petitionIds.findIndex((id, i) => petitionIds.indexOf(id) !== i);
    if (dup >= 0) throw new AppError('invalid', 'error.validation', {}, {}, [{ field: `petitionIds.${dup}`, messageKey: 'grouping.duplicate_ids' }]);
    const ids = [...petitionIds].sort();
    const facts: { id: string; unit_id: string; province_id: string | null; commune_id: string | null; cluster_id: string | null; cluster_title: string | null }[] =
      await em.query(
        `SELECT p.id, u.id AS unit_id, u.province_id, u.commune_id, c.id AS cluster_id, c.title AS cluster_title
           FROM petitions p
           JOIN units u ON u.id = p.owning_unit_id
           LEFT JOIN petition_cluster_members m ON m.petition_id = p.id
           LEFT JOIN petition_clusters c ON c.id = m.cluster_id
          WHERE p.id = ANY($1::uuid[])
          ORDER BY p.id
          FOR NO KEY UPDATE OF p`,
        [ids],
      );
    const byId = new Map(facts.map((f) => [f.id, f]));
    const rows = new Map((facts.length === 0 ? [] : await em.find(PetitionEntity, { where: { id: In(facts.map((f) => f.id)) } })).map((r) => [r.id, r]));
    const scope = accessScopeOf(user);
    const out: { row: PetitionEntity; scopeKey: string }[] = [];
    petitionIds.forEach((id, index) => {
      const f = byId.get(id);
      const row = rows.get(id);
      if (f === undefined || row === undefined || !unitInScope(scope, { provinceId: f.province_id, communeId: f.commune_id })) {
        throw new AppError('not-found', 'error.not_found', { what: LABELS.entity.petition });
      }
      if (TERMINAL_STATUSES.includes(row.status)) {
        throw new AppError('conflict', 'grouping.not_clusterable', { trackingCode: row.trackingCode, status: LABELS.status[row.status] }, { petitionId: id });
      }
      if (f.cluster_id !== null) {
        throw new AppError('conflict', 'grouping.already_clustered', { trackingCode: row.trackingCode, cluster: f.cluster_title ?? '' }, { petitionId: id, clusterId: f.cluster_id });
      }
      const key = scopeKeyOf({ id: f.unit_id, provinceId: f.province_id, communeId: f.commune_id });
      const expected = scopeKey ?? out[0]?.scopeKey ?? key;
      if (key !== expected) {
        throw new AppError('unprocessable', 'error.validation', {}, {}, [{ field: `petitionIds.${index}`, messageKey: 'grouping.scope_mismatch' }]);
      }
      out.push({ row, scopeKey: key });
    });
    return out;
  }

  private async join(
    em: EntityManager,
    user: CurrentUser,
    cluster: { id: string; title: string },
    members: readonly { row: PetitionEntity }[],
    note: string | null,
    now: Date,
  ): Promise<void> {
    await em.query(
      `INSERT INTO petition_cluster_members (petition_id, cluster_id, added_at, added_by, reason)
       SELECT petition_id, $2, $3, $4, $5 FROM unnest($1::uuid[]) AS petition_id`,
      [members.map((m) => m.row.id), cluster.id, now, user.id, note?.trim() || null],
    );
    for (const { row } of members) {
      const event: PetitionClustered = {
        type: 'PetitionClustered',
        petitionId: row.id,
        at: now.toISOString(),
        actorId: user.id,
        actorRole: user.role,
        legalBasis: null,
        clusterId: cluster.id,
        clusterTitle: cluster.title,
        reason: note?.trim() || null,
      };
      await recordPetitionEvent(em, row, event);
    }
  }
}

/** Reads clusters within the caller's jurisdiction (every role; identities only where the role may see them). */
@Injectable()
export class ClusterQueries {
  constructor(private readonly dataSource: DataSource) {}

  async list(user: CurrentUser, f: { page: number; pageSize: number; status?: 'open' | 'closed' }): Promise<{ items: ClusterSummaryView[]; total: number; page: number; pageSize: number }> {
    const params = new SqlParams();
    const where = [scopeSql(accessScopeOf(user), 'su', params)];
    if (f.status) where.push(`c.status = ${params.p(f.status)}`);
    const whereSql = where.join(' AND ');
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM petition_clusters c JOIN units su ON su.id = c.scope_unit_id WHERE ${whereSql}`,
      params.values,
    );
    const rows: ClusterRow[] = await this.dataSource.query(
      `${CLUSTER_SELECT} WHERE ${whereSql} ORDER BY c.updated_at DESC, c.id LIMIT ${params.p(f.pageSize)} OFFSET ${params.p((f.page - 1) * f.pageSize)}`,
      params.values,
    );
    return { items: rows.map(toSummary), total, page: f.page, pageSize: f.pageSize };
  }

  async get(user: CurrentUser, clusterId: string): Promise<ClusterView> {
    const em = this.dataSource.manager;
    await visibleCluster(em, user, clusterId);
    const [row]: ClusterRow[] = await em.query(`${CLUSTER_SELECT} WHERE c.id = $1`, [clusterId]);
    const members: {
      id: string;
      tracking_code: string;
      kind: PetitionEntity['kind'];
      status: PetitionEntity['status'];
      title: string;
      owning_unit_id: string;
      added_at: Date;
      petitioner: PersonRecord;
      co_petitioners: PersonRecord[];
      representatives: Representative[] | null;
    }[] = await em.query(
      `SELECT p.id, p.tracking_code, p.kind, p.status, p.title, p.owning_unit_id, m.added_at, p.petitioner, p.co_petitioners, g.representatives
         FROM petition_cluster_members m
         JOIN petitions p ON p.id = m.petition_id
         LEFT JOIN petition_grouping g ON g.petition_id = p.id
        WHERE m.cluster_id = $1
        ORDER BY m.added_at, p.created_at`,
      [clusterId],
    );
    const answeredStatuses: readonly string[] = [...RESOLVED_STATUSES, 'closed'];
    const views: ClusterMemberView[] = members.map((m) => {
      const identity = maySeeIdentity(user, m.kind);
      return {
        petitionId: m.id,
        trackingCode: m.tracking_code,
        kind: m.kind,
        status: m.status,
        statusLabel: LABELS.status[m.status],
        title: m.title,
        owningUnitId: m.owning_unit_id,
        addedAt: m.added_at.toISOString(),
        petitionerCount: 1 + m.co_petitioners.length,
        petitioner: identity ? m.petitioner : null,
        coPetitioners: identity ? m.co_petitioners : null,
        representatives: identity ? (m.representatives ?? []) : null,
        identityWithheld: !identity,
        answered: answeredStatuses.includes(m.status),
      };
    });
    return {
      ...toSummary(row!),
      members: views,
      petitionersAnswered: views.filter((v) => v.answered).reduce((n, v) => n + v.petitionerCount, 0),
    };
  }
}

import {
  type Clock,
  HOT_SPOT_POLICY,
  hotSpotReasons,
  type MatterMatch,
  type MatterText,
  matterWords,
  type Message,
  OPEN_STATUSES,
  type OverLevelAssessment,
  prepareMatter,
  type RepeatFinding,
  type Representative,
  REPRESENTATIVE_POLICY,
  renderMessage,
  scoreMatter,
} from '@app/domain';
import { UnitEntity } from '@app/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { accessScopeOf, unitInScope } from '../auth/access-scope.js';
import type { CurrentUser } from '../auth/current-user.js';
import { boardScopeOf, scopeSql, SqlParams } from '../board/board-access.js';
import { maySeeIdentity } from '../petitions/petition-view.js';
import { visiblePetition } from '../petitions/visible-petition.js';
import { AppError } from '../shared/app-error.js';
import { CLOCK } from '../shared/clock.provider.js';
import { inScopeKeySql, matterOf, scopeKeyOf } from './grouping-support.js';

/** A petition not yet saved, as reception types it: what intake asks "is this already a case here?" about. */
export interface MatterDraft extends MatterText {
  readonly receivingUnitId: string;
}

export interface MatchExplanation {
  readonly score: number;
  readonly reason: NonNullable<MatterMatch['reason']>;
  readonly reasonLabel: Message;
  readonly topic: number;
  readonly place: number | null;
  readonly sharedTerms: string[];
}

export interface PetitionCandidate extends MatchExplanation {
  readonly petitionId: string;
  readonly trackingCode: string;
  readonly title: string;
  readonly kind: string;
  readonly status: string;
  readonly clusterId: string | null;
}

export interface ClusterCandidate extends MatchExplanation {
  readonly clusterId: string;
  readonly title: string;
  readonly memberCount: number;
  /** The member that matched best, or null when the cluster's own title, place or decision matched. */
  readonly viaPetitionId: string | null;
}

export interface ClusterSuggestions {
  readonly scopeUnitId: string;
  readonly petitions: PetitionCandidate[];
  readonly clusters: ClusterCandidate[];
}

const MAX_SUGGESTIONS = 20;

const explain = (m: MatterMatch): MatchExplanation => ({
  score: m.score,
  reason: m.reason!,
  reasonLabel: renderMessage(`grouping.match.${m.reason!}`),
  topic: m.topic,
  place: m.place,
  sharedTerms: m.sharedTerms.slice(0, 12),
});

interface PetitionTextRow {
  id: string;
  tracking_code: string;
  title: string;
  content: string;
  location: string | null;
  kind: string;
  status: string;
  respondent_decision_ref: string | null;
  cluster_id: string | null;
}

/**
 * Cluster candidates: open petitions and open clusters of the same jurisdiction (a commune, or a province's
 * province-level units) ranked by the domain's matter score. The database only narrows the field (same
 * decision, or sharing at least one matter word in the folded search text); the domain scores and explains.
 */
@Injectable()
export class ClusterSuggestionsUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async forDraft(user: CurrentUser, draft: MatterDraft): Promise<ClusterSuggestions> {
    const em = this.dataSource.manager;
    const unit = await em.findOne(UnitEntity, { where: { id: draft.receivingUnitId } });
    if (unit === null || !unitInScope(accessScopeOf(user), unit)) {
      throw new AppError('unprocessable', 'petition.unit_invalid', {}, {}, [{ field: 'receivingUnitId', messageKey: 'petition.unit_invalid' }]);
    }
    return this.suggest(em, scopeKeyOf(unit), draft, null, null);
  }

  async forPetition(user: CurrentUser, petitionId: string): Promise<ClusterSuggestions> {
    const em = this.dataSource.manager;
    const { row, owningUnit } = await visiblePetition(em, user, petitionId);
    const facts: { respondent_decision_ref: string | null; cluster_id: string | null }[] = await em.query(
      `SELECT g.respondent_decision_ref, m.cluster_id
         FROM petitions p LEFT JOIN petition_grouping g ON g.petition_id = p.id LEFT JOIN petition_cluster_members m ON m.petition_id = p.id
        WHERE p.id = $1`,
      [petitionId],
    );
    const draft = { title: row.title, content: row.content, place: row.location, respondentDecisionRef: facts[0]?.respondent_decision_ref ?? null };
    return this.suggest(em, scopeKeyOf(owningUnit), draft, row.id, facts[0]?.cluster_id ?? null);
  }

  private async suggest(em: EntityManager, scopeKey: string, text: MatterText, selfId: string | null, selfClusterId: string | null): Promise<ClusterSuggestions> {
    const draft = prepareMatter(text);
    const words = [...new Set(matterWords(`${text.title} ${text.content ?? ''} ${text.place ?? ''}`))].slice(0, 60);
    const refKey = draft.refKey;
    const wordRegex = words.length > 0 ? `\\m(${words.join('|')})\\M` : null;
    const rows: PetitionTextRow[] = await em.query(
      `SELECT p.id, p.tracking_code, p.title, p.content, p.location, p.kind, p.status, g.respondent_decision_ref, m.cluster_id
         FROM petitions p
         JOIN units u ON u.id = p.owning_unit_id
         LEFT JOIN petition_grouping g ON g.petition_id = p.id
         LEFT JOIN petition_cluster_members m ON m.petition_id = p.id
        WHERE ${inScopeKeySql('u', '$1')} AND p.status = ANY($2)
          AND ($3::uuid IS NULL OR p.id <> $3)
          AND ($4::uuid IS NULL OR m.cluster_id IS DISTINCT FROM $4)
          AND ((g.decision_ref_key IS NOT NULL AND g.decision_ref_key = $5) OR ($6::text IS NOT NULL AND p.search_text ~ $6))
        ORDER BY p.created_at DESC
        LIMIT 1000`,
      [scopeKey, OPEN_STATUSES, selfId, selfClusterId, refKey, wordRegex],
    );
    const petitions: PetitionCandidate[] = [];
    for (const r of rows) {
      const m = scoreMatter(draft, matterOf(r));
      if (m.reason === null) continue;
      petitions.push({ petitionId: r.id, trackingCode: r.tracking_code, title: r.title, kind: r.kind, status: r.status, clusterId: r.cluster_id, ...explain(m) });
    }
    petitions.sort((a, b) => b.score - a.score);

    const clusterRows: { id: string; title: string; topic_key: string | null; place: string | null; respondent_decision_ref: string | null }[] = await em.query(
      `SELECT c.id, c.title, c.topic_key, c.place, c.respondent_decision_ref FROM petition_clusters c
        WHERE c.scope_unit_id = $1 AND c.status = 'open' AND ($2::uuid IS NULL OR c.id <> $2)
        ORDER BY c.updated_at DESC LIMIT 200`,
      [scopeKey, selfClusterId],
    );
    const memberRows: (PetitionTextRow & { cluster_id: string })[] =
      clusterRows.length === 0
        ? []
        : await em.query(
            `SELECT p.id, p.tracking_code, p.title, p.content, p.location, p.kind, p.status, g.respondent_decision_ref, m.cluster_id
               FROM petition_cluster_members m JOIN petitions p ON p.id = m.petition_id LEFT JOIN petition_grouping g ON g.petition_id = p.id
              WHERE m.cluster_id = ANY($1::uuid[])`,
            [clusterRows.map((c) => c.id)],
          );
    const clusters: ClusterCandidate[] = [];
    for (const c of clusterRows) {
      const members = memberRows.filter((m) => m.cluster_id === c.id);
      let best: { m: MatterMatch; via: string | null } | null = null;
      const own = scoreMatter(draft, { title: [c.title, c.topic_key ?? ''].join(' '), place: c.place, respondentDecisionRef: c.respondent_decision_ref });
      if (own.reason !== null) best = { m: own, via: null };
      for (const member of members) {
        const m = scoreMatter(draft, matterOf(member));
        if (m.reason !== null && (best === null || m.score > best.m.score)) best = { m, via: member.id };
      }
      if (best) clusters.push({ clusterId: c.id, title: c.title, memberCount: members.length, viaPetitionId: best.via, ...explain(best.m) });
    }
    clusters.sort((a, b) => b.score - a.score);
    return { scopeUnitId: scopeKey, petitions: petitions.slice(0, MAX_SUGGESTIONS), clusters: clusters.slice(0, MAX_SUGGESTIONS) };
  }
}

/** A repeat link to a petition in your jurisdiction. */
export interface VisibleRelatedPetitionView {
  readonly visible: true;
  readonly petitionId: string;
  readonly trackingCode: string;
  readonly status: string;
  readonly title: string;
  readonly finding: RepeatFinding;
  readonly explanation: Message;
  readonly linkedAt: string;
}

/**
 * A repeat link to a petition outside your jurisdiction: only that there is one and why. Its id, tracking code
 * (the citizen's public key) and status are not yours to see.
 */
export interface HiddenRelatedPetitionView {
  readonly visible: false;
  readonly finding: RepeatFinding;
}

export type RelatedPetitionView = VisibleRelatedPetitionView | HiddenRelatedPetitionView;

export interface PetitionGroupingView {
  readonly petitionId: string;
  readonly respondentDecisionRef: string | null;
  readonly petitionerCount: number;
  readonly groupPetition: boolean;
  /** Null when the viewer may not see who petitioned. */
  readonly representatives: Representative[] | null;
  /** A group petition (K16) with no representatives recorded yet. */
  readonly representativesMissing: boolean;
  readonly cluster: { readonly id: string; readonly title: string } | null;
  readonly flags: {
    readonly repeatOf: RelatedPetitionView[];
    readonly repeatedBy: RelatedPetitionView[];
    readonly overLevel: {
      readonly commune: { readonly id: string; readonly name: string } | null;
      readonly checks: { readonly check: string; readonly passed: boolean; readonly label: Message }[];
      readonly basis: string;
      readonly returnedAt: string | null;
      readonly returnedPetitionId: string | null;
    } | null;
  };
}

/** `GET /petitions/:id/related`: the grouping facts and flags of one petition. */
@Injectable()
export class PetitionGroupingQueries {
  constructor(private readonly dataSource: DataSource) {}

  async get(user: CurrentUser, petitionId: string): Promise<PetitionGroupingView> {
    const em = this.dataSource.manager;
    const { row } = await visiblePetition(em, user, petitionId);
    const g: {
      respondent_decision_ref: string | null;
      representatives: Representative[];
      over_level: OverLevelAssessment | null;
      returned_at: Date | null;
      returned_petition_id: string | null;
    }[] = await em.query(
      `SELECT respondent_decision_ref, representatives, over_level, returned_at, returned_petition_id FROM petition_grouping WHERE petition_id = $1`,
      [petitionId],
    );
    const cluster: { id: string; title: string }[] = await em.query(
      `SELECT c.id, c.title FROM petition_cluster_members m JOIN petition_clusters c ON c.id = m.cluster_id WHERE m.petition_id = $1`,
      [petitionId],
    );
    const scope = accessScopeOf(user);
    // A repeat link says "the same person wrote both". Next to a denunciation that names the denouncer to
    // anyone who may see the other petition's petitioner (DOMAIN.md §7): a viewer who may not see a
    // denunciation's identity sees no link touching one, in either direction.
    const mayLink = (kind: string) => kind !== 'denunciation' || maySeeIdentity(user, kind);
    const links = async (mine: 'petition_id' | 'related_petition_id', other: 'petition_id' | 'related_petition_id'): Promise<RelatedPetitionView[]> => {
      if (!mayLink(row.kind)) return [];
      const rows: {
        id: string;
        tracking_code: string;
        status: string;
        kind: string;
        title: string;
        province_id: string | null;
        commune_id: string | null;
        reason: RepeatFinding;
        created_at: Date;
      }[] = await em.query(
        `SELECT p.id, p.tracking_code, p.status, p.kind, p.title, u.province_id, u.commune_id, l.reason, l.created_at
           FROM petition_links l JOIN petitions p ON p.id = l.${other} JOIN units u ON u.id = p.owning_unit_id
          WHERE l.${mine} = $1 AND l.kind = 'repeat' ORDER BY l.created_at, p.created_at`,
        [petitionId],
      );
      return rows
        .filter((r) => mayLink(r.kind))
        .map((r): RelatedPetitionView => {
          if (!unitInScope(scope, { provinceId: r.province_id, communeId: r.commune_id })) return { visible: false, finding: r.reason };
          return {
            visible: true,
            petitionId: r.id,
            trackingCode: r.tracking_code,
            status: r.status,
            title: r.title,
            finding: r.reason,
            explanation: renderMessage('grouping.repeat_explained', {
              person: renderMessage(`grouping.person.${r.reason.person}`),
              matter: renderMessage(`grouping.match.${r.reason.matter}`),
              score: r.reason.score,
            }),
            linkedAt: r.created_at.toISOString(),
          };
        });
    };
    const petitionerCount = 1 + row.coPetitioners.length;
    const groupPetition = petitionerCount >= REPRESENTATIVE_POLICY.groupMinPetitioners;
    const reps = g[0]?.representatives ?? [];
    const over = g[0]?.over_level ?? null;
    return {
      petitionId,
      respondentDecisionRef: g[0]?.respondent_decision_ref ?? null,
      petitionerCount,
      groupPetition,
      representatives: maySeeIdentity(user, row.kind) ? reps : null,
      representativesMissing: groupPetition && reps.length === 0,
      cluster: cluster[0] ?? null,
      flags: {
        repeatOf: await links('petition_id', 'related_petition_id'),
        repeatedBy: await links('related_petition_id', 'petition_id'),
        overLevel:
          over === null
            ? null
            : {
                commune: over.commune,
                checks: over.checks.map((c) => ({
                  ...c,
                  label: renderMessage(`grouping.over_level.${c.check}`, { commune: over.commune?.name ?? '' }),
                })),
                basis: over.basis,
                returnedAt: g[0]?.returned_at?.toISOString() ?? null,
                returnedPetitionId: g[0]?.returned_petition_id ?? null,
              },
      },
    };
  }
}

export interface HotSpotView {
  readonly clusterId: string;
  readonly title: string;
  readonly scopeUnitId: string;
  readonly scopeUnitName: string;
  readonly memberCount: number;
  readonly petitionerCount: number;
  readonly newMembers: number;
  readonly newPetitioners: number;
  readonly largestPetition: number;
  readonly hot: boolean;
  readonly reasons: { readonly code: string; readonly message: Message }[];
}

/** An open group petition (đông người) that is in no cluster: a hot spot by itself. Counts only, no identities. */
export interface GroupPetitionHotSpotView {
  readonly petitionId: string;
  readonly kind: string;
  readonly status: string;
  readonly owningUnitId: string;
  readonly owningUnitName: string;
  readonly petitionerCount: number;
  readonly receivedAt: string;
  readonly reasons: { readonly code: 'group_petition'; readonly message: Message }[];
}

/**
 * `GET /board/hot-spots`: open clusters in the caller's jurisdiction with their size and growth over the last
 * `days` days (by when members joined), hot ones first; and the open group petitions (at least the policy's
 * group size of signatories) that are in no cluster, largest first. Counts only: the board never sees who petitioned.
 */
@Injectable()
export class HotSpotsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(user: CurrentUser, q: { days?: number; hotOnly?: boolean }) {
    const scope = boardScopeOf(user);
    const days = q.days ?? HOT_SPOT_POLICY.defaultWindowDays;
    const now = this.clock.now();
    const since = new Date(now.getTime() - days * 24 * 3600 * 1000);
    const params = new SqlParams();
    const sinceP = params.p(since);
    const rows: {
      id: string;
      title: string;
      scope_unit_id: string;
      scope_unit_name: string;
      members: number;
      petitioners: number;
      new_members: number;
      new_petitioners: number;
      largest: number;
    }[] = await this.dataSource.query(
      `SELECT c.id, c.title, c.scope_unit_id, su.name AS scope_unit_name,
              count(m.petition_id)::int AS members,
              coalesce(sum(1 + jsonb_array_length(p.co_petitioners)), 0)::int AS petitioners,
              (count(m.petition_id) FILTER (WHERE m.added_at > ${sinceP}))::int AS new_members,
              coalesce(sum(1 + jsonb_array_length(p.co_petitioners)) FILTER (WHERE m.added_at > ${sinceP}), 0)::int AS new_petitioners,
              coalesce(max(1 + jsonb_array_length(p.co_petitioners)), 0)::int AS largest
         FROM petition_clusters c
         JOIN units su ON su.id = c.scope_unit_id
         LEFT JOIN petition_cluster_members m ON m.cluster_id = c.id
         LEFT JOIN petitions p ON p.id = m.petition_id
        WHERE c.status = 'open' AND ${scopeSql(scope, 'su', params)}
        GROUP BY c.id, su.name`,
      params.values,
    );
    const items: HotSpotView[] = rows.map((r) => {
      const reasons = hotSpotReasons({ newPetitioners: r.new_petitioners, largestPetition: r.largest });
      return {
        clusterId: r.id,
        title: r.title,
        scopeUnitId: r.scope_unit_id,
        scopeUnitName: r.scope_unit_name,
        memberCount: r.members,
        petitionerCount: r.petitioners,
        newMembers: r.new_members,
        newPetitioners: r.new_petitioners,
        largestPetition: r.largest,
        hot: reasons.length > 0,
        reasons: reasons.map((code) => ({
          code,
          message:
            code === 'growth'
              ? renderMessage('grouping.hot.growth', { count: r.new_petitioners, days, threshold: HOT_SPOT_POLICY.growthPetitioners })
              : renderMessage('grouping.hot.group_petition', { count: r.largest, threshold: HOT_SPOT_POLICY.groupPetitioners }),
        })),
      };
    });
    items.sort((a, b) => Number(b.hot) - Number(a.hot) || b.newPetitioners - a.newPetitioners || b.petitionerCount - a.petitionerCount || a.clusterId.localeCompare(b.clusterId));

    const groupParams = new SqlParams();
    const groupRows: { id: string; kind: string; status: string; owning_unit_id: string; owning_unit_name: string; petitioners: number; created_at: Date }[] =
      await this.dataSource.query(
        `SELECT p.id, p.kind, p.status, p.owning_unit_id, u.name AS owning_unit_name, (1 + jsonb_array_length(p.co_petitioners))::int AS petitioners, p.created_at
           FROM petitions p
           JOIN units u ON u.id = p.owning_unit_id
          WHERE p.status = ANY(${groupParams.p(OPEN_STATUSES)}) AND ${scopeSql(scope, 'u', groupParams)}
            AND 1 + jsonb_array_length(p.co_petitioners) >= ${groupParams.p(HOT_SPOT_POLICY.groupPetitioners)}
            AND NOT EXISTS (SELECT 1 FROM petition_cluster_members m WHERE m.petition_id = p.id)
          ORDER BY petitioners DESC, p.created_at DESC, p.id
          LIMIT 200`,
        groupParams.values,
      );
    const groupPetitions: GroupPetitionHotSpotView[] = groupRows.map((r) => ({
      petitionId: r.id,
      kind: r.kind,
      status: r.status,
      owningUnitId: r.owning_unit_id,
      owningUnitName: r.owning_unit_name,
      petitionerCount: r.petitioners,
      receivedAt: r.created_at.toISOString(),
      reasons: [
        { code: 'group_petition', message: renderMessage('grouping.hot.group_petition', { count: r.petitioners, threshold: HOT_SPOT_POLICY.groupPetitioners }) },
      ],
    }));
    return {
      asOf: now.toISOString(),
      windowDays: days,
      since: since.toISOString(),
      thresholds: { growthPetitioners: HOT_SPOT_POLICY.growthPetitioners, groupPetitioners: HOT_SPOT_POLICY.groupPetitioners },
      items: q.hotOnly ? items.filter((i) => i.hot) : items,
      groupPetitions,
    };
  }
}

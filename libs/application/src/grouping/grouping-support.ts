import {
  LABELS,
  type MatterText,
  normalizeDecisionRef,
  OPEN_STATUSES,
  type PersonFacts,
  type RepresentativeRefusal,
  REPRESENTATIVE_POLICY,
  renderMessage,
  RESOLVED_STATUSES,
  type PetitionStatus,
} from '@app/domain';
import type { PersonRecord } from '@app/persistence';
import type { EntityManager } from 'typeorm';
import type { CurrentUser } from '../auth/current-user.js';
import { AppError } from '../shared/app-error.js';

/**
 * The jurisdiction a petition or cluster belongs to for grouping: its commune (a commune's own id; its
 * departments and hamlets share it), or for province-level units the province id. Clusters never mix the two.
 */
export function scopeKeyOf(unit: { communeId: string | null; provinceId: string | null; id: string }): string {
  return unit.communeId ?? unit.provinceId ?? unit.id;
}

/** SQL for "the unit alias `u` belongs to scope key $n". */
export const inScopeKeySql = (unitAlias: string, param: string) => `coalesce(${unitAlias}.commune_id, ${unitAlias}.province_id) = ${param}`;

/** Clusters, representatives: reception and the competent head change them; everyone else reads. */
export function requireGroupingWriter(user: CurrentUser): void {
  if (user.role !== 'desk' && user.role !== 'head') {
    throw new AppError('forbidden', 'grouping.role_not_allowed', { role: LABELS.role[user.role] });
  }
}

/** Petitions still being handled at their unit, and those already answered: what repeats and clusters look at. */
export const OPEN_OR_RESOLVED: readonly PetitionStatus[] = [...OPEN_STATUSES, ...RESOLVED_STATUSES, 'closed'];

export const clusterNotFound = () => new AppError('not-found', 'error.not_found', { what: renderMessage('grouping.entity.cluster') });

/** The petitioner first, then the co-petitioners: index 0 is the petitioner (as representatives refer to them). */
export function signatories(petitioner: PersonRecord, coPetitioners: readonly PersonRecord[]): PersonFacts[] {
  return [petitioner, ...coPetitioners];
}

/** A K16 refusal as a problem: a count that breaks the rule is a 409 naming it; a wrong person is a 422 on that entry. */
export function representativeRefusalToError(r: RepresentativeRefusal, field = 'representatives'): AppError {
  switch (r.code) {
    case 'not-a-group':
      return new AppError(
        'conflict',
        'grouping.representatives_not_group',
        { petitioners: r.petitioners, groupMin: r.groupMin, legalBasis: REPRESENTATIVE_POLICY.legalBasis },
        { petitioners: r.petitioners, groupMin: r.groupMin },
      );
    case 'count':
      return new AppError(
        'conflict',
        'grouping.representatives_count',
        { petitioners: r.petitioners, min: r.min, max: r.max, given: r.given, legalBasis: REPRESENTATIVE_POLICY.legalBasis },
        { petitioners: r.petitioners, min: r.min, max: r.max, given: r.given },
      );
    case 'not-a-petitioner':
      return new AppError('unprocessable', 'error.validation', {}, {}, [{ field: `${field}.${r.index}`, messageKey: 'grouping.representative_not_petitioner' }]);
    case 'duplicate':
      return new AppError('unprocessable', 'error.validation', {}, {}, [{ field: `${field}.${r.index}`, messageKey: 'grouping.representative_duplicate' }]);
  }
}

/** Stores (or updates) the grouping facts of a petition; only the given columns change. */
export async function upsertGrouping(
  em: EntityManager,
  petitionId: string,
  now: Date,
  set: {
    respondentDecisionRef?: string | null;
    representatives?: unknown[];
    representativesSetBy?: string | null;
    overLevel?: unknown;
    overLevelCommuneId?: string | null;
    returnedPetitionId?: string;
  },
): Promise<void> {
  const cols: string[] = [];
  const vals: unknown[] = [petitionId, now];
  const add = (col: string, v: unknown, cast = '') => {
    vals.push(v);
    cols.push(`${col} = $${vals.length}${cast}`);
    return `$${vals.length}${cast}`;
  };
  const insertCols: string[] = [];
  const insertVals: string[] = [];
  const both = (col: string, v: unknown, cast = '') => {
    const ph = add(col, v, cast);
    insertCols.push(col);
    insertVals.push(ph);
  };
  if (set.respondentDecisionRef !== undefined) {
    both('respondent_decision_ref', set.respondentDecisionRef);
    both('decision_ref_key', normalizeDecisionRef(set.respondentDecisionRef));
  }
  if (set.representatives !== undefined) {
    both('representatives', JSON.stringify(set.representatives), '::jsonb');
    both('representatives_set_at', now);
    both('representatives_set_by', set.representativesSetBy ?? null);
  }
  if (set.overLevel !== undefined) {
    both('over_level', JSON.stringify(set.overLevel), '::jsonb');
    both('over_level_commune_id', set.overLevelCommuneId ?? null);
  }
  if (set.returnedPetitionId !== undefined) {
    both('returned_at', now);
    both('returned_petition_id', set.returnedPetitionId);
  }
  await em.query(
    `INSERT INTO petition_grouping (petition_id, updated_at${insertCols.map((c) => `, ${c}`).join('')})
     VALUES ($1, $2${insertVals.map((v) => `, ${v}`).join('')})
     ON CONFLICT (petition_id) DO UPDATE SET updated_at = $2${cols.map((c) => `, ${c}`).join('')}`,
    vals,
  );
}

/** The matter of a stored petition, for scoring. */
export function matterOf(row: { title: string; content: string; location: string | null; respondent_decision_ref: string | null }): MatterText {
  return { title: row.title, content: row.content, place: row.location, respondentDecisionRef: row.respondent_decision_ref };
}


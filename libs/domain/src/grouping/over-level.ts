import type { PetitionChannel, PetitionKind } from '../petition/petition-kind.js';
import { foldForSearch } from '../shared/search-text.js';

/**
 * "Vượt cấp": a citizen skips the commune and goes straight to the province with a matter the commune is
 * competent for. The province does not resolve it; it transfers it back (or guides the citizen) and keeps a
 * watch (DOMAIN.md §4.4, "giải quyết từ cơ sở"). This is a heuristic that only flags; people decide.
 */
export interface OverLevelPolicy {
  /**
   * Kinds a commune is normally competent for. Denunciations are left out: one against a commune official's
   * conduct belongs to the province head (LTC Art 13 ⚠️), so sending it to the province is not skipping a level.
   */
  readonly kinds: readonly PetitionKind[];
  readonly basis: string;
}

export const OVER_LEVEL_POLICY: OverLevelPolicy = {
  kinds: ['complaint', 'recommendation', 'feedback'],
  basis: 'DOMAIN.md §4.4 (vượt cấp: chuyển về hoặc hướng dẫn về cấp có thẩm quyền và theo dõi)',
};

export interface CommuneRef {
  readonly id: string;
  readonly name: string;
}

const words = (s: string) => ` ${foldForSearch(s).replace(/[^a-z0-9]+/g, ' ').trim()} `;

/**
 * The commune an address names, by its full name with its type ("phường Hạ Long", "xã Tiên Yên"), with or
 * without diacritics; the longest name wins when several match. Null when none or the address is blank.
 */
export function communeInAddress(address: string | null | undefined, communes: readonly CommuneRef[]): CommuneRef | null {
  if (address === null || address === undefined || address.trim() === '') return null;
  const text = words(address);
  let best: CommuneRef | null = null;
  for (const c of communes) {
    const name = words(c.name);
    if (name.trim() !== '' && text.includes(name) && (best === null || c.name.length > best.name.length)) best = c;
  }
  return best;
}

export interface OverLevelFacts {
  readonly kind: PetitionKind;
  readonly channel: PetitionChannel;
  /** The receiving unit is at the province (the province itself or a province-level body), not in a commune. */
  readonly receivedAtProvinceLevel: boolean;
  /** A transferred-in or second-instance petition references an earlier case. */
  readonly parentPetitionId: string | null;
  readonly instance: 1 | 2;
  readonly respondentDecisionRef: string | null;
  /** The commune named in the petitioner's address, if any (see communeInAddress). */
  readonly petitionerCommune: CommuneRef | null;
}

/** Each test the heuristic made, in order, with whether it passed: the explanation shown with the flag. */
export type OverLevelCheck =
  | 'received_at_province_level'
  | 'commune_competent_kind'
  | 'first_instance_not_transferred'
  | 'no_decision_referenced'
  | 'petitioner_commune_known';

export interface OverLevelAssessment {
  readonly overLevel: boolean;
  readonly commune: CommuneRef | null;
  readonly checks: readonly { readonly check: OverLevelCheck; readonly passed: boolean }[];
  readonly basis: string;
}

/**
 * Flags a petition as over-level when every check passes: received at province level; a kind the commune is
 * competent for; a first-instance case that no other unit sent (a second-time complaint belongs at the
 * province); no decision referenced (a referenced decision may be the province's own, or a first decision
 * being appealed); and the petitioner's commune is known from their address.
 */
export function assessOverLevel(f: OverLevelFacts, policy: OverLevelPolicy = OVER_LEVEL_POLICY): OverLevelAssessment {
  const checks: { check: OverLevelCheck; passed: boolean }[] = [
    { check: 'received_at_province_level', passed: f.receivedAtProvinceLevel },
    { check: 'commune_competent_kind', passed: policy.kinds.includes(f.kind) },
    { check: 'first_instance_not_transferred', passed: f.instance === 1 && f.parentPetitionId === null && f.channel !== 'transferred_in' },
    { check: 'no_decision_referenced', passed: f.respondentDecisionRef === null || f.respondentDecisionRef.trim() === '' },
    { check: 'petitioner_commune_known', passed: f.petitionerCommune !== null },
  ];
  return { overLevel: checks.every((c) => c.passed), commune: f.petitionerCommune, checks, basis: policy.basis };
}

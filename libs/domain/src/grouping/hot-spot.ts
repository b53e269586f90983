import { REPRESENTATIVE_POLICY } from './representatives.js';

/**
 * When a cluster is a hot spot for the mass-mobilization board: it grew by at least `growthPetitioners`
 * petitioners within the window, or one of its petitions is a group petition (đông người, ≥ 5 petitioners,
 * an escalation trigger of DOMAIN.md §4.4). A design proposal, not law: data, so it can be tuned.
 */
export interface HotSpotPolicy {
  readonly defaultWindowDays: number;
  readonly growthPetitioners: number;
  readonly groupPetitioners: number;
}

export const HOT_SPOT_POLICY: HotSpotPolicy = {
  defaultWindowDays: 7,
  growthPetitioners: 5,
  groupPetitioners: REPRESENTATIVE_POLICY.groupMinPetitioners,
};

export type HotSpotReason = 'growth' | 'group_petition';

export interface ClusterActivity {
  /** Petitioners (each petition's petitioner and co-petitioners) of members added within the window. */
  readonly newPetitioners: number;
  /** The most petitioners on any one member petition. */
  readonly largestPetition: number;
}

export function hotSpotReasons(a: ClusterActivity, policy: HotSpotPolicy = HOT_SPOT_POLICY): HotSpotReason[] {
  const reasons: HotSpotReason[] = [];
  if (a.newPetitioners >= policy.growthPetitioners) reasons.push('growth');
  if (a.largestPetition >= policy.groupPetitioners) reasons.push('group_petition');
  return reasons;
}

import { foldForSearch } from '../shared/search-text.js';

/**
 * How many representatives a group of petitioners appoints (K16: ND 124/2020 Art 6(2), taking over ND 75/2012
 * Art 5; LTCD Art 30 for reception): 5 to 10 people → at most 2; from 11 people → more, at most 5. Exactly 10 is
 * in the first band: ND 75/2012 said "from 10 people upwards" for the second band, so 10 fell in both; ND 124
 * closed the overlap with "from 11". Data, not code: a decree guiding Law 136/2025 may replace ND 124.
 */
export interface RepresentativePolicy {
  /** A petition with at least this many petitioners is a group petition (đông người). */
  readonly groupMinPetitioners: number;
  /** Bands by number of petitioners, ascending; `maxPetitioners: null` is open-ended. */
  readonly bands: readonly { readonly minPetitioners: number; readonly maxPetitioners: number | null; readonly minRepresentatives: number; readonly maxRepresentatives: number }[];
  readonly legalBasis: string;
}

export const REPRESENTATIVE_POLICY: RepresentativePolicy = {
  groupMinPetitioners: 5,
  bands: [
    { minPetitioners: 5, maxPetitioners: 10, minRepresentatives: 1, maxRepresentatives: 2 },
    { minPetitioners: 11, maxPetitioners: null, minRepresentatives: 1, maxRepresentatives: 5 },
  ],
  legalBasis: 'Nghị định 124/2020/NĐ-CP Điều 6 khoản 2; Luật Tiếp công dân 2013 Điều 30',
};

/** A person as the petition records them (the petitioner or a co-petitioner). */
export interface PersonFacts {
  readonly fullName: string;
  readonly idNumber?: string | null;
  readonly phone?: string | null;
  readonly address?: string | null;
}

/** A representative as recorded: who (one of the petitioners) and how to reach them. */
export interface Representative {
  readonly fullName: string;
  readonly idNumber: string | null;
  readonly phone: string | null;
  /** 0 = the petitioner, n = co-petitioner n-1: which signatory was appointed. */
  readonly petitionerIndex: number;
}

export type RepresentativeRefusal =
  | { readonly code: 'not-a-group'; readonly petitioners: number; readonly groupMin: number }
  | { readonly code: 'count'; readonly petitioners: number; readonly given: number; readonly min: number; readonly max: number }
  | { readonly code: 'not-a-petitioner'; readonly index: number }
  | { readonly code: 'duplicate'; readonly index: number };

export type RepresentativeCheck = { readonly ok: true; readonly representatives: Representative[] } | { readonly ok: false; readonly refusal: RepresentativeRefusal };

/** Digits only, with the +84 country code written as the domestic 0: "+84 912.345.678" → "0912345678". */
export function normalizePhone(phone: string | null | undefined): string | null {
  if (phone === null || phone === undefined) return null;
  const digits = phone.replace(/\D/g, '');
  if (digits === '') return null;
  return phone.trim().startsWith('+84') || (digits.startsWith('84') && digits.length === 11) ? `0${digits.slice(2)}` : digits;
}

const blankToNull = (s: string | null | undefined): string | null => (s === null || s === undefined || s.trim() === '' ? null : s.trim());

/**
 * Whether a named representative is this signatory: the ID number decides when both have one; otherwise the
 * folded full name must match and, when both give a phone, the phone too.
 */
function isSignatory(rep: PersonFacts, p: PersonFacts): boolean {
  const repId = blankToNull(rep.idNumber);
  const pId = blankToNull(p.idNumber);
  if (repId !== null && pId !== null) return repId === pId;
  if (foldForSearch(rep.fullName) !== foldForSearch(p.fullName)) return false;
  const repPhone = normalizePhone(rep.phone);
  const pPhone = normalizePhone(p.phone);
  return repPhone === null || pPhone === null || repPhone === pPhone;
}

/** The band of the policy that applies to this many petitioners, or null below the group threshold. */
export function representativeBand(petitioners: number, policy: RepresentativePolicy = REPRESENTATIVE_POLICY) {
  if (petitioners < policy.groupMinPetitioners) return null;
  return policy.bands.find((b) => petitioners >= b.minPetitioners && (b.maxPetitioners === null || petitioners <= b.maxPetitioners)) ?? null;
}

/**
 * Checks the representatives of a group petition (K16): the group must be one (≥ 5 petitioners), the count
 * must fit its band, and each representative must be one of the signatories, at most once.
 */
export function checkRepresentatives(
  petitioners: readonly PersonFacts[],
  representatives: readonly PersonFacts[],
  policy: RepresentativePolicy = REPRESENTATIVE_POLICY,
): RepresentativeCheck {
  const band = representativeBand(petitioners.length, policy);
  if (band === null) return { ok: false, refusal: { code: 'not-a-group', petitioners: petitioners.length, groupMin: policy.groupMinPetitioners } };
  if (representatives.length < band.minRepresentatives || representatives.length > band.maxRepresentatives) {
    return {
      ok: false,
      refusal: { code: 'count', petitioners: petitioners.length, given: representatives.length, min: band.minRepresentatives, max: band.maxRepresentatives },
    };
  }
  const taken = new Set<number>();
  const out: Representative[] = [];
  for (const [index, rep] of representatives.entries()) {
    const matches = petitioners.flatMap((p, i) => (isSignatory(rep, p) ? [i] : []));
    if (matches.length === 0) return { ok: false, refusal: { code: 'not-a-petitioner', index } };
    const free = matches.find((i) => !taken.has(i));
    if (free === undefined) return { ok: false, refusal: { code: 'duplicate', index } };
    taken.add(free);
    const signatory = petitioners[free]!;
    out.push({
      fullName: signatory.fullName,
      idNumber: blankToNull(rep.idNumber) ?? blankToNull(signatory.idNumber),
      // The contact given for the representative wins: it is how the unit will reach the group.
      phone: blankToNull(rep.phone) ?? blankToNull(signatory.phone),
      petitionerIndex: free,
    });
  }
  return { ok: true, representatives: out };
}

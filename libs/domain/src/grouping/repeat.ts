import { foldForSearch } from '../shared/search-text.js';
import type { MatterMatch } from './matter-match.js';
import { normalizePhone, type PersonFacts } from './representatives.js';

export type SamePersonBasis = 'id_number' | 'phone' | 'name_address';

const present = (s: string | null | undefined): string | null => (s === null || s === undefined || s.trim() === '' ? null : s.trim());
const foldedOrNull = (s: string | null | undefined): string | null => {
  const v = present(s);
  return v === null ? null : foldForSearch(v).replace(/[^a-z0-9]+/g, ' ').trim();
};

/**
 * Whether two records name the same person, by the strongest evidence both carry: the ID number when both
 * have one (it decides either way), else the normalised phone, else the folded full name together with the
 * folded address. Returns the basis used, or null when they are not (or cannot be shown to be) the same.
 */
export function samePerson(a: PersonFacts, b: PersonFacts): SamePersonBasis | null {
  const aId = present(a.idNumber);
  const bId = present(b.idNumber);
  if (aId !== null && bId !== null) return aId === bId ? 'id_number' : null;
  const aPhone = normalizePhone(a.phone);
  const bPhone = normalizePhone(b.phone);
  if (aPhone !== null && bPhone !== null) return aPhone === bPhone ? 'phone' : null;
  const aName = foldedOrNull(a.fullName);
  const aAddress = foldedOrNull(a.address);
  if (aName === null || aAddress === null) return null;
  return aName === foldedOrNull(b.fullName) && aAddress === foldedOrNull(b.address) ? 'name_address' : null;
}

/** The link a repeat records, with its explanation. */
export interface RepeatFinding {
  readonly person: SamePersonBasis;
  readonly matter: NonNullable<MatterMatch['reason']>;
  readonly score: number;
  readonly sharedTerms: string[];
}

/**
 * A new petition repeats an earlier one when the same person writes about the same matter. The earlier one
 * must still be open or already resolved (a rejected, guided, transferred, filed or withdrawn petition was
 * not handled here, so writing again is not a repeat); the caller selects those.
 */
export function repeatOf(newPetitioner: PersonFacts, earlierPetitioner: PersonFacts, matter: MatterMatch): RepeatFinding | null {
  if (matter.reason === null) return null;
  const person = samePerson(newPetitioner, earlierPetitioner);
  if (person === null) return null;
  return { person, matter: matter.reason, score: matter.score, sharedTerms: matter.sharedTerms.slice(0, 10) };
}

import type { CurrentUser } from './current-user.js';

/**
 * The one rule on who may see the identity of the person behind a case (name, phone, ID number, address), for
 * every route: petitions, their grouping, dialogues and their minutes. `kind` is the kind of petition that person
 * stands behind, or null when they stand behind none (a question answered at a dialogue).
 *
 * - reception (desk), the competent head and the admin: always;
 * - a handler: except a denouncer's (LTC 2018 Art 47 and 56 keep the denouncer's identity secret; verifiers
 *   work on a pseudonymised file);
 * - the board: never (it oversees, it does not resolve).
 *
 * A dialogue participant whose question became a denunciation, directly or through a commitment transferred
 * as one, is a denouncer for this rule.
 */
export function maySeeIdentity(user: CurrentUser, kind: string | null): boolean {
  switch (user.role) {
    case 'desk':
    case 'head':
    case 'admin':
      return true;
    case 'handler':
      return kind !== 'denunciation';
    case 'board':
      return false;
  }
}

/**
 * A citizen's own words given with a satisfaction rating may name people: the board sees ratings and counts
 * only; the unit that resolves the case (desk, head, handler) and the admin see the words.
 */
export function maySeeCitizenComments(user: CurrentUser): boolean {
  return user.role !== 'board';
}

/**
 * The verification report (findings, people met, documents seen, the proposed conclusion) is working text of the
 * unit that resolves the case: its staff and the admin read it; the board oversees and never does.
 */
export function maySeeVerificationReport(user: CurrentUser): boolean {
  return user.role !== 'board';
}

import type { PetitionKind } from './petition-kind.js';

/**
 * Petition statuses (DOMAIN.md §3). Intake is common to every kind; resolution differs by kind only in
 * what "resolved" is called: a complaint is decided, a denunciation concluded, feedback answered.
 */
export const PETITION_STATUSES = [
  'received',
  'accepted',
  'rejected',
  'transferred',
  'guided',
  'filed',
  'assigned',
  'verifying',
  'decided',
  'concluded',
  'answered',
  'reopened',
  'closed',
  'withdrawn',
] as const;
export type PetitionStatus = (typeof PETITION_STATUSES)[number];

/** Statuses after which nothing more happens at this unit. */
export const TERMINAL_STATUSES: readonly PetitionStatus[] = ['rejected', 'transferred', 'guided', 'filed', 'withdrawn'];

/** Statuses in which the case is still being worked on (a withdrawal is possible, clocks run). */
export const OPEN_STATUSES: readonly PetitionStatus[] = ['received', 'accepted', 'assigned', 'verifying', 'reopened'];

export function isOpen(status: PetitionStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** The status a `resolve` command leads to for each kind. */
export function resolvedStatusFor(kind: PetitionKind): PetitionStatus {
  switch (kind) {
    case 'complaint':
      return 'decided';
    case 'denunciation':
      return 'concluded';
    case 'recommendation':
    case 'feedback':
      return 'answered';
  }
}

export const RESOLVED_STATUSES: readonly PetitionStatus[] = ['decided', 'concluded', 'answered'];

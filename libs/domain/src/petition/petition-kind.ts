/** Kinds of petition (DOMAIN.md §3). Complaints and denunciations carry statutory rights; the other two do not. */
export const PETITION_KINDS = ['complaint', 'denunciation', 'recommendation', 'feedback'] as const;
export type PetitionKind = (typeof PETITION_KINDS)[number];

/** How a petition reached the unit. `transferred_in` is set by the system when another unit transfers one. */
export const PETITION_CHANNELS = ['in_person', 'mail', 'hotline', 'online', 'dialogue', 'transferred_in'] as const;
export type PetitionChannel = (typeof PETITION_CHANNELS)[number];

/** Channels a person may choose when logging a petition by hand. */
export const INTAKE_CHANNELS = PETITION_CHANNELS.filter((c) => c !== 'transferred_in');

/** Kinds whose sub-flow answers the citizen administratively and may be reopened (DOMAIN.md §3.4). */
export function isReopenableKind(kind: PetitionKind): boolean {
  return kind === 'recommendation' || kind === 'feedback';
}

/** Kinds that must go through verification before a decision or conclusion (LKN Art 29, LTC). */
export function requiresVerification(kind: PetitionKind): boolean {
  return kind === 'complaint' || kind === 'denunciation';
}

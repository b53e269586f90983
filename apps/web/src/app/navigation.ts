import type { Role } from '../auth/session';
import type { UiMessageKey } from '../i18n/ui.messages';

/** One left menu per role: the role decides what is there. The first entry is the role's start page. */
export interface NavEntry {
  readonly path: string;
  readonly label: UiMessageKey;
  readonly roles: readonly Role[];
}

export const NAVIGATION: readonly NavEntry[] = [
  { path: '/intake', label: 'nav.intake', roles: ['desk', 'admin'] },
  { path: '/inbox', label: 'nav.inbox', roles: ['head', 'handler', 'admin'] },
  { path: '/reception-log', label: 'nav.reception_log', roles: ['desk', 'head', 'admin'] },
  { path: '/search', label: 'nav.search', roles: ['desk', 'head', 'handler', 'admin'] },
  { path: '/dialogues', label: 'nav.dialogues', roles: ['desk', 'head', 'handler', 'board', 'admin'] },
  { path: '/commitments', label: 'nav.commitments', roles: ['head', 'handler', 'board', 'admin'] },
  { path: '/reception-days', label: 'nav.reception_days', roles: ['desk', 'head', 'admin'] },
  { path: '/notifications', label: 'nav.notifications', roles: ['desk', 'head', 'handler', 'board', 'admin'] },
];

export function navigationFor(role: Role): NavEntry[] {
  return NAVIGATION.filter((e) => e.roles.includes(role));
}

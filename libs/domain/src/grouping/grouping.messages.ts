import type { Message } from '../shared/message.js';

/** User-facing text for group petitions, clusters and repeated or over-level petitions: part of the one catalogue (shared/messages.ts). */
export const GROUPING_MESSAGES = {
} as const satisfies Record<string, Message>;

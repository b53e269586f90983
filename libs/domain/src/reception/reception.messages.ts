import type { Message } from '../shared/message.js';

/** User-facing text for citizen-reception days: part of the one catalogue (shared/messages.ts). */
export const RECEPTION_MESSAGES = {
} as const satisfies Record<string, Message>;

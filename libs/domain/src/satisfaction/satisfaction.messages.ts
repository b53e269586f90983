import type { Message } from '../shared/message.js';

/** User-facing text for the citizen's satisfaction feedback: part of the one catalogue (shared/messages.ts). */
export const SATISFACTION_MESSAGES = {
} as const satisfies Record<string, Message>;

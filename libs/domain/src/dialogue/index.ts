export * from './dialogue-kind.js';
export * from './dialogue-commands.js';
export * from './dialogue-events.js';
export * from './dialogue.js';
export * from './commitment.js';
export * from './dialogue.messages.js';

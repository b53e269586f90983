export * from './grouping.messages.js';
export * from './representatives.js';
export * from './matter-match.js';
export * from './repeat.js';
export * from './over-level.js';
export * from './hot-spot.js';

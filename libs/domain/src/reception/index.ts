export * from './reception.messages.js';
export * from './reception-position.js';
export * from './reception-day.js';
export * from './reception-compliance.js';

export * from './grouping.messages.js';

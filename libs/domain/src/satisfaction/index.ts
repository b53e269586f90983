export * from './satisfaction.messages.js';
export * from './satisfaction.js';

export * from './satisfaction.messages.js';

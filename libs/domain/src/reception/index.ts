export * from './reception.messages.js';

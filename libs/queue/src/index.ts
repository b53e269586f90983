export * from './queue-catalogue.js';
export * from './queue-connection.js';
export * from './redis-probe.js';

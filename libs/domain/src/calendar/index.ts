export * from './local-date.js';
export * from './working-calendar.js';
export * from './statutory-holidays.js';
export * from './deadline.js';
export * from './working-hours.js';
export * from './civil-service-schedule.js';
export * from './calendar-facts.js';

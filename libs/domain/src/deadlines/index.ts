export * from './deadline-policy.js';
export * from './petition-clock.js';
export * from './clock-acts.js';
export * from './policy-validation.js';
export * from './subject-clock.js';
export * from './deadline-badge.js';

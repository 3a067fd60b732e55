/** The Employment Action Plan's rules (A1–A10, M11), one import for the service and the web. */
export * from './catalogue.js';
export * from './closure.js';
export * from './lifecycle.js';
export * from './training-referrals.js';
export * from './types.js';

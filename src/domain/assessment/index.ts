/** The Common Assessment's pure domain (C1–C12, S1–S5, E1–E6): import from here. */
export * from './types.js';
export * from './question-bank.js';
export * from './answers.js';
export * from './consent.js';
export * from './identity.js';
export * from './eligibility.js';
export * from './service-level.js';
export * from './lifecycle.js';
export * from './readiness.js';
export * from './segmentation/index.js';
export * from './banks/index.js';
export * from './worklist.js';
export * from './actions.js';

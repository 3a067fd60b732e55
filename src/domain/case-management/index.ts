/** Case management rules (J9, I2, I4, K5): notes, tasks and caseloads, case conferences. */
export * from './types.js';
export * from './notes.js';
export * from './tasks.js';
export * from './conferences.js';

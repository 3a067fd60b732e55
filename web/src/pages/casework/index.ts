/**
 * What the client workspace (web-plan's `/clients/:clientId/workspace`) embeds from case management:
 * notes, tasks, case conferences and ICM events of one client, each given the client's open plan.
 */
export { NotesPanel, TasksPanel, ConferencesPanel, IcmEventsPanel } from './panels.js';
export type { PanelProps, PanelPlan } from './panels.js';

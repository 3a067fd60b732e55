/**
 * What the client workspace (web-plan's `/clients/:clientId/workspace`) embeds from case management:
 * notes, tasks, case conferences and ICM events of one client, each given the client's open plan.
 */
export { ConferencesPanel } from './ConferencesPanel.js';
export { IcmEventsPanel } from './IcmEventsPanel.js';
export { NotesPanel } from './NotesPanel.js';
export { TasksPanel } from './TasksPanel.js';
export type { PanelPlan, PanelProps } from './shared.js';

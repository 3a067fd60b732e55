/**
 * The field names bound into each ciphertext of a plan, so one sealed value cannot be swapped into
 * another. The case-management service opens custom item titles too (a note names its plan item),
 * so it reads them with these names rather than its own copy.
 */
export const GOAL_TITLE_FIELD = 'plan.goal_title';
export const GOAL_DESCRIPTION_FIELD = 'plan.goal_description';
export const CUSTOM_TITLE_FIELD = 'plan.custom_item_title';
export const CLOSURE_NOTE_FIELD = 'plan.closure_note';

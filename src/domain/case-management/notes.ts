/**
 * I2: who may read which case note, and what a shared note needs. Internal notes are the provider's
 * own working notes; shared notes are plan-item comments the client's SA caseworker reads.
 */
import type { OrganizationKind } from '../access/roles.js';
import type { IcmSide, NoteVisibility } from './types.js';

/** Which side of ICM an organization speaks for; a ministry takes no part in case management. */
export function icmSideOf(kind: OrganizationKind): IcmSide | null {
  switch (kind) {
    case 'sa_office':
      return 'sa';
    case 'provider':
      return 'provider';
    case 'ssm':
      return 'ssm';
    case 'ministry':
      return null;
  }
}

export interface NoteReader {
  organizationKind: OrganizationKind;
  organizationId: string;
}

export interface NoteFacts {
  visibility: NoteVisibility;
  /** The provider that wrote the note. */
  organizationId: string;
}

/**
 * I2: 'visible', or 'internal' when the reader may see the client but not this note (an SA
 * caseworker, or another provider, on a provider's internal note). The SSM reads internal notes
 * too: it monitors closures through their rationale (§11). Client visibility itself is checked
 * before this, by the data scope.
 */
export function noteAccess(reader: NoteReader, note: NoteFacts): 'visible' | 'internal' {
  if (note.visibility === 'shared_with_sa') return 'visible';
  switch (reader.organizationKind) {
    case 'ssm':
      return 'visible';
    case 'provider':
      return reader.organizationId === note.organizationId ? 'visible' : 'internal';
    case 'sa_office':
    case 'ministry':
      return 'internal';
  }
}

export interface NoteProblem {
  rule: 'I2';
  code: 'shared_needs_plan_item' | 'plan_item_of_another_client';
  en: string;
  fr: string;
}

/**
 * I2/§12: a shared note is a comment on one of this client's plan items, never a free-floating note
 * (the database holds the first half with a check; the item's owner is checked here).
 */
export function sharedNoteProblem(input: {
  visibility: NoteVisibility;
  planItemId: string | null;
  /** Whether the item (when one is named) belongs to a plan of this client. */
  itemOfClient: boolean;
}): NoteProblem | null {
  if (input.planItemId === null) {
    if (input.visibility === 'internal') return null;
    return {
      rule: 'I2',
      code: 'shared_needs_plan_item',
      en: 'a note shared with SA is a comment on a plan item; choose the item.',
      fr: 'une note partagée avec l’AS est un commentaire sur un élément du plan; choisissez l’élément.',
    };
  }
  if (!input.itemOfClient) {
    return {
      rule: 'I2',
      code: 'plan_item_of_another_client',
      en: 'the plan item is not on this client’s plan.',
      fr: 'l’élément ne fait pas partie du plan de ce client.',
    };
  }
  return null;
}

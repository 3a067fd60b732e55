/**
 * What an actor may do next on a CA (C3, C6, C7, C9, C10, C11, S2). The API lists these on every
 * read so the screens offer only what will work; the service checks the same rules on each write.
 */
import type { OrganizationKind } from '../access/roles.js';
import type { AssessmentAction, AssessmentFlow, AssessmentStatus } from './types.js';

export interface ActionFacts {
  status: AssessmentStatus;
  flow: AssessmentFlow;
  referred: boolean;
  /** The actor's organization holds (works) the CA. */
  holder: boolean;
  actorKind: OrganizationKind;
  /** The actor holds `assessment.conduct` (caseworkers) or `assessment.assign` (SSM intake). */
  conducts: boolean;
  assigns: boolean;
  consentActive: boolean;
  needsReconfirmation: boolean;
  /** Nothing is missing for submission (submissionProblems is empty). */
  submittable: boolean;
}

export function allowedActions(f: ActionFacts): AssessmentAction[] {
  const actions: AssessmentAction[] = [];
  if (f.status === 'in_progress') {
    if (f.holder && f.conducts) {
      actions.push('confirm_consent');
      // C3, C9: nothing is asked until the notice was read (again, on a later day).
      if (f.consentActive && !f.needsReconfirmation) {
        actions.push('answer', 'verify_identity');
        // S2: an SA caseworker cannot answer the service level question.
        if (f.actorKind !== 'sa_office') actions.push('set_service_level');
        // C6: SA does Module 1 and refers it to the SSM, once.
        if (f.flow === 'sa' && !f.referred && f.actorKind === 'sa_office') actions.push('refer');
        actions.push('assign_caseworker');
        if (f.submittable) actions.push('submit');
      }
      // C9: only an in-progress CA is cancelled.
      actions.push('cancel');
      // C10: a provider hands an in-progress CA back to the SSM.
      if (f.actorKind === 'provider') actions.push('reassign_to_ssm');
    }
    // C7: the notes are two-way between everyone working the client.
    if (f.conducts || f.assigns) actions.push('add_note');
    if (f.holder && f.assigns) actions.push('assign_provider');
  }
  // C11: an error found after submission closes the CA in error.
  if (f.status === 'submitted' && f.holder && f.conducts) actions.push('close_in_error');
  return actions;
}

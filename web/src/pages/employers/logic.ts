/**
 * The employer and placement screens' pure helpers (no React, no browser), so the unit tests reach
 * them. Every rule is the domain's (F10 in src/domain/supports/employers.ts); these only turn form
 * text into the API's values and back.
 */
import { ApiError } from '../../api.js';
import { compareIsoDates } from '../../../../src/domain/calendar/iso-date.js';
import {
  coveringSiteVisit,
  siteVisitWindowOpensOn,
  type SiteVisit,
} from '../../../../src/domain/supports/employers.js';
import { EMPLOYER_CHECKLIST_ITEMS } from '../../../../src/domain/supports/types.js';
import type { FieldMessages } from '../../forms.js';
import { EMAIL_PATTERN, isBlank, POSTAL_CODE_PATTERN } from '../../forms.js';
import { parseHours } from '../monitoring/shared.js';
import { dollarsToCents } from '../../money.js';
import type {
  ContactInput,
  EmployerChecklist,
  EmployerInput,
  EmployerSupportUse,
  EmployerView,
  LocationInput,
  PlacementInput,
  SupportProblem,
} from './types.js';

// ---------------------------------------------------------------------------------------------
// Checklist (F10): each criterion yes / no / not checked

export const CHECKLIST_CHOICES = ['yes', 'no', 'not_checked'] as const;
export type ChecklistChoice = (typeof CHECKLIST_CHOICES)[number];
export type ChecklistChoices = Record<keyof EmployerChecklist, ChecklistChoice>;

export const choiceOf = (value: boolean | null | undefined): ChecklistChoice =>
  value === true ? 'yes' : value === false ? 'no' : 'not_checked';

export const valueOf = (choice: ChecklistChoice): boolean | null =>
  choice === 'yes' ? true : choice === 'no' ? false : null;

export const choicesOf = (checklist: Partial<EmployerChecklist>): ChecklistChoices =>
  Object.fromEntries(EMPLOYER_CHECKLIST_ITEMS.map((i) => [i, choiceOf(checklist[i])])) as ChecklistChoices;

export const checklistOf = (choices: ChecklistChoices): EmployerChecklist =>
  Object.fromEntries(EMPLOYER_CHECKLIST_ITEMS.map((i) => [i, valueOf(choices[i])])) as EmployerChecklist;

// ---------------------------------------------------------------------------------------------
// Site visit (F10: an in-person visit within the 12 months before the placement starts)

export interface SiteVisitRule {
  /** The earliest in-person visit that covers a placement starting `startsOn`. */
  opensOn: string;
  /** The visit that covers it now, or null (then one is needed on or after `opensOn`). */
  covering: SiteVisit | null;
}

/** The 12-month rule for a placement starting `startsOn`, by the domain's own functions. */
export function siteVisitRule(
  visits: readonly { visitedOn: string; mode: SiteVisit['mode'] }[],
  startsOn: string,
): SiteVisitRule {
  return {
    opensOn: siteVisitWindowOpensOn(startsOn),
    covering: coveringSiteVisit(
      visits.map((v) => ({ on: v.visitedOn, mode: v.mode })),
      startsOn,
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// Text to API values

/** A text field to the API: trimmed, and null when left empty (an optional field not given). */
export const optionalText = (value: string): string | null => (isBlank(value) ? null : value.trim());
export const optionalDate = (value: string): string | null => (value.trim() === '' ? null : value);

/** F4/F9/F10 and the like: the SupportProblems a 422 lists, or [] for any other failure. */
export function supportProblemsOf(error: unknown): SupportProblem[] {
  if (!(error instanceof ApiError)) return [];
  const problems = (error.problem as { problems?: unknown }).problems;
  if (!Array.isArray(problems)) return [];
  return problems.filter(
    (p): p is SupportProblem =>
      typeof p === 'object' &&
      p !== null &&
      typeof (p as SupportProblem).code === 'string' &&
      typeof (p as SupportProblem).en === 'string' &&
      typeof (p as SupportProblem).fr === 'string',
  );
}

// ---------------------------------------------------------------------------------------------
// Employer registration form

export interface ContactDraft {
  name: string;
  title: string;
  phone: string;
  email: string;
}
export interface LocationDraft {
  label: string;
  street: string;
  city: string;
  postalCode: string;
}
export interface EmployerDraft {
  legalName: string;
  operatingName: string;
  ontarioLicenceNumber: string;
  wsibAccountNumber: string;
  workplaceInsuranceNote: string;
  liabilityInsurer: string;
  liabilityPolicyNumber: string;
  liabilityInsuranceExpiresOn: string;
  registeredOn: string;
}

export const emptyContact = (): ContactDraft => ({ name: '', title: '', phone: '', email: '' });
export const emptyLocation = (): LocationDraft => ({ label: '', street: '', city: '', postalCode: '' });

export const emptyEmployer = (today: string): EmployerDraft => ({
  legalName: '',
  operatingName: '',
  ontarioLicenceNumber: '',
  wsibAccountNumber: '',
  workplaceInsuranceNote: '',
  liabilityInsurer: '',
  liabilityPolicyNumber: '',
  liabilityInsuranceExpiresOn: '',
  registeredOn: today,
});

export const employerDraftOf = (e: EmployerView): EmployerDraft => ({
  legalName: e.legalName,
  operatingName: e.operatingName ?? '',
  ontarioLicenceNumber: e.ontarioLicenceNumber ?? '',
  wsibAccountNumber: e.wsibAccountNumber ?? '',
  workplaceInsuranceNote: e.workplaceInsuranceNote ?? '',
  liabilityInsurer: e.liabilityInsurer ?? '',
  liabilityPolicyNumber: e.liabilityPolicyNumber ?? '',
  liabilityInsuranceExpiresOn: e.liabilityInsuranceExpiresOn ?? '',
  registeredOn: e.registeredOn ?? '',
});

export const employerInputOf = (d: EmployerDraft): EmployerInput => ({
  legalName: d.legalName.trim(),
  operatingName: optionalText(d.operatingName),
  ontarioLicenceNumber: optionalText(d.ontarioLicenceNumber),
  wsibAccountNumber: optionalText(d.wsibAccountNumber),
  workplaceInsuranceNote: optionalText(d.workplaceInsuranceNote),
  liabilityInsurer: optionalText(d.liabilityInsurer),
  liabilityPolicyNumber: optionalText(d.liabilityPolicyNumber),
  liabilityInsuranceExpiresOn: optionalDate(d.liabilityInsuranceExpiresOn),
  registeredOn: optionalDate(d.registeredOn),
});

export const contactInputOf = (c: ContactDraft): ContactInput => ({
  name: c.name.trim(),
  title: optionalText(c.title),
  phone: optionalText(c.phone),
  email: optionalText(c.email),
});

export const locationInputOf = (l: LocationDraft): LocationInput => ({
  label: l.label.trim(),
  street: l.street.trim(),
  city: l.city.trim(),
  postalCode: l.postalCode.trim().toUpperCase(),
});

/** The messages a draft's fields need before it is sent; the keys are the API's field paths. */
export interface Messages {
  required: string;
  email: string;
  postalCode: string;
}

export function contactProblems(c: ContactDraft, m: Messages, prefix = ''): FieldMessages {
  const out: FieldMessages = {};
  if (isBlank(c.name)) out[`${prefix}name`] = m.required;
  if (!isBlank(c.email) && !EMAIL_PATTERN.test(c.email.trim())) out[`${prefix}email`] = m.email;
  return out;
}

export function locationProblems(l: LocationDraft, m: Messages, prefix = ''): FieldMessages {
  const out: FieldMessages = {};
  for (const f of ['label', 'street', 'city', 'postalCode'] as const)
    if (isBlank(l[f])) out[`${prefix}${f}`] = m.required;
  if (!isBlank(l.postalCode) && !POSTAL_CODE_PATTERN.test(l.postalCode.trim()))
    out[`${prefix}postalCode`] = m.postalCode;
  return out;
}

/** A contact row left entirely empty is not a contact: it is dropped rather than refused. */
export const isEmptyRow = (row: object) =>
  Object.values(row).every((v) => typeof v !== 'string' || v.trim() === '');

// ---------------------------------------------------------------------------------------------
// Placement form

export interface PlacementDraft {
  employerId: string;
  locationId: string;
  jobTitle: string;
  startsOn: string;
  endsOn: string;
  hours: string;
  scheduleNote: string;
  wage: string;
  incentive: string;
  employerUse: EmployerSupportUse | '';
  intendedToContinue: '' | 'yes' | 'no';
  agreementSignedOn: string;
  clientConsentSignedOn: string;
  /** F4 principle 2: "goal:1", "goal:2" or "item:<uuid>"; '' = not linked yet. */
  link: string;
  evidenceOfNeed: string;
  whyCouldNotPay: string;
  reasonableCost: string;
  barrierTemporary: boolean;
  noOtherFundingSource: boolean;
  saCoordinationNote: string;
}

export const emptyPlacement = (employerId = ''): PlacementDraft => ({
  employerId,
  locationId: '',
  jobTitle: '',
  startsOn: '',
  endsOn: '',
  hours: '',
  scheduleNote: '',
  wage: '',
  incentive: '',
  employerUse: '',
  intendedToContinue: '',
  agreementSignedOn: '',
  clientConsentSignedOn: '',
  link: '',
  evidenceOfNeed: '',
  whyCouldNotPay: '',
  reasonableCost: '',
  barrierTemporary: false,
  noOtherFundingSource: false,
  saCoordinationNote: '',
});

/** "goal:2" → {planGoalOrdinal: 2}; "item:<id>" → {planItemId}; anything else → neither. */
export function linkOf(link: string): { planGoalOrdinal: 1 | 2 | null; planItemId: string | null } {
  if (link === 'goal:1') return { planGoalOrdinal: 1, planItemId: null };
  if (link === 'goal:2') return { planGoalOrdinal: 2, planItemId: null };
  if (link.startsWith('item:') && link.length > 5)
    return { planGoalOrdinal: null, planItemId: link.slice(5) };
  return { planGoalOrdinal: null, planItemId: null };
}

export interface PlacementMessages {
  required: string;
  hours: string;
  money: string;
  incentive: string;
  endsBeforeStart: string;
}

/**
 * What the form can say before sending: the fields left empty or not readable as hours or dollars.
 * The F-rules themselves (F4 justification, F9 coordination, F6 pre-approval) are the API's to judge;
 * its refusal lists every problem.
 */
export function placementDraftProblems(d: PlacementDraft, m: PlacementMessages): FieldMessages {
  const out: FieldMessages = {};
  if (!d.employerId) out.employerId = m.required;
  if (isBlank(d.jobTitle)) out.jobTitle = m.required;
  if (!d.startsOn) out.startsOn = m.required;
  if (!d.endsOn) out.endsOn = m.required;
  else if (d.startsOn && compareIsoDates(d.endsOn, d.startsOn) < 0) out.endsOn = m.endsBeforeStart;
  if (parseHours(d.hours) === null) out.minutesPerWeek = m.hours;
  if (!isBlank(d.wage) && dollarsToCents(d.wage) === null) out.hourlyWageCents = m.money;
  const incentive = dollarsToCents(d.incentive);
  if (isBlank(d.incentive)) out.trainingIncentiveCents = m.required;
  else if (incentive === null) out.trainingIncentiveCents = m.money;
  else if (incentive < 1) out.trainingIncentiveCents = m.incentive;
  if (!d.employerUse) out.employerUse = m.required;
  if (!d.intendedToContinue) out.intendedToContinue = m.required;
  return out;
}

/** The draft as the API takes it; call after `placementDraftProblems` found nothing. */
export function placementInputOf(d: PlacementDraft): PlacementInput {
  return {
    employerId: d.employerId,
    locationId: d.locationId || null,
    jobTitle: d.jobTitle.trim(),
    startsOn: d.startsOn,
    endsOn: d.endsOn,
    minutesPerWeek: parseHours(d.hours) ?? 0,
    scheduleNote: optionalText(d.scheduleNote),
    hourlyWageCents: isBlank(d.wage) ? null : dollarsToCents(d.wage),
    trainingIncentiveCents: dollarsToCents(d.incentive) ?? 0,
    employerUse: d.employerUse || 'placement_incentive',
    intendedToContinue: d.intendedToContinue === 'yes',
    agreementSignedOn: optionalDate(d.agreementSignedOn),
    clientConsentSignedOn: optionalDate(d.clientConsentSignedOn),
    ...linkOf(d.link),
    justification: {
      evidenceOfNeed: d.evidenceOfNeed.trim(),
      whyCouldNotPay: d.whyCouldNotPay.trim(),
      reasonableCost: d.reasonableCost.trim(),
      barrierTemporary: d.barrierTemporary,
      noOtherFundingSource: d.noOtherFundingSource,
    },
    saCoordinationNote: optionalText(d.saCoordinationNote),
  };
}

/** The input id of a field the API names ("justification.evidenceOfNeed" → "placement-justification-evidenceOfNeed"). */
export function placementFieldId(field: string): string {
  // Either half of the F4 link is one select on the form.
  const f = field === 'planGoalOrdinal' || field === 'planItemId' ? 'link' : field;
  return `placement-${f.replace(/\./g, '-')}`;
}

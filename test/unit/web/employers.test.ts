import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../web/src/api.js';
import { EN, FR } from '../../../web/src/i18n/resources.js';
import {
  checklistOf,
  choicesOf,
  CHECKLIST_CHOICES,
  contactProblems,
  emptyPlacement,
  employerInputOf,
  emptyEmployer,
  isEmptyRow,
  linkOf,
  locationInputOf,
  locationProblems,
  placementDraftProblems,
  placementFieldId,
  placementInputOf,
  siteVisitRule,
  supportProblemsOf,
  type PlacementDraft,
} from '../../../web/src/pages/employers/logic.js';
import {
  EMPLOYER_CHECKLIST_ITEMS,
  EMPLOYER_SUPPORT_USES,
  REQUEST_STATES,
  SITE_VISIT_MODES,
} from '../../../web/src/pages/employers/types.js';

type Tree = { [key: string]: string | Tree };
const at = (tree: Tree, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node as Tree | undefined)?.[key], tree);

const MESSAGES = { required: 'required', email: 'email', postalCode: 'postal' };
const PLACEMENT_MESSAGES = {
  required: 'required',
  hours: 'hours',
  money: 'money',
  incentive: 'incentive',
  endsBeforeStart: 'endsBeforeStart',
};

const filled = (over: Partial<PlacementDraft> = {}): PlacementDraft => ({
  ...emptyPlacement('7d1c1d6e-0000-4000-8000-000000000001'),
  jobTitle: '  Warehouse associate ',
  startsOn: '2026-06-15',
  endsOn: '2026-09-15',
  hours: '22,5',
  wage: '17.90',
  incentive: '1 234,50',
  employerUse: 'placement_incentive',
  intendedToContinue: 'yes',
  link: 'item:7d1c1d6e-0000-4000-8000-0000000000aa',
  evidenceOfNeed: 'Needs a first Canadian work reference',
  whyCouldNotPay: 'Small employer',
  reasonableCost: 'Market rate',
  barrierTemporary: true,
  noOtherFundingSource: true,
  ...over,
});

describe('employer labels (F10)', () => {
  it('has an English and a French label for every code the employer screens show', () => {
    const families: [string, readonly string[]][] = [
      ['employers.checklist.answers', CHECKLIST_CHOICES],
      ['employers.visits.modes', SITE_VISIT_MODES],
      ['employers.employerUses', EMPLOYER_SUPPORT_USES],
      ['employers.supportStates', REQUEST_STATES],
    ];
    for (const [prefix, codes] of families)
      for (const code of codes) {
        expect(typeof at(EN as Tree, `${prefix}.${code}`), `en ${prefix}.${code}`).toBe('string');
        expect(typeof at(FR as Tree, `${prefix}.${code}`), `fr ${prefix}.${code}`).toBe('string');
      }
  });

  it('states the 12-month rule with the date in both languages', () => {
    expect(EN.employers.visits.rule).toBe(
      'An in-person visit on or after {{date}} is needed for a placement starting today.',
    );
    expect(FR.employers.visits.rule).toContain('{{date}}');
  });
});

describe('F10 checklist answers: yes / no / not checked', () => {
  it('round-trips each of the seven criteria, true, false and null alike', () => {
    const checklist = {
      licensed_in_ontario: true,
      compliant_and_insured: false,
      not_ssm_or_eo_provider: null,
      not_hiring_family: true,
      not_otherwise_funded: true,
      wsib_and_liability_insurance: false,
      not_replacing_staff: null,
    } as const;
    const choices = choicesOf(checklist);
    expect(choices.licensed_in_ontario).toBe('yes');
    expect(choices.compliant_and_insured).toBe('no');
    expect(choices.not_ssm_or_eo_provider).toBe('not_checked');
    expect(checklistOf(choices)).toEqual(checklist);
  });

  it('reads a criterion the API left out as not checked, never as confirmed', () => {
    const choices = choicesOf({ licensed_in_ontario: true });
    expect(Object.keys(choices)).toEqual([...EMPLOYER_CHECKLIST_ITEMS]);
    expect(checklistOf(choices).not_replacing_staff).toBeNull();
  });
});

describe('F10 site visit shown on the employer page', () => {
  it('needs an in-person visit on or after the start minus 12 months; the day itself counts', () => {
    const rule = siteVisitRule(
      [
        { visitedOn: '2025-06-14', mode: 'in_person' },
        { visitedOn: '2026-05-01', mode: 'virtual' },
      ],
      '2026-06-15',
    );
    expect(rule.opensOn).toBe('2025-06-15');
    expect(rule.covering).toBeNull();
    const covered = siteVisitRule([{ visitedOn: '2025-06-15', mode: 'in_person' }], '2026-06-15');
    expect(covered.covering).toEqual({ on: '2025-06-15', mode: 'in_person' });
  });

  it('clamps to the month end (a placement starting 29 February 2028 opens 28 February 2027)', () => {
    expect(siteVisitRule([], '2028-02-29').opensOn).toBe('2027-02-28');
  });
});

describe('employer registration form', () => {
  it('sends empty optional fields as null and keeps the registration date', () => {
    const input = employerInputOf({ ...emptyEmployer('2026-05-04'), legalName: ' Harbourfront Logistics ' });
    expect(input.legalName).toBe('Harbourfront Logistics');
    expect(input.operatingName).toBeNull();
    expect(input.liabilityInsuranceExpiresOn).toBeNull();
    expect(input.registeredOn).toBe('2026-05-04');
  });

  it('asks for a contact name and a readable email; a blank spare row is not a contact', () => {
    expect(
      contactProblems({ name: '', title: '', phone: '', email: 'not-an-email' }, MESSAGES, 'contacts.0.'),
    ).toEqual({
      'contacts.0.name': 'required',
      'contacts.0.email': 'email',
    });
    expect(isEmptyRow({ name: ' ', title: '', phone: '', email: '' })).toBe(true);
    expect(isEmptyRow({ name: 'A', title: '', phone: '', email: '' })).toBe(false);
  });

  it('asks for every part of a work site and a Canadian postal code, sent upper case', () => {
    expect(
      locationProblems({ label: 'Main', street: '', city: 'Windsor', postalCode: '12345' }, MESSAGES),
    ).toEqual({
      street: 'required',
      postalCode: 'postal',
    });
    expect(
      locationInputOf({ label: ' Main ', street: '1 Riverside Dr', city: 'Windsor', postalCode: 'n9a 1a1' }),
    ).toEqual({ label: 'Main', street: '1 Riverside Dr', city: 'Windsor', postalCode: 'N9A 1A1' });
  });
});

describe('placement form (F4, F10, F14)', () => {
  it('turns typed hours and dollars into whole minutes and integer cents, French commas included', () => {
    const draft = filled();
    expect(placementDraftProblems(draft, PLACEMENT_MESSAGES)).toEqual({});
    const input = placementInputOf(draft);
    expect(input.minutesPerWeek).toBe(1350);
    expect(input.hourlyWageCents).toBe(1790);
    expect(input.trainingIncentiveCents).toBe(123450);
    expect(Number.isInteger(input.trainingIncentiveCents)).toBe(true);
    expect(input.jobTitle).toBe('Warehouse associate');
    expect(input.intendedToContinue).toBe(true);
    expect(input.locationId).toBeNull();
    expect(input.agreementSignedOn).toBeNull();
    expect(input.scheduleNote).toBeNull();
    expect(input.planItemId).toBe('7d1c1d6e-0000-4000-8000-0000000000aa');
    expect(input.planGoalOrdinal).toBeNull();
  });

  it('leaves the wage out when none is typed', () => {
    expect(placementInputOf(filled({ wage: '' })).hourlyWageCents).toBeNull();
  });

  it('names each field the API would refuse, by the API field path', () => {
    const problems = placementDraftProblems(
      filled({
        employerId: '',
        jobTitle: ' ',
        endsOn: '2026-06-14',
        hours: 'twenty',
        wage: 'seventeen',
        incentive: '0',
        employerUse: '',
        intendedToContinue: '',
      }),
      PLACEMENT_MESSAGES,
    );
    expect(problems).toEqual({
      employerId: 'required',
      jobTitle: 'required',
      endsOn: 'endsBeforeStart',
      minutesPerWeek: 'hours',
      hourlyWageCents: 'money',
      trainingIncentiveCents: 'incentive',
      employerUse: 'required',
      intendedToContinue: 'required',
    });
  });

  it('leaves the F4 principles to the API (the form does not re-judge the rule)', () => {
    const problems = placementDraftProblems(
      filled({ evidenceOfNeed: '', link: '', barrierTemporary: false }),
      PLACEMENT_MESSAGES,
    );
    expect(problems).toEqual({});
  });

  it('links the placement to a goal or to an item (F4 principle 2)', () => {
    expect(linkOf('goal:2')).toEqual({ planGoalOrdinal: 2, planItemId: null });
    expect(linkOf('item:abc')).toEqual({ planGoalOrdinal: null, planItemId: 'abc' });
    expect(linkOf('')).toEqual({ planGoalOrdinal: null, planItemId: null });
    expect(placementFieldId('planGoalOrdinal')).toBe('placement-link');
    expect(placementFieldId('justification.evidenceOfNeed')).toBe('placement-justification-evidenceOfNeed');
  });

  it('reads every rule a refusal lists, and nothing from other failures', () => {
    const refusal = new ApiError({
      type: 'about:blank',
      title: 'Unprocessable',
      status: 422,
      code: 'no_evidence_of_need',
      rule: 'F4',
      problems: [
        { rule: 'F4', code: 'no_evidence_of_need', en: 'Describe…', fr: 'Décrivez…' },
        { rule: 'F9', code: 'sa_coordination_note_missing', en: 'Record…', fr: 'Consignez…' },
        { nonsense: true },
      ],
    } as never);
    expect(supportProblemsOf(refusal).map((p) => p.code)).toEqual([
      'no_evidence_of_need',
      'sa_coordination_note_missing',
    ]);
    expect(supportProblemsOf(new Error('boom'))).toEqual([]);
    expect(
      supportProblemsOf(
        new ApiError({ type: 'about:blank', title: 'x', status: 400, code: 'validation_failed' }),
      ),
    ).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  PLACEMENT_MONITORING_TRIGGER,
  coveringSiteVisit,
  employerEligibilityProblems,
  employerSupportsActiveOn,
  monitoringStart,
  placementMonitoringStartOn,
  placementReadiness,
  placementSupportPeriod,
  siteVisitWindowOpensOn,
  type EmployerChecklist,
  type PlacementFacts,
} from '../../../src/domain/supports/employers.js';
import { EMPLOYER_CHECKLIST_ITEMS } from '../../../src/domain/supports/types.js';

const ALL_MET = Object.fromEntries(EMPLOYER_CHECKLIST_ITEMS.map((i) => [i, true])) as EmployerChecklist;

describe('employerEligibilityProblems (F10)', () => {
  it('F10: an employer meeting all seven criteria is eligible', () => {
    expect(EMPLOYER_CHECKLIST_ITEMS).toHaveLength(7);
    expect(employerEligibilityProblems(ALL_MET)).toEqual([]);
  });

  it('F10: each criterion failed or unchecked is a problem, saying which', () => {
    const ps = employerEligibilityProblems({
      ...ALL_MET,
      not_hiring_family: false,
      wsib_and_liability_insurance: null,
    });
    expect(ps.map((p) => p.code)).toEqual([
      'not_hiring_family_not_met',
      'wsib_and_liability_insurance_not_checked',
    ]);
    expect(ps[0]?.fr).toContain('famille');
  });

  it('F10: an SSM or EO provider, an otherwise-funded placement or replacing staff is refused', () => {
    for (const item of [
      'not_ssm_or_eo_provider',
      'not_otherwise_funded',
      'not_replacing_staff',
      'licensed_in_ontario',
    ] as const)
      expect(employerEligibilityProblems({ ...ALL_MET, [item]: false }).map((p) => p.code)).toEqual([
        `${item}_not_met`,
      ]);
  });
});

describe('coveringSiteVisit: the 12-month rule (F10)', () => {
  it('F10: for a placement starting 15 June 2026, a visit on 15 June 2025 counts; 14 June 2025 does not', () => {
    expect(siteVisitWindowOpensOn('2026-06-15')).toBe('2025-06-15');
    expect(coveringSiteVisit([{ on: '2025-06-15', mode: 'in_person' }], '2026-06-15')).not.toBeNull();
    expect(coveringSiteVisit([{ on: '2025-06-14', mode: 'in_person' }], '2026-06-15')).toBeNull();
  });

  it('F10: a placement starting 29 February 2028 is covered from 28 February 2027 (month-end clamping)', () => {
    expect(siteVisitWindowOpensOn('2028-02-29')).toBe('2027-02-28');
    expect(coveringSiteVisit([{ on: '2027-02-28', mode: 'in_person' }], '2028-02-29')).not.toBeNull();
    expect(coveringSiteVisit([{ on: '2027-02-27', mode: 'in_person' }], '2028-02-29')).toBeNull();
  });

  it('F10: a placement starting 28 February 2025: 29 February 2024 counts, 27 February 2024 does not', () => {
    expect(siteVisitWindowOpensOn('2025-02-28')).toBe('2024-02-28');
    expect(coveringSiteVisit([{ on: '2024-02-29', mode: 'in_person' }], '2025-02-28')).not.toBeNull();
    expect(coveringSiteVisit([{ on: '2024-02-27', mode: 'in_person' }], '2025-02-28')).toBeNull();
  });

  it('F10: only in-person visits count', () => {
    expect(coveringSiteVisit([{ on: '2026-06-01', mode: 'virtual' }], '2026-06-15')).toBeNull();
    expect(coveringSiteVisit([{ on: '2026-06-01', mode: 'phone' }], '2026-06-15')).toBeNull();
  });

  it('F10: a visit on the first day counts; one after the start does not', () => {
    expect(coveringSiteVisit([{ on: '2026-06-15', mode: 'in_person' }], '2026-06-15')).not.toBeNull();
    expect(coveringSiteVisit([{ on: '2026-06-16', mode: 'in_person' }], '2026-06-15')).toBeNull();
  });

  it('F10: one visit covers several placements; the latest in-person visit is reported', () => {
    const visits = [
      { on: '2025-09-01', mode: 'in_person' as const },
      { on: '2026-01-10', mode: 'in_person' as const },
      { on: '2026-03-01', mode: 'virtual' as const },
    ];
    expect(coveringSiteVisit(visits, '2026-04-01')).toEqual({ on: '2026-01-10', mode: 'in_person' });
    expect(coveringSiteVisit(visits, '2026-08-31')).toEqual({ on: '2026-01-10', mode: 'in_person' });
  });
});

const READY: PlacementFacts = {
  startsOn: '2026-06-15',
  checklist: ALL_MET,
  siteVisits: [{ on: '2026-05-20', mode: 'in_person' }],
  agreementSigned: true,
  clientConsentToShare: true,
  employerRegistered: true,
};

describe('placementReadiness (F10)', () => {
  it('F10: nothing missing when all is in place', () => {
    expect(placementReadiness(READY)).toEqual([]);
  });

  it('F10: lists everything missing, in order', () => {
    expect(
      placementReadiness({
        startsOn: '2026-06-15',
        checklist: { ...ALL_MET, compliant_and_insured: null },
        siteVisits: [{ on: '2025-06-14', mode: 'in_person' }],
        agreementSigned: false,
        clientConsentToShare: false,
        employerRegistered: false,
      }),
    ).toEqual([
      'eligibility_check',
      'site_visit',
      'placement_agreement',
      'client_consent',
      'employer_registration',
    ]);
  });

  it('F10: a virtual visit leaves the site visit missing', () => {
    expect(placementReadiness({ ...READY, siteVisits: [{ on: '2026-05-20', mode: 'virtual' }] })).toEqual([
      'site_visit',
    ]);
  });
});

describe('placements and monitoring (F14, F12)', () => {
  it('F14: a placement meant to continue starts monitoring on its first day, through monitoringStart', () => {
    const startOn = placementMonitoringStartOn({
      startsOn: '2026-06-15',
      endsOn: null,
      intendedToContinue: true,
    });
    expect(
      monitoringStart({
        preEmploymentEndedOn: null,
        fundedJobStartedOn: null,
        hoursReached20On: null,
        placementIntendedToContinueStartedOn: startOn,
      }),
    ).toEqual({ startOn: '2026-06-15', triggers: [PLACEMENT_MONITORING_TRIGGER], rule: 'M3' });
  });

  it('F14: a placement not meant to continue does not start monitoring', () => {
    expect(
      placementMonitoringStartOn({ startsOn: '2026-06-15', endsOn: null, intendedToContinue: false }),
    ).toBeNull();
  });

  it('F12: the placement’s supported period defers PBF while it runs', () => {
    const period = placementSupportPeriod({
      startsOn: '2026-06-15',
      endsOn: '2026-10-14',
      intendedToContinue: true,
    });
    expect(employerSupportsActiveOn([period], '2026-10-14')).toBe(true);
    expect(employerSupportsActiveOn([period], '2026-10-15')).toBe(false);
    expect(() =>
      placementSupportPeriod({ startsOn: '2026-06-15', endsOn: '2026-06-14', intendedToContinue: false }),
    ).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import {
  inStatusQuoWindow,
  needJustificationProblems,
  odspReserveProblems,
  recipientProblems,
  saCoordinationProblems,
  type NeedJustification,
  type OdspReserveFacts,
  type RecipientFacts,
} from '../../../src/domain/supports/eligibility.js';

const CLIENT: RecipientFacts = {
  serviceLevel: 'case_managed',
  planStatus: 'active',
  statusQuo: false,
  usedOn: '2026-05-04',
};
const codes = (ps: { code: string }[]) => ps.map((p) => p.code);

describe('recipientProblems (F1, F7)', () => {
  it('F1: a case-managed client with an active plan may receive supports', () => {
    expect(recipientProblems(CLIENT)).toEqual([]);
    expect(recipientProblems({ ...CLIENT, planStatus: 'active_on_hold' })).toEqual([]);
  });

  it('F1: self-directed clients are refused', () => {
    expect(codes(recipientProblems({ ...CLIENT, serviceLevel: 'self_directed' }))).toEqual(['self_directed']);
  });

  it('F1: service-pending clients are refused', () => {
    expect(codes(recipientProblems({ ...CLIENT, serviceLevel: 'service_pending' }))).toEqual([
      'not_case_managed',
    ]);
  });

  it('F1: a draft, closed or missing plan is refused', () => {
    for (const planStatus of ['draft', 'closed', null] as const)
      expect(codes(recipientProblems({ ...CLIENT, planStatus }))).toEqual(['plan_not_open']);
  });

  it('F7: status-quo clients only from 1 January to 31 March 2024, both included', () => {
    const sq = { ...CLIENT, statusQuo: true, planStatus: null };
    expect(recipientProblems({ ...sq, usedOn: '2024-01-01' })).toEqual([]);
    expect(recipientProblems({ ...sq, usedOn: '2024-03-31' })).toEqual([]);
    expect(codes(recipientProblems({ ...sq, usedOn: '2023-12-31' }))).toEqual(['status_quo_outside_window']);
    expect(codes(recipientProblems({ ...sq, usedOn: '2024-04-01' }))).toEqual(['status_quo_outside_window']);
    expect(inStatusQuoWindow('2024-02-29')).toBe(true);
  });
});

const COMPLETE: NeedJustification = {
  evidenceOfNeed: 'Stream B; job offer requires steel-toe boots',
  whyCouldNotPay: 'No income until first pay',
  linkedPlanGoalOrItemId: 'item-1',
  barrierTemporary: true,
  noOtherFundingSource: true,
  reasonableCost: 'Lowest of two quotes',
};

describe('needJustificationProblems (F4)', () => {
  it('F4: a complete justification has no problem', () => {
    expect(needJustificationProblems(COMPLETE)).toEqual([]);
  });

  it('F4: each of the five principles is required, in order', () => {
    expect(
      codes(
        needJustificationProblems({
          evidenceOfNeed: ' ',
          whyCouldNotPay: '',
          linkedPlanGoalOrItemId: null,
          barrierTemporary: false,
          noOtherFundingSource: false,
          reasonableCost: '',
        }),
      ),
    ).toEqual([
      'no_evidence_of_need',
      'no_reason_could_not_pay',
      'not_linked_to_plan',
      'barrier_not_temporary',
      'other_funding_source',
      'cost_not_justified',
    ]);
  });

  it('F4: a barrier not linked to a plan goal is refused on its own', () => {
    const ps = needJustificationProblems({ ...COMPLETE, linkedPlanGoalOrItemId: null });
    expect(ps).toHaveLength(1);
    expect(ps[0]).toMatchObject({ rule: 'F4', code: 'not_linked_to_plan' });
    expect(ps[0]?.fr).toContain('plan d’action pour l’emploi');
  });
});

describe('saCoordinationProblems (F9)', () => {
  it('F9: an SA client needs a coordination note; a non-SA client does not', () => {
    expect(codes(saCoordinationProblems({ saProgram: 'ontario_works', coordinationNote: null }))).toEqual([
      'sa_coordination_note_missing',
    ]);
    expect(codes(saCoordinationProblems({ saProgram: 'odsp', coordinationNote: '  ' }))).toEqual([
      'sa_coordination_note_missing',
    ]);
    expect(
      saCoordinationProblems({ saProgram: 'odsp', coordinationNote: 'Called SA worker; EO pays' }),
    ).toEqual([]);
    expect(saCoordinationProblems({ saProgram: null, coordinationNote: null })).toEqual([]);
  });
});

const ACCOMMODATION: OdspReserveFacts = {
  odspRecipient: true,
  disabilitySelfIdentification: 'yes',
  use: 'workplace_accommodation',
  owedByEmployer: false,
};
const ASSESSMENT: OdspReserveFacts = {
  odspRecipient: true,
  disabilitySelfIdentification: 'yes',
  use: 'specialized_diagnostic_assessment',
  infoNotObtainableOtherwise: true,
  byProfessional: true,
  writtenConsent: true,
};

describe('odspReserveProblems (F8)', () => {
  it('F8: an ODSP recipient with a self-identified disability may use the reserve for an accommodation', () => {
    expect(odspReserveProblems(ACCOMMODATION)).toEqual([]);
  });

  it('F8: ODSP recipient AND self-identified disability, both required', () => {
    expect(codes(odspReserveProblems({ ...ACCOMMODATION, odspRecipient: false }))).toEqual([
      'not_odsp_with_disability',
    ]);
    expect(
      codes(odspReserveProblems({ ...ACCOMMODATION, disabilitySelfIdentification: 'prefer_not_to_say' })),
    ).toEqual(['not_odsp_with_disability']);
  });

  it('F8: only workplace accommodations or specialized diagnostic assessments', () => {
    expect(codes(odspReserveProblems({ ...ACCOMMODATION, use: null }))).toEqual(['reserve_use_not_eligible']);
  });

  it('F8: an assessment needs info not obtainable otherwise, a professional and written consent', () => {
    expect(odspReserveProblems(ASSESSMENT)).toEqual([]);
    expect(
      codes(
        odspReserveProblems({
          ...ASSESSMENT,
          infoNotObtainableOtherwise: false,
          byProfessional: false,
          writtenConsent: false,
        }),
      ),
    ).toEqual([
      'assessment_info_obtainable_otherwise',
      'assessment_not_by_professional',
      'assessment_no_written_consent',
    ]);
    expect(codes(odspReserveProblems({ ...ASSESSMENT, writtenConsent: false }))).toEqual([
      'assessment_no_written_consent',
    ]);
  });

  it('F8: the employer’s Human Rights Code and AODA duties come first', () => {
    expect(codes(odspReserveProblems({ ...ACCOMMODATION, owedByEmployer: true }))).toEqual([
      'employer_duty_first',
    ]);
    expect(codes(odspReserveProblems({ ...ACCOMMODATION, owedByEmployer: null }))).toEqual([
      'employer_duty_not_considered',
    ]);
  });
});

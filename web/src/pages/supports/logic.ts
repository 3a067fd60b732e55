/**
 * The request form's pure part (no React, no browser), so the unit tests reach it: what a draft
 * sends to the API.
 */
import { isBlank } from '../../forms.js';
import { dollarsToCents } from '../../money.js';
import type {
  OdspReserveUse,
  PlanSupports,
  PurchaseForm,
  SellerKind,
  SupportCategory,
  SupportRequestInput,
} from './types.js';

/** F5 categories whose request carries a first and last day (training ≤ 3 months, childcare ≤ 2 weeks). */
export const DATED_CATEGORIES: readonly SupportCategory[] = ['short_term_training', 'emergency_childcare'];

/** What the form holds, as typed. */
export interface RequestDraft {
  category: SupportCategory | '';
  description: string;
  vendorName: string;
  sellerKind: SellerKind;
  purchaseForm: PurchaseForm;
  amount: string;
  servicesDebt: boolean;
  periodFrom: string;
  periodTo: string;
  employerProvidesPpe: boolean;
  /** "goal:1", "goal:2", "item:<id>" or "" (F4 principle 2). */
  link: string;
  evidenceOfNeed: string;
  whyCouldNotPay: string;
  reasonableCost: string;
  barrierTemporary: boolean;
  noOtherFundingSource: boolean;
  saCoordinationNote: string;
  plannedIssueOn: string;
  useOdspReserve: boolean;
  odspReserveUse: OdspReserveUse | '';
  infoNotObtainableOtherwise: boolean;
  byProfessional: boolean;
  writtenConsent: boolean;
  /** "yes", "no" or "" (not considered yet). */
  owedByEmployer: '' | 'yes' | 'no';
}

export const emptyDraft = (today: string): RequestDraft => ({
  category: '',
  description: '',
  vendorName: '',
  sellerKind: 'business',
  purchaseForm: 'goods_or_services',
  amount: '',
  servicesDebt: false,
  periodFrom: '',
  periodTo: '',
  employerProvidesPpe: false,
  link: '',
  evidenceOfNeed: '',
  whyCouldNotPay: '',
  reasonableCost: '',
  barrierTemporary: false,
  noOtherFundingSource: false,
  saCoordinationNote: '',
  plannedIssueOn: today,
  useOdspReserve: false,
  odspReserveUse: '',
  infoNotObtainableOtherwise: false,
  byProfessional: false,
  writtenConsent: false,
  owedByEmployer: '',
});

/**
 * The request body of a draft, or null while it lacks what the API needs to read it at all
 * (category, what, vendor, an amount, a planned issue date).
 */
export function requestBodyOf(
  d: RequestDraft,
  flags: PlanSupports['clientFlags'],
): SupportRequestInput | null {
  const amountCents = dollarsToCents(d.amount);
  if (!d.category || isBlank(d.description) || isBlank(d.vendorName) || !d.plannedIssueOn) return null;
  if (amountCents === null || amountCents < 1) return null;
  const dated = DATED_CATEGORIES.includes(d.category);
  const [linkKind, linkValue] = d.link.split(':');
  const reserve = flags.saProgram === 'odsp' && d.useOdspReserve;
  return {
    kind: 'client',
    category: d.category,
    description: d.description.trim(),
    vendorName: d.vendorName.trim(),
    sellerKind: d.sellerKind,
    purchaseForm: d.purchaseForm,
    amountCents,
    servicesDebt: d.servicesDebt,
    periodFrom: dated && d.periodFrom ? d.periodFrom : null,
    periodTo: dated && d.periodTo ? d.periodTo : null,
    employerProvidesPpe: d.category === 'special_equipment_supplies' ? d.employerProvidesPpe : false,
    planGoalOrdinal: linkKind === 'goal' ? (linkValue === '2' ? 2 : 1) : null,
    planItemId: linkKind === 'item' && linkValue ? linkValue : null,
    justification: {
      evidenceOfNeed: d.evidenceOfNeed.trim(),
      whyCouldNotPay: d.whyCouldNotPay.trim(),
      reasonableCost: d.reasonableCost.trim(),
      barrierTemporary: d.barrierTemporary,
      noOtherFundingSource: d.noOtherFundingSource,
    },
    saCoordinationNote:
      flags.saProgram && !isBlank(d.saCoordinationNote) ? d.saCoordinationNote.trim() : null,
    plannedIssueOn: d.plannedIssueOn,
    fundingSource: reserve ? 'odsp_client_reserve' : 'erfs',
    odspReserveUse: reserve && d.odspReserveUse ? d.odspReserveUse : null,
    ...(reserve
      ? {
          odspDeclarations:
            d.odspReserveUse === 'specialized_diagnostic_assessment'
              ? {
                  infoNotObtainableOtherwise: d.infoNotObtainableOtherwise,
                  byProfessional: d.byProfessional,
                  writtenConsent: d.writtenConsent,
                }
              : { owedByEmployer: d.owedByEmployer === '' ? null : d.owedByEmployer === 'yes' },
        }
      : {}),
  };
}

/** The fiscal years the page offers: next year (to set it up ahead), this one and the three before. */
export const budgetYearChoices = (current: number) => [
  current + 1,
  current,
  current - 1,
  current - 2,
  current - 3,
];

/**
 * F13 (and I3): when a support must be reported to the SSM, where the report stands on a day, and
 * whether the attached evidence is acceptable.
 *
 * Deadlines, on the business calendar the caller passes (weekends, Ontario ESA holidays, their
 * substitute days and the SSM's closures; `calendar/business-calendar.ts`):
 * - client supports: within 3 business days of issuing: the due date is
 *   `addBusinessDays(issuedOn, 3)` (the issue day is not counted). Issued Thursday 2 April 2026, the
 *   day before Good Friday: due Wednesday 8 April.
 * - employer supports: within 15 business days of completing the placement:
 *   `addBusinessDays(placementEndedOn, 15)`, counted from the placement's last day.
 * The report is due through the due date inclusive and overdue from the next day; a report made
 * after it is recorded as `reported_late`.
 *
 * Evidence (interpretations of the §13 list):
 * - Evidence of expenditure is an itemized receipt. For employer supports the employer's itemized
 *   invoice also counts (a wage subsidy has no till receipt); the Training Incentive Placement
 *   Agreement must be attached too.
 * - A gift card needs the itemized receipt of what was bought with it; the receipt for the card
 *   itself is not enough. A gas card is the exception: its purchase receipt suffices.
 * - Card slips, screenshots of accounts or payments and handwritten receipts are never evidence;
 *   when nothing acceptable is attached the refusal names what was attached and why it fails.
 * - A purchase from an individual (handwritten or online-marketplace receipts) is refused whatever
 *   is attached (§13: "not eligible"); the caseworker declares the seller.
 * - A debt payment without SSM pre-approval is refused whatever is attached.
 * I3: the report is what SA sees as "ERFS use with proof"; sharing is the services' business.
 *
 * Pure: takes a `BusinessCalendar` and never imports `calendar/index` (keeps the holiday library out
 * of the web bundle).
 */
import type { BusinessCalendar } from '../calendar/business-calendar.js';
import { compareIsoDates, ymdOf, type IsoDate } from '../calendar/iso-date.js';
import type {
  EvidenceKind,
  PurchaseForm,
  ReportState,
  SellerKind,
  SupportKind,
  SupportProblem,
} from './types.js';

/** F13 reporting windows in business days. */
export const REPORTING_BUSINESS_DAYS: Readonly<Record<SupportKind, number>> = {
  client: 3,
  employer: 15,
};

/** What starts the reporting clock: issuing (client) or the placement's last day (employer). */
export type ReportClockStart =
  { kind: 'client'; issuedOn: IsoDate } | { kind: 'employer'; placementEndedOn: IsoDate };

/** F13: the last day the support may be reported on time. */
export function reportDueOn(calendar: BusinessCalendar, start: ReportClockStart): IsoDate {
  const from = start.kind === 'client' ? start.issuedOn : start.placementEndedOn;
  return calendar.addBusinessDays(from, REPORTING_BUSINESS_DAYS[start.kind]);
}

/** F13: where the report stands on `today`, given its due date and when it was reported (if it was). */
export function reportState(dueOn: IsoDate, today: IsoDate, reportedOn: IsoDate | null): ReportState {
  ymdOf(dueOn);
  ymdOf(today);
  if (reportedOn !== null) return compareIsoDates(reportedOn, dueOn) <= 0 ? 'reported' : 'reported_late';
  return compareIsoDates(today, dueOn) <= 0 ? 'due' : 'overdue';
}

export interface EvidenceFacts {
  supportKind: SupportKind;
  purchase: PurchaseForm;
  seller: SellerKind;
  /** The kinds of the documents attached to the report. */
  documents: readonly EvidenceKind[];
  /** F6: the SSM pre-approved this support. */
  ssmPreApproved: boolean;
}

/** The documents that prove what was bought, for this support. */
function acceptableKinds(f: EvidenceFacts): readonly EvidenceKind[] {
  if (f.supportKind === 'employer') return ['itemized_receipt', 'employer_invoice'];
  if (f.purchase === 'gas_card') return ['itemized_receipt', 'card_purchase_receipt'];
  return ['itemized_receipt'];
}

function f13(code: string, en: string, fr: string): SupportProblem {
  return { rule: 'F13', code, en, fr };
}

/** Why each kind of document, attached alone, is not evidence. */
const REFUSED_DOCUMENT: Partial<Record<EvidenceKind, SupportProblem>> = {
  card_slip: f13(
    'card_slip_without_itemized_receipt',
    'A card slip is not evidence without the itemized receipt showing what was bought.',
    'Un relevé de carte n’est pas une preuve sans le reçu détaillé indiquant ce qui a été acheté.',
  ),
  account_screenshot: f13(
    'screenshot_not_evidence',
    'Screenshots of accounts or payments are not evidence.',
    'Les captures d’écran de comptes ou de paiements ne constituent pas une preuve.',
  ),
  handwritten_receipt: f13(
    'handwritten_receipt_not_evidence',
    'A handwritten receipt is not an itemized receipt.',
    'Un reçu manuscrit n’est pas un reçu détaillé.',
  ),
  card_purchase_receipt: f13(
    'gift_card_needs_itemized_receipt',
    'A gift card needs the itemized receipt of what was bought with it (gas cards excepted).',
    'Une carte-cadeau exige le reçu détaillé de ce qui a été acheté avec elle (sauf les cartes d’essence).',
  ),
};

/** F13: what is wrong with a report's evidence; empty = acceptable (the SSM still reviews it). */
export function evidenceProblems(f: EvidenceFacts): SupportProblem[] {
  const problems: SupportProblem[] = [];
  if (f.seller === 'individual')
    problems.push(
      f13(
        'purchase_from_individual',
        'Purchases from individuals (handwritten receipts, online buy-and-sell groups) are not eligible.',
        'Les achats auprès de particuliers (reçus manuscrits, groupes d’achat et de vente en ligne) ne sont pas admissibles.',
      ),
    );
  if (f.purchase === 'debt_payment' && !f.ssmPreApproved)
    problems.push(
      f13(
        'debt_without_pre_approval',
        'A debt payment is not an eligible expense without the SSM’s pre-approval.',
        'Le paiement d’une dette n’est pas une dépense admissible sans l’approbation préalable du GSS.',
      ),
    );
  const acceptable = acceptableKinds(f);
  if (!f.documents.some((d) => acceptable.includes(d))) {
    const refused = [...new Set(f.documents)].flatMap((d) => REFUSED_DOCUMENT[d] ?? []);
    problems.push(
      ...refused,
      f.supportKind === 'employer'
        ? f13(
            'no_itemized_evidence',
            'Attach an itemized receipt or the employer’s itemized invoice as evidence of the expenditure.',
            'Joignez un reçu détaillé ou la facture détaillée de l’employeur comme preuve de la dépense.',
          )
        : f13(
            'no_itemized_receipt',
            'Attach an itemized receipt as evidence of the expenditure.',
            'Joignez un reçu détaillé comme preuve de la dépense.',
          ),
    );
  }
  if (f.supportKind === 'employer' && !f.documents.includes('placement_agreement'))
    problems.push(
      f13(
        'placement_agreement_missing',
        'An employer-support report needs the Training Incentive Placement Agreement attached.',
        'Un rapport de soutien à l’employeur exige l’entente de placement avec incitatif à la formation en pièce jointe.',
      ),
    );
  return problems;
}

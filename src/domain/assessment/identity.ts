/**
 * Identity verification before the CA is completed (C4, guidelines §10). Only the kind of evidence
 * is recorded, never a number or an image: the guidelines forbid copying ID.
 */
import {
  DUAL_PROCESS_SOURCES,
  PHOTO_ID_KINDS,
  REFUSED_ID_KINDS,
  type AssessmentFlow,
  type DualProcessSource,
  type PhotoIdKind,
  type RefusedIdKind,
} from './types.js';

export interface DualProcessItem {
  source: DualProcessSource;
  /** What was seen, in words: "utility bill", "bank statement". */
  document: string;
  original: boolean;
}

export type IdentityEvidence =
  | {
      method: 'photo_id';
      kind: PhotoIdKind | RefusedIdKind;
      /** Null only for a kind that prints no expiry date (NO_EXPIRY_KINDS). */
      expiresOn: string | null;
      seen: 'in_person' | 'video';
    }
  | { method: 'dual_process'; items: DualProcessItem[] }
  | { method: 'sa_documentation' };

export interface IdentityProblem {
  field: string;
  code: string;
  en: string;
  fr: string;
}

export type IdentityResult = { ok: true } | { ok: false; problems: IdentityProblem[] };

export interface IdentityContext {
  /** Toronto date 'YYYY-MM-DD'. */
  today: string;
  /** OW or ODSP client: SA's documentation may be relied on. */
  saClient: boolean;
  /** An SA-flow CA is an SA client's by definition; accepted for callers that know the flow. */
  flow?: AssessmentFlow;
}

/** Free-text description of a dual-process document; a label, not a transcription. */
export const DUAL_PROCESS_DOCUMENT_MAX_LENGTH = 100;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * C4 asks for valid, unexpired photo ID; a Canadian citizenship card prints no expiry date, so it is
 * valid without one. Every other accepted card has an expiry date to check.
 */
export const NO_EXPIRY_KINDS: readonly PhotoIdKind[] = ['citizenship_card'];
export const expiryRequired = (kind: string): boolean =>
  !(NO_EXPIRY_KINDS as readonly string[]).includes(kind);

export function verifyIdentity(e: IdentityEvidence, ctx: IdentityContext): IdentityResult {
  const problems: IdentityProblem[] = [];
  switch (e.method) {
    case 'photo_id':
      if ((REFUSED_ID_KINDS as readonly string[]).includes(e.kind))
        problems.push({
          field: 'kind',
          code: 'refused_id_kind',
          en: 'A health card or SIN card cannot be used as identification (the Privacy Act forbids it). Use another photo ID or the dual process.',
          fr: 'La carte Santé et la carte d’assurance sociale ne peuvent pas servir de pièce d’identité (la Loi sur la protection des renseignements personnels l’interdit). Utilisez une autre pièce d’identité avec photo ou la double vérification.',
        });
      else if (!(PHOTO_ID_KINDS as readonly string[]).includes(e.kind))
        problems.push({
          field: 'kind',
          code: 'unknown_id_kind',
          en: 'This is not an accepted government photo ID.',
          fr: 'Ce n’est pas une pièce d’identité gouvernementale avec photo acceptée.',
        });
      if (e.expiresOn === null) {
        if (expiryRequired(e.kind))
          problems.push({
            field: 'expiresOn',
            code: 'expiry_required',
            en: 'Enter the expiry date printed on the ID: only a citizenship card has none.',
            fr: 'Inscrivez la date d’expiration imprimée sur la pièce : seule la carte de citoyenneté n’en a pas.',
          });
      } else if (!DATE.test(e.expiresOn))
        problems.push({
          field: 'expiresOn',
          code: 'invalid_date',
          en: 'Enter the expiry date printed on the ID.',
          fr: 'Inscrivez la date d’expiration imprimée sur la pièce.',
        });
      // A card is valid through its expiry date: expiring today still counts.
      else if (e.expiresOn < ctx.today)
        problems.push({
          field: 'expiresOn',
          code: 'expired',
          en: 'This ID has expired; photo ID must be valid on the day it is seen.',
          fr: 'Cette pièce est expirée; la pièce d’identité avec photo doit être valide le jour où elle est vue.',
        });
      if (e.seen !== 'in_person' && e.seen !== 'video')
        problems.push({
          field: 'seen',
          code: 'not_seen',
          en: 'Photo ID is seen in person or on camera.',
          fr: 'La pièce d’identité avec photo est vue en personne ou à la caméra.',
        });
      break;
    case 'dual_process': {
      if (e.items.length !== 2)
        problems.push({
          field: 'items',
          code: 'two_items_needed',
          en: 'The dual process needs exactly two documents, from two different kinds of source.',
          fr: 'La double vérification exige exactement deux documents, provenant de deux types de sources différents.',
        });
      e.items.forEach((item, i) => {
        if (!(DUAL_PROCESS_SOURCES as readonly string[]).includes(item.source))
          problems.push({
            field: `items.${i}.source`,
            code: 'unknown_source',
            en: 'Choose what the document shows: name and address, name and date of birth, or name and a financial account.',
            fr: 'Choisissez ce que montre le document : nom et adresse, nom et date de naissance, ou nom et compte financier.',
          });
        else if (e.items.findIndex((other) => other.source === item.source) < i)
          problems.push({
            field: `items.${i}.source`,
            code: 'same_source',
            en: 'The two documents must come from two different kinds of source.',
            fr: 'Les deux documents doivent provenir de deux types de sources différents.',
          });
        const document = item.document.trim();
        if (document === '' || document.length > DUAL_PROCESS_DOCUMENT_MAX_LENGTH)
          problems.push({
            field: `items.${i}.document`,
            code: 'document_required',
            en: `Say which document was seen (at most ${DUAL_PROCESS_DOCUMENT_MAX_LENGTH} characters), for example “utility bill”.`,
            fr: `Indiquez le document vu (au plus ${DUAL_PROCESS_DOCUMENT_MAX_LENGTH} caractères), par exemple « facture de services publics ».`,
          });
        if (!item.original)
          problems.push({
            field: `items.${i}.original`,
            code: 'original_required',
            en: 'Only original documents are accepted: not photocopies, faxes or electronic images.',
            fr: 'Seuls les documents originaux sont acceptés : ni photocopies, ni télécopies, ni images électroniques.',
          });
      });
      break;
    }
    case 'sa_documentation':
      if (!ctx.saClient && ctx.flow !== 'sa')
        problems.push({
          field: 'method',
          code: 'sa_documentation_not_allowed',
          en: 'Social assistance documentation can be relied on only for clients receiving Ontario Works or ODSP.',
          fr: 'On peut se fier à la documentation de l’aide sociale seulement pour les clients qui reçoivent des prestations d’Ontario au travail ou du POSPH.',
        });
      break;
  }
  return problems.length ? { ok: false, problems } : { ok: true };
}

export const PHOTO_ID_LABELS: Record<PhotoIdKind | RefusedIdKind, { en: string; fr: string }> = {
  drivers_licence: { en: 'Driver’s licence', fr: 'Permis de conduire' },
  ontario_photo_card: { en: 'Ontario Photo Card', fr: 'Carte-photo de l’Ontario' },
  passport: { en: 'Passport', fr: 'Passeport' },
  nexus_or_enhanced_licence: {
    en: 'NEXUS card or enhanced driver’s licence',
    fr: 'Carte NEXUS ou permis de conduire Plus',
  },
  citizenship_card: { en: 'Canadian citizenship card', fr: 'Carte de citoyenneté canadienne' },
  permanent_resident_card: { en: 'Permanent resident card', fr: 'Carte de résident permanent' },
  status_card: {
    en: 'Certificate of Indian Status or Métis card',
    fr: 'Certificat de statut d’Indien ou carte de Métis',
  },
  health_card: { en: 'Health card (not accepted)', fr: 'Carte Santé (non acceptée)' },
  sin_card: { en: 'SIN card (not accepted)', fr: 'Carte d’assurance sociale (non acceptée)' },
};

export const DUAL_PROCESS_SOURCE_LABELS: Record<DualProcessSource, { en: string; fr: string }> = {
  name_and_address: {
    en: 'Name and address (property tax assessment, benefits statement, Notice of Assessment, utility bill)',
    fr: 'Nom et adresse (évaluation foncière, relevé de prestations, avis de cotisation, facture de services publics)',
  },
  name_and_date_of_birth: {
    en: 'Name and date of birth (original birth certificate, marriage certificate, temporary driver’s licence)',
    fr: 'Nom et date de naissance (certificat de naissance original, certificat de mariage, permis de conduire temporaire)',
  },
  name_and_financial_account: {
    en: 'Name and a financial account (bank, credit card or loan statement)',
    fr: 'Nom et compte financier (relevé bancaire, de carte de crédit ou de prêt)',
  },
};

/**
 * The service level determination (SLD) that closes Module 1 (S1–S5, guidelines §9). It is not a
 * bank section: it is the provider's judgement, recorded with its reasons, not the client's answer.
 */
import type { ScreeningResult } from '../eligibility/screening.js';
import {
  SELF_DIRECTED_INDICATORS,
  type RuleProblem,
  type SelfDirectedIndicator,
  type ServiceLevel,
} from './types.js';

export type { RuleProblem } from './types.js';

export type ServiceLevelActor = 'provider' | 'sa_office' | 'ssm';

export interface ServiceLevelInput {
  level: ServiceLevel;
  saClient: boolean;
  actorKind: ServiceLevelActor;
  /** S3: the self-directed indicators the provider saw. */
  indicators: readonly string[];
  /** S3/R2: why; kept with the record for a self-directed client. */
  rationale: string | null | undefined;
  eligibility: Pick<ScreeningResult, 'outcome' | 'reasons'>;
}

/** Longest SLD rationale; a paragraph, not a case note. */
export const SERVICE_LEVEL_RATIONALE_MAX_LENGTH = 2000;

export function checkServiceLevel(input: ServiceLevelInput): RuleProblem[] {
  const { level, saClient, actorKind, indicators, rationale, eligibility } = input;
  const problems: RuleProblem[] = [];

  if (actorKind === 'sa_office')
    // S2: the SLD question is closed to SA caseworkers; the provider answers it once the CA reaches it.
    problems.push({
      rule: 'S2',
      field: 'level',
      code: 'sa_cannot_set_service_level',
      en: 'Social assistance caseworkers cannot set the service level; the employment service provider sets it once the assessment is referred.',
      fr: 'Les intervenants de l’aide sociale ne peuvent pas établir le niveau de service; le fournisseur de services d’emploi l’établit une fois l’évaluation aiguillée.',
    });
  else if (actorKind === 'ssm')
    // S1: the level is the provider's judgement after Module 1; the SSM assigns, it does not serve.
    problems.push({
      rule: 'S1',
      field: 'level',
      code: 'provider_sets_service_level',
      en: 'The service level is set by the employment service provider that serves the client.',
      fr: 'Le niveau de service est établi par le fournisseur de services d’emploi qui sert le client.',
    });

  const eligible = eligibility.outcome === 'case_managed_eligible';
  if (level === 'case_managed' && !eligible) {
    // E1–E6: everyone gets some service, so the refusal always says what is open instead.
    const first = eligibility.reasons[0];
    const why = eligibility.reasons.map((r) => r.en).join(' ');
    const pourquoi = eligibility.reasons.map((r) => r.fr).join(' ');
    problems.push({
      rule: first?.rule ?? 'E1',
      field: 'level',
      code: 'not_eligible_for_case_managed',
      en: `Case-managed service is not open to this client. ${why} Self-directed service is available: choose self-directed and record the rationale.`.replace(
        /\s+/g,
        ' ',
      ),
      fr: `Les services avec gestion de cas ne sont pas offerts à ce client. ${pourquoi} Les services autonomes sont offerts : choisissez le service autonome et consignez la justification.`.replace(
        /\s+/g,
        ' ',
      ),
    });
  }

  // S2: SA clients are case-managed until further notice. When they are not eligible, the E refusal
  // above stands alone: insisting on both would leave no level the provider could pick.
  if (saClient && eligible && level !== 'case_managed')
    problems.push({
      rule: 'S2',
      field: 'level',
      code: 'sa_client_case_managed',
      en: 'Clients receiving Ontario Works or ODSP are case-managed.',
      fr: 'Les clients qui reçoivent des prestations d’Ontario au travail ou du POSPH bénéficient de services avec gestion de cas.',
    });

  indicators.forEach((indicator, i) => {
    if (!(SELF_DIRECTED_INDICATORS as readonly string[]).includes(indicator))
      problems.push({
        rule: 'S3',
        field: `indicators.${i}`,
        code: 'unknown_indicator',
        en: `“${indicator}” is not a self-directed indicator.`,
        fr: `« ${indicator} » n’est pas un indicateur de service autonome.`,
      });
  });
  if (new Set(indicators).size !== indicators.length)
    problems.push({
      rule: 'S3',
      field: 'indicators',
      code: 'duplicate_indicator',
      en: 'Each indicator is listed once.',
      fr: 'Chaque indicateur n’est indiqué qu’une fois.',
    });

  const said = rationale?.trim() ?? '';
  if (level === 'self_directed' && said === '')
    // S3/R2/S4: the rationale is what the provider keeps, and what a later cancellation ("Other") cites.
    problems.push({
      rule: 'S3',
      field: 'rationale',
      code: 'rationale_required',
      en: 'Say why self-directed service suits this client; the rationale is kept with the record.',
      fr: 'Indiquez pourquoi le service autonome convient à ce client; la justification est conservée au dossier.',
    });
  if (said.length > SERVICE_LEVEL_RATIONALE_MAX_LENGTH)
    problems.push({
      rule: 'S3',
      field: 'rationale',
      code: 'rationale_too_long',
      en: `The rationale is limited to ${SERVICE_LEVEL_RATIONALE_MAX_LENGTH} characters.`,
      fr: `La justification est limitée à ${SERVICE_LEVEL_RATIONALE_MAX_LENGTH} caractères.`,
    });
  return problems;
}

/** S4: Module 2 (and an EAP) follow only for case-managed clients. */
export function needsModule2(level: ServiceLevel | null | undefined): boolean {
  return level === 'case_managed';
}

export interface ServiceLevelNote {
  rule: 'S4' | 'S5';
  code: string;
  en: string;
  fr: string;
}

/** What the worker is told once a level is set: not refusals, next steps. */
export function serviceLevelNotes(level: ServiceLevel): ServiceLevelNote[] {
  if (level === 'service_pending')
    return [
      {
        rule: 'S5',
        code: 'consult_ssm_intake',
        en: 'Service pending: consult SSM intake now about other options in the network; meanwhile the client may use self-directed services.',
        fr: 'Service en attente : consultez dès maintenant l’équipe d’accueil du GSS sur les autres options du réseau; entre-temps, le client peut utiliser les services autonomes.',
      },
    ];
  if (level === 'self_directed')
    return [
      {
        rule: 'S4',
        code: 'module1_stays_in_progress',
        en: 'Self-directed: no Module 2 or action plan. Module 1 stays in progress for 120 days in case circumstances change; after that it may be cancelled with reason “Other” and the rationale.',
        fr: 'Service autonome : ni module 2 ni plan d’action. Le module 1 reste en cours pendant 120 jours au cas où la situation changerait; ensuite, il peut être annulé pour le motif « Autre », avec la justification.',
      },
    ];
  return [];
}

/** S3: the indicators, labelled, for the SLD form. */
export const SELF_DIRECTED_INDICATOR_LABELS: Record<SelfDirectedIndicator, { en: string; fr: string }> = {
  client_choice: {
    en: 'The client chooses self-directed service',
    fr: 'Le client choisit le service autonome',
  },
  good_employability: {
    en: 'Work history, education and skills show good employability',
    fr: 'Les antécédents de travail, les études et les compétences montrent une bonne employabilité',
  },
  high_motivation: {
    en: 'High motivation and commitment to the job search',
    fr: 'Grande motivation et engagement envers la recherche d’emploi',
  },
  computer_literacy: {
    en: 'Average or better computer literacy',
    fr: 'Compétences en informatique moyennes ou supérieures',
  },
  no_employer_perception_barriers: {
    en: 'No significant challenges with employers’ perceptions',
    fr: 'Aucune difficulté importante liée à la perception des employeurs',
  },
  no_life_stabilization_needs: {
    en: 'No significant life stabilization needs',
    fr: 'Aucun besoin important de stabilisation de la vie',
  },
};

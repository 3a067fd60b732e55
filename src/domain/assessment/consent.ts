/**
 * The Notice of Collection and Consent (C3), read verbatim before any question and kept by version:
 * each consent reading records the version read, so what the person agreed to can always be shown
 * word for word. A new wording is a new version; old versions are never edited.
 */

export interface ConsentNotice {
  version: string;
  publishedOn: string;
  en: string;
  fr: string;
}

const NOTICE_2026_1: ConsentNotice = {
  version: '2026-1',
  publishedOn: '2026-01-05',
  en: [
    'Notice of Collection and Consent',
    'Before we start, I need to read you this notice and ask whether you agree.',
    'To offer you employment services, we will ask you about yourself: your contact details, status in Canada, education, skills, health and disability if you choose to tell us, income and any social assistance, your work history and your goals. You may answer “prefer not to say” to any question about your identity. Your answers help us plan services with you and measure and fund the employment services network.',
    'Your information will be seen by the staff who serve you: the Service System Manager for this area and the employment service providers working with you. If you receive Ontario Works or the Ontario Disability Support Program, it is shared with your social assistance office so that you tell your story only once. It is also shared with the Ontario Ministry of Labour, Immigration, Training and Skills Development, which funds these services, and may be used in reports that never identify you.',
    'We collect this information under the authority of the Ministry of Training, Colleges and Universities Act and, for people receiving social assistance, the Ontario Works Act, 1997 and the Ontario Disability Support Program Act, 1997. It is protected under the Freedom of Information and Protection of Privacy Act.',
    'You can withdraw your consent at any time by telling us. Case-managed employment services would then stop, we would stop sharing your information, and we would ask for it to be removed. You can ask for a written copy of this notice. If you have questions about your privacy, ask your caseworker for the privacy officer’s contact details, printed on the written copy.',
    'Do you understand this notice, and do you agree to continue?',
  ].join('\n\n'),
  fr: [
    'Avis de collecte et de consentement',
    'Avant de commencer, je dois vous lire cet avis et vous demander si vous êtes d’accord.',
    'Pour vous offrir des services d’emploi, nous vous poserons des questions sur vous : vos coordonnées, votre statut au Canada, vos études, vos compétences, votre santé et un handicap si vous choisissez de nous en parler, votre revenu et toute aide sociale, vos antécédents de travail et vos objectifs. Vous pouvez répondre « préfère ne pas répondre » à toute question sur votre identité. Vos réponses nous aident à planifier les services avec vous ainsi qu’à mesurer et à financer le réseau des services d’emploi.',
    'Vos renseignements seront consultés par le personnel qui vous sert : le gestionnaire du système de services de la région et les fournisseurs de services d’emploi qui travaillent avec vous. Si vous recevez des prestations d’Ontario au travail ou du Programme ontarien de soutien aux personnes handicapées, ils sont communiqués à votre bureau d’aide sociale pour que vous n’ayez à raconter votre histoire qu’une seule fois. Ils sont aussi communiqués au ministère du Travail, de l’Immigration, de la Formation et du Développement des compétences de l’Ontario, qui finance ces services, et peuvent servir à des rapports qui ne vous identifient jamais.',
    'Nous recueillons ces renseignements en vertu de la Loi sur le ministère de la Formation et des Collèges et Universités et, pour les personnes qui reçoivent de l’aide sociale, de la Loi de 1997 sur le programme Ontario au travail et de la Loi de 1997 sur le Programme ontarien de soutien aux personnes handicapées. Ils sont protégés en vertu de la Loi sur l’accès à l’information et la protection de la vie privée.',
    'Vous pouvez retirer votre consentement en tout temps en nous le disant. Les services d’emploi avec gestion de cas prendraient alors fin, nous cesserions de communiquer vos renseignements et nous demanderions qu’ils soient supprimés. Vous pouvez demander une copie écrite de cet avis. Si vous avez des questions sur la protection de vos renseignements personnels, demandez à votre conseiller ou conseillère les coordonnées de la personne responsable de la protection de la vie privée, imprimées sur la copie écrite.',
    'Comprenez-vous cet avis et acceptez-vous de continuer?',
  ].join('\n\n'),
};

export const CONSENT_NOTICES: Readonly<Record<string, ConsentNotice>> = Object.freeze({
  [NOTICE_2026_1.version]: NOTICE_2026_1,
});

export const CURRENT_NOTICE_VERSION = NOTICE_2026_1.version;

export function consentNotice(version: string): ConsentNotice | null {
  return Object.hasOwn(CONSENT_NOTICES, version) ? CONSENT_NOTICES[version]! : null;
}

export interface ReconfirmationInput {
  /** The last time the notice was read for this client's CA (given or reconfirmed). */
  lastReading: { organizationId: string; on: string } | null;
  actorOrganizationId: string;
  /** Toronto date 'YYYY-MM-DD'. */
  today: string;
}

/**
 * Whether the notice must be read again before answering. C9: the same organization resuming a CA
 * on a later day re-reads the notice. C3: an organization taking over a CA another began (SA →
 * provider) relies on the consent already given; it may still re-confirm, which is not forced here.
 */
export function needsReconfirmation({
  lastReading,
  actorOrganizationId,
  today,
}: ReconfirmationInput): boolean {
  if (lastReading === null) return true;
  if (lastReading.organizationId !== actorOrganizationId) return false;
  return lastReading.on.slice(0, 10) < today.slice(0, 10);
}

/**
 * L1/E8: staff were unsure when a client is ready to refer. Readiness means able to take part
 * meaningfully in employment services, not job-ready; the tool shows the factors the guidelines
 * (§7) ask SA caseworkers, and providers receiving a self-referral, to weigh. Guidance, not a gate:
 * the CA informs and does not decide (C12).
 */
export interface ReadinessFactor {
  id: string;
  en: string;
  fr: string;
}

export const READINESS_FACTORS: readonly ReadinessFactor[] = [
  {
    id: 'module1_answers',
    en: 'The client’s answers to Module 1 of this assessment.',
    fr: 'Les réponses du client au module 1 de cette évaluation.',
  },
  {
    id: 'stability_progress',
    en: 'Progress on, and commitment to, stability support activities.',
    fr: 'Les progrès et l’engagement du client dans les activités de soutien à la stabilité.',
  },
  {
    id: 'sa_action_plan',
    en: 'Barriers and goals already set in the social assistance action plan.',
    fr: 'Les obstacles et les objectifs déjà établis dans le plan d’action de l’aide sociale.',
  },
  {
    id: 'interest_not_in_crisis',
    en: 'Interest in taking part: the client is motivated and not in crisis.',
    fr: 'L’intérêt à participer : le client est motivé et n’est pas en situation de crise.',
  },
  {
    id: 'history',
    en: 'Education, training and work history.',
    fr: 'Les études, la formation et les antécédents de travail.',
  },
  {
    id: 'concurrent_supports',
    en: 'Whether stability supports can continue at the same time as employment services.',
    fr: 'La possibilité de poursuivre les soutiens à la stabilité en même temps que les services d’emploi.',
  },
  {
    id: 'anything_else',
    en: 'Anything else that could affect the client’s ability to take part meaningfully.',
    fr: 'Tout autre élément pouvant nuire à la capacité du client de participer de façon significative.',
  },
];

/** E8: what must never be forgotten, whatever the factors say. */
export const READINESS_REMINDERS: readonly ReadinessFactor[] = [
  {
    id: 'not_job_ready',
    en: 'Ready for employment services does not mean job-ready: life-stabilization work can continue alongside.',
    fr: 'Être prêt pour les services d’emploi ne veut pas dire être prêt à travailler : le travail de stabilisation peut se poursuivre en parallèle.',
  },
  {
    id: 'disability',
    en: 'A disability, or a barrier related to it, is never a reason to deny access to employment services.',
    fr: 'Un handicap, ou un obstacle qui y est lié, n’est jamais un motif de refuser l’accès aux services d’emploi.',
  },
  {
    id: 'odsp_voluntary',
    en: 'ODSP participation is voluntary; an ODSP client may be referred even without the capacity or wish to work 20 hours a week.',
    fr: 'La participation au POSPH est volontaire; un client du POSPH peut être aiguillé même s’il ne peut pas ou ne veut pas travailler 20 heures par semaine.',
  },
];

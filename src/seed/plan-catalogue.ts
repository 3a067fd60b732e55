/**
 * The SSM's plan-item catalogue for a catchment (A2, A7, A10, R1, §11, §13, §14): every minimum
 * service and every one of the eight sub-goal kinds, a referral item for each ministry-retained
 * training program, retention practices from §14, life stabilization, ERFS for jobseekers and
 * employers, and specialized services for the equity-deserving populations. Idempotent on code, so
 * the demo seed and the tests may call it on every start.
 */
import type { Queryable } from '../db/connection.js';
import { planItemCatalogue } from '../db/schema.js';
import type { TrainingProgram } from '../domain/plan/training-referrals.js';
import type { MinimumService, SubGoalKind } from '../domain/plan/types.js';

export interface CatalogueSeedItem {
  code: string;
  subGoalKind: SubGoalKind;
  minimumService: MinimumService;
  trainingProgram?: TrainingProgram;
  nameEn: string;
  nameFr: string;
  descriptionEn: string;
  descriptionFr: string;
}

const item = (
  code: string,
  subGoalKind: SubGoalKind,
  minimumService: MinimumService,
  en: [string, string],
  fr: [string, string],
  trainingProgram?: TrainingProgram,
): CatalogueSeedItem => ({
  code,
  subGoalKind,
  minimumService,
  ...(trainingProgram ? { trainingProgram } : {}),
  nameEn: en[0],
  descriptionEn: en[1],
  nameFr: fr[0],
  descriptionFr: fr[1],
});

export const PLAN_CATALOGUE: readonly CatalogueSeedItem[] = [
  // ---- Life stabilization (A7 b) ----
  item(
    'ls.housing',
    'life_stabilization',
    'life_stabilization',
    ['Housing support referral', 'Referral and warm hand-off to housing help, shelters or rent supports.'],
    [
      'Aiguillage vers le soutien au logement',
      'Aiguillage accompagné vers l’aide au logement, les refuges ou les aides au loyer.',
    ],
  ),
  item(
    'ls.mental_health',
    'life_stabilization',
    'life_stabilization',
    [
      'Mental health and addictions referral',
      'Connection to counselling, mental health or addictions services, with the client’s consent.',
    ],
    [
      'Aiguillage en santé mentale et dépendances',
      'Mise en lien avec des services de counseling, de santé mentale ou de traitement des dépendances, avec le consentement du client.',
    ],
  ),
  item(
    'ls.childcare',
    'life_stabilization',
    'life_stabilization',
    ['Childcare arrangements', 'Help finding licensed childcare and applying for a childcare fee subsidy.'],
    [
      'Organisation de la garde d’enfants',
      'Aide pour trouver une garderie agréée et demander une subvention pour frais de garde.',
    ],
  ),
  item(
    'ls.identification',
    'life_stabilization',
    'life_stabilization',
    [
      'Identification documents',
      'Help replacing a health card, birth certificate or SIN record needed to work.',
    ],
    [
      'Pièces d’identité',
      'Aide pour remplacer une carte santé, un certificat de naissance ou un document de NAS nécessaires pour travailler.',
    ],
  ),
  item(
    'ls.legal_financial',
    'life_stabilization',
    'life_stabilization',
    [
      'Legal and financial counselling referral',
      'Referral to legal aid clinics, credit counselling or tax clinics.',
    ],
    [
      'Aiguillage vers des conseils juridiques et financiers',
      'Aiguillage vers une clinique d’aide juridique, un service de conseil en crédit ou une clinique d’impôts.',
    ],
  ),
  item(
    'ls.food_transport',
    'life_stabilization',
    'life_stabilization',
    [
      'Food security and community supports',
      'Referral to food banks, community meals and local transit discount programs.',
    ],
    [
      'Sécurité alimentaire et soutiens communautaires',
      'Aiguillage vers les banques alimentaires, les repas communautaires et les programmes de tarifs réduits du transport local.',
    ],
  ),

  // ---- Employment assistance services (A7 a, c, d, e) ----
  item(
    'eas.needs_assessment',
    'employment_assistance_services',
    'assessment_and_referral',
    [
      'Employment needs assessment and referral',
      'Deeper assessment beyond the Common Assessment, with referrals to the services the client needs.',
    ],
    [
      'Évaluation des besoins d’emploi et aiguillage',
      'Évaluation approfondie au-delà de l’évaluation commune, avec aiguillage vers les services dont le client a besoin.',
    ],
  ),
  item(
    'eas.community_referral',
    'employment_assistance_services',
    'assessment_and_referral',
    [
      'Referral to a community partner',
      'Warm referral to a community agency or another provider for a service this provider does not offer.',
    ],
    [
      'Aiguillage vers un partenaire communautaire',
      'Aiguillage accompagné vers un organisme communautaire ou un autre fournisseur pour un service qui n’est pas offert ici.',
    ],
  ),
  item(
    'eas.career_counselling',
    'employment_assistance_services',
    'career_exploration',
    [
      'Career exploration and planning',
      'One-on-one career counselling, interest and skills inventories, labour market information.',
    ],
    [
      'Exploration et planification de carrière',
      'Counseling de carrière individuel, inventaires des intérêts et des compétences, information sur le marché du travail.',
    ],
  ),
  item(
    'eas.resume_interview',
    'employment_assistance_services',
    'career_exploration',
    ['Resume and interview preparation', 'Targeted resume and cover letter, mock interviews and feedback.'],
    [
      'Préparation du curriculum vitæ et des entrevues',
      'Curriculum vitæ et lettre de présentation ciblés, entrevues simulées et rétroaction.',
    ],
  ),
  item(
    'eas.jobs_portal',
    'employment_assistance_services',
    'career_exploration',
    [
      'Jobs portal self-service',
      'Guided use of the SSM jobs portal: profile, job alerts, resume builder and saved searches.',
    ],
    [
      'Libre-service du portail d’emplois',
      'Utilisation guidée du portail d’emplois du GSS : profil, alertes d’emploi, outil de création de CV et recherches enregistrées.',
    ],
  ),
  item(
    'eas.job_search_workshop',
    'employment_assistance_services',
    'career_exploration',
    [
      'Job search and networking workshop',
      'Group workshop on the hidden job market, networking and online applications.',
    ],
    [
      'Atelier de recherche d’emploi et de réseautage',
      'Atelier de groupe sur le marché caché de l’emploi, le réseautage et les candidatures en ligne.',
    ],
  ),
  item(
    'eas.employability_skills',
    'employment_assistance_services',
    'employability_skills',
    [
      'Employability skills training',
      'Workplace communication, reliability, time management and digital skills for work.',
    ],
    [
      'Formation en compétences relatives à l’employabilité',
      'Communication en milieu de travail, fiabilité, gestion du temps et compétences numériques pour le travail.',
    ],
  ),
  item(
    'eas.short_certification',
    'employment_assistance_services',
    'employability_skills',
    [
      'Short industry certification',
      'Smart Serve, WHMIS, Safe Food Handling, First Aid/CPR or Working at Heights.',
    ],
    [
      'Courte certification sectorielle',
      'Smart Serve, SIMDUT, manipulation sécuritaire des aliments, secourisme/RCR ou travail en hauteur.',
    ],
  ),
  item(
    'eas.job_trial',
    'employment_assistance_services',
    'job_development',
    ['Paid job trial', 'A short paid trial with an employer to show fit before a hiring decision.'],
    [
      'Essai d’emploi rémunéré',
      'Un court essai rémunéré chez un employeur pour démontrer l’adéquation avant une décision d’embauche.',
    ],
  ),
  item(
    'eas.job_matching',
    'employment_assistance_services',
    'job_development',
    [
      'Job matching and placement',
      'The job developer matches the client to vacancies and arranges interviews with employers.',
    ],
    [
      'Jumelage et placement',
      'Le développeur d’emplois jumelle le client à des postes vacants et organise des entrevues avec les employeurs.',
    ],
  ),
  item(
    'eas.job_carving',
    'employment_assistance_services',
    'job_development',
    [
      'Job carving and employer engagement',
      'Shaping a role with an employer around the client’s strengths and the employer’s needs.',
    ],
    [
      'Création d’emploi sur mesure et mobilisation des employeurs',
      'Conception d’un poste avec un employeur en fonction des forces du client et des besoins de l’employeur.',
    ],
  ),

  // ---- Employer financial supports (ERFS, §13) ----
  item(
    'efs.training_incentive',
    'employer_financial_supports',
    'financial_supports',
    ['Employer training incentive', 'ERFS to an employer for on-the-job training of a newly hired client.'],
    [
      'Incitatif à la formation pour l’employeur',
      'MSFE versé à l’employeur pour la formation en cours d’emploi d’un client nouvellement embauché.',
    ],
  ),
  item(
    'efs.placement_subsidy',
    'employer_financial_supports',
    'financial_supports',
    [
      'Work placement wage support',
      'ERFS toward the wages of a work placement, agreed in writing with the employer.',
    ],
    [
      'Soutien salarial pour un placement',
      'MSFE pour le salaire d’un placement professionnel, convenu par écrit avec l’employeur.',
    ],
  ),
  item(
    'efs.accommodation',
    'employer_financial_supports',
    'financial_supports',
    [
      'Workplace accommodation support',
      'ERFS to an employer for equipment or changes that let the client do the job.',
    ],
    [
      'Soutien aux mesures d’adaptation en milieu de travail',
      'MSFE versé à l’employeur pour l’équipement ou les aménagements qui permettent au client d’occuper le poste.',
    ],
  ),

  // ---- Jobseeker financial supports (ERFS, §13) ----
  item(
    'jfs.transportation',
    'jobseeker_financial_supports',
    'financial_supports',
    ['Transportation support', 'Transit passes or mileage to attend services, interviews or a new job.'],
    [
      'Soutien au transport',
      'Laissez-passer de transport en commun ou kilométrage pour se rendre aux services, aux entrevues ou à un nouvel emploi.',
    ],
  ),
  item(
    'jfs.work_clothing',
    'jobseeker_financial_supports',
    'financial_supports',
    [
      'Work clothing and safety equipment',
      'Safety boots, uniforms or protective equipment required for a job.',
    ],
    [
      'Vêtements de travail et équipement de sécurité',
      'Bottes de sécurité, uniformes ou équipement de protection exigés pour un emploi.',
    ],
  ),
  item(
    'jfs.childcare_costs',
    'jobseeker_financial_supports',
    'financial_supports',
    ['Childcare costs', 'Short-term childcare costs while the client attends training or starts work.'],
    [
      'Frais de garde d’enfants',
      'Frais de garde à court terme pendant que le client suit une formation ou commence à travailler.',
    ],
  ),
  item(
    'jfs.certification_fees',
    'jobseeker_financial_supports',
    'financial_supports',
    [
      'Certification and licensing fees',
      'Fees for a licence, certificate or credential assessment a job requires.',
    ],
    [
      'Frais de certification et de permis',
      'Frais d’un permis, d’un certificat ou d’une évaluation des titres de compétence exigés pour un emploi.',
    ],
  ),
  item(
    'jfs.tools',
    'jobseeker_financial_supports',
    'financial_supports',
    ['Tools and equipment', 'Tools of the trade the client must bring to a new job.'],
    ['Outils et équipement', 'Outils du métier que le client doit apporter à son nouvel emploi.'],
  ),

  // ---- Skills development – ministry delivered programs (A10) ----
  item(
    'sdm.sao',
    'skills_development_ministry_delivered',
    'skills_training_referral',
    [
      'Referral to SkillsAdvance Ontario',
      'Sector-focused training with an employer partner, leading straight to a job.',
    ],
    [
      'Aiguillage vers Compétences Avancées Ontario',
      'Formation axée sur un secteur avec un employeur partenaire, menant directement à un emploi.',
    ],
    'sao',
  ),
  item(
    'sdm.obtp',
    'skills_development_ministry_delivered',
    'skills_training_referral',
    [
      'Referral to the Ontario Bridge Training Program',
      'Bridging training for internationally trained newcomers to work in their field.',
    ],
    [
      'Aiguillage vers le Programme ontarien de formation relais',
      'Formation relais permettant aux nouveaux arrivants formés à l’étranger de travailler dans leur domaine.',
    ],
    'obtp',
  ),
  item(
    'sdm.cojg',
    'skills_development_ministry_delivered',
    'skills_training_referral',
    [
      'Referral to the Canada-Ontario Job Grant',
      'Employer-led training for a new hire, co-funded by the employer.',
    ],
    [
      'Aiguillage vers la Subvention Canada-Ontario pour l’emploi',
      'Formation dirigée par l’employeur pour une nouvelle recrue, cofinancée par l’employeur.',
    ],
    'cojg',
  ),
  item(
    'sdm.apprenticeship',
    'skills_development_ministry_delivered',
    'skills_training_referral',
    [
      'Referral to an apprenticeship',
      'Registration as an apprentice with a sponsoring employer in a skilled trade.',
    ],
    [
      'Aiguillage vers l’apprentissage',
      'Inscription comme apprenti auprès d’un employeur parrain dans un métier spécialisé.',
    ],
    'apprenticeship',
  ),
  item(
    'sdm.bjo',
    'skills_development_ministry_delivered',
    'skills_training_referral',
    [
      'Referral to Better Jobs Ontario',
      'Funded training of up to two years for laid-off workers toward an in-demand job.',
    ],
    [
      'Aiguillage vers Meilleurs emplois Ontario',
      'Formation financée d’une durée maximale de deux ans pour les travailleurs mis à pied, vers un emploi en demande.',
    ],
    'bjo',
  ),
  item(
    'sdm.ojcp',
    'skills_development_ministry_delivered',
    'skills_training_referral',
    [
      'Referral to Ontario Job Creation Partnerships',
      'Work experience on a community project that builds skills and references.',
    ],
    [
      'Aiguillage vers les Partenariats ontariens pour la création d’emplois',
      'Expérience de travail dans un projet communautaire qui développe des compétences et des références.',
    ],
    'ojcp',
  ),
  item(
    'sdm.lbs',
    'skills_development_ministry_delivered',
    'skills_training_referral',
    [
      'Referral to Literacy and Basic Skills',
      'Reading, writing, numeracy and digital skills toward employment, further training or independence.',
    ],
    [
      'Aiguillage vers Alphabétisation et formation de base',
      'Lecture, écriture, calcul et compétences numériques vers l’emploi, la poursuite de la formation ou l’autonomie.',
    ],
    'lbs',
  ),
  item(
    'sdm.sdf',
    'skills_development_ministry_delivered',
    'skills_training_referral',
    [
      'Referral to a Skills Development Fund training project',
      'A funded training project; the client cannot be enrolled in employment services at the same time.',
    ],
    [
      'Aiguillage vers un projet de formation du Fonds pour le développement des compétences',
      'Un projet de formation financé; le client ne peut pas être inscrit aux services d’emploi en même temps.',
    ],
    'sdf',
  ),

  // ---- Skills development – other ----
  item(
    'sdo.academic_upgrading',
    'skills_development_other',
    'skills_training_referral',
    [
      'Academic upgrading referral',
      'Referral to adult high school credits, GED preparation or college academic upgrading.',
    ],
    [
      'Aiguillage vers la mise à niveau scolaire',
      'Aiguillage vers des crédits d’études secondaires pour adultes, la préparation au GED ou la mise à niveau collégiale.',
    ],
  ),
  item(
    'sdo.language_training',
    'skills_development_other',
    'skills_training_referral',
    [
      'Language training referral',
      'Referral to English or French as a second language classes, including occupation-specific language.',
    ],
    [
      'Aiguillage vers la formation linguistique',
      'Aiguillage vers des cours d’anglais ou de français langue seconde, y compris la langue propre à un métier.',
    ],
  ),
  item(
    'sdo.college_program',
    'skills_development_other',
    'skills_training_referral',
    [
      'College or private career college program',
      'Support applying to a certificate or diploma program, and to student financial assistance.',
    ],
    [
      'Programme collégial ou de collège privé d’enseignement professionnel',
      'Soutien à la demande d’admission à un programme menant à un certificat ou à un diplôme, et à l’aide financière aux études.',
    ],
  ),
  item(
    'sdo.micro_credential',
    'skills_development_other',
    'skills_training_referral',
    [
      'Micro-credential or short course',
      'A short, recognised course that fills a specific skills gap for a target job.',
    ],
    [
      'Microcertification ou cours de courte durée',
      'Un cours court et reconnu qui comble une lacune précise pour un emploi visé.',
    ],
  ),

  // ---- Retention (R1, §14 best practices) ----
  item(
    'ret.coaching',
    'retention',
    'job_retention',
    [
      'Post-placement retention coaching',
      'Regular check-ins with the client in the first months of the job to solve problems early.',
    ],
    [
      'Accompagnement au maintien en emploi après le placement',
      'Suivis réguliers avec le client pendant les premiers mois de l’emploi pour régler les problèmes rapidement.',
    ],
  ),
  item(
    'ret.employer_checkin',
    'retention',
    'job_retention',
    [
      'Employer check-in and mediation',
      'Contact with the employer, with the client’s consent, to support onboarding and resolve issues.',
    ],
    [
      'Suivi et médiation auprès de l’employeur',
      'Contact avec l’employeur, avec le consentement du client, pour soutenir l’intégration et régler les difficultés.',
    ],
  ),
  item(
    'ret.advancement',
    'retention',
    'job_retention',
    [
      'Job advancement support',
      'Planning for more hours, a raise or a promotion with the current employer (A6).',
    ],
    [
      'Soutien à l’avancement professionnel',
      'Planification d’un plus grand nombre d’heures, d’une augmentation ou d’une promotion chez l’employeur actuel (A6).',
    ],
  ),
  item(
    'ret.rapid_reemployment',
    'retention',
    'job_retention',
    [
      'Rapid re-employment',
      'Quick return to job search and placement support if the job ends during the plan.',
    ],
    [
      'Réemploi rapide',
      'Retour rapide à la recherche d’emploi et au soutien au placement si l’emploi prend fin pendant le plan.',
    ],
  ),
  item(
    'ret.work_supports',
    'retention',
    'job_retention',
    [
      'Retention work supports',
      'Short-term help with transportation or childcare in the first weeks of work, with receipts.',
    ],
    [
      'Soutiens au maintien en emploi',
      'Aide à court terme pour le transport ou la garde d’enfants pendant les premières semaines de travail, avec reçus.',
    ],
  ),

  // ---- Specialized services (A7 g) ----
  item(
    'spec.indigenous',
    'specialized_services',
    'specialized_services',
    [
      'Indigenous employment support',
      'Culturally grounded employment services, delivered with Indigenous partners where the client wishes.',
    ],
    [
      'Soutien à l’emploi pour les Autochtones',
      'Services d’emploi ancrés dans la culture, offerts avec des partenaires autochtones lorsque le client le souhaite.',
    ],
  ),
  item(
    'spec.disability',
    'specialized_services',
    'specialized_services',
    [
      'Disability employment supports',
      'Accommodation planning, assistive technology and disclosure coaching for people with disabilities.',
    ],
    [
      'Soutiens à l’emploi pour les personnes handicapées',
      'Planification des mesures d’adaptation, technologies d’aide et accompagnement relatif à la divulgation pour les personnes handicapées.',
    ],
  ),
  item(
    'spec.youth',
    'specialized_services',
    'specialized_services',
    [
      'Youth with higher support needs',
      'Intensive, flexible supports and mentoring for youth facing several barriers to work.',
    ],
    [
      'Jeunes ayant des besoins de soutien accrus',
      'Soutiens intensifs et souples et mentorat pour les jeunes qui font face à plusieurs obstacles à l’emploi.',
    ],
  ),
  item(
    'spec.newcomer',
    'specialized_services',
    'specialized_services',
    [
      'Newcomer employment services',
      'Credential recognition guidance, Canadian workplace culture and settlement partner referrals.',
    ],
    [
      'Services d’emploi pour les nouveaux arrivants',
      'Orientation sur la reconnaissance des titres de compétence, la culture de travail canadienne et aiguillage vers des partenaires d’établissement.',
    ],
  ),
  item(
    'spec.francophone',
    'specialized_services',
    'specialized_services',
    [
      'French-language employment services',
      'Services in French and connections to Francophone employers and community organizations.',
    ],
    [
      'Services d’emploi en français',
      'Services en français et liens avec des employeurs et des organismes communautaires francophones.',
    ],
  ),
  item(
    'spec.racialized_mentoring',
    'specialized_services',
    'specialized_services',
    [
      'Mentoring for racialized jobseekers',
      'Mentoring and networking with professionals who share the client’s experience.',
    ],
    [
      'Mentorat pour les chercheurs d’emploi racisés',
      'Mentorat et réseautage avec des professionnels qui partagent l’expérience du client.',
    ],
  ),
];

/** Adds the catalogue to a catchment; items whose code is already there are left as the SSM has them. */
export async function seedPlanCatalogue(q: Queryable, catchmentId: string): Promise<number> {
  const rows = await q
    .insert(planItemCatalogue)
    .values(
      PLAN_CATALOGUE.map((i) => ({
        catchmentId,
        code: i.code,
        subGoalKind: i.subGoalKind,
        minimumService: i.minimumService,
        trainingProgram: i.trainingProgram ?? null,
        nameEn: i.nameEn,
        nameFr: i.nameFr,
        descriptionEn: i.descriptionEn,
        descriptionFr: i.descriptionFr,
      })),
    )
    .onConflictDoNothing({ target: [planItemCatalogue.catchmentId, planItemCatalogue.code] })
    .returning({ id: planItemCatalogue.id });
  return rows.length;
}

import {
  questionBank,
  type Answers,
  type AssessmentFacts,
  type QuestionBank,
} from '../../../src/domain/assessment/index.js';

export const bank: QuestionBank = questionBank('2026-1')!;

export const ADULT: AssessmentFacts = { ageYears: 34, saClient: false };

/** Every required Module 1 question a 34-year-old Canadian citizen without needs is asked. */
export const M1_COMPLETE: Answers = {
  'administrative.lives_in_ontario': true,
  'administrative.status_in_canada': 'citizen',
  'administrative.temporary_address': false,
  'administrative.safe_to_leave_messages': true,
  'demographic.education': 'university',
  'demographic.born_in_canada': 'yes',
  'demographic.indigenous': 'no',
  'demographic.francophone': 'no',
  'demographic.racialized': 'prefer_not_to_say',
  'demographic.gender': 'woman',
  'demographic.household': 'partner',
  'demographic.dependants': 0,
  'essential_skills.reading': 5,
  'essential_skills.writing': 5,
  'essential_skills.numeracy': 4,
  'essential_skills.digital': 5,
  'essential_skills.oral_communication': 5,
  'essential_skills.working_with_others': 4,
  'essential_skills.efficacy_find_job': 4,
  'essential_skills.efficacy_setbacks': 4,
  'essential_skills.efficacy_learning': 5,
  'essential_skills.efficacy_interview': 4,
  'supports.looking_for': 'new_job',
  'supports.stabilization_needs': ['none'],
  'supports.in_crisis': 'no',
  'supports.care_responsibilities': false,
  'supports.transportation': 'own_vehicle',
  'supports.drivers_licence': 'full',
  'supports.device_access': 'computer_and_phone',
  'supports.accommodations': 'no',
  'supports.employer_perception': 'no',
};

/** Module 2 for the same person: laid off a month ago after eight years, on EI. */
export const M2_COMPLETE: Answers = {
  'income.sources': ['ei'],
  'income.covers_basic_needs': 'yes',
  'income.debt_stress': 'no',
  'income.bank_account': true,
  'income.needs_cost_support': false,
  'disability.has_disability': 'no',
  'disability.health_limits_work': 'no',
  'employment.status': 'unemployed',
  'employment.months_without_work': 1,
  'employment.reason_left': 'laid_off',
  'employment.years_experience': 8,
  'employment.longest_job': 'more_than_3_years',
  'goals.seeking_self_employment': false,
  'goals.goal_clarity': 'clear',
  'goals.hours_wanted': 'full_time',
  'goals.travel_time': 'up_to_30_minutes',
  'goals.open_to_training': true,
  'goals.available_from': 'now',
  'goals.attitude_work_matters': 5,
  'goals.attitude_time_for_search': 4,
  'goals.attitude_open_to_first_step': 4,
  'goals.attitude_follow_through': 5,
};

export const COMPLETE: Answers = { ...M1_COMPLETE, ...M2_COMPLETE };

/**
 * Specialized populations of the network (N4). A person answers each question for themselves; every
 * answer allows "prefer not to say" so that declining is recorded as a choice, not as missing data.
 */
export const SPECIALIZED_POPULATIONS = [
  'indigenous',
  'odsp',
  'disability',
  'youth_higher_support',
  'racialized',
  'francophone',
  'newcomer',
] as const;
export type SpecializedPopulation = (typeof SPECIALIZED_POPULATIONS)[number];

export const SELF_IDENTIFICATION = ['yes', 'no', 'prefer_not_to_say'] as const;
export type SelfIdentification = (typeof SELF_IDENTIFICATION)[number];

export type SpecializedPopulationAnswers = Partial<Record<SpecializedPopulation, SelfIdentification>>;

/** The populations a person said "yes" to: what the referral matrix matches against sites. */
export function identifiedPopulations(answers: SpecializedPopulationAnswers): SpecializedPopulation[] {
  return SPECIALIZED_POPULATIONS.filter((p) => answers[p] === 'yes');
}

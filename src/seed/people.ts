import { withCheckDigit } from '../domain/people/sin.js';
import type { SpecializedPopulationAnswers } from '../domain/people/specialized-populations.js';
import type { Random } from './random.js';

/**
 * Synthetic people: invented from lists of common first and family names, so no record describes a
 * real person. The same (seed, index) always gives the same person, at any scale.
 */
const GIVEN = [
  'Olivia',
  'Liam',
  'Emma',
  'Noah',
  'Charlotte',
  'William',
  'Amelia',
  'Benjamin',
  'Ava',
  'Lucas',
  'Sophia',
  'Jack',
  'Chloé',
  'Félix',
  'Léa',
  'Gabriel',
  'Florence',
  'Samuel',
  'Zoé',
  'Thomas',
  'Aaliyah',
  'Mohammed',
  'Fatima',
  'Omar',
  'Priya',
  'Arjun',
  'Mei',
  'Wei',
  'Sofia',
  'Mateo',
  'Ananya',
  'Harpreet',
  'Gurpreet',
  'Nkechi',
  'Kwame',
  'Amara',
  'Jean',
  'Marie',
  'Pierre',
  'Isabelle',
  'Daniel',
  'Sarah',
  'Michael',
  'Jessica',
  'David',
  'Emily',
  'James',
  'Hannah',
  'Tyler',
  'Madison',
  'Nathan',
  'Ayesha',
  'Tenzin',
  'Nia',
  'Dmytro',
  'Olena',
  'Carlos',
  'Lucía',
  'Minh',
  'Linh',
] as const;

const FAMILY = [
  'Smith',
  'Brown',
  'Tremblay',
  'Martin',
  'Roy',
  'Wilson',
  'MacDonald',
  'Gagnon',
  'Johnson',
  'Taylor',
  'Campbell',
  'Anderson',
  'Leblanc',
  'Côté',
  'Lee',
  'Bouchard',
  'Gauthier',
  'White',
  'Thompson',
  'Morin',
  'Singh',
  'Patel',
  'Nguyen',
  'Wong',
  'Chen',
  'Ali',
  'Khan',
  'Ahmed',
  'Sharma',
  'Garcia',
  'Rodriguez',
  'Kowalski',
  'Kovalenko',
  'Okafor',
  'Mensah',
  'Mohamed',
  'Haddad',
  'Fontaine',
  'Lavoie',
  'Bélanger',
  'Pelletier',
  'Stewart',
  'Clarke',
  'Young',
  'King',
  'Scott',
  'Green',
  'Baker',
  'Hill',
  'Moore',
  'Jackson',
  'Martel',
  'Fraser',
  'Beaulieu',
  'Desjardins',
  'Chartrand',
  'Cardinal',
  'Whitebird',
  'Commanda',
  'Nanibush',
] as const;

const STREETS = [
  'Ouellette Ave',
  'Wyandotte St',
  'Tecumseh Rd',
  'King St W',
  'Queen St',
  'Grand Ave W',
  'Christina St N',
  'Exmouth St',
  'Talbot St',
  'Erie St S',
  'Main St',
  'Victoria Ave',
] as const;

export interface SyntheticPerson {
  legalGivenName: string;
  legalFamilyName: string;
  preferredName: string | null;
  dateOfBirth: string;
  sin: string | null;
  phone: string | null;
  email: string | null;
  street: string;
  city: string;
  postalCode: string;
  language: 'en' | 'fr' | 'other';
  languageOther: string | null;
  preferredContactMethod: 'phone' | 'text' | 'email' | 'letter' | 'in_person';
  preferredContactTime: 'morning' | 'afternoon' | 'evening' | 'any';
  specializedPopulations: SpecializedPopulationAnswers;
  socialAssistance: 'ow' | 'odsp' | null;
  samsMemberId: string | null;
}

/**
 * A unique, valid SIN for person number `index`: the first digit cycles through the regional digits
 * (1-7) with a share of 900-series numbers, and the middle seven digits are a bijection of the index,
 * so two synthetic people never share one for up to ten million people. It depends on the index only,
 * so separate seeding runs that continue the numbering never collide.
 */
export function syntheticSin(index: number): string {
  const first = index % 37 === 0 ? 9 : 1 + (index % 7);
  const middle = (index * 7919 + 1_234_567) % 10_000_000;
  return withCheckDigit(`${first}${String(middle).padStart(7, '0')}`);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

export function syntheticPerson(
  rng: Random,
  index: number,
  city: { name: string; postalPrefix: string },
): SyntheticPerson {
  const given = rng.pick(GIVEN);
  const family = rng.pick(FAMILY);
  const year = rng.weighted([
    [rng.int(2005, 2010), 2],
    [rng.int(1990, 2004), 5],
    [rng.int(1965, 1989), 4],
  ] as const);
  const month = rng.int(1, 12);
  const day = rng.int(1, month === 2 ? 28 : 30);
  const francophone = rng.chance(0.12);
  const saProgram = rng.weighted([
    ['ow', 30],
    ['odsp', 12],
    [null, 58],
  ] as const);
  const yesNo = (p: number) =>
    (rng.chance(0.08) ? 'prefer_not_to_say' : rng.chance(p) ? 'yes' : 'no') as
      'yes' | 'no' | 'prefer_not_to_say';
  const language = francophone ? 'fr' : rng.chance(0.15) ? 'other' : 'en';
  const emailUser = `${given}.${family}${index}`
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9.]/g, '');
  return {
    legalGivenName: given,
    legalFamilyName: family,
    preferredName: rng.chance(0.1) ? given.slice(0, 3) : null,
    dateOfBirth: `${year}-${pad2(month)}-${pad2(day)}`,
    sin: rng.chance(0.93) ? syntheticSin(index) : null,
    // 555-01xx numbers are reserved for fiction in North America.
    phone: rng.chance(0.9) ? `519-555-01${pad2(rng.int(0, 99))}` : null,
    email: rng.chance(0.7) ? `${emailUser}@example.com` : null,
    street: `${rng.int(10, 2999)} ${rng.pick(STREETS)}`,
    city: city.name,
    postalCode: `${city.postalPrefix} ${rng.int(1, 9)}${String.fromCharCode(65 + rng.int(0, 7))}${rng.int(1, 9)}`,
    language,
    languageOther:
      language === 'other'
        ? rng.pick(['Arabic', 'Punjabi', 'Spanish', 'Tagalog', 'Ukrainian', 'Mandarin'])
        : null,
    preferredContactMethod: rng.weighted([
      ['phone', 5],
      ['text', 3],
      ['email', 3],
      ['letter', 1],
      ['in_person', 1],
    ] as const),
    preferredContactTime: rng.pick(['morning', 'afternoon', 'evening', 'any'] as const),
    specializedPopulations: {
      indigenous: yesNo(0.05),
      odsp: saProgram === 'odsp' ? 'yes' : 'no',
      disability: yesNo(saProgram === 'odsp' ? 0.9 : 0.12),
      youth_higher_support: year >= 2001 ? yesNo(0.2) : 'no',
      racialized: yesNo(0.3),
      francophone: francophone ? 'yes' : 'no',
      newcomer: yesNo(0.15),
    },
    socialAssistance: saProgram,
    samsMemberId: saProgram ? String(100000000 + ((index * 104729) % 899999999)) : null,
  };
}

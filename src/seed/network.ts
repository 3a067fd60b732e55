import { ACCESSIBILITY_FEATURES, type WeeklyHours } from '../domain/organizations/sites.js';
import type { Role } from '../domain/access/roles.js';

/**
 * The demo catchment: an invented SSM and provider network over the three real regions of the
 * Windsor-Sarnia catchment. Organization names are fictional; coordinates are real town centres.
 */
export const CATCHMENT = { code: 'windsor-sarnia', nameEn: 'Windsor-Sarnia', nameFr: 'Windsor-Sarnia' };

export const REGIONS = [
  { code: 'windsor-essex', nameEn: 'Windsor-Essex', nameFr: 'Windsor-Essex' },
  { code: 'chatham-kent', nameEn: 'Chatham-Kent', nameFr: 'Chatham-Kent' },
  { code: 'sarnia-lambton', nameEn: 'Sarnia-Lambton', nameFr: 'Sarnia-Lambton' },
] as const;
export type RegionCode = (typeof REGIONS)[number]['code'];

export const CITIES: Record<RegionCode, { name: string; postalPrefix: string; lat: number; lng: number }[]> =
  {
    'windsor-essex': [
      { name: 'Windsor', postalPrefix: 'N9A', lat: 42.3149, lng: -83.0364 },
      { name: 'Leamington', postalPrefix: 'N8H', lat: 42.0531, lng: -82.5998 },
      { name: 'Amherstburg', postalPrefix: 'N9V', lat: 42.1015, lng: -83.1086 },
      { name: 'Kingsville', postalPrefix: 'N9Y', lat: 42.039, lng: -82.739 },
    ],
    'chatham-kent': [
      { name: 'Chatham', postalPrefix: 'N7M', lat: 42.4048, lng: -82.191 },
      { name: 'Wallaceburg', postalPrefix: 'N8A', lat: 42.5928, lng: -82.3872 },
    ],
    'sarnia-lambton': [
      { name: 'Sarnia', postalPrefix: 'N7T', lat: 42.9745, lng: -82.4066 },
      { name: 'Petrolia', postalPrefix: 'N0N', lat: 42.8834, lng: -82.1443 },
    ],
  };

const weekdays = (opens: string, closes: string): WeeklyHours => ({
  mon: [{ opens, closes }],
  tue: [{ opens, closes }],
  wed: [{ opens, closes }],
  thu: [{ opens, closes }],
  fri: [{ opens, closes }],
});
const withEvening = (base: WeeklyHours): WeeklyHours => ({
  ...base,
  wed: [{ opens: '08:30', closes: '20:00' }],
  sat: [{ opens: '10:00', closes: '14:00' }],
});

export interface DemoSite {
  name: string;
  region: RegionCode;
  city: string;
  street: string;
  postalCode: string;
  hours: WeeklyHours;
  languages: string[];
  specializedPopulations: string[];
  accessibilityFeatures: string[];
  intakeCapacity: number;
}

export interface DemoProvider {
  name: string;
  nameFr: string | null;
  sites: DemoSite[];
}

export const SSM = {
  name: 'Southwest Pathways Employment Network (SSM)',
  nameFr: 'Réseau d’emploi Southwest Pathways (GSS)',
};

export const PROVIDERS: DemoProvider[] = [
  {
    name: 'Riverside Employment Centre',
    nameFr: null,
    sites: [
      {
        name: 'Riverside – Downtown Windsor',
        region: 'windsor-essex',
        city: 'Windsor',
        street: '400 Ouellette Ave',
        postalCode: 'N9A 1B2',
        hours: withEvening(weekdays('08:30', '16:30')),
        languages: ['en', 'ar', 'es'],
        specializedPopulations: ['newcomer', 'racialized'],
        accessibilityFeatures: [
          'step_free_entrance',
          'elevator',
          'accessible_washroom',
          'near_public_transit',
        ],
        intakeCapacity: 60,
      },
      {
        name: 'Riverside – Amherstburg',
        region: 'windsor-essex',
        city: 'Amherstburg',
        street: '70 Richmond St',
        postalCode: 'N9V 1E8',
        hours: weekdays('09:00', '16:00'),
        languages: ['en'],
        specializedPopulations: [],
        accessibilityFeatures: ['step_free_entrance'],
        intakeCapacity: 15,
      },
    ],
  },
  {
    name: 'Centre Emploi Francophone du Sud-Ouest',
    nameFr: 'Centre Emploi Francophone du Sud-Ouest',
    sites: [
      {
        name: 'CEFSO – Windsor',
        region: 'windsor-essex',
        city: 'Windsor',
        street: '7515 Forest Glade Dr',
        postalCode: 'N8T 3P5',
        hours: weekdays('08:30', '16:30'),
        languages: ['fr', 'en'],
        specializedPopulations: ['francophone', 'newcomer'],
        accessibilityFeatures: ['step_free_entrance', 'accessible_washroom', 'accessible_parking'],
        intakeCapacity: 25,
      },
      {
        name: 'CEFSO – Chatham',
        region: 'chatham-kent',
        city: 'Chatham',
        street: '120 King St W',
        postalCode: 'N7M 1E3',
        hours: weekdays('09:00', '16:00'),
        languages: ['fr', 'en'],
        specializedPopulations: ['francophone'],
        accessibilityFeatures: ['step_free_entrance'],
        intakeCapacity: 10,
      },
    ],
  },
  {
    name: 'Essex County Works',
    nameFr: null,
    sites: [
      {
        name: 'Essex County Works – Leamington',
        region: 'windsor-essex',
        city: 'Leamington',
        street: '33 Princess St',
        postalCode: 'N8H 5C5',
        hours: weekdays('08:00', '16:00'),
        languages: ['en', 'es', 'pt'],
        specializedPopulations: ['newcomer', 'racialized'],
        accessibilityFeatures: ['step_free_entrance', 'accessible_parking'],
        intakeCapacity: 30,
      },
      {
        name: 'Essex County Works – Kingsville',
        region: 'windsor-essex',
        city: 'Kingsville',
        street: '21 Division St S',
        postalCode: 'N9Y 1P4',
        hours: weekdays('09:00', '15:00'),
        languages: ['en'],
        specializedPopulations: [],
        accessibilityFeatures: [],
        intakeCapacity: 10,
      },
    ],
  },
  {
    name: 'Ability First Employment Services',
    nameFr: null,
    sites: [
      {
        name: 'Ability First – Windsor',
        region: 'windsor-essex',
        city: 'Windsor',
        street: '3100 Temple Dr',
        postalCode: 'N8W 5J6',
        hours: weekdays('08:30', '16:30'),
        languages: ['en', 'asl'],
        specializedPopulations: ['disability', 'odsp'],
        accessibilityFeatures: [...ACCESSIBILITY_FEATURES],
        intakeCapacity: 35,
      },
    ],
  },
  {
    name: 'Kent Career Connections',
    nameFr: null,
    sites: [
      {
        name: 'Kent Career Connections – Chatham',
        region: 'chatham-kent',
        city: 'Chatham',
        street: '425 McNaughton Ave W',
        postalCode: 'N7L 4K6',
        hours: withEvening(weekdays('08:30', '16:30')),
        languages: ['en', 'pa'],
        specializedPopulations: ['youth_higher_support', 'disability'],
        accessibilityFeatures: ['step_free_entrance', 'accessible_washroom', 'accessible_parking'],
        intakeCapacity: 40,
      },
      {
        name: 'Kent Career Connections – Wallaceburg',
        region: 'chatham-kent',
        city: 'Wallaceburg',
        street: '786 Dufferin Ave',
        postalCode: 'N8A 2V3',
        hours: weekdays('09:00', '16:00'),
        languages: ['en'],
        specializedPopulations: ['indigenous'],
        accessibilityFeatures: ['step_free_entrance'],
        intakeCapacity: 15,
      },
    ],
  },
  {
    name: 'Thames Youth Futures',
    nameFr: null,
    sites: [
      {
        name: 'Thames Youth Futures',
        region: 'chatham-kent',
        city: 'Chatham',
        street: '75 Thames St',
        postalCode: 'N7L 1S4',
        hours: { ...weekdays('10:00', '18:00'), sat: [{ opens: '10:00', closes: '14:00' }] },
        languages: ['en'],
        specializedPopulations: ['youth_higher_support', 'racialized'],
        accessibilityFeatures: ['step_free_entrance', 'quiet_room'],
        intakeCapacity: 20,
      },
    ],
  },
  {
    name: 'Bluewater Employment Partners',
    nameFr: null,
    sites: [
      {
        name: 'Bluewater – Sarnia',
        region: 'sarnia-lambton',
        city: 'Sarnia',
        street: '265 Front St N',
        postalCode: 'N7T 7X1',
        hours: withEvening(weekdays('08:30', '16:30')),
        languages: ['en', 'fr', 'uk'],
        specializedPopulations: ['newcomer', 'francophone'],
        accessibilityFeatures: [
          'step_free_entrance',
          'elevator',
          'accessible_washroom',
          'near_public_transit',
        ],
        intakeCapacity: 45,
      },
      {
        name: 'Bluewater – Petrolia',
        region: 'sarnia-lambton',
        city: 'Petrolia',
        street: '4136 Petrolia Line',
        postalCode: 'N0N 1R0',
        hours: weekdays('09:00', '16:00'),
        languages: ['en'],
        specializedPopulations: [],
        accessibilityFeatures: ['accessible_parking'],
        intakeCapacity: 10,
      },
    ],
  },
  {
    name: 'Lambton Indigenous Employment Circle',
    nameFr: null,
    sites: [
      {
        name: 'Lambton Indigenous Employment Circle',
        region: 'sarnia-lambton',
        city: 'Sarnia',
        street: '1086 Modeland Rd',
        postalCode: 'N7S 6L2',
        hours: weekdays('08:30', '16:30'),
        languages: ['en', 'oj'],
        specializedPopulations: ['indigenous', 'youth_higher_support'],
        accessibilityFeatures: ['step_free_entrance', 'accessible_washroom'],
        intakeCapacity: 20,
      },
    ],
  },
];

export const SA_OFFICES = [
  {
    name: 'Windsor-Essex Ontario Works Office',
    program: 'ow' as const,
    region: 'windsor-essex' as RegionCode,
    city: 'Windsor',
    street: '400 City Hall Sq E',
    postalCode: 'N9A 7K6',
  },
  {
    name: 'Sarnia-Lambton Ontario Works Office',
    program: 'ow' as const,
    region: 'sarnia-lambton' as RegionCode,
    city: 'Sarnia',
    street: '150 Christina St N',
    postalCode: 'N7T 7W5',
  },
  {
    name: 'ODSP Southwest Office',
    program: 'odsp' as const,
    region: 'windsor-essex' as RegionCode,
    city: 'Windsor',
    street: '250 Windsor Ave',
    postalCode: 'N9A 6V9',
  },
];

export const MINISTRY = {
  name: 'Employment Ontario Ministry Oversight (demo)',
  nameFr: 'Surveillance ministérielle Emploi Ontario (démo)',
};

/** Every demo account signs in with this password; printed on first start and in the README. */
export const DEMO_PASSWORD = 'Demo-Pathways-2026';

/** One demo user per role; the email is the role with "_" turned into "." at pathways.test. */
export function demoEmail(role: Role): string {
  return `${role.replace('_', '.')}@pathways.test`;
}

/**
 * The referral decision matrix (P4, guidelines §8): which provider should receive a referral, and
 * why (P6). Pure: the intake service gathers the referral's needs, the provider directory (P5) and
 * live caseloads, and this ranks the providers, each with the factors that placed it.
 *
 * Order of precedence, each a tie-breaker for the one before:
 *   1. client choice (P3): binding; the chosen provider is always first
 *   2. specialized population (N4): how many of the client's populations the provider serves
 *   3. room: a provider at or over its target for the client's stream falls behind those with room
 *   4. fit to the client's secondary needs: language, barriers and access, home region, travel,
 *      and room for a same-day warm referral (P9); each factor scores points (WEIGHTS)
 *   5. equity: the provider further below its target comes first
 */
import type { AccessibilityFeature, ServiceLanguage } from '../organizations/sites.js';
import type { SpecializedPopulation } from '../people/specialized-populations.js';

export type Stream = 'A' | 'B' | 'C';

export interface ReferralNeeds {
  /** P3: the provider the client asked for, if any. */
  clientChoiceOrganizationId: string | null;
  specializedPopulations: SpecializedPopulation[];
  /** P9: complex needs or a request: the first contact is made together with the referrer. */
  warmReferral: boolean;
  /** A language of service other than English the client needs, if any. */
  language: ServiceLanguage | null;
  transportationBarrier: boolean;
  childcareBarrier: boolean;
  accessibilityNeeds: AccessibilityFeature[];
  homeRegionId: string | null;
  /** Where the client lives, when known (e.g. the town's centre), for travel distance. */
  location: { latitude: number; longitude: number } | null;
  /** The expected stream, when the assessment has given one; otherwise all streams count. */
  stream: Stream | null;
}

export interface DirectorySite {
  organizationId: string;
  siteId: string;
  regionId: string;
  latitude: number;
  longitude: number;
  languages: readonly string[];
  specializedPopulations: readonly string[];
  accessibilityFeatures: readonly string[];
  /** Evening or weekend hours help clients with childcare or work (a childcare barrier). */
  extendedHours: boolean;
  active: boolean;
}

/** Live caseload against target, per stream, for one provider. */
export interface ProviderLoad {
  organizationId: string;
  byStream: Record<Stream, { caseload: number; target: number }>;
}

export const FACTOR_CODES = [
  'client_choice',
  'specialized_population',
  'language',
  'accessibility',
  'transportation',
  'childcare',
  'home_region',
  'distance',
  'warm_referral_capacity',
  'capacity_equity',
] as const;
export type FactorCode = (typeof FACTOR_CODES)[number];

export interface Factor {
  code: FactorCode;
  /** The rule behind the factor, for the explanation the provider may ask for (P6). */
  rule: 'P3' | 'P4' | 'N4' | 'P9';
  met: boolean;
  points: number;
  /** Facts for the sentence the UI builds, e.g. { matched: ['francophone'] } or { km: 12 }. */
  detail: Record<string, string | number | string[]>;
}

export interface RankedProvider {
  rank: number;
  organizationId: string;
  /** The provider's site that fits best, where the client would be seen. */
  siteId: string;
  chosenByClient: boolean;
  populationMatches: number;
  fit: number;
  /** caseload / target for the stream considered; Infinity when the target is 0. */
  utilisation: number;
  factors: Factor[];
}

/** Points of each secondary factor. Documented here so the explanation can show its arithmetic. */
export const WEIGHTS = {
  // A language the client needs outweighs any distance inside the travel radius: without it there is no service.
  language: 50,
  accessibilityPerFeature: 10,
  transportationNearTransit: 10,
  transportationPerKmWithin: 1,
  childcareExtendedHours: 10,
  homeRegion: 20,
  /** Travel radius: a site inside it scores half a point per kilometre closer than the edge (at most 30). */
  distanceWithinKm: 60,
  distancePerKm: 0.5,
  warmReferralRoom: 10,
} as const;

/** Great-circle distance in kilometres. */
export function distanceKm(
  a: { latitude: number; longitude: number },
  b: { latitude: number; longitude: number },
): number {
  const toRad = (d: number) => (d * Math.PI) / 180;
  const dLat = toRad(b.latitude - a.latitude);
  const dLon = toRad(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(toRad(a.latitude)) * Math.cos(toRad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

function utilisationOf(load: ProviderLoad | undefined, stream: Stream | null): number {
  if (!load) return 0;
  const streams: Stream[] = stream ? [stream] : ['A', 'B', 'C'];
  const caseload = streams.reduce((n, s) => n + load.byStream[s].caseload, 0);
  const target = streams.reduce((n, s) => n + load.byStream[s].target, 0);
  if (target === 0) return caseload === 0 ? 0 : Infinity;
  return caseload / target;
}

function siteFit(
  needs: ReferralNeeds,
  site: DirectorySite,
  hasRoom: boolean,
): { fit: number; factors: Factor[] } {
  const factors: Factor[] = [];
  let fit = 0;
  if (needs.language) {
    const met = site.languages.includes(needs.language);
    if (met) fit += WEIGHTS.language;
    factors.push({
      code: 'language',
      rule: 'P4',
      met,
      points: met ? WEIGHTS.language : 0,
      detail: { language: needs.language },
    });
  }
  if (needs.accessibilityNeeds.length) {
    const matched = needs.accessibilityNeeds.filter((f) => site.accessibilityFeatures.includes(f));
    const points = matched.length * WEIGHTS.accessibilityPerFeature;
    fit += points;
    factors.push({
      code: 'accessibility',
      rule: 'P4',
      met: matched.length === needs.accessibilityNeeds.length,
      points,
      detail: { matched, missing: needs.accessibilityNeeds.filter((f) => !matched.includes(f)) },
    });
  }
  const km = needs.location ? distanceKm(needs.location, site) : null;
  if (needs.transportationBarrier) {
    const nearTransit = site.accessibilityFeatures.includes('near_public_transit');
    // Without a car, every kilometre inside the travel radius counts again.
    const closeness =
      km === null
        ? 0
        : Math.max(0, Math.round(WEIGHTS.distanceWithinKm - km)) * WEIGHTS.transportationPerKmWithin;
    const points = (nearTransit ? WEIGHTS.transportationNearTransit : 0) + closeness;
    fit += points;
    factors.push({
      code: 'transportation',
      rule: 'P4',
      met: nearTransit || closeness > 0,
      points,
      detail: { nearTransit: nearTransit ? 1 : 0 },
    });
  }
  if (needs.childcareBarrier) {
    const points = site.extendedHours ? WEIGHTS.childcareExtendedHours : 0;
    fit += points;
    factors.push({ code: 'childcare', rule: 'P4', met: site.extendedHours, points, detail: {} });
  }
  if (needs.homeRegionId) {
    const met = site.regionId === needs.homeRegionId;
    if (met) fit += WEIGHTS.homeRegion;
    factors.push({
      code: 'home_region',
      rule: 'P4',
      met,
      points: met ? WEIGHTS.homeRegion : 0,
      detail: { regionId: site.regionId },
    });
  }
  if (km !== null) {
    const points = Math.max(0, Math.round((WEIGHTS.distanceWithinKm - km) * WEIGHTS.distancePerKm));
    fit += points;
    factors.push({ code: 'distance', rule: 'P4', met: points > 0, points, detail: { km: Math.round(km) } });
  }
  if (needs.warmReferral) {
    const points = hasRoom ? WEIGHTS.warmReferralRoom : 0;
    fit += points;
    factors.push({ code: 'warm_referral_capacity', rule: 'P9', met: hasRoom, points, detail: {} });
  }
  return { fit, factors };
}

/**
 * Ranks every active provider of the directory for one referral. Providers with no active site are
 * left out. The result is deterministic: a final tie-break on organization id.
 */
export function rankProviders(
  needs: ReferralNeeds,
  directory: readonly DirectorySite[],
  loads: readonly ProviderLoad[],
): RankedProvider[] {
  const byProvider = new Map<string, DirectorySite[]>();
  for (const site of directory) {
    if (!site.active) continue;
    byProvider.set(site.organizationId, [...(byProvider.get(site.organizationId) ?? []), site]);
  }
  const candidates = [...byProvider.entries()].map(([organizationId, sites]) => {
    const utilisation = utilisationOf(
      loads.find((l) => l.organizationId === organizationId),
      needs.stream,
    );
    const hasRoom = utilisation < 1;
    const best = sites
      .map((site) => ({ site, ...siteFit(needs, site, hasRoom) }))
      .sort((a, b) => b.fit - a.fit || a.site.siteId.localeCompare(b.site.siteId))[0]!;
    const served = best.site.specializedPopulations;
    const matched = needs.specializedPopulations.filter((p) =>
      sites.some((s) => s.specializedPopulations.includes(p)),
    );
    const chosenByClient = needs.clientChoiceOrganizationId === organizationId;
    const factors: Factor[] = [
      { code: 'client_choice', rule: 'P3', met: chosenByClient, points: 0, detail: {} },
      ...(needs.specializedPopulations.length
        ? [
            {
              code: 'specialized_population' as const,
              rule: 'N4' as const,
              met: matched.length > 0,
              points: 0,
              detail: { matched, servedAtSite: [...served] },
            },
          ]
        : []),
      ...best.factors,
      {
        code: 'capacity_equity',
        rule: 'P4',
        met: hasRoom,
        points: 0,
        detail: { utilisationPercent: Number.isFinite(utilisation) ? Math.round(utilisation * 100) : 999 },
      },
    ];
    return {
      organizationId,
      siteId: best.site.siteId,
      chosenByClient,
      populationMatches: matched.length,
      fit: best.fit,
      utilisation,
      factors,
    };
  });
  candidates.sort(
    (a, b) =>
      Number(b.chosenByClient) - Number(a.chosenByClient) ||
      b.populationMatches - a.populationMatches ||
      Number(a.utilisation >= 1) - Number(b.utilisation >= 1) ||
      b.fit - a.fit ||
      a.utilisation - b.utilisation ||
      a.organizationId.localeCompare(b.organizationId),
  );
  return candidates.map((c, i) => ({ rank: i + 1, ...c }));
}

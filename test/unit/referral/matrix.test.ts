import { describe, expect, it } from 'vitest';
import {
  distanceKm,
  rankProviders,
  type DirectorySite,
  type ProviderLoad,
  type ReferralNeeds,
} from '../../../src/domain/referral/matrix.js';

const WINDSOR = { latitude: 42.3149, longitude: -83.0364 };
const LEAMINGTON = { latitude: 42.0531, longitude: -82.5998 };
const CHATHAM = { latitude: 42.4048, longitude: -82.191 };

const site = (
  organizationId: string,
  at: { latitude: number; longitude: number },
  extra: Partial<DirectorySite> = {},
): DirectorySite => ({
  organizationId,
  siteId: `${organizationId}-site`,
  regionId: 'windsor-essex',
  ...at,
  languages: ['en'],
  specializedPopulations: [],
  accessibilityFeatures: [],
  extendedHours: false,
  active: true,
  ...extra,
});

const load = (organizationId: string, caseload: number, target: number): ProviderLoad => ({
  organizationId,
  byStream: { A: { caseload, target }, B: { caseload, target }, C: { caseload, target } },
});

const needs: ReferralNeeds = {
  clientChoiceOrganizationId: null,
  specializedPopulations: [],
  warmReferral: false,
  language: null,
  transportationBarrier: false,
  childcareBarrier: false,
  accessibilityNeeds: [],
  homeRegionId: 'windsor-essex',
  location: WINDSOR,
  stream: 'B',
};

const order = (ranked: { organizationId: string }[]) => ranked.map((r) => r.organizationId);

describe('referral decision matrix (P4)', () => {
  it('P3: a client choice always wins, however far, unfit or full the chosen provider is', () => {
    const directory = [
      site('near', WINDSOR, { specializedPopulations: ['francophone'], languages: ['en', 'fr'] }),
      site('chosen', CHATHAM, { regionId: 'chatham-kent' }),
    ];
    const ranked = rankProviders(
      {
        ...needs,
        clientChoiceOrganizationId: 'chosen',
        specializedPopulations: ['francophone'],
        language: 'fr',
      },
      directory,
      [load('chosen', 50, 10), load('near', 0, 10)],
    );
    expect(order(ranked)).toEqual(['chosen', 'near']);
    expect(ranked[0]!.factors[0]).toMatchObject({ code: 'client_choice', rule: 'P3', met: true });
  });

  it('N4: a specialized-population match beats a shorter distance', () => {
    const directory = [
      site('next-door', WINDSOR),
      site('indigenous-services', LEAMINGTON, { specializedPopulations: ['indigenous'] }),
    ];
    const ranked = rankProviders({ ...needs, specializedPopulations: ['indigenous'] }, directory, []);
    expect(order(ranked)).toEqual(['indigenous-services', 'next-door']);
    expect(ranked[0]!.factors.find((f) => f.code === 'specialized_population')).toMatchObject({
      rule: 'N4',
      met: true,
      detail: { matched: ['indigenous'] },
    });
    // Without the population need, distance decides.
    expect(order(rankProviders(needs, directory, []))).toEqual(['next-door', 'indigenous-services']);
  });

  it('equity: at equal fit, the provider further below its target is preferred', () => {
    const directory = [site('busy', WINDSOR), site('quiet', WINDSOR)];
    const ranked = rankProviders(needs, directory, [load('busy', 9, 10), load('quiet', 3, 10)]);
    expect(order(ranked)).toEqual(['quiet', 'busy']);
    expect(ranked[0]!.fit).toBe(ranked[1]!.fit);
    expect(ranked[0]!.factors.at(-1)).toMatchObject({
      code: 'capacity_equity',
      detail: { utilisationPercent: 30 },
    });
  });

  it('capacity: a provider at or over target falls behind one with room, even when it fits better', () => {
    const directory = [site('full-but-near', WINDSOR), site('room-further', LEAMINGTON)];
    expect(
      order(rankProviders(needs, directory, [load('full-but-near', 10, 10), load('room-further', 2, 10)])),
    ).toEqual(['room-further', 'full-but-near']);
  });

  it('equity uses the client’s stream when it is known', () => {
    const directory = [site('x', WINDSOR), site('y', WINDSOR)];
    const loads: ProviderLoad[] = [
      {
        organizationId: 'x',
        byStream: {
          A: { caseload: 0, target: 10 },
          B: { caseload: 9, target: 10 },
          C: { caseload: 0, target: 10 },
        },
      },
      {
        organizationId: 'y',
        byStream: {
          A: { caseload: 9, target: 10 },
          B: { caseload: 2, target: 10 },
          C: { caseload: 9, target: 10 },
        },
      },
    ];
    expect(order(rankProviders({ ...needs, stream: 'B' }, directory, loads))).toEqual(['y', 'x']);
    expect(order(rankProviders({ ...needs, stream: null }, directory, loads))).toEqual(['x', 'y']);
  });

  it('language: a provider serving the client’s language ranks above a nearer one that does not', () => {
    const directory = [
      site('english-only', WINDSOR),
      site('french', LEAMINGTON, { languages: ['fr', 'en'] }),
    ];
    const ranked = rankProviders({ ...needs, language: 'fr' }, directory, []);
    expect(order(ranked)).toEqual(['french', 'english-only']);
    expect(ranked[1]!.factors.find((f) => f.code === 'language')).toMatchObject({ met: false, points: 0 });
  });

  it('barriers: transportation favours transit access and closeness; childcare favours extended hours; access needs count', () => {
    const a = site('a', LEAMINGTON, { accessibilityFeatures: ['near_public_transit'] });
    const b = site('b', LEAMINGTON);
    expect(order(rankProviders({ ...needs, transportationBarrier: true }, [b, a], []))).toEqual(['a', 'b']);
    const c = site('c', WINDSOR, { extendedHours: true });
    const d = site('d', WINDSOR);
    expect(order(rankProviders({ ...needs, childcareBarrier: true }, [d, c], []))).toEqual(['c', 'd']);
    const e = site('e', WINDSOR, { accessibilityFeatures: ['elevator', 'hearing_loop'] });
    const f = site('f', WINDSOR, { accessibilityFeatures: ['elevator'] });
    const ranked = rankProviders({ ...needs, accessibilityNeeds: ['elevator', 'hearing_loop'] }, [f, e], []);
    expect(order(ranked)).toEqual(['e', 'f']);
    expect(ranked[1]!.factors.find((x) => x.code === 'accessibility')).toMatchObject({
      met: false,
      detail: { missing: ['hearing_loop'] },
    });
  });

  it('home region counts when the client’s location is unknown', () => {
    const directory = [site('other-region', CHATHAM, { regionId: 'chatham-kent' }), site('home', WINDSOR)];
    expect(order(rankProviders({ ...needs, location: null }, directory, []))).toEqual([
      'home',
      'other-region',
    ]);
  });

  it('P9: a warm referral prefers a provider with room today', () => {
    const directory = [site('p', WINDSOR), site('q', WINDSOR)];
    const ranked = rankProviders({ ...needs, warmReferral: true }, directory, [
      load('p', 10, 10),
      load('q', 10, 20),
    ]);
    expect(order(ranked)).toEqual(['q', 'p']);
    expect(ranked[0]!.factors.find((f) => f.code === 'warm_referral_capacity')).toMatchObject({
      rule: 'P9',
      met: true,
    });
  });

  it('picks each provider’s best site and leaves out inactive sites and providers without one', () => {
    const directory = [
      site('multi', CHATHAM, { siteId: 'multi-chatham', regionId: 'chatham-kent' }),
      site('multi', WINDSOR, { siteId: 'multi-windsor' }),
      site('closed', WINDSOR, { active: false }),
    ];
    const ranked = rankProviders(needs, directory, []);
    expect(ranked).toHaveLength(1);
    expect(ranked[0]).toMatchObject({ rank: 1, organizationId: 'multi', siteId: 'multi-windsor' });
  });

  it('is deterministic for identical providers', () => {
    const directory = [site('m', WINDSOR), site('k', WINDSOR)];
    expect(order(rankProviders(needs, directory, []))).toEqual(['k', 'm']);
  });

  it('measures distance in kilometres', () => {
    expect(Math.round(distanceKm(WINDSOR, CHATHAM))).toBe(70);
  });
});

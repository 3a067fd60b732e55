import { describe, expect, it } from 'vitest';
import {
  CONSENT_NOTICES,
  consentNotice,
  CURRENT_NOTICE_VERSION,
  needsReconfirmation,
} from '../../../src/domain/assessment/index.js';

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

describe('Notice of Collection and Consent (C3)', () => {
  it('the current notice exists in English and French, long enough to say what it must', () => {
    const notice = consentNotice(CURRENT_NOTICE_VERSION)!;
    expect(notice).toBe(CONSENT_NOTICES[CURRENT_NOTICE_VERSION]);
    expect(notice.version).toBe('2026-1');
    expect(words(notice.en)).toBeGreaterThanOrEqual(200);
    expect(words(notice.en)).toBeLessThanOrEqual(320);
    expect(words(notice.fr)).toBeGreaterThanOrEqual(200);
    expect(words(notice.fr)).toBeLessThanOrEqual(400);
    expect(consentNotice('1999-1')).toBeNull();
  });

  it('C3: it says what is collected, who sees it, the authority, how to withdraw and whom to ask', () => {
    const { en, fr } = consentNotice(CURRENT_NOTICE_VERSION)!;
    for (const part of [
      'education',
      'Service System Manager',
      'employment service providers',
      'social assistance office',
      'Ministry of Labour, Immigration, Training and Skills Development',
      'Freedom of Information and Protection of Privacy Act',
      'withdraw your consent',
      'written copy',
      'privacy officer',
    ])
      expect(en).toContain(part);
    for (const part of [
      'études',
      'gestionnaire du système de services',
      'fournisseurs de services d’emploi',
      'bureau d’aide sociale',
      'ministère du Travail, de l’Immigration, de la Formation et du Développement des compétences',
      'Loi sur l’accès à l’information et la protection de la vie privée',
      'retirer votre consentement',
      'copie écrite',
    ])
      expect(fr).toContain(part);
  });
});

describe('needsReconfirmation (C3, C9)', () => {
  const reading = { organizationId: 'provider-1', on: '2026-03-02' };

  it('C9: the same organization resuming on a later day reads the notice again', () => {
    expect(
      needsReconfirmation({ lastReading: reading, actorOrganizationId: 'provider-1', today: '2026-03-03' }),
    ).toBe(true);
  });

  it('C9: the same day needs no new reading', () => {
    expect(
      needsReconfirmation({ lastReading: reading, actorOrganizationId: 'provider-1', today: '2026-03-02' }),
    ).toBe(false);
  });

  it('C3: another organization taking over relies on the consent already given', () => {
    expect(
      needsReconfirmation({ lastReading: reading, actorOrganizationId: 'provider-2', today: '2026-06-01' }),
    ).toBe(false);
  });

  it('C3: with no reading at all, the notice must be read', () => {
    expect(
      needsReconfirmation({ lastReading: null, actorOrganizationId: 'provider-1', today: '2026-03-02' }),
    ).toBe(true);
  });
});

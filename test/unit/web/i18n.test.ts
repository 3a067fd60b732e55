import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EN as en, FR as fr } from '../../../web/src/i18n/resources.js';
import {
  ACCESSIBILITY_FEATURES,
  CLIENT_LANGUAGES,
  CONTACT_METHODS,
  CONTACT_TIMES,
  MATCH_REASONS,
  ORGANIZATION_KINDS,
  ROLES,
  SELF_IDENTIFICATION,
  SERVICE_LANGUAGES,
  SPECIALIZED_POPULATIONS,
  WEEKDAYS,
  PATHWAYS,
  REFERRAL_STATUSES,
  RETURN_REASONS,
  SSM_DECISIONS,
  CONTACT_RESULTS,
  APPOINTMENT_MODES,
  SCREENING_OUTCOMES,
  WORK_AUTHORIZATIONS,
  WORK_PERMITS,
  WORKLIST_BUCKETS,
  SOURCES_BY_PATHWAY,
  CLOSE_REASONS,
  TRF_LINE_PROBLEMS,
  ASSESSMENT_BUCKETS,
  ASSESSMENT_STATUSES,
  CANCEL_REASONS,
  CONSENT_CHANNELS,
  IDENTITY_METHODS,
  REVOCATION_STATES,
  SERVICE_LEVELS,
  STREAMS,
} from '../../../web/src/types.js';
import { ALL_WORKLIST_BUCKETS } from '../../../src/domain/referral/worklist.js';
import { FACTOR_CODES } from '../../../src/domain/referral/matrix.js';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const english = flatten(en as Tree);
const french = flatten(fr as Tree);
const PLURAL = /_(zero|one|two|few|many|other)$/;
const variables = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

/** A key the code asks for exists as is, or as a plural family (key_one, key_other…). */
const hasKey = (keys: Map<string, string>, key: string) => keys.has(key) || keys.has(`${key}_other`);
const hasPrefix = (keys: Map<string, string>, prefix: string) =>
  [...keys.keys()].some((k) => k.startsWith(prefix));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('web translations', () => {
  it('has every English string in French, and nothing French-only but plural forms', () => {
    const missing = [...english.keys()].filter((k) => !french.has(k));
    const extra = [...french.keys()].filter(
      (k) => !english.has(k) && !(PLURAL.test(k) && english.has(k.replace(PLURAL, '_other'))),
    );
    expect(missing).toEqual([]);
    expect(extra).toEqual([]);
  });

  it('has no empty strings and the same placeholders in both languages', () => {
    for (const [key, value] of english) {
      expect(value.trim(), key).not.toBe('');
      const other = french.get(key);
      expect(other?.trim(), key).not.toBe('');
      expect(variables(other ?? ''), key).toEqual(variables(value));
    }
  });

  it('uses real French for the words the brief names', () => {
    expect(fr.signIn.submit).toBe('Se connecter');
    expect(fr.clients.search.title).toBe('Rechercher un client');
    expect(fr.clients.fields.dateOfBirth).toBe('Date de naissance');
    expect(fr.clients.fields.sin).toBe("Numéro d'assurance sociale (NAS)");
    expect(en.layout.otherLanguage).toBe('Français');
    expect(fr.layout.otherLanguage).toBe('English');
  });

  it('has a label for every value the API can send', () => {
    const families: [string, readonly string[]][] = [
      ['roles', ROLES],
      ['organizationKinds', ORGANIZATION_KINDS],
      ['organizationKindsPlural', ORGANIZATION_KINDS],
      ['serviceLanguages', SERVICE_LANGUAGES],
      ['accessibilityFeatures', ACCESSIBILITY_FEATURES],
      ['populations.question', SPECIALIZED_POPULATIONS],
      ['populations.name', SPECIALIZED_POPULATIONS],
      ['selfIdentification', SELF_IDENTIFICATION],
      ['matchReasons', MATCH_REASONS],
      ['contactMethods', CONTACT_METHODS],
      ['contactTimes', CONTACT_TIMES],
      ['clientLanguages', CLIENT_LANGUAGES],
      ['weekdays', WEEKDAYS],
      ['calendar.kinds', ['statutory', 'substitute', 'closure']],
      ['saPrograms', ['ow', 'odsp']],
      ['pathways', PATHWAYS],
      ['referralSources', Object.values(SOURCES_BY_PATHWAY).flat()],
      ['referralStatuses', REFERRAL_STATUSES],
      ['returnReasons', RETURN_REASONS],
      ['ssmDecisions', SSM_DECISIONS],
      ['closeReasons', CLOSE_REASONS],
      ['referrals.trf.problems', TRF_LINE_PROBLEMS],
      ['contactResults', CONTACT_RESULTS],
      ['appointmentModes', APPOINTMENT_MODES],
      ['screeningOutcomes', SCREENING_OUTCOMES],
      ['workAuthorizations', WORK_AUTHORIZATIONS],
      ['workPermits', WORK_PERMITS],
      ['referrals.buckets', ALL_WORKLIST_BUCKETS],
      ['referrals.worklist.title', Object.keys(WORKLIST_BUCKETS)],
      ['matrixFactors', FACTOR_CODES.map((c) => `${c}.met`)],
      ['matrixFactors', FACTOR_CODES.map((c) => `${c}.unmet`)],
      ['assessmentStatuses', ASSESSMENT_STATUSES],
      ['cancelReasons', [...CANCEL_REASONS, 'consent_revoked']],
      ['consentChannels', CONSENT_CHANNELS],
      ['identityMethods', IDENTITY_METHODS],
      ['serviceLevels', SERVICE_LEVELS],
      ['streams', STREAMS],
      ['assessments.buckets', ASSESSMENT_BUCKETS],
      ['assessments.bucketHelp', ASSESSMENT_BUCKETS],
      ['assessments.revocations.states', REVOCATION_STATES],
      ['assessments.taskStatus', ['not_started', 'in_progress', 'complete', 'cannot_start']],
      ['assessments.tasks.groups', ['prepare', 'm1', 'm2', 'finish']],
      ['assessments.serviceLevel.noteHeading', ['S4', 'S5']],
    ];
    for (const [prefix, values] of families) {
      for (const value of values) {
        expect(english.has(`${prefix}.${value}`), `en ${prefix}.${value}`).toBe(true);
        expect(french.has(`${prefix}.${value}`), `fr ${prefix}.${value}`).toBe(true);
      }
    }
  });

  it('has every key the code asks for', () => {
    const root = join(import.meta.dirname, '../../../web/src');
    const missing: string[] = [];
    for (const file of sourceFiles(root)) {
      const source = readFileSync(file, 'utf8');
      for (const m of source.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) {
        const key = m[1] ?? '';
        if (!hasKey(english, key)) missing.push(`${file}: ${key}`);
      }
      for (const m of source.matchAll(/\bt\(\s*`([a-zA-Z0-9_.]+)\.\$\{/g)) {
        const prefix = `${m[1] ?? ''}.`;
        if (!hasPrefix(english, prefix)) missing.push(`${file}: ${prefix}*`);
      }
    }
    expect(missing).toEqual([]);
  });
});

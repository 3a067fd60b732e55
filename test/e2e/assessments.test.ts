import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoEmail } from '../../src/seed/network.js';
import {
  createClientThroughApi,
  expectAccessible,
  openPage,
  pathwaysForFile,
  setLanguage,
  signIn,
  signOut,
  sinSequence,
} from './harness.js';

/**
 * The Common Assessment end to end in a real browser, in each language (C1–C11, S1–S5): an SA
 * caseworker starts the assessment from the client's record, reads the notice and records consent
 * (C3), verifies identity (C4), completes Module 1 (C5), adds a note (C7) and refers to the SSM
 * (C6); SSM intake assigns the referral; the provider finds it in its "referred" list, sets
 * case-managed service (S2), completes Module 2 and submits (C8); the stream shows to staff and
 * never on the client's copy. Every page visited passes axe (WCAG 2.1 AA) with no console errors.
 */
const pathways = pathwaysForFile();

const freshSin = sinSequence(8_100_001);

/** An Ontario Works client of the signed-in SA caseworker, with a fresh SIN. */
const createSaClient = (page: Page, givenName: string, familyName: string) =>
  createClientThroughApi(page, {
    legalGivenName: givenName,
    legalFamilyName: familyName,
    dateOfBirth: '1988-09-21',
    sin: freshSin(),
    phone: '519-555-0182',
    preferredContactMethod: 'phone',
    language: 'en',
    specializedPopulations: { newcomer: 'no' },
    socialAssistance: { program: 'ow', samsMemberId: '40028811' },
  });

const fieldId = (questionId: string) => `q-${questionId.replace(/\./g, '-')}`;

type Answer = string | string[];

/** Answers that keep the client eligible for case-managed service (E1–E6) and employed part time (M2). */
const ANSWERS: Record<string, Answer> = {
  'administrative.lives_in_ontario': 'yes',
  'administrative.status_in_canada': 'citizen',
  'administrative.temporary_address': 'no',
  'demographic.education': 'college_or_apprenticeship',
  'demographic.born_in_canada': 'yes',
  'demographic.dependants': '1',
  'supports.looking_for': 'better_job',
  'supports.stabilization_needs': ['transportation'],
  'supports.in_crisis': 'no',
  'disability.has_disability': 'no',
  'employment.status': 'employed_part_time',
  'employment.hours_per_week': '20',
  'employment.employer': 'Lakeshore Logistics',
  'employment.years_experience': '6',
  'goals.seeking_self_employment': 'no',
};

interface Shown {
  id: string;
  type: string;
  select: boolean;
  values: string[];
}

/** Fills one question by its stable id, with the answer above or a plausible default for its type. */
async function answer(page: Page, q: Shown): Promise<void> {
  const id = fieldId(q.id);
  const wanted = ANSWERS[q.id];
  switch (q.type) {
    case 'boolean':
      await page.locator(`#${id}-${typeof wanted === 'string' ? wanted : 'no'}`).check();
      return;
    case 'single': {
      const value =
        typeof wanted === 'string' ? wanted : (q.values.find((v) => v !== 'prefer_not_to_say') ?? '');
      if (q.select) await page.locator(`#${id}`).selectOption(value);
      else await page.locator(`#${id}-${value}`).check();
      return;
    }
    case 'multi': {
      const values = Array.isArray(wanted)
        ? wanted
        : [q.values.includes('none') ? 'none' : (q.values[0] ?? '')];
      for (const v of values) await page.locator(`#${id}-${v}`).check();
      return;
    }
    case 'scale':
      await page.locator(`#${id}-3`).check();
      return;
    case 'number':
      await page.locator(`#${id}`).fill(typeof wanted === 'string' ? wanted : '2');
      return;
    case 'date':
      await page.locator(`#${id}`).fill('2027-06-30');
      return;
    default:
      await page.locator(`#${id}`).fill(typeof wanted === 'string' ? wanted : 'Warehouse associate');
  }
}

/** Answers every question the section shows, follow-ups included as they appear, then continues. */
async function completeSection(page: Page, sectionId: string): Promise<void> {
  const form = page.locator(`[data-testid="section-form"][data-section="${sectionId}"]`);
  await form.waitFor();
  const done = new Set<string>();
  for (let round = 0; round < 10; round++) {
    const shown = await form.locator('[data-question]').evaluateAll((els) =>
      els.map((e) => ({
        id: e.getAttribute('data-question') ?? '',
        type: e.getAttribute('data-type') ?? '',
        select: e.querySelector('select') !== null,
        values: [...e.querySelectorAll('input[type=radio], input[type=checkbox], option')]
          .map((i) => (i as HTMLInputElement).value)
          .filter(Boolean),
      })),
    );
    const todo = shown.filter((q) => !done.has(q.id));
    if (todo.length === 0) break;
    for (const q of todo) {
      await answer(page, q);
      done.add(q.id);
    }
  }
  await page.getByTestId('section-continue').click();
  await form.waitFor({ state: 'detached' });
}

async function taskStatus(page: Page, task: string) {
  return page.getByTestId(`task-${task}`).getAttribute('data-status');
}

/** The browser logs an expected 4xx as a failed resource: take exactly that one off the list. */
async function expectOneRefusalLogged(problems: string[], before: number, status: number) {
  await expect.poll(() => problems.length).toBe(before + 1);
  expect(problems.slice(before)).toEqual([
    expect.stringMatching(new RegExp(`status of ${status}`)) as unknown as string,
  ]);
  problems.splice(before);
}

const STREAM_WORDS = [
  'Stream',
  'Volet',
  'Rapid Employment',
  'Employability',
  'Emploi rapide',
  'Employabilité',
  'employabilité',
  'Axé sur',
  'score',
  'Pointage',
];

describe.each(['en', 'fr'] as const)('Common Assessment end to end (%s)', (lang) => {
  it('C1–C11: SA does M1 and refers, SSM assigns, the provider sets case-managed, does M2, submits; the client copy has no stream', async () => {
    const { page, problems } = await openPage(pathways());
    const family = lang === 'en' ? 'Okonkwo' : 'Beauchemin';

    // 1. The SA caseworker finds the client (C1) and starts the assessment from the record.
    await signIn(page, demoEmail('sa_caseworker'), DEMO_PASSWORD, lang);
    const clientId = await createSaClient(page, 'Adaeze', family);
    await page.goto(`/clients/${clientId}`);
    await page.getByTestId('client-assessments-empty').waitFor();
    await expectAccessible(page, `client profile, no assessment ${lang}`);
    await page.getByTestId('start-assessment').click();

    // 2. C3: the notice in the interface language, read verbatim; consent given in person.
    await page.getByTestId('consent-notice').waitFor();
    expect(await page.getByTestId('consent-notice').getAttribute('lang')).toBe(lang);
    await expectAccessible(page, `consent ${lang}`);
    await page.locator('#channel-in_person').check();
    await page.getByTestId('consent-given').click();
    await page.getByTestId('task-list').waitFor();
    const assessmentId = new URL(page.url()).pathname.split('/').pop() ?? '';
    const reference = (await page.getByTestId('assessment-reference').first().textContent()) ?? '';
    expect(reference).toMatch(/^CA-\d{7}$/);
    expect(await taskStatus(page, 'consent')).toBe('complete');
    // S2: no service level for the SA caseworker; the last step is the referral.
    expect(await page.getByTestId('task-service_level').count()).toBe(0);
    expect(await page.getByTestId('task-refer').count()).toBe(1);
    await expectAccessible(page, `task list (SA) ${lang}`);

    // 3. C4: a health card is refused with the reason, then a passport seen in person is recorded.
    await page.getByTestId('task-link-identity').click();
    await page.locator('#identity-method-photo_id').check();
    await page.locator('#identity-kind').selectOption('health_card');
    await page.locator('#identity-expiresOn').fill('2031-04-30');
    await page.locator('#identity-seen-in_person').check();
    await page.getByTestId('identity-submit').click();
    const refusal = page.locator('.ontario-alert--error');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(lang === 'en' ? /health card/i : /carte Santé/i);
    await expectAccessible(page, `identity refused ${lang}`);
    await page.locator('#identity-kind').selectOption('passport');
    await page.getByTestId('identity-submit').click();
    await page.getByTestId('task-list').waitFor();
    expect(await taskStatus(page, 'identity')).toBe('complete');

    // 4. C5: the four sections of Module 1, one after the other.
    await page.getByTestId('task-link-administrative').click();
    await page.locator('[data-testid="section-form"]').waitFor();
    await expectAccessible(page, `section administrative ${lang}`);
    for (const section of ['administrative', 'demographic', 'essential_skills', 'supports'])
      await completeSection(page, section);
    await page.getByTestId('task-list').waitFor();
    for (const section of ['administrative', 'demographic', 'essential_skills', 'supports'])
      expect(await taskStatus(page, section), section).toBe('complete');

    // 5. C7: a note on the summary for the SSM and the provider.
    await page.getByTestId('task-link-summary').click();
    await page
      .locator('#note-body')
      .fill('Prefers morning calls. Bus pass needed to attend; motivated to find full-time work.');
    await page.getByTestId('note-submit').click();
    await expect.poll(() => page.getByTestId('note').count()).toBe(1);
    await expectAccessible(page, `summary with a note ${lang}`);

    // 6. C6: check the answers and refer to the SSM, with the client's choice of provider (P3).
    await page.goto(`/assessments/${assessmentId}/check`);
    await page.getByTestId('refer-submit').waitFor();
    expect(await page.getByTestId('check-answer').count()).toBeGreaterThan(20);
    await expectAccessible(page, `check answers (SA) ${lang}`);
    // "Change" goes back to the question itself, focused for the keyboard.
    await page
      .locator('[data-testid="check-answer"][data-question="administrative.safe_to_leave_messages"]')
      .getByRole('link')
      .click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe('q-administrative-safe_to_leave_messages-yes');
    await page.goBack();
    await page.getByTestId('refer-submit').waitFor();
    await page.locator('#clientChoiceOrganizationId').selectOption({ label: 'Riverside Employment Centre' });
    await page.locator('#transportation').check();
    await page.getByTestId('refer-submit').click();
    await page.getByTestId('assessment-summary').waitFor();
    const referralLink = page.getByTestId('assessment-summary').getByRole('link', { name: /^RF-\d{7}$/ });
    await referralLink.waitFor();
    const referralReference = (await referralLink.textContent()) ?? '';
    await expectAccessible(page, `summary after referral ${lang}`);
    await signOut(page);

    // 7. SSM intake assigns the referral: the client's choice binds (P3).
    await signIn(page, demoEmail('ssm_intake'), DEMO_PASSWORD, lang);
    // S5: the demo's service-pending assessment is waiting on intake from the home page.
    await page.getByTestId('attention-servicePending').waitFor();
    await expectAccessible(page, `home with attention ${lang}`);
    await page.getByTestId('nav-referrals').click();
    await page.getByTestId('bucket-new').click();
    const referralRow = page.locator(`[data-testid="referral-row"][data-reference="${referralReference}"]`);
    await referralRow.waitFor();
    await referralRow.getByRole('link', { name: referralReference }).click();
    await page.getByTestId('assign-top').click();
    await expect.poll(() => page.getByTestId('referral-status').getAttribute('data-status')).toBe('assigned');
    await signOut(page);

    // 8. The provider finds the assessment in its "referred" list (C6).
    await signIn(page, demoEmail('provider_caseworker'), DEMO_PASSWORD, lang);
    await page.getByTestId('nav-assessments').click();
    await page.getByTestId('assessment-bucket-referred').click();
    const row = page.locator(`[data-testid="assessment-row"][data-reference="${reference}"]`);
    await row.waitFor();
    await expectAccessible(page, `assessments worklist referred ${lang}`);
    await row.getByRole('link', { name: reference }).click();
    await page.getByTestId('task-list').waitFor();
    expect(await page.getByTestId('assessment-holder').textContent()).toContain(
      'Riverside Employment Centre',
    );

    // 9. S2: an SA client is case-managed; the provider records it.
    await page.getByTestId('task-link-service_level').click();
    await page.getByTestId('eligibility-panel').waitFor();
    await expectAccessible(page, `service level ${lang}`);
    expect(await page.locator('#sl-level-case_managed').isChecked()).toBe(true);
    expect(await page.locator('#sl-level-self_directed').count()).toBe(0);
    await page.getByTestId('service-level-submit').click();
    await page.getByTestId('task-list').waitFor();
    expect(await taskStatus(page, 'service_level')).toBe('complete');

    // 10. Module 2, with the hours worked at entry.
    await page.getByTestId('task-link-income').click();
    for (const section of ['income', 'disability', 'employment', 'goals'])
      await completeSection(page, section);
    await page.getByTestId('task-list').waitFor();
    for (const section of ['income', 'disability', 'employment', 'goals'])
      expect(await taskStatus(page, section), section).toBe('complete');

    // 11. C6: the provider assigns the assessment to its own caseworker, then submits (C8).
    await page.getByTestId('task-link-summary').click();
    await page.getByTestId('assign-caseworker').click();
    await expect
      .poll(() => page.getByTestId('summary-caseworker').textContent())
      .not.toMatch(/^(Not assigned yet|Pas encore assignée)$/);
    await page.goto(`/assessments/${assessmentId}/check`);
    const employerRow = page.locator(
      '[data-testid="check-answer"][data-question="employment.hours_per_week"]',
    );
    expect(await employerRow.textContent()).toContain('20');
    await expectAccessible(page, `check answers (provider) ${lang}`);
    await page.getByTestId('assessment-submit').click();
    await page.getByTestId('segmentation').waitFor();
    expect(await page.getByTestId('assessment-status').first().getAttribute('data-status')).toBe('submitted');
    expect(await page.getByTestId('segmentation-stream').getAttribute('data-stream')).toMatch(/^[ABC]$/);
    expect(await page.getByTestId('segmentation-internal').textContent()).toContain(
      lang === 'en' ? 'never share the stream' : 'ne communiquez jamais le volet',
    );
    await expectAccessible(page, `summary submitted with segmentation ${lang}`);

    // 12. C8: the client copy holds the notice and the answers, never the stream or the score.
    await page.getByTestId('client-copy-link').click();
    await page.getByTestId('client-copy').waitFor();
    await expectAccessible(page, `client copy ${lang}`);
    for (const l of [lang, lang === 'en' ? 'fr' : 'en'] as const) {
      await setLanguage(page, l);
      const text = (await page.locator('main').textContent()) ?? '';
      expect(text).toContain(reference);
      expect(text).toContain('Lakeshore Logistics');
      for (const word of STREAM_WORDS)
        expect(text, `client copy (${l}) mentions "${word}"`).not.toContain(word);
    }
    await setLanguage(page, lang);

    expect(problems).toEqual([]);
    await page.context().close();
  });
});

describe('C3: no consent, no assessment', () => {
  it('refusing consent shows the stop page and the client’s assessment list stays empty', async () => {
    const { page, problems } = await openPage(pathways());
    await signIn(page, demoEmail('sa_caseworker'), DEMO_PASSWORD, 'en');
    const clientId = await createSaClient(page, 'Tomasz', 'Wierzbicki');
    await page.goto(`/clients/${clientId}`);
    await page.getByTestId('start-assessment').click();
    await page.getByTestId('consent-notice').waitFor();
    await page.locator('#channel-phone').check();
    const before = problems.length;
    await page.getByTestId('consent-refused-button').click();
    await page.getByTestId('consent-refused').waitFor();
    // The API answers a refusal with 422 C3 and stores nothing; the browser logs that one response.
    await expectOneRefusalLogged(problems, before, 422);
    expect(await page.getByTestId('consent-refused').textContent()).toContain('self-directed');
    await expectAccessible(page, 'consent refused');
    await page.getByRole('link', { name: 'Back to the client' }).first().click();
    await page.getByTestId('client-assessments-empty').waitFor();
    const list = (await (await page.request.get(`/api/clients/${clientId}/assessments`)).json()) as {
      items: unknown[];
      consent: { active: boolean };
    };
    expect(list.items).toEqual([]);
    expect(list.consent.active).toBe(false);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

describe('C1, C9 and C3 on the provider side', () => {
  it('search shows the in-progress CA to resume; "other" needs a note to cancel; a consent withdrawal reaches the SSM, who removes the information', async () => {
    const { page, problems } = await openPage(pathways());
    await signIn(page, demoEmail('provider_caseworker'), DEMO_PASSWORD, 'fr');
    const clientId = await createSaClient(page, 'Mireille', 'Dufresne-Aubin');
    await page.goto(`/clients/${clientId}`);
    await page.getByTestId('start-assessment').click();
    await page.locator('#channel-video').check();
    await page.getByTestId('consent-given').click();
    await page.getByTestId('task-list').waitFor();
    const reference = (await page.getByTestId('assessment-reference').first().textContent()) ?? '';

    // C1: the search results show the in-progress assessment, with "Resume" rather than "Start".
    await page.getByTestId('nav-clients').click();
    await page.locator('#search-name').fill('Dufresne-Aubin');
    await page.getByTestId('search-submit').click();
    const result = page.getByTestId('client-row').filter({ hasText: 'Dufresne-Aubin' });
    await result.waitFor();
    expect(await result.getByTestId('search-assessment').textContent()).toContain(reference);
    expect(await result.getByTestId('start-assessment').count()).toBe(0);
    await expectAccessible(page, 'search with an assessment in progress fr');
    await result.getByTestId('resume-assessment').click();
    await page.getByTestId('task-list').waitFor();

    // C9: "other" needs a note; with it, the CA is cancelled and read-only.
    await page.getByTestId('task-link-summary').click();
    await page.locator('#cancel-reason').selectOption('other');
    await page.getByTestId('cancel-submit').click();
    await page.locator('#cancel-note-error').waitFor();
    await expectAccessible(page, 'cancel needs a note fr');
    await page.locator('#cancel-note').fill('La cliente déménage à Ottawa et sera servie là-bas.');
    await page.getByTestId('cancel-submit').click();
    await expect
      .poll(() => page.getByTestId('assessment-status').first().getAttribute('data-status'))
      .toBe('cancelled');
    expect(await page.getByTestId('cancel-submit').count()).toBe(0);

    // C3: a new CA, then the client withdraws consent: it is cancelled and the SSM is told in writing.
    await page.goto(`/clients/${clientId}`);
    await page.getByTestId('start-assessment').click();
    await page.locator('#channel-in_person').check();
    await page.getByTestId('consent-given').click();
    await page.getByTestId('task-list').waitFor();
    await page.goto(`/clients/${clientId}`);
    await page.getByTestId('revoke-open').click();
    await page
      .locator('#revoke-noticeToSsm')
      .fill('La cliente a retiré son consentement par téléphone ce matin.');
    await expectAccessible(page, 'consent withdrawal form fr');
    await page.getByTestId('revoke-submit').click();
    // The record stops being shared at once (C3): the page says so from the client search.
    await page.getByTestId('consent-revoked-notice').waitFor();
    await expectAccessible(page, 'consent withdrawal recorded fr');
    expect((await page.request.get(`/api/clients/${clientId}`)).status()).toBe(404);
    await signOut(page);

    // The SSM acknowledges the withdrawal and removes the person's information.
    await signIn(page, demoEmail('ssm_intake'), DEMO_PASSWORD, 'fr');
    // The SSM still sees the client: both assessments are cancelled, the second by the withdrawal.
    await page.goto(`/clients/${clientId}`);
    await page.getByTestId('client-assessments').waitFor();
    expect(await page.getByTestId('client-consent').getAttribute('data-state')).toBe('revoked');
    const statuses = await page
      .getByTestId('client-assessment')
      .evaluateAll((rows) => rows.map((r) => r.querySelector('[data-status]')?.getAttribute('data-status')));
    expect(statuses).toEqual(['cancelled', 'cancelled']);
    await page.getByTestId('nav-consentRevocations').click();
    const item = page.getByTestId('revocation').filter({ hasText: 'Dufresne-Aubin' });
    await item.waitFor();
    await expectAccessible(page, 'consent withdrawals fr');
    await item.getByTestId('revocation-acknowledge').click();
    await expect.poll(() => item.getAttribute('data-state')).toBe('acknowledged');
    await item.getByTestId('revocation-remove').click();
    await expectAccessible(page, 'consent withdrawal removal confirm fr');
    await item.getByTestId('revocation-remove-confirm').click();
    await expect
      .poll(() => page.locator('[data-testid="revocation"][data-state="removed"]').count())
      .toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoEmail } from '../../src/seed/network.js';
import {
  createClientThroughApi,
  expectAccessible,
  openPage,
  pathwaysForFile,
  signIn,
  signOut,
} from './harness.js';

/**
 * The referral path end to end (P1–P11), in each language: an SA caseworker refers a client to SSM
 * intake, the intake worker assigns the matrix's first suggestion, the provider logs contact attempts
 * (and is refused "unable to contact" too early, P8) and an appointment, and SSM intake reads the
 * whole timeline.
 */
const pathways = pathwaysForFile();

/** Setup through the API with the signed-in SA caseworker's session: the client to be referred. */
const createSaClient = (page: Page, familyName: string, sin: string) =>
  createClientThroughApi(page, {
    legalGivenName: 'Rania',
    legalFamilyName: familyName,
    dateOfBirth: '1990-03-14',
    sin,
    phone: '519-555-0147',
    preferredContactMethod: 'phone',
    language: 'other',
    languageOther: 'Arabic',
    // Newcomer and racialized: two providers serve both; only one offers service in Arabic (P4).
    specializedPopulations: { newcomer: 'yes', racialized: 'yes' },
    socialAssistance: { program: 'ow', samsMemberId: '40017723' },
  });

const referralIdFrom = (page: Page) => new URL(page.url()).pathname.split('/').pop() ?? '';

async function openFromWorklist(page: Page, bucket: string, reference: string) {
  await page.getByTestId('nav-referrals').click();
  await page.getByTestId(`bucket-${bucket}`).click();
  const row = page.locator(`[data-testid="referral-row"][data-reference="${reference}"]`);
  await row.waitFor();
  await expectAccessible(page, `worklist ${bucket}`);
  await row.getByRole('link', { name: reference }).click();
  await page.getByTestId('referral-status').waitFor();
}

describe.each(['en', 'fr'] as const)('referral pathway 1 end to end (%s)', (lang) => {
  it('P1–P11: SA refers, SSM assigns by the matrix, the provider works the lead, SSM sees the timeline', async () => {
    const { page, problems } = await openPage(pathways());
    const family = lang === 'en' ? 'Haddadine' : 'Khourieux';

    // 1. The SA caseworker refers their client to SSM intake, with notes and needs (P1, P2).
    await signIn(page, demoEmail('sa_caseworker'), DEMO_PASSWORD, lang);
    const clientId = await createSaClient(page, family, lang === 'en' ? '471 829 358' : '619 372 840');
    await page.goto(`/clients/${clientId}`);
    await page.getByTestId('refer-client').click();
    await page.locator('#source').waitFor();
    expect(await page.locator('#source').inputValue()).toBe('ontario_works');
    await page.locator('#barriers-language').selectOption('ar');
    await page.locator('#warmReferral').check();
    await page.locator('#notes').fill('Ready to start; prefers morning calls; interested in warehouse work.');
    await expectAccessible(page, `referral form ${lang}`);
    await page.getByTestId('referral-submit').click();
    await expect
      .poll(() => page.getByTestId('referral-status').getAttribute('data-status'))
      .toBe('awaiting_assignment');
    const reference = (await page.locator('h1').textContent())?.match(/RF-\d+/)?.[0] ?? '';
    expect(reference).toMatch(/^RF-\d{7}$/);
    const referralId = referralIdFrom(page);
    await expectAccessible(page, `referral detail (SA) ${lang}`);
    await signOut(page);

    // 2. SSM intake finds it in the queue and assigns the matrix's first suggestion in one click (P4, P6).
    await signIn(page, demoEmail('ssm_intake'), DEMO_PASSWORD, lang);
    await openFromWorklist(page, 'new', reference);
    const first = page.getByTestId('suggestion').first();
    await first.waitFor();
    expect(await first.textContent()).toContain('Riverside Employment Centre');
    await expectAccessible(page, `matrix ${lang}`);
    await page.getByTestId('assign-top').click();
    await expect.poll(() => page.getByTestId('referral-status').getAttribute('data-status')).toBe('assigned');
    expect(await page.getByTestId('assigned-provider').textContent()).toContain(
      'Riverside Employment Centre',
    );
    await signOut(page);

    // 3. The provider sees the lead and why it came to them (P6), logs attempts (P7) and is refused
    //    "unable to contact" before the P8 evidence exists, in the interface language.
    await signIn(page, demoEmail('provider_caseworker'), DEMO_PASSWORD, lang);
    await openFromWorklist(page, 'new', reference);
    await page.getByTestId('explanation').waitFor();
    expect(await page.getByTestId('explanation').textContent()).toContain(
      lang === 'en' ? 'Offers service in Arabic' : 'Offre des services en arabe',
    );
    await expect
      .poll(() => page.getByTestId('first-contact-clock').getAttribute('data-state'))
      .toMatch(/on_time|due_today/);
    for (const result of ['no_answer', 'left_message'] as const) {
      const before = await page.getByTestId('attempt').count();
      await page.locator('#method').selectOption('phone');
      await page.locator('#result').selectOption(result);
      await page.getByTestId('attempt-submit').click();
      await expect.poll(() => page.getByTestId('attempt').count()).toBe(before + 1);
    }
    await expect.poll(() => page.getByTestId('first-contact-clock').getAttribute('data-state')).toBe('met');

    const problemsBefore = problems.length;
    await page.locator('#reason').selectOption('unable_to_contact');
    await page.getByTestId('return-submit').click();
    const summary = page.locator('.ontario-alert--error');
    await summary.waitFor();
    // The browser logs the refusal's 422 as a failed resource: expected here, and only that.
    await expect.poll(() => problems.length).toBe(problemsBefore + 1);
    expect(problems.slice(problemsBefore)).toEqual([
      expect.stringMatching(/status of 422/) as unknown as string,
    ]);
    problems.splice(problemsBefore);
    const refusal = (await summary.textContent()) ?? '';
    expect(refusal).toContain('P8');
    expect(refusal).toMatch(lang === 'en' ? /appointment/i : /rendez-vous/i);
    expect(await page.getByTestId('referral-status').getAttribute('data-status')).toBe('assigned');

    const tomorrow = new Date(Date.now() + 24 * 3600_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    const local = `${tomorrow.getFullYear()}-${pad(tomorrow.getMonth() + 1)}-${pad(tomorrow.getDate())}T10:00`;
    await page.locator('#scheduledFor').fill(local);
    await page.locator('#mode-in_person').check();
    await page.locator('#saCaseworkerInvited').check();
    await page.getByTestId('appointment-submit').click();
    await page.getByTestId('appointment').first().waitFor();
    await page.getByTestId('attended').click();
    await expect
      .poll(() => page.getByTestId('attendance').first().textContent())
      .toBe(lang === 'en' ? 'Came' : 'Venu');
    await expectAccessible(page, `provider lead ${lang}`);
    await signOut(page);

    // 4. SSM intake reads the full timeline, in order, in the interface language.
    await signIn(page, demoEmail('ssm_intake'), DEMO_PASSWORD, lang);
    await page.goto(`/referrals/${referralId}`);
    await page.getByTestId('referral-timeline').waitFor();
    const kinds = await page
      .getByTestId('timeline-event')
      .evaluateAll((items) => items.map((i) => i.getAttribute('data-kind')));
    expect(kinds).toEqual([
      'created',
      'assigned',
      'contact_attempt',
      'contact_attempt',
      'appointment_offered',
      'appointment_attended',
    ]);
    const timeline = (await page.getByTestId('referral-timeline').textContent()) ?? '';
    expect(timeline).toContain(lang === 'en' ? 'Referral received' : 'Aiguillage reçu');
    expect(timeline).toContain('Riverside Employment Centre');
    await expectAccessible(page, `referral timeline ${lang}`);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

describe('TRF daily list upload (P1 pathway 2)', () => {
  it('imports the good lines, lists the bad ones by line in the interface language, and adds nothing twice', async () => {
    const { page, problems } = await openPage(pathways());
    await signIn(page, demoEmail('ssm_intake'), DEMO_PASSWORD, 'fr');
    await page.getByTestId('nav-referrals').click();
    await page.getByRole('link', { name: 'Importer une liste CRR' }).click();
    await page.locator('#csv').waitFor();
    await expectAccessible(page, 'TRF upload fr');
    const csv = [
      'trf_id,given_name,family_name,date_of_birth,sin,language',
      'E2E-1,Marc,Lavoisier,1984-02-11,726 481 930,fr',
      'E2E-2,Jo,Brisebois,1984-13-01,123,en',
    ].join('\n');
    const file = { name: 'trf-e2e.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) };
    await page.locator('#csv').setInputFiles(file);
    await page.getByTestId('trf-upload').click();
    await page.getByTestId('trf-result').waitFor();
    expect(await page.getByTestId('trf-created').textContent()).toContain('1 aiguillage');
    const errors = (await page.getByTestId('trf-errors').textContent()) ?? '';
    expect(errors).toContain('AAAA-MM-JJ');
    expect(errors).toContain('NAS non valide');
    await expectAccessible(page, 'TRF result fr');

    await page.locator('#csv').setInputFiles(file);
    await page.getByTestId('trf-upload').click();
    await expect.poll(() => page.getByTestId('trf-result').textContent()).toContain('déjà été importé');
    expect(await page.getByTestId('trf-result').textContent()).toContain('première importation');
    // Nothing new reached the queue: the one applicant is there once.
    await page.getByTestId('nav-referrals').click();
    await page.getByTestId('bucket-new').click();
    await page.getByTestId('referral-row').first().waitFor();
    expect(await page.getByTestId('referral-row').filter({ hasText: 'Lavoisier' }).count()).toBe(1);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

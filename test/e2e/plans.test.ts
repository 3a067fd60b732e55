import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, torontoDate } from '../../src/domain/calendar/iso-date.js';
import { DEMO_PASSWORD, demoEmail } from '../../src/seed/network.js';
import { ADULT_SA, completeAnswers, CONSENT, PHOTO_ID } from '../support/assessments.js';
import {
  createClientThroughApi,
  expectAccessible,
  openPage,
  pathwaysForFile,
  signIn,
  signOut,
  sinSequence,
} from './harness.js';

/**
 * The Employment Action Plan end to end in a real browser (A1–A5, A7, I2, I4): the SSM adds a
 * catalogue item (A7); a provider caseworker opens the workspace of an OW client with a submitted
 * case-managed CA and no plan, starts the plan (A1), gives it two goals, two sub-goals and three
 * items (A2), prints the client-facing summary (A3, A5: no stream; the app's chrome hidden in print),
 * records the signature and activates; then shares a comment on an item and writes an internal
 * note. The client's SA caseworker reads the plan read-only with the comment and never the internal
 * note (I2), and asks for a case conference that the provider answers (I4). Every page visited
 * passes axe (WCAG 2.1 AA) with no console errors.
 */
const pathways = pathwaysForFile();

const OUTPUT = join(process.cwd(), 'test-results', 'e2e');

const freshSin = sinSequence(8_300_001);

/** A write with the signed-in session's CSRF token, as the web app sends it. */
async function api(page: Page, method: 'POST' | 'PUT' | 'PATCH', url: string, data: unknown = {}) {
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  const response = await page.request.fetch(url, {
    method,
    headers: { 'X-CSRF-Token': me.csrfToken },
    data,
  });
  expect(response.status(), `${method} ${url}: ${await response.text()}`).toBeLessThan(300);
  return (await response.json()) as Record<string, unknown>;
}

interface SaCaseworker {
  userId: string;
  officeId: string;
}

/**
 * Setup through the API as the provider caseworker: an OW client whose SA caseworker is the demo
 * one, with a Common Assessment started, completed and submitted with case-managed service (A1).
 */
async function clientWithSubmittedCa(page: Page, sa: SaCaseworker, family: string): Promise<string> {
  const sin = freshSin();
  const clientId = await createClientThroughApi(page, {
    legalGivenName: 'Amara',
    legalFamilyName: family,
    dateOfBirth: '1989-04-12',
    sin,
    phone: '519-555-0147',
    preferredContactMethod: 'phone',
    language: 'en',
    specializedPopulations: { newcomer: 'no' },
    socialAssistance: {
      program: 'ow',
      samsMemberId: `4003${sin.slice(-4)}`,
      officeId: sa.officeId,
      caseworkerId: sa.userId,
    },
  });
  const ca = await api(page, 'POST', `/api/clients/${clientId}/assessments`, { consent: CONSENT });
  const url = (step: string) => `/api/assessments/${String(ca.id)}/${step}`;
  await api(page, 'PATCH', url('answers'), { answers: completeAnswers(ADULT_SA, ['m1']) });
  await api(page, 'PUT', url('identity'), PHOTO_ID);
  await api(page, 'PUT', url('service-level'), { level: 'case_managed', indicators: [] });
  await api(page, 'PATCH', url('answers'), { answers: completeAnswers(ADULT_SA, ['m2']) });
  await api(page, 'POST', url('submit'));
  return clientId;
}

const STREAM_WORDS = [
  'Stream',
  'Volet',
  'Rapid Employment',
  'Emploi rapide',
  'Employability',
  'Employabilité',
];

const TEXT = {
  en: {
    goal1: 'Work in warehouse logistics again',
    goal1Description: 'A full-time day shift within six months.',
    goal2: 'Reliable way to get to work',
    catalogueName: 'Résumé and cover letter clinic',
    customItem: 'Mock interview practice',
    busPass: 'Monthly bus pass',
    cost1: '45.50',
    cost2: '128.00',
    total: '$173.50',
    documents: 'receipts',
    shared: 'Attended the first mock interview; confident and on time.',
    internal: 'INTERNAL ONLY: discussed housing arrears with the client.',
    topic: 'Transportation support for the first month',
    conference: 'Can OW cover the bus pass until the first paycheque?',
    reply: 'Yes: we will add it to the plan and send the receipt.',
  },
  fr: {
    goal1: 'Retravailler en logistique d’entrepôt',
    goal1Description: 'Un quart de jour à temps plein d’ici six mois.',
    goal2: 'Un moyen fiable de se rendre au travail',
    catalogueName: 'Atelier de CV et de lettre de présentation',
    customItem: 'Pratique d’entrevue simulée',
    busPass: 'Laissez-passer mensuel d’autobus',
    cost1: '45,50',
    cost2: '128,00',
    total: '173,50',
    documents: 'reçus',
    shared: 'A participé à la première entrevue simulée; confiante et ponctuelle.',
    internal: 'INTERNE SEULEMENT : arriérés de loyer discutés avec la cliente.',
    topic: 'Soutien au transport pour le premier mois',
    conference: 'Le programme OT peut-il couvrir le laissez-passer jusqu’à la première paie?',
    reply: 'Oui : nous l’ajoutons au plan et envoyons le reçu.',
  },
} as const;

/** Adds an item to the sub-goal of `kind` with the plan page's own form. */
async function addItem(
  page: Page,
  kind: string,
  item: { catalogue?: string; custom?: string; cost: string; end: string },
) {
  const subGoal = page.locator(`[data-testid="sub-goal"][data-kind="${kind}"]`);
  const before = await subGoal.getByTestId('plan-item').count();
  await subGoal.getByTestId('add-item-open').click();
  const form = subGoal.getByTestId('add-item-form');
  if (item.catalogue) {
    const select = form.locator('select[id$="-catalogueItemId"]');
    await expect.poll(() => select.locator('option').count()).toBeGreaterThan(1);
    const value = await select.locator('option', { hasText: item.catalogue }).first().getAttribute('value');
    await select.selectOption(value ?? '');
  } else {
    await form.locator('input[id$="-source-custom"]').check();
    await form.locator('input[id$="-customTitle"]').fill(item.custom ?? '');
  }
  await form.locator('input[id$="-costCents"]').fill(item.cost);
  await form.locator('input[id$="-plannedEnd"]').fill(item.end);
  await form.getByTestId('add-item-submit').click();
  await expect.poll(() => subGoal.getByTestId('plan-item').count()).toBe(before + 1);
}

describe.each(['en', 'fr'] as const)('Employment Action Plan end to end (%s)', (lang) => {
  it('A1–A5, A7, I2, I4: catalogue, plan built, summary printed, signed, activated; SA reads the shared comment, not the internal note; a case conference answered', async () => {
    const { page, problems } = await openPage(pathways());
    const text = TEXT[lang];
    const today = torontoDate(new Date());
    const inAMonth = addCalendarDays(today, 30);
    mkdirSync(OUTPUT, { recursive: true });

    // 0. The SA caseworker whose client this will be.
    await signIn(page, demoEmail('sa_caseworker'), DEMO_PASSWORD, lang);
    const saMe = (await (await page.request.get('/api/auth/me')).json()) as {
      user: { id: string };
      organization: { id: string };
    };
    const sa: SaCaseworker = { userId: saMe.user.id, officeId: saMe.organization.id };
    await signOut(page);

    // 1. A7: the SSM adds an item to the plan catalogue; coverage shows on the same page.
    await signIn(page, demoEmail('ssm_admin'), DEMO_PASSWORD, lang);
    await page.goto('/plan-catalogue');
    await page.getByTestId('catalogue-coverage').locator('table').waitFor();
    await expectAccessible(page, `plan catalogue ${lang}`);
    const code = `e2e-cv-clinic-${lang}`;
    await page.locator('#catalogue-code').fill(code);
    await page.locator('#catalogue-subGoalKind').selectOption('employment_assistance_services');
    await page.locator('#catalogue-minimumService').selectOption('employability_skills');
    await page.locator('#catalogue-nameEn').fill(TEXT.en.catalogueName);
    await page.locator('#catalogue-nameFr').fill(TEXT.fr.catalogueName);
    await page.getByTestId('catalogue-submit').click();
    const row = page.locator(`[data-testid="catalogue-item"][data-code="${code}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-active')).toBe('true');
    await expectAccessible(page, `plan catalogue, item added ${lang}`);
    await signOut(page);

    // 2. The provider caseworker: an OW client with a submitted case-managed CA and no plan.
    await signIn(page, demoEmail('provider_caseworker'), DEMO_PASSWORD, lang);
    const family = lang === 'en' ? 'Nwachukwu' : 'Tremblay-Roy';
    const clientId = await clientWithSubmittedCa(page, sa, family);
    await page.goto(`/clients/${clientId}`);
    await page.getByTestId('open-workspace').click();
    await page.getByTestId('workspace').waitFor();
    await page.getByTestId('workspace-no-plan').waitFor();
    await page.getByTestId('workspace-stream').waitFor();
    await expectAccessible(page, `workspace, no plan ${lang}`);

    // A1: the plan starts from the submitted CA.
    await page.getByTestId('create-plan').click();
    await page.getByTestId('plan').waitFor();
    const planId = new URL(page.url()).pathname.split('/').pop() ?? '';
    expect(await page.getByTestId('plan').getAttribute('data-status')).toBe('draft');
    expect(await page.getByTestId('plan-reference').textContent()).toMatch(/\S/);
    await expectAccessible(page, `new plan ${lang}`);

    // A2: two goals, two sub-goals, three items (one from the catalogue, two custom).
    await page.locator('#goal-1-title').fill(text.goal1);
    await page.locator('#goal-1-description').fill(text.goal1Description);
    await page.locator('#goal-2-title').fill(text.goal2);
    await page.getByTestId('goals-submit').click();
    await page.getByTestId('goals-edit').waitFor();
    for (const [goal, kind] of [
      ['1', 'employment_assistance_services'],
      ['2', 'life_stabilization'],
    ] as const) {
      await page.locator('#subgoal-goalOrdinal').selectOption(goal);
      await page.locator('#subgoal-kind').selectOption(kind);
      await page.getByTestId('subgoal-submit').click();
      await page.locator(`[data-testid="sub-goal"][data-kind="${kind}"]`).waitFor();
    }
    await expectAccessible(page, `plan with sub-goals ${lang}`);
    await addItem(page, 'employment_assistance_services', {
      catalogue: text.catalogueName,
      cost: '0',
      end: inAMonth,
    });
    await addItem(page, 'employment_assistance_services', {
      custom: text.customItem,
      cost: text.cost1,
      end: inAMonth,
    });
    await addItem(page, 'life_stabilization', { custom: text.busPass, cost: text.cost2, end: inAMonth });
    expect(await page.getByTestId('plan-item').count()).toBe(3);
    expect(await page.getByTestId('plan-total').textContent()).toContain(text.total);
    // A3: only the signature stands between the draft and activation now.
    await expect
      .poll(() =>
        page
          .getByTestId('activation-problem')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-code'))),
      )
      .toEqual(['signature_missing']);
    await expectAccessible(page, `plan with items ${lang}`);
    await page.screenshot({ path: join(OUTPUT, `plan-draft-${lang}.png`), fullPage: true });

    // A3/A5: the summary the client signs, client-facing: goals, items, costs, documents, no stream.
    await page.getByTestId('print-summary').click();
    const summary = page.getByTestId('plan-summary');
    await summary.waitFor();
    const summaryText = (await summary.textContent()) ?? '';
    for (const expected of [text.goal1, text.goal2, text.catalogueName, text.customItem, text.busPass])
      expect(summaryText).toContain(expected);
    expect(summaryText).toContain(text.total);
    expect((await page.getByTestId('documents-notice').textContent())?.toLowerCase()).toContain(
      text.documents,
    );
    for (const word of STREAM_WORDS) expect(summaryText).not.toContain(word);
    expect(await summary.getByTestId('summary-item').count()).toBe(3);
    await expectAccessible(page, `plan summary ${lang}`);
    // In print the app's header, navigation, footer and buttons are gone; the summary remains.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await page.locator('.app-footer').isVisible()).toBe(false);
    expect(await page.getByTestId('print').isVisible()).toBe(false);
    expect(await summary.isVisible()).toBe(true);
    const pdf = join(OUTPUT, `plan-summary-${lang}.pdf`);
    await page.pdf({ path: pdf, format: 'Letter', printBackground: false });
    expect(statSync(pdf).size).toBeGreaterThan(5_000);
    await page.screenshot({ path: join(OUTPUT, `plan-summary-print-${lang}.png`), fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    // A3: the signature of the printed revision, then activation.
    await page.getByRole('link', { name: lang === 'en' ? 'Back to the plan' : 'Retour au plan' }).click();
    await page.getByTestId('signature-form').waitFor();
    await page.locator('#signature-method-wet_ink').check();
    await page.getByTestId('signature-submit').click();
    await page.getByTestId('activation-ready').waitFor();
    await expectAccessible(page, `plan signed ${lang}`);
    await page.getByTestId('activate').click();
    await expect.poll(() => page.getByTestId('plan').getAttribute('data-status')).toBe('active');
    await expectAccessible(page, `plan active ${lang}`);

    // I2: a comment shared with SA on an item, and an internal note, from the workspace.
    await page.goto(`/clients/${clientId}/workspace`);
    await page.getByTestId('notes-panel').waitFor();
    await page.getByTestId('plan-glance').waitFor();
    await page.locator('#note-visibility-shared_with_sa').check();
    const itemSelect = page.locator('#note-planItemId');
    await expect.poll(() => itemSelect.locator('option').count()).toBeGreaterThan(1);
    const itemValue = await itemSelect
      .locator('option', { hasText: text.customItem })
      .first()
      .getAttribute('value');
    await itemSelect.selectOption(itemValue ?? '');
    await page.locator('#note-body').fill(text.shared);
    await page.getByTestId('note-submit').click();
    await page.getByTestId('note').filter({ hasText: text.shared }).waitFor();
    await page.locator('#note-visibility-internal').check();
    await page.locator('#note-body').fill(text.internal);
    await page.getByTestId('note-submit').click();
    await page.getByTestId('note').filter({ hasText: text.internal }).waitFor();
    await expectAccessible(page, `workspace with notes ${lang}`);
    await signOut(page);

    // I2: the SA caseworker reads the plan read-only, with the comment and without the internal note.
    await signIn(page, demoEmail('sa_caseworker'), DEMO_PASSWORD, lang);
    await page.goto('/shared-clients');
    await page.locator('h1').waitFor();
    const sharedLink = page.locator(`[data-testid="shared-row"] a[href="/plans/${planId}"]`);
    if (await page.getByTestId('shared-table').count()) {
      await expectAccessible(page, `shared clients ${lang}`);
      await sharedLink.click();
    } else {
      await page.goto(`/plans/${planId}`);
    }
    const plan = page.getByTestId('plan');
    await plan.waitFor();
    expect(await plan.getAttribute('data-readonly')).toBe('true');
    await page.getByTestId('item-comment').filter({ hasText: text.shared }).waitFor();
    expect(await page.locator('body').textContent()).not.toContain(text.internal);
    expect(await page.getByTestId('add-item-open').count()).toBe(0);
    expect(await page.getByTestId('goals-edit').count()).toBe(0);
    await expectAccessible(page, `plan read-only (SA) ${lang}`);

    // I4: from the client's workspace the SA caseworker asks the provider for a case conference.
    await page.goto(`/clients/${clientId}/workspace`);
    await page.getByTestId('notes-panel').waitFor();
    await page.getByTestId('note').filter({ hasText: text.shared }).waitFor();
    expect(await page.locator('body').textContent()).not.toContain(text.internal);
    await page.getByTestId('conference-request-open').click();
    await page.locator('#conference-request-topic').fill(text.topic);
    await page.locator('#conference-request-channel').selectOption('phone');
    await page.locator('#conference-request-body').fill(text.conference);
    await page.getByTestId('conference-request-submit').click();
    await page.getByTestId('conference').filter({ hasText: text.topic }).waitFor();
    await expectAccessible(page, `workspace, conference requested (SA) ${lang}`);
    await signOut(page);

    // I4: the provider answers in the same thread.
    await signIn(page, demoEmail('provider_caseworker'), DEMO_PASSWORD, lang);
    await page.goto(`/clients/${clientId}/workspace`);
    const conference = page.getByTestId('conference').filter({ hasText: text.topic });
    await conference.waitFor();
    await conference.locator('textarea').fill(text.reply);
    await conference.getByTestId('conference-send').click();
    await conference.getByTestId('conference-message').filter({ hasText: text.reply }).waitFor();
    await expectAccessible(page, `workspace, conference answered ${lang}`);

    expect(problems).toEqual([]);
    await page.context().close();
  });
});

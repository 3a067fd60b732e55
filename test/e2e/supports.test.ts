import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, torontoDate } from '../../src/domain/calendar/iso-date.js';
import { demoPdf } from '../../src/seed/demo-documents.js';
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
 * Financial supports end to end in a real browser (F3, F4, F6, F9, F11, F13, I3). SSM finance sets
 * Riverside's ERFS allocation (the 10% cap on reallocation refused first). A provider caseworker,
 * on an active plan of an Ontario Works client prepared through the API, requests a $1,200 laptop
 * (technology: the form says it needs SSM pre-approval, F6) and $150 work boots (special
 * equipment: no pre-approval). An SSM manager pre-approves the laptop from the approvals queue. The
 * caseworker issues both, files an itemized receipt for each and reports them (F13); the SSM
 * approves both reports. The provider's budget shows spent up by exactly $1,350.00, and the SA
 * caseworker sees the two supports issued on the plan (I3). Every page passes axe with no console
 * errors.
 */
const pathways = pathwaysForFile();
const freshSin = sinSequence(8_700_001);

async function api(page: Page, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, data?: unknown) {
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  const response = await page.request.fetch(url, {
    method,
    headers: { 'X-CSRF-Token': me.csrfToken },
    ...(data === undefined ? {} : { data }),
  });
  expect(response.status(), `${method} ${url}: ${await response.text()}`).toBeLessThan(300);
  return (await response.json()) as Record<string, unknown>;
}

/**
 * As the provider caseworker, through the API: an OW client followed by the demo SA caseworker, a
 * submitted case-managed Common Assessment, and an active plan with two goals, a sub-goal and an
 * item, signed (A1–A3). F1 needs the open plan; F9 the SA coordination note.
 */
async function activePlanForOwClient(page: Page, sa: { userId: string; officeId: string }) {
  const sin = freshSin();
  const clientId = await createClientThroughApi(page, {
    legalGivenName: 'Noor',
    legalFamilyName: 'Haddad-Supports',
    dateOfBirth: '1990-02-17',
    sin,
    phone: '519-555-0163',
    preferredContactMethod: 'phone',
    language: 'en',
    specializedPopulations: { newcomer: 'no' },
    socialAssistance: {
      program: 'ow',
      samsMemberId: `4004${sin.slice(-4)}`,
      officeId: sa.officeId,
      caseworkerId: sa.userId,
    },
  });
  const ca = await api(page, 'POST', `/api/clients/${clientId}/assessments`, { consent: CONSENT });
  const step = (s: string) => `/api/assessments/${String(ca.id)}/${s}`;
  await api(page, 'PATCH', step('answers'), { answers: completeAnswers(ADULT_SA, ['m1']) });
  await api(page, 'PUT', step('identity'), PHOTO_ID);
  await api(page, 'PUT', step('service-level'), { level: 'case_managed', indicators: [] });
  await api(page, 'PATCH', step('answers'), { answers: completeAnswers(ADULT_SA, ['m2']) });
  await api(page, 'POST', step('submit'));

  const today = torontoDate(new Date());
  const plan = await api(page, 'POST', `/api/clients/${clientId}/plans`, {});
  const planId = String(plan.id);
  await api(page, 'PUT', `/api/plans/${planId}/goals`, {
    goals: [
      {
        ordinal: 1,
        title: 'Forklift operator in a warehouse',
        description: 'Certified within three months.',
      },
      { ordinal: 2, title: 'Safe footwear and a computer for online courses', description: '' },
    ],
  });
  const withSubGoal = (await api(page, 'POST', `/api/plans/${planId}/sub-goals`, {
    goalOrdinal: 1,
    kind: 'employment_assistance_services',
  })) as { subGoals: { id: string }[] };
  await api(page, 'POST', `/api/plans/${planId}/items`, {
    subGoalId: withSubGoal.subGoals[0]!.id,
    customTitle: 'Online forklift theory course',
    costCents: 0,
    plannedStart: today,
    plannedEnd: addCalendarDays(today, 60),
  });
  await api(page, 'GET', `/api/plans/${planId}/summary`);
  await api(page, 'POST', `/api/plans/${planId}/signature`, { signedOn: today, method: 'wet_ink' });
  await api(page, 'POST', `/api/plans/${planId}/activate`, {});
  return planId;
}

/** What the provider's own budget row says it has spent this fiscal year (F3). */
async function spentOnBudgetPage(page: Page, organizationId: string): Promise<number> {
  await page.goto('/budgets');
  const row = page.locator(`[data-testid="budget-row"][data-organization-id="${organizationId}"]`);
  await row.waitFor();
  return Number(await row.getAttribute('data-spent-cents'));
}

async function state(page: Page): Promise<string | null> {
  return page.getByTestId('support').getAttribute('data-state');
}

/** The request form, filled for a support the client needs (F4's five principles, F9's note). */
async function requestSupport(
  page: Page,
  planId: string,
  s: { category: string; description: string; vendor: string; amount: string },
): Promise<Locator> {
  await page.goto(`/plans/${planId}/supports`);
  await page.getByTestId('request-support').click();
  await page.getByTestId('support-request-form').waitFor();
  await page.locator('#category').selectOption(s.category);
  await page.locator('#description').fill(s.description);
  await page.locator('#vendorName').fill(s.vendor);
  await page.locator('#amountCents').fill(s.amount);
  await page.locator('#justification-evidenceOfNeed').fill('Stream B; no device or safety boots of her own.');
  await page.locator('#justification-whyCouldNotPay').fill('Ontario Works income only; no savings.');
  await page.locator('#link').selectOption('goal:1');
  await page.locator('#justification-barrierTemporary').check();
  await page.locator('#justification-noOtherFundingSource').check();
  await page.locator('#justification-reasonableCost').fill('Lowest of three quotes from local stores.');
  await page.locator('#saCoordinationNote').fill('OW caseworker agrees ERFS pays; OW issues nothing for it.');
  return page.getByTestId('support-preview');
}

async function uploadReceiptAndReport(page: Page, title: string) {
  await page.locator('#evidence-kind').selectOption('itemized_receipt');
  await page.locator('#evidence-file').setInputFiles({
    name: 'itemized-receipt.pdf',
    mimeType: 'application/pdf',
    buffer: demoPdf(['SYNTHETIC DEMO DOCUMENT', 'Itemized receipt', title]),
  });
  await page.getByTestId('evidence-submit').click();
  await page.getByTestId('evidence').first().waitFor();
  await page.getByTestId('evidence-acceptable').waitFor();
  await page.getByTestId('report-submit').click();
  await expect.poll(() => state(page)).toBe('reported');
}

describe('financial supports: request, SSM pre-approval, issue, evidence, report review, budget (F3, F6, F11, F13)', () => {
  it('a $1,200 laptop needs pre-approval and $150 boots do not; both issued, reported and approved; spent rises by $1,350.00', async () => {
    const running = pathways();
    const { page, problems } = await openPage(running);

    // The SA caseworker whose client this is (I3 at the end).
    await signIn(page, demoEmail('sa_caseworker'), DEMO_PASSWORD, 'en');
    const saMe = (await (await page.request.get('/api/auth/me')).json()) as {
      user: { id: string };
      organization: { id: string };
    };
    await signOut(page);

    // F3: SSM finance sets Riverside's allocation; more than 10% of operational funding is refused.
    await signIn(page, demoEmail('ssm_finance'), DEMO_PASSWORD, 'en');
    const orgs = (await (await page.request.get('/api/organizations?kind=provider')).json()) as {
      items: { id: string; name: string }[];
    };
    const riverside = orgs.items.find((o) => /riverside/i.test(o.name))!.id;
    await page.goto('/budgets');
    await page.locator(`[data-testid="budget-row"][data-organization-id="${riverside}"]`).waitFor();
    await expectAccessible(page, 'budgets for finance');
    await page
      .locator(`[data-testid="budget-row"][data-organization-id="${riverside}"]`)
      .getByTestId('budget-edit')
      .click();
    await page.getByTestId('budget-form').waitFor();
    await page.locator('#basePerClientCents').fill('500');
    await page.locator('#clientVolume').fill('200');
    await page.locator('#operationalCents').fill('1,000,000.00');
    await page.locator('#reallocationCents').fill('100,000.01');
    await expect.poll(() => page.getByTestId('max-reallocation').getAttribute('data-cents')).toBe('10000000');
    await page.getByTestId('budget-save').click();
    await page.locator('#reallocationCents-error').waitFor();
    await expectAccessible(page, 'allocation form with the F3 cap refused');
    await page.locator('#reallocationCents').fill('50,000');
    await expect
      .poll(() => page.getByTestId('allocation-preview').getAttribute('data-cents'))
      .toBe('15000000');
    await page.getByTestId('budget-save').click();
    await page.getByRole('status').getByText('Budget saved for').waitFor();
    const financeRow = page.locator(`[data-testid="budget-row"][data-organization-id="${riverside}"]`);
    await expect
      .poll(() => financeRow.getByTestId('budget-allocation').getAttribute('data-cents'))
      .toBe('15000000');
    await signOut(page);

    // The caseworker: the plan, the provider's spent before, the supports page from the plan's link.
    await signIn(page, demoEmail('provider_caseworker'), DEMO_PASSWORD, 'en');
    const planId = await activePlanForOwClient(page, {
      userId: saMe.user.id,
      officeId: saMe.organization.id,
    });
    const spentBefore = await spentOnBudgetPage(page, riverside);
    await expectAccessible(page, 'budgets for the provider');
    await page.goto(`/plans/${planId}`);
    await page.getByTestId('open-supports').click();
    await page.getByTestId('plan-supports').waitFor();
    await page.getByTestId('supports-none').waitFor();
    await expectAccessible(page, 'plan supports, none yet');

    // F6: the laptop is over $1,000.00, so the form says the SSM must pre-approve it, before submitting.
    const laptopPreview = await requestSupport(page, planId, {
      category: 'technology',
      description: 'Laptop for the online forklift theory course',
      vendor: 'Synthetic Electronics Inc.',
      amount: '1,200.00',
    });
    await expect.poll(() => laptopPreview.getAttribute('data-checked')).toBe('true');
    expect(await laptopPreview.getAttribute('data-needs-pre-approval')).toBe('true');
    expect(await laptopPreview.textContent()).toContain('Needs SSM pre-approval:');
    expect(await laptopPreview.textContent()).toContain('The item costs more than $1,000.00.');
    await expect.poll(() => laptopPreview.getByTestId('preview-problems').count()).toBe(0);
    await expectAccessible(page, 'request form with the F6 preview');
    await page.getByTestId('support-request-submit').click();
    await page.getByTestId('support').waitFor();
    expect(await state(page)).toBe('pre_approval_pending');
    const laptopId = (await page.getByTestId('support').getAttribute('data-support-id'))!;
    const laptopRef = (await page.getByTestId('support-reference').textContent())!.trim();
    expect(await page.getByTestId('issue-form').count()).toBe(0);
    await expectAccessible(page, 'support waiting for pre-approval');

    // Work boots, $150: special equipment, no pre-approval, approved at once.
    const bootsPreview = await requestSupport(page, planId, {
      category: 'special_equipment_supplies',
      description: 'CSA-approved work boots for the warehouse',
      vendor: 'Synthetic Workwear Ltd.',
      amount: '150',
    });
    await expect.poll(() => bootsPreview.getAttribute('data-checked')).toBe('true');
    expect(await bootsPreview.getAttribute('data-needs-pre-approval')).toBe('false');
    expect(await bootsPreview.textContent()).toContain('No SSM pre-approval needed');
    await page.getByTestId('support-request-submit').click();
    await page.getByTestId('support').waitFor();
    expect(await state(page)).toBe('approved');
    const bootsId = (await page.getByTestId('support').getAttribute('data-support-id'))!;

    // Issued, receipt filed, reported (F13).
    await page.locator('#issue-paymentMethod').selectOption('purchase_card');
    await page.locator('#issue-paymentReference').fill('PC-2026-0042');
    await page.getByTestId('issue-submit').click();
    await expect.poll(() => state(page)).toBe('issued');
    const reportDue = page.getByTestId('support-details').getByTestId('report-due');
    await reportDue.waitFor();
    expect(await reportDue.getAttribute('data-report-state')).toBe('due');
    await page.getByTestId('evidence-problems').waitFor();
    await expectAccessible(page, 'support issued, evidence missing');
    await uploadReceiptAndReport(page, 'Work boots');
    await signOut(page);

    // The SSM manager pre-approves the laptop from the queue.
    await signIn(page, demoEmail('ssm_manager'), DEMO_PASSWORD, 'en');
    await page.goto('/supports/approvals');
    const queued = page.locator(`[data-testid="pre-approval-row"][data-reference="${laptopRef}"]`);
    await queued.waitFor();
    expect(await queued.textContent()).toContain('The item costs more than $1,000.00.');
    await expectAccessible(page, 'SSM approvals queue');
    await queued.getByRole('link').first().click();
    await page.getByTestId('pre-approval-form').waitFor();
    await page.getByTestId('pre-approve').click();
    await expect.poll(() => state(page)).toBe('approved');
    await signOut(page);

    // The caseworker issues the laptop, files its receipt and reports it.
    await signIn(page, demoEmail('provider_caseworker'), DEMO_PASSWORD, 'en');
    await page.goto(`/supports/${laptopId}`);
    await page.getByTestId('issue-form').waitFor();
    await page.locator('#issue-paymentMethod').selectOption('purchase_order');
    await page.getByTestId('issue-submit').click();
    await expect.poll(() => state(page)).toBe('issued');
    await uploadReceiptAndReport(page, 'Laptop');
    await signOut(page);

    // The SSM approves both reports.
    await signIn(page, demoEmail('ssm_manager'), DEMO_PASSWORD, 'en');
    for (const id of [bootsId, laptopId]) {
      await page.goto('/supports/approvals');
      await page.getByTestId('report-queue').waitFor();
      await page.locator(`[data-testid="report-row"] a[href="/supports/${id}"]`).click();
      await page.getByTestId('review-form').waitFor();
      await expectAccessible(page, 'report review');
      await page.getByTestId('review-approve').click();
      await expect.poll(() => state(page)).toBe('report_approved');
    }
    await signOut(page);

    // F3: the provider's budget shows exactly $1,350.00 more spent.
    await signIn(page, demoEmail('provider_caseworker'), DEMO_PASSWORD, 'en');
    const spentAfter = await spentOnBudgetPage(page, riverside);
    expect(spentAfter - spentBefore).toBe(135_000);
    await page.goto(`/plans/${planId}/supports`);
    await expect.poll(() => page.getByTestId('support-row').count()).toBe(2);
    expect(await page.getByTestId('plan-total').getAttribute('data-cents')).toBe('135000');
    await expectAccessible(page, 'plan supports, both approved');
    await signOut(page);

    // I3: the SA caseworker sees both supports issued on the shared plan, read-only.
    await signIn(page, demoEmail('sa_caseworker'), DEMO_PASSWORD, 'en');
    await page.goto(`/plans/${planId}`);
    await page.getByTestId('shared-supports').waitFor();
    await expect.poll(() => page.getByTestId('shared-support').count()).toBe(2);
    await expectAccessible(page, 'shared plan with the supports issued (SA)');

    expect(problems).toEqual([]);
  });
});

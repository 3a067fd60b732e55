import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fiscalQuarterOf } from '../../src/domain/calendar/fiscal-year.js';
import { addCalendarDays, torontoDate } from '../../src/domain/calendar/iso-date.js';
import { demoPdf } from '../../src/seed/demo-documents.js';
import { DEMO_PASSWORD, demoEmail } from '../../src/seed/network.js';
import { expectAccessible, openPage, pathwaysForFile, signIn, signOut } from './harness.js';

/**
 * Outcomes, monitoring and PBF end to end in a real browser (M1, M3, M7, M9, K3, K4, K6): a provider
 * caseworker opens the demo plan that is active and awaiting its outcome, records that the client
 * started work five weeks ago (employed, with the job), files the offer letter as start-date proof,
 * records the 1-month checkpoint's Employment Status Questionnaire with K3's satisfaction question,
 * uploads the pay stub for the period containing the checkpoint date and submits it to the SSM. SSM
 * QA approves it from the review queue; SSM finance marks the quarter's approved lines paid; the
 * provider lead's quarterly PBF statement (in French) shows the line paid with its amount. Every page
 * passes axe with no console errors.
 */
const pathways = pathwaysForFile();

interface CaseloadEntry {
  plan: { id: string; status: string; phase: string } | null;
}
interface PlanDetail {
  id: string;
  reference: string;
  activatedAt: string | null;
}

/** The demo's active plan still in pre-employment the longest: the one awaiting an outcome. */
async function planAwaitingOutcome(page: Page): Promise<PlanDetail> {
  const caseload = (await (
    await page.request.get('/api/caseload?planStatus=active&phase=pre_employment')
  ).json()) as { clients: CaseloadEntry[] };
  const entries = caseload.clients;
  const plans = await Promise.all(
    entries
      .filter((e) => e.plan)
      .map(async (e) => (await (await page.request.get(`/api/plans/${e.plan!.id}`)).json()) as PlanDetail),
  );
  const oldest = plans
    .filter((p) => p.activatedAt)
    .sort((a, b) => a.activatedAt!.localeCompare(b.activatedAt!))[0];
  expect(oldest, 'the demo seeds a plan awaiting its outcome').toBeDefined();
  return oldest!;
}

/** Fills one of the page's upload forms (M9) with a synthetic PDF and every detail it shows. */
async function uploadPdf(page: Page, prefix: string, kind: string, title: string) {
  const open = page.getByTestId(`${prefix}-open`);
  if (await open.isVisible()) await open.click();
  await page.locator(`#${prefix}-kind`).selectOption(kind);
  await page.locator(`#${prefix}-file`).setInputFiles({
    name: `${kind}.pdf`,
    mimeType: 'application/pdf',
    buffer: demoPdf(['SYNTHETIC DEMO DOCUMENT', title]),
  });
  for (const check of ['showsClientName', 'showsBusinessName', 'coversDate', 'showsTwentyPlusHours'])
    await page.locator(`#${prefix}-${check}`).check();
  await page.getByTestId(`${prefix}-submit`).click();
}

describe('outcome, 1-month checkpoint, SSM approval and payment (M1, M7, M9, K4, K6)', () => {
  it('a caseworker records the outcome and the checkpoint with a pay stub; the SSM approves; the statement shows the payment', async () => {
    const running = pathways();
    const { page, problems } = await openPage(running);
    const today = torontoDate(new Date());
    const startedOn = addCalendarDays(today, -35);

    // The caseworker: the plan, then its monitoring page from the plan's own link.
    await signIn(page, demoEmail('provider_caseworker'), DEMO_PASSWORD, 'en');
    const plan = await planAwaitingOutcome(page);
    await page.goto(`/plans/${plan.id}`);
    await page.getByTestId('open-monitoring').click();
    await page.getByTestId('outcome-form').waitFor();
    await expectAccessible(page, 'monitoring page before the outcome');

    // M1: employed, pre-employment services ended the day the job started (M3: monitoring starts).
    await page.locator('#outcome-kind-employed').check();
    await page.locator('#outcome-endedOn').fill(startedOn);
    await page.locator('#outcome-jobs-0-employerName').fill('Harbourfront Logistics (demo)');
    await page.locator('#outcome-jobs-0-startedOn').fill(startedOn);
    await page.locator('#outcome-jobs-0-minutesPerWeek').fill('32.5');
    await page.locator('#outcome-jobs-0-hourlyWageCents').fill('21.40');
    await page.locator('#outcome-jobs-0-nocCode').fill('75101');
    await page.locator('#outcome-jobs-0-permanence').selectOption('permanent');
    await page.getByTestId('outcome-submit').click();
    await page.getByTestId('outcome-recorded').waitFor();
    await expect
      .poll(() => page.getByTestId('monitoring-start-on').getAttribute('data-date'))
      .toBe(startedOn);
    const job = page.getByTestId('job');
    await expect.poll(() => job.getByTestId('job-hours').getAttribute('data-minutes')).toBe('1950');

    // M9 start-date proof: the offer letter, filed against the job.
    const jobId = await job.getAttribute('data-job-id');
    await uploadPdf(page, `start-evidence-${jobId}`, 'offer_letter', 'Offer of employment');
    await job.getByTestId('evidence-sufficient').waitFor();

    // M7/K3: the 1-month ESQ, due a few days ago and inside its window.
    const month1 = page.locator('[data-testid="checkpoint"][data-kind="month_1"]');
    await expect.poll(() => month1.getAttribute('data-state')).toBe('due');
    await month1.locator('#esq-month_1-contactedOn').fill(today);
    await month1.locator('#esq-month_1-esqStatus-employed').check();
    await month1.locator('#esq-month_1-jobs-0-minutesPerWeek').fill('32.5');
    await month1.locator('#esq-month_1-jobs-0-hourlyWageCents').fill('21.40');
    await month1.locator('#esq-month_1-jobs-0-nocCode').fill('75101');
    await expect(await month1.textContent()).toContain(
      'How satisfied are you with the service you received, from 1 being completely dissatisfied to 5 being completely satisfied?',
    );
    await month1.locator('#esq-month_1-satisfaction-5').check();
    await month1.getByTestId('esq-submit').click();
    await month1.getByTestId('esq-record').waitFor();
    await expect.poll(() => month1.getByTestId('funded-outcome').getAttribute('data-met')).toBe('true');

    // M9: the pay stub for the period containing the checkpoint date; then the gaps are gone.
    await uploadPdf(page, 'evidence-month_1', 'pay_stub', 'Pay statement');
    await month1.getByTestId('evidence-complete').waitFor();
    await month1.getByTestId('checkpoint-submit').click();
    await expect.poll(() => month1.getByTestId('ledger-line').getAttribute('data-state')).toBe('earned');
    const dueOn = (await (await page.request.get(`/api/plans/${plan.id}/monitoring`)).json()) as {
      checkpoints: { kind: string; dueOn: string }[];
    };
    const due = dueOn.checkpoints.find((c) => c.kind === 'month_1')!.dueOn;
    await expectAccessible(page, 'monitoring page after the 1-month checkpoint');
    await signOut(page);

    // SSM QA: the submission in the review queue, approved.
    await signIn(page, demoEmail('ssm_qa'), DEMO_PASSWORD, 'en');
    await page.goto('/pbf/review');
    const submission = page
      .getByTestId('review-checkpoint')
      .filter({ has: page.getByRole('link', { name: plan.reference }) });
    await submission.waitFor();
    await expectAccessible(page, 'PBF review queue');
    await submission.getByTestId('review-approve').click();
    await submission.waitFor({ state: 'detached' });
    await signOut(page);

    // SSM finance: the quarter's approved lines paid.
    const { fiscalYear, quarter } = fiscalQuarterOf(due);
    const riverside = (await (async () => {
      await signIn(page, demoEmail('ssm_finance'), DEMO_PASSWORD, 'en');
      const orgs = (await (await page.request.get('/api/organizations?kind=provider')).json()) as {
        items: { id: string; name: string }[];
      };
      return orgs.items.find((o) => /riverside/i.test(o.name))!.id;
    })()) as string;
    await page.goto(
      `/pbf/statements?organizationId=${riverside}&fiscalYear=${fiscalYear}&quarter=${quarter}`,
    );
    const line = page.locator(`[data-testid="statement-line"][data-plan-reference="${plan.reference}"]`);
    await expect.poll(() => line.getAttribute('data-state')).toBe('approved');
    await expectAccessible(page, 'PBF statement for finance');
    await page.getByTestId('pay-approved').click();
    await page.getByTestId('pay-confirm').click();
    await expect.poll(() => line.getAttribute('data-state')).toBe('paid');
    await signOut(page);

    // The provider lead, in French: the statement shows the payment and its amount.
    await signIn(page, demoEmail('provider_lead'), DEMO_PASSWORD, 'fr');
    await page.goto(`/pbf/statements?fiscalYear=${fiscalYear}&quarter=${quarter}`);
    const own = page.locator(`[data-testid="statement-line"][data-plan-reference="${plan.reference}"]`);
    await expect.poll(() => own.getAttribute('data-state')).toBe('paid');
    expect(await own.textContent()).toMatch(/\d+,\d{2}\s*\$/);
    expect(await page.getByTestId('total-paidCents').textContent()).toMatch(/\d+,\d{2}\s*\$/);
    await expectAccessible(page, 'PBF statement for the provider lead (FR)');

    expect(problems).toEqual([]);
  });
});

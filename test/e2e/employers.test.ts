import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, torontoDate } from '../../src/domain/calendar/iso-date.js';
import { EMPLOYER_CHECKLIST_ITEMS } from '../../src/domain/supports/types.js';
import { DEMO_PASSWORD, demoEmail } from '../../src/seed/network.js';
import { expectAccessible, openPage, pathwaysForFile, setLanguage, signIn } from './harness.js';

/**
 * Employers and placements end to end in a real browser (F10, F13, F14): a provider caseworker
 * registers an employer with a contact and a work site, completes the seven-criterion eligibility
 * checklist, records an in-person site visit (the 12-month rule then says it is covered), sets up a
 * placement for a client's active plan, and watches the F10 readiness list shrink to nothing as the
 * signed agreement and the client's consent are recorded. Every page passes axe with no console
 * errors; the employer page reads in French too.
 */
const pathways = pathwaysForFile();

interface CaseloadEntry {
  plan: { id: string; status: string; phase: string } | null;
}

/**
 * Setup through the API: an active plan of the caseworker's organization, to place its client; the
 * one with the least ERFS so far, so a $900.00 incentive needs no SSM pre-approval (F6).
 */
async function activePlanId(page: Page): Promise<string> {
  const caseload = (await (await page.request.get('/api/caseload?planStatus=active')).json()) as {
    clients: CaseloadEntry[];
  };
  const plans = caseload.clients.flatMap((c) => (c.plan?.status === 'active' ? [c.plan.id] : []));
  expect(plans.length, 'the demo seeds active plans at Riverside').toBeGreaterThan(0);
  const totals = await Promise.all(
    plans.map(async (id) => {
      const res = await page.request.get(`/api/plans/${id}/supports`);
      expect(res.status(), await res.text()).toBe(200);
      return { id, total: ((await res.json()) as { planTotalCents: number }).planTotalCents };
    }),
  );
  return totals.sort((a, b) => a.total - b.total)[0]!.id;
}

async function missingRequirements(page: Page): Promise<string[]> {
  const items = page.getByTestId('placement-missing-item');
  return (await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-requirement') ?? ''))).sort();
}

describe('employer registration, eligibility, site visit and a placement made ready (F10, F13, F14)', () => {
  it('a caseworker registers an employer, checks it, visits it and sets up a placement until nothing is missing', async () => {
    const running = pathways();
    const { page, problems } = await openPage(running);
    const today = torontoDate(new Date());
    await signIn(page, demoEmail('provider_caseworker'), DEMO_PASSWORD, 'en');

    // The registry, then the Employer Registration Form with one contact and one work site.
    await page.goto('/employers');
    await page.getByTestId('register-employer').click();
    await page.getByTestId('employer-form').waitFor();
    await expectAccessible(page, 'employer registration form');
    // F10 on the form itself: a contact without a name is caught before anything is sent.
    await page.locator('#employer-legalName').fill('Lakeshore Fabrication Ltd. (demo)');
    await page.locator('#employer-contacts-0-email').fill('hiring@lakeshore.example');
    await page.getByTestId('employer-submit').click();
    await expect
      .poll(() => page.locator('#employer-contacts-0-name').getAttribute('aria-invalid'))
      .toBe('true');
    await page.locator('#employer-contacts-0-name').fill('Dana Okafor');
    await page.locator('#employer-contacts-0-title').fill('Plant manager');
    await page.locator('#employer-locations-0-label').fill('Main plant');
    await page.locator('#employer-locations-0-street').fill('1200 Walker Road');
    await page.locator('#employer-locations-0-city').fill('Windsor');
    await page.locator('#employer-locations-0-postalCode').fill('N8Y 2N9');
    await page.getByTestId('employer-submit').click();
    const employer = page.getByTestId('employer');
    await employer.waitFor();
    await expect.poll(() => employer.getAttribute('data-eligible')).toBe('false');
    expect(await page.getByTestId('contact').count()).toBe(1);
    expect(await page.getByTestId('location').count()).toBe(1);
    // F10: with no visit, the 12-month rule says which visit is needed for a placement starting today.
    const rule = page.getByTestId('site-visit-rule');
    await expect.poll(() => rule.getAttribute('data-covered')).toBe('false');
    expect(await rule.textContent()).toMatch(
      /An in-person visit on or after .+ is needed for a placement starting today\./,
    );
    await expectAccessible(page, 'employer page, just registered');

    // F10: the seven criteria, each confirmed.
    await page.getByTestId('checklist-edit').click();
    for (const item of EMPLOYER_CHECKLIST_ITEMS) await page.locator(`#checklist-${item}-yes`).check();
    await expectAccessible(page, 'eligibility checklist form');
    await page.getByTestId('checklist-submit').click();
    await expect.poll(() => employer.getAttribute('data-eligible')).toBe('true');
    expect(
      await page
        .getByTestId('checklist-answer')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-answer'))),
    ).toEqual(EMPLOYER_CHECKLIST_ITEMS.map(() => 'yes'));

    // F10: an in-person site visit today at the work site covers a placement starting today.
    await page.getByTestId('visit-add').click();
    await page.locator('#visit-visitedOn').fill(today);
    await page.locator('#visit-mode-in_person').check();
    await page.locator('#visit-locationId').selectOption({ label: 'Main plant' });
    await page.locator('#visit-notes').fill('Toured the shop floor; safety orientation in place.');
    await expectAccessible(page, 'site visit form');
    await page.getByTestId('visit-submit').click();
    await page.locator(`[data-testid="site-visit"][data-mode="in_person"][data-date="${today}"]`).waitFor();
    await expect.poll(() => rule.getAttribute('data-covered')).toBe('true');
    const employerId = await employer.getAttribute('data-employer-id');

    // The employer page in French: the same rule, in French words and dates.
    await setLanguage(page, 'fr');
    await expect
      .poll(() => rule.textContent())
      .toMatch(
        /Une visite en personne le .+ ou après est nécessaire pour un placement commençant aujourd’hui\./,
      );
    await expectAccessible(page, 'employer page in French');
    await setLanguage(page, 'en');

    // A placement for a client's active plan, with the employer just registered (F4 answered, F9 noted).
    const planId = await activePlanId(page);
    await page.goto(`/plans/${planId}/placements/new`);
    await page.getByTestId('placement-form').waitFor();
    await page.locator('#placement-employerId').selectOption(employerId!);
    await page.getByTestId('placement-employer-status').waitFor();
    await page.locator('#placement-locationId').selectOption({ index: 1 });
    await page.locator('#placement-jobTitle').fill('Machine operator trainee');
    await page.locator('#placement-startsOn').fill(addCalendarDays(today, 7));
    await page.locator('#placement-endsOn').fill(addCalendarDays(today, 90));
    await page.locator('#placement-minutesPerWeek').fill('30');
    await page.locator('#placement-hourlyWageCents').fill('18.25');
    await page.locator('#placement-trainingIncentiveCents').fill('900.00');
    await page.locator('#placement-employerUse-placement_incentive').check();
    await page.locator('#placement-intendedToContinue-yes').check();
    // F4: without the five principles answered the API refuses, and the form lists every one it names.
    const problemsBefore = problems.length;
    await page.getByTestId('placement-submit').click();
    await page
      .locator('[data-testid="rule-problems"] [data-rule="F4"][data-code="no_evidence_of_need"]')
      .waitFor();
    // The browser logs the refusal's 422 as a failed resource: expected here, and only that.
    await expect.poll(() => problems.length).toBe(problemsBefore + 1);
    expect(problems.slice(problemsBefore)).toEqual([
      expect.stringMatching(/status of 422/) as unknown as string,
    ]);
    problems.splice(problemsBefore);
    expect(await page.locator('[data-testid="rule-problems"] [data-rule="F4"]').count()).toBeGreaterThan(1);
    await expectAccessible(page, 'placement form refused (F4)');
    await page.locator('#placement-link').selectOption({ index: 1 });
    await page
      .locator('#placement-justification-evidenceOfNeed')
      .fill('No Canadian work experience in the trade.');
    await page
      .locator('#placement-justification-whyCouldNotPay')
      .fill('The employer cannot train without support.');
    await page
      .locator('#placement-justification-reasonableCost')
      .fill('Below the going rate for 12 weeks of training.');
    await page.locator('#placement-justification-barrierTemporary').check();
    await page.locator('#placement-justification-noOtherFundingSource').check();
    await page
      .locator('#placement-saCoordinationNote')
      .fill('Spoke with the SA caseworker: ERFS pays; no benefit duplicated.');
    await expectAccessible(page, 'placement form');
    await page.getByTestId('placement-submit').click();

    // F10: registered, eligible and visited, so only the two signatures are missing.
    const placement = page.getByTestId('placement');
    await placement.waitFor();
    await expect.poll(() => missingRequirements(page)).toEqual(['client_consent', 'placement_agreement']);
    expect(await page.getByTestId('placement-incentive').textContent()).toBe('$900.00');
    await expect
      .poll(() => page.getByTestId('placement-intended').getAttribute('data-intended'))
      .toBe('true');
    await page.getByTestId('placement-support-link').waitFor();
    expect(await page.getByTestId('placement-support-link').getAttribute('href')).toMatch(
      /^\/supports\/[0-9a-f-]{36}$/,
    );
    await expectAccessible(page, 'placement page, two signatures missing');

    await page.locator('#placement-record-agreementSignedOn').fill(today);
    await page.getByTestId('record-agreement-submit').click();
    await expect.poll(() => missingRequirements(page)).toEqual(['client_consent']);
    await page.getByTestId('agreement-signed-on').filter({ hasNotText: 'Not yet' }).waitFor();

    await page.locator('#placement-record-clientConsentSignedOn').fill(today);
    await page.getByTestId('record-consent-submit').click();
    await page.getByTestId('placement-ready').waitFor();
    await expect.poll(() => placement.getAttribute('data-ready')).toBe('true');
    expect(await page.getByTestId('placement-missing-item').count()).toBe(0);
    // $900.00 needs no SSM pre-approval (F6), so coverage is confirmed and the placement may start.
    await page.getByTestId('placement-may-start').waitFor();
    await expectAccessible(page, 'placement page, ready');

    // The employer's page lists the placement.
    await page.goto(`/employers/${employerId}`);
    await page.getByTestId('employer-placement').waitFor();

    expect(problems).toEqual([]);
  });
});

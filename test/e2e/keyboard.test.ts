import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoEmail } from '../../src/seed/network.js';
import { syntheticSin } from '../../src/seed/people.js';
import { apiPost, createClientThroughApi, openPage, signIn, startPathways, type Running } from './harness.js';

/** Keyboard only: reach the fields with Tab, see where focus is, submit with Enter. */

/** Presses Tab until the focused element matches, failing after `limit` presses. */
async function tabTo(page: Page, matches: string, limit = 60) {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, matches)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${matches}`);
}
let running: Running;
beforeAll(async () => {
  running = await startPathways();
});
afterAll(() => running?.stop());

describe('keyboard operation', () => {
  it('signs in and reaches the client search without a mouse, with a visible focus indicator', async () => {
    const { page, problems } = await openPage(running);
    await page.goto('/sign-in');
    await page.locator('#email').waitFor();
    let guard = 0;
    while ((await page.evaluate(() => document.activeElement?.id)) !== 'email' && guard++ < 20)
      await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('email');
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement as Element);
      return { outline: style.outlineStyle, shadow: style.boxShadow };
    });
    expect(outline.outline !== 'none' || outline.shadow !== 'none').toBe(true);
    await page.keyboard.type(demoEmail('ssm_intake'));
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('password');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByTestId('sign-out').waitFor();

    guard = 0;
    while (
      (await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) !== 'nav-clients' &&
      guard++ < 40
    ) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await page.locator('#search-name').waitFor();
    await page.locator('#search-name').focus();
    await page.keyboard.type('Smith');
    await page.keyboard.press('Enter');
    await page.getByTestId('client-row').first().waitFor();
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('works an assessment section without a mouse: task list → section → answer → save and continue (C5)', async () => {
    const { page, problems } = await openPage(running);
    await signIn(page, demoEmail('provider_caseworker'), DEMO_PASSWORD, 'en');
    // Setup through the API: a client of this provider with consent given (C3).
    const clientId = await createClientThroughApi(page, {
      legalGivenName: 'Keyboard',
      legalFamilyName: 'Onlyuser',
      dateOfBirth: '1991-02-11',
      sin: syntheticSin(8_300_017),
      preferredContactMethod: 'phone',
      phone: '519-555-0133',
      language: 'en',
      specializedPopulations: {},
    });
    const notice = (await (await page.request.get('/api/assessments/consent-notice')).json()) as {
      version: string;
    };
    const started = await apiPost(page, `/api/clients/${clientId}/assessments`, {
      consent: { given: true, channel: 'in_person', noticeVersion: notice.version },
    });
    expect(started.status(), await started.text()).toBe(201);
    const caId = ((await started.json()) as { id: string }).id;

    await page.goto(`/assessments/${caId}`);
    await tabTo(page, `a[href$="/assessments/${caId}/sections/administrative"]`);
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="section-form"][data-section="administrative"]').waitFor();

    await tabTo(page, '#q-administrative-lives_in_ontario-yes');
    const focus = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement as Element);
      return { outline: style.outlineStyle, shadow: style.boxShadow };
    });
    expect(focus.outline !== 'none' || focus.shadow !== 'none').toBe(true);
    await page.keyboard.press('Space');
    expect(await page.locator('#q-administrative-lives_in_ontario-yes').isChecked()).toBe(true);
    // Eight statuses make a select: the arrow key picks the first, "citizen".
    await tabTo(page, '#q-administrative-status_in_canada');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#q-administrative-status_in_canada').inputValue()).toBe('citizen');
    for (const id of ['temporary_address', 'safe_to_leave_messages']) {
      await tabTo(page, `#q-administrative-${id}-no, #q-administrative-${id}-yes`);
      // Arrow keys move within a radio group; Space checks the focused radio.
      await page.keyboard.press('Space');
      expect(await page.locator(`input[name="q-administrative-${id}"]:checked`).count()).toBe(1);
    }
    await tabTo(page, '[data-testid="section-continue"]');
    await page.keyboard.press('Enter');
    // Saved, and on to the next section of Module 1.
    await page.locator('[data-testid="section-form"][data-section="demographic"]').waitFor();
    const detail = (await (await page.request.get(`/api/assessments/${caId}`)).json()) as {
      answers: Record<string, unknown>;
    };
    expect(detail.answers).toMatchObject({
      'administrative.lives_in_ontario': true,
      'administrative.status_in_canada': 'citizen',
    });
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

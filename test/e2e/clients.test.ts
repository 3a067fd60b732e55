import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoEmail } from '../../src/seed/network.js';
import { expectAccessible, openPage, signIn, startPathways, type Running } from './harness.js';

/** A provider caseworker searches first (C1), adds a new client, and sees the SIN masked (E2). */
let running: Running;
beforeAll(async () => {
  running = await startPathways();
});
afterAll(() => running?.stop());

describe.each(['en', 'fr'] as const)('client search and creation (%s)', (lang) => {
  it('C1/E2: search, add a client, see the masked SIN, and find them again', async () => {
    const { page, problems } = await openPage(running);
    await signIn(page, demoEmail('provider_caseworker'), DEMO_PASSWORD, lang);

    const family = lang === 'en' ? 'Quennevillez' : 'Beaudoinette';
    await page.getByTestId('nav-clients').click();
    await page.locator('#search-name').fill(`Noor ${family}`);
    await page.locator('#search-dob').fill('1994-07-21');
    await page.getByTestId('search-submit').click();
    await page.waitForLoadState('networkidle');
    expect(await page.getByTestId('client-row').count()).toBe(0);
    await expectAccessible(page, `search ${lang}`);

    await page.getByTestId('add-client').click();
    await page.locator('h1').waitFor();
    await expectAccessible(page, `new client ${lang}`);
    // Search terms carry over (C1: the caseworker typed them once).
    await expect.poll(() => page.locator('#legalFamilyName').inputValue()).toBe(family);
    await page.locator('#sin').fill(lang === 'en' ? '543 210 983' : '234 567 899');
    await page.getByTestId('client-save').click();
    await page.getByTestId('sin-value').waitFor();
    expect(await page.getByTestId('sin-value').textContent()).toMatch(/\*\*\*-\*\*\*-(983|899)/);
    await expectAccessible(page, `profile ${lang}`);

    await page.getByTestId('nav-clients').click();
    await page.locator('#search-name').fill(family);
    await page.getByTestId('search-submit').click();
    await page.getByTestId('client-row').first().waitFor();
    expect(await page.getByTestId('client-row').count()).toBe(1);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

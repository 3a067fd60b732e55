import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoEmail } from '../../src/seed/network.js';
import { openPage, startPathways, type Running } from './harness.js';

/** Keyboard only: reach the fields with Tab, see where focus is, submit with Enter. */
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
});

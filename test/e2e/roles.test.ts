import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/domain/access/roles.js';
import { DEMO_PASSWORD, demoEmail } from '../../src/seed/network.js';
import { expectAccessible, openPage, setLanguage, startPathways, type Running } from './harness.js';

/**
 * Every role signs in, in English and in French, visits every page its navigation offers, and each
 * page passes axe-core (WCAG 2.1 AA) with no console errors, in the language chosen.
 */
let running: Running;
beforeAll(async () => {
  running = await startPathways();
});
afterAll(() => running?.stop());

const NAV = [
  'home',
  'referrals',
  'assessments',
  'clients',
  'organizations',
  'users',
  'consentRevocations',
  'calendar',
  'statistics',
  'audit',
  'caseload',
  'caseloadBoard',
  'sharedClients',
  'caseConferences',
  'noteTemplates',
  'planCatalogue',
  // F3/F6/F10: the approvals queue (SSM), the budgets (provider's own, SSM's catchment) and employers.
  'supportApprovals',
  'budgets',
  'employers',
  'account',
] as const;

async function signIn(page: Page, role: Role, lang: 'en' | 'fr') {
  await page.goto('/sign-in');
  await page.locator('h1').waitFor();
  await setLanguage(page, lang);
  await expectAccessible(page, `${role} ${lang} sign-in`);
  await page.locator('#email').fill(demoEmail(role));
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.getByTestId('sign-in').click();
  await page.getByTestId('sign-out').waitFor();
  await setLanguage(page, lang);
}

describe.each(['en', 'fr'] as const)('every role in %s', (lang) => {
  for (const role of ROLES) {
    it(`${role} signs in and every page it can reach is accessible`, async () => {
      const { page, problems } = await openPage(running);
      await signIn(page, role, lang);
      const visited: string[] = [];
      for (const name of NAV) {
        const link = page.getByTestId(`nav-${name}`);
        if ((await link.count()) === 0) continue;
        await link.click();
        await page.locator('h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        expect(await page.locator('h1').count(), `${name}: one h1`).toBe(1);
        expect(await page.getAttribute('html', 'lang')).toMatch(new RegExp(`^${lang}`));
        await expectAccessible(page, `${role} ${lang} ${name}`);
        visited.push(name);
      }
      expect(visited).toContain('home');
      expect(visited).toContain('account');
      await page.getByTestId('sign-out').click();
      await page.locator('#email').waitFor();
      expect(problems).toEqual([]);
      await page.context().close();
    });
  }
});

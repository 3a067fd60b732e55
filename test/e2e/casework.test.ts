import { describe, expect, it } from 'vitest';
import { torontoDate } from '../../src/domain/calendar/iso-date.js';
import { syntheticSin } from '../../src/seed/people.js';
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
 * Day-to-day case management in a real browser (J9, I2, I4): the SSM adds a bilingual note
 * template; a provider caseworker starts a note from it in the language they work in, records a
 * contact and adds a task due today; the lead finds the client unassigned on the board and puts it
 * on the caseworker's caseload; the caseworker sees it in "My caseload" and marks the task done.
 * Every screen passes axe-core.
 */
const pathways = pathwaysForFile();

const TEXT = {
  en: { family: 'Okonkwo-Casework', task: 'Call back about the resume clinic' },
  fr: { family: 'Gagnon-Dossiers', task: 'Rappeler au sujet de l’atelier de CV' },
};
const TEMPLATE = {
  titleEn: 'Monthly check-in',
  titleFr: 'Suivi mensuel',
  bodyEn: 'Checked in with the client about progress this month.',
  bodyFr: 'Suivi avec le client sur les progrès du mois.',
};

describe.each(['en', 'fr'] as const)('case management end to end (%s)', (lang) => {
  it('J9, I2: template note with a contact, a task due today, assigned by the lead, done from the caseload', async () => {
    const { page, problems } = await openPage(pathways());
    const text = TEXT[lang];
    const title = lang === 'en' ? TEMPLATE.titleEn : TEMPLATE.titleFr;
    const body = lang === 'en' ? TEMPLATE.bodyEn : TEMPLATE.bodyFr;

    // 1. The SSM's note templates.
    await signIn(page, demoEmail('ssm_admin'), DEMO_PASSWORD, lang);
    await page.getByTestId('nav-noteTemplates').click();
    await page.locator('#template-titleEn').waitFor();
    await expectAccessible(page, `note templates ${lang}`);
    await page.locator('#template-titleEn').fill(`${TEMPLATE.titleEn} ${lang}`);
    await page.locator('#template-titleFr').fill(`${TEMPLATE.titleFr} ${lang}`);
    await page.locator('#template-bodyEn').fill(TEMPLATE.bodyEn);
    await page.locator('#template-bodyFr').fill(TEMPLATE.bodyFr);
    await page.getByTestId('template-submit').click();
    await page
      .getByTestId('template-row')
      .filter({ hasText: `${title} ${lang}` })
      .waitFor();
    await expectAccessible(page, `note templates, one added ${lang}`);
    await signOut(page);

    // 2. The provider caseworker: a note from the template, recording a phone contact; a task.
    await signIn(page, demoEmail('provider_caseworker'), DEMO_PASSWORD, lang);
    const clientId = await createClientThroughApi(page, {
      legalGivenName: 'Chidi',
      legalFamilyName: text.family,
      dateOfBirth: '1990-04-12',
      sin: syntheticSin(lang === 'en' ? 8_400_011 : 8_400_029),
      preferredContactMethod: 'phone',
      phone: '519-555-0144',
      language: lang,
      specializedPopulations: {},
    });
    await page.goto(`/clients/${clientId}/workspace`);
    await page.getByTestId('notes-panel').waitFor();
    await page.getByTestId('tasks-panel').waitFor();
    const template = page.locator('#note-templateId');
    await expect.poll(() => template.locator('option').count()).toBeGreaterThan(1);
    const value = await template
      .locator('option', { hasText: `${title} ${lang}` })
      .first()
      .getAttribute('value');
    await template.selectOption(value ?? '');
    // The template fills the note in the interface language.
    await expect.poll(() => page.locator('#note-body').inputValue()).toBe(body);
    await page.locator('#note-isContact').check();
    await page.locator('#note-contactChannel').selectOption('phone');
    await page.getByTestId('note-submit').click();
    const note = page.getByTestId('note').filter({ hasText: body });
    await note.waitFor();
    expect(await note.getAttribute('data-visibility')).toBe('internal');

    // I2: a shared note needs a plan item; this client has no plan yet, so the form says so.
    await page.locator('#note-visibility-shared_with_sa').check();
    await page.getByTestId('note-no-items').waitFor();
    await page.locator('#note-visibility-internal').check();

    await page.locator('#task-title').fill(text.task);
    await page.locator('#task-dueOn').fill(torontoDate(new Date()));
    await page.getByTestId('task-submit').click();
    const task = page.getByTestId('task-row').filter({ hasText: text.task });
    await task.waitFor();
    expect(await task.getByTestId('task-due').getAttribute('data-due')).toBe('due_today');
    await expectAccessible(page, `workspace with a note and a task ${lang}`);
    const me = (await (await page.request.get('/api/auth/me')).json()) as { user: { id: string } };
    await signOut(page);

    // 3. The lead: the client is unassigned on the board; assign it to the caseworker.
    await signIn(page, demoEmail('provider_lead'), DEMO_PASSWORD, lang);
    await page.getByTestId('nav-caseloadBoard').click();
    await page.getByTestId('board-table').waitFor();
    await expectAccessible(page, `caseload board ${lang}`);
    const row = page.getByTestId('board-unassigned-row').filter({ hasText: text.family });
    await row.waitFor();
    await row.locator('select').selectOption(me.user.id);
    await row.getByTestId('board-assign').click();
    await expect.poll(() => row.count()).toBe(0);
    await signOut(page);

    // 4. The caseworker's caseload shows the client with its open task; done from the workspace.
    await signIn(page, demoEmail('provider_caseworker'), DEMO_PASSWORD, lang);
    await page.getByTestId('nav-caseload').click();
    const entry = page.getByTestId('caseload-row').filter({ hasText: text.family });
    await entry.waitFor();
    await expectAccessible(page, `my caseload ${lang}`);
    await page.locator('#caseload-due').selectOption('this_week');
    await page.getByTestId('caseload-apply').click();
    await expect.poll(() => new URL(page.url()).search).toContain('due=this_week');
    await entry.waitFor();
    await entry.getByRole('link').first().click();
    await page.getByTestId('tasks-panel').waitFor();
    const open = page.getByTestId('task-row').filter({ hasText: text.task });
    await open.getByTestId('task-done').click();
    await expect.poll(() => open.count()).toBe(0);
    await expectAccessible(page, `workspace, task done ${lang}`);
    await signOut(page);

    // 5. The SSM's conference queue is reachable and accessible.
    await signIn(page, demoEmail('ssm_intake'), DEMO_PASSWORD, lang);
    await page.getByTestId('nav-caseConferences').click();
    await page.getByTestId('conference-filter-stalled').click();
    await page.locator('h1').waitFor();
    await expectAccessible(page, `case conference queue ${lang}`);
    await signOut(page);

    expect(problems).toEqual([]);
    await page.context().close();
  });
});

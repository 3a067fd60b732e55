import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { syntheticSin } from '../../src/seed/people.js';

/**
 * The real thing: `src/server/main.ts` on a free port with a fresh embedded database (migrated and
 * seeded with the demo data exactly as `npm start` does), the built web app, and Debian's Chromium.
 */
export interface Running {
  baseUrl: string;
  browser: Browser;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export async function startPathways(): Promise<Running> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'pathways-e2e-'));
  const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PATHWAYS_DATA_DIR: dataDir,
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout?.on('data', (d) => (output += String(d)));
  server.stderr?.on('data', (d) => (output += String(d)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const browser = await chromium.launch({
    executablePath: process.env.PATHWAYS_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    baseUrl,
    browser,
    async stop() {
      await browser.close();
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Pathways for the whole test file: started before its first test and stopped after its last. Call
 * it at the top of the file; the function it returns gives the running app inside a test.
 */
export function pathwaysForFile(): () => Running {
  let running: Running | undefined;
  beforeAll(async () => {
    running = await startPathways();
  });
  afterAll(() => running?.stop());
  return () => {
    if (!running) throw new Error('Pathways is not running: pathwaysForFile() starts it in beforeAll');
    return running;
  };
}

/**
 * Fresh synthetic, Luhn-valid SINs (not 900-series) from `start` on: each file starts far from the
 * demo seed's numbering and from the other files'.
 */
export function sinSequence(start: number): () => string {
  let index = start;
  return () => {
    if (index % 37 === 0) index++;
    return syntheticSin(index++);
  };
}

/** A page that records console errors and failed requests, so a test can assert there were none. */
export async function openPage(running: Running): Promise<{ page: Page; problems: string[] }> {
  const context = await running.browser.newContext({
    baseURL: running.baseUrl,
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    // A 401 from /api/auth/me before sign-in is how the app learns nobody is signed in.
    if (m.type() === 'error' && !/status of 401/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => {
    // A new navigation cancels what the page before was still reading (its favicon, a count it was
    // fetching): a read abandoned, nothing lost. A write cut off, or any other failure, is a problem.
    if (r.failure()?.errorText === 'net::ERR_ABORTED' && r.method() === 'GET') return;
    problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
  });
  return { page, problems };
}

/** WCAG 2.1 AA by axe-core on the page as it is now; fails the test with each violation listed. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const violations = results.violations.map(
    (v) =>
      `${where}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  );
  expect(violations).toEqual([]);
}

/** Switches the interface language with the header toggle, unless it is already the one wanted. */
export async function setLanguage(page: Page, lang: 'en' | 'fr'): Promise<void> {
  if ((await page.getAttribute('html', 'lang'))?.startsWith(lang)) return;
  await page.getByTestId('language-toggle').click();
  await expect.poll(() => page.getAttribute('html', 'lang')).toMatch(new RegExp(`^${lang}`));
}

/** Signs in with a demo account's email and password, then makes sure the page is in `lang`. */
export async function signIn(page: Page, email: string, password: string, lang: 'en' | 'fr'): Promise<void> {
  await page.goto('/sign-in');
  await page.locator('#email').waitFor();
  await setLanguage(page, lang);
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await page.getByTestId('sign-in').click();
  await page.getByTestId('sign-out').waitFor();
  // The account's saved language wins on sign-in; switch back if it differs.
  await setLanguage(page, lang);
}

export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('sign-out').click();
  await page.locator('#email').waitFor();
}

/** Sends a write with the signed-in session's CSRF token, as the web app does. */
export async function apiPost(page: Page, url: string, data: unknown) {
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  return page.request.post(url, { headers: { 'X-CSRF-Token': me.csrfToken }, data });
}

/**
 * Setup through the API with the signed-in user's session: a client (in the Windsor-Essex region
 * unless the record says otherwise). Returns the new client's id.
 */
export async function createClientThroughApi(page: Page, record: Record<string, unknown>): Promise<string> {
  const catchment = (await (await page.request.get('/api/catchment')).json()) as {
    regions: { id: string; code: string }[];
  };
  const windsor = catchment.regions.find((r) => r.code === 'windsor-essex');
  const response = await apiPost(page, '/api/clients', { regionId: windsor?.id ?? null, ...record });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

// What arrives when. The welcome page is in the HTML, before the wasm has started. The parts of
// the app loaded on demand (the release build's wasm chunks): a part that cannot be fetched says
// so and loses nothing, "Try again" fetches it, and after one visit every part is in the offline
// cache, including those never opened online. One language comes at a time.
import { test, expect } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
import { readdirSync } from 'node:fs';
import { AssessmentPage, MSG, content, untilServiceWorkerControls } from './app.mjs';

const DIST = process.env.DIST_DIR ?? '../../dist';
const CHUNKS = readdirSync(DIST).filter((f) => f.endsWith('.wasm') && !f.startsWith('distributor-assessment-'));
const isChunk = (url) => CHUNKS.includes(new URL(url).pathname.split('/').pop());
const m = MSG.en;

/** A first visit (no service worker) with one question answered: level 4 on the first. */
async function answeredOnce(browser) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const app = new AssessmentPage(page);
  await app.open();
  await app.start();
  await app.answer(0, 0, 4);
  return { context, page, app };
}

test('the release is split: the first screens need the main module only', async ({ browser }) => {
  // Without a service worker, so that nothing is fetched ahead of need.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const fetched = [];
  page.on('request', (r) => fetched.push(r.url()));
  expect(CHUNKS.length).toBeGreaterThanOrEqual(4);
  const app = new AssessmentPage(page);
  await app.open();
  await app.start();
  await app.answer(0, 0, 3);
  await page.getByRole('button', { name: app.ui.next, exact: true }).click();
  await expect(app.heading(app.text(content.sections[1].title))).toBeVisible();
  expect(fetched.filter(isChunk)).toEqual([]);
  // My assessments arrives with its chunks.
  await app.nav(m.nav_history);
  expect(fetched.filter(isChunk).length).toBeGreaterThan(0);
  await context.close();
});

test('a part that cannot be loaded says so, keeps the answers, and loads on "Try again"', async ({ browser }) => {
  const { context, page, app } = await answeredOnce(browser);
  // The network goes away for the chunks (as when offline on a first visit).
  await page.route((url) => isChunk(url.href), (route) => route.abort('internetdisconnected'));
  await page.getByRole('navigation', { name: m.nav_label }).getByRole('link', { name: m.nav_history, exact: true }).click();
  const alert = page.getByRole('alert').filter({ hasText: m.chunk_failed });
  await expect(alert).toBeVisible();
  // Trying again while still offline says so again.
  await alert.getByRole('button', { name: m.chunk_retry }).click();
  await expect(alert).toBeVisible();
  // Back online: "Try again" brings the screen.
  await page.unrouteAll();
  await alert.getByRole('button', { name: m.chunk_retry }).click();
  await expect(app.heading(m.nav_history)).toBeVisible();
  await expect(alert).toHaveCount(0);
  // Nothing was lost: the answer is still there.
  await page.getByRole('navigation', { name: m.nav_label }).getByRole('link', { name: m.nav_assessment, exact: true }).click();
  await expect(app.question(0, 0).getByRole('radio', { name: /^4 / })).toBeChecked();
  await context.close();
});

test('after one visit every part opens offline, even one never opened online', async ({ page, context }) => {
  const app = new AssessmentPage(page);
  await app.open();
  await untilServiceWorkerControls(page);
  await context.setOffline(true);
  await page.reload();
  await app.start();
  await app.answerAll(() => 3);
  await app.nav(m.nav_history);
  await expect(page.getByRole('article')).toHaveCount(1);
  await app.nav(m.nav_workshops);
  await context.setOffline(false);
});

test('one language first: a German reader fetches German only, and no screen chunk before the first question', async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: 'block', locale: 'de-DE' });
  const page = await context.newPage();
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname.split('/').pop()));
  const app = new AssessmentPage(page, 'de');
  await app.open();
  await app.start();
  const chunks = fetched.filter((f) => CHUNKS.includes(f));
  expect(chunks.some((f) => f.startsWith('split_lang_de-'))).toBe(true);
  expect(chunks.filter((f) => /^split_(?!lang_de-)/.test(f))).toEqual([]);
  await context.close();
});

test('stored workshops are read at start by a chunk; without it the notice speaks of the assessments', async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const app = new AssessmentPage(page);
  await app.open();
  await page.evaluate(() => {
    localStorage.setItem('dra.record.lost', 'not json at all');
    localStorage.setItem('dra.workshop.w9', '{"schema": 1, "id": "w9"');
  });
  const fetched = [];
  page.on('request', (r) => fetched.push(r.url()));
  await page.route((url) => isChunk(url.href), (route) => route.abort('internetdisconnected'));
  await page.reload();
  const notice = page.getByRole('status').filter({ hasText: 'cannot be opened' });
  await expect(notice).toContainText('1 saved assessment cannot be opened');
  await expect(notice).not.toContainText('workshop');
  expect(fetched.filter(isChunk).length).toBeGreaterThan(0);
  // With the chunk, the workshop is counted too (recovery.spec.mjs follows it to the list).
  await page.unrouteAll();
  await page.reload();
  await expect(notice).toContainText('1 saved workshop cannot be opened');
  await context.close();
});

test('a language that cannot be loaded says so, the page stays as it was, and choosing it again works', async ({ browser }) => {
  const { context, page, app } = await answeredOnce(browser);
  await page.route((url) => isChunk(url.href), (route) => route.abort('internetdisconnected'));
  const language = page.getByRole('combobox', { name: m.language });
  await language.selectOption('de');
  await expect(page.getByText(m.language_failed.replace('{language}', 'Deutsch'))).toBeVisible();
  await expect(app.heading(content.sections[0].title.en)).toBeVisible();
  await expect(language).toHaveValue('en');
  await expect(language).toBeFocused();
  await page.unrouteAll();
  await language.selectOption('de');
  const de = new AssessmentPage(page, 'de');
  await expect(de.heading(content.sections[0].title.de)).toBeVisible();
  await expect(de.question(0, 0).getByRole('radio', { name: /^4 / })).toBeChecked();
  await expect(page.getByRole('combobox', { name: MSG.de.language })).toBeFocused();
  await context.close();
});

test('before the wasm has started, the page already says what it is; the app then takes its place', async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  // Hold the wasm back: the page as it is before the app starts.
  let release;
  const held = new Promise((r) => (release = r));
  await page.route(/_bg\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: content.title.en })).toBeVisible();
  await expect(page.getByText(content.description.en)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Loading the assessment' })).toBeVisible();
  await expect(page.getByText(m.welcome_private)).toBeVisible();
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  release();
  await expect(page.getByRole('radio', { name: m.brand_owner, exact: true })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Loading the assessment' })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await context.close();
});

test('phone: a language that cannot be loaded closes the menu, so that the notice saying so is in view', async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const app = new AssessmentPage(page);
  await app.open();
  await page.route((url) => isChunk(url.href), (route) => route.abort('internetdisconnected'));
  await app.openMenu();
  await page.getByRole('combobox', { name: m.language }).selectOption('fr');
  const notice = page.getByText(m.language_failed.replace('{language}', 'Français'));
  await expect(notice).toBeInViewport();
  const menu = page.getByRole('navigation', { name: m.nav_label }).getByRole('button', { name: m.menu, exact: true });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(menu).toBeFocused();
  await expect(app.heading(content.title.en)).toBeVisible();
  await context.close();
});

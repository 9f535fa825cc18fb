import { test, expect } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AssessmentPage } from './app.mjs';
import { serve } from '../serve.mjs';

const CSP_URL = 'http://127.0.0.1:8091/';

/** A full run from the welcome page: an assessment, My assessments, a workshop. */
async function fullRun(page) {
  const app = new AssessmentPage(page);
  await app.start();
  await app.answerAll((sid, i) => (i % 5) + 1);
  await page.getByRole('link', { name: 'My assessments' }).click();
  await expect(page.getByRole('article')).toHaveCount(1);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workshops' }).click();
  await page.getByRole('textbox', { name: 'Name' }).fill('Privacy check');
  await page.getByRole('button', { name: 'Create workshop' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Privacy check' })).toBeVisible();
}

test('under a strict Content-Security-Policy the app works and nothing is blocked', async ({ page }) => {
  const response = await page.goto(CSP_URL);
  expect(response.headers()['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
  const violations = [];
  page.on('console', (m) => {
    if (/Content.Security.Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.reload();
  await fullRun(page);
  // Styles set from code (the progress bar's width) go through the CSSOM and take effect.
  await page.getByRole('link', { name: 'Assessment', exact: true }).click();
  await page.getByRole('button', { name: 'Edit answers' }).click();
  const bar = page.locator('.dra-progress__bar');
  await expect(bar).toHaveCSS('width', await page.locator('.dra-progress__track').evaluate((t) => getComputedStyle(t).width));
  expect(await page.evaluate(() => window.__csp)).toEqual([]);
  expect(violations).toEqual([]);
});

test('no request leaves the browser, none after load but the service worker, no cookies', async ({ page, context, baseURL }) => {
  const fromPage = [];
  const all = [];
  let loaded = false;
  context.on('request', (req) => {
    all.push(req.url());
    if (loaded && !req.serviceWorker() && !/^(blob|data):/.test(req.url())) fromPage.push(req.url());
  });
  await page.goto('/');
  await expect(page.getByRole('radio', { name: 'Brand owner', exact: true })).toBeVisible();
  await page.evaluate(() => navigator.serviceWorker.ready);
  loaded = true;
  await fullRun(page);
  // A download and a share link do not touch the network either.
  await page.getByRole('link', { name: 'My assessments' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export all (JSON)' }).click();
  await downloading;
  expect(fromPage, 'requests made by the page after it loaded').toEqual([]);
  expect(all.filter((u) => !u.startsWith(baseURL) && !/^(blob|data):/.test(u))).toEqual([]);
  expect(await context.cookies()).toEqual([]);
});

test('after one visit the app loads and works with the network off', async ({ page, context }) => {
  await page.goto('/');
  await expect(page.getByRole('radio', { name: 'Brand owner', exact: true })).toBeVisible();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    }
  });
  await context.setOffline(true);
  await page.reload();
  const app = new AssessmentPage(page);
  await app.start('Distributor');
  await app.answer(0, 0, 4);
  await page.reload();
  await expect(app.question(0, 0).getByRole('radio', { name: /^4 Managed/ })).toBeChecked();
  await context.setOffline(false);
});

test('a new release replaces the cached one on the next visit', async ({ page, context }) => {
  // The release build, copied so that a "new release" can be put in its place.
  const dir = mkdtempSync(join(tmpdir(), 'dra-release-'));
  cpSync('../../dist', dir, { recursive: true });
  const server = await serve(dir, 8094);
  const url = 'http://127.0.0.1:8094/';
  try {
    await page.goto(url);
    await expect(page.getByRole('radio', { name: 'Brand owner', exact: true })).toBeVisible();
    const first = await page.evaluate(() => document.querySelector('meta[name=dra-release]').content);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    expect(await page.evaluate(() => caches.keys())).toEqual([`dra-${first}`]);
    // The new release: another page and a service worker with another version.
    for (const [file, from, to] of [['index.html', first, 'next-release'], ['sw.js', first, 'next-release']]) {
      writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8').replaceAll(from, to));
    }
    await page.reload();
    await expect(page.locator('meta[name=dra-release]')).toHaveAttribute('content', 'next-release');
    await expect.poll(() => page.evaluate(() => caches.keys())).toEqual(['dra-next-release']);
    // And it is the new release that works offline.
    await context.setOffline(true);
    await page.reload();
    await expect(page.locator('meta[name=dra-release]')).toHaveAttribute('content', 'next-release');
    await expect(page.getByRole('radio', { name: 'Brand owner', exact: true })).toBeVisible();
    await context.setOffline(false);
  } finally {
    server.close();
  }
});

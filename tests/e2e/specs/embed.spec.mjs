import { test, expect } from '@playwright/test';

const HOST = 'http://127.0.0.1:8092/';
const APP_ORIGIN = 'http://127.0.0.1:8090';

const events = (page, type) => page.evaluate((t) => window.events.filter((e) => e.type === t), type);

/** From the first section page, answers everything 3 and goes to the results. */
async function completeInFrame(frame) {
  for (let s = 0; s < 4; s++) {
    for (const radio of await frame.getByRole('radio', { name: /^3 Defined/ }).all()) await radio.check();
    await frame.getByRole('button', { name: s === 3 ? 'See results' : 'Next' }).click();
  }
}

test('the frame sizes itself, reports its pages, and sends scores only when opted in', async ({ page }) => {
  await page.goto(`${HOST}?perspective=distributor&share_scores=1&accent=%237a2e8e`);
  const frame = page.frameLocator('iframe[title="Distributor relationship assessment"]');
  await expect(frame.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
  // No perspective question: the host fixed it. No navigation chrome in the frame.
  await expect(frame.getByRole('radio', { name: 'Brand owner', exact: true })).toBeHidden();
  await expect(frame.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect.poll(() => events(page, 'ready')).toHaveLength(1);
  expect((await events(page, 'ready'))[0]).toEqual({ source: 'distributor-assessment', version: 1, type: 'ready' });
  // The accent colour arrived through the CSSOM.
  const accent = await frame.locator('html').evaluate((h) => getComputedStyle(h).getPropertyValue('--dra-accent').trim());
  expect(accent).toBe('#7a2e8e');
  // Resize: the iframe's height follows the content.
  const iframe = page.locator('iframe');
  await frame.getByRole('button', { name: 'Start', exact: true }).click();
  await expect.poll(async () => {
    const content = await frame.locator('html').evaluate((h) => Math.ceil(h.getBoundingClientRect().height));
    const box = await iframe.boundingBox();
    return Math.abs(box.height - content) <= 1 && content > 1000;
  }).toBe(true);
  await expect.poll(async () => (await events(page, 'page')).at(-1)).toEqual({
    source: 'distributor-assessment', version: 1, type: 'page', index: 1, count: 6,
  });
  await completeInFrame(frame);
  await expect(frame.getByRole('heading', { name: 'Results' })).toBeVisible();
  await expect.poll(() => events(page, 'completed')).toHaveLength(1);
  const [completed] = await events(page, 'completed');
  expect(completed.scores.overall).toEqual({ percent: 50, band: 'developing', at_risk: false });
  expect(completed.scores.sections.map((s) => s.id)).toEqual(['REL', 'MOT', 'CHO', 'TRU']);
  expect(JSON.stringify(completed)).not.toMatch(/REL1|answers/);
  expect((await events(page, 'page')).at(-1).index).toBe(5);
});

test('without the opt-in the completed message carries no scores; results can be hidden', async ({ page }) => {
  await page.goto(`${HOST}?perspective=brand_owner&results=0&sections=REL,TRU`);
  const frame = page.frameLocator('iframe');
  await frame.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(frame.getByRole('heading', { level: 1, name: 'The Relationship' })).toBeVisible();
  for (let s = 0; s < 2; s++) {
    for (const radio of await frame.getByRole('radio', { name: /^4 Managed/ }).all()) await radio.check();
    await frame.getByRole('button', { name: s === 1 ? 'See results' : 'Next' }).click();
  }
  await expect(frame.getByText('Thank you: your answers are complete.')).toBeVisible();
  await expect(frame.getByRole('table', { name: 'Section scores' })).toHaveCount(0);
  for (const name of ['Copy share link', 'Export JSON', 'Export CSV', 'Print / Save as PDF']) {
    await expect(frame.getByRole('button', { name })).toBeHidden();
  }
  await expect.poll(() => events(page, 'completed')).toEqual([{ source: 'distributor-assessment', version: 1, type: 'completed' }]);
  // Two sections were shown, so four pages: welcome, two sections, results.
  expect((await events(page, 'page')).at(-1)).toMatchObject({ index: 3, count: 4 });
});

test('messages from the host are checked: malformed ones are ignored, a size request is answered', async ({ page }) => {
  await page.goto(`${HOST}?perspective=distributor`);
  const frame = page.frameLocator('iframe');
  await frame.getByRole('button', { name: 'Start', exact: true }).click();
  await frame.getByRole('radio', { name: /^2 Emerging/ }).first().check();
  const target = APP_ORIGIN;
  await page.evaluate((origin) => {
    const w = document.querySelector('iframe').contentWindow;
    for (const hostile of [
      'get-size',
      null,
      { source: 'distributor-assessment-host', version: 1, type: 'get-size', then: 'localStorage.clear()' },
      { source: 'distributor-assessment-host', version: 99, type: 'get-size' },
      { source: 'distributor-assessment-host', version: 1, type: 'clear-storage' },
      { __proto__: { source: 'distributor-assessment-host' }, type: 'get-size' },
    ]) {
      w.postMessage(hostile, origin);
    }
  }, target);
  const before = (await events(page, 'resize')).length;
  await page.evaluate((origin) => {
    document.querySelector('iframe').contentWindow.postMessage(
      { source: 'distributor-assessment-host', version: 1, type: 'get-size' },
      origin,
    );
  }, target);
  await expect.poll(async () => (await events(page, 'resize')).length).toBeGreaterThan(before);
  // The frame still has its answer: nothing a hostile message said was done.
  await expect(frame.getByRole('radio', { name: /^2 Emerging/ }).first()).toBeChecked();
  const kinds = await page.evaluate(() => [...new Set(window.events.map((e) => e.type))].sort());
  expect(kinds.every((k) => ['page', 'ready', 'resize'].includes(k))).toBe(true);
});

test('storage blocked in the third-party frame: the frame still works, with its notice', async ({ page }) => {
  await page.addInitScript(() => {
    if (window.top !== window) {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('Third-party storage is blocked.', 'SecurityError');
        },
      });
    }
  });
  await page.goto(`${HOST}?perspective=distributor`);
  const frame = page.frameLocator('iframe');
  await expect(frame.getByRole('status').filter({ hasText: 'will not be kept' })).toBeVisible();
  await frame.getByRole('button', { name: 'Start', exact: true }).click();
  await frame.getByRole('radio', { name: /^5 Embedded/ }).first().check();
  await expect(frame.getByRole('progressbar', { name: 'Questions answered' })).toHaveAttribute('aria-valuenow', '1');
});

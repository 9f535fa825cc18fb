// Nothing lost: what cannot be read is announced and can be downloaded or deleted, a workshop
// edited in two tabs keeps everyone, a host hears one event per page, a mistyped parent origin
// sends nothing, and leaving with unsaved answers asks first.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { AssessmentPage } from './app.mjs';
import { PORTS, origin } from '../ports.mjs';

const fixture = (name) =>
  readFileSync(new URL(`../../../assessment/tests/fixtures/v1/${name}`, import.meta.url), 'utf8');
const HOST = `${origin(PORTS.host)}/`;
const APP = `${origin(PORTS.app)}/`;

test('unreadable data is counted at start and can be downloaded or deleted', async ({ page }) => {
  const app = new AssessmentPage(page);
  await app.open();
  const damaged = '{"schema": 1, "id": "w9", "name": ';
  await page.evaluate((text) => {
    localStorage.setItem('dra.record.lost', 'not json at all');
    localStorage.setItem('dra.workshop.w9', text);
  }, damaged);
  await page.reload();
  const notice = page.getByRole('status').filter({ hasText: 'cannot be opened' });
  await expect(notice).toContainText('1 saved assessment cannot be opened');
  await expect(notice).toContainText('1 saved workshop cannot be opened');
  await notice.getByRole('link', { name: 'Workshops' }).click();
  const card = page.getByRole('article', { name: 'A workshop that cannot be opened' });
  await expect(card).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    card.getByRole('button', { name: 'Download' }).click(),
  ]);
  expect(readFileSync(await download.path(), 'utf8')).toBe(damaged);
  await card.getByRole('button', { name: 'Delete' }).click();
  await expect(card).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('dra.workshop.w9'))).toBeNull();
  // Undo puts it back exactly.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(card).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('dra.workshop.w9'))).toBe(damaged);
});

test('Export all says which damaged records it could not put in the file', async ({ page }) => {
  const app = new AssessmentPage(page);
  await app.open();
  await page.evaluate(() => {
    localStorage.setItem('dra.record.lost', 'not json at all');
    localStorage.setItem('dra.record.newer', '{"schema": 9, "id": "newer"}');
  });
  await page.goto('/#/history');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export all (JSON)' }).click(),
  ]);
  const file = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(file.records).toEqual([{ schema: 9, id: 'newer' }]);
  await expect(page.getByRole('status').filter({ hasText: '1 damaged assessment could not go into the file' })).toBeVisible();
});

test('a workshop edited in two tabs keeps every participant', async ({ context }) => {
  const a = await context.newPage();
  await new AssessmentPage(a).open('/#/workshops');
  await a.getByLabel('Name').fill('Two tabs');
  await a.getByRole('button', { name: 'Create workshop' }).click();
  await expect(a.getByRole('heading', { level: 1, name: 'Two tabs' })).toBeVisible();
  const b = await context.newPage();
  await b.goto(a.url());
  await expect(b.getByRole('heading', { level: 1, name: 'Two tabs' })).toBeVisible();
  // A adds a participant by link; B, which has not reloaded, adds a file of two records, one
  // of them the person behind A's link: B recognises them from what A stored.
  await a.getByLabel('Share links').fill(fixture('share-link.txt').trim());
  await a.getByRole('button', { name: 'Add links' }).click();
  await expect(a.getByRole('status').filter({ hasText: 'Added 1 participant' })).toBeVisible();
  await expect(b.getByRole('status').filter({ hasText: 'changed in another tab' })).toBeVisible();
  await b.getByLabel('Add result files').setInputFiles({
    name: 'result.json', mimeType: 'application/json', buffer: Buffer.from(fixture('export.json')),
  });
  const report = b.getByRole('status').filter({ hasText: 'Added 1 participant' });
  await expect(report).toContainText('result.json\u2069: looks like Participant 1');
  for (const p of [a, b]) {
    await expect(p.getByRole('list').filter({ hasText: 'Participant 2' })).toBeVisible();
  }
  const stored = await a.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('dra.workshop.'));
    return JSON.parse(localStorage.getItem(key)).participants.length;
  });
  expect(stored).toBe(2);
});

test('an embedding host hears one page event per page change', async ({ page }) => {
  await page.goto(`${HOST}?perspective=distributor`);
  const frame = page.frameLocator('iframe');
  await frame.getByRole('button', { name: 'Start', exact: true }).click();
  for (let s = 0; s < 4; s++) {
    for (const radio of await frame.getByRole('radio', { name: /^3 Defined/ }).all()) await radio.check();
    await frame.getByRole('button', { name: s === 3 ? 'See results' : 'Next' }).click();
  }
  await expect(frame.getByRole('heading', { name: 'Results' })).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.events.filter((e) => e.type === 'page').map((e) => e.index)))
    .toEqual([0, 1, 2, 3, 4, 5]);
});

test('a parent origin that is not exactly an origin sends nothing', async ({ browser }) => {
  // A page on the host's origin framing the app with a given parent_origin, in a fresh browser
  // context each time, recording every message that frame sends.
  const frameWith = async (parentOrigin) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(HOST);
    await page.evaluate((src) => {
      window.received = [];
      const f = document.createElement('iframe');
      // Only this frame's messages: the host page's own embed sends too.
      window.addEventListener('message', (e) => {
        if (e.source === f.contentWindow) window.received.push(e.data);
      });
      f.title = 'framed';
      f.src = src;
      document.body.append(f);
    }, `${APP}?embed=1&perspective=distributor&parent_origin=${encodeURIComponent(parentOrigin)}`);
    return { context, page, frame: page.frameLocator('iframe[title="framed"]') };
  };
  // The control: the right origin hears `ready`.
  const control = await frameWith(origin(PORTS.host));
  await expect.poll(() => control.page.evaluate(() => window.received.filter((d) => d.type === 'ready').length)).toBe(1);
  await control.context.close();
  const host = origin(PORTS.host);
  for (const bad of [`${host}/`, host.toUpperCase(), `${host}/page`]) {
    const { context, page, frame } = await frameWith(bad);
    await frame.getByRole('button', { name: 'Start', exact: true }).click();
    await expect(frame.getByRole('heading', { level: 1, name: 'The Relationship' })).toBeVisible();
    // A page change happened and the frame is drawn: had anything been sent, it would be here.
    await frame.getByRole('button', { name: 'Next' }).click();
    await expect(frame.getByRole('heading', { level: 1, name: 'Motivation & Rewards' })).toBeVisible();
    expect(await page.evaluate(() => window.received), bad).toEqual([]);
    await context.close();
  }
});

test('leaving with answers that could not be saved asks first', async ({ page }) => {
  const app = new AssessmentPage(page);
  await app.open();
  await app.start();
  await page.evaluate(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await app.answer(0, 0, 4);
  await expect(page.getByRole('status').filter({ hasText: 'could not be saved' })).toBeVisible();
  const asked = page.waitForEvent('dialog');
  const closed = page.waitForEvent('close');
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.accept();
  await closed;
});

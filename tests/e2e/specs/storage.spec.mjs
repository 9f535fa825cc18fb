import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { AssessmentPage, askedCount } from './app.mjs';

/** Runs in the page: from now on every write fails as when the quota is used up (the real
 * setItem is kept in window.__realSetItem). */
function quotaUsedUp() {
  window.__realSetItem ??= Storage.prototype.setItem;
  Storage.prototype.setItem = function () {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
}

/** Answers a whole assessment while storage is full, and waits for the notice that says so. */
async function finishWithFullStorage(page, level) {
  const app = new AssessmentPage(page);
  await app.open();
  await page.evaluate(quotaUsedUp);
  await app.start();
  await app.answerAll(() => level);
  await expect(app.status('could not be saved')).toBeVisible();
  return app;
}

test('a corrupt stored record is kept aside, the user is told, and a fresh assessment starts', async ({ page }) => {
  const app = new AssessmentPage(page);
  await app.open();
  const garbage = '{"schema": 1, "id": "broken", "answers": {"REL1": "9"';
  await page.evaluate((text) => {
    localStorage.setItem('dra.current', 'broken');
    localStorage.setItem('dra.record.broken', text);
  }, garbage);
  await page.reload();
  const notice = page.getByRole('status').filter({ hasText: 'is damaged and could not be opened' });
  await expect(notice).not.toContainText('cannot be opened by this version', { message: 'told once, not twice' });
  // The storage key is technical detail: behind "Details".
  const key = notice.getByText('Stored under “dra.corrupt.broken”');
  await expect(key).toBeHidden();
  await notice.getByText('Details').click();
  await expect(key).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
  const stored = await page.evaluate(() => ({
    backup: localStorage.getItem('dra.corrupt.broken'),
    original: localStorage.getItem('dra.record.broken'),
  }));
  expect(stored.backup).toBe(garbage);
  expect(stored.original).toBeNull();
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
});

test('a record the copy cannot be made for is left untouched', async ({ page }) => {
  const app = new AssessmentPage(page);
  await app.open();
  await page.evaluate(() => {
    localStorage.setItem('dra.current', 'broken');
    localStorage.setItem('dra.record.broken', 'not json');
  });
  // The quota is used up from now on: every write fails.
  await page.addInitScript(quotaUsedUp);
  await page.reload();
  await expect(page.getByRole('status')).toContainText('It is left exactly as it was');
  expect(await page.evaluate(() => localStorage.getItem('dra.record.broken'))).toBe('not json');
});

test('a record from a newer version of the app is kept exactly as it is', async ({ page }) => {
  const app = new AssessmentPage(page);
  await app.open();
  const newer = JSON.stringify({ schema: 7, id: 'future', hologram: true });
  await page.evaluate((text) => {
    localStorage.setItem('dra.current', 'future');
    localStorage.setItem('dra.record.future', text);
  }, newer);
  await page.reload();
  await expect(page.getByRole('status')).toContainText('newer version of this app');
  await app.start();
  await app.answer(0, 0, 3);
  expect(await page.evaluate(() => localStorage.getItem('dra.record.future'))).toBe(newer);
});

test('blocked storage: the app works in memory and says answers will not be kept', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
  });
  const app = new AssessmentPage(page);
  await app.open();
  await expect(page.getByRole('status')).toContainText('will not be kept');
  await app.start();
  await app.answer(0, 0, 5);
  await expect(app.progressbar()).toHaveAttribute('aria-valuenow', '1');
  await app.answerAll(() => 3);
  await expect(page.getByText('Overall 50 % Developing')).toBeVisible();
});

test('full storage: the answer stays on the page and a notice says it was not saved', async ({ page }) => {
  const app = new AssessmentPage(page);
  await app.open();
  await app.start();
  await app.answer(0, 0, 2);
  await page.evaluate(quotaUsedUp);
  await app.answer(0, 1, 4);
  await expect(app.status('could not be saved')).toBeVisible();
  await expect(app.question(0, 1).getByRole('radio', { name: /^4 Managed/ })).toBeChecked();
  // Space comes back: the next change saves everything and the notice goes away.
  await page.evaluate(() => {
    Storage.prototype.setItem = window.__realSetItem;
  });
  await app.answer(0, 2, 1);
  await expect(app.status('could not be saved')).toHaveCount(0);
  await page.reload();
  await expect(app.question(0, 1).getByRole('radio', { name: /^4 Managed/ })).toBeChecked();
  await expect(app.progressbar()).toHaveAttribute('aria-valuenow', '3');
});

test('full storage: the assessment can still be exported from the page', async ({ page }, testInfo) => {
  await finishWithFullStorage(page, 4);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const file = testInfo.outputPath('rescued.json');
  await (await downloading).saveAs(file);
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  expect(Object.keys(exported.records[0].answers)).toHaveLength(askedCount('brand_owner'));
  expect(exported.records[0].answers.REL1).toBe('4');
});

test('full storage: leaving the unsaved assessment downloads it instead of losing it', async ({ page }) => {
  await finishWithFullStorage(page, 2);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Start again' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^distributor-assessment-(brand-owner|distributor)-unsaved-\d{4}-\d\d-\d\d\.json$/);
  await expect(page.getByRole('status')).toContainText('so it was downloaded as');
});

// Everything made with version 1 of the questionnaire (fixtures written by that release, in
// assessment/tests/fixtures/v1) opens in version 2 intact.
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { AssessmentPage, content, en } from './app.mjs';

const fixture = (name) =>
  readFileSync(new URL(`../../../assessment/tests/fixtures/v1/${name}`, import.meta.url), 'utf8');
const storage = JSON.parse(fixture('local-storage.json'));

async function seed(page) {
  await page.evaluate((entries) => {
    localStorage.clear();
    for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
  }, storage);
  await page.reload();
}

test('stored v1 data resumes: answers kept, told what is new, taken to the first new question', async ({ page }) => {
  const app = new AssessmentPage(page);
  await app.open();
  await seed(page);
  await expect(
    page.getByRole('status').filter({ hasText: 'The questionnaire was updated: 3 new questions for you.' }),
  ).toBeVisible();
  // The in-progress assessment continues at the first new question's page (The Relationship).
  await expect(app.heading('The Relationship')).toBeVisible();
  const rel = content.sections[0];
  const rel9 = rel.items.findIndex((i) => i.id === 'REL9');
  await expect(app.question(0, rel9).getByRole('radio', { checked: true })).toHaveCount(0);
  // The v1 answer to REL4 (level 5) went to both of its parts.
  for (const id of ['REL4A', 'REL4B']) {
    const i = rel.items.findIndex((x) => x.id === id);
    await expect(app.question(0, i).getByRole('radio', { name: /^5 / })).toBeChecked();
  }
  // Nothing was reported unreadable, and both records are listed.
  await expect(page.getByText('could not be read')).toHaveCount(0);
  await page.goto('/#/history');
  await expect(page.getByRole('article')).toHaveCount(2);
});

test('a v1 export file imports every record', async ({ page }, testInfo) => {
  const app = new AssessmentPage(page);
  await app.open('/#/history');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.getByText('No saved assessments yet.')).toBeVisible();
  await page.getByLabel('Import JSON files').setInputFiles({
    name: 'export.json', mimeType: 'application/json', buffer: Buffer.from(fixture('export.json')),
  });
  await expect(page.getByRole('status').filter({ hasText: 'Imported 2 assessments.' })).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(2);
  // Both records of the file, with their v1 label.
  await expect(page.getByRole('article', { name: 'Acme Distribution -- Germany' })).toHaveCount(2);
  await expect(page.getByText('not imported')).toHaveCount(0);
});

test('a v1 share link shows its scores', async ({ page }) => {
  const app = new AssessmentPage(page);
  await app.open(`/#r=${fixture('share-link.txt').trim()}`);
  await expect(page.getByText(/^Overall \d+ % /)).toBeVisible();
  for (const s of content.sections) {
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${en(s.title).replace('&', '\\&')}: `) })).toBeVisible();
  }
  await expect(page.getByText('newer version')).toHaveCount(0);
});

test('a v1 workshop shows its participants', async ({ page }) => {
  const app = new AssessmentPage(page);
  await app.open();
  await seed(page);
  await page.goto('/#/workshops');
  const card = page.getByRole('article', { name: 'Q4 review, Hamburg' });
  await expect(card).toContainText('6 participants');
  await card.getByRole('button', { name: 'Open' }).click();
  await expect(page.getByText('6 participants: 3 brand owner, 3 distributor')).toBeVisible();
});

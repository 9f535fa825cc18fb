import { test, expect } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
import { AssessmentPage, asked, content, en } from './app.mjs';

async function expectNoAxeViolations(page) {
  const result = await new AxeBuilder({ page }).analyze();
  const summary = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary).toEqual([]);
}

test('axe finds no violations on the welcome page, a question page and the results', async ({ page }) => {
  const app = new AssessmentPage(page);
  await app.open();
  await expectNoAxeViolations(page);
  await app.start();
  await app.answer(0, 0, 3);
  await expectNoAxeViolations(page);
  await app.answerAll((sid, i) => (i % 2 ? 2 : 'dk'));
  await expectNoAxeViolations(page);
});

test('no request leaves the page origin during a full run', async ({ page, baseURL }) => {
  const foreign = [];
  page.on('request', (req) => {
    if (!req.url().startsWith(baseURL) && !req.url().startsWith('data:')) foreign.push(req.url());
  });
  const app = new AssessmentPage(page);
  await app.open();
  await app.start();
  await app.answerAll(() => 4);
  await page.reload();
  await expect(app.heading('Results')).toBeVisible();
  expect(foreign).toEqual([]);
  expect(await page.context().cookies()).toEqual([]);
});

test('the first page can be answered and left with the keyboard alone', async ({ page }) => {
  const app = new AssessmentPage(page);
  await app.open();
  // Welcome: Tab past the navigation links to the perspective group, choose with the arrow
  // keys, Tab to Start.
  for (const name of ['Assessment', 'My assessments', 'Workshops']) {
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name, exact: true })).toBeFocused();
  }
  await page.keyboard.press('Tab');
  await expect(page.getByRole('combobox', { name: 'Language' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Dark mode' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('radio', { name: 'Brand owner', exact: true })).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: 'Distributor', exact: true })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(app.heading('The Relationship')).toBeFocused();
  // Each question: Tab into its radio group, Space picks the first level, ArrowDown moves to the next.
  // A distributor is asked only the questions it can see.
  const items = content.sections[0].items.map((item, i) => ({ item, i })).filter(({ item }) => asked(item, 'distributor'));
  for (const [n, { i }] of items.entries()) {
    await page.keyboard.press('Tab');
    await expect(app.question(0, i).getByRole('radio', { name: /^1 / })).toBeFocused();
    await page.keyboard.press('Space');
    for (let k = 0; k < n % 5; k++) await page.keyboard.press('ArrowDown');
  }
  await expect(app.progressbar()).toHaveAttribute('aria-valuenow', String(items.length));
  await expect(app.question(0, items[2].i).getByRole('radio', { name: /^3 Defined/ })).toBeChecked();
  // Tab past Back to Next, and leave the page.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Back' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Next' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(app.heading(en(content.sections[1].title))).toBeFocused();
});

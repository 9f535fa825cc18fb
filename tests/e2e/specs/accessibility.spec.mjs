import { test, expect } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
import { AssessmentPage, asked, askedCount, content, en } from './app.mjs';

/** Visits every screen, calling `check(name)` on each: welcome, questions, results, My
 * assessments, compare, a shared result, workshops, a workshop, the presenter view, embed mode. */
async function everyScreen(page, check) {
  const app = new AssessmentPage(page);
  await app.open();
  await check('welcome');
  for (let run = 0; run < 2; run++) {
    if (run === 1) await page.getByRole('button', { name: 'Start again' }).click();
    await app.start(run ? 'Distributor' : 'Brand owner');
    if (run === 0) {
      await app.answer(0, 0, 2);
      await check('questions');
    }
    await app.answerAll((sid, i) => (i + run) % 5 + 1);
  }
  await check('results');
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  await page.getByRole('link', { name: 'My assessments' }).click();
  await expect(page.getByRole('article')).toHaveCount(2);
  await check('my assessments');
  await page.getByRole('button', { name: 'Compare two' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Compare assessments' })).toBeVisible();
  await check('compare');
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'Shared result' })).toBeVisible();
  await check('shared result');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workshops' }).click();
  await page.getByRole('textbox', { name: 'Name' }).fill('Screens');
  await page.getByRole('button', { name: 'Create workshop' }).click();
  await page.getByRole('textbox', { name: 'Share links, one per line' }).fill(`${link}\n`);
  await page.getByRole('button', { name: 'Add links' }).click();
  await expect(page.locator('.dra-import__report')).toContainText('Added 1 participant.');
  await check('workshop');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workshops' }).click();
  await expect(page.getByRole('article', { name: 'Screens' })).toBeVisible();
  await check('workshops');
  await page.getByRole('article', { name: 'Screens' }).getByRole('button', { name: 'Open' }).click();
  await page.getByRole('button', { name: 'Present' }).click();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('heading', { level: 1, name: 'The Relationship' })).toBeVisible();
  await check('presenter');
  await page.keyboard.press('Escape');
  await page.goto('/?embed=1&perspective=distributor');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await check('embed');
}

for (const colorScheme of ['light', 'dark']) {
  test(`axe finds no violations on any screen, ${colorScheme} colours`, async ({ page }) => {
    // Every screen, axe's full rule set on each: about 35 s on an idle 2-core machine, so the
    // default 60 s leaves too little room when the other worker is busy.
    test.setTimeout(150_000);
    await page.emulateMedia({ colorScheme });
    const found = [];
    await everyScreen(page, async (screen) => {
      const result = await new AxeBuilder({ page }).analyze();
      for (const v of result.violations) found.push(`${screen}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    expect(found).toEqual([]);
  });
}

for (const [width, height, what] of [
  [320, 720, '320 px wide'],
  [640, 400, '200 % zoom (640 px wide for a 1280 px window)'],
]) {
  test(`at ${what} no screen scrolls sideways`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    const wide = [];
    await everyScreen(page, async (screen) => {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) wide.push(`${screen}: ${overflow}px too wide`);
    });
    expect(wide).toEqual([]);
  });
}

test('a keyboard-only run from the welcome page to the results, announced as it goes', async ({ page }) => {
  const app = new AssessmentPage(page);
  await app.open();
  await page.getByRole('radio', { name: 'Distributor', exact: true }).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(app.heading('The Relationship')).toBeFocused();
  const live = page.locator('[aria-live="polite"].dra-visually-hidden');
  await expect(live).toHaveText(`Section 1 of 4: The Relationship. 0 of ${askedCount('distributor')} questions answered.`);
  for (let s = 0; s < content.sections.length; s++) {
    for (const item of content.sections[s].items.filter((x) => asked(x, 'distributor'))) {
      await page.keyboard.press('Tab');
      await page.keyboard.press('Space');
      await page.keyboard.press('ArrowDown');
    }
    // Back, then Next (or See results).
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    if (s < content.sections.length - 1) {
      await expect(app.heading(en(content.sections[s + 1].title))).toBeFocused();
    }
  }
  await expect(app.heading('Results')).toBeFocused();
  await expect(live).toHaveText('Results.');
  await expect(page.getByText('Overall 25 % Transactional (at risk)')).toBeVisible();
});

test('the dark mode switch follows the system until pressed, then is remembered', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  const toggle = page.getByRole('button', { name: 'Dark mode' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const darkBg = await bg();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(await bg()).not.toBe(darkBg);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Dark mode' })).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

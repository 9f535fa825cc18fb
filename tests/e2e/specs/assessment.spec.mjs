import { test, expect } from '@playwright/test';
import { AssessmentPage, content, en, expectedScores, bandOf } from './app.mjs';

test('a full walk-through scores as the content brief says', async ({ page }) => {
  const app = new AssessmentPage(page);
  await app.open();
  await expect(app.heading('Distributor Relationship Assessment')).toBeVisible();
  await app.start('Distributor');
  // A spread of answers: levels cycling 1-5 by item, one not-applicable and one don't-know.
  const levelOf = (sid, i) => {
    if (sid === 'MOT' && i === 3) return 'na';
    if (sid === 'TRU' && i === 6) return 'dk';
    return ((i + sid.length + sid.charCodeAt(0)) % 5) + 1;
  };
  await app.answerAll(levelOf);
  const want = expectedScores(levelOf);
  await expect(page.getByText(`Overall ${want.overall} % ${bandOf(want.overall)}`)).toBeVisible();
  for (const s of want.sections) {
    await expect(
      page.getByRole('heading', { level: 2, name: `${s.title}: ${s.percent} % ${bandOf(s.percent)}` }),
    ).toBeVisible();
    const row = page.getByRole('row', { name: new RegExp(`^${s.title.replace('&', '\\&')} ${s.percent} %`) });
    await expect(row).toBeVisible();
  }
  await expect(page.getByRole('img', { name: 'Section scores (0 to 100 %)' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Section scores' }).getByRole('row')).toHaveCount(5);
  // The don't-know answer is counted in its section.
  await expect(page.getByRole('row', { name: /^Trust & Foundations \d+ % \w+ 1$/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Where to start: the weakest practices' })).toBeVisible();
});

test('trust below 40 % puts the overall result at risk, capped at Developing', async ({ page }) => {
  const app = new AssessmentPage(page);
  await app.open();
  await app.start();
  await app.answerAll((sid) => (sid === 'TRU' ? 1 : 5));
  await expect(page.getByText('Overall 75 % Developing (at risk)')).toBeVisible();
  await expect(page.getByText(/^At risk: Trust & Foundations scored below 40 %/)).toBeVisible();
  // Actions are shown for the Transactional section only.
  await expect(page.getByRole('heading', { name: 'Recommended actions' })).toHaveCount(1);
  const trust = content.sections[3];
  const trustRegion = page.getByRole('region', { name: 'Trust & Foundations: 0 % Transactional' });
  await expect(trustRegion.getByText(en(trust.actions[0]))).toBeVisible();
});

test('unanswered items are listed at the top of the results and link back to the question', async ({ page }) => {
  const app = new AssessmentPage(page);
  await app.open();
  await app.start();
  await app.answerAll((sid, i) => (sid === 'CHO' && i === 1 ? undefined : 3));
  await expect(page.getByRole('heading', { name: '1 question unanswered' })).toBeVisible();
  const question = en(content.sections[2].items[1].question);
  await page.getByRole('button', { name: question }).click();
  await expect(app.heading('Choice & Getting the Most')).toBeVisible();
  await expect(app.question(2, 1)).toBeFocused();
  await app.answer(2, 1, 4);
  await expect(app.progressbar()).toHaveAttribute('aria-valuenow', '30');
});

test('reloading half-way resumes on the same page with the same answers', async ({ page }) => {
  const app = new AssessmentPage(page);
  await app.open();
  await app.start();
  await app.answerSection(0, (sid, i) => (i < 3 ? 4 : undefined));
  await app.answer(1, 0, 2);
  await app.answer(1, 1, 'dk');
  await expect(app.progressbar()).toHaveAttribute('aria-valuenow', '5');
  await page.reload();
  await expect(app.heading('Motivation & Rewards')).toBeVisible();
  await expect(app.progressbar()).toHaveAttribute('aria-valuenow', '5');
  await expect(app.progressbar()).toHaveAttribute('aria-valuemax', '30');
  await expect(app.question(1, 0).getByRole('radio', { name: /^2 Emerging/ })).toBeChecked();
  await expect(app.question(1, 1).getByRole('radio', { name: "Don't know" })).toBeChecked();
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(app.question(0, 2).getByRole('radio', { name: /^4 Managed/ })).toBeChecked();
  // Back on the welcome page, the assessment in progress is offered.
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Continue' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start', exact: true })).toHaveCount(0);
  await page.reload();
  await page.getByRole('button', { name: 'Continue' }).click();
  // Continue goes to the first page with an unanswered question.
  await expect(app.heading('The Relationship')).toBeVisible();
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await page.getByRole('button', { name: 'Start a new assessment' }).click();
  await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Brand owner', exact: true })).not.toBeChecked();
});

test('Start without a perspective explains what is missing', async ({ page }) => {
  const app = new AssessmentPage(page);
  await app.open();
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('Choose a side to start: brand owner or distributor.');
  await expect(page.getByRole('radio', { name: 'Brand owner', exact: true })).toBeFocused();
  await page.getByRole('radio', { name: 'Distributor', exact: true }).check();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

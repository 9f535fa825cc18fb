import { test, expect } from '@playwright/test';
import { AssessmentPage, content, en, expectedScores, bandOf, asked, askedCount } from './app.mjs';

test('a full walk-through scores as questionnaire version 2 says', async ({ page }) => {
  const app = new AssessmentPage(page);
  await app.open();
  await expect(app.heading('Distributor Relationship Assessment')).toBeVisible();
  await app.start('Distributor');
  // A spread of answers: levels cycling 1-5 by item, one not-applicable and one don't-know.
  const levelOf = (sid, i) => {
    if (sid === 'MOT' && i === 3) return 'na';
    if (sid === 'TRU' && i === 7) return 'dk'; // a supporting practice: Trust is still scored
    return ((i + sid.length + sid.charCodeAt(0)) % 5) + 1;
  };
  await app.answerAll(levelOf);
  const want = expectedScores(levelOf, 'distributor');
  await expect(page.getByText(want.overallText, { exact: true })).toBeVisible();
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
  await expect(page.getByRole('heading', { name: 'Weakest practices' })).toBeVisible();
  // The don't-know answer is a thing to find out.
  const findOut = page.getByRole('region', { name: 'Things to find out' });
  await expect(findOut.getByRole('listitem')).toHaveText([en(content.sections[3].items[7].question)]);
  // The result explains itself: how answers become percentages, and the bands with their meaning.
  const explain = page.getByRole('region', { name: 'How to read this result' });
  await expect(explain).toContainText('level 1 is 0 %');
  for (const b of content.scoring.bands) await expect(explain).toContainText(en(b.meaning));
});

test('brand owner and distributor are asked different questions', async ({ page }) => {
  const app = new AssessmentPage(page);
  await app.open();
  await app.start('Distributor');
  await expect(app.progressbar()).toHaveAttribute('aria-valuemax', String(askedCount('distributor')));
  const cho = content.sections[2];
  await app.answerSection(0, () => 3);
  await app.answerSection(1, () => 3);
  await expect(app.heading('Choice & Getting the Most')).toBeVisible();
  for (const [i, item] of cho.items.entries()) {
    const group = app.question(2, i);
    await expect(group).toHaveCount(asked(item, 'distributor') ? 1 : 0);
  }
  expect(cho.items.some((i) => !asked(i, 'distributor'))).toBe(true);
  // The brand owner sees the selection questions the distributor was not asked.
  const bo = new AssessmentPage(await page.context().newPage());
  await bo.page.addInitScript(() => localStorage.clear());
  await bo.open();
  await bo.start('Brand owner');
  await expect(bo.progressbar()).toHaveAttribute('aria-valuemax', String(askedCount('brand_owner')));
  expect(askedCount('brand_owner')).not.toBe(askedCount('distributor'));
});

test('three "Don\'t know" on Trust give "not enough answers" and no Partnership', async ({ page }) => {
  const app = new AssessmentPage(page);
  await app.open();
  await app.start();
  const trust = content.sections[3];
  const critical = trust.items.map((item, i) => (item.critical ? i : -1)).filter((i) => i >= 0).slice(0, 3);
  await app.answerAll((sid, i) => (sid === 'TRU' ? (critical.includes(i) ? 'dk' : 4) : 5));
  await expect(page.getByRole('heading', { level: 2, name: 'Trust & Foundations: not enough answers' })).toBeVisible();
  await expect(page.getByText(/^Overall \d+ % Developing$/)).toBeVisible();
  await expect(page.getByText(/^Trust not assessed: Trust & Foundations does not have enough answers yet/)).toBeVisible();
  const region = page.getByRole('region', { name: 'Trust & Foundations: not enough answers' });
  for (const i of critical) await expect(region.getByRole('listitem').filter({ hasText: en(trust.items[i].question) })).toHaveCount(1);
});

test('Trust Developing caps the overall at Developing, and says why', async ({ page }) => {
  const app = new AssessmentPage(page);
  await app.open();
  await app.start();
  await app.answerAll((sid) => (sid === 'TRU' ? 3 : 5));
  await expect(page.getByText('Overall 88 % Developing', { exact: true })).toBeVisible();
  await expect(
    page.getByText('Overall band Developing, not Partnership: the overall result is never higher than Trust & Foundations (Developing), the foundation the relationship stands on.'),
  ).toBeVisible();
});

test('one critical Trust practice at level 1 flags "at risk" while Trust is above 40 %', async ({ page }) => {
  const app = new AssessmentPage(page);
  await app.open();
  await app.start();
  const trust = content.sections[3];
  const c = trust.items.findIndex((item) => item.critical);
  await app.answerAll((sid, i) => (sid === 'TRU' && i === c ? 1 : 5));
  await expect(page.getByRole('heading', { level: 2, name: /^Trust & Foundations: (\d+) % Partnership$/ })).toBeVisible();
  await expect(page.getByText(/^Overall \d+ % Developing \(at risk\)$/)).toBeVisible();
  await expect(page.getByText(`At risk: a critical trust practice is at level 1: “${en(trust.items[c].question)}”`)).toBeVisible();
  // Its actions are listed under what to do next, for this side.
  const next = page.getByRole('region', { name: 'What to do next' });
  const mine = trust.actions.filter((a) => a.when.item === trust.items[c].id && ['both', 'brand_owner'].includes(a.who));
  for (const a of mine) await expect(next.getByText(en(a.step))).toBeVisible();
});

test('Trust questions offer no "Not applicable"', async ({ page }) => {
  const app = new AssessmentPage(page);
  await app.open();
  await app.start();
  for (let s = 0; s < 3; s++) await app.answerSection(s, () => 3);
  await expect(app.heading('Trust & Foundations')).toBeVisible();
  for (let i = 0; i < content.sections[3].items.length; i++) {
    await expect(app.question(3, i).getByRole('radio')).toHaveCount(6);
    await expect(app.question(3, i).getByRole('radio', { name: 'Not applicable' })).toHaveCount(0);
    await expect(app.question(3, i).getByRole('radio', { name: "Don't know" })).toHaveCount(1);
  }
});

test('trust below 40 % puts the overall result at risk, no higher than the Trust band', async ({ page }) => {
  const app = new AssessmentPage(page);
  await app.open();
  await app.start();
  await app.answerAll((sid) => (sid === 'TRU' ? 1 : 5));
  await expect(page.getByText('Overall 75 % Transactional (at risk)')).toBeVisible();
  await expect(page.getByText('At risk: Trust & Foundations is at 0 %, below 40 %.')).toBeVisible();
  // The actions are the Trust practices' (everything else is at level 5), weightiest first.
  const next = page.getByRole('region', { name: 'What to do next' });
  const trust = content.sections[3];
  const first = trust.actions.find((a) => ['both', 'brand_owner'].includes(a.who) && a.when.item && trust.items.find((i) => i.id === a.when.item).weight === 3);
  await expect(next.getByRole('listitem').first()).toContainText(en(first.step));
  const others = content.sections.slice(0, 3).flatMap((s) => s.actions.filter((a) => a.when.item));
  for (const a of others.slice(0, 3)) await expect(next.getByText(en(a.step))).toHaveCount(0);
});

test('unanswered items are listed at the top of the results and link back to the question', async ({ page }) => {
  const app = new AssessmentPage(page);
  await app.open();
  await app.start();
  await app.answerAll((sid, i) => (sid === 'CHO' && i === 1 ? undefined : 3));
  expect(asked(content.sections[2].items[1], 'brand_owner')).toBe(true);
  await expect(page.getByRole('heading', { name: '1 question unanswered' })).toBeVisible();
  const question = en(content.sections[2].items[1].question);
  await page.getByRole('button', { name: question }).click();
  await expect(app.heading('Choice & Getting the Most')).toBeVisible();
  await expect(app.question(2, 1)).toBeFocused();
  await app.answer(2, 1, 4);
  await expect(app.progressbar()).toHaveAttribute('aria-valuenow', String(askedCount('brand_owner')));
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
  await expect(app.progressbar()).toHaveAttribute('aria-valuemax', String(askedCount('brand_owner')));
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

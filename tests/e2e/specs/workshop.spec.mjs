import { test, expect } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
import { AssessmentPage, asked, content, en } from './app.mjs';

const items = content.sections.flatMap((s, si) => s.items.map((item, ii) => ({ ...item, section: s, si, ii })));
const N = 30;

/** Participant k's answer to item i (global index): brand owners (k < 15) answer around 4,
 * distributors around 2; item 3 is 3 for everyone; item 5 is not applicable for every tenth
 * participant and item 7 don't know for every seventh. */
function answer(k, i) {
  if (i === 3) return 3;
  if (i === 5 && k % 10 === 0) return 'na';
  if (i === 7 && k % 7 === 0) return 'dk';
  const base = k < 15 ? 4 : 2;
  return base + ((k + i) % 3) - 1;
}

function recordFile(k) {
  const answers = {};
  items.forEach((item, i) => (answers[item.id] = String(answer(k, i))));
  const record = {
    schema: 1, id: `participant-${k}`, label: `Person ${k}`,
    questionnaire: { id: content.id, version: content.version },
    perspective: k < 15 ? 'brand_owner' : 'distributor', answers,
    page: 'results', created: 1764000000000 + k, updated: 1764000000000 + k, completed: 1764000000000 + k,
  };
  return { name: `result-${k}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(record)) };
}

const side = (k) => (k < 15 ? 'brand_owner' : 'distributor');

/** Statistics computed here, independently of the app, over the participants asked the item. */
function itemStats(i, who = () => true) {
  const levels = [];
  for (let k = 0; k < N; k++) {
    if (!who(k) || !asked(items[i], side(k))) continue;
    const a = answer(k, i);
    if (typeof a === 'number') levels.push(a);
  }
  const n = levels.length;
  const sum = levels.reduce((a, b) => a + b, 0);
  const sq = levels.reduce((a, b) => a + b * b, 0);
  const tenths = n ? Math.floor((20 * sum + n) / (2 * n)) : null;
  return { n, sum, sq, min: Math.min(...levels), max: Math.max(...levels), tenths };
}
const fmt = (t) => `${Math.floor(t / 10)}.${t % 10}`;

function mostDivided() {
  const stats = items.map((_, i) => ({ i, ...itemStats(i) }));
  const divided = stats.filter((s) => s.max - s.min + 1 >= content.scoring.workshop.disagreement_span_levels);
  const variance = (s) => [BigInt(s.n * s.sq - s.sum * s.sum), BigInt(s.n * s.n)];
  divided.sort((a, b) => {
    const span = b.max - b.min - (a.max - a.min);
    if (span !== 0) return span;
    const [va, da] = variance(a);
    const [vb, db] = variance(b);
    const cmp = vb * da - va * db;
    return cmp > 0n ? 1 : cmp < 0n ? -1 : a.i - b.i;
  });
  return divided[0].i;
}

function sectionMean(sectionIndex, who = () => true) {
  const section = content.sections[sectionIndex];
  const offset = items.findIndex((x) => x.si === sectionIndex);
  const values = [];
  for (let k = 0; k < N; k++) {
    if (!who(k)) continue;
    let num = 0, den = 0, rated = 0, n = 0, open = 0;
    section.items.forEach((item, ii) => {
      if (!asked(item, side(k))) return;
      n++;
      const a = answer(k, offset + ii);
      if (typeof a === 'number') { num += item.weight * (a - 1); den += item.weight * 4; rated++; }
      else if (item.critical) open++;
    });
    const { numerator, denominator } = content.scoring.min_rated_fraction;
    if (rated >= Math.ceil((n * numerator) / denominator) && open === 0) values.push((100 * num) / den);
  }
  return Math.floor(values.reduce((a, b) => a + b, 0) / values.length + 0.5 + 1e-9);
}

/** A page object on a new workshop named `name`. */
async function createWorkshop(page, name) {
  const app = new AssessmentPage(page);
  await app.createWorkshop(name);
  return app;
}

test('30 result files: means, spreads, the most divided item and a perception gap', async ({ page }) => {
  const app = await createWorkshop(page, 'Kick-off Munich');
  const files = Array.from({ length: N }, (_, k) => recordFile(k));
  const input = page.getByLabel('Add result files');
  await input.setInputFiles(files);
  await expect(app.status('Added 30 participants.')).toBeVisible();
  await expect(page.getByText('30 participants: 15 brand owner, 15 distributor')).toBeVisible();

  // Section means, overall and per side, against values computed here.
  const overview = page.getByRole('table', { name: 'Section scores across the group' });
  const bo = (k) => k < 15;
  const d = (k) => k >= 15;
  for (let s = 0; s < content.sections.length; s++) {
    const title = en(content.sections[s].title);
    const row = overview.getByRole('row', { name: new RegExp(`^${title.replace('&', '\\&')} `) });
    await expect(row).toContainText(`${sectionMean(s)} %`);
    await expect(row.getByRole('cell').nth(2)).toHaveText(`${sectionMean(s, bo)} %`);
    await expect(row.getByRole('cell').nth(3)).toHaveText(`${sectionMean(s, d)} %`);
  }

  // Per-item mean, median-free spread and counts in the section tables.
  await page.getByText('The Relationship: every question').click();
  const relTable = page.getByRole('table', { name: 'The Relationship: answers per question' });
  for (const i of [0, 3, 5, 7]) {
    const s = itemStats(i);
    const row = relTable.getByRole('row', { name: new RegExp(`^${en(items[i].question).slice(0, 40).replace(/[()?]/g, '.')}`) });
    await expect(row.getByRole('cell').nth(1)).toHaveText(fmt(s.tenths));
    await expect(row.getByRole('cell').nth(3)).toHaveText(`${s.min}–${s.max}`);
  }
  const na = relTable.getByRole('row', { name: new RegExp(`^${en(items[5].question).slice(0, 30)}`) });
  await expect(na.getByRole('cell').nth(5)).toHaveText('3');

  // The most divided item comes first.
  const divided = page.getByRole('region', { name: 'Where people disagree most' }).getByRole('listitem');
  await expect(divided.first()).toContainText(en(items[mostDivided()].question));

  // A perception gap: item 0's side means.
  const gaps = page.getByRole('table', { name: 'Perception gaps by question: brand owner and distributor mean levels' });
  const g0b = itemStats(0, bo).tenths;
  const g0d = itemStats(0, d).tenths;
  expect(Math.abs(g0b - g0d)).toBeGreaterThanOrEqual(15);
  await expect(gaps.getByRole('row', { name: `${en(items[0].question)} ${fmt(g0b)} ${fmt(g0d)}` })).toBeVisible();
  // Item 3 (everyone at 3) is not a gap.
  await expect(gaps.getByRole('row', { name: new RegExp(`^${en(items[3].question).slice(0, 30)}`) })).toHaveCount(0);

  // The same files again are duplicates.
  await input.setInputFiles(files.slice(0, 3));
  // The report is announced and read with the file control.
  const report = app.status('3 not added: already here, or look like someone who is.');
  await expect(report).toContainText('\u2068result-0.json\u2069: already in this workshop as Participant 1 (the same assessment), so it was not added.');
  await expect(report).toContainText('\u2068result-2.json\u2069: already in this workshop as Participant 3');
  await expect(input).toHaveAccessibleDescription(/3 not added: .*result-0\.json\u2069: already in this workshop as Participant 1/);
  await expect(page.getByText('30 participants: 15 brand owner, 15 distributor')).toBeVisible();

  // Participants are anonymous until labels are switched on.
  const people = page.getByRole('region', { name: 'Participants' });
  await expect(people).not.toContainText('Person 0');
  await people.getByRole('checkbox', { name: /Show labels/ }).check();
  await expect(people).toContainText('Person 0');

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // Saved: a reload shows the same workshop.
  await page.reload();
  await expect(page.getByText('30 participants: 15 brand owner, 15 distributor')).toBeVisible();
});

test('share links pasted one per line; a cut-short one is refused', async ({ page }) => {
  // Make a real link with the app.
  const app = new AssessmentPage(page);
  await app.complete(() => 4, 'Distributor');
  const link = await app.shareLink();
  await app.createWorkshop('Links');
  await app.addLinks(`${link}\n\n${link.slice(0, -12)}\n`);
  const report = app.status('Added 1 participant.');
  await expect(report).toContainText('Link on line 3: not imported. This link is incomplete');
  await expect(page.getByRole('textbox', { name: 'Share links, one per line' })).toHaveAccessibleDescription(/Added 1 participant\..*Link on line 3/);
  await expect(page.getByText('1 participant: 0 brand owner, 1 distributor')).toBeVisible();
  await expect(page.getByText('The distributor breakdown is hidden: it needs at least 3 respondents')).toBeVisible();
});

test('the presenter deck moves with the keys and closes with Escape', async ({ page }) => {
  const app = await createWorkshop(page, 'Presenting');
  await page.getByLabel('Add result files').setInputFiles(Array.from({ length: 6 }, (_, k) => recordFile(k * 5)));
  await expect(app.status('Added 6 participants.')).toBeVisible();
  await page.getByRole('button', { name: 'Present' }).click();
  const deck = page.getByRole('region', { name: 'Slides: Presenting' });
  await expect(deck.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  // No app navigation over the slides.
  await expect(page.getByRole('navigation', { name: app.m.nav_label })).toBeHidden();
  const total = 3 + content.sections.length + 1;
  await expect(deck.getByText(`slide 1 of ${total}`)).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(deck.getByRole('heading', { level: 1, name: 'Perception gaps' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(deck.getByRole('heading', { level: 1, name: 'Where people disagree most' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(deck.getByRole('heading', { level: 1, name: 'The Relationship' })).toBeFocused();
  await expect(deck.getByText(`slide 4 of ${total}`)).toBeVisible();
  await page.keyboard.press('End');
  await expect(deck.getByRole('heading', { level: 1, name: 'For discussion' })).toBeFocused();
  // The closing prompts come from the content file.
  await expect(deck).toContainText(en(content.sections[3].discussion[0]));
  await expect(deck.getByRole('button', { name: 'Next' })).toBeDisabled();
  await page.keyboard.press('Home');
  await expect(deck.getByRole('heading', { level: 1, name: 'Overview' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { level: 1, name: 'Presenting' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: app.m.nav_label })).toBeVisible();
});

test('workshops are listed, reopened and deleted with undo', async ({ page }) => {
  const app = await createWorkshop(page, 'To delete');
  await app.nav('Workshops');
  const card = app.record('To delete');
  await expect(card).toContainText('0 participants');
  await card.getByRole('button', { name: 'Open' }).click();
  await expect(app.heading('To delete')).toBeVisible();
  await app.nav('Workshops');
  await app.record('To delete').getByRole('button', { name: 'Delete' }).click();
  await expect(app.record('To delete')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(app.record('To delete')).toBeVisible();
});

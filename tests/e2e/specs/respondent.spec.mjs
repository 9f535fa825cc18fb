// The respondent's way through, at a phone's and a laptop's size: where am I (a header that
// stays in view, numbered questions, the next question brought into view on a phone), that it is
// saved, where was I (welcome back at the first open question), how to get back to the results;
// then what they hand on: My assessments and Compare, two sides of one relationship, export
// names, the shared result's actions, the one-row navigation and the printed report.
import { test, expect } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
import { AssessmentPage, MSG, asked, askedCount, content, count, en, escapeRegExp, fill, pdfPages } from './app.mjs';

const m = MSG.en;
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1366, height: 768 };
const SIZES = [['phone', PHONE], ['laptop', LAPTOP]];

/** The indices of section `s`'s questions asked of `side`. */
const askedIn = (s, side = 'brand_owner') =>
  content.sections[s].items.flatMap((item, i) => (asked(item, side) ? [i] : []));

async function axe(page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.map((v) => `${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Resolves after the browser has drawn two more frames (a scroll started now has begun). */
const frames = (page) =>
  page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** The header that says where the respondent is. */
const where = (page) => page.getByRole('region', { name: m.progress_where });

/** Text compared without white space (PDF text runs split words and ligatures anywhere). */
const squash = (t) => t.replace(/\s+/g, '');

for (const [what, size] of SIZES) {
  test(`${what}: the header stays in view with the section, the question number and what is saved`, async ({ page }) => {
    await page.setViewportSize(size);
    const app = new AssessmentPage(page);
    await app.open();
    await app.start('Brand owner');
    const total = askedCount('brand_owner');
    const header = where(page);
    await expect(header).toContainText(fill(m.section_of, { page: 1, pages: 4 }));
    await expect(header).toContainText(fill(m.question_of, { n: 1, total }));
    // Numbered questions, over everything the side is asked.
    const first = askedIn(0);
    await expect(app.question(0, first[0])).toHaveAccessibleName(new RegExp(`^1\\. ${escapeRegExp(en(content.sections[0].items[first[0]].question))}$`));
    const [s2] = askedIn(1);
    expect(app.questionNumber(1, s2)).toBe(first.length + 1);
    // "Saved" once the first answer is kept, in a polite status region, and said only once.
    const saved = header.getByRole('status');
    await expect(saved).toHaveText('');
    await app.answer(0, first[0], 3);
    await expect(saved).toHaveText(m.saved);
    await saved.evaluate((el) => {
      window.__savedChanges = 0;
      new MutationObserver((list) => { window.__savedChanges += list.length; }).observe(el, { childList: true, subtree: true, characterData: true });
    });
    for (const i of first.slice(1, 4)) await app.answer(0, i, 4);
    await expect(header).toContainText(fill(m.progress_short, { answered: 4, total }));
    expect(await page.evaluate(() => window.__savedChanges)).toBe(0);
    // The header is still in view at the bottom of the page, and says which question.
    await page.getByRole('button', { name: m.next, exact: true }).scrollIntoViewIfNeeded();
    await expect(header).toBeInViewport();
    const box = await header.boundingBox();
    expect(box.y).toBeLessThanOrEqual(1);
    expect(box.height).toBeLessThan(what === 'phone' ? 100 : 80);
    await app.question(0, first.at(-1)).getByRole('radio').first().focus();
    await expect(header).toContainText(fill(m.question_of, { n: first.length, total }));
    expect(await axe(page)).toEqual([]);
  });

  test(`${what}: coming back lands on the first open question with "Welcome back"`, async ({ page }) => {
    await page.setViewportSize(size);
    const app = new AssessmentPage(page);
    await app.open();
    await app.start('Brand owner');
    const first = askedIn(0);
    for (const i of first.slice(0, 5)) await app.answer(0, i, 2);
    await page.reload();
    const line = page.getByText(fill(m.welcome_back, { answered: 5, total: askedCount('brand_owner') }));
    await expect(line).toBeVisible();
    const open = app.question(0, first[5]);
    await expect(open).toBeFocused();
    await expect(open).toBeInViewport();
    // Not hidden under the header.
    const [h, q] = [await where(page).boundingBox(), await open.boundingBox()];
    expect(q.y).toBeGreaterThanOrEqual(h.y + h.height - 1);
    expect(await axe(page)).toEqual([]);
    // A way to the start, and the line goes with the next answer.
    await page.getByRole('button', { name: m.go_to_start }).click();
    await expect(app.question(0, first[0])).toBeFocused();
    await app.answer(0, first[5], 3);
    await expect(line).toBeHidden();
  });

  test(`${what}: a jump from the results offers "Back to results", which keeps their scroll`, async ({ page }) => {
    await page.setViewportSize(size);
    const app = new AssessmentPage(page);
    const skipped = askedIn(1)[0];
    await app.complete((sid, i) => (sid === content.sections[1].id && i === skipped ? undefined : 3));
    const link = page.getByRole('button', { name: en(content.sections[1].items[skipped].question), exact: true });
    await link.scrollIntoViewIfNeeded();
    const before = await page.evaluate(() => window.scrollY);
    expect(before).toBeGreaterThan(0);
    await link.click();
    await expect(app.heading(en(content.sections[1].title))).toBeVisible();
    await expect(app.question(1, skipped)).toBeFocused();
    await app.answer(1, skipped, 4);
    // Also after moving on to another page.
    await page.getByRole('button', { name: m.next, exact: true }).click();
    await expect(app.heading(en(content.sections[2].title))).toBeVisible();
    await where(page).getByRole('button', { name: m.back_to_results }).click();
    await expect(app.heading(m.results)).toBeVisible();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(before - 2);
    expect(await page.evaluate(() => window.scrollY)).toBeLessThan(before + 2);
    // From the start (not from the results) there is no such button.
    await page.getByRole('button', { name: m.edit_answers }).click();
    await expect(app.heading(en(content.sections[0].title))).toBeVisible();
    await expect(page.getByRole('button', { name: m.back_to_results })).toHaveCount(0);
  });
}

test('phone: an answer brings the next question into view, but not with reduced motion or the keyboard', async ({ page }) => {
  await page.setViewportSize(PHONE);
  const app = new AssessmentPage(page);
  await app.open();
  await app.start('Brand owner');
  const first = askedIn(0);
  const header = where(page);
  await app.answer(0, first[0], 3);
  await expect.poll(async () => {
    const [h, q] = [await header.boundingBox(), await app.question(0, first[1]).boundingBox()];
    return Math.abs(q.y - (h.y + h.height));
  }).toBeLessThan(60);
  await expect(header).toContainText(fill(m.question_of, { n: 2, total: askedCount('brand_owner') }));

  // With the keyboard (Space on an option) the page stays where it is.
  const radio = app.question(0, first[1]).getByRole('radio').first();
  await radio.focus();
  const still = await page.evaluate(() => window.scrollY);
  await page.keyboard.press('Space');
  await expect(radio).toBeChecked();
  await frames(page);
  expect(await page.evaluate(() => window.scrollY)).toBe(still);

  // Under reduced motion, nothing moves.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const option = app.question(0, first[2]).getByRole('radio').first();
  await option.scrollIntoViewIfNeeded();
  const y = await page.evaluate(() => window.scrollY);
  await option.click();
  await expect(option).toBeChecked();
  await frames(page);
  expect(await page.evaluate(() => window.scrollY)).toBe(y);
});

test('laptop: an answer leaves the page where it is', async ({ page }) => {
  await page.setViewportSize(LAPTOP);
  const app = new AssessmentPage(page);
  await app.open();
  await app.start('Brand owner');
  const option = app.question(0, askedIn(0)[1]).getByRole('radio').first();
  await option.scrollIntoViewIfNeeded();
  const y = await page.evaluate(() => window.scrollY);
  await option.click();
  await frames(page);
  expect(await page.evaluate(() => window.scrollY)).toBe(y);
});

test('when saving fails, the header does not say "Saved" and the notice says why', async ({ page }) => {
  const app = new AssessmentPage(page);
  await app.open();
  await app.start('Brand owner');
  const first = askedIn(0);
  await app.answer(0, first[0], 3);
  await expect(where(page).getByRole('status')).toHaveText(m.saved);
  await page.evaluate(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await app.answer(0, first[1], 3);
  await expect(page.getByText(m.notice_not_saved)).toBeVisible();
  await expect(where(page).getByRole('status')).toHaveText('');
});

/** Completes an assessment and returns its id (the current record's). */
async function completed(app, levelOf, side) {
  await app.complete(levelOf, side);
  return app.page.evaluate(() => localStorage.getItem('dra.current'));
}

test('My assessments: a draft shows its progress and no score; the two compares pick their pairs', async ({ page }) => {
  const app = new AssessmentPage(page);
  const a = await completed(app, () => 4, 'Brand owner');
  const b = await completed(app, () => 4, 'Brand owner');
  // The distributor sees the first section two levels lower.
  const relationship = content.sections[0].id;
  const c = await completed(app, (sid) => (sid === relationship ? 2 : 4), 'Distributor');
  // A draft, newest of all: five answers.
  await page.getByRole('button', { name: m.start_again }).click();
  await app.start('Brand owner');
  for (const i of askedIn(0).slice(0, 5)) await app.answer(0, i, 1);
  await app.nav(m.nav_history);
  const total = askedCount('brand_owner');
  const draft = page.getByRole('article').filter({ hasText: fill(m.status_in_progress, { answered: 5, total }) });
  await expect(draft).toHaveCount(1);
  await expect(draft).not.toContainText('Overall');
  await expect(draft).toContainText(/Brand owner · started .* · last changed .*/);
  await expect(page.getByRole('article').filter({ hasText: 'Overall' })).toHaveCount(3);
  expect(await axe(page)).toEqual([]);

  // Change over time: the latest two finished brand owners', not the distributor's, not the draft.
  await page.getByRole('button', { name: m.compare_two }).click();
  await expect(app.heading(fill(m.over_time_heading, { name: '\u2068Untitled assessment\u2069' }))).toBeVisible();
  await expect(page.getByRole('combobox', { name: m.earlier })).toHaveValue(a);
  await expect(page.getByRole('combobox', { name: m.later })).toHaveValue(b);
  await expect(page.getByRole('heading', { name: m.no_answer_changed })).toBeVisible();

  // The two sides: the latest finished of each side.
  await app.nav(m.nav_history);
  await page.getByRole('button', { name: m.compare_sides }).click();
  await expect(app.heading(fill(m.sides_heading, { name: '\u2068Untitled assessment\u2069' }))).toBeVisible();
  await expect(page.getByRole('combobox', { name: m.brand_owner })).toHaveValue(b);
  await expect(page.getByRole('combobox', { name: m.distributor })).toHaveValue(c);
  // 75 % against 25 %: a section gap the brand owner sees higher.
  const rules = content.scoring.workshop;
  await expect(page.getByText(count('en', m.sides_section_gaps, 1, { points: rules.perception_gap_section_points }))).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: en(content.sections[0].title) })).toContainText(
    `${m.perception_gap} ${en(content.sections[0].title)}: ${fill(m.sides_higher, { side: m.brand_owner })} · ${count('en', m.points_apart, 50)}`,
  );
  const both = content.sections[0].items.filter((i) => i.who === 'both').length;
  await expect(page.getByText(count('en', m.sides_item_gaps, both, { levels: (rules.perception_gap_item_tenths / 10).toFixed(1) }))).toBeVisible();
  const table = page.getByRole('table', { name: m.sides_all_items });
  await page.getByText(m.sides_all_items, { exact: true }).first().click();
  const everyBoth = content.sections.reduce((n, s) => n + s.items.filter((i) => i.who === 'both').length, 0);
  await expect(table.getByRole('row')).toHaveCount(everyBoth + 1);
  expect(await axe(page)).toEqual([]);

  // A pair of the same side is a change over time again.
  await page.goto(`/#/compare/${a}/${b}`);
  await expect(app.heading(/^Change over time/)).toBeVisible();
});

test('exports are named after the assessment, its side and its day', async ({ page }) => {
  const app = new AssessmentPage(page);
  await app.complete(() => 3, 'Distributor');
  await app.nav(m.nav_history);
  const card = app.record('Untitled assessment');
  await card.getByRole('button', { name: m.rename }).click();
  await card.getByRole('textbox', { name: m.name }).fill('Acme Q4');
  await card.getByRole('button', { name: m.save_name }).click();
  const acme = app.record('Acme Q4');
  const day = /\d{4}-\d\d-\d\d/.source;
  const json = await app.download(acme.getByRole('button', { name: m.export_json }), test.info().outputPath('a.json'));
  expect(json.suggestedFilename()).toMatch(new RegExp(`^acme-q4-distributor-${day}\\.json$`));
  const csv = await app.download(acme.getByRole('button', { name: m.export_csv }), test.info().outputPath('a.csv'));
  expect(csv.suggestedFilename()).toMatch(new RegExp(`^acme-q4-distributor-${day}\\.csv$`));
  // From the results too.
  await acme.getByRole('button', { name: m.open }).click();
  await expect(app.heading(m.results)).toBeVisible();
  const again = await app.download(page.getByRole('button', { name: m.export_json }), test.info().outputPath('b.json'));
  expect(again.suggestedFilename()).toMatch(new RegExp(`^acme-q4-distributor-${day}\\.json$`));
});

test('laptop: the share confirmation appears next to its button, in view', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.setViewportSize(LAPTOP);
  const app = new AssessmentPage(page);
  await app.complete(() => 3);
  const button = page.getByRole('button', { name: m.copy_share_link });
  await button.click();
  const status = page.getByRole('status').filter({ hasText: m.share_copied });
  await expect(status).toBeInViewport();
  await expect(button).toBeInViewport();
  const [b, s] = [await button.boundingBox(), await status.boundingBox()];
  // The same row, just after the button.
  expect(Math.abs(b.y + b.height / 2 - (s.y + s.height / 2))).toBeLessThan(b.height / 2);
  expect(s.x).toBeGreaterThan(b.x + b.width - 1);
  expect(s.x - (b.x + b.width)).toBeLessThan(40);
});

test('a shared result offers print, save, "answer from your side" and "compare with mine"', async ({ page }) => {
  const app = new AssessmentPage(page);
  // Mine: a distributor who rates the relationship low.
  const relationship = content.sections[0].id;
  await app.complete((sid) => (sid === relationship ? 1 : 4), 'Distributor');
  // The brand owner's, shared as a link.
  await app.complete(() => 4, 'Brand owner');
  const link = await app.shareLink();
  await page.goto(link);
  await expect(app.heading(m.shared_heading)).toBeVisible();
  await expect(page.getByRole('button', { name: m.print_pdf })).toBeVisible();
  await expect(page.getByRole('button', { name: m.save_to_history })).toBeVisible();
  const compare = page.getByRole('button', { name: m.compare_with_mine });
  await expect(compare).toHaveAttribute('aria-expanded', 'false');
  await compare.click();
  await expect(compare).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('heading', { level: 2, name: fill(m.sides_heading, { name: m.shared_link_side }) })).toBeVisible();
  await expect(page.getByRole('combobox', { name: m.yours })).toContainText('distributor');
  await expect(page.getByText(count('en', m.sides_section_gaps, 1, { points: content.scoring.workshop.perception_gap_section_points }))).toBeVisible();
  expect(await axe(page)).toEqual([]);
  // Answering from the other side: a fresh distributor's assessment at the first question.
  await page.getByRole('button', { name: fill(m.answer_from_side, { side: m.distributor_lower }) }).click();
  await expect(app.heading(en(content.sections[0].title))).toBeVisible();
  await expect(app.progressbar()).toHaveAttribute('aria-valuemax', String(askedCount('distributor')));
  await expect(app.progressbar()).toHaveAttribute('aria-valuenow', '0');
});

test('a shared result with nothing of the other side saved here says so', async ({ page }) => {
  const app = new AssessmentPage(page);
  await app.complete(() => 3, 'Brand owner');
  const link = await app.shareLink();
  await page.evaluate(() => localStorage.clear());
  await page.goto(link);
  await page.reload();
  await page.getByRole('button', { name: m.compare_with_mine }).click();
  await expect(page.getByText(fill(m.compare_with_mine_none, { side: m.distributor_lower }))).toBeVisible();
});

test('phone: the navigation is one row, with a menu that the keyboard can use', async ({ page }) => {
  await page.setViewportSize(PHONE);
  const app = new AssessmentPage(page);
  const nav = page.getByRole('navigation', { name: m.nav_label });
  const menu = nav.getByRole('button', { name: m.menu });
  for (const path of ['/', '/#/history', '/#/workshops']) {
    await app.open(path);
    const box = await nav.boundingBox();
    expect(box.height, path).toBeLessThanOrEqual(48);
    await expect(nav.getByRole('link')).toHaveCount(0);
  }
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await menu.focus();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(nav.getByRole('link')).toHaveCount(3);
  await expect(nav.getByRole('link', { name: m.nav_workshops })).toHaveAttribute('aria-current', 'page');
  // Opening it does not push the page down.
  expect((await nav.boundingBox()).height).toBeLessThanOrEqual(48);
  expect(await axe(page)).toEqual([]);
  await page.keyboard.press('Tab');
  await expect(nav.getByRole('link', { name: m.nav_assessment, exact: true })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(menu).toBeFocused();
  // A link closes it.
  await menu.click();
  await nav.getByRole('link', { name: m.nav_history }).click();
  await expect(app.heading(m.nav_history)).toBeVisible();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  // On a laptop there is no menu button: the links are the row.
  await page.setViewportSize(LAPTOP);
  await expect(menu).toBeHidden();
  await expect(nav.getByRole('link')).toHaveCount(3);
  expect((await nav.boundingBox()).height).toBeLessThanOrEqual(48);
});

for (const lang of ['en', 'de']) test.describe(`printed in ${lang}`, () => {
  test.use({ locale: lang === 'de' ? 'de-DE' : 'en-US' });
  test(`the printed report (${lang}): two or three pages with scores, texts, weakest practices, what to find out and a footer`, async ({ page }) => {
    const mm = MSG[lang];
    const app = new AssessmentPage(page, lang);
    // Varied answers, one left open, two "Don't know".
    const skipped = askedIn(1)[1];
    await app.complete((sid, i) =>
      sid === content.sections[1].id && i === skipped ? undefined : i === 2 ? 'dk' : ((i * 3) % 5) + 1,
    );
    for (const format of ['A4', 'Letter']) {
      const pdf = await page.pdf({ format });
      const pages = (await pdfPages(pdf)).map((runs) => runs.join(''));
      expect(pages.length, format).toBeGreaterThanOrEqual(2);
      expect(pages.length, format).toBeLessThanOrEqual(3);
      const all = squash(pages.join(''));
      for (const section of content.sections) expect(all).toContain(squash(section.title[lang]));
      // Each scored section's text for its band.
      const texts = content.sections.flatMap((s) => Object.values(s.band_texts).map((t) => t[lang]));
      expect(texts.filter((t) => all.includes(squash(t))).length).toBeGreaterThanOrEqual(1);
      for (const heading of [mm.weakest_heading, mm.actions_heading, mm.dont_know_heading, mm.print_unanswered]) {
        expect(all, heading).toContain(squash(heading));
      }
      expect(all).toContain(squash(content.sections[1].items[skipped].question[lang]));
      // The footer on every page: title, version, date and "Page n of m".
      pages.forEach((text, i) => {
        const t = squash(text);
        expect(t).toContain(squash(fill(mm.print_page, { page: i + 1, pages: pages.length })));
        expect(t).toContain(squash(content.title[lang]));
        expect(t).toContain(squash(fill(mm.print_footer, { title: '', version: content.version, date: '' }).replace(/^ · | · $/g, '')));
      });
      // Nothing meant for the screen.
      expect(all).not.toContain(squash(mm.copy_share_link));
      expect(all).not.toContain(squash(mm.edit_answers));
    }
  });
});

// Languages: a whole run in German, switching language mid-way, where the language comes from,
// what links carry, no English left on any screen, and a right-to-left layout check.
import { test, expect } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
import { AssessmentPage, MSG, UI, askedCount, bandOf, content, contentTexts, expectedScores } from './app.mjs';

/** A section band's index for a displayed percentage. */
const bandIndexDe = (percent) => content.scoring.bands.reduce((n, b, i) => (percent >= b.min_percent ? i : n), 0);

const NBSP = '\u00a0';

test.describe('with a German browser', () => {
  test.use({ locale: 'de-DE' });

  test('a German-speaking distributor does the whole assessment in German', async ({ page }) => {
    const app = new AssessmentPage(page, 'de');
    await app.open();
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page).toHaveTitle(content.title.de);
    await expect(app.heading(content.title.de)).toBeVisible();
    const counts = [askedCount('brand_owner'), askedCount('distributor')];
    await expect(
      page.getByText(`${Math.min(...counts)} bis ${Math.max(...counts)} Fragen in 4 Bereichen, je nach Ihrer Seite; etwa 10–15 Minuten.`),
    ).toBeVisible();
    await app.start(UI.de.distributor);
    await expect(page.getByText('Bereich 1 von 4', { exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'So antworten Sie' })).toBeVisible();
    await expect(page.getByText(content.instructions[0].de)).toBeVisible();
    // Level names and descriptions are German: answer() finds each radio by its German name.
    const levelOf = (sid, i) => (i % 4) + 1;
    await app.answerAll(levelOf);

    const want = expectedScores(levelOf, 'distributor');
    const band = content.scoring.bands[want.band].name.de;
    await expect(page.getByText(`Gesamt ${want.overall}${NBSP}% ${band}${want.atRisk ? ' (gefährdet)' : ''}`)).toBeVisible();
    for (const [k, s] of want.sections.entries()) {
      const title = content.sections[k].title.de;
      const region = page.getByRole('region', { name: `${title}: ${s.percent}${NBSP}% – ${bandOf(s.percent, 'de')}` });
      await expect(region).toBeVisible();
      await expect(region.getByText(content.sections[k].band_texts[content.scoring.bands[bandIndexDe(s.percent)].id].de)).toBeVisible();
    }
    // The actions, in German, for the distributor's side.
    const next = page.getByRole('region', { name: 'Die nächsten Schritte' });
    await expect(next).toBeVisible();
    const rel1 = content.sections[0].actions.find((a) => a.when.item === 'REL1' && a.who !== 'brand_owner');
    await expect(next.getByText(rel1.step.de)).toBeVisible();
    await expect(page.getByRole('region', { name: 'So lesen Sie dieses Ergebnis' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Punktzahl je Bereich' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Die schwächsten Praktiken' })).toBeVisible();
    // Numbers are written the German way: a no-break space before the percent sign (getByText
    // treats it as a space, so the exact characters are read here), and the date too.
    const overall = page.getByText(/^Gesamt \d/);
    expect(await overall.textContent()).toBe(`Gesamt ${want.overall}${NBSP}% ${band}${want.atRisk ? ' (gefährdet)' : ''}`);
    const about = page.getByText(/^beantwortet als Distributor/);
    await expect(about).toHaveText(/ · \d{1,2}\. \S+ \d{4}$/);
    // The German page is as accessible as the English one (lang attributes included).
    const result = await new AxeBuilder({ page }).analyze();
    expect(result.violations.map((v) => v.id)).toEqual([]);
    // Back to English: the same result, written the English way.
    await page.getByRole('combobox', { name: 'Sprache' }).selectOption('English');
    await expect(page.getByRole('heading', { level: 1, name: 'Results' })).toBeVisible();
    expect(await page.getByText(/^Overall \d/).textContent()).toBe(want.overallText);
    await expect(page.getByText(/^answered as distributor/)).toHaveText(/ · [A-Z][a-z]{2} \d{1,2}, \d{4}$/);
  });

  test('the lang parameter wins over the browser language', async ({ page }) => {
    const app = new AssessmentPage(page, 'fr');
    await app.open('/?lang=fr');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(app.heading(content.title.fr)).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Langue' })).toHaveValue('fr');
  });
});

test('switching language mid-way keeps every answer, and the choice is remembered', async ({ page }) => {
  const app = new AssessmentPage(page);
  await app.open();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await app.start();
  await app.answer(0, 0, 3);
  await app.answer(0, 1, 'dk');
  await app.answer(0, 2, 'na');
  await expect(app.progressbar()).toHaveAttribute('aria-valuenow', '3');

  await page.getByRole('combobox', { name: 'Language' }).selectOption('Deutsch');
  const de = new AssessmentPage(page, 'de');
  await expect(de.heading(content.sections[0].title.de)).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('combobox', { name: 'Sprache' })).toBeFocused();
  await expect(de.question(0, 0).getByRole('radio', { name: new RegExp(`^3 ${content.level_names[2].de}`) })).toBeChecked();
  await expect(de.question(0, 1).getByRole('radio', { name: 'Weiß nicht' })).toBeChecked();
  await expect(de.question(0, 2).getByRole('radio', { name: 'Nicht zutreffend' })).toBeChecked();
  await expect(de.progressbar()).toHaveAttribute('aria-valuenow', '3');
  await expect(de.progressbar()).toHaveAttribute('aria-valuetext', `3 von ${askedCount('brand_owner')} Fragen beantwortet`);

  // Answering goes on in German, and a reload keeps both the answers and the language.
  await de.answer(0, 3, 5);
  await page.reload();
  await expect(de.heading(content.sections[0].title.de)).toBeVisible();
  await expect(de.progressbar()).toHaveAttribute('aria-valuenow', '4');

  await page.getByRole('combobox', { name: 'Sprache' }).selectOption('Français');
  const fr = new AssessmentPage(page, 'fr');
  await expect(fr.heading(content.sections[0].title.fr)).toBeVisible();
  await expect(fr.question(0, 3).getByRole('radio', { name: new RegExp(`^5 `) })).toBeChecked();
  await expect(page.getByText('Domaine 1 sur 4', { exact: true })).toBeVisible();
});

test('a right-to-left page mirrors the layout and still fits 320 px', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  const app = new AssessmentPage(page);
  await app.open();
  await app.start();
  const back = page.getByRole('button', { name: 'Back', exact: true });
  const next = page.getByRole('button', { name: 'Next', exact: true });
  const ltrBack = await back.boundingBox();
  const ltrNext = await next.boundingBox();
  expect(ltrBack.x).toBeLessThan(ltrNext.x);
  // The layout uses logical properties only, so a right-to-left document mirrors it.
  await page.evaluate(() => document.documentElement.setAttribute('dir', 'rtl'));
  await expect.poll(async () => (await back.boundingBox()).x).toBeGreaterThan((await next.boundingBox()).x);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const radio = app.question(0, 0).getByRole('radio').first();
  const group = await app.question(0, 0).boundingBox();
  const dot = await radio.boundingBox();
  // The radio sits at the right-hand (start) side of its row.
  expect(dot.x).toBeGreaterThan(group.x + group.width / 2);
});

test('an embedded frame speaks the language the host asks for', async ({ page }) => {
  const app = new AssessmentPage(page, 'de');
  await app.open('/?embed=1&lang=de');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(app.heading(content.title.de)).toBeVisible();
  // The host decides the language: the frame has no navigation and no language switch.
  await expect(page.getByRole('combobox', { name: 'Sprache' })).toBeHidden();
  await app.start(UI.de.distributor);
  await expect(app.progressbar()).toHaveAttribute('aria-valuetext', `0 von ${askedCount('distributor')} Fragen beantwortet`);
});

test('notices are worded when shown, so they follow a change of language', async ({ page }) => {
  const app = new AssessmentPage(page);
  await app.open();
  await app.start();
  await app.answer(0, 0, 2);
  await page.getByRole('link', { name: 'My assessments' }).click();
  await page.getByRole('article', { name: 'Untitled assessment' }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('Deleted “\u2068Untitled assessment\u2069”.')).toBeVisible();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('Deutsch');
  await expect(page.getByText('„\u2068Unbenannte Bewertung\u2069“ gelöscht.')).toBeVisible();
  // Undo still works after the switch: the notice kept what it needs.
  await page.getByRole('button', { name: 'Rückgängig' }).click();
  await expect(page.getByRole('article', { name: 'Unbenannte Bewertung' })).toBeVisible();
});

test('long German words do not make a phone screen scroll sideways', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  const app = new AssessmentPage(page, 'de');
  await app.open('/?lang=de#/workshops');
  await page.getByRole('textbox', { name: 'Name' }).fill('Lyon');
  await page.getByRole('button', { name: 'Workshop anlegen' }).click();
  // An empty workshop shows its steps (the full workshop in German at 390 px is in
  // facilitator.spec.mjs).
  await expect(page.getByRole('heading', { level: 2, name: 'Noch niemand hinzugefügt' })).toBeVisible();
  expect(await overflow()).toBeLessThanOrEqual(0);
  await app.open('/?lang=de');
  await app.start();
  await app.answerAll((sid, i) => (i % 5) + 1);
  expect(await overflow()).toBeLessThanOrEqual(0);
});

test('share links carry no language; the switch rewrites a lang in the address, and adds none', async ({ page, browser, baseURL }) => {
  // Opened with ?lang=fr: the switch keeps the parameter in step, so a reload keeps the choice.
  const fr = new AssessmentPage(page, 'fr');
  await fr.open('/?lang=fr');
  await page.getByRole('combobox', { name: 'Langue' }).selectOption('Deutsch');
  const de = new AssessmentPage(page, 'de');
  await expect(de.heading(content.title.de)).toBeVisible();
  expect(new URL(page.url()).searchParams.getAll('lang')).toEqual(['de']);
  await page.reload();
  await expect(de.heading(content.title.de)).toBeVisible();
  await page.getByRole('combobox', { name: 'Sprache' }).selectOption('Français');
  await expect(fr.heading(content.title.fr)).toBeVisible();
  expect(new URL(page.url()).searchParams.getAll('lang')).toEqual(['fr']);

  // The link made here carries the answers, not the language: the receiver reads their own.
  await fr.start();
  await fr.answerAll(() => 4);
  expect(new URL(page.url()).searchParams.get('lang')).toBe('fr');
  const link = await fr.shareLink();
  const url = new URL(link);
  expect(url.search).toBe('');
  expect(`${url.origin}${url.pathname}`).toBe(baseURL);
  expect(url.hash).toMatch(/^#r=/);
  const other = await browser.newContext({ locale: 'en-US' });
  const receiver = await other.newPage();
  await receiver.goto(link);
  await expect(receiver.getByRole('heading', { level: 1, name: 'Shared result' })).toBeVisible();
  await expect(receiver.locator('html')).toHaveAttribute('lang', 'en');
  await other.close();

  // Without a lang in the address, switching adds none: the choice is remembered instead.
  await page.goto('/');
  await expect(fr.heading(MSG.fr.results)).toBeVisible();
  await page.getByRole('combobox', { name: 'Langue' }).selectOption('English');
  await expect(page.getByRole('heading', { level: 1, name: 'Results' })).toBeVisible();
  expect(new URL(page.url()).search).toBe('');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Results' })).toBeVisible();
});

/** Runs in the page: every text a person reads or hears there (text nodes, names and
 * descriptions given in attributes, the title), whitespace collapsed. */
function pageTexts() {
  const strings = new Set();
  const add = (t) => {
    const s = (t ?? '').replace(/\s+/g, ' ').trim();
    if (s) strings.add(s);
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.parentElement.closest('script, style, noscript')) add(n.textContent);
  }
  for (const el of document.querySelectorAll('*')) {
    for (const name of ['aria-label', 'aria-valuetext', 'aria-roledescription', 'title', 'placeholder', 'alt']) {
      if (el.hasAttribute(name)) add(el.getAttribute(name));
    }
  }
  add(document.title);
  return [...strings];
}

/** The literal pieces of a catalogue's messages (between placeholders and plural forms). */
const fragments = (messages) =>
  Object.values(messages).flatMap((m) => m.split(/\{\w+\}|\|/).map((f) => f.replace(/\s+/g, ' ').trim()).filter(Boolean));

const letters = (s) => s.match(/\p{L}+/gu) ?? [];

/** A text without its numbers (levels, counts, percentages), which read the same in every language. */
const words = (s) => s.replace(/[\d.,:%\u00a0\u202f+\u2212–-]+(?=\s|$)/g, ' ').replace(/\s+/g, ' ').trim();

for (const [lang, locale] of [['de', 'de-DE'], ['fr', 'fr-FR']]) {
  test(`no English is left on any screen in ${lang}`, async ({ browser, baseURL }) => {
    test.slow();
    const WORKSHOP = 'Lyon';
    /** Every screen's texts, in a browser that speaks `locale`. */
    const texts = async (locale, lang) => {
      const context = await browser.newContext({ locale, baseURL });
      const page = await context.newPage();
      const screens = {};
      await new AssessmentPage(page, lang).everyScreen(async (screen) => {
        screens[screen] = await page.evaluate(pageTexts);
      }, WORKSHOP);
      await context.close();
      return screens;
    };
    const english = await texts('en-US', 'en');
    const target = await texts(locale, lang);
    // What may read the same in both: the words the catalogue and the questionnaire give
    // identically (a name, "Distributor"), the languages' own names, the workshop's name.
    // A questionnaire text may also be shown in pieces (a chart label wrapped over lines).
    const targetContent = contentTexts(lang);
    const same = new Set([...fragments(MSG[lang]), ...targetContent, 'English', 'Deutsch', 'Français', WORKSHOP].map(words));
    const distinctive = [...new Set(Object.values(english).flat())].filter(
      (s) => letters(s).some((w) => w.length >= 3) && !same.has(words(s)) && !targetContent.some((t) => t.includes(s)),
    );
    expect(distinctive.length).toBeGreaterThan(200);
    const left = [];
    for (const [screen, strings] of Object.entries(target)) {
      expect(strings.length, screen).toBeGreaterThan(5);
      const exact = new Set(strings);
      const all = strings.join('\n');
      for (const s of distinctive) {
        // A whole text as it is, or a sentence of three words or more inside a longer text.
        if (exact.has(s) || (letters(s).length >= 3 && all.includes(s))) left.push(`${screen}: ${s}`);
      }
    }
    expect(left).toEqual([]);
  });
}

// Page object and helpers for the end-to-end specs. Everything is found by role and accessible
// name, the way a screen-reader user finds it.
import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The bundled questionnaire, read from the source so the tests compute expectations themselves. */
export const content = JSON.parse(
  readFileSync(new URL('../../../assessment/content/distributor.json', import.meta.url), 'utf8'),
);
export const en = (text) => text.en;
export const LEVEL_NAMES = content.level_names.map(en);

/** Round half up, as the app displays percentages. */
const round = (x) => Math.floor(x + 0.5);

/** The side codes of the content file, by the names the page object uses. */
export const SIDE = { 'Brand owner': 'brand_owner', Distributor: 'distributor' };

/** Whether `item` is asked of a respondent of `side` ('brand_owner' or 'distributor'). */
export const asked = (item, side) => item.who === 'both' || item.who === side;

/** How many questions `side` is asked. */
export const askedCount = (side) =>
  content.sections.reduce((n, s) => n + s.items.filter((i) => asked(i, side)).length, 0);

/**
 * Expected section percentages for `levelOf(sectionId, itemIndex)` answers (a number 1-5, 'na',
 * 'dk' or undefined) of a respondent of `side`, computed from questionnaire version 2's rules;
 * null = not enough answers (three quarters rated and every critical practice rated).
 */
export function expectedScores(levelOf, side = 'brand_owner') {
  const { numerator, denominator } = content.scoring.min_rated_fraction;
  const sections = content.sections.map((s) => {
    let num = 0;
    let den = 0;
    let rated = 0;
    let n = 0;
    let criticalOpen = 0;
    s.items.forEach((item, i) => {
      if (!asked(item, side)) return;
      n += 1;
      const l = levelOf(s.id, i);
      if (typeof l === 'number') {
        num += item.weight * (l - 1);
        den += item.weight * 4;
        rated += 1;
      } else if (item.critical) criticalOpen += 1;
    });
    const enough = rated >= Math.ceil((n * numerator) / denominator) && criticalOpen === 0 && den > 0;
    return { id: s.id, title: en(s.title), exact: enough ? (100 * num) / den : null };
  });
  const scored = sections.filter((s) => s.exact !== null);
  const mean = scored.length ? scored.reduce((a, s) => a + s.exact, 0) / scored.length : null;
  const overall = mean === null ? null : round(mean);
  // Trust is the foundation: never above the Trust band; capped when at risk or not assessed.
  const gate = content.scoring.trust_gate;
  const bandIds = content.scoring.bands.map((b) => b.id);
  const trustSection = content.sections.find((s) => s.id === gate.section);
  const trust = sections.find((s) => s.id === gate.section);
  const trustPercent = trust.exact === null ? null : round(trust.exact);
  const criticalLow = trustSection.items.some((item, i) => {
    const l = levelOf(trustSection.id, i);
    return asked(item, side) && item.critical && typeof l === 'number' && l <= gate.critical_at_most;
  });
  const atRisk = criticalLow || (trustPercent !== null && trustPercent < gate.below_percent);
  let band = overall === null ? null : bandIndex(overall);
  if (band !== null) {
    if (trustPercent !== null) band = Math.min(band, bandIndex(trustPercent));
    if (atRisk) band = Math.min(band, bandIds.indexOf(gate.at_risk_cap_band));
    if (trustPercent === null) band = Math.min(band, bandIds.indexOf(gate.not_assessed_cap_band));
  }
  return {
    sections: sections.map((s) => ({ ...s, percent: s.exact === null ? null : round(s.exact) })),
    overall,
    atRisk,
    /** The overall band's index, capped as the results cap it. */
    band,
    /** The overall line as the results show it in English. */
    overallText:
      overall === null ? null : `Overall ${overall} % ${en(content.scoring.bands[band].name)}${atRisk ? ' (at risk)' : ''}`,
  };
}

function bandIndex(percent) {
  let index = 0;
  content.scoring.bands.forEach((b, i) => {
    if (percent >= b.min_percent) index = i;
  });
  return index;
}

export function bandOf(percent, lang = 'en') {
  return content.scoring.bands[bandIndex(percent)].name[lang];
}

/** A catalogue of the app's own words (assessment/src/i18n/<lang>.rs), as key -> text. */
function readCatalogue(lang) {
  const source = readFileSync(new URL(`../../../assessment/src/i18n/${lang}.rs`, import.meta.url), 'utf8');
  const messages = {};
  for (const [, key, raw] of source.matchAll(/^\s*(\w+):\s*"((?:[^"\\]|\\.)*)",\s*$/gm)) {
    messages[key] = raw.replace(/\\u\{([0-9a-fA-F]+)\}|\\(.)/g, (_, hex, c) => (hex ? String.fromCodePoint(parseInt(hex, 16)) : c));
  }
  return messages;
}

/** Every message of the app per language, read from the catalogues the app is built from. */
export const MSG = { en: readCatalogue('en'), de: readCatalogue('de'), fr: readCatalogue('fr') };

/** Fills `{name}` placeholders, as `assessment::i18n::fill` does. */
export const fill = (template, args = {}) => template.replace(/\{(\w+)\}/g, (all, k) => (k in args ? String(args[k]) : all));

/** A counted message (`one|other`) for `n`, as `Messages::count` does (French counts 0 as one). */
export function count(lang, template, n, args = {}) {
  const forms = template.split('|');
  const one = lang === 'fr' ? n <= 1 : n === 1;
  return fill(forms[one ? 0 : forms.length - 1], { n, ...args });
}

/** The app's own words the page object needs, per language. */
export const UI = Object.fromEntries(
  Object.entries(MSG).map(([lang, m]) => [
    lang,
    {
      start: m.start, next: m.next, seeResults: m.see_results, results: m.results,
      notApplicable: m.not_applicable, dontKnow: m.dont_know, brandOwner: m.brand_owner,
      distributor: m.distributor, progress: m.progress_label, language: m.language,
    },
  ]),
);

/** Every text of the questionnaire in `lang` (titles, questions, levels, actions, ...). */
export function contentTexts(lang) {
  const out = [];
  const walk = (v) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      if (typeof v.en === 'string' && typeof v[lang] === 'string') out.push(v[lang]);
      else Object.values(v).forEach(walk);
    }
  };
  walk(content);
  return out;
}

/** The text runs of each page of a PDF (as `page.pdf()` gives it), read with pdfjs. */
export async function pdfPages(buffer) {
  const doc = await getDocument({ data: new Uint8Array(buffer), useSystemFonts: false }).promise;
  const pages = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const c = await (await doc.getPage(i)).getTextContent();
    pages.push(c.items.map((x) => x.str));
  }
  return pages;
}

/** `text` as a literal inside a regular expression. */
/** Waits until the service worker has installed this release and controls the page. */
export async function untilServiceWorkerControls(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    }
  });
}

export const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

export class AssessmentPage {
  /** `lang`: the language the app is expected to speak ('en', 'de' or 'fr'). */
  constructor(page, lang = 'en') {
    this.page = page;
    this.lang = lang;
    this.ui = UI[lang];
    this.m = MSG[lang];
    this.side = 'brand_owner';
  }

  /** A questionnaire text in the page object's language. */
  text(t) {
    return t[this.lang];
  }

  heading(name) {
    return this.page.getByRole('heading', { level: 1, name });
  }

  async open(path = '/') {
    await this.page.goto(path);
    await this.started();
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
  }

  /** Waits for the app to replace the page's built-in welcome (which says it is loading). */
  async started() {
    await expect(this.page.getByRole('status').filter({ hasText: 'Loading the assessment' })).toHaveCount(0);
  }

  /** Follows a link of the main navigation ('My assessments', 'Workshops', ...). */
  async nav(name) {
    await this.openMenu();
    await this.page.getByRole('navigation', { name: this.m.nav_label }).getByRole('link', { name, exact: true }).click();
    await expect(this.heading(name)).toBeVisible();
  }

  /** On a phone the navigation is behind a Menu button: opens it (nothing to do when wide). */
  async openMenu() {
    const menu = this.page.getByRole('navigation', { name: this.m.nav_label }).getByRole('button', { name: this.m.menu, exact: true });
    if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  }

  /** A status region (an import report, a notice) that says `text`. */
  status(text) {
    return this.page.getByRole('status').filter({ hasText: text });
  }

  async start(perspective = this.ui.brandOwner) {
    this.side = perspective === this.ui.distributor ? 'distributor' : 'brand_owner';
    await this.page.getByRole('radio', { name: perspective, exact: true }).check();
    await this.page.getByRole('button', { name: this.ui.start, exact: true }).click();
    await expect(this.heading(this.text(content.sections[0].title))).toBeVisible();
  }

  /** Completes a new assessment answering every item with `levelOf`, whatever was on screen. */
  async complete(levelOf, perspective = this.ui.brandOwner) {
    await this.open();
    for (const name of [this.m.start_again, this.m.start_new]) {
      const button = this.page.getByRole('button', { name, exact: true });
      if (await button.isVisible()) await button.click();
    }
    await this.start(perspective);
    await this.answerAll(levelOf);
  }

  /** A question on the page, by its place in the content file: a group named "12. question". */
  question(sectionIndex, itemIndex) {
    const text = this.text(content.sections[sectionIndex].items[itemIndex].question);
    return this.page.getByRole('group', { name: new RegExp(`^\\d+\\. ${escapeRegExp(text)}$`) });
  }

  /** The number a respondent of this side sees on a question ("12" of "12. ..."). */
  questionNumber(sectionIndex, itemIndex) {
    let n = 0;
    for (let s = 0; s <= sectionIndex; s++) {
      const items = content.sections[s].items;
      for (let i = 0; i < items.length; i++) {
        if (!asked(items[i], this.side)) continue;
        n += 1;
        if (s === sectionIndex && i === itemIndex) return n;
      }
    }
    throw new Error(`question ${sectionIndex}/${itemIndex} is not asked of ${this.side}`);
  }

  /** Chooses an answer: a level 1-5, 'na' or 'dk'. */
  async answer(sectionIndex, itemIndex, value) {
    const group = this.question(sectionIndex, itemIndex);
    const levelName = this.text(content.level_names[value - 1] ?? {});
    const name =
      value === 'na'
        ? this.ui.notApplicable
        : value === 'dk'
          ? this.ui.dontKnow
          : new RegExp(`^${value} ${escapeRegExp(String(levelName))}`);
    await group.getByRole('radio', { name, exact: typeof name === 'string' }).check();
  }

  /**
   * Answers the questions of the current section page asked of this respondent's side with
   * `levelOf(sectionId, i)` (i: the item's index in the content file), then presses Next / See
   * results.
   */
  async answerSection(sectionIndex, levelOf) {
    const section = content.sections[sectionIndex];
    await expect(this.heading(this.text(section.title))).toBeVisible();
    for (let i = 0; i < section.items.length; i++) {
      if (!asked(section.items[i], this.side)) continue;
      const v = levelOf(section.id, i);
      if (v !== undefined) await this.answer(sectionIndex, i, v);
    }
    const last = sectionIndex === content.sections.length - 1;
    await this.page.getByRole('button', { name: last ? this.ui.seeResults : this.ui.next, exact: true }).click();
  }

  async answerAll(levelOf) {
    for (let s = 0; s < content.sections.length; s++) await this.answerSection(s, levelOf);
    await expect(this.heading(this.ui.results)).toBeVisible();
  }

  progressbar() {
    return this.page.getByRole('progressbar', { name: this.ui.progress });
  }

  /** On the results: presses "Copy share link" and returns the link it shows. */
  async shareLink() {
    await this.page.getByRole('button', { name: this.m.copy_share_link }).click();
    const box = this.page.getByRole('textbox', { name: this.m.share_link });
    await expect(box).not.toHaveValue('');
    return box.inputValue();
  }

  /** Presses `button` (a locator) and returns the download it starts, saved as `path`. */
  async download(button, path) {
    const downloading = this.page.waitForEvent('download');
    await button.click();
    const download = await downloading;
    await download.saveAs(path);
    return download;
  }

  /** A saved assessment on My assessments, by its name. */
  record(name) {
    return this.page.getByRole('article', { name });
  }

  /** Creates a workshop from the Workshops screen and waits for its page. */
  async createWorkshop(name) {
    if (this.page.url() === 'about:blank') await this.open();
    await this.nav(this.m.nav_workshops);
    await this.page.getByRole('textbox', { name: this.m.name }).fill(name);
    await this.page.getByRole('button', { name: this.m.create_workshop }).click();
    await expect(this.heading(name)).toBeVisible();
  }

  /** On a workshop: pastes `text` into the share-links box and adds them. */
  async addLinks(text) {
    await this.page.getByRole('textbox', { name: this.m.links_label }).fill(text);
    await this.page.getByRole('button', { name: this.m.add_links }).click();
  }

  /**
   * Visits every screen, calling `check(name)` on each: welcome, questions, results, My
   * assessments, compare, a shared result, a workshop, workshops, the presenter view, embed mode.
   * Leaves two assessments and a workshop named `workshop` behind.
   */
  async everyScreen(check, workshop = 'Screens') {
    const { page, m } = this;
    await this.open();
    await check('welcome');
    for (let run = 0; run < 2; run++) {
      if (run === 1) await page.getByRole('button', { name: m.start_again }).click();
      await this.start(run ? this.ui.distributor : this.ui.brandOwner);
      if (run === 0) {
        await this.answer(0, 0, 2);
        await check('questions');
      }
      // The second run leaves some questions at "Don't know": some sections are then not
      // scored, and the results list what to find out.
      await this.answerAll((sid, i) => (run === 1 && i === 1 ? 'dk' : ((i + run) % 5) + 1));
    }
    await check('results');
    const link = await this.shareLink();
    await this.nav(m.nav_history);
    await expect(page.getByRole('article')).toHaveCount(2);
    await check('my assessments');
    // One brand owner and one distributor: the pair is read as the two sides.
    await page.getByRole('button', { name: m.compare_two }).click();
    await expect(this.heading(new RegExp(`^${escapeRegExp(m.sides_heading.split('{name}')[0]).replace(/[\s\u00a0]+/g, '\\s+')}`))).toBeVisible();
    await check('compare');
    await page.goto(link);
    await expect(this.heading(m.shared_heading)).toBeVisible();
    await check('shared result');
    await this.createWorkshop(workshop);
    await this.addLinks(`${link}\n`);
    await expect(this.status(count(this.lang, m.ws_added, 1))).toBeVisible();
    await check('workshop');
    await this.nav(m.nav_workshops);
    await expect(this.record(workshop)).toBeVisible();
    await check('workshops');
    await this.record(workshop).getByRole('button', { name: m.open }).click();
    await page.getByRole('button', { name: m.present }).click();
    // Past the overview, the perception gaps and the top disagreements: the first section.
    for (let n = 0; n < 3; n++) await page.keyboard.press('ArrowRight');
    await expect(this.heading(this.text(content.sections[0].title))).toBeVisible();
    await check('presenter');
    await page.keyboard.press('Escape');
    await this.open('/?embed=1&perspective=distributor');
    await check('embed');
  }
}

// Page object and helpers for the end-to-end specs. Everything is found by role and accessible
// name, the way a screen-reader user finds it.
import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';

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

/** The app's own words the page object needs, per language (from assessment/src/i18n). */
export const UI = {
  en: {
    start: 'Start', next: 'Next', seeResults: 'See results', results: 'Results',
    notApplicable: 'Not applicable', dontKnow: "Don't know", brandOwner: 'Brand owner',
    distributor: 'Distributor', progress: 'Questions answered', language: 'Language',
  },
  de: {
    start: 'Starten', next: 'Weiter', seeResults: 'Ergebnisse ansehen', results: 'Ergebnisse',
    notApplicable: 'Nicht zutreffend', dontKnow: 'Weiß nicht', brandOwner: 'Markeninhaber',
    distributor: 'Distributor', progress: 'Beantwortete Fragen', language: 'Sprache',
  },
  fr: {
    start: 'Commencer', next: 'Suivant', seeResults: 'Voir les résultats', results: 'Résultats',
    notApplicable: 'Sans objet', dontKnow: 'Je ne sais pas', brandOwner: 'Propriétaire de la marque',
    distributor: 'Distributeur', progress: 'Questions avec réponse', language: 'Langue',
  },
};

export class AssessmentPage {
  /** `lang`: the language the app is expected to speak ('en', 'de' or 'fr'). */
  constructor(page, lang = 'en') {
    this.page = page;
    this.lang = lang;
    this.ui = UI[lang];
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
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
  }

  async start(perspective = this.ui.brandOwner) {
    this.side = perspective === this.ui.distributor ? 'distributor' : 'brand_owner';
    await this.page.getByRole('radio', { name: perspective, exact: true }).check();
    await this.page.getByRole('button', { name: this.ui.start, exact: true }).click();
    await expect(this.heading(this.text(content.sections[0].title))).toBeVisible();
  }

  question(sectionIndex, itemIndex) {
    const text = this.text(content.sections[sectionIndex].items[itemIndex].question);
    return this.page.getByRole('group', { name: text, exact: true });
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
          : new RegExp(`^${value} ${String(levelName).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`);
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
}

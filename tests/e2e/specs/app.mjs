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

/**
 * Expected section percentages for `levelOf(sectionId, itemIndex)` answers (a number 1-5, 'na',
 * 'dk' or undefined), computed from the content brief's formula; null = not enough answers.
 */
export function expectedScores(levelOf) {
  const sections = content.sections.map((s) => {
    let num = 0;
    let den = 0;
    let rated = 0;
    s.items.forEach((item, i) => {
      const l = levelOf(s.id, i);
      if (typeof l === 'number') {
        num += item.weight * (l - 1);
        den += item.weight * 4;
        rated += 1;
      }
    });
    const enough = rated >= Math.ceil(s.items.length / 2) && den > 0;
    return { id: s.id, title: en(s.title), exact: enough ? (100 * num) / den : null };
  });
  const scored = sections.filter((s) => s.exact !== null);
  const overall = scored.length ? scored.reduce((a, s) => a + s.exact, 0) / scored.length : null;
  return {
    sections: sections.map((s) => ({ ...s, percent: s.exact === null ? null : round(s.exact) })),
    overall: overall === null ? null : round(overall),
  };
}

export function bandOf(percent, lang = 'en') {
  const bands = content.scoring.bands;
  let name = bands[0].name[lang];
  for (const b of bands) if (percent >= b.min_percent) name = b.name[lang];
  return name;
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
    notApplicable: 'Non applicable', dontKnow: 'Je ne sais pas', brandOwner: 'Propriétaire de la marque',
    distributor: 'Distributeur', progress: 'Questions avec réponse', language: 'Langue',
  },
};

export class AssessmentPage {
  /** `lang`: the language the app is expected to speak ('en', 'de' or 'fr'). */
  constructor(page, lang = 'en') {
    this.page = page;
    this.lang = lang;
    this.ui = UI[lang];
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

  /** Answers the current section page with `levelOf(sectionId, i)`, then presses Next / See results. */
  async answerSection(sectionIndex, levelOf) {
    const section = content.sections[sectionIndex];
    await expect(this.heading(this.text(section.title))).toBeVisible();
    for (let i = 0; i < section.items.length; i++) {
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

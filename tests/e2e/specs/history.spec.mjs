import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { AssessmentPage, MSG, asked, askedCount, content, en, expectedScores } from './app.mjs';

test('keep several assessments: rename, retake with previous answers, compare', async ({ page }) => {
  const app = new AssessmentPage(page);
  await app.complete(() => 3);
  await app.nav('My assessments');
  const untitled = app.record('Untitled assessment');
  await expect(untitled).toContainText('Overall 50 % Developing');
  await untitled.getByRole('button', { name: 'Rename' }).click();
  await untitled.getByRole('textbox', { name: 'Name' }).fill('Acme Distribution – Germany');
  await untitled.getByRole('button', { name: 'Save name' }).click();
  const acme = app.record('Acme Distribution – Germany');
  await expect(acme).toBeVisible();
  // Retake, starting from the previous answers.
  await acme.getByRole('button', { name: 'Retake' }).click();
  const dialog = page.getByRole('dialog', { name: 'Retake this assessment' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Start from the previous answers' }).click();
  await expect(app.heading('The Relationship')).toBeVisible();
  await expect(app.progressbar()).toHaveAttribute('aria-valuenow', String(askedCount('brand_owner')));
  for (let i = 0; i < content.sections[0].items.length; i++) await app.answer(0, i, 5);
  for (let s = 0; s < 4; s++) await page.getByRole('button', { name: s === 3 ? 'See results' : 'Next' }).click();
  // (100 + 50 + 50 + 50) / 4 = 62.5 -> 63 %
  await expect(page.getByText('Overall 63 % Developing')).toBeVisible();
  await app.nav('My assessments');
  await expect(app.record('Acme Distribution – Germany')).toHaveCount(2);
  await page.getByRole('button', { name: 'Compare over time' }).click();
  await expect(app.heading('Change over time: \u2068Acme Distribution – Germany\u2069')).toBeVisible();
  const table = page.getByRole('table', { name: 'Section scores, earlier and later' });
  await expect(table.getByRole('row', { name: 'The Relationship 50 % 100 % +50' })).toBeVisible();
  await expect(table.getByRole('row', { name: 'Overall 50 % 63 % +13' })).toBeVisible();
  // Every question of the first section asked of a brand owner moved from 3 to 5.
  const moved = content.sections[0].items.filter((i) => asked(i, 'brand_owner')).length;
  await expect(page.getByRole('heading', { name: `${moved} answers changed` })).toBeVisible();
  await expect(page.getByText('3 Defined → 5 Embedded / best practice').first()).toBeVisible();
  await expect(page.getByRole('img', { name: 'Section scores, earlier and later (0 to 100 %)' })).toBeVisible();
});

test('delete shows an undo notice that puts the assessment back', async ({ page }) => {
  const app = new AssessmentPage(page);
  await app.complete(() => 2);
  await app.nav('My assessments');
  await app.record('Untitled assessment').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('Deleted “\u2068Untitled assessment\u2069”.')).toBeVisible();
  await expect(page.getByText('No saved assessments yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(app.record('Untitled assessment')).toContainText('Overall 25 % Transactional');
});

test('export, then import into an empty browser, round trip; a second import is a duplicate', async ({ page }, testInfo) => {
  const app = new AssessmentPage(page);
  await app.complete((sid) => (sid === 'TRU' ? 1 : 4));
  await app.complete(() => 5, 'Distributor');
  await app.nav('My assessments');
  const file = testInfo.outputPath('export.json');
  const download = await app.download(page.getByRole('button', { name: 'Export all (JSON)' }), file);
  expect(download.suggestedFilename()).toMatch(/^distributor-assessments-\d{4}-\d\d-\d\d\.json$/);
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  expect(exported.records).toHaveLength(2);
  // A new, empty browser.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.getByText('No saved assessments yet.')).toBeVisible();
  await page.getByLabel('Import JSON files').setInputFiles(file);
  await expect(app.status('Imported 2 assessments.')).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(2);
  await expect(page.getByRole('article').filter({ hasText: 'Overall 100 % Partnership' })).toHaveCount(1);
  const trustLow = expectedScores((sid) => (sid === 'TRU' ? 1 : 4)).overallText;
  expect(trustLow).toMatch(/\(at risk\)$/);
  await expect(page.getByRole('article').filter({ hasText: trustLow })).toHaveCount(1);
  await page.getByLabel('Import JSON files').setInputFiles(file);
  await expect(page.getByText('is already saved here, unchanged.')).toHaveCount(2);
  await expect(page.getByRole('article')).toHaveCount(2);
});

test('an import never overwrites without asking: keep both, replace, skip', async ({ page }, testInfo) => {
  const app = new AssessmentPage(page);
  await app.complete(() => 3);
  await app.nav('My assessments');
  const file = testInfo.outputPath('one.json');
  await app.download(app.record('Untitled assessment').getByRole('button', { name: 'Export JSON' }), file);
  const rename = async (from, to) => {
    await app.record(from).getByRole('button', { name: 'Rename' }).click();
    await page.getByRole('textbox', { name: 'Name' }).fill(to);
    await page.getByRole('button', { name: 'Save name' }).click();
    await expect(app.record(to)).toBeVisible();
  };
  const input = page.getByLabel('Import JSON files');
  const dialog = page.getByRole('dialog', { name: 'Some of these assessments are already here' });
  // Puts another report in place, so that each choice is seen to write its own.
  const otherReport = async () => {
    await input.setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('nope') });
    await expect(app.status('\u2068x.json\u2069: not imported')).toBeVisible();
  };

  // Keep both, with the file dropped on the import area (the drop reaches it from its control).
  await rename('Untitled assessment', 'Renamed here');
  const dataTransfer = await page.evaluateHandle((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], 'one.json', { type: 'application/json' }));
    return dt;
  }, readFileSync(file, 'utf8'));
  await input.dispatchEvent('drop', { dataTransfer });
  await expect(dialog).toContainText('Untitled assessment');
  await dialog.getByRole('button', { name: 'Keep both' }).click();
  await expect(app.status('Imported 1 assessment.')).toBeVisible();
  await expect(app.record('Renamed here')).toHaveCount(1);
  await expect(app.record('Untitled assessment')).toHaveCount(1);
  // Only one of the two still has the file's identity.
  await app.record('Untitled assessment').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('article')).toHaveCount(1);

  // Replace: the file's version takes the place of the saved one.
  await otherReport();
  await input.setInputFiles(file);
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Replace the saved ones' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.status('Imported 1 assessment.')).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(1);
  await expect(app.record('Untitled assessment')).toContainText('Overall 50 % Developing');
  await expect(app.record('Renamed here')).toHaveCount(0);

  // Skip: the saved one stays as it is; so does closing the dialog with Escape.
  await rename('Untitled assessment', 'Changed again');
  for (const how of ['button', 'Escape']) {
    await otherReport();
    await input.setInputFiles(file);
    await expect(dialog).toBeVisible();
    if (how === 'button') await dialog.getByRole('button', { name: 'Skip them' }).click();
    else await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(app.status('Nothing was imported.')).toContainText('1 assessment already saved here was skipped.');
    await expect(page.getByRole('article')).toHaveCount(1);
    await expect(app.record('Changed again')).toHaveCount(1);
  }
  await page.reload();
  await expect(app.record('Changed again')).toHaveCount(1);
  await expect(page.getByRole('article')).toHaveCount(1);
});

test('malformed, oversized and future-version files are refused with a reason tied to the control, nothing lost', async ({ page }) => {
  const app = new AssessmentPage(page);
  await app.complete(() => 4);
  await app.nav('My assessments');
  const record1 = JSON.parse(await page.evaluate(() => {
    const id = localStorage.getItem('dra.current');
    return localStorage.getItem(`dra.record.${id}`);
  }));
  const future = { ...record1, id: 'future-one', questionnaire: { ...record1.questionnaire, version: 7 } };
  const input = page.getByLabel('Import JSON files');
  await input.setInputFiles([
    { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "distributor-assessment-export", "records": [') },
    { name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(5 * 1024 * 1024 + 1, 32) },
    { name: 'future.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ format: 'distributor-assessment-export', version: 1, records: [future] })) },
    { name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{"name": "a survey"}') },
  ]);
  // The report is a status region (announced) and the file control's description: plain
  // words for each file (names isolated from the text around them), the detail behind them.
  const report = app.status('Nothing was imported.');
  const line = (file, text) => report.getByRole('listitem').filter({ hasText: `\u2068${file}\u2069: ${text}` });
  await expect(line('broken.json', 'not imported. This file is damaged')).toBeVisible();
  await expect(line('huge.json', 'not imported. This file is too large to import: 5.00 MB, more than the 5 MB limit.')).toBeVisible();
  await expect(line('future.json', 'assessment 1 not imported. This assessment was made with a newer version')).toContainText(
    `questionnaire version 7; this app has version ${content.version}`);
  await expect(line('other.json', 'not imported. This file is not an assessment export from this app.')).toContainText('no "format" field');
  const detail = line('broken.json', 'not imported').getByText('EOF while parsing');
  await expect(detail).toBeHidden();
  await line('broken.json', 'not imported').getByText('Details').click();
  await expect(detail).toBeVisible();
  await expect(input).toHaveAccessibleDescription(/^Choose or drop JSON files.*huge\.json\u2069: not imported\. This file is too large.*broken\.json\u2069: not imported\. This file is damaged.*future\.json.*other\.json/);
  await expect(page.getByRole('article')).toHaveCount(1);
  await expect(app.record('Untitled assessment')).toContainText('Overall 75 % Partnership');
});

test('a CSV export opens cleanly in a spreadsheet', async ({ page }, testInfo) => {
  const app = new AssessmentPage(page);
  await app.complete((sid, i) => (i === 0 && sid !== 'TRU' ? 'na' : 2));
  await app.nav('My assessments');
  const file = testInfo.outputPath('one.csv');
  const download = await app.download(app.record('Untitled assessment').getByRole('button', { name: 'Export CSV' }), file);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const text = readFileSync(file, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const lines = text.slice(1).trim().split('\r\n');
  // One row per question asked, and a row (no item id) per section whose band triggered
  // section-wide actions: every scored section here is Transactional (level 2 everywhere).
  const sectionRows = lines.filter((l) => /^"[^"]*","",/.test(l));
  expect(sectionRows.length).toBeGreaterThan(0);
  for (const row of sectionRows) expect(row).toMatch(/\(\d+ d\)"$/);
  expect(lines).toHaveLength(1 + askedCount('brand_owner') + sectionRows.length);
  expect(lines[0]).toBe('"Section","Item","Question","Level","Level name","Weight","Item score (%)","Actions"');
  expect(lines[1]).toBe(`"The Relationship","REL1","${en(content.sections[0].items[0].question)}","","Not applicable","3","",""`);
  expect(lines[2]).toContain('"2","Emerging","3","25","');
  // The actions a level-2 answer triggers, with their horizon.
  const rel2 = content.sections[0].actions.find((a) => a.when.item === 'REL2' && a.who !== 'distributor');
  expect(lines[2]).toContain(`${en(rel2.step)} (${rel2.horizon_days} d)`);
});

for (const [lang, locale] of [['de', 'de-DE'], ['fr', 'fr-FR']]) {
  test.describe(`exports made in ${lang}`, () => {
    test.use({ locale });

    test(`the CSV speaks ${lang} where the app translates, the JSON holds codes only`, async ({ page }, testInfo) => {
      const app = new AssessmentPage(page, lang);
      const m = MSG[lang];
      // Level 2 everywhere (so every scored section is Transactional and has its band actions), and
      // "Don't know" on a supporting practice a distributor is asked.
      const levelOf = (sid, i) => (sid === 'CHO' && content.sections[2].items[i].id === 'CHO3' ? 'dk' : 2);
      await app.complete(levelOf, app.ui.distributor);
      await app.nav(m.nav_history);

      // JSON: the same codes whatever the language; no translated word in the file.
      const json = testInfo.outputPath('all.json');
      const download = await app.download(page.getByRole('button', { name: m.export_all }), json);
      expect(download.suggestedFilename()).toMatch(/^distributor-assessments-\d{4}-\d\d-\d\d\.json$/);
      const exported = JSON.parse(readFileSync(json, 'utf8'));
      expect(exported.format).toBe('distributor-assessment-export');
      const [record] = exported.records;
      expect(record).toMatchObject({ label: '', perspective: 'distributor', page: 'results' });
      expect(record.answers.CHO3).toBe('dk');
      expect(record.answers.REL1).toBe('2');
      const raw = readFileSync(json, 'utf8');
      for (const word of [m.untitled_assessment, m.dont_know, content.level_names[1][lang], content.sections[0].title[lang]]) {
        expect(raw).not.toContain(word);
      }

      // CSV: English column names (so every export reads alike); the questionnaire in `lang`.
      const csv = testInfo.outputPath('one.csv');
      await app.download(app.record(m.untitled_assessment).getByRole('button', { name: m.export_csv }), csv);
      const lines = readFileSync(csv, 'utf8').slice(1).trim().split('\r\n');
      expect(lines[0]).toBe('"Section","Item","Question","Level","Level name","Weight","Item score (%)","Actions"');
      const rel = content.sections[0];
      const row = (id) => lines.find((l) => l.includes(`,"${id}",`));
      const rel1 = rel.items.findIndex((x) => x.id === 'REL1');
      expect(row('REL1').startsWith(
        `"${rel.title[lang]}","REL1","${rel.items[rel1].question[lang]}","2","${content.level_names[1][lang]}","${rel.items[rel1].weight}","25","`,
      )).toBe(true);
      const steps = rel.actions.filter((a) => a.when.item === 'REL1' && a.who !== 'brand_owner');
      expect(steps.length).toBeGreaterThan(0);
      for (const a of steps) expect(row('REL1')).toContain(`${a.step[lang]} (${a.horizon_days} d)`);
      // Every section's title and every question asked comes out in `lang`.
      for (const s of content.sections) {
        for (const item of s.items.filter((x) => asked(x, 'distributor'))) {
          expect(row(item.id)).toContain(`"${s.title[lang]}","${item.id}","${item.question[lang]}"`);
        }
      }
      // A section-wide action row, in `lang`.
      const bandRow = lines.find((l) => /^"[^"]*","",/.test(l));
      expect(bandRow).toBeDefined();
      const section = content.sections.find((s) => bandRow.startsWith(`"${s.title[lang]}",`));
      const bandSteps = section.actions.filter((a) => a.when.band).map((a) => a.step[lang]);
      expect(bandSteps.some((step) => bandRow.includes(step))).toBe(true);
      // Nothing of the English questionnaire is left in the file.
      const csvText = lines.join('\n');
      for (const s of content.sections) {
        expect(csvText).not.toContain(`"${en(s.title)}"`);
        for (const item of s.items) if (item.question[lang] !== en(item.question)) expect(csvText).not.toContain(en(item.question));
      }
    });
  });
}

test('a share link opens read-only elsewhere and can be saved; a cut-short link says so', async ({ page, browser }) => {
  const levelOf = (sid, i) => (sid === 'MOT' ? 'dk' : (i % 5) + 1);
  const app = new AssessmentPage(page);
  await app.complete(levelOf, 'Distributor');
  const link = await app.shareLink();
  const fragment = link.split('#')[1];
  expect(fragment.length).toBeLessThan(100);
  const want = expectedScores(levelOf, 'distributor');
  // Another browser: a fresh context with empty storage.
  const other = await browser.newContext();
  const page2 = await other.newPage();
  const app2 = new AssessmentPage(page2);
  await page2.goto(link);
  await expect(app2.heading('Shared result')).toBeVisible();
  await expect(page2.getByText(`Overall ${want.overall} %`)).toBeVisible();
  await expect(page2.getByText('answered as distributor')).toBeVisible();
  await expect(page2.getByRole('button', { name: 'Edit answers' })).toHaveCount(0);
  await page2.getByRole('textbox', { name: 'Name (optional)' }).fill('From a colleague');
  await page2.getByRole('button', { name: 'Save to my assessments' }).click();
  await expect(app2.heading('My assessments')).toBeVisible();
  await expect(app2.record('From a colleague')).toContainText(`Overall ${want.overall} %`);
  // The same link, cut short.
  await page2.goto(link.slice(0, link.length - 10));
  await expect(app2.heading('This link cannot be opened')).toBeVisible();
  await expect(page2.getByRole('alert')).toContainText('This link is incomplete');
  await other.close();
});

test('print shows a short report, with its actions, without buttons', async ({ page }, testInfo) => {
  const app = new AssessmentPage(page);
  await app.complete((sid) => (sid === 'CHO' ? 2 : 4));
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { name: 'What to do next' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Weakest practices' })).toBeVisible();
  // Each section's text is on paper; how to read a result stays on the screen (two or three pages).
  await expect(page.getByRole('heading', { name: /^Choice & Getting the Most: \d+ %/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'How to read this result' })).toBeHidden();
  await expect(page.getByText(/^Overall \d+ %/)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Section scores' })).toBeVisible();
  for (const name of ['Edit answers', 'Print / Save as PDF', 'Copy share link', 'Start again']) {
    await expect(page.getByRole('button', { name })).toBeHidden();
  }
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await page.screenshot({ path: testInfo.outputPath('print.png'), fullPage: true });
  for (const format of ['A4', 'Letter']) {
    const pdf = (await page.pdf({ format, printBackground: true })).toString('latin1');
    const pages = pdf.match(/\/Type\s*\/Page[^s]/g) ?? [];
    // A short report: two or three pages (product.md).
    expect(pages.length, `${format} pages`).toBeGreaterThanOrEqual(1);
    expect(pages.length, `${format} pages`).toBeLessThanOrEqual(3);
  }
});

test('two tabs stay consistent: the later save of a record wins and the other tab shows it', async ({ context }) => {
  const a = await context.newPage();
  const app = new AssessmentPage(a);
  await app.complete(() => 3);
  await a.getByRole('button', { name: 'Edit answers' }).click();
  const b = await context.newPage();
  await b.goto('/');
  const appB = new AssessmentPage(b);
  await expect(appB.heading('The Relationship')).toBeVisible();
  await app.answer(0, 0, 5);
  await expect(appB.question(0, 0).getByRole('radio', { name: /^5 Embedded/ })).toBeChecked();
  await expect(appB.status('changed in another tab')).toBeVisible();
  // And the other way round.
  await appB.answer(0, 1, 1);
  await expect(app.question(0, 1).getByRole('radio', { name: new RegExp(`^1 ${content.level_names[0].en}`) })).toBeChecked();
});

test('an assessment deleted in another tab is not written back by this one', async ({ context }) => {
  const a = await context.newPage();
  const app = new AssessmentPage(a);
  await app.complete(() => 3);
  const b = await context.newPage();
  const appB = new AssessmentPage(b);
  await b.goto('/#/history');
  await appB.record('Untitled assessment').getByRole('button', { name: 'Delete' }).click();
  await expect(app.status('deleted in another tab')).toBeVisible();
  await b.reload();
  await expect(b.getByText('No saved assessments yet.')).toBeVisible();
});

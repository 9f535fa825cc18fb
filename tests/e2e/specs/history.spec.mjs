import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { AssessmentPage, asked, askedCount, content, en, expectedScores } from './app.mjs';

/** Completes an assessment answering every item with `levelOf`. */
async function complete(page, levelOf, perspective = 'Brand owner') {
  const app = new AssessmentPage(page);
  await app.open();
  // Whatever is on screen (a finished assessment, one in progress), begin a new one.
  if (await page.getByRole('button', { name: 'Start again' }).isVisible()) {
    await page.getByRole('button', { name: 'Start again' }).click();
  }
  if (await page.getByRole('button', { name: 'Start a new assessment' }).isVisible()) {
    await page.getByRole('button', { name: 'Start a new assessment' }).click();
  }
  await app.start(perspective);
  await app.answerAll(levelOf);
  return app;
}

async function myAssessments(page) {
  await page.getByRole('link', { name: 'My assessments' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My assessments' })).toBeVisible();
}

const record = (page, name) => page.getByRole('article', { name });

test('keep several assessments: rename, retake with previous answers, compare', async ({ page }) => {
  await complete(page, () => 3);
  await myAssessments(page);
  const untitled = record(page, 'Untitled assessment');
  await expect(untitled).toContainText('Overall 50 % Developing');
  await untitled.getByRole('button', { name: 'Rename' }).click();
  await untitled.getByRole('textbox', { name: 'Name' }).fill('Acme Distribution – Germany');
  await untitled.getByRole('button', { name: 'Save name' }).click();
  const acme = record(page, 'Acme Distribution – Germany');
  await expect(acme).toBeVisible();
  // Retake, starting from the previous answers.
  await acme.getByRole('button', { name: 'Retake' }).click();
  const dialog = page.getByRole('dialog', { name: 'Retake this assessment' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Start from the previous answers' }).click();
  const app = new AssessmentPage(page);
  await expect(app.heading('The Relationship')).toBeVisible();
  await expect(app.progressbar()).toHaveAttribute('aria-valuenow', String(askedCount('brand_owner')));
  for (let i = 0; i < content.sections[0].items.length; i++) await app.answer(0, i, 5);
  for (let s = 0; s < 4; s++) await page.getByRole('button', { name: s === 3 ? 'See results' : 'Next' }).click();
  // (100 + 50 + 50 + 50) / 4 = 62.5 -> 63 %
  await expect(page.getByText('Overall 63 % Developing')).toBeVisible();
  await myAssessments(page);
  await expect(page.getByRole('article', { name: 'Acme Distribution – Germany' })).toHaveCount(2);
  await page.getByRole('button', { name: 'Compare two' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Compare assessments' })).toBeVisible();
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
  await complete(page, () => 2);
  await myAssessments(page);
  await record(page, 'Untitled assessment').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('Deleted “\u2068Untitled assessment\u2069”.')).toBeVisible();
  await expect(page.getByText('No saved assessments yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(record(page, 'Untitled assessment')).toContainText('Overall 25 % Transactional');
});

test('export, then import into an empty browser, round trip; a second import is a duplicate', async ({ page }, testInfo) => {
  await complete(page, (sid) => (sid === 'TRU' ? 1 : 4));
  await complete(page, () => 5, 'Distributor');
  await myAssessments(page);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export all (JSON)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^distributor-assessments-\d{4}-\d\d-\d\d\.json$/);
  const file = testInfo.outputPath('export.json');
  await download.saveAs(file);
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  expect(exported.records).toHaveLength(2);
  // A new, empty browser.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.getByText('No saved assessments yet.')).toBeVisible();
  await page.getByLabel('Import JSON files').setInputFiles(file);
  await expect(page.getByRole('status').filter({ hasText: 'Imported 2 assessments.' })).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(2);
  await expect(page.getByRole('article').filter({ hasText: 'Overall 100 % Partnership' })).toHaveCount(1);
  const trustLow = expectedScores((sid) => (sid === 'TRU' ? 1 : 4)).overallText;
  expect(trustLow).toMatch(/\(at risk\)$/);
  await expect(page.getByRole('article').filter({ hasText: trustLow })).toHaveCount(1);
  await page.getByLabel('Import JSON files').setInputFiles(file);
  await expect(page.getByText('is already saved here, unchanged.')).toHaveCount(2);
  await expect(page.getByRole('article')).toHaveCount(2);
});

test('an import never overwrites without asking: keep both', async ({ page }, testInfo) => {
  await complete(page, () => 3);
  await myAssessments(page);
  const downloading = page.waitForEvent('download');
  await record(page, 'Untitled assessment').getByRole('button', { name: 'Export JSON' }).click();
  const file = testInfo.outputPath('one.json');
  await (await downloading).saveAs(file);
  await record(page, 'Untitled assessment').getByRole('button', { name: 'Rename' }).click();
  await page.getByRole('textbox', { name: 'Name' }).fill('Renamed here');
  await page.getByRole('button', { name: 'Save name' }).click();
  // Drop the file on the import area.
  const text = readFileSync(file, 'utf8');
  const dataTransfer = await page.evaluateHandle((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], 'one.json', { type: 'application/json' }));
    return dt;
  }, text);
  await page.locator('.dra-import').dispatchEvent('drop', { dataTransfer });
  const dialog = page.getByRole('dialog', { name: 'Some of these assessments are already here' });
  await expect(dialog).toContainText('Untitled assessment');
  await dialog.getByRole('button', { name: 'Keep both' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported 1 assessment.' })).toBeVisible();
  await expect(record(page, 'Renamed here')).toHaveCount(1);
  await expect(record(page, 'Untitled assessment')).toHaveCount(1);
});

test('malformed, oversized and future-version files are refused with a reason, nothing lost', async ({ page }) => {
  await complete(page, () => 4);
  await myAssessments(page);
  const record1 = JSON.parse(await page.evaluate(() => {
    const id = localStorage.getItem('dra.current');
    return localStorage.getItem(`dra.record.${id}`);
  }));
  const future = { ...record1, id: 'future-one', questionnaire: { ...record1.questionnaire, version: 7 } };
  await page.getByLabel('Import JSON files').setInputFiles([
    { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "distributor-assessment-export", "records": [') },
    { name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(5 * 1024 * 1024 + 1, 32) },
    { name: 'future.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ format: 'distributor-assessment-export', version: 1, records: [future] })) },
    { name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{"name": "a survey"}') },
  ]);
  const report = page.locator('.dra-import__report');
  // Plain words for each file (names isolated from the text around them), the detail behind them.
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
  await expect(report).toContainText('Nothing was imported.');
  await expect(page.getByRole('article')).toHaveCount(1);
  await expect(record(page, 'Untitled assessment')).toContainText('Overall 75 % Partnership');
});

test('a CSV export opens cleanly in a spreadsheet', async ({ page }, testInfo) => {
  await complete(page, (sid, i) => (i === 0 && sid !== 'TRU' ? 'na' : 2));
  await myAssessments(page);
  const downloading = page.waitForEvent('download');
  await record(page, 'Untitled assessment').getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const file = testInfo.outputPath('one.csv');
  await download.saveAs(file);
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

test('a share link opens read-only elsewhere and can be saved; a cut-short link says so', async ({ page, browser }) => {
  const levelOf = (sid, i) => (sid === 'MOT' ? 'dk' : (i % 5) + 1);
  await complete(page, levelOf, 'Distributor');
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  const fragment = link.split('#')[1];
  expect(fragment.length).toBeLessThan(100);
  const want = expectedScores(levelOf, 'distributor');
  // Another browser: a fresh context with empty storage.
  const other = await browser.newContext();
  const page2 = await other.newPage();
  await page2.goto(link);
  await expect(page2.getByRole('heading', { level: 1, name: 'Shared result' })).toBeVisible();
  await expect(page2.getByText(`Overall ${want.overall} %`)).toBeVisible();
  await expect(page2.getByText('answered as distributor')).toBeVisible();
  await expect(page2.getByRole('button', { name: 'Edit answers' })).toHaveCount(0);
  await page2.getByRole('textbox', { name: 'Name (optional)' }).fill('From a colleague');
  await page2.getByRole('button', { name: 'Save to my assessments' }).click();
  await expect(page2.getByRole('heading', { level: 1, name: 'My assessments' })).toBeVisible();
  await expect(record(page2, 'From a colleague')).toContainText(`Overall ${want.overall} %`);
  // The same link, cut short.
  await page2.goto(link.slice(0, link.length - 10));
  await expect(page2.getByRole('heading', { level: 1, name: 'This link cannot be opened' })).toBeVisible();
  await expect(page2.getByRole('alert')).toContainText('This link is incomplete');
  await other.close();
});

test('print shows a short report, with its actions, without buttons', async ({ page }, testInfo) => {
  await complete(page, (sid) => (sid === 'CHO' ? 2 : 4));
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { name: 'What to do next' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Weakest practices' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'How to read this result' })).toBeVisible();
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
  const app = await complete(a, () => 3);
  await a.getByRole('button', { name: 'Edit answers' }).click();
  const b = await context.newPage();
  await b.goto('/');
  const appB = new AssessmentPage(b);
  await expect(appB.heading('The Relationship')).toBeVisible();
  await app.answer(0, 0, 5);
  await expect(appB.question(0, 0).getByRole('radio', { name: /^5 Embedded/ })).toBeChecked();
  await expect(b.getByRole('status').filter({ hasText: 'changed in another tab' })).toBeVisible();
  // And the other way round.
  await appB.answer(0, 1, 1);
  await expect(app.question(0, 1).getByRole('radio', { name: new RegExp(`^1 ${content.level_names[0].en}`) })).toBeChecked();
});

test('an assessment deleted in another tab is not written back by this one', async ({ context }) => {
  const a = await context.newPage();
  await complete(a, () => 3);
  const b = await context.newPage();
  await b.goto('/#/history');
  await record(b, 'Untitled assessment').getByRole('button', { name: 'Delete' }).click();
  await expect(a.getByRole('status').filter({ hasText: 'deleted in another tab' })).toBeVisible();
  await b.reload();
  await expect(b.getByText('No saved assessments yet.')).toBeVisible();
});

test('the import report is tied to the file control and announced', async ({ page }) => {
  await page.goto('/#/history');
  const input = page.getByLabel('Import JSON files');
  await input.setInputFiles([{ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('nope') }]);
  const report = page.getByRole('status').filter({ hasText: '\u2068x.json\u2069: not imported' });
  await expect(report).toBeVisible();
  await expect(input).toHaveAccessibleDescription(/Choose or drop JSON files.*x\.json\u2069: not imported\. This file is damaged/);
});

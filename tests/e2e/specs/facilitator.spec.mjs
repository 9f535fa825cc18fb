// The facilitator's room: seven people from both companies, by file and by link, counted once;
// charts whose bars are as long as their values; a deck that fits a projector; a printout with
// every column; an empty workshop that says what to do.
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
import { AssessmentPage, MSG, content, en, fill, pdfPages } from './app.mjs';

const fixture = (name) =>
  readFileSync(new URL(`../../../assessment/tests/fixtures/v1/${name}`, import.meta.url), 'utf8');
const v1Done = JSON.parse(fixture('export.json')).records.find((r) => r.id === 'v1-done-19c2');
/** Version 1's item ids, sorted as share links order them. */
const V1_IDS = Object.keys(v1Done.answers).sort();

// A share link written here, independently of the app, by the format's description
// (assessment/src/share.rs): 3 bits per answer, two per base64url character, FNV-1a checksum.
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
function fnv1a(text) {
  let h = 0x811c9dc5;
  for (const b of Buffer.from(text)) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h;
}
function v1Link(record) {
  const code = (a) => (a === undefined ? 0 : a === 'na' ? 6 : a === 'dk' ? 7 : Number(a));
  const codes = V1_IDS.map((id) => code(record.answers[id]));
  let packed = '';
  for (let i = 0; i < codes.length; i += 2) packed += B64[codes[i] * 8 + (codes[i + 1] ?? 0)];
  const who = { brand_owner: 'b', distributor: 'd' }[record.perspective] ?? 'x';
  const body = `1.${content.id}.1.${who}.${packed}`;
  const h = fnv1a(body);
  let sum = '';
  for (let i = 5; i >= 0; i--) sum += B64[Math.floor(h / 2 ** (i * 6)) % 64];
  return `https://example.org/assessment/#r=${body}.${sum}`;
}

/** Seven people answering version 1: four brand owners, then three distributors. */
const PEOPLE = Array.from({ length: 7 }, (_, k) => {
  const answers = {};
  V1_IDS.forEach((id, i) => (answers[id] = String(((k + i) % 5) + 1)));
  return {
    ...v1Done,
    id: `v1-person-${k}`,
    label: `Person ${k}`,
    perspective: k < 4 ? 'brand_owner' : 'distributor',
    answers,
    created: 1763000000000 + k,
    updated: 1763000000000 + k,
  };
});
const file = (k) => ({
  name: `person-${k}.json`,
  mimeType: 'application/json',
  buffer: Buffer.from(JSON.stringify({ format: 'distributor-assessment-export', version: 1, exported: 1, records: [PEOPLE[k]] })),
});

async function room(page, name = 'Seven') {
  const app = new AssessmentPage(page);
  await app.createWorkshop(name);
  await page.getByLabel(app.m.add_result_files).setInputFiles(PEOPLE.map((_, k) => file(k)));
  await expect(app.status(fill(app.m.ws_added.split('|')[1], { n: 7 }))).toBeVisible();
  return app;
}

test('the link encoder here writes the v1 fixture link', () => {
  expect(v1Link(v1Done).split('#r=')[1]).toBe(fixture('share-link.txt').trim());
});

test('seven people by file, then three of them by link, are seven participants', async ({ page }) => {
  const app = await room(page);
  await expect(page.getByText('7 participants: 4 brand owner, 3 distributor')).toBeVisible();
  // Persons 1, 4 and 6 also send their links.
  await app.addLinks([1, 4, 6].map((k) => v1Link(PEOPLE[k])).join('\n'));
  const report = app.status('3 not added: already here, or look like someone who is.');
  await expect(report).toContainText('No participant was added.');
  await expect(report).toContainText('Link on line 1: looks like Participant 2 (the same side and the same answers), so it was not added.');
  await expect(report).toContainText('Link on line 2: looks like Participant 5');
  await expect(report).toContainText('Link on line 3: looks like Participant 7');
  await expect(page.getByText('7 participants: 4 brand owner, 3 distributor')).toBeVisible();

  // Another distributor answered exactly like person 4: the facilitator adds them anyway.
  await report.getByRole('button', { name: 'Add anyway: Link on line 2' }).click();
  await expect(report).toContainText('Link on line 2: added anyway, as Participant 8.');
  await expect(report.getByRole('button', { name: 'Add anyway: Link on line 2' })).toHaveCount(0);
  await expect(page.getByText('8 participants: 4 brand owner, 4 distributor')).toBeVisible();
  await page.reload();
  await expect(page.getByText('8 participants: 4 brand owner, 4 distributor')).toBeVisible();
  await page.getByRole('button', { name: 'Remove participant 8' }).click();
  await expect(page.getByText('7 participants: 4 brand owner, 3 distributor')).toBeVisible();

  // The same files again are the same assessments.
  await page.getByLabel(app.m.add_result_files).setInputFiles([file(0)]);
  await expect(app.status('already in this workshop as Participant 1 (the same assessment)')).toBeVisible();
  await expect(page.getByText('7 participants: 4 brand owner, 3 distributor')).toBeVisible();
});

test('links first, then the files: still seven', async ({ page }) => {
  const app = new AssessmentPage(page);
  await app.createWorkshop('Links first');
  await app.addLinks(PEOPLE.map((p) => v1Link(p)).join('\n'));
  await expect(app.status('Added 7 participants.')).toBeVisible();
  await page.getByLabel(app.m.add_result_files).setInputFiles(PEOPLE.map((_, k) => file(k)));
  await expect(app.status('7 not added')).toBeVisible();
  await expect(app.status('person-3.json\u2069: looks like Participant 4')).toBeVisible();
  await expect(page.getByText('7 participants: 4 brand owner, 3 distributor')).toBeVisible();
});

/** Every drawn bar's length against its value, on its chart's one scale. */
async function expectBarsToScale(page) {
  const hist = await page.locator('.dra-hist__plot').evaluateAll((plots) =>
    plots.flatMap((p) =>
      [...p.querySelectorAll('.dra-hist__bar')].map((b) => ({
        value: Number(b.dataset.value),
        scale: Number(p.dataset.scale),
        length: b.getBoundingClientRect().height,
        track: b.parentElement.getBoundingClientRect().height,
      })),
    ),
  );
  const mirror = await page.locator('.dra-mirror').evaluateAll((charts) =>
    charts.flatMap((c) =>
      [...c.querySelectorAll('.dra-mirror__bar')].map((b) => ({
        value: Number(b.dataset.value),
        scale: Number(c.dataset.scale),
        length: b.getBoundingClientRect().width,
        track: b.parentElement.getBoundingClientRect().width,
        chart: c,
      })),
    ),
  );
  expect(hist.length).toBeGreaterThan(20);
  expect(mirror.length).toBeGreaterThan(1);
  for (const b of [...hist, ...mirror]) {
    expect(b.track).toBeGreaterThan(20);
    expect(Math.abs(b.length - (b.track * b.value) / b.scale)).toBeLessThan(1);
  }
  // One scale per chart: every track of a chart is equally long.
  const tracks = await page.locator('.dra-mirror').evaluateAll((charts) =>
    charts.map((c) => [...c.querySelectorAll('.dra-mirror__track')].map((t) => Math.round(t.getBoundingClientRect().width))),
  );
  for (const widths of tracks) expect(new Set(widths).size).toBe(1);
}

test('bars are as long as their values, split by side, with the numbers in a table', async ({ page }) => {
  const app = await room(page);
  for (const size of [{ width: 1366, height: 768 }, { width: 390, height: 844 }]) {
    await page.setViewportSize(size);
    await expectBarsToScale(page);
  }
  // The most divided question's histogram: both sides, with their counts drawn and tabled.
  const divided = page.getByRole('region', { name: 'Where people disagree most' });
  const first = divided.getByRole('listitem').first();
  const table = first.getByRole('table', { name: /^Answers by level: / });
  const drawn = await first.locator('.dra-hist__level').evaluateAll((levels) =>
    levels.map((l) => [...l.querySelectorAll('.dra-hist__count')].map((c) => c.textContent)),
  );
  const rows = ['Brand owner', 'Distributor'];
  for (const [s, name] of rows.entries()) {
    const cells = await table.getByRole('row', { name: new RegExp(`^${name}`) }).getByRole('cell').allTextContents();
    expect(cells.slice(0, 5)).toEqual(drawn.map((level) => level[s]));
  }
  // Together, the sides' counts are everyone's.
  const total = drawn.flat().reduce((a, b) => a + Number(b), 0);
  expect(total).toBeLessThanOrEqual(7);
  expect(total).toBeGreaterThan(0);
  // The perception gaps as a mirror chart with its table.
  await expect(page.getByRole('table', { name: 'Perception gaps by question: brand owner and distributor mean levels' })).toBeVisible();
  expect(app).toBeTruthy();
});

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

/** Whether anything on the current slide scrolls or sticks out of the viewport. */
async function overflow(page) {
  return page.evaluate(() => {
    const out = [];
    const doc = document.scrollingElement;
    if (doc.scrollHeight > innerHeight || doc.scrollWidth > innerWidth) out.push(`document ${doc.scrollWidth}x${doc.scrollHeight}`);
    for (const sel of ['.dra-deck', '.dra-deck__frame', '.dra-slide', '.dra-slide__body', '.dra-slide__split > *', '.dra-deck__bar']) {
      for (const el of document.querySelectorAll(sel)) {
        if (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1) {
          out.push(`${sel} ${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight}`);
        }
        const r = el.getBoundingClientRect();
        if (r.bottom > innerHeight + 1 || r.right > innerWidth + 1) out.push(`${sel} outside the viewport`);
      }
    }
    return out;
  });
}

for (const lang of ['en', 'de']) {
  test(`every slide fits 1024x768, 1366x768 and 1920x1080 without scrolling (${lang})`, async ({ page }) => {
    test.slow();
    const app = await room(page, 'Projector');
    if (lang === 'de') await page.goto(`${page.url().split('?')[0].replace(/#.*/, '')}?lang=de${new URL(page.url()).hash}`);
    const m = MSG[lang];
    await page.getByRole('button', { name: m.present, exact: true }).click();
    const deck = page.getByRole('region', { name: fill(m.slides_of, { name: 'Projector' }) });
    await expect(deck).toBeVisible();
    const total = 3 + content.sections.length + 1;
    for (let n = 1; n <= total; n++) {
      await expect(deck.getByText(fill(m.slide_of, { n, total }))).toBeVisible();
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await expect.poll(() => overflow(page), { message: `slide ${n} at ${size.width}x${size.height}` }).toEqual([]);
      }
      if (lang === 'en') {
        // Type to read from the back of the room at 1366x768.
        await page.setViewportSize(SIZES[1]);
        const body = await deck.locator('.dra-slide p, .dra-slide li, .dra-slide dd, .dra-slide .dra-mirror__name').evaluateAll((els) =>
          els.map((e) => parseFloat(getComputedStyle(e).fontSize)),
        );
        expect(Math.max(...body)).toBeGreaterThanOrEqual(24);
        const title = await deck.getByRole('heading', { level: 1 }).evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
        expect(title).toBeGreaterThanOrEqual(40);
      }
      await page.keyboard.press('ArrowRight');
    }
    // The perception gaps have their slide, as a mirror chart.
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await expect(deck.getByRole('heading', { level: 1, name: m.gaps_heading })).toBeVisible();
    await expect(deck.getByRole('table', { name: m.gaps_questions_table })).toBeAttached();
    await expect(deck.locator('.dra-mirror__bar').first()).toBeVisible();
    expect(app).toBeTruthy();
  });
}

test('the slide title gets focus without a ring; the buttons keep theirs', async ({ page }) => {
  await room(page, 'Focus');
  await page.getByRole('button', { name: 'Present' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  const title = page.getByRole('heading', { level: 1, name: 'Perception gaps' });
  await expect(title).toBeFocused();
  expect(await title.evaluate((e) => getComputedStyle(e).outlineStyle)).toBe('none');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('heading', { level: 1, name: 'Where people disagree most' })).toBeFocused();
  expect(await page.getByRole('heading', { level: 1 }).evaluate((e) => getComputedStyle(e).outlineStyle)).toBe('none');
  await page.keyboard.press('Tab');
  const next = page.getByRole('button', { name: 'Previous' });
  await expect(next).toBeFocused();
  expect(await next.evaluate((e) => getComputedStyle(e).outlineStyle)).not.toBe('none');
});

test('axe finds nothing on any slide, light or dark', async ({ page }) => {
  test.slow();
  await room(page, 'Axe');
  await page.getByRole('button', { name: 'Present' }).click();
  const total = 3 + content.sections.length + 1;
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.keyboard.press('Home');
    for (let n = 1; n <= total; n++) {
      await expect(page.getByText(`slide ${n} of ${total}`)).toBeVisible();
      const axe = await new AxeBuilder({ page }).analyze();
      expect(axe.violations.map((v) => `${scheme} slide ${n} ${v.id}: ${v.nodes.map((x) => x.target.join(' ')).join(', ')}`)).toEqual([]);
      await page.keyboard.press('ArrowRight');
    }
  }
});

async function pdfText(buffer) {
  return (await pdfPages(buffer)).map((runs) => runs.join(' ')).join('\n').replace(/\s+/g, ' ');
}

test('the printed workshop keeps every column', async ({ page }) => {
  const app = await room(page, 'Printed');
  await page.emulateMedia({ media: 'print' });
  const text = await pdfText(await page.pdf({ preferCSSPageSize: true }));
  const m = app.m;
  for (const header of [m.col_section, m.col_mean, m.col_range, m.brand_owner, m.distributor, m.not_applicable, m.dont_know]) {
    expect(text).toContain(header);
  }
  // The overview's last column is there for every section.
  expect(text).toContain(en(content.sections[3].title));
  for (const header of [m.gaps_questions_table, 'Answers by level']) expect(text).toContain(header);
});

test('on a phone in German, a wide table shows that it scrolls and long words hyphenate', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const app = await room(page, 'Telefon');
  await page.goto(`/?lang=de${new URL(page.url()).hash}`);
  const de = MSG.de;
  const wrap = page.getByRole('region', { name: de.ws_table });
  await expect(wrap).toBeVisible();
  const look = await wrap.evaluate((e) => ({
    scrolls: e.scrollWidth > e.clientWidth,
    shadow: getComputedStyle(e).backgroundImage,
    hyphens: getComputedStyle(e.querySelector('th')).hyphens,
    lang: document.documentElement.lang,
  }));
  expect(look.scrolls).toBe(true);
  expect(look.shadow).toContain('radial-gradient');
  expect(look.hyphens).toBe('auto');
  expect(look.lang).toBe('de');
  // The page itself never scrolls sideways.
  expect(await page.evaluate(() => document.scrollingElement.scrollWidth <= innerWidth)).toBe(true);
  expect(app).toBeTruthy();
});

test('an empty workshop says what to do, and a foreign link is called that', async ({ page }) => {
  const app = new AssessmentPage(page);
  await app.createWorkshop('Empty');
  const steps = page.getByRole('region', { name: 'No one has been added yet' });
  await expect(steps.getByRole('listitem')).toHaveCount(3);
  await expect(steps).toContainText('Send the participants the assessment link:');
  await expect(steps.getByRole('button', { name: 'Copy link' })).toBeVisible();
  for (const absent of ['Present', 'Export summary (CSV)', 'Print']) {
    await expect(page.getByRole('button', { name: absent, exact: true })).toHaveCount(0);
  }
  await expect(page.getByText(/not assessed/)).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Overview' })).toHaveCount(0);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);

  await app.addLinks('https://example.com/some/page\nhello');
  const report = app.status('No participant was added.');
  await expect(report).toContainText('Link on line 1: not imported. This is not a link to an assessment from this app.');
  await expect(report).toContainText('Link on line 2: not imported. This is not a link to an assessment from this app.');
  await expect(report).not.toContainText('newer version');
  await expect(page.getByRole('button', { name: 'Present', exact: true })).toHaveCount(0);
});

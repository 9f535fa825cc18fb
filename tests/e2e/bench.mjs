// The benchmark behind `cargo xtask bench`: the release bundle's size (raw, gzip -9, brotli -q 11),
// every file it ships (the main module, each chunk loaded on demand, the styles and scripts), and
// the median cold-load time to the first rendered control (the welcome page's side choice) in
// headless Chromium. What comes over the wire until the first question is measured in
// bench-surveyjs.mjs, beside SurveyJS.
// Usage: node bench.mjs [dist dir] [loads]. Figures are printed, never asserted.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { chromium } from 'playwright-core';
import { launchOptions } from './chromium.mjs';
import { serve } from './serve.mjs';

const dist = process.argv[2] ?? '../../dist';
const loads = Number(process.argv[3] ?? 15);
// Everything the app ships, all chunks and languages (issue 14; SurveyJS needs 318 KiB).
const BUDGET = 280 * 1024;

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
// Every file the app serves; embed.js is for host pages, not part of the app.
const files = readdirSync(dist).filter(
  (f) => statSync(join(dist, f)).isFile() && !/\.(br|gz)$/.test(f) && f !== 'embed.js',
);
const rows = files.map((f) => {
  const body = readFileSync(join(dist, f));
  return {
    file: f.replace(/-[0-9a-f]{8,16}(?=[._])/, ''),
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }).length,
  };
});
rows.sort((a, b) => b.brotli - a.brotli);
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), {
  raw: 0,
  gzip: 0,
  brotli: 0,
});
console.log('\nRelease bundle size (bytes: raw / gzip -9 / brotli -q 11)');
console.log('| file | raw | gzip | brotli |\n|---|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.file} | ${r.raw} | ${r.gzip} | ${r.brotli} |`);
console.log(`| **total** | ${total.raw} | ${total.gzip} | ${total.brotli} |`);
console.log(
  `Shipped in all, brotli ${kib(total.brotli)} against a budget of ${kib(BUDGET)}: ${
    total.brotli <= BUDGET ? 'within budget' : `over by ${kib(total.brotli - BUDGET)}`
  }`,
);

// Cold loads: a new browser context (empty cache and storage) each time; the time from
// navigation start to the first radio input in the DOM, recorded in the page itself.
const port = 8096;
const server = await serve(dist, port);
const browser = await chromium.launch(launchOptions);
const times = [];
for (let i = 0; i < loads; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('input[type=radio]')) {
        window.__firstControl = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => window.__firstControl !== undefined);
  times.push(await page.evaluate(() => window.__firstControl));
  await context.close();
}
await browser.close();
server.close();
times.sort((a, b) => a - b);
const median = times.length % 2 ? times[(times.length - 1) / 2] : (times[times.length / 2 - 1] + times[times.length / 2]) / 2;
console.log(
  `\nCold load to the first rendered control, ${loads} loads (headless Chromium ${browser.version?.() ?? ''}, loopback):` +
    ` median ${median.toFixed(0)} ms, min ${times[0].toFixed(0)} ms, max ${times[times.length - 1].toFixed(0)} ms`,
);

// Workshop: importing 1,000 participant files at once and showing the workshop view, from the
// moment the files are handed to the file input until the view shows the 1,000 participants.
{
  const content = JSON.parse(readFileSync(new URL('../../assessment/content/distributor.json', import.meta.url), 'utf8'));
  const ids = content.sections.flatMap((s) => s.items.map((i) => i.id));
  const files = Array.from({ length: 1000 }, (_, k) => {
    const answers = Object.fromEntries(ids.map((id, i) => [id, String(((k * 7 + i * 3) % 5) + 1)]));
    const record = {
      schema: 1, id: `bench-${k}`, label: '', questionnaire: { id: content.id, version: content.version },
      perspective: k % 2 ? 'distributor' : 'brand_owner', answers, page: 'results',
      created: 1764000000000, updated: 1764000000000, completed: 1764000000000,
    };
    return { name: `p${k}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(record)) };
  });
  const server2 = await serve(dist, port);
  const browser2 = await chromium.launch(launchOptions);
  const runs = [];
  for (let r = 0; r < 5; r++) {
    const context = await browser2.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/#/workshops`);
    await page.getByRole('textbox', { name: 'Name' }).fill('Bench');
    await page.getByRole('button', { name: 'Create workshop' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bench' }).waitFor();
    // Timed in the page: from the file input's change event (the files are chosen) until the
    // view shows the 1,000 participants and their section table.
    await page.evaluate(() => {
      document.addEventListener('change', () => (window.__t0 = performance.now()), { capture: true, once: true });
      new MutationObserver((_, observer) => {
        if (document.body.textContent.includes('1,000 participants: 500 brand owner, 500 distributor') &&
            document.querySelector('table')) {
          window.__t1 = performance.now();
          observer.disconnect();
        }
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    await page.getByLabel('Add result files').setInputFiles(files);
    await page.waitForFunction(() => window.__t1 !== undefined);
    runs.push(Math.round(await page.evaluate(() => window.__t1 - window.__t0)));
    await context.close();
  }
  await browser2.close();
  server2.close();
  runs.sort((a, b) => a - b);
  console.log(
    `\nWorkshop: 1,000 result files imported and the workshop view shown, ${runs.length} runs: ` +
      `median ${runs[Math.floor(runs.length / 2)]} ms (min ${runs[0]} ms, max ${runs[runs.length - 1]} ms)`,
  );
}

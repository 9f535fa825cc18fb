// The app against SurveyJS (survey-core + survey-js-ui, a benchmark-only npm dependency) rendering
// the same 30-item questionnaire, measured in one run in headless Chromium: bytes transferred
// (raw, gzip -9, brotli -q 11), median cold-load time to the first interactive control over
// alternating loads, and memory once ready. Usage: node bench-surveyjs.mjs [dist dir] [loads]
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { chromium } from 'playwright-core';
import { launchOptions } from './chromium.mjs';
import { serve } from './serve.mjs';

const dist = process.argv[2] ?? '../../dist';
const loads = Number(process.argv[3] ?? 15);

// The same questionnaire as SurveyJS JSON: one page per section, one radio group per item with
// the five anchored levels, "Not applicable" and "Don't know".
const content = JSON.parse(readFileSync('../../assessment/content/distributor.json', 'utf8'));
const en = (t) => t.en;
const survey = {
  title: en(content.title),
  showProgressBar: 'top',
  pages: content.sections.map((s) => ({
    name: s.id,
    title: en(s.title),
    description: en(s.intro),
    elements: s.items.map((item) => ({
      type: 'radiogroup',
      name: item.id,
      title: en(item.question),
      choices: [
        ...item.levels.map((l, i) => ({ value: i + 1, text: `${i + 1} ${en(content.level_names[i])} — ${en(l)}` })),
        { value: 'na', text: 'Not applicable' },
        { value: 'dk', text: "Don't know" },
      ],
    })),
  })),
};
writeFileSync('surveyjs/questionnaire.js', `window.QUESTIONNAIRE = ${JSON.stringify(survey)};\n`);

const appServer = await serve(dist, 8087);
const surveyServer = await serve('.', 8088);
const targets = {
  app: 'http://127.0.0.1:8087/',
  surveyjs: 'http://127.0.0.1:8088/surveyjs/index.html',
};

const browser = await chromium.launch(launchOptions);
const fresh = () => ({ times: [], slow: [], heap: [], wasm: [], bytes: null, files: null });
const results = { app: fresh(), surveyjs: fresh() };

// One cold load (a new context: empty cache and storage, no service worker) until the first
// question is on screen: for SurveyJS its first page; for the app the welcome page, the side
// chosen and Start pressed by a script in the page the moment they appear, then the first
// section page. `cpu` slows the CPU (Chrome's throttling; 4 is a mid-range phone).
async function load(name, cpu = 1) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  if (cpu > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: cpu });
  const bodies = [];
  let ready = false;
  page.on('response', (r) => {
    if (!ready && r.status() === 200) {
      const file = new URL(r.url()).pathname.split('/').pop() || 'index.html';
      bodies.push(r.body().then((b) => ({ file, b })).catch(() => ({ file, b: Buffer.alloc(0) })));
    }
  });
  await page.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (e) => (window.__wasmMemory = e.detail.wasm.memory));
    new MutationObserver((_, observer) => {
      const side = document.querySelector('input[name=dra-perspective]');
      if (side && !side.checked) {
        side.checked = true;
        side.dispatchEvent(new Event('change', { bubbles: true }));
        side.closest('form').requestSubmit();
      }
      if (document.querySelector('input[type=radio]:not([name=dra-perspective])')) {
        window.__ready = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(targets[name]);
  await page.waitForFunction(() => window.__ready !== undefined);
  ready = true;
  const time = await page.evaluate(() => window.__ready);
  let heap = 0;
  let wasm = 0;
  if (cpu === 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    wasm = await page.evaluate(() => (window.__wasmMemory ? window.__wasmMemory.buffer.byteLength : 0));
  }
  const buffers = await Promise.all(bodies);
  await context.close();
  return { time, heap, wasm, buffers };
}

const brotli = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const sizes = (buffers) =>
  buffers.reduce(
    (t, { b }) => ({ raw: t.raw + b.length, gzip: t.gzip + gzipSync(b, { level: 9 }).length, brotli: t.brotli + brotli(b) }),
    { raw: 0, gzip: 0, brotli: 0 },
  );

const ratios = { fast: [], slow: [] };
for (let i = 0; i < loads; i++) {
  for (const [cpu, key, ratio] of [[1, 'times', ratios.fast], [4, 'slow', ratios.slow]]) {
    const pair = {};
    for (const name of i % 2 ? ['surveyjs', 'app'] : ['app', 'surveyjs']) {
      const r = await load(name, cpu);
      pair[name] = r.time;
      results[name][key].push(r.time);
      if (cpu === 1) {
        results[name].heap.push(r.heap);
        results[name].wasm.push(r.wasm);
        results[name].bytes ??= sizes(r.buffers);
        results[name].files ??= r.buffers.map(({ file, b }) => ({ file: file.replace(/-[0-9a-f]{8,16}(?=[._])/, ''), raw: b.length, brotli: brotli(b) }));
      }
    }
    ratio.push(pair.app / pair.surveyjs);
  }
}
// What an empty page already holds (with the same Playwright calls as a measured load, whose
// helper scripts live in the page's heap too), so each side's own share can be shown.
const blank = [];
for (let i = 0; i < 5; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.setContent('<!doctype html><title>blank</title><p>blank</p>');
  await page.waitForFunction(() => document.querySelector('p') !== null);
  await page.evaluate(() => performance.now());
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  blank.push((await cdp.send('Runtime.getHeapUsage')).usedSize);
  await context.close();
}
const version = browser.version();
await browser.close();
appServer.close();
surveyServer.close();

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const kib = (n) => (n / 1024).toFixed(1);
const a = results.app;
const s = results.surveyjs;
const row = (label, x, y, unit, f = (v) => v) => `| ${label} | ${f(x)} ${unit} | ${f(y)} ${unit} | ${(x / y).toFixed(2)} |`;
console.log(`\nThe app against SurveyJS ${JSON.parse(readFileSync('node_modules/survey-core/package.json', 'utf8')).version}, same 30-item questionnaire, headless Chromium ${version}, loopback, ${loads} alternating cold loads each`);
console.log('| measure | this app | SurveyJS | ratio (app / SurveyJS) |\n|---|---:|---:|---:|');
console.log('(transferred: every file fetched until the first question shows)');
console.log(row('transferred, raw', a.bytes.raw, s.bytes.raw, 'KiB', kib));
console.log(row('transferred, gzip -9', a.bytes.gzip, s.bytes.gzip, 'KiB', kib));
console.log(row('transferred, brotli -q 11', a.bytes.brotli, s.bytes.brotli, 'KiB', kib));
console.log(row('median time to the first question', median(a.times), median(s.times), 'ms', (v) => v.toFixed(0)));
console.log(row('median time to the first question, CPU 4x slower', median(a.slow), median(s.slow), 'ms', (v) => v.toFixed(0)));
console.log(`| median of pairwise ratios, CPU 1x / 4x | | | ${median(ratios.fast).toFixed(2)} / ${median(ratios.slow).toFixed(2)} |`);
console.log(row('JS heap used once ready (after GC)', median(a.heap), median(s.heap), 'KiB', kib));
console.log(row('JS heap above a blank page', median(a.heap) - median(blank), median(s.heap) - median(blank), 'KiB', kib));
console.log(row('JS heap + wasm linear memory', median(a.heap) + median(a.wasm), median(s.heap) + median(s.wasm), 'KiB', kib));

// To the first question: at most 110 KiB brotli, all files together (issue 14).
const FIRST = 110 * 1024;
console.log(
  `\nTo the first question, brotli ${kib(a.bytes.brotli)} KiB against a budget of ${kib(FIRST)} KiB: ${
    a.bytes.brotli <= FIRST ? 'within budget' : `over by ${kib(a.bytes.brotli - FIRST)} KiB`
  }; CPU 4x ratio ${median(ratios.slow).toFixed(2)} against at most 0.40`,
);
console.log('\nFiles the app fetched until its first question (bytes: raw / brotli -q 11)');
console.log('| file | raw | brotli |\n|---|---:|---:|');
for (const f of a.files) console.log(`| ${f.file} | ${f.raw} | ${f.brotli} |`);

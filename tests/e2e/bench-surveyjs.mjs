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
const results = { app: { times: [], heap: [], wasm: [], bytes: null }, surveyjs: { times: [], heap: [], wasm: [], bytes: null } };

async function load(name) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const bodies = [];
  page.on('response', async (r) => {
    if (r.status() === 200) bodies.push(r.body().then((b) => b).catch(() => Buffer.alloc(0)));
  });
  await page.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (e) => (window.__wasmMemory = e.detail.wasm.memory));
    new MutationObserver((_, observer) => {
      if (document.querySelector('input[type=radio]')) {
        window.__ready = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(targets[name]);
  await page.waitForFunction(() => window.__ready !== undefined);
  const time = await page.evaluate(() => window.__ready);
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => (window.__wasmMemory ? window.__wasmMemory.buffer.byteLength : 0));
  const buffers = await Promise.all(bodies);
  await context.close();
  return { time, heap: usedSize, wasm, buffers };
}

const sizes = (buffers) =>
  buffers.reduce(
    (t, b) => ({
      raw: t.raw + b.length,
      gzip: t.gzip + gzipSync(b, { level: 9 }).length,
      brotli: t.brotli + brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    }),
    { raw: 0, gzip: 0, brotli: 0 },
  );

for (let i = 0; i < loads; i++) {
  for (const name of i % 2 ? ['surveyjs', 'app'] : ['app', 'surveyjs']) {
    const r = await load(name);
    results[name].times.push(r.time);
    results[name].heap.push(r.heap);
    results[name].wasm.push(r.wasm);
    results[name].bytes ??= sizes(r.buffers);
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
console.log(row('transferred, raw', a.bytes.raw, s.bytes.raw, 'KiB', kib));
console.log(row('transferred, gzip -9', a.bytes.gzip, s.bytes.gzip, 'KiB', kib));
console.log(row('transferred, brotli -q 11', a.bytes.brotli, s.bytes.brotli, 'KiB', kib));
console.log(row('median time to the first radio input', median(a.times), median(s.times), 'ms', (v) => v.toFixed(0)));
console.log(row('JS heap used once ready (after GC)', median(a.heap), median(s.heap), 'KiB', kib));
console.log(row('JS heap above a blank page', median(a.heap) - median(blank), median(s.heap) - median(blank), 'KiB', kib));
console.log(row('JS heap + wasm linear memory', median(a.heap) + median(a.wasm), median(s.heap) + median(s.wasm), 'KiB', kib));

// Lighthouse's mobile preset (its default: a mid-range phone, 4x CPU slowdown, slow 4G, simulated)
// on the app's welcome page, on the embed URL and on SurveyJS's page with the same questionnaire,
// each served from loopback with the precompressed files. Lighthouse 12.2.3 runs through npx
// (13.x needs a newer Node); where it cannot be fetched or started, this says so and exits 0, so
// that the rest of the benchmark stands. Usage: node bench-lighthouse.mjs [dist dir] [runs]
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { launchOptions } from './chromium.mjs';
import { serve } from './serve.mjs';

const run = promisify(execFile);
const dist = process.argv[2] ?? '../../dist';
const runs = Number(process.argv[3] ?? 3);

const appServer = await serve(dist, 8085);
const surveyServer = await serve('.', 8086);
const pages = [
  ['the app, welcome page', 'http://127.0.0.1:8085/'],
  ['the app, embed URL', 'http://127.0.0.1:8085/?embed=1'],
  ['SurveyJS, same questionnaire', 'http://127.0.0.1:8086/surveyjs/index.html'],
];

/** One Lighthouse run: the performance score and its main timings (ms). */
async function lighthouse(url) {
  const profile = mkdtempSync(join(tmpdir(), 'dra-lh-'));
  const flags = ['--headless=new', '--no-sandbox', ...launchOptions.args, `--user-data-dir=${profile}`];
  const { stdout } = await run(
    'npx',
    [
      '--yes',
      'lighthouse@12.2.3',
      url,
      '--only-categories=performance',
      '--output=json',
      '--output-path=stdout',
      '--quiet',
      `--chrome-flags=${flags.join(' ')}`,
    ],
    { env: { ...process.env, CHROME_PATH: launchOptions.executablePath }, maxBuffer: 64 << 20 },
  );
  const report = JSON.parse(stdout);
  const ms = (id) => report.audits[id].numericValue;
  return {
    score: Math.round(report.categories.performance.score * 100),
    fcp: ms('first-contentful-paint'),
    lcp: ms('largest-contentful-paint'),
    tbt: ms('total-blocking-time'),
    si: ms('speed-index'),
  };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

try {
  const rows = [];
  for (const [label, url] of pages) {
    const results = [];
    for (let i = 0; i < runs; i++) results.push(await lighthouse(url));
    rows.push({ label, results });
  }
  console.log(`\nLighthouse 12.2.3, mobile preset (simulated), median of ${runs} runs each`);
  console.log('| page | performance | first paint | largest paint | total blocking | speed index |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const { label, results } of rows) {
    const m = (k) => median(results.map((r) => r[k]));
    console.log(
      `| ${label} | ${m('score')} (${results.map((r) => r.score).join(', ')}) | ${m('fcp').toFixed(0)} ms | ${m('lcp').toFixed(0)} ms | ${m('tbt').toFixed(0)} ms | ${m('si').toFixed(0)} ms |`,
    );
  }
} catch (e) {
  console.log(`\nLighthouse did not run here: ${String(e.message ?? e).split('\n')[0]}`);
} finally {
  appServer.close();
  surveyServer.close();
}

// What the app does and does not do with the network, and how it is served: a strict CSP, no
// request leaving the origin, offline use and new releases, precompressed files and cache headers,
// hosting under a sub-path.
import { test, expect } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { AssessmentPage, expectedScores, untilServiceWorkerControls } from './app.mjs';
import { HASHED, serve } from '../serve.mjs';
import { PORTS, origin } from '../ports.mjs';

const CSP_URL = `${origin(PORTS.csp)}/`;
const DIST = process.env.DIST_DIR ?? '../../dist';

/** A full run from the welcome page: an assessment, My assessments, a workshop. */
async function fullRun(page) {
  const app = new AssessmentPage(page);
  await app.start();
  await app.answerAll((sid, i) => (i % 5) + 1);
  await page.getByRole('link', { name: 'My assessments' }).click();
  await expect(page.getByRole('article')).toHaveCount(1);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workshops' }).click();
  await page.getByRole('textbox', { name: 'Name' }).fill('Privacy check');
  await page.getByRole('button', { name: 'Create workshop' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Privacy check' })).toBeVisible();
}

test('under a strict Content-Security-Policy the app works and nothing is blocked', async ({ page }) => {
  const response = await page.goto(CSP_URL);
  expect(response.headers()['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
  const violations = [];
  page.on('console', (m) => {
    if (/Content.Security.Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.reload();
  await fullRun(page);
  // Styles set from code (the progress bar's width) go through the CSSOM and take effect.
  await page.getByRole('link', { name: 'Assessment', exact: true }).click();
  await page.getByRole('button', { name: 'Edit answers' }).click();
  const track = new AssessmentPage(page).progressbar();
  await expect.poll(() => track.evaluate((t) => getComputedStyle(t.firstElementChild).width)).toBe(
    await track.evaluate((t) => getComputedStyle(t).width),
  );
  expect(await page.evaluate(() => window.__csp)).toEqual([]);
  expect(violations).toEqual([]);
});

test('no request leaves the browser, none after load but the service worker, no cookies', async ({ page, context, baseURL }) => {
  const fromPage = [];
  const all = [];
  let loaded = false;
  // After load, the page may still fetch the parts of the app it loads on demand, but the
  // service worker answers them from its cache: nothing reaches the network, its own requests
  // included.
  context.on('request', (req) => {
    all.push(req.url());
    if (loaded && !/^(blob|data):/.test(req.url())) fromPage.push(req);
  });
  await page.goto('/');
  await expect(page.getByRole('radio', { name: 'Brand owner', exact: true })).toBeVisible();
  await untilServiceWorkerControls(page);
  loaded = true;
  await fullRun(page);
  // A download and a share link do not touch the network either.
  await page.getByRole('link', { name: 'My assessments' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export all (JSON)' }).click();
  await downloading;
  const network = [];
  for (const req of fromPage) {
    const res = await req.response();
    if (req.serviceWorker() || !res?.fromServiceWorker()) network.push(req.url());
  }
  expect(fromPage.length, 'the parts loaded on demand').toBeGreaterThan(0);
  expect(network, 'requests that reached the network after the page loaded').toEqual([]);
  expect(all.filter((u) => !u.startsWith(baseURL) && !/^(blob|data):/.test(u))).toEqual([]);
  expect(await context.cookies()).toEqual([]);
});

test('after one visit the app loads and works with the network off', async ({ page, context }) => {
  await page.goto('/');
  await expect(page.getByRole('radio', { name: 'Brand owner', exact: true })).toBeVisible();
  await untilServiceWorkerControls(page);
  await context.setOffline(true);
  await page.reload();
  const app = new AssessmentPage(page);
  await app.start('Distributor');
  await app.answer(0, 0, 4);
  await page.reload();
  await expect(app.question(0, 0).getByRole('radio', { name: /^4 Managed/ })).toBeChecked();
  await context.setOffline(false);
});

test('a new release replaces the cached one on the next visit', async ({ page, context }) => {
  // The release build, copied so that a "new release" can be put in its place.
  const dir = mkdtempSync(join(tmpdir(), 'dra-release-'));
  cpSync(DIST, dir, { recursive: true });
  const server = await serve(dir, PORTS.release);
  const url = `${origin(PORTS.release)}/`;
  try {
    await page.goto(url);
    await expect(page.getByRole('radio', { name: 'Brand owner', exact: true })).toBeVisible();
    const first = await page.evaluate(() => document.querySelector('meta[name=dra-release]').content);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    expect(await page.evaluate(() => caches.keys())).toEqual([`dra-${first}`]);
    // The new release: another page and a service worker with another version.
    // (Shipped with its own precompressed copies, as `cargo xtask build` makes them.)
    for (const [file, from, to] of [['index.html', first, 'next-release'], ['sw.js', first, 'next-release']]) {
      const text = readFileSync(join(dir, file), 'utf8').replaceAll(from, to);
      writeFileSync(join(dir, file), text);
      writeFileSync(join(dir, `${file}.br`), brotliCompressSync(text));
      writeFileSync(join(dir, `${file}.gz`), gzipSync(text));
    }
    await page.reload();
    await expect(page.locator('meta[name=dra-release]')).toHaveAttribute('content', 'next-release');
    await expect.poll(() => page.evaluate(() => caches.keys())).toEqual(['dra-next-release']);
    // And it is the new release that works offline.
    await context.setOffline(true);
    await page.reload();
    await expect(page.locator('meta[name=dra-release]')).toHaveAttribute('content', 'next-release');
    await expect(page.getByRole('radio', { name: 'Brand owner', exact: true })).toBeVisible();
    await context.setOffline(false);
  } finally {
    server.close();
  }
});

/** A GET with `headers`, answered with the status, the headers and the body exactly as sent. */
function fetchRaw(url, headers) {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

test('the .br and .gz copies are sent with Content-Encoding when accepted, and decode to the file', async ({ page, baseURL }) => {
  const files = readdirSync(DIST).filter((f) => !/\.(br|gz)$/.test(f));
  expect(files).toEqual(expect.arrayContaining(['index.html', 'sw.js', 'embed.js', 'manifest.webmanifest']));
  // The main module and the chunks loaded on demand.
  expect(files.filter((f) => /^distributor-assessment-[0-9a-f]+_bg\.wasm$/.test(f))).toHaveLength(1);
  expect(files.filter((f) => f.endsWith('.wasm')).length).toBeGreaterThan(4);
  const decoders = { br: brotliDecompressSync, gzip: gunzipSync };
  for (const file of files) {
    const plain = readFileSync(join(DIST, file));
    const url = new URL(file === 'index.html' ? './' : file, baseURL).href;
    for (const [accept, coding] of [
      ['gzip, deflate, br, zstd', 'br'],
      ['gzip, deflate', 'gzip'],
      ['br;q=0, gzip;q=0', undefined],
      ['identity', undefined],
      [undefined, undefined],
    ]) {
      const res = await fetchRaw(url, accept === undefined ? {} : { 'accept-encoding': accept });
      const what = `${file} for Accept-Encoding: ${accept}`;
      expect(res.status, what).toBe(200);
      expect(res.headers['content-encoding'], what).toBe(coding);
      expect(res.headers.vary, what).toBe('Accept-Encoding');
      const body = coding ? decoders[coding](res.body) : res.body;
      expect(body.equals(plain), what).toBe(true);
      if (file.endsWith('.wasm')) {
        expect(res.headers['content-type']).toBe('application/wasm');
        if (coding) expect(res.body.length).toBeLessThan(file.startsWith('distributor-assessment-') ? plain.length / 2 : plain.length);
      }
      // Hashed files never change; the rest is revalidated.
      expect(res.headers['cache-control'], what).toBe(HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache');
    }
  }
  expect(files.filter((f) => HASHED.test(f)).length).toBeGreaterThanOrEqual(4);

  // The browser gets the best coding it asks for, and the app runs from the decoded files.
  const served = [];
  page.on('response', async (res) => {
    if (new URL(res.url()).origin !== new URL(baseURL).origin) return;
    const accept = (await res.request().allHeaders())['accept-encoding'] ?? '';
    served.push({ path: new URL(res.url()).pathname, accept, coding: res.headers()['content-encoding'], body: await res.body().catch(() => null) });
  });
  await page.goto('/');
  await expect(page.getByRole('radio', { name: 'Brand owner', exact: true })).toBeVisible();
  const wasm = files.find((f) => /^distributor-assessment-.*_bg\.wasm$/.test(f));
  await expect.poll(() => served.some((s) => s.path === `/${wasm}` && s.body)).toBe(true);
  for (const s of served.filter((x) => x.body)) {
    const best = /\bbr\b/.test(s.accept) ? 'br' : /\bgzip\b/.test(s.accept) ? 'gzip' : undefined;
    expect(s.coding, `${s.path} (${s.accept})`).toBe(best);
    const file = s.path === '/' ? 'index.html' : s.path.slice(1);
    expect(s.body.equals(readFileSync(join(DIST, file))), s.path).toBe(true);
  }
});

test('hosted under a sub-path, the respondent flow, share links and the offline cache stay there', async ({ page, context }) => {
  const BASE = '/tools/assessment/';
  // The release build as `public_url = "/tools/assessment/"` in Trunk.toml writes it (README,
  // "Serving"): trunk's root-relative asset URLs start with the sub-path. Everything else --
  // the loader's service worker, the manifest, the app's own links -- is relative to the page.
  const dir = mkdtempSync(join(tmpdir(), 'dra-subpath-'));
  cpSync(DIST, dir, { recursive: true });
  let rewritten = 0;
  for (const file of readdirSync(dir).filter((f) => f === 'index.html' || /^loader-.*\.js$/.test(f))) {
    const text = readFileSync(join(dir, file), 'utf8').replace(/(["'])\/(?=[\w.-]+\.(?:js|wasm|css)\1)/g, (_, quote) => {
      rewritten += 1;
      return quote + BASE;
    });
    // No root-relative URL is left outside the sub-path.
    expect(text).not.toMatch(/(?:=|from|:)\s*(["'])\/(?!\/|tools\/assessment\/)/);
    writeFileSync(join(dir, file), text);
    // Their precompressed copies, made again (cargo xtask build would write them so).
    writeFileSync(join(dir, `${file}.br`), brotliCompressSync(text));
    writeFileSync(join(dir, `${file}.gz`), gzipSync(text));
  }
  expect(rewritten).toBeGreaterThanOrEqual(4);
  const server = await serve(dir, PORTS.subPath, {}, { base: BASE });
  const url = `${origin(PORTS.subPath)}${BASE}`;
  const outside = [];
  context.on('request', (req) => {
    const u = new URL(req.url());
    if (u.protocol.startsWith('http') && !u.pathname.startsWith(BASE)) outside.push(u.pathname);
  });
  try {
    await page.goto(url);
    const app = new AssessmentPage(page);
    const levelOf = (sid, i) => (i % 5) + 1;
    await app.start('Distributor');
    await app.answerAll(levelOf);
    await expect(page.getByText(expectedScores(levelOf, 'distributor').overallText, { exact: true })).toBeVisible();
    // A share link points at the sub-path, and opens there.
    const link = await app.shareLink();
    expect(link.startsWith(`${url}#r=`)).toBe(true);
    await app.nav('My assessments');
    await expect(page.getByRole('article')).toHaveCount(1);
    await page.reload();
    await expect(app.heading('My assessments')).toBeVisible();
    // The service worker lives under the sub-path, with the sub-path as its scope, and the
    // manifest starts the app there.
    const sw = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
      }
      return { scope: registration.scope, script: registration.active.scriptURL };
    });
    expect(sw).toEqual({ scope: url, script: `${url}sw.js` });
    const manifestUrl = new URL(await page.locator('link[rel=manifest]').getAttribute('href'), url);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.webmanifest'), 'utf8'));
    expect(new URL(manifest.start_url, manifestUrl).href).toBe(url);
    expect(new URL(manifest.scope, manifestUrl).href).toBe(url);
    // Offline, the page and the shared link still open from the cache.
    await context.setOffline(true);
    await page.goto(link);
    await expect(app.heading('Shared result')).toBeVisible();
    await page.goto(url);
    await expect(app.heading('Results')).toBeVisible();
    await context.setOffline(false);
    expect(outside).toEqual([]);
  } finally {
    await context.setOffline(false);
    server.close();
  }
});

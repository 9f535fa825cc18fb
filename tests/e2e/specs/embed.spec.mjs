import { test, expect } from '@playwright/test';
import { PORTS, origin } from '../ports.mjs';

const HOST_ORIGIN = origin(PORTS.host);
const HOST = `${HOST_ORIGIN}/`;
const APP_ORIGIN = origin(PORTS.app);
/** An origin that is neither the host's nor the app's (answered by the test itself). */
const THIRD_ORIGIN = origin(PORTS.third);

const events = (page, type) => page.evaluate((t) => window.events.filter((e) => e.type === t), type);

const SIZE_REQUEST = { source: 'distributor-assessment-host', version: 1, type: 'get-size' };

/** From the first section page, answers everything 3 and goes to the results. */
async function completeInFrame(frame, sections = 4) {
  for (let s = 0; s < sections; s++) {
    for (const radio of await frame.getByRole('radio', { name: /^3 Defined/ }).all()) await radio.check();
    await frame.getByRole('button', { name: s === sections - 1 ? 'See results' : 'Next' }).click();
  }
}

/**
 * Runs in every frame before its scripts; in the app's frame it keeps a log of every message the
 * frame receives (before the app sees it) and of every message the app posts to its parent, with
 * the target origin and the received message whose handling posted it (`during`). The host page
 * stays as it is: the log only watches, every message still goes where the app sent it.
 */
function watchTheFrame(appOrigin) {
  if (location.origin !== appOrigin || window.top === window) return;
  const log = [];
  let handling = null;
  window.__log = log;
  window.addEventListener('message', (e) => {
    handling = log.length;
    log.push({ received: e.data, origin: e.origin });
  });
  // Called once the app is running: a listener added after the app's marks the end of a handling.
  window.__watchHandling = () => window.addEventListener('message', () => (handling = null));
  const parent = window.parent;
  // `parent` is a replaceable property of the window: the app reads it, and posts through this.
  window.parent = {
    postMessage(data, target) {
      log.push({ posted: JSON.parse(JSON.stringify(data)), target, during: handling });
      parent.postMessage(data, target);
    },
  };
}

/** The frame's log, once `done(log)` holds. */
async function frameLog(frame, done) {
  let log = [];
  await expect.poll(async () => done((log = await frame.evaluate(() => window.__log)))).toBe(true);
  return log;
}

/** What the app posted while it handled the received message at `index` of the log. */
const repliesTo = (log, index) => log.filter((e) => 'posted' in e && e.during === index);

test('the frame sizes itself, reports its pages, and sends scores only when opted in', async ({ page }) => {
  await page.goto(`${HOST}?perspective=distributor&share_scores=1&accent=%237a2e8e`);
  const frame = page.frameLocator('iframe[title="Distributor relationship assessment"]');
  await expect(frame.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
  // No perspective question: the host fixed it. No navigation chrome in the frame.
  await expect(frame.getByRole('radio', { name: 'Brand owner', exact: true })).toBeHidden();
  await expect(frame.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect.poll(() => events(page, 'ready')).toHaveLength(1);
  expect((await events(page, 'ready'))[0]).toEqual({ source: 'distributor-assessment', version: 1, type: 'ready' });
  // The accent colour arrived through the CSSOM.
  const accent = await frame.locator('html').evaluate((h) => getComputedStyle(h).getPropertyValue('--dra-accent').trim());
  expect(accent).toBe('#7a2e8e');
  // Resize: the iframe's height follows the content.
  const iframe = page.locator('iframe');
  await frame.getByRole('button', { name: 'Start', exact: true }).click();
  await expect.poll(async () => {
    const content = await frame.locator('html').evaluate((h) => Math.ceil(h.getBoundingClientRect().height));
    const box = await iframe.boundingBox();
    return Math.abs(box.height - content) <= 1 && content > 1000;
  }).toBe(true);
  await expect.poll(async () => (await events(page, 'page')).at(-1)).toEqual({
    source: 'distributor-assessment', version: 1, type: 'page', index: 1, count: 6,
  });
  await completeInFrame(frame);
  await expect(frame.getByRole('heading', { name: 'Results' })).toBeVisible();
  await expect.poll(() => events(page, 'completed')).toHaveLength(1);
  const [completed] = await events(page, 'completed');
  expect(completed.scores.overall).toEqual({ percent: 50, band: 'developing', at_risk: false });
  expect(completed.scores.sections.map((s) => s.id)).toEqual(['REL', 'MOT', 'CHO', 'TRU']);
  expect(JSON.stringify(completed)).not.toMatch(/REL1|answers/);
  expect((await events(page, 'page')).at(-1).index).toBe(5);
});

test('without the opt-in the completed message carries no scores; results can be hidden', async ({ page }) => {
  await page.goto(`${HOST}?perspective=brand_owner&results=0&sections=REL,TRU`);
  const frame = page.frameLocator('iframe');
  await frame.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(frame.getByRole('heading', { level: 1, name: 'The Relationship' })).toBeVisible();
  for (let s = 0; s < 2; s++) {
    for (const radio of await frame.getByRole('radio', { name: /^4 Managed/ }).all()) await radio.check();
    await frame.getByRole('button', { name: s === 1 ? 'See results' : 'Next' }).click();
  }
  await expect(frame.getByText('Thank you: your answers are complete.')).toBeVisible();
  await expect(frame.getByRole('table', { name: 'Section scores' })).toHaveCount(0);
  for (const name of ['Copy share link', 'Export JSON', 'Export CSV', 'Print / Save as PDF']) {
    await expect(frame.getByRole('button', { name })).toBeHidden();
  }
  await expect.poll(() => events(page, 'completed')).toEqual([{ source: 'distributor-assessment', version: 1, type: 'completed' }]);
  // Two sections were shown, so four pages: welcome, two sections, results.
  expect((await events(page, 'page')).at(-1)).toMatchObject({ index: 3, count: 4 });
});

test('messages from the host are checked: malformed ones are ignored, a size request is answered', async ({ page }) => {
  await page.addInitScript(watchTheFrame, APP_ORIGIN);
  await page.goto(`${HOST}?perspective=distributor`);
  const frameLocator = page.frameLocator('iframe');
  await frameLocator.getByRole('button', { name: 'Start', exact: true }).click();
  await frameLocator.getByRole('radio', { name: /^2 Emerging/ }).first().check();
  const frame = page.frame({ url: (u) => u.origin === APP_ORIGIN });
  await frame.evaluate(() => window.__watchHandling());
  const hostile = [
    'get-size',
    null,
    { ...SIZE_REQUEST, then: 'localStorage.clear()' },
    { ...SIZE_REQUEST, version: 99 },
    { ...SIZE_REQUEST, version: '1' },
    { ...SIZE_REQUEST, type: 'GET-SIZE' },
    { ...SIZE_REQUEST, source: 'distributor-assessment' },
    { ...SIZE_REQUEST, type: 'clear-storage' },
    { source: 'distributor-assessment-host', version: 1 },
    [SIZE_REQUEST],
    JSON.stringify(SIZE_REQUEST),
  ];
  // The hostile messages, then a valid size request: messages from one window arrive in order,
  // so once the valid one is answered every hostile one has been handled.
  await page.evaluate(([messages, valid, origin]) => {
    const w = document.querySelector('iframe').contentWindow;
    for (const m of messages) w.postMessage(m, origin);
    w.postMessage({ __proto__: { source: 'distributor-assessment-host', version: 1, type: 'get-size' } }, origin);
    w.postMessage(valid, origin);
  }, [hostile, SIZE_REQUEST, APP_ORIGIN]);
  const received = (log) => log.filter((e) => 'received' in e && e.origin === HOST_ORIGIN);
  const log = await frameLog(frame, (log) => {
    const got = received(log);
    return got.length === hostile.length + 2 && repliesTo(log, log.indexOf(got.at(-1))).length > 0;
  });
  const got = received(log);
  // The valid request got one resize, with the frame's height.
  const answer = repliesTo(log, log.indexOf(got.at(-1)));
  expect(answer).toHaveLength(1);
  expect(answer[0].posted).toEqual({ source: 'distributor-assessment', version: 1, type: 'resize', height: expect.any(Number) });
  expect(answer[0].target).toBe(HOST_ORIGIN);
  // Not one of the others got anything.
  const answered = got.slice(0, -1).filter((e) => repliesTo(log, log.indexOf(e)).length > 0).map((e) => e.received);
  expect(answered).toEqual([]);
  // And nothing they said was done: the answer is still there, and saved.
  await expect(frameLocator.getByRole('radio', { name: /^2 Emerging/ }).first()).toBeChecked();
  expect(await frame.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith('dra.record.')))).toBe(true);
  const kinds = await page.evaluate(() => [...new Set(window.events.map((e) => e.type))].sort());
  expect(kinds.every((k) => ['page', 'ready', 'resize'].includes(k))).toBe(true);
});

test('with a third origin in the page: its messages are ignored, and the app posts only to parent_origin', async ({ page }) => {
  // A page from an origin that is neither the host's nor the app's, framed by the host too.
  await page.route(`${THIRD_ORIGIN}/**`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: '<!DOCTYPE html><title>Another site</title><script>window.got = []; addEventListener("message", (e) => got.push(e.origin));</script>',
    }),
  );
  await page.addInitScript(watchTheFrame, APP_ORIGIN);
  await page.goto(`${HOST}?perspective=distributor`);
  const frameLocator = page.frameLocator('iframe').first();
  await expect(frameLocator.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
  const frame = page.frame({ url: (u) => u.origin === APP_ORIGIN });
  await frame.evaluate(() => window.__watchHandling());
  await page.evaluate((src) => new Promise((loaded) => {
    const f = document.createElement('iframe');
    f.name = 'third';
    f.title = 'Another site';
    f.onload = loaded;
    f.src = src;
    document.body.append(f);
  }), `${THIRD_ORIGIN}/`);
  const third = page.frame({ name: 'third' });
  // The third origin asks for the size (to any origin, and to the app's); then the host asks.
  await third.evaluate(([request, appOrigin]) => {
    parent.frames[0].postMessage(request, '*');
    parent.frames[0].postMessage(request, appOrigin);
  }, [SIZE_REQUEST, APP_ORIGIN]);
  const fromThird = (log) => log.filter((e) => 'received' in e && e.origin === THIRD_ORIGIN);
  await frameLog(frame, (log) => fromThird(log).length === 2);
  await page.evaluate(([request, appOrigin]) => document.querySelector('iframe').contentWindow.postMessage(request, appOrigin), [SIZE_REQUEST, APP_ORIGIN]);
  const fromHost = (log) => log.filter((e) => 'received' in e && e.origin === HOST_ORIGIN);
  const log = await frameLog(frame, (log) => fromHost(log).some((e) => repliesTo(log, log.indexOf(e)).length > 0));
  // The third origin's requests reached the frame and went unanswered; the host's was answered.
  for (const e of fromThird(log)) expect(repliesTo(log, log.indexOf(e))).toEqual([]);
  const [hostRequest] = fromHost(log);
  expect(repliesTo(log, log.indexOf(hostRequest)).map((e) => e.posted.type)).toEqual(['resize']);
  // Everything the app posted (ready, page, resize) went to the host's origin and nowhere else.
  const posted = log.filter((e) => 'posted' in e);
  expect(posted.map((e) => e.posted.type)).toEqual(expect.arrayContaining(['ready', 'page', 'resize']));
  expect([...new Set(posted.map((e) => e.target))]).toEqual([HOST_ORIGIN]);
  expect(await third.evaluate(() => window.got)).toEqual([]);
});

test('a link copied inside the frame carries none of the embed parameters', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: APP_ORIGIN });
  await page.goto(`${HOST}?perspective=distributor&sections=REL,TRU&accent=%237a2e8e&font_scale=1.1&lang=en&share_scores=1&results=1`);
  const frame = page.frameLocator('iframe');
  const src = new URL(await page.locator('iframe').getAttribute('src'));
  // The frame was given every option (and embed.js added embed and parent_origin).
  expect([...src.searchParams.keys()].sort()).toEqual(
    ['accent', 'embed', 'font_scale', 'lang', 'parent_origin', 'perspective', 'results', 'sections', 'share_scores'],
  );
  await frame.getByRole('button', { name: 'Start', exact: true }).click();
  await completeInFrame(frame, 2);
  await expect(frame.getByRole('heading', { level: 1, name: 'Results' })).toBeVisible();
  await frame.getByRole('button', { name: 'Copy share link' }).click();
  const link = await frame.getByRole('textbox', { name: 'Share link' }).inputValue();
  const url = new URL(link);
  expect(url.search).toBe('');
  expect(`${url.origin}${url.pathname}`).toBe(`${APP_ORIGIN}/`);
  expect(url.hash).toMatch(/^#r=/);
  // Opened on its own, it is the app's page, not an embedded frame.
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'Shared result' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
});

test('storage blocked in the third-party frame: the frame still works, with its notice', async ({ page }) => {
  await page.addInitScript(() => {
    if (window.top !== window) {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('Third-party storage is blocked.', 'SecurityError');
        },
      });
    }
  });
  await page.goto(`${HOST}?perspective=distributor`);
  const frame = page.frameLocator('iframe');
  await expect(frame.getByRole('status').filter({ hasText: 'will not be kept' })).toBeVisible();
  await frame.getByRole('button', { name: 'Start', exact: true }).click();
  await frame.getByRole('radio', { name: /^5 Embedded/ }).first().check();
  await expect(frame.getByRole('progressbar', { name: 'Questions answered' })).toHaveAttribute('aria-valuenow', '1');
});

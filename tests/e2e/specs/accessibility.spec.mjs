import { test, expect } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
import { AssessmentPage, asked, askedCount, content, en, expectedScores } from './app.mjs';

for (const colorScheme of ['light', 'dark']) {
  test(`axe finds no violations on any screen, ${colorScheme} colours`, async ({ page }) => {
    // Ten screens, each analysed whole: about 45 s on its own, more beside other tests.
    test.slow();
    await page.emulateMedia({ colorScheme });
    const found = [];
    await new AssessmentPage(page).everyScreen(async (screen) => {
      const result = await new AxeBuilder({ page }).analyze();
      for (const v of result.violations) found.push(`${screen}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    expect(found).toEqual([]);
  });
}

for (const [width, height, what] of [
  [320, 720, '320 px wide'],
  [640, 400, '200 % zoom (640 px wide for a 1280 px window)'],
]) {
  test(`at ${what} no screen scrolls sideways`, async ({ page }) => {
    // Every screen, and on a narrow screen each answer brings the next question into view.
    test.slow();
    await page.setViewportSize({ width, height });
    const wide = [];
    await new AssessmentPage(page).everyScreen(async (screen) => {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) wide.push(`${screen}: ${overflow}px too wide`);
    });
    expect(wide).toEqual([]);
  });
}

test('a keyboard-only run from the welcome page to the results, announced as it goes', async ({ page }) => {
  const app = new AssessmentPage(page);
  await app.open();
  // Welcome: Tab past the navigation and the preferences to the perspective, choose with the
  // arrow keys, Tab to Start.
  for (const [role, name] of [
    ['link', 'Assessment'], ['link', 'My assessments'], ['link', 'Workshops'],
    ['combobox', 'Language'], ['button', 'Dark mode'], ['radio', 'Brand owner'],
  ]) {
    await page.keyboard.press('Tab');
    await expect(page.getByRole(role, { name, exact: true })).toBeFocused();
  }
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: 'Distributor', exact: true })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  // Each page change is announced in a polite live region (found by what it says).
  const announcement = (text) => page.getByText(text, { exact: true });
  const total = askedCount('distributor');
  // Each question: Tab into its radio group, Space picks level 1, ArrowDown moves down the levels.
  const last = content.sections.length - 1;
  const levelOf = (sid, i) => {
    const s = content.sections.find((x) => x.id === sid);
    const position = s.items.filter((item, k) => k < i && asked(item, 'distributor')).length;
    return (position % 5) + 1;
  };
  let answered = 0;
  for (let s = 0; s <= last; s++) {
    const section = content.sections[s];
    await expect(app.heading(en(section.title))).toBeFocused();
    await expect(announcement(`Section ${s + 1} of 4: ${en(section.title)}. ${answered} of ${total} questions answered.`))
      .toHaveAttribute('aria-live', 'polite');
    for (const [i, item] of section.items.entries()) {
      if (!asked(item, 'distributor')) continue;
      await page.keyboard.press('Tab');
      await expect(app.question(s, i).getByRole('radio', { name: /^1 / })).toBeFocused();
      await page.keyboard.press('Space');
      for (let k = 1; k < levelOf(section.id, i); k++) await page.keyboard.press('ArrowDown');
      answered += 1;
    }
    await expect(app.progressbar()).toHaveAttribute('aria-valuenow', String(answered));
    // Tab past Back to Next (See results on the last page).
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Back', exact: true })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: s === last ? 'See results' : 'Next', exact: true })).toBeFocused();
    await page.keyboard.press('Enter');
  }
  await expect(app.heading('Results')).toBeFocused();
  await expect(announcement('Results.')).toHaveAttribute('aria-live', 'polite');
  await expect(page.getByText(expectedScores(levelOf, 'distributor').overallText, { exact: true })).toBeVisible();
});

test('the dark mode switch follows the system until pressed, then is remembered', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  const toggle = page.getByRole('button', { name: 'Dark mode' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const darkBg = await bg();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(await bg()).not.toBe(darkBg);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Dark mode' })).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

/** Runs in the page: every element (and pseudo-element) that transitions or animates, and smooth scrolling. */
function moving() {
  const seconds = (list) => Math.max(...list.split(',').map((v) => parseFloat(v) * (v.trim().endsWith('ms') ? 0.001 : 1)));
  const found = [];
  for (const el of document.querySelectorAll('*')) {
    for (const pseudo of [null, '::before', '::after']) {
      const cs = getComputedStyle(el, pseudo);
      const transition = seconds(cs.transitionDuration) + seconds(cs.transitionDelay);
      const animation = cs.animationName === 'none' ? 0 : seconds(cs.animationDuration);
      if (transition > 0 || animation > 0) {
        const what = `${el.tagName.toLowerCase()}${pseudo ?? ''}${el.getAttribute('role') ? ` (${el.getAttribute('role')})` : ''}`;
        found.push(`${what}: transition ${cs.transitionProperty} ${cs.transitionDuration}, animation ${cs.animationName} ${cs.animationDuration}`);
      }
    }
  }
  if (getComputedStyle(document.documentElement).scrollBehavior === 'smooth') found.push('smooth scrolling');
  return found;
}

test('with reduced motion nothing on any screen transitions or animates', async ({ page }) => {
  test.slow();
  const app = new AssessmentPage(page);
  // Without the preference the progress bar's fill glides: the check sees motion where there is some.
  await app.open();
  await app.start();
  const fill = () => app.progressbar().evaluate((bar) => getComputedStyle(bar.firstElementChild).transitionDuration);
  expect(await fill()).not.toBe('0s');
  expect(await page.evaluate(moving)).not.toEqual([]);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  expect(await fill()).toBe('0s');
  // Every screen from the start, in a browser with nothing saved.
  await page.evaluate(() => localStorage.clear());
  const found = [];
  await app.everyScreen(async (screen) => {
    for (const m of await page.evaluate(moving)) found.push(`${screen}: ${m}`);
  });
  expect(found).toEqual([]);
});

test('in forced colours (Windows high contrast) controls, answers, progress and focus stay visible', async ({ page }) => {
  const app = new AssessmentPage(page);
  await app.open();
  await app.start('Distributor');
  await app.answer(0, 0, 3);
  const group = app.question(0, 1);
  /** What a high-contrast user sees of the page's edges, read from computed styles. */
  const look = () => page.evaluate(() => {
    const system = (colour) => {
      const probe = document.createElement('div');
      probe.style.setProperty('forced-color-adjust', 'none');
      probe.style.setProperty('color', colour);
      document.body.append(probe);
      const value = getComputedStyle(probe).color;
      probe.remove();
      return value;
    };
    const edge = (el) => {
      const cs = getComputedStyle(el);
      return { border: `${cs.borderTopWidth} ${cs.borderTopStyle}`, borderColour: cs.borderTopColor, outline: `${cs.outlineWidth} ${cs.outlineStyle}`, outlineColour: cs.outlineColor };
    };
    const label = (radio) => radio.closest('label');
    const radios = [...document.querySelectorAll('input[type=radio]')];
    const bar = document.querySelector('[role=progressbar]');
    return {
      highlight: system('Highlight'),
      canvasText: system('CanvasText'),
      progress: edge(bar),
      progressFill: getComputedStyle(bar.firstElementChild).backgroundColor,
      chosen: edge(label(radios.find((r) => r.checked))),
      options: radios.filter((r) => !r.checked).map((r) => edge(label(r)).border),
      questions: [...document.querySelectorAll('fieldset')].map((f) => edge(f).border),
      buttons: [...document.querySelectorAll('button')].filter((b) => b.offsetParent).map((b) => `${b.textContent}: ${edge(b).border}`),
    };
  });
  const normal = await look();
  await page.emulateMedia({ forcedColors: 'active' });
  const forced = await look();
  // The progress bar gets an outline of its own and keeps its fill in the highlight colour.
  expect(normal.progress.border).toBe('0px none');
  expect(forced.progress.border).toBe('1px solid');
  expect(forced.progress.borderColour).toBe(forced.canvasText);
  expect(forced.progressFill).toBe(forced.highlight);
  // The chosen answer is outlined (its tinted background and inset shadow are gone in forced colours).
  expect(normal.chosen.outline).toMatch(/none$/);
  expect(forced.chosen.outline).toBe('2px solid');
  expect(forced.chosen.outlineColour).toBe(forced.highlight);
  // Every answer, question and button keeps a border.
  for (const border of [...forced.options, ...forced.questions]) expect(border).toBe('1px solid');
  expect(forced.buttons.length).toBeGreaterThan(1);
  for (const button of forced.buttons) expect(button).toMatch(/: 1px solid$/);
  // The keyboard focus ring is drawn in the highlight colour.
  await group.getByRole('radio').first().focus();
  await page.keyboard.press('ArrowDown');
  const focused = group.getByRole('radio').nth(1);
  await expect(focused).toBeFocused();
  const ring = await focused.evaluate((el) => {
    const cs = getComputedStyle(el);
    return `${cs.outlineWidth} ${cs.outlineStyle} ${cs.outlineColor}`;
  });
  expect(ring).toBe(`3px solid ${forced.highlight}`);
  // The results' radar outline is drawn in the highlight colour too.
  await app.answerAll(() => 4);
  const strokes = await page.getByRole('img', { name: 'Section scores (0 to 100 %)' }).evaluate(
    (svg) => [...svg.querySelectorAll('*')].map((el) => getComputedStyle(el).stroke),
  );
  expect(strokes).toContain(forced.highlight);
});

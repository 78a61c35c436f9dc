import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AxeResults, ImpactValue, Result } from 'axe-core';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { measureContrast, type MeasuredContrast } from './contrast.js';

/** Where every screen's screenshot goes (printed at the start and end of the run). */
export const SCREENSHOT_DIR =
  process.env.SCREENSHOT_DIR ?? fileURLToPath(new URL('./screenshots/', import.meta.url));

/** Debian's Chromium, never a downloaded browser. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** A page that records every console error and uncaught exception (the tests assert there are none). */
export interface WatchedPage {
  page: Page;
  errors: string[];
  /** Errors other than those matching `expected` (e.g. a 404 the test provokes on purpose). */
  unexpected(expected?: RegExp): string[];
}

/** A desktop page (1366×900, zh-CN unless `options` say otherwise), watched for errors. */
export async function openPage(
  browser: Browser,
  baseUrl: string,
  options: BrowserContextOptions = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: 'zh-CN',
    viewport: { width: 1366, height: 900 },
    ...options,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`http ${r.status()} ${r.request().method()} ${r.url()}`);
  });
  return {
    page,
    errors,
    unexpected: (expected) => errors.filter((e) => !expected || !expected.test(e)),
  };
}

/** A phone (390×844, touch, mobile) that knows its position and may use the clipboard, watched for errors. */
export async function openPhone(
  browser: Browser,
  baseUrl: string,
  geolocation: { longitude: number; latitude: number },
): Promise<WatchedPage> {
  return openPage(browser, baseUrl, {
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    geolocation,
    permissions: ['geolocation', 'clipboard-read', 'clipboard-write'],
  });
}

/** Runs `fn` on a fresh watched phone (openPhone), closes it, and fails on any console error or failed
 * request other than those matching `expected`. */
export async function withPhone(
  browser: Browser,
  baseUrl: string,
  geolocation: { longitude: number; latitude: number },
  fn: (w: WatchedPage) => Promise<void>,
  expected?: RegExp,
): Promise<void> {
  const w = await openPhone(browser, baseUrl, geolocation);
  try {
    await fn(w);
  } finally {
    await w.page.context().close();
  }
  expect(w.unexpected(expected), 'console errors, page errors or failed requests').toEqual([]);
}

/** Saves a full-page screenshot as <name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Logs in through the login form with the keyboard only. */
export async function login(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(/用户名|Username/).focus();
  await page.keyboard.type(username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await page.getByTestId('who').waitFor();
}

/** Runs `fn` on a fresh watched page, closes it, and fails on any console error or failed request
 * other than those matching `expected`. */
export async function withPage(
  browser: Browser,
  baseUrl: string,
  fn: (w: WatchedPage) => Promise<void>,
  expected?: RegExp,
): Promise<void> {
  const w = await openPage(browser, baseUrl);
  try {
    await fn(w);
  } finally {
    await w.page.context().close();
  }
  expect(w.unexpected(expected), 'console errors, page errors or failed requests').toEqual([]);
}

/** The WCAG 2.0 and 2.1 success criteria, levels A and AA: what the console promises (issue 5). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * What the audit runs: the WCAG rules, and axe's best practices, which hold the landmark and heading
 * rules (region, landmark-unique, heading-order, page-has-heading-one) that issue 5's "focus order"
 * and screen-reader navigation depend on.
 */
export const AUDIT_TAGS = [...WCAG_TAGS, 'best-practice'];

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** One axe-core audit of a screen. */
export interface Audit {
  screen: string;
  /** The rules that applied to this page (passed, failed or undecided). */
  rules: string[];
  violations: Result[];
  /** Text over a gradient or an image, whose contrast axe leaves undecided: measured on the pixels. */
  measured: MeasuredContrast[];
  /** Rules axe could not decide on some element and nothing measured (e.g. a label's visible "+"). */
  undecided: string[];
}

/** Runs axe-core on the page as it is now (AUDIT_TAGS) and returns what it found. */
export async function auditAccessibility(page: Page, screen: string): Promise<Audit> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH });
  // elementRef lets the page mark the very elements whose contrast axe left undecided, so the pixel
  // measurement below finds them by that mark rather than by re-running axe's selector (the page may
  // have changed since, and a selector is only unique at the moment axe wrote it).
  const results = await page.evaluate(async (values) => {
    const r = await (
      window as unknown as { axe: { run: (c: Document, o: object) => Promise<AxeResults> } }
    ).axe.run(document, {
      runOnly: { type: 'tag', values },
      resultTypes: ['violations', 'incomplete'],
      elementRef: true,
    });
    document.querySelectorAll('[data-a11y-measure]').forEach((e) => e.removeAttribute('data-a11y-measure'));
    const contrast = r.incomplete.find((rule) => rule.id === 'color-contrast');
    // In a frame (a target of several selectors) a mark would not be reachable: those are skipped.
    contrast?.nodes
      .filter((node) => node.target.length === 1)
      .forEach((node, i) =>
        (node as { element?: Element }).element?.setAttribute('data-a11y-measure', `${i}`),
      );
    for (const rule of [...r.passes, ...r.violations, ...r.incomplete, ...r.inapplicable]) {
      for (const node of rule.nodes) delete (node as { element?: Element }).element; // DOM nodes stay in the page
    }
    return r;
  }, AUDIT_TAGS);
  const rules = [...results.passes, ...results.violations, ...results.incomplete].map((r) => r.id);
  const measured: MeasuredContrast[] = [];
  const undecided = (results.incomplete.find((r) => r.id === 'color-contrast')?.nodes ?? []).filter(
    (node) => node.target.length === 1,
  );
  for (const [i, node] of undecided.entries()) {
    const m = await measureContrast(page, `[data-a11y-measure="${i}"]`);
    if (m) measured.push({ ...m, target: node.target.join(' ') });
  }
  return {
    screen,
    rules,
    violations: results.violations,
    measured,
    undecided: results.incomplete.filter((r) => r.id !== 'color-contrast').map((r) => r.id),
  };
}

/**
 * The impacts that fail a test. A WCAG rule's violation is a failed success criterion whatever axe
 * guesses its impact to be: "moderate" (a list item outside a list, two landmarks with one name) is
 * a conformance or navigation failure as much as "serious" (colour contrast) or "critical" (a
 * button without a name), so it counts too. Only "minor" is printed and let through.
 */
const FAILING: ReadonlySet<ImpactValue> = new Set<ImpactValue>(['moderate', 'serious', 'critical']);

/** A readable list of violations: rule, impact, the elements (CSS selectors) and what to do. */
export function describeViolations(violations: Result[]): string {
  return violations
    .map(
      (v) =>
        `- ${v.id} (${v.impact ?? 'unknown'}): ${v.help}\n` +
        v.nodes
          .slice(0, 8)
          .map(
            (n) =>
              `    ${n.target.join(' ')}${n.failureSummary ? ` — ${n.failureSummary.split('\n').slice(1).join(' ').trim()}` : ''}`,
          )
          .join('\n') +
        (v.nodes.length > 8 ? `\n    … and ${v.nodes.length - 8} more` : ''),
    )
    .join('\n');
}

/** Fails with the readable list when the audit found a violation of moderate impact or more. */
export function expectAccessible(audit: Audit): void {
  const failing = audit.violations.filter((v) => v.impact && FAILING.has(v.impact));
  const minor = audit.violations.filter((v) => !failing.includes(v));
  if (minor.length) console.warn(`accessibility (${audit.screen}), minor:\n${describeViolations(minor)}`);
  expect(describeViolations(failing), `accessibility violations on ${audit.screen}`).toBe('');
  const low = audit.measured.filter((m) => m.ratio < m.required);
  expect(
    low.map((m) => `${m.target}: contrast ${m.ratio}:1 over its background, needs ${m.required}:1`),
    `text over gradients and images on ${audit.screen}`,
  ).toEqual([]);
}

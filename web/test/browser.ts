import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { expect } from 'vitest';

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

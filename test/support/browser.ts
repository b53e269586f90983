import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import type { TestStack } from './test-stack.js';

/**
 * The browser tests' harness: Debian's Chromium driven by playwright-core (never a downloaded browser), the
 * API of a test stack listening on a real port and serving the built web app, axe accessibility checks, and
 * screenshots of every page at the desk's and a phone's size under test-output/screens (git-ignored; look at
 * them).
 */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const VIEWPORTS = {
  desk: { width: 1366, height: 768 },
  phone: { width: 390, height: 844 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

export const SCREENSHOT_DIR = path.resolve('test-output/screens');

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p);
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) {
    throw new Error(`No Chromium found (tried ${candidates.join(', ')}). Install Debian's package: apt-get install chromium (or set CHROMIUM_PATH).`);
  }
  return found;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS, headless: true });
}

/** Makes the stack's API listen on a free local port (the browser needs a real address) and returns its origin. */
export async function listen(stack: TestStack): Promise<string> {
  const server = stack.api.getHttpServer();
  if (!server.listening) await stack.api.listen(0, '127.0.0.1');
  const { port } = server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

/**
 * A page that fails the test on any console error or uncaught exception (a CSP violation, a React error, a
 * failed request the app did not handle), reported by `assertNoErrors()`.
 */
export interface WatchedPage {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly errors: string[];
  assertNoErrors(): void;
  close(): Promise<void>;
}

export async function openPage(browser: Browser, origin: string, viewport: ViewportName = 'desk', opts: { allowConsole?: RegExp[] } = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: VIEWPORTS[viewport], baseURL: origin, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  const errors: string[] = [];
  const allowed = (text: string) => (opts.allowConsole ?? []).some((r) => r.test(text));
  page.on('console', (m) => {
    if (m.type() === 'error' && !allowed(m.text())) errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  return {
    page,
    context,
    errors,
    assertNoErrors() {
      if (errors.length > 0) throw new Error(`The browser reported errors:\n${errors.join('\n')}`);
    },
    close: () => context.close(),
  };
}

/** No serious or critical axe violation on the page as it is now. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length > 0) {
    const lines = bad.map((v) => `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join('\n    ')}`);
    throw new Error(`Accessibility violations on ${what}:\n  ${lines.join('\n  ')}`);
  }
}

/** Saves a full-page screenshot as test-output/screens/<name>-<width>x<height>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const size = page.viewportSize();
  const file = path.join(SCREENSHOT_DIR, `${name}-${size?.width ?? 0}x${size?.height ?? 0}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Checks a page at both sizes: accessible, and photographed. `visit` brings the page to the state to check
 * (it runs once per viewport, in a fresh context).
 */
export async function checkPage(
  browser: Browser,
  origin: string,
  name: string,
  visit: (page: Page) => Promise<void>,
): Promise<void> {
  for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
    const w = await openPage(browser, origin, viewport);
    try {
      await visit(w.page);
      await expectAccessible(w.page, `${name} (${viewport})`);
      await screenshot(w.page, name);
      w.assertNoErrors();
    } finally {
      await w.close();
    }
  }
}

/** Signs in through the login form, as a person would. */
export async function signIn(page: Page, username: string, password = 'grassroots-demo'): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(/Tên đăng nhập|Username/).fill(username);
  await page.getByLabel(/Mật khẩu|Password/).fill(password);
  await page.getByLabel(/Mật khẩu|Password/).press('Enter');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

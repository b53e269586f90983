import type { Browser } from 'playwright-core';
import { checkPage, launchBrowser, listen, openPage, signIn } from '../support/browser.js';
import { startTestStack, type TestStack } from '../support/test-stack.js';

/** The web app as served by the API: sign-in, the role's start page, the language toggle, the SPA fallback. */
describe('the web app shell', () => {
  let stack: TestStack;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    stack = await startTestStack('webshell', { workerOnStart: false });
    origin = await listen(stack);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('serves the app at / and at every client route, keeps /api the API’s, and lets browsers cache only hashed assets', async () => {
    const index = await fetch(`${origin}/inbox?x=1`, { headers: { Accept: 'text/html' } });
    expect(index.status).toBe(200);
    expect(index.headers.get('cache-control')).toBe('no-store');
    const html = await index.text();
    expect(html).toContain('<div id="root">');
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    const js = await fetch(`${origin}${asset}`);
    expect(js.status).toBe(200);
    expect(js.headers.get('cache-control')).toMatch(/immutable/);
    const api404 = await fetch(`${origin}/api/no-such-route`, { headers: { Accept: 'text/html' } });
    expect(api404.status).toBe(404);
    expect(api404.headers.get('content-type')).toMatch(/problem\+json/);
    const missingAsset = await fetch(`${origin}/assets/nope-123.js`);
    expect(missingAsset.status).toBe(404);
  });

  it('signs a desk officer in, in Vietnamese, to the role’s start page; English on request; sign-out returns to the form', async () => {
    const w = await openPage(browser, origin);
    try {
      await signIn(w.page, 'desk');
      await w.page.getByRole('button', { name: /Đăng xuất/ }).waitFor();
      expect(await w.page.locator('html').getAttribute('lang')).toBe('vi');
      await w.page.getByRole('button', { name: 'English' }).click();
      await w.page.getByRole('button', { name: 'Sign out' }).waitFor();
      expect(await w.page.locator('html').getAttribute('lang')).toBe('en');
      await w.page.reload();
      await w.page.getByRole('button', { name: 'Sign out' }).click();
      await w.page.waitForURL(/\/login$/);
      w.assertNoErrors();
    } finally {
      await w.close();
    }
  });

  it('shows a wrong password in the server’s words, keeping what was typed', async () => {
    const w = await openPage(browser, origin, 'desk', { allowConsole: [/401/] });
    try {
      await w.page.goto('/login');
      await w.page.getByLabel('Tên đăng nhập').fill('desk');
      await w.page.getByLabel('Mật khẩu').fill('wrong-password');
      await w.page.getByRole('button', { name: 'Đăng nhập' }).click();
      await w.page.getByRole('alert').filter({ hasText: 'Tên đăng nhập hoặc mật khẩu không đúng.' }).waitFor();
      expect(await w.page.getByLabel('Tên đăng nhập').inputValue()).toBe('desk');
      w.assertNoErrors();
    } finally {
      await w.close();
    }
  });

  it('the sign-in page is accessible at the desk’s and a phone’s size', async () => {
    await checkPage(browser, origin, 'login', async (page) => {
      await page.goto('/login');
      await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    });
  });
});

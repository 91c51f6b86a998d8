// Keyboard use: the skip link comes first and works; signing in needs no mouse.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, DEMO, launch, session, a11y, path, h1 } from '../tools/helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return { tag: el.tagName.toLowerCase(), id: el.id, text: (el.innerText || '').trim(), href: el.getAttribute('href') };
});

async function skipLinkWorks(page) {
  await page.keyboard.press('Tab');
  const first = await focused(page);
  assert.equal(first.tag, 'a');
  assert.equal(first.text, 'Skip to main content');
  assert.equal(first.href, '#main');
  // It is visible when focused (not left off-screen).
  const box = await page.locator('a.skip').boundingBox();
  assert.ok(box && box.width > 0 && box.height > 0 && box.y >= 0 && box.x >= 0, `skip link visible on focus: ${JSON.stringify(box)}`);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'main');
  assert.equal((await focused(page)).tag, 'main');
  // The next Tab continues inside main.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.getElementById('main').contains(document.activeElement)), true);
}

test('sign-in page: skip link, then keyboard-only sign-in', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${BASE}/login`);
  await a11y(page, 'login');
  await skipLinkWorks(page);

  // Keyboard only, from the top of the page.
  await page.goto(`${BASE}/login`);
  await page.keyboard.press('Tab'); // skip link
  let guard = 0;
  while ((await focused(page)).id !== 'email' && guard++ < 10) await page.keyboard.press('Tab');
  assert.equal((await focused(page)).id, 'email', 'Tab reaches the email field');
  await page.keyboard.type(DEMO('casemanager'));
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).id, 'password');
  await page.keyboard.type('sendero-demo');
  await page.keyboard.press('Enter');
  await page.waitForURL(`${BASE}/`);
  assert.equal(await h1(page), 'Dashboard');
  await context.close();
});

test('signed-in pages: the skip link is the first Tab stop', async () => {
  const { context, page } = await session(browser, DEMO('casemanager'));
  for (const p of ['/', '/clients', '/clients/new']) {
    await page.goto(BASE + p);
    await skipLinkWorks(page);
    assert.equal(path(page), p);
  }
  await context.close();
});

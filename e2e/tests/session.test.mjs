// Signing in: a wrong password, and coming back to the page that asked for it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, DEMO, launch, a11y, path, h1 } from '../tools/helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a wrong password shows an alert and keeps the email', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${BASE}/login`);
  await page.getByLabel('Email').fill(DEMO('evaluator'));
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForLoadState('load');
  assert.equal(path(page), '/login');
  assert.equal(await page.getByRole('alert').innerText(), 'That email and password do not match an active account.');
  assert.equal(await page.getByLabel('Email').inputValue(), DEMO('evaluator'));
  assert.equal(await page.getByLabel('Password').inputValue(), '');
  await a11y(page, 'login with error');
  await context.close();
});

test('after signing in, the page that asked for it opens', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${BASE}/cases?status=open`);
  assert.equal(path(page), '/login');
  await page.getByLabel('Email').fill(DEMO('casemanager'));
  await page.getByLabel('Password').fill('sendero-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => u.pathname !== '/login');
  assert.equal(path(page), '/cases');
  assert.equal(new URL(page.url()).searchParams.get('status'), 'open');
  assert.equal(await h1(page), 'Cases');
  await context.close();
});

// Data protection: the sessions list on the account page (sign out another browser) and a
// client's complete export, both accessible.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, CM, DEMO, launch, a11y, session, visit, path } from '../tools/helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the account page lists sessions and signs out another browser', async () => {
  const phone = await session(browser, CM.spare);
  const laptop = await session(browser, CM.spare);
  await visit(laptop.page, '/account', { label: 'account with sessions' });
  const table = laptop.page.getByRole('table', { name: 'Where you are signed in' });
  const rows = table.locator('tbody tr');
  assert.ok(await rows.count() >= 2, 'both browsers are listed');
  assert.equal(await table.locator('tbody tr', { hasText: 'this browser' }).count(), 1);
  // Sign out every other session: the phone is signed out, the laptop stays.
  await laptop.page.getByRole('button', { name: 'End all other sessions' }).click();
  await laptop.page.waitForLoadState('load');
  assert.equal(path(laptop.page), '/account');
  assert.equal(await laptop.page.getByRole('table', { name: 'Where you are signed in' }).locator('tbody tr').count(), 1);
  await phone.page.goto(`${BASE}/clients`);
  assert.equal(path(phone.page), '/login');
  await a11y(laptop.page, 'account after signing out others');
  await phone.context.close();
  await laptop.context.close();
});

test('a client export shows every section and offers JSON', async () => {
  const { context, page } = await session(browser, CM.main);
  await page.goto(`${BASE}/clients`);
  const first = page.locator('#results tbody a').first();
  const href = await first.getAttribute('href');
  await visit(page, `${href}/export`, { label: 'client export' });
  for (const heading of ['Personal details', 'Contact channels', 'Cases', 'Case notes', 'Messages']) {
    assert.equal(await page.getByRole('heading', { name: heading, level: 2 }).count(), 1, heading);
  }
  // Fetched from the page (the browser sends its Secure session cookie to 127.0.0.1).
  const body = await page.evaluate(async (url) => (await fetch(url)).json(), `${href}/export.json`);
  assert.equal(body.format, 'sendero-client-export/1');
  assert.equal(body.client.length, 1);
  await context.close();
});

test('the data protection page shows settings and the retention plan', async () => {
  const { context, page } = await session(browser, DEMO('admin'));
  await visit(page, '/admin/protection', { label: 'data protection' });
  assert.equal(await page.getByLabel('Administrators and supervisors must use two-factor sign-in').isChecked(), false, 'demo organizations have it off');
  await page.getByLabel(/Delete closed cases/).fill('1');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.waitForLoadState('load');
  assert.equal(path(page), '/admin/protection');
  assert.equal(await page.getByRole('table', { name: 'What a purge would delete now' }).count(), 1);
  await a11y(page, 'data protection with a plan');
  // Put the setting back so other tests see the demo as seeded.
  await page.getByLabel(/Delete closed cases/).fill('');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.waitForLoadState('load');
  await context.close();
});

test('with two-factor required, a supervisor is sent to enrolment after the password', async () => {
  const admin = await session(browser, DEMO('admin'));
  const setRequired = async (on) => {
    await admin.page.goto(`${BASE}/admin/protection`);
    await admin.page.getByLabel('Administrators and supervisors must use two-factor sign-in').setChecked(on);
    await admin.page.getByRole('button', { name: 'Save settings' }).click();
    await admin.page.waitForLoadState('load');
  };
  await setRequired(true);
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${BASE}/login`);
    await page.getByLabel('Email').fill(DEMO('supervisor'));
    await page.getByLabel('Password').fill('sendero-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((u) => u.pathname === '/login/two-factor');
    assert.equal(await page.locator('h1').innerText(), 'Set up two-factor sign-in');
    assert.match(await page.locator('main').innerText(), /otpauth:\/\/totp\/Sendero:supervisor%40demo\.sendero\.org|otpauth:\/\/totp\/Sendero:supervisor@demo\.sendero\.org/);
    await a11y(page, 'two-factor enrolment');
    // Nothing else is reachable before enrolment.
    await page.goto(`${BASE}/cases`);
    assert.equal(path(page), '/login');
    await context.close();
  } finally {
    await setRequired(false);
    await admin.context.close();
  }
});

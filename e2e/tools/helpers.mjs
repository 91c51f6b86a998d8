// Shared helpers for the end-to-end tests.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { launch, signIn } from './browser.mjs';
import { checkA11y, formatViolations } from './a11y.mjs';

export const BASE = process.env.SENDERO_BASE_URL || 'http://127.0.0.1:8080';
export const DEMO = (role) => `${role}@demo.sendero.org`;
export { launch, signIn };

/** Letters only (the search indexes words of letters and digits), unique per call. */
export function tag() {
  return Array.from(randomBytes(6), (b) => String.fromCharCode(97 + (b % 26))).join('');
}

/** Asserts that the current page has no serious/critical axe findings. */
export async function a11y(page, label = '') {
  const violations = await checkA11y(page);
  assert.deepEqual(violations.map((v) => v.id), [], formatViolations(violations, `${label} ${page.url()}`));
}

/** Goes to a path, checks the status code, runs the accessibility check; returns the response. */
export async function visit(page, path, { status = 200, label = path } = {}) {
  const response = await page.goto(BASE + path);
  assert.equal(response.status(), status, `GET ${path} status`);
  await a11y(page, label);
  return response;
}

/** A fresh browser context signed in as the given user. The tests read English text, so the
 * interface is switched to English if the account prefers another language (english: false
 * leaves it alone). */
export async function session(browser, email, { english = true } = {}) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await signIn(page, BASE, email);
  if (english && await page.locator('html').getAttribute('lang') !== 'en') {
    await page.locator('#lang-select').selectOption('en');
    await page.locator('form.lang button[type=submit]').click();
    await page.waitForLoadState('load');
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  }
  return { context, page };
}

/** Demo case managers. The main one (Lucía) starts one case short of her caseload limit, so
 * tests that open cases beyond the journey use another one. */
export const CM = { main: DEMO('casemanager'), spare: 'cm3@demo.sendero.org' };

export function path(page) {
  return new URL(page.url()).pathname;
}

export async function h1(page) {
  return (await page.locator('h1').first().innerText()).trim();
}

/** Number of clients the signed-in user's organization has, read from /clients. */
export async function clientCount(page, q = '') {
  await page.goto(`${BASE}/clients${q ? `?q=${encodeURIComponent(q)}` : ''}`);
  const caption = page.locator('#results caption');
  if (await caption.count() === 0) return 0;
  const text = await caption.innerText();
  if (/^One client/.test(text)) return 1;
  const m = text.match(/(\d+)/);
  assert.ok(m, `client count caption: ${text}`);
  return Number(m[1]);
}

/** Registers a client through the form; returns its id (the profile URL's last segment). */
export async function registerClient(page, fields) {
  await page.goto(`${BASE}/clients/new`);
  for (const [label, value] of Object.entries(fields)) {
    await page.getByLabel(label).fill(value);
  }
  return saveNewClient(page);
}

/** Submits the new-client form. If Sendero proposes likely existing records first (duplicate
 * check), confirms it is someone else. Returns the new client's id. */
export async function saveNewClient(page) {
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForLoadState('load');
  if (path(page) === '/clients/new' && await page.locator('section.candidates').count() > 0) {
    await page.getByRole('button', { name: 'It is someone else: register a new person' }).click();
  }
  await page.waitForURL(/\/clients\/\d+$/);
  return Number(path(page).split('/').pop());
}

/** Response status of the last navigation triggered by an action (a form submit, a click). */
export async function submitAndStatus(page, action) {
  const [response] = await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    action(),
  ]);
  return response ? response.status() : null;
}

/** On a client profile: opens a case in the first program; returns the case path. The demo case
 * manager is close to the caseload limit, so tests close the cases they open (closeCase). */
export async function openCase(page) {
  const cases = page.locator('section[aria-labelledby="cases-h"]');
  await cases.getByRole('button', { name: 'Open a case' }).click();
  await page.waitForLoadState('load');
  const refused = cases.locator('.field-error');
  if (await refused.count()) assert.fail(`opening a case was refused: ${await refused.innerText()}`);
  assert.match(path(page), /^\/cases\/\d+$/);
  return path(page);
}

/** Closes a case (reason: other) through its page. */
export async function closeCase(page, casePath, reason = 'Other') {
  await page.goto(BASE + casePath);
  await page.locator('details summary', { hasText: 'Close the case' }).click();
  await page.getByLabel('Reason').selectOption({ label: reason });
  await page.locator('details form').getByRole('button', { name: 'Close the case' }).click();
  await page.waitForLoadState('load');
  assert.match(await page.locator('#case-status').innerText(), /^Closed/);
}

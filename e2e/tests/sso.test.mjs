// Single sign-on through a real OpenID provider (tools/oidc-provider.mjs, started by run.mjs):
// the button on the sign-in page, the provider's login and consent pages, and back signed in;
// an unverified email is refused with a clear message and no session.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, a11y, path, h1 } from '../tools/helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** At the provider's development pages: log in as `login` (any password), then consent. */
async function atProvider(page, login) {
  await page.waitForURL((u) => u.origin === new URL(process.env.E2E_OIDC_ISSUER).origin);
  await page.locator('input[name=login]').fill(login);
  await page.locator('input[name=password]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

async function sessionCookie(context) {
  // All cookies: the Secure ones are left out when asking for an http:// URL.
  return (await context.cookies()).find((c) => c.name === 'sendero_session' && c.domain === new URL(BASE).hostname);
}

test('the sign-in page offers single sign-on and passes the accessibility check', async () => {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${BASE}/login`);
  const button = page.getByRole('link', { name: 'Sign in with Sendero Test ID' });
  assert.equal(await button.count(), 1);
  assert.equal(await page.getByRole('heading', { name: "Or use your organization's account" }).count(), 1);
  await a11y(page, 'login with SSO');
  if (process.env.E2E_SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.E2E_SCREENSHOT_DIR}/sso-login.png`, fullPage: true });
  // The same in Spanish.
  await page.locator('#lang-select').selectOption('es');
  await page.locator('form.lang button[type=submit]').click();
  await page.waitForLoadState('load');
  assert.equal(await page.getByRole('link', { name: 'Iniciar sesión con Sendero Test ID' }).count(), 1);
  await a11y(page, 'login with SSO (es)');
  await context.close();
});

test('a case manager signs in through the provider and lands on the page that asked', async () => {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${BASE}/cases`);
  assert.equal(path(page), '/login');
  await page.getByRole('link', { name: 'Sign in with Sendero Test ID' }).click();
  await atProvider(page, 'case.manager');
  await page.waitForURL((u) => u.origin === new URL(BASE).origin && u.pathname === '/cases');
  assert.equal(await h1(page), 'Cases');
  assert.ok(await sessionCookie(context), 'a session');
  await page.goto(`${BASE}/`);
  assert.equal(path(page), '/');
  await a11y(page, 'dashboard after SSO');
  // Signing out and in again matches the linked identity (the provider remembers the login).
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL((u) => u.pathname === '/login');
  await page.getByRole('link', { name: 'Sign in with Sendero Test ID' }).click();
  await page.waitForURL((u) => u.origin === new URL(BASE).origin && !u.pathname.startsWith('/login') && !u.pathname.startsWith('/auth/'));
  assert.equal(path(page), '/');
  await context.close();
});

test('an unverified email is refused with a clear message and no session', async () => {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${BASE}/login`);
  await page.getByRole('link', { name: 'Sign in with Sendero Test ID' }).click();
  await atProvider(page, 'unverified');
  await page.waitForURL((u) => u.origin === new URL(BASE).origin);
  assert.match(await page.getByRole('alert').innerText(), /has not verified your email address/);
  assert.equal(await sessionCookie(context), undefined, 'no session');
  await page.goto(`${BASE}/`);
  assert.equal(path(page), '/login', 'still signed out');
  await a11y(page, 'login after refused SSO');
  await context.close();
});

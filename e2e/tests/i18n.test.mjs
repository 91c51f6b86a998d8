// Switching the interface language with the header form, and back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, DEMO, launch, session, a11y, visit, path, h1 } from '../tools/helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
// If a test fails half-way, put the shared demo account back into English for the other files.
after(async () => {
  try {
    const { context } = await session(browser, DEMO('casemanager')); // switches back to English
    await context.close();
  } finally {
    await browser?.close();
  }
});

const lang = (page) => page.locator('html').getAttribute('lang');

async function switchTo(page, label, button) {
  await page.getByLabel(label === 'Español' ? 'Language' : 'Idioma').selectOption({ label });
  await page.getByRole('button', { name: button }).click();
  await page.waitForLoadState('load');
}

test('signed in: Español turns the UI Spanish, persists, and switches back', async () => {
  const { context, page } = await session(browser, DEMO('casemanager'));
  await visit(page, '/clients');
  assert.equal(await lang(page), 'en');
  assert.equal(await h1(page), 'Clients');

  await switchTo(page, 'Español', 'Change language');
  assert.equal(path(page), '/clients', 'the language form returns to the same page');
  assert.equal(await lang(page), 'es');
  assert.equal(await h1(page), 'Clientes');
  assert.equal(await page.getByRole('link', { name: 'Registrar un cliente' }).count(), 1);
  assert.equal(await page.getByRole('link', { name: 'Saltar al contenido principal' }).count(), 1);
  assert.match(await page.title(), /^Clientes · Sendero$/);
  await a11y(page, 'clients in Spanish');

  // Persists across navigation.
  await page.getByRole('link', { name: 'Panel principal' }).first().click();
  await page.waitForURL(`${BASE}/`);
  assert.equal(await lang(page), 'es');
  assert.equal(await h1(page), 'Panel principal');
  await a11y(page, 'dashboard in Spanish');
  await visit(page, '/cases', { label: 'cases in Spanish' });
  assert.equal(await h1(page), 'Casos');
  await visit(page, '/no-such-page', { status: 404, label: '404 in Spanish' });
  assert.equal(await h1(page), 'No se encontró.');
  assert.equal(await page.getByRole('link', { name: 'Volver al panel principal' }).count(), 1);

  // Persists in a new session of the same user (stored on the account).
  const other = await session(browser, DEMO('casemanager'), { english: false });
  assert.equal(await lang(other.page), 'es');
  assert.equal(await h1(other.page), 'Panel principal');
  await other.context.close();

  // And back.
  await page.goto(`${BASE}/clients`);
  await switchTo(page, 'English', 'Cambiar idioma');
  assert.equal(await lang(page), 'en');
  assert.equal(await h1(page), 'Clients');
  await page.goto(`${BASE}/`);
  assert.equal(await h1(page), 'Dashboard');
  await context.close();
});

test('signed out: the sign-in page switches language', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await visit(page, '/login');
  assert.equal(await lang(page), 'en');
  await switchTo(page, 'Español', 'Change language');
  assert.equal(path(page), '/login');
  assert.equal(await lang(page), 'es');
  assert.equal(await h1(page), 'Iniciar sesión');
  assert.equal(await page.getByLabel('Correo electrónico').count(), 1);
  await a11y(page, 'login in Spanish');
  await switchTo(page, 'English', 'Cambiar idioma');
  assert.equal(await h1(page), 'Sign in');
  await context.close();
});

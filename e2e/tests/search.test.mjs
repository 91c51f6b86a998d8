// Client search: accents folded, other scripts kept, live results while typing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, DEMO, launch, session, a11y, tag, registerClient } from '../tools/helpers.mjs';

let browser, page;
before(async () => {
  browser = await launch();
  ({ page } = await session(browser, DEMO('casemanager')));
});
after(async () => { await browser?.close(); });

const resultNames = (page) => page.locator('#results tbody a').allInnerTexts();

test('"hernan" finds Hernández, typing live (no accent, no Enter)', async () => {
  const given = `Xochitl ${tag()}`;
  await registerClient(page, { 'Given names': given, 'Family names': 'Hernández López', 'Country of origin': 'Mexico' });
  await page.goto(`${BASE}/clients`);
  const box = page.getByLabel('Search by name (any spelling or script)');
  await box.pressSequentially('hernan', { delay: 30 });
  // htmx swaps the results and pushes the URL.
  await page.waitForURL(/[?&]q=hernan/);
  await page.waitForFunction(() => [...document.querySelectorAll('#results tbody a')].length > 0);
  const names = await resultNames(page);
  assert.ok(names.length > 0);
  assert.ok(names.every((n) => /Hern[aá]nd/i.test(n)), `every result is a Hernández: ${names.join(', ')}`);
  await a11y(page, 'client search results');

  // Narrowed to the one just created.
  await box.fill(`hernan ${given.split(' ')[1]}`);
  await box.press('Enter');
  await page.waitForFunction((g) => [...document.querySelectorAll('#results tbody a')].map((a) => a.innerText).join('|') === `${g} Hernández López`, given);
  assert.match(await page.locator('#results caption').innerText(), /^One client$/);
});

test('Arabic script: محمد', async () => {
  const family = `Al-Rashid ${tag()}`;
  const id = await registerClient(page, { 'Given names': 'محمد', 'Family names': family, 'Other names and spellings': 'Mohammed, Muhammad', 'Country of origin': 'Syria', 'Languages': 'Arabic' });
  await page.goto(`${BASE}/clients?q=${encodeURIComponent('محمد')}`);
  const names = await resultNames(page);
  assert.ok(names.includes(`محمد ${family}`), `found: ${names.join(', ')}`);
  assert.equal(await page.getByLabel('Search by name (any spelling or script)').inputValue(), 'محمد');
  await a11y(page, 'Arabic search');
  // The alias in Latin script finds the same person.
  await page.goto(`${BASE}/clients?q=${encodeURIComponent(`mohammed ${family.split(' ')[1]}`)}`);
  assert.deepEqual(await resultNames(page), [`محمد ${family}`]);
  await page.locator('#results tbody a').first().click();
  await page.waitForURL(`${BASE}/clients/${id}`);
  assert.equal(await page.locator('h1').innerText(), `محمد ${family}`);
  await a11y(page, 'profile with Arabic name');
});

test('no match says so', async () => {
  await page.goto(`${BASE}/clients?q=zzqxw${tag()}`);
  assert.equal(await page.locator('#results').innerText(), 'No clients match.');
});

test('the pager moves through the list', async () => {
  await page.goto(`${BASE}/clients`);
  const status = page.locator('nav.pager p');
  assert.match(await status.innerText(), /^Page 1 of (\d+) \((\d+) in all\)$/);
  const next = page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Next page' });
  const first = await page.locator('#results tbody a').first().innerText();
  await next.click();
  await page.waitForURL(/[?&]page=2/);
  assert.match(await page.locator('nav.pager p').innerText(), /^Page 2 of \d+/);
  assert.notEqual(await page.locator('#results tbody a').first().innerText(), first);
  await page.getByRole('link', { name: 'Previous page' }).click();
  await page.waitForURL(/[?&]page=1/);
  assert.equal(await page.locator('#results tbody a').first().innerText(), first);
});

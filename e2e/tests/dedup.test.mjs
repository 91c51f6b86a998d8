// Duplicate detection in the browser: explained candidates before saving, then a supervisor's
// merge and its undo.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, DEMO, CM, launch, session, a11y, path, h1, tag, saveNewClient } from '../tools/helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function fillClient(page, fields) {
  await page.goto(`${BASE}/clients/new`);
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label).fill(value);
}

test('registration shows an explained match, then registers a new person on request', async () => {
  const { context, page } = await session(browser, CM.spare);
  const family = `Hernández López ${tag()}`;
  await fillClient(page, { 'Given names': 'José', 'Family names': family, 'Date of birth': '1990-03-04', Phone: '+1 713 555 0134' });
  const firstId = String(await saveNewClient(page));

  // Typed again with another spelling: the candidate appears while typing (htmx) ...
  await fillClient(page, { 'Given names': 'Jose', 'Family names': family.normalize('NFD').replace(/[\u0300-\u036f]/g, ''), 'Date of birth': '1990-04-03' });
  await page.getByLabel('Country of origin').fill('Honduras');
  await page.getByLabel('Country of origin').press('Tab');
  const panel = page.locator('#duplicates section.candidates');
  await panel.waitFor();
  assert.match(await panel.innerText(), /Is this someone already registered\?/);
  assert.match(await panel.innerText(), /Date of birth: .*the same, swapped/);
  await a11y(page, 'registration with candidates');

  // ... and saving shows it again instead of creating a duplicate.
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForLoadState('load');
  assert.equal(path(page), '/clients/new');
  const link = page.getByRole('link', { name: /Open this record/ }).first();
  assert.equal(await link.getAttribute('href'), `/clients/${firstId}`);
  await page.getByRole('button', { name: 'It is someone else: register a new person' }).click();
  await page.waitForURL(/\/clients\/\d+$/);
  assert.notEqual(path(page).split('/').pop(), firstId);
  await context.close();
});

test('a supervisor merges two records and undoes the merge', async () => {
  const cm = await session(browser, CM.spare);
  const family = `Jozef ${tag()}`;
  for (const given of ['Wilner', 'Wilne']) {
    await fillClient(cm.page, { 'Given names': given, 'Family names': family, 'Date of birth': '1985-04-04', Phone: '+1 563 555 0150' });
    await cm.page.getByRole('button', { name: 'Save' }).click();
    await cm.page.waitForLoadState('load');
    if (path(cm.page) === '/clients/new') {
      await cm.page.getByRole('button', { name: 'It is someone else: register a new person' }).click();
      await cm.page.waitForURL(/\/clients\/\d+$/);
    }
  }
  await cm.context.close();
  const { context, page } = await session(browser, DEMO('supervisor'));
  await page.goto(`${BASE}/dedup`);
  assert.equal(await h1(page), 'Possible duplicate records');
  await a11y(page, 'duplicate review');
  // The demo registers Darwin Pérez twice (two sites, two spellings); the two Wilner records
  // above were declared different people at registration and are not proposed.
  const pairs = page.locator('section.pair');
  assert.ok(await pairs.count() > 0, 'the review lists at least one pair');
  assert.doesNotMatch(await page.locator('main').innerText(), new RegExp(`Wilne ${family}`));
  const first = page.locator('section.pair', { hasText: 'Darwin Perez' }).first();
  {
    await first.getByLabel('Reason').fill('Registered twice at two sites');
    await first.getByRole('button', { name: 'Merge' }).click();
    await page.waitForURL(/\/clients\/\d+$/);
    assert.match(await page.locator('dl.facts').innerText(), /Other names and spellings/);
    await page.goto(`${BASE}/dedup/merges`);
    await a11y(page, 'merges');
    await page.getByRole('button', { name: /^Undo/ }).first().click();
    await page.waitForLoadState('load');
    assert.match(await page.locator('table').innerText(), /undone/);
  }
  await context.close();
});

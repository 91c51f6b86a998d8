// Optimistic concurrency: two people edit the same client; the second save is refused with the
// first person's value shown, and the second person's typing kept.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, DEMO, launch, session, a11y, h1, tag, registerClient, submitAndStatus } from '../tools/helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('two users edit the same client: the second sees a conflict', async () => {
  const a = await session(browser, DEMO('casemanager'));
  const b = await session(browser, DEMO('supervisor'));
  const family = `Conflicto ${tag()}`;
  const id = await registerClient(a.page, { 'Given names': 'Fátima', 'Family names': family, 'Country of origin': 'Guatemala', 'Languages': "K'iche', Spanish" });

  // Both open the edit form.
  for (const { page } of [a, b]) {
    const r = await page.goto(`${BASE}/clients/${id}/edit`);
    assert.equal(r.status(), 200);
    assert.equal(await h1(page), 'Edit client');
    assert.equal(await page.getByLabel('Country of origin').inputValue(), 'Guatemala');
  }
  await a11y(a.page, 'edit client form');

  // The first saves a change.
  await a.page.getByLabel('Country of origin').fill('Mexico');
  await a.page.getByRole('button', { name: 'Save' }).click();
  await a.page.waitForURL(`${BASE}/clients/${id}`);
  assert.equal(await a.page.locator('dt:has-text("Country of origin") + dd').innerText(), 'Mexico');

  // The second, still on the old version, saves something else.
  await b.page.getByLabel('Country of origin').fill('El Salvador');
  await b.page.getByLabel('Languages').fill("K'iche', Spanish, English");
  const status = await submitAndStatus(b.page, () => b.page.getByRole('button', { name: 'Save' }).click());
  assert.equal(status, 409);
  assert.equal(new URL(b.page.url()).pathname, `/clients/${id}/edit`);
  const alert = b.page.getByRole('alert');
  assert.match(await alert.innerText(), /Someone else saved this record while you were editing it/);
  // The other person's value is shown, labelled with the field.
  assert.equal(await alert.locator('dt').first().innerText(), 'Country of origin');
  assert.equal(await alert.locator('dd').first().innerText(), 'Mexico');
  assert.equal(await alert.getByRole('link', { name: 'Discard my changes and load the current record' }).getAttribute('href'), `/clients/${id}/edit`);
  // The second person's typing is kept.
  assert.equal(await b.page.getByLabel('Country of origin').inputValue(), 'El Salvador');
  assert.equal(await b.page.getByLabel('Languages').inputValue(), "K'iche', Spanish, English");
  assert.equal(await b.page.getByLabel('Family names').inputValue(), family);
  await a11y(b.page, 'edit client form with conflict');

  // Saving again overwrites on top of the current version.
  await b.page.getByRole('button', { name: 'Save' }).click();
  await b.page.waitForURL(`${BASE}/clients/${id}`);
  assert.equal(await b.page.locator('dt:has-text("Country of origin") + dd').innerText(), 'El Salvador');
  assert.equal(await b.page.locator('dt:has-text("Languages") + dd').innerText(), "K'iche', Spanish, English");

  // And the first person now sees the second's value.
  await a.page.goto(`${BASE}/clients/${id}`);
  assert.equal(await a.page.locator('dt:has-text("Country of origin") + dd').innerText(), 'El Salvador');
  await a.context.close();
  await b.context.close();
});

// Form validation: errors next to their fields, typed values kept, nothing saved.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, CM, launch, session, a11y, visit, h1, tag, clientCount, registerClient, submitAndStatus, openCase, closeCase } from '../tools/helpers.mjs';

let browser, page;
before(async () => {
  browser = await launch();
  // The spare case manager: these tests open cases and the main one has a single free slot.
  ({ page } = await session(browser, CM.spare));
});
after(async () => { await browser?.close(); });

/** The error text an input's aria-describedby points to (only the ids ending in -error). */
async function describedError(input) {
  const ids = (await input.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
  const texts = [];
  for (const id of ids) {
    const el = input.page().locator(`[id="${id}"]`);
    assert.equal(await el.count(), 1, `aria-describedby target #${id} exists`);
    if (id.endsWith('error')) texts.push((await el.innerText()).trim());
  }
  return texts.join(' ');
}

test('new client form: empty given name and a bad birth date', async () => {
  const before = await clientCount(page);
  assert.ok(before > 0);
  const family = `Ramírez ${tag()}`;
  await visit(page, '/clients/new');
  await page.getByLabel('Family names').fill(family);
  await page.getByLabel('Date of birth').fill('31/12/1990');
  await page.getByLabel('Country of origin').fill('Honduras');
  await page.getByLabel('Languages').fill('Spanish');
  const status = await submitAndStatus(page, () => page.getByRole('button', { name: 'Save' }).click());
  assert.equal(status, 422);
  assert.equal(new URL(page.url()).pathname, '/clients/new');
  assert.equal(await h1(page), 'Register a client');
  assert.match(await page.getByRole('alert').first().innerText(), /Some fields need attention/);

  const given = page.getByLabel('Given names');
  assert.equal(await given.getAttribute('aria-invalid'), 'true');
  assert.equal(await describedError(given), 'Required.');
  const birth = page.getByLabel('Date of birth');
  assert.equal(await birth.getAttribute('aria-invalid'), 'true');
  assert.equal(await describedError(birth), 'Use YYYY-MM-DD, YYYY-MM or YYYY.');
  // The hint stays linked too.
  assert.match(await birth.getAttribute('aria-describedby'), /f-birth_date-hint/);
  // The error sits inside the field's own wrapper, right after the input.
  assert.equal(await page.locator('.field.has-error').count(), 2);
  assert.equal(await page.locator('.field.has-error #f-birth_date + .field-error').count(), 1);
  // Valid fields are not flagged.
  assert.equal(await page.getByLabel('Country of origin').getAttribute('aria-invalid'), null);

  // What was typed is kept.
  assert.equal(await page.getByLabel('Family names').inputValue(), family);
  assert.equal(await birth.inputValue(), '31/12/1990');
  assert.equal(await page.getByLabel('Country of origin').inputValue(), 'Honduras');
  assert.equal(await page.getByLabel('Languages').inputValue(), 'Spanish');
  await a11y(page, 'new client form with errors');

  // Nothing was saved.
  assert.equal(await clientCount(page), before);
  assert.equal(await clientCount(page, family), 0);
});

test('new client form: an impossible date and a bad phone', async () => {
  const before = await clientCount(page);
  await page.goto(`${BASE}/clients/new`);
  await page.getByLabel('Given names').fill('Ana');
  await page.getByLabel('Date of birth').fill('1990-02-30');
  await page.getByLabel('Phone').fill('12');
  const status = await submitAndStatus(page, () => page.getByRole('button', { name: 'Save' }).click());
  assert.equal(status, 422);
  assert.equal(await describedError(page.getByLabel('Date of birth')), 'That date does not exist.');
  assert.match(await describedError(page.getByLabel('Phone')), /7 to 15 digits/);
  assert.equal(await page.getByLabel('Given names').getAttribute('aria-invalid'), null);
  assert.equal(await page.getByLabel('Given names').inputValue(), 'Ana');
  await a11y(page, 'new client form with date and phone errors');
  assert.equal(await clientCount(page), before);
});

test('case notes: empty note and bad date are refused, nothing saved', async (t) => {
  const id = await registerClient(page, { 'Given names': 'Notas', 'Family names': `Prueba ${tag()}` });
  const caseUrl = BASE + await openCase(page);
  t.after(() => closeCase(page, new URL(caseUrl).pathname));
  const notes = page.locator('section[aria-labelledby="notes-h"]');
  const body = notes.getByLabel('Note');
  const date = notes.getByLabel('Date of contact');
  assert.match(await date.inputValue(), /^\d{4}-\d{2}-\d{2}$/, 'the date defaults to today');

  // The browser itself refuses an empty note (required).
  await notes.getByRole('button', { name: 'Add note' }).click();
  assert.equal(await body.evaluate((el) => el.validity.valueMissing), true);
  assert.equal(page.url(), caseUrl);

  // Without the browser's check, the server refuses it too.
  await body.evaluate((el) => el.form.setAttribute('novalidate', ''));
  let status = await submitAndStatus(page, () => notes.getByRole('button', { name: 'Add note' }).click());
  assert.equal(status, 422);
  let error = page.locator('.field-error', { hasText: 'Required.' });
  assert.equal(await error.count(), 1);
  assert.equal(await page.locator('section[aria-labelledby="notes-h"]').getByLabel('Note').getAttribute('aria-invalid'), 'true');
  await a11y(page, 'case page with empty-note error');

  // A date in the future.
  const notes2 = page.locator('section[aria-labelledby="notes-h"]');
  await notes2.getByLabel('Date of contact').fill('2999-01-01');
  await notes2.getByLabel('Note').fill('This note is dated in the future.');
  await notes2.evaluate((el) => el.querySelector('form').setAttribute('novalidate', ''));
  status = await submitAndStatus(page, () => notes2.getByRole('button', { name: 'Add note' }).click());
  assert.equal(status, 422);
  assert.equal(await page.locator('.field-error', { hasText: /^The date must be between [\d-]+ and today\.$/ }).count(), 1,
    'a date-range error is shown');
  await a11y(page, 'case page with note-date error');

  // A date that is not a date (typed past the date picker).
  const notes3 = page.locator('section[aria-labelledby="notes-h"]');
  await notes3.getByLabel('Date of contact').evaluate((el) => { el.type = 'text'; el.value = '2024-13-45'; });
  await notes3.getByLabel('Note').fill('Bad date.');
  await notes3.evaluate((el) => el.querySelector('form').setAttribute('novalidate', ''));
  status = await submitAndStatus(page, () => notes3.getByRole('button', { name: 'Add note' }).click());
  assert.equal(status, 422);
  assert.equal(await page.locator('.field-error', { hasText: 'Use the format YYYY-MM-DD.' }).count(), 1);

  // Nothing was saved.
  await visit(page, new URL(caseUrl).pathname);
  assert.equal(await page.locator('article.note').count(), 0);
  assert.ok(id > 0);
});

// A refused note keeps the typed text and date, and the date error sits on the date field.
test('case notes: a refused note keeps what was typed, date error on the date field', async (t) => {
  await registerClient(page, { 'Given names': 'Notas', 'Family names': `Conservar ${tag()}` });
  const casePath = await openCase(page);
  t.after(() => closeCase(page, casePath));
  const notes = page.locator('section[aria-labelledby="notes-h"]');
  await notes.getByLabel('Date of contact').fill('2999-01-01');
  await notes.getByLabel('Note').fill('Typed text that should survive.');
  await notes.evaluate((el) => el.querySelector('form').setAttribute('novalidate', ''));
  const status = await submitAndStatus(page, () => notes.getByRole('button', { name: 'Add note' }).click());
  assert.equal(status, 422);
  const after = page.locator('section[aria-labelledby="notes-h"]');
  assert.equal(await after.getByLabel('Note').inputValue(), 'Typed text that should survive.');
  assert.equal(await after.getByLabel('Date of contact').inputValue(), '2999-01-01');
  assert.equal(await after.getByLabel('Date of contact').getAttribute('aria-invalid'), 'true');
});

test('profile: a bad contact value and a household member without a name', async () => {
  const id = await registerClient(page, { 'Given names': 'Contacto', 'Family names': `Prueba ${tag()}` });
  const contacts = page.locator('section[aria-labelledby="contacts-h"]');
  await contacts.getByLabel('Kind', { exact: true }).selectOption('phone');
  await contacts.getByLabel('Value', { exact: true }).fill('abc');
  const status = await submitAndStatus(page, () => contacts.getByRole('button', { name: 'Add contact' }).click());
  assert.equal(status, 422);
  const value = page.locator('section[aria-labelledby="contacts-h"]').getByLabel('Value', { exact: true });
  assert.equal(await value.getAttribute('aria-invalid'), 'true');
  assert.match(await describedError(value), /7 to 15 digits/);
  assert.equal(await page.locator('section[aria-labelledby="contacts-h"] tbody tr').count(), 0);
  await a11y(page, 'profile with contact error');

  await page.locator('section[aria-labelledby="household-h"]').getByRole('button', { name: /Start a household/ }).click();
  await page.waitForLoadState('load');
  if (!/\/households\/\d+$/.test(new URL(page.url()).pathname)) {
    await page.locator('section[aria-labelledby="household-h"] a[href^="/households/"]').click();
    await page.waitForURL(/\/households\/\d+$/);
  }
  const form = page.locator('form[aria-labelledby="add-member-h"]');
  await form.getByLabel('Family names').fill('Sin Nombre');
  await form.getByLabel('Date of birth').fill('2030-01-01');
  const st = await submitAndStatus(page, () => form.getByRole('button', { name: 'Add a household member' }).click());
  assert.equal(st, 422);
  const f2 = page.locator('form[aria-labelledby="add-member-h"]');
  assert.equal(await describedError(f2.getByLabel('Given names')), 'Required.');
  assert.match(await describedError(f2.getByLabel('Date of birth')), /between \d{4} and today/);
  assert.equal(await f2.getByLabel('Family names').inputValue(), 'Sin Nombre');
  assert.equal(await page.locator('table tbody tr').count(), 1, 'no member was added');
  await a11y(page, 'household page with errors');
  assert.ok(id > 0);
});

test('edit form: clearing the given name is refused and nothing changes', async () => {
  const family = `Editar ${tag()}`;
  const id = await registerClient(page, { 'Given names': 'Original', 'Family names': family });
  await page.goto(`${BASE}/clients/${id}/edit`);
  await page.getByLabel('Given names').fill('');
  await page.getByLabel('A-number').fill('12');
  const status = await submitAndStatus(page, () => page.getByRole('button', { name: 'Save' }).click());
  assert.equal(status, 422);
  assert.equal(await describedError(page.getByLabel('Given names')), 'Required.');
  assert.equal(await describedError(page.getByLabel('A-number')), 'An A-number has 8 or 9 digits.');
  assert.equal(await page.getByLabel('A-number').inputValue(), '12');
  await a11y(page, 'edit form with errors');
  await page.goto(`${BASE}/clients/${id}`);
  assert.equal(await h1(page), `Original ${family}`);
});

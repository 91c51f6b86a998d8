// CSV import as the administrator: a bad row rejects the whole file; differently named
// columns are mapped by hand; imported people are then found by the client search.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE, DEMO, launch, session, a11y, visit, h1, tag, clientCount, submitAndStatus } from '../tools/helpers.mjs';

let browser, page, context, dir;
before(async () => {
  browser = await launch();
  ({ context, page } = await session(browser, DEMO('admin')));
  dir = mkdtempSync(join(process.env.E2E_TMP || tmpdir(), 'csv-'));
});
after(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function csv(name, text) {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

async function upload(file) {
  await visit(page, '/import', { label: 'import form' });
  assert.equal(await h1(page), 'Import clients');
  await page.getByLabel('CSV file').setInputFiles(file);
  return submitAndStatus(page, () => page.getByRole('button', { name: 'Upload and map columns' }).click());
}

test('a file with a bad date: errors name line and field, nothing imported', async () => {
  const family = `Lote ${tag()}`;
  const before = await clientCount(page);
  const file = csv('bad.csv', [
    'given_names,family_names,birth_date,country,languages',
    `Ana,${family},1990-05-01,Venezuela,Spanish`,
    `Luis,${family},31/12/1988,Venezuela,Spanish`,
    `Rosa,${family},2001,Venezuela,Spanish`,
  ].join('\n') + '\n');
  assert.equal(await upload(file), 200);
  // Same-named columns are matched already.
  assert.equal(await page.getByLabel('given_names', { exact: true }).inputValue(), 'given_names');
  assert.equal(await page.getByLabel('birth_date', { exact: true }).inputValue(), 'birth_date');
  assert.equal(await page.getByLabel('phone', { exact: true }).inputValue(), '');
  await a11y(page, 'import mapping page');
  const status = await submitAndStatus(page, () => page.getByRole('button', { name: 'Check every row and import' }).click());
  assert.equal(status, 422);
  assert.match(await page.getByRole('alert').innerText(), /One problem found\. Nothing was imported/);
  const table = page.locator('table', { has: page.locator('caption', { hasText: 'Problems found (nothing was imported)' }) });
  const rows = table.locator('tbody tr');
  assert.equal(await rows.count(), 1);
  const cells = await rows.first().locator('td').allInnerTexts();
  assert.deepEqual(cells.slice(0, 2), ['3', 'birth_date']);
  assert.match(cells[2], /YYYY-MM-DD/);
  await a11y(page, 'import errors');
  assert.equal(await clientCount(page), before);
  assert.equal(await clientCount(page, family), 0);
});

test('differently named columns mapped by hand: imported and searchable', async () => {
  const family = `Importada ${tag()}`;
  const before = await clientCount(page);
  const file = csv('good.csv', [
    'Nombre,Apellidos,Nacimiento,País,Idiomas,Teléfono',
    `Carmen,${family},1979-11-23,Colombia,"Spanish, English",+57 300 555 0101`,
    `Jhon Fredy,${family},2012,Colombia,Spanish,`,
  ].join('\r\n') + '\r\n');
  assert.equal(await upload(file), 200);
  assert.match(await page.locator('main').innerText(), /Match each Sendero column to a column of your file/);
  // Nothing matches by name.
  assert.equal(await page.getByLabel('given_names', { exact: true }).inputValue(), '');
  await page.getByLabel('given_names', { exact: true }).selectOption('Nombre');
  await page.getByLabel('family_names', { exact: true }).selectOption('Apellidos');
  await page.getByLabel('birth_date', { exact: true }).selectOption('Nacimiento');
  await page.getByLabel('country', { exact: true }).selectOption('País');
  await page.getByLabel('languages', { exact: true }).selectOption('Idiomas');
  await page.getByLabel('phone', { exact: true }).selectOption('Teléfono');
  await a11y(page, 'import mapping page (mapped)');
  const status = await submitAndStatus(page, () => page.getByRole('button', { name: 'Check every row and import' }).click());
  assert.equal(status, 200);
  assert.equal(await page.getByRole('status').innerText(), '2 clients imported.');
  await a11y(page, 'import done');
  await page.getByRole('main').getByRole('link', { name: 'Clients' }).click();
  await page.waitForURL(`${BASE}/clients`);
  assert.equal(await clientCount(page), before + 2);

  // Found by the client search, accents or not.
  await page.goto(`${BASE}/clients`);
  await page.getByLabel('Search by name').fill(`importada ${family.split(' ')[1]}`);
  await page.getByRole('button', { name: 'Search' }).click();
  await page.waitForURL(/q=/);
  const links = page.locator('#results tbody a');
  assert.deepEqual((await links.allInnerTexts()).sort(), [`Carmen ${family}`, `Jhon Fredy ${family}`]);
  assert.match(await page.locator('#results tbody tr', { hasText: 'Carmen' }).innerText(), /1979-11-23\s+Colombia\s+Spanish, English/);
  await page.locator('#results tbody a', { hasText: 'Carmen' }).click();
  await page.waitForURL(/\/clients\/\d+$/);
  assert.match(await page.locator('section[aria-labelledby="contacts-h"] tbody').innerText(), /\+57 300 555 0101/);
});

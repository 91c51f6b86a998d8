// What each role sees and may do, and that organizations do not see each other's clients.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, DEMO, launch, session, a11y, visit, path, h1, tag, registerClient, openCase, closeCase, clientCount } from '../tools/helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const nav = (page) => page.getByRole('navigation', { name: 'Main' });

for (const role of ['volunteer', 'attorney', 'evaluator']) {
  test(`${role}: no Clients link, /clients is forbidden`, async () => {
    const { context, page } = await session(browser, DEMO(role));
    assert.equal(await h1(page), 'Dashboard');
    assert.match(await page.locator('main').innerText(), /Your role does not include the client register/);
    assert.equal(await nav(page).getByRole('link', { name: 'Clients' }).count(), 0);
    assert.equal(await nav(page).getByRole('link', { name: 'Administration' }).count(), 0);
    await a11y(page, `${role} dashboard`);
    await visit(page, '/clients', { status: 403, label: `${role} /clients` });
    assert.equal(await h1(page), 'Your role does not allow this.');
    assert.match(await page.locator('main').innerText(), /Status 403/);
    const r = await page.goto(`${BASE}/clients/1`);
    assert.equal(r.status(), 403);
    await context.close();
  });
}

test('intake worker: registers clients, opens cases, sees no case notes', async () => {
  const { context, page } = await session(browser, DEMO('intake'));
  assert.equal(await nav(page).getByRole('link', { name: 'Clients' }).count(), 1);
  assert.equal(await nav(page).getByRole('link', { name: 'Caseloads' }).count(), 0);
  const before = await clientCount(page);
  const id = await registerClient(page, { 'Given names': 'Yusuf', 'Family names': `Abdi ${tag()}`, 'Country of origin': 'Somalia' });
  assert.equal(await clientCount(page), before + 1);
  await page.goto(`${BASE}/clients/${id}`);
  // Intake opens cases (OpenCases) but neither reads nor writes notes, nor moves the case.
  const casePath = await openCase(page);
  await visit(page, casePath, { label: 'case page as intake' });
  await page.getByRole('heading', { name: 'History' }).waitFor();
  assert.equal(await page.locator('#notes-h').count(), 0);
  assert.equal(await page.getByRole('heading', { name: 'Case notes' }).count(), 0);
  assert.equal(await page.getByLabel('Note').count(), 0);
  assert.equal(await page.getByRole('button', { name: 'Move to the next phase' }).count(), 0);
  assert.equal(await page.locator('details summary', { hasText: 'Close the case' }).count(), 0);
  await context.close();
});

test('case manager: no Caseloads, no Administration; supervisor sees Caseloads', async () => {
  const cm = await session(browser, DEMO('casemanager'));
  assert.equal(await nav(cm.page).getByRole('link', { name: 'Caseloads' }).count(), 0);
  assert.equal(await nav(cm.page).getByRole('link', { name: 'Administration' }).count(), 0);
  await visit(cm.page, '/caseloads', { status: 403 });
  await visit(cm.page, '/admin', { status: 403 });
  await cm.context.close();

  const sup = await session(browser, DEMO('supervisor'));
  await nav(sup.page).getByRole('link', { name: 'Caseloads' }).click();
  await sup.page.waitForURL(`${BASE}/caseloads`);
  assert.equal(await h1(sup.page), 'Caseloads');
  const row = sup.page.locator('tbody tr', { hasText: 'Case manager' }).first();
  await row.waitFor();
  assert.ok(await sup.page.locator('tbody tr').count() >= 2);
  assert.equal(await sup.page.locator('meter').count(), await sup.page.locator('tbody tr').count());
  await a11y(sup.page, 'caseloads');
  assert.equal(await nav(sup.page).getByRole('link', { name: 'Administration' }).count(), 0);
  await sup.context.close();
});

test('administrator: Administration, audit chain verifies, Import', async () => {
  const { context, page } = await session(browser, DEMO('admin'));
  await nav(page).getByRole('link', { name: 'Administration' }).click();
  await page.waitForURL(`${BASE}/admin`);
  assert.equal(await h1(page), 'Administration');
  assert.match(await page.locator('section[aria-labelledby="users-h"]').innerText(), /casemanager@demo\.sendero\.org/);
  await a11y(page, 'admin');
  await page.getByRole('link', { name: 'Audit log' }).click();
  await page.waitForURL(`${BASE}/admin/audit`);
  assert.equal(await h1(page), 'Audit log');
  assert.match(await page.getByRole('status').innerText(), /^The audit chain verifies: (one entry|\d+ entries), unaltered\.$/);
  assert.ok(await page.locator('tbody tr').count() > 0);
  await a11y(page, 'audit');
  await nav(page).getByRole('link', { name: 'Import' }).click();
  await page.waitForURL(`${BASE}/import`);
  assert.equal(await h1(page), 'Import clients');
  await a11y(page, 'import');
  await context.close();
});

test("another organization's client is a 404 for the lead agency", async () => {
  const partner = await session(browser, 'admin@puerta.demo.sendero.org');
  await partner.page.goto(`${BASE}/clients`);
  assert.equal(await h1(partner.page), 'Clients');
  const href = await partner.page.locator('#results tbody a[href^="/clients/"]').first().getAttribute('href');
  const foreignId = Number(href.split('/').pop());
  const foreignName = await partner.page.locator('#results tbody a[href^="/clients/"]').first().innerText();
  await partner.context.close();

  const cm = await session(browser, DEMO('casemanager'));
  await visit(cm.page, `/clients/${foreignId}`, { status: 404, label: 'foreign client (404 page)' });
  assert.equal(await h1(cm.page), 'Not found.');
  assert.match(await cm.page.locator('main').innerText(), /Status 404/);
  assert.doesNotMatch(await cm.page.content(), new RegExp(foreignName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  for (const p of [`/clients/${foreignId}/edit`]) {
    const r = await cm.page.goto(BASE + p);
    assert.equal(r.status(), 404, p);
  }
  await cm.page.getByRole('link', { name: 'Back to the dashboard' }).click();
  await cm.page.waitForURL(`${BASE}/`);
  // A path that does not exist at all: the same 404 page.
  await visit(cm.page, '/no-such-page', { status: 404, label: '404 page' });
  assert.equal(await h1(cm.page), 'Not found.');
  assert.equal(path(cm.page), '/no-such-page');
  await cm.context.close();
});

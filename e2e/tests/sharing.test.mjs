// Between organizations: consent → the partner's view → revocation → no access; a case
// transferred to a partner; and the de-identified board and consortium reports.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, DEMO, CM, launch, session, a11y, visit, path, h1, tag, registerClient, openCase } from '../tools/helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const HOUSTON_ADMIN = 'admin@puerta.demo.sendero.org';
const TUCSON_ADMIN = 'admin@tucson.demo.sendero.org';

test('consent opens exactly the consented parts to the partner, until revoked', async () => {
  const family = `Consentido ${tag()}`;
  const lead = await session(browser, CM.spare);
  const id = await registerClient(lead.page, { 'Given names': 'Luis', 'Family names': family, 'Phone': '+1 713 555 0199', 'A-number': '212 345 679' });
  const consents = lead.page.locator('section[aria-labelledby="consents-h"]');
  await consents.locator('summary', { hasText: 'Record a consent' }).click();
  // Submitting with nothing chosen explains each problem next to its field.
  await consents.getByLabel('Purpose').fill('Hearing in Houston');
  await consents.getByLabel('Shared with').selectOption({ label: 'Puerta Abierta Houston (Houston, TX)' });
  await consents.getByLabel('Verbal, with a witness').check();
  await consents.getByRole('button', { name: 'Record a consent' }).click();
  await lead.page.waitForLoadState('load');
  assert.match(await consents.innerText(), /Choose at least one part of the record to share\./);
  assert.match(await consents.innerText(), /Verbal consent needs the name of a witness\./);
  await a11y(lead.page, 'consent form with errors');
  await consents.getByLabel('Contact details').check();
  await consents.getByLabel('Witness (required for verbal consent)').fill('María Díaz');
  await consents.getByRole('button', { name: 'Record a consent' }).click();
  await lead.page.waitForURL(new RegExp(`/clients/${id}`));
  assert.match(await consents.innerText(), /Puerta Abierta Houston[\s\S]*In force/);
  await a11y(lead.page, 'client with a consent');

  // The Houston partner finds the person under "Shared with us" and sees the phone, not the A-number.
  const partner = await session(browser, HOUSTON_ADMIN);
  await visit(partner.page, '/shared', { label: 'shared with us' });
  await partner.page.getByRole('link', { name: `Luis ${family}` }).click();
  await partner.page.waitForLoadState('load');
  assert.equal(await h1(partner.page), `Luis ${family}`);
  const shared = await partner.page.locator('main').innerText();
  assert.match(shared, /\+1 713 555 0199/);
  assert.doesNotMatch(shared, /212/);
  assert.match(shared, /This visit is recorded/);
  await a11y(partner.page, 'shared record');
  const sharedPath = path(partner.page);
  // The partner's own client register does not contain the person.
  await visit(partner.page, `/clients/${id}`, { status: 404, label: 'holder record from the partner' });

  // The holder sees the read, then revokes; the partner's next visit finds nothing.
  await lead.page.locator(`a[href^="/consents/"]`).first().click();
  await lead.page.waitForLoadState('load');
  assert.match(await lead.page.locator('main').innerText(), /Partner Administrator\s+Puerta Abierta Houston/);
  await a11y(lead.page, 'consent with its reads');
  await lead.page.goto(`${BASE}/clients/${id}`);
  await consents.getByRole('button', { name: /^Revoke/ }).click();
  await lead.page.waitForLoadState('load');
  assert.match(await consents.innerText(), /Revoked/);
  await visit(partner.page, sharedPath, { status: 404, label: 'revoked shared record' });
  await lead.context.close();
  await partner.context.close();
});

test('a case is transferred to a partner, who accepts it', async () => {
  const family = `Traslado ${tag()}`;
  const lead = await session(browser, CM.spare);
  const id = await registerClient(lead.page, { 'Given names': 'Rosa', 'Family names': family, 'Phone': '+1 520 555 0188' });
  const casePath = await openCase(lead.page);
  const section = lead.page.locator('section[aria-labelledby="transfer-h"]');
  await section.locator('summary', { hasText: 'Propose a transfer' }).click();
  await section.getByLabel('Receiving organization').selectOption({ label: 'Tucson Welcome Network (Tucson, AZ)' });
  await section.getByLabel('Hand-off summary').fill('Moving to Tucson with her sister. Needs a clinic and school enrolment for two children.');
  await section.getByRole('button', { name: 'Propose a transfer' }).click();
  await lead.page.waitForURL(new RegExp(`${casePath}`));
  assert.match(await section.innerText(), /Tucson Welcome Network · Waiting for an answer/);
  await a11y(lead.page, 'case with a proposed transfer');

  const tucson = await session(browser, TUCSON_ADMIN);
  await visit(tucson.page, '/transfers', { label: 'incoming transfers' });
  await tucson.page.getByRole('link', { name: `Rosa ${family}` }).click();
  await tucson.page.waitForLoadState('load');
  assert.match(await tucson.page.locator('main').innerText(), /Needs a clinic and school enrolment/);
  await a11y(tucson.page, 'transfer to answer');
  await tucson.page.getByRole('button', { name: 'Accept and open a case' }).click();
  await tucson.page.waitForURL(/\/cases\/\d+$/);
  assert.match(await h1(tucson.page), new RegExp(`^Rosa ${family}`));

  // Without kept access, the lead agency's staff see only that the record moved.
  await visit(lead.page, `/clients/${id}`, { status: 410, label: 'transferred record' });
  assert.match(await lead.page.locator('main').innerText(), /transferred to Tucson Welcome Network/);
  await lead.context.close();
  await tucson.context.close();
});

test('board and consortium reports are de-identified and download as CSV, XLSX and PDF', async () => {
  const { context, page } = await session(browser, DEMO('evaluator'));
  await visit(page, '/reports', { label: 'reports index' });
  await page.getByRole('link', { name: 'Board and funder report' }).click();
  await page.waitForLoadState('load');
  await page.getByLabel('Program').selectOption({ label: 'Case Management Pilot (ATD)' });
  await page.getByRole('button', { name: 'Show report' }).click();
  await page.waitForLoadState('load');
  const report = await page.locator('#board-report').innerText();
  assert.match(report, /Enrolment goal\s+700/);
  assert.match(report, /Cost per participant-day \(\$\)\s+\d+\.\d\d/);
  assert.match(report, /Detention cost per day \(\$\)\s+164\.65/);
  assert.doesNotMatch(report, /Darwin|Pérez/);
  await a11y(page, 'board report');
  for (const [ext, type] of [['csv', 'text/csv'], ['xlsx', 'application/vnd.openxmlformats'], ['pdf', 'application/pdf']]) {
    const href = await page.getByRole('link', { name: ext.toUpperCase(), exact: true }).getAttribute('href');
    // Fetched from the page: the session cookie is Secure, which only the browser sends to 127.0.0.1.
    const [status, contentType, size] = await page.evaluate(async (u) => {
      const r = await fetch(u);
      return [r.status, r.headers.get('content-type'), (await r.arrayBuffer()).byteLength];
    }, href);
    assert.equal(status, 200, ext);
    assert.ok(contentType.startsWith(type), `${ext}: ${contentType}`);
    assert.ok(size > 100, `${ext}: ${size} bytes`);
  }
  await visit(page, '/reports/consortium', { label: 'consortium report' });
  const table = await page.locator('#consortium-report').innerText();
  for (const org of ['Camino Community Services', 'Puerta Abierta Houston', 'Tucson Welcome Network', 'Dubuque Neighbors Network', 'All organizations']) {
    assert.match(table, new RegExp(org));
  }
  await context.close();
});

test('an administrator schedules a report; the worker has made last month\'s board report', async () => {
  const { context, page } = await session(browser, DEMO('admin'));
  await visit(page, '/reports', { label: 'reports index' });
  await page.getByRole('link', { name: 'Scheduled reports' }).click();
  await page.waitForLoadState('load');
  assert.equal(await h1(page), 'Scheduled reports');
  await a11y(page, 'scheduled reports');
  // Nobody chosen: the error says so and keeps the choices.
  const form = page.locator('section[aria-labelledby="schn-h"]');
  await form.getByLabel('Report', { exact: true }).selectOption({ label: 'Consortium aggregates' });
  await form.getByLabel('How often').selectOption('quarterly');
  await form.getByLabel('Format').selectOption('xlsx');
  await form.getByRole('button', { name: 'Schedule' }).click();
  await page.waitForLoadState('load');
  assert.match(await page.locator('#schedule-error').innerText(), /Choose at least one recipient who may view reports\./);
  assert.equal(await form.getByLabel('How often').inputValue(), 'quarterly');
  await a11y(page, 'scheduled reports with an error');
  await form.getByLabel(/Priya Raman/).check();
  await form.getByRole('button', { name: 'Schedule' }).click();
  await page.waitForLoadState('load');
  const schedules = page.locator('section[aria-labelledby="sch-h"]');
  assert.match(await schedules.innerText(), /Quarterly \(the quarter before\)\s+XLSX\s+Priya Raman/);

  // The demo's monthly board report was due on the first of this month: the worker made it.
  const runs = page.locator('section[aria-labelledby="runs-h"] a[download]');
  for (let i = 0; i < 40 && (await runs.count()) === 0; i++) {
    await page.waitForTimeout(500);
    await page.reload();
  }
  assert.ok((await runs.count()) >= 1, 'the worker made the scheduled run');
  const href = await runs.first().getAttribute('href');
  const [status, contentType, head] = await page.evaluate(async (u) => {
    const r = await fetch(u);
    const bytes = new Uint8Array(await r.arrayBuffer());
    return [r.status, r.headers.get('content-type'), String.fromCharCode(...bytes.slice(0, 5))];
  }, href);
  assert.equal(status, 200);
  assert.equal(contentType, 'application/pdf');
  assert.equal(head, '%PDF-');
  await context.close();
});

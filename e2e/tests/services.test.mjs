// Service plans, the service log and closed-loop referrals end to end: a plan with a goal,
// two services logged, a referral to a directory service marked accepted then completed, and
// the referral outcome report showing it. Every page is checked with axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, DEMO, CM, launch, session, a11y, visit, path, h1, tag, registerClient, openCase, closeCase } from '../tools/helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function logService(page, category, minutes, cost) {
  const section = page.locator('section[aria-labelledby="services-h"]');
  await section.locator('details summary', { hasText: 'Log a service' }).click();
  await section.getByLabel('Category').selectOption({ label: category });
  await section.getByLabel('Minutes').fill(String(minutes));
  await section.getByLabel('Cost (USD)').fill(cost);
  await section.getByRole('button', { name: 'Log a service' }).click();
  await page.waitForLoadState('load');
}

test('plan, services and a closed-loop referral to a directory service', async () => {
  const { page, context } = await session(browser, CM.spare);
  const family = `Haddad ${tag()}`;
  await registerClient(page, { 'Given names': 'Salma', 'Family names': family });
  const cases = page.locator('section[aria-labelledby="cases-h"]');
  await cases.getByLabel('Program').selectOption({ label: 'Destination Accompaniment' });
  const casePath = await openCase(page);
  await a11y(page, 'case page with service sections');

  // A goal in the client's words.
  const plan = page.locator('section[aria-labelledby="plan-h"]');
  await plan.locator('details summary', { hasText: 'Add a goal' }).click();
  await plan.getByLabel("Goal, in the client's words").fill('Quiero que mis hijos vayan a la escuela');
  await plan.getByLabel('Area').selectOption({ label: 'School enrolment' });
  await plan.getByRole('button', { name: 'Add a goal' }).click();
  await page.waitForLoadState('load');
  assert.match(await plan.innerText(), /Quiero que mis hijos vayan a la escuela/);
  assert.match(await plan.innerText(), /Revision 1/);

  // The crisis plan (a revision of the plan).
  await plan.locator('details summary', { hasText: 'Edit the crisis plan' }).click();
  await plan.getByLabel('Warning signs').fill('Stops answering the phone');
  await plan.getByLabel('Safe contacts').fill('Her cousin in Tucson');
  await plan.getByLabel('Steps to take').fill('Call the 24-hour line');
  await plan.getByRole('button', { name: 'Save the crisis plan' }).click();
  await page.waitForLoadState('load');
  assert.match(await plan.innerText(), /Her cousin in Tucson/);
  await a11y(page, 'case with a plan');
  await visit(page, `${casePath}/plan/history`, { label: 'plan history' });
  assert.match(await page.locator('main').innerText(), /Revision 1/);

  // Two services.
  await page.goto(BASE + casePath);
  await logService(page, 'Food', 20, '0');
  await logService(page, 'Transportation', 45, '12.50');
  const log = page.locator('section[aria-labelledby="services-h"] tbody tr');
  assert.equal(await log.count(), 2);
  assert.match(await log.first().innerText(), /12\.50|0\.00/);

  // Refer to a directory service: consent is required, then only the chosen fields go.
  await page.locator('section[aria-labelledby="referrals-h"]').getByRole('link', { name: 'Refer' }).click();
  await page.waitForLoadState('load');
  assert.equal(await h1(page), `Refer: Salma ${family}`);
  await a11y(page, 'referral form');
  await page.getByLabel('Category').selectOption({ label: 'Temporary housing' });
  await page.getByRole('button', { name: 'Search' }).click();
  await page.waitForLoadState('load');
  await page.getByLabel(/Emergency family shelter/).check();
  await page.getByLabel('Name', { exact: true }).check();
  await page.getByRole('checkbox', { name: 'What the client needs' }).check();
  await page.getByLabel('Describe what the client needs').fill('Beds for a mother and two children');
  await page.getByRole('button', { name: 'Send the referral' }).click();
  await page.waitForLoadState('load');
  // No consent recorded: the browser's required fields stop it, so say who and how.
  assert.match(path(page), /\/refer$/);
  await page.getByLabel(/Emergency family shelter/).check();
  await page.getByLabel('Name', { exact: true }).check();
  await page.getByLabel('Consent given by').fill(`Salma ${family}`);
  await page.getByLabel('How').selectOption({ label: 'Verbal' });
  await page.getByRole('button', { name: 'Send the referral' }).click();
  await page.waitForLoadState('load');
  assert.equal(path(page), casePath);
  const referrals = page.locator('section[aria-labelledby="referrals-h"]');
  assert.match(await referrals.locator('tbody tr').first().innerText(), /Emergency family shelter[\s\S]*Requested/);

  for (const step of ['Accepted', 'Completed']) {
    const row = referrals.locator('tbody tr').first();
    await row.getByLabel(/Next step/).selectOption({ label: step });
    await row.getByRole('button', { name: 'Record' }).click();
    await page.waitForLoadState('load');
    assert.match(await referrals.locator('tbody tr').first().locator('.referral-status').innerText(), new RegExp(step));
  }
  await a11y(page, 'case with a completed referral');

  // The referral outcome report counts it.
  const supervisor = await session(browser, DEMO('supervisor'));
  await visit(supervisor.page, '/reports/referrals', { label: 'referral outcomes' });
  const row = supervisor.page.locator('#referral-outcomes tbody tr', { hasText: 'Emergency family shelter' });
  const cells = await row.locator('td').allInnerTexts();
  assert.ok(Number(cells[3]) >= 1, `completed count: ${cells}`);
  await visit(supervisor.page, '/reports/billing', { label: 'billing report' });
  await supervisor.context.close();

  await closeCase(page, casePath);
  await context.close();
});

test('directory search, incoming referrals and services settings pages are accessible', async () => {
  const { page, context } = await session(browser, CM.spare);
  await visit(page, '/directory', { label: 'directory' });
  await page.getByLabel('Language spoken').fill('ht');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.waitForLoadState('load');
  const results = page.locator('#directory-results > li');
  assert.equal(await results.count(), 2);
  await visit(page, '/directory?show_in=es&category=food', { label: 'directory in Spanish' });
  assert.match(await page.locator('#directory-results').innerText(), /Banco de alimentos comunitario/);
  await visit(page, '/referrals/incoming', { label: 'incoming referrals' });
  await context.close();

  // The Houston partner sees the referral Darwin Pérez consented to, and only what was shared.
  const partner = await session(browser, 'casemanager@puerta.demo.sendero.org');
  await visit(partner.page, '/referrals/incoming', { label: 'partner queue' });
  await partner.page.locator('tbody a').first().click();
  await partner.page.waitForLoadState('load');
  await a11y(partner.page, 'incoming referral');
  const shared = await partner.page.locator('main').innerText();
  assert.match(shared, /Darwin Pérez Mejía/);
  assert.doesNotMatch(shared, /A 219-384-110|219384110/, 'the A-number was not shared');
  await partner.context.close();

  const admin = await session(browser, DEMO('admin'));
  await visit(admin.page, '/admin/services', { label: 'services settings' });
  await admin.context.close();
});

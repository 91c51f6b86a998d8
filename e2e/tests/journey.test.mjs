// The main journey of a case manager: register a client, build a household, open a case,
// move it forward, write a note, close it, sign out.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, DEMO, launch, a11y, visit, path, h1, tag, submitAndStatus } from '../tools/helpers.mjs';
import { saveNewClient } from '../tools/helpers.mjs';

let browser, context, page;
before(async () => {
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  page = await context.newPage();
});
after(async () => { await browser?.close(); });

test('case manager journey: client → household → case → note → close → sign out', async (t) => {
  const given = 'Wilner';
  const family = `Joseph Désir ${tag()}`;
  let clientId, caseUrl;

  await t.test('sign in', async () => {
    await visit(page, '/login');
    assert.equal(await h1(page), 'Sign in');
    await page.getByLabel('Email').fill(DEMO('casemanager'));
    await page.getByLabel('Password').fill('sendero-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${BASE}/`);
    assert.equal(await h1(page), 'Dashboard');
    await assert.doesNotReject(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).waitFor());
    await a11y(page, 'dashboard');
  });

  await t.test('register a client', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
    await page.waitForURL(/\/clients$/);
    assert.equal(await h1(page), 'Clients');
    await a11y(page, 'client list');
    await page.getByRole('link', { name: 'Register a client' }).click();
    await page.waitForURL(/\/clients\/new$/);
    assert.equal(await h1(page), 'Register a client');
    await a11y(page, 'new client form');
    await page.getByLabel('Given names').fill(given);
    await page.getByLabel('Family names').fill(family);
    await page.getByLabel('Date of birth').fill('1985-04');
    await page.getByLabel('Country of origin').fill('Haiti');
    await page.getByLabel('Languages').fill('Haitian Creole, French');
    await page.getByLabel('Phone').fill('+1 (305) 555-0142');
    clientId = await saveNewClient(page);
    assert.equal(await h1(page), `${given} ${family}`);
    const facts = page.locator('dl.facts');
    assert.equal(await facts.locator('dt:has-text("Date of birth") + dd').innerText(), '1985-04');
    assert.equal(await facts.locator('dt:has-text("Country of origin") + dd').innerText(), 'Haiti');
    assert.equal(await facts.locator('dt:has-text("Languages") + dd').innerText(), 'Haitian Creole, French');
    const contacts = page.locator('section[aria-labelledby="contacts-h"] tbody');
    assert.match(await contacts.innerText(), /Phone\s+\+1 \(305\) 555-0142/);
    await a11y(page, 'client profile');
  });

  await t.test('start a household and add a child', async () => {
    const household = page.locator('section[aria-labelledby="household-h"]');
    assert.match(await household.innerText(), /Not part of a household yet/);
    await household.getByRole('button', { name: 'Start a household with this person as head of family' }).click();
    await page.waitForLoadState('load');
    // Either the profile now links the household or we landed on the household page.
    if (!/\/households\/\d+$/.test(path(page))) {
      await page.locator('section[aria-labelledby="household-h"] a[href^="/households/"]').click();
      await page.waitForURL(/\/households\/\d+$/);
    }
    assert.match(await h1(page), new RegExp(`${family.split(' ').pop()}|${given}`));
    assert.match(await page.locator('table caption').first().innerText(), /one member/);
    await a11y(page, 'household page');
    const form = page.locator('form[aria-labelledby="add-member-h"]');
    await form.getByLabel('Relationship to head of family').selectOption('child');
    await form.getByLabel('Given names').fill('Nadia');
    await form.getByLabel('Family names').fill(family);
    await form.getByLabel('Date of birth').fill('2015-09-02');
    await form.getByLabel('Country of origin').fill('Haiti');
    await form.getByLabel('Languages').fill('Haitian Creole');
    await form.getByRole('button', { name: 'Add a household member' }).click();
    await page.waitForURL(/\/households\/\d+$/);
    const rows = page.locator('table tbody tr');
    assert.equal(await rows.count(), 2);
    const child = rows.filter({ hasText: 'Nadia' });
    assert.match(await child.innerText(), /Child\s+2015-09-02/);
    assert.match(await page.locator('table caption').first().innerText(), /2 members/);
    await a11y(page, 'household page with two members');
    await page.getByRole('link', { name: `${given} ${family}` }).click();
    await page.waitForURL(`${BASE}/clients/${clientId}`);
    const section = page.locator('section[aria-labelledby="household-h"]');
    assert.match(await section.innerText(), /2 members/);
    assert.match(await section.innerText(), /Nadia .*· Child/);
  });

  await t.test('open a case: phase 1 is current', async () => {
    const cases = page.locator('section[aria-labelledby="cases-h"]');
    assert.match(await cases.innerText(), /No cases\./);
    const program = cases.getByLabel('Program');
    const programName = (await program.locator('option').first().innerText()).trim();
    await program.selectOption({ index: 0 });
    await cases.getByRole('button', { name: 'Open a case' }).click();
    await page.waitForURL(/\/cases\/\d+$/);
    caseUrl = page.url();
    assert.equal(await h1(page), `${given} ${family} — ${programName}`);
    assert.match(await page.locator('#case-status').innerText(), /^Open/);
    const steps = page.locator('ol.phases li');
    assert.ok(await steps.count() >= 2, 'the program has several phases');
    const current = page.locator('ol.phases li[aria-current="step"]');
    assert.equal(await current.count(), 1);
    assert.equal(await steps.first().getAttribute('aria-current'), 'step');
    await a11y(page, 'case page');
  });

  await t.test('advance a phase', async () => {
    const first = (await page.locator('ol.phases li').nth(0).innerText()).trim();
    const second = (await page.locator('ol.phases li').nth(1).innerText()).trim();
    await page.getByRole('button', { name: 'Move to the next phase' }).click();
    await page.waitForLoadState('load');
    assert.equal(page.url().replace(/#.*/, ''), caseUrl);
    assert.equal(await page.locator('ol.phases li').nth(1).getAttribute('aria-current'), 'step');
    assert.equal(await page.locator('ol.phases li').nth(0).getAttribute('aria-current'), null);
    assert.match(await page.locator('ol.phases li').nth(0).getAttribute('class'), /done/);
    assert.match(await page.locator('ul.history').innerText(), new RegExp(`moved forward → ${second}`));
    assert.notEqual(first, second);
    await page.getByRole('button', { name: 'Back to the previous phase' }).waitFor();
    await a11y(page, 'case page after advance');
  });

  await t.test('write a note', async () => {
    const body = `Met Wilner at the office; school enrolment for Nadia next week. ${tag()}`;
    const notes = page.locator('section[aria-labelledby="notes-h"]');
    assert.equal(await notes.getByRole('heading', { level: 2 }).innerText(), 'Case notes');
    await notes.getByLabel('Note').fill(body);
    await notes.getByRole('button', { name: 'Add note' }).click();
    await page.waitForLoadState('load');
    const note = page.locator('article.note', { hasText: body });
    assert.equal(await note.count(), 1);
    assert.match(await note.locator('h3').innerText(), /^\d{4}-\d{2}-\d{2} · /);
    await a11y(page, 'case page with a note');
  });

  await t.test('close the case: Lost contact', async () => {
    await page.getByText('Close the case', { exact: true }).first().click(); // the <summary>
    await page.getByLabel('Reason').selectOption({ label: 'Lost contact' });
    await page.getByLabel('Details (optional)').fill('Phone disconnected; two home visits without answer.');
    await a11y(page, 'case page with closing form open');
    await page.locator('details form').getByRole('button', { name: 'Close the case' }).click();
    await page.waitForLoadState('load');
    assert.equal(page.url().replace(/#.*/, ''), caseUrl);
    assert.equal((await page.locator('#case-status').innerText()).trim(), 'Closed — Lost contact');
    await page.getByRole('button', { name: 'Re-open the case' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Move to the next phase' }).count(), 0);
    await a11y(page, 'closed case page');
  });

  // The history speaks the user's language: labels, not stored codes or ids.
  await t.test('history names the closure reason, not its code', async () => {
    const history = await page.locator('ul.history').innerText();
    assert.match(history, /closed: Lost contact \(Phone disconnected/);
    assert.doesNotMatch(history, /lost_contact/);
  });

  await t.test('history names the assigned case manager, not a user id', async () => {
    const history = await page.locator('ul.history').innerText();
    assert.doesNotMatch(history, /assigned \(\d+\)/);
  });

  await t.test('the case is listed as closed', async () => {
    await visit(page, '/cases?status=closed&mine=1', { label: 'cases list' });
    assert.equal(await h1(page), 'Cases');
    const row = page.locator('tbody tr', { hasText: `${given} ${family}` });
    assert.equal(await row.count(), 1);
    assert.match(await row.innerText(), /Closed \(Lost contact\)/);
    await visit(page, `/clients/${clientId}`);
    assert.match(await page.locator('section[aria-labelledby="cases-h"]').innerText(), /· Closed/);
  });

  await t.test('account page', async () => {
    await visit(page, '/account', { label: 'account' });
    assert.equal(await h1(page), 'My account');
    assert.match(await page.locator('dl.facts').innerText(), /casemanager@demo\.sendero\.org/);
  });

  await t.test('sign out: /clients then asks to sign in', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login/);
    await page.goto(`${BASE}/clients`);
    assert.equal(path(page), '/login');
    assert.equal(await h1(page), 'Sign in');
    await a11y(page, 'login after sign-out');
  });
});

// Volunteers on a phone: sign-up to clearance, a care network with tasks, a ride requested,
// matched, accepted and logged, and the guardian registry (public sign-up, attorney search).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, DEMO, launch, signIn, a11y, path, h1, tag } from '../tools/helpers.mjs';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'en-US' };

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function phone() {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  return { context, page };
}

async function phoneSession(email, password) {
  const s = await phone();
  await signIn(s.page, BASE, email, password);
  return s;
}

async function submit(page, name) {
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name }).first().click()]);
  await page.waitForLoadState('load');
}

/** Clear the newest check of `subject` on the check-service page. */
async function clearCheck(page, subject) {
  await page.goto(`${BASE}/checks`);
  await a11y(page, 'check service');
  const article = page.locator('article', { hasText: subject }).first();
  await article.getByLabel('Background check').selectOption('cleared');
  await article.getByLabel('Report').fill('Fingerprints and references clear');
  await Promise.all([page.waitForURL(`${BASE}/checks`), article.getByRole('button', { name: 'Save' }).click()]);
  assert.match(await page.locator('article', { hasText: subject }).first().innerText(), /Cleared/);
}

async function recordTraining(page, module) {
  await page.getByLabel('Module').fill(module);
  await page.getByLabel('Completed').fill(new Date().toISOString().slice(0, 10));
  // Enter submits (a tap next to a just-filled date field can land on its picker on phones).
  await Promise.all([page.waitForLoadState('load'), page.getByLabel('Module').press('Enter')]);
  await page.waitForLoadState('load');
  assert.match(await page.locator('main').innerText(), new RegExp(module));
}

function inDays(days, hour) {
  const d = new Date(Date.now() + days * 86400_000);
  return `${d.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00`;
}

test('a volunteer signs up, is cleared, joins the Castillo network and drives a family', async () => {
  const name = `Valentina ${tag()}`;
  const email = `${name.split(' ')[1]}@volunteers.example`;
  // 1. The public form, in a phone browser, without an account.
  const visitor = await phone();
  let page = visitor.page;
  await page.goto(`${BASE}/volunteer`);
  assert.equal(await h1(page), 'Volunteer with us');
  await a11y(page, 'volunteer sign-up');
  await page.getByLabel('Organization').selectOption({ label: 'Camino Community Services' });
  await page.locator('#f-name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Languages').fill('Spanish, English');
  await page.getByLabel('ZIP code').fill('99');
  await page.getByLabel('I can drive families').check();
  await submit(page, 'Send my application');
  // Bad input: errors next to their fields, the typing kept.
  assert.match(await page.locator('main').innerText(), /Enter a 5-digit ZIP code/);
  assert.match(await page.locator('main').innerText(), /Drivers need their licence and insurance expiry dates/);
  assert.equal(await page.locator('#f-name').inputValue(), name);
  await a11y(page, 'volunteer sign-up with errors');
  await page.getByLabel('ZIP code').fill('10451');
  await page.getByLabel("Driver's licence expires").fill('2030-01-31');
  await page.getByLabel('Car insurance expires').fill('2029-06-30');
  for (const day of ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']) {
    for (const part of ['am', 'pm']) await page.locator(`input[name=slots][value="${day}-${part}"]`).check();
  }
  await submit(page, 'Send my application');
  assert.equal(await h1(page), 'Thank you');
  await a11y(page, 'volunteer thanks');

  // 2. The coordinator approves, requests the check, clears it and records training.
  const coordinator = await phoneSession(DEMO('supervisor'));
  page = coordinator.page;
  await page.goto(`${BASE}/volunteers?status=applied`);
  await a11y(page, 'volunteer list');
  await Promise.all([page.waitForLoadState('load'), page.getByRole('link', { name }).click()]);
  assert.equal(await h1(page), name);
  await a11y(page, 'volunteer profile');
  await submit(page, 'Approve');
  const link = (await page.locator('#invite-link').innerText()).trim();
  assert.match(link, /^\/welcome\/[0-9a-f]{64}$/);
  await submit(page, 'Request a background check');
  await clearCheck(page, email);
  await page.goto(`${BASE}/volunteers?q=${encodeURIComponent(name)}`);
  await Promise.all([page.waitForLoadState('load'), page.getByRole('link', { name }).click()]);
  assert.match(await page.locator('#check-status').innerText(), /Cleared/);
  await recordTraining(page, 'Care network orientation');
  await page.goto(`${BASE}/`);
  assert.match(await page.locator('#care-expiring-h').innerText(), /expiring/);
  await a11y(page, 'dashboard with the expiring panel');

  // 3. The volunteer chooses a password with the one-time link and signs in.
  page = visitor.page;
  await page.goto(BASE + link);
  await a11y(page, 'choose password');
  await page.getByLabel('New password').fill('a long volunteer password');
  await submit(page, 'Save password');
  assert.equal(path(page), '/login');
  const volunteer = await phoneSession(email, 'a long volunteer password');

  // 4. A case manager adds them to the Castillo network and adds a task.
  const manager = await phoneSession(DEMO('casemanager'));
  page = manager.page;
  await page.goto(`${BASE}/networks`);
  await a11y(page, 'care networks');
  await Promise.all([page.waitForLoadState('load'), page.getByRole('link', { name: 'Castillo family' }).click()]);
  const networkPath = path(page);
  await a11y(page, 'Castillo network');
  await page.getByLabel('Person').selectOption({ label: `${name} · Volunteer` });
  await page.getByLabel('Role', { exact: true }).selectOption('driver');
  await submit(page, 'Add to the network');
  assert.match(await page.locator('table', { hasText: name }).innerText(), /Driver/);
  await page.locator('summary', { hasText: 'Add a task' }).click();
  const taskTitle = `Pick up school supplies ${tag()}`;
  await page.getByLabel('Task', { exact: true }).fill(taskTitle);
  await Promise.all([page.waitForLoadState('load'), page.locator('form[action$="/tasks"] button').click()]);

  // 5. On their phone the volunteer sees only this family, takes the task and writes.
  page = volunteer.page;
  await page.goto(`${BASE}/my/families`);
  assert.equal(await h1(page), 'My families');
  await a11y(page, 'my families');
  await Promise.all([page.waitForLoadState('load'), page.getByRole('link', { name: 'Castillo family' }).click()]);
  await a11y(page, 'family view for a driver');
  const familyText = await page.locator('main').innerText();
  assert.match(familyText, /Phone/);
  assert.doesNotMatch(familyText, /Case notes/);
  assert.doesNotMatch(familyText, /Nicaragua/, 'no immigration details without a grant');
  const task = page.locator('li', { hasText: taskTitle });
  await Promise.all([page.waitForLoadState('load'), task.getByRole('button', { name: "I'll do it" }).click()]);
  await Promise.all([page.waitForLoadState('load'), page.locator('li', { hasText: taskTitle }).getByRole('button', { name: 'Done' }).click()]);
  assert.match(await page.locator('li', { hasText: taskTitle }).innerText(), /done/);
  await page.getByLabel('Message').fill('Supplies bought, dropping them off Saturday.');
  await submit(page, 'Send');
  assert.match(await page.locator('main').innerText(), /Supplies bought/);
  // Staff pages stay closed.
  const forbidden = await page.goto(`${BASE}${networkPath}`);
  assert.equal(forbidden.status(), 403);

  // 6. The case manager requests a ride; Sendero proposes cleared drivers nearby.
  page = manager.page;
  await page.goto(BASE + networkPath);
  await page.getByLabel('Purpose').selectOption('medical');
  await page.getByLabel('When').fill(inDays(3, 10));
  await page.getByLabel('Pickup address (or meeting place)').fill('Shelter, 1200 Grand Concourse');
  await page.getByLabel('Pickup ZIP code').fill('10451');
  await page.getByLabel('Destination').fill('Lincoln Medical Center');
  await page.getByLabel('Passengers').fill('3');
  await page.getByLabel('Child seats').fill('1');
  await page.getByLabel("Family's language").fill('Spanish');
  await submit(page, 'Request a ride or an interpreter');
  assert.match(path(page), /^\/rides\/\d+$/);
  const ridePath = path(page);
  await a11y(page, 'ride request');
  assert.match(await page.locator('main').innerText(), new RegExp(name), 'the new driver is proposed');

  // 7. The volunteer accepts first, then logs the miles.
  page = volunteer.page;
  await page.goto(`${BASE}/my/families`);
  const offer = page.locator('article', { hasText: 'Lincoln Medical Center' });
  await Promise.all([page.waitForLoadState('load'), offer.getByRole('button', { name: "I'll take it" }).click()]);
  await a11y(page, 'accepted ride');
  const mine = page.locator('article', { hasText: 'Lincoln Medical Center' });
  assert.match(await mine.innerText(), /Accepted/);
  await mine.getByLabel('Miles').fill('8.4');
  await Promise.all([page.waitForLoadState('load'), mine.getByRole('button', { name: 'Log miles' }).click()]);
  assert.match(await page.locator('article', { hasText: 'Lincoln Medical Center' }).innerText(), /Completed/);

  // 8. Staff see the ride taken and the miles in the report.
  page = manager.page;
  await page.goto(BASE + ridePath);
  assert.match(await page.locator('.ride-status').innerText(), /Completed/);
  page = coordinator.page;
  await page.goto(`${BASE}/rides/report`);
  await a11y(page, 'rides report');
  assert.match(await page.locator('table').innerText(), /Medical/);

  for (const s of [visitor, coordinator, volunteer, manager]) await s.context.close();
});

test('a guardian signs up, is cleared and trained; an attorney finds them and asks for Yeferson', async () => {
  const name = `Rosa ${tag()}`;
  const email = `${name.split(' ')[1]}@guardians.example`;
  const visitor = await phone();
  let page = visitor.page;
  await page.goto(`${BASE}/guardians`);
  await a11y(page, 'guardian public page');
  assert.match(await page.locator('main').innerText(), /before the young person turns 18/);
  await page.getByLabel('Organization').selectOption({ label: 'Camino Community Services' });
  await page.locator('#f-name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Languages').fill('Español');
  await page.getByLabel('ZIP code').fill('10456');
  await submit(page, 'Send my application');
  assert.equal(await h1(page), 'Thank you');

  const coordinator = await phoneSession(DEMO('supervisor'));
  page = coordinator.page;
  await page.goto(`${BASE}/guardian-registry`);
  await a11y(page, 'guardian registry (coordinators)');
  await Promise.all([page.waitForLoadState('load'), page.getByRole('link', { name }).click()]);
  await a11y(page, 'guardian profile');
  await submit(page, 'Approve');
  await submit(page, 'Request a background check');
  await clearCheck(page, email);
  await page.goto(`${BASE}/guardian-registry`);
  await Promise.all([page.waitForLoadState('load'), page.getByRole('link', { name }).click()]);
  await recordTraining(page, 'Guardianship and SIJS basics');

  // Only attorneys reach the list.
  const manager = await phoneSession(DEMO('casemanager'));
  assert.equal((await manager.page.goto(`${BASE}/guardian-search`)).status(), 403);
  const attorney = await phoneSession(DEMO('attorney'));
  page = attorney.page;
  await page.goto(`${BASE}/guardian-search`);
  await page.getByLabel('Languages').fill('Spanish');
  await page.getByLabel('Near ZIP code').fill('10451');
  await submit(page, 'Search');
  await a11y(page, 'attorney guardian search');
  const results = await page.locator('article.guardian-result').allInnerTexts();
  assert.ok(results.some((r) => r.includes(name)), 'the new guardian is listed');
  assert.ok(results.some((r) => r.includes('Marta Ruiz')), 'Marta has a place left');
  assert.ok(!results.some((r) => r.includes('Paul Gómez')), 'a guardian at the cap is not listed');
  // Yeferson's match (seeded) shows the days left to his 18th birthday.
  const yeferson = page.locator('#matches-h + div tr', { hasText: 'Yeferson' });
  assert.match(await yeferson.innerText(), /\d+ days left/);
  // Ask the new guardian for another minor, if one is listed.
  const card = page.locator('article.guardian-result', { hasText: name });
  await Promise.all([page.waitForLoadState('load'), card.getByRole('button', { name: 'Ask this guardian' }).click()]);
  await a11y(page, 'guardian match requested');
  assert.match(await page.locator('table', { hasText: name }).innerText(), /Requested/);
  for (const s of [visitor, coordinator, manager, attorney]) await s.context.close();
});

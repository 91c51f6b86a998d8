// Intake to evaluation: a public self-referral, the intake queue, eligibility rules, a published
// lottery round drawn and enrolled, and the de-identified evaluation report (axe on each page).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, DEMO, launch, session, a11y, visit, path, h1, tag } from '../tools/helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const PILOT = 'Case Management Pilot (ATD)';

test('self-referral → intake → eligibility → lottery → enrollment → evaluation', async () => {
  const supervisor = await session(browser, DEMO('supervisor'));
  const sup = supervisor.page;
  await visit(sup, '/lottery', { label: 'lottery rounds' });
  const program = await sup.locator('#program-pick option', { hasText: PILOT }).getAttribute('value');
  assert.ok(program, 'the pilot program is listed');

  // 1. A person asks to join through the public form, on a phone, without signing in.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const pub = await phone.newPage();
  const name = `Autorreferencia ${tag()}`;
  await visit(pub, `/self-referral?program=${program}`, { label: 'public self-referral form' });
  await pub.getByLabel('Given names').fill(name);
  await pub.getByLabel('Family names').fill('Pérez Mejía');
  await pub.locator('#f-language').fill('Spanish');
  await pub.getByLabel('Phone or email').fill('+1 713 555 0142');
  await pub.getByLabel('You may contact me').check();
  await pub.getByLabel('In removal proceedings').selectOption('yes');
  await pub.getByLabel('Processed by DHS').selectOption('yes');
  await pub.getByRole('button', { name: 'Send' }).click();
  await pub.waitForLoadState('load');
  assert.match(await pub.locator('#self-referral-done').innerText(), /Thank you/);
  await a11y(pub, 'self-referral sent');
  await phone.close();

  // 2. The intake worker finds the request, decided under the rule in effect (phase 3).
  const intake = await session(browser, DEMO('intake'));
  const ip = intake.page;
  await visit(ip, `/intake?q=${encodeURIComponent(name.split(' ')[1])}`, { label: 'intake queue' });
  const row = ip.locator('#candidates tbody tr', { hasText: name });
  assert.match(await row.innerText(), /Eligible \(Version 2\)/);
  await row.getByRole('link', { name }).click();
  await ip.waitForLoadState('load');
  await a11y(ip, 'candidate');
  assert.match(await ip.locator('#decisions').innerText(), /in_removal_proceedings && \(enrolled_in_isap \|\| processed_by_dhs\)/);
  // And records a walk-in.
  await visit(ip, '/intake/new', { label: 'intake form' });
  const walkIn = `Caminante ${tag()}`;
  await ip.locator('#f-program').selectOption({ label: PILOT });
  await ip.getByLabel('Given names').fill(walkIn);
  await ip.locator('#f-language').fill('Spanish');
  await ip.getByLabel('Referral source').selectOption('walk_in');
  await ip.getByLabel('Referred by or met at').fill('Bronx office');
  await ip.getByLabel('In removal proceedings').selectOption('yes');
  await ip.getByLabel('Enrolled in ISAP now').selectOption('yes');
  await ip.getByRole('button', { name: 'Save candidate' }).click();
  await ip.waitForLoadState('load');
  assert.match(path(ip), /^\/intake\/candidates\/\d+$/);
  assert.equal(await h1(ip), walkIn);

  // 3. The supervisor tries a rule with a typo (refused with its position) and a what-if.
  await visit(sup, `/intake/rules?program=${program}`, { label: 'eligibility rules' });
  assert.match(await sup.locator('#rules').innerText(), /Phase 1/);
  await sup.locator('#f-label').fill('Phase 4 draft');
  await sup.getByLabel('Rule (CEL expression)').fill('in_removal_proceedings && detaned');
  await sup.getByRole('button', { name: 'Save new version' }).click();
  await sup.waitForLoadState('load');
  assert.match(await sup.locator('#rule-error').innerText(), /Line 1, column 27: unknown field "detaned"/);
  await a11y(sup, 'rule error');
  await sup.getByLabel('Rule (CEL expression)').fill('in_removal_proceedings && enrolled_in_isap');
  await sup.getByRole('button', { name: 'What if? (preview)' }).click();
  await sup.waitForLoadState('load');
  assert.match(await sup.locator('#what-if').innerText(), /would become ineligible/);
  await a11y(sup, 'what if');

  // 4. The supervisor opens a round with a seed from a public value, draws and enrolls.
  await visit(sup, `/lottery?program=${program}&strata=none`, { label: 'lottery pool' });
  await sup.getByLabel('Round name').fill(`E2E round ${tag()}`);
  await sup.locator('#cap-0').fill('2');
  await sup.locator('#cmp-0').fill('1');
  await sup.getByLabel('Public value').fill('NY Lotto 2026-11-28: 05 09 12 33 41 50');
  await sup.getByRole('button', { name: 'Open the round and publish the inputs' }).click();
  await sup.waitForLoadState('load');
  assert.match(path(sup), /^\/lottery\/rounds\/\d+$/);
  assert.match(await sup.locator('#round-status').innerText(), /Published, not drawn/);
  await a11y(sup, 'published round');
  await sup.getByRole('button', { name: 'Draw now' }).click();
  await sup.waitForLoadState('load');
  assert.match(await sup.locator('#round-status').innerText(), /Drawn/);
  assert.match(await sup.locator('#verification').innerText(), /Verified/);
  assert.match(await sup.locator('#result-counts').innerText(), /2 selected, 1 in the comparison group/);
  await sup.getByRole('button', { name: 'Enroll the selected (open their cases)' }).click();
  await sup.waitForLoadState('load');
  assert.match(await sup.locator('#result-counts').innerText(), /2 enrolled/);
  assert.equal(await sup.locator('#results a', { hasText: 'Open case' }).count(), 2);
  await a11y(sup, 'drawn round');
  // Fetched from the page so the session cookie goes along.
  const doc = await sup.evaluate(async (url) => (await fetch(url)).json(), `${path(sup)}/inputs.json`);
  assert.equal(doc.format, 'sendero-lottery/1');
  assert.ok(doc.strata[0].candidates.every((t) => t.startsWith('C-')), 'only public tokens are published');

  // 5. The evaluator reads the de-identified report of the pilot's first round.
  const evaluator = await session(browser, DEMO('evaluator'));
  const ev = evaluator.page;
  await visit(ev, '/reports/evaluation', { label: 'evaluation (default round)' });
  await ev.getByLabel('Round').selectOption({ label: 'Round 1 · November 2026' });
  await ev.getByRole('button', { name: 'Show report' }).click();
  await ev.waitForLoadState('load');
  await a11y(ev, 'evaluation report');
  const outcomes = await ev.locator('#evaluation-outcomes').innerText();
  assert.match(outcomes, /Attended every scheduled hearing/);
  assert.match(outcomes, /Welch t/);
  assert.match(await ev.locator('#evaluation-balance').innerText(), /Household size/);
  assert.ok(!(await ev.locator('main').innerText()).includes(name), 'no names in the evaluation');
  const csvLink = await ev.getByRole('link', { name: 'Download the de-identified rows (CSV)' }).getAttribute('href');
  const csv = await ev.evaluate(async (url) => (await fetch(url)).text(), csvLink);
  assert.match(csv, /^participant,arm,/);
  // Evaluators cannot open the named results.
  const denied = await ev.goto(`${BASE}${path(sup)}`);
  assert.equal(denied.status(), 403);

  await supervisor.context.close();
  await intake.context.close();
  await evaluator.context.close();
});

// Assessments end to end: a pre (intake) and a post (closure) family-functioning inventory,
// and the outcome report changing as a result.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, DEMO, CM, launch, session, a11y, visit, path, h1, tag, registerClient, openCase, closeCase } from '../tools/helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function takeInventory(page, casePath, timing, answer) {
  await page.goto(BASE + casePath);
  const section = page.locator('section[aria-labelledby="assess-h"]');
  await section.getByLabel('Instrument').selectOption({ label: 'Family functioning inventory' });
  await section.getByLabel('When').selectOption(timing);
  await section.getByRole('button', { name: 'Start an assessment' }).click();
  await page.waitForLoadState('load');
  assert.equal(await h1(page), 'Family functioning inventory');
  const questions = page.locator('fieldset.question');
  assert.equal(await questions.count(), 18);
  await a11y(page, `assessment form (${timing})`);
  // Save part of it first, then finish.
  await questions.nth(0).getByLabel(answer, { exact: true }).check();
  await page.getByRole('button', { name: 'Save partial answers' }).click();
  await page.waitForLoadState('load');
  assert.equal(await page.locator('fieldset.question').nth(0).getByLabel(answer, { exact: true }).isChecked(), true, 'the partial answer is kept');
  const all = page.locator('fieldset.question');
  for (let i = 1; i < 18; i++) await all.nth(i).getByLabel(answer, { exact: true }).check();
  await page.getByRole('button', { name: 'Complete the assessment' }).click();
  await page.waitForLoadState('load');
  assert.match(path(page), /\/assessments\/\d+$/);
  await a11y(page, `assessment results (${timing})`);
}

async function closureCount(page, programLabel) {
  await page.goto(`${BASE}/reports/outcomes`);
  await page.getByLabel('Program').selectOption({ label: programLabel });
  await page.getByRole('button', { name: 'Show report' }).click();
  await page.waitForLoadState('load');
  const summary = await page.locator('#outcome-summary').innerText();
  const m = summary.match(/Families with a closure assessment\s+(\d+)/);
  assert.ok(m, summary);
  return Number(m[1]);
}

test('a pre and a post assessment change the outcome report', async () => {
  const manager = await session(browser, CM.spare);
  const supervisor = await session(browser, DEMO('supervisor'));
  const program = 'Destination Accompaniment';
  const before = await closureCount(supervisor.page, program);
  await a11y(supervisor.page, 'outcome report');
  assert.match(await supervisor.page.locator('main').innerText(), /without a comparison group/);

  const page = manager.page;
  await registerClient(page, { 'Given names': 'Inventario', 'Family names': `Ramírez ${tag()}` });
  const cases = page.locator('section[aria-labelledby="cases-h"]');
  await cases.getByLabel('Program').selectOption({ label: program });
  const casePath = await openCase(page);
  await takeInventory(page, casePath, 'intake', 'Beginning');
  await takeInventory(page, casePath, 'closure', 'Fully');
  await page.goto(BASE + casePath);
  const table = await page.locator('section[aria-labelledby="assess-h"] table').innerText();
  assert.match(table, /Intake\s+2\.00/);
  assert.match(table, /Closure\s+4\.00/);
  assert.equal(await page.locator('section[aria-labelledby="assess-h"] svg[role="img"]').count(), 1, 'scores over time chart');
  await a11y(page, 'case with assessments');
  await closeCase(page, casePath, 'Goals met');

  const after = await closureCount(supervisor.page, program);
  assert.equal(after, before + 1, 'the report counts the new closure assessment');
  const rows = await supervisor.page.locator('#outcome-table tbody tr').count();
  assert.equal(rows, 1 + 3 + 18);
  await a11y(supervisor.page, 'outcome report with data');
  await manager.context.close();
  await supervisor.context.close();
});

test('evaluator opens the report but no client record', async () => {
  const { context, page } = await session(browser, DEMO('evaluator'));
  await visit(page, '/reports/outcomes', { label: 'evaluator outcome report' });
  assert.equal(await h1(page), 'Outcome report');
  await visit(page, '/cases', { status: 403, label: 'evaluator cases' });
  await context.close();
});

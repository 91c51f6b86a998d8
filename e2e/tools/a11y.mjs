// Accessibility check with axe-core: WCAG 2.0/2.1 A and AA rules, serious and critical findings only.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// The app's CSP (script-src 'self') blocks an injected <script> element, so axe is evaluated
// through the DevTools protocol (page.evaluate), which CSP does not govern.
async function injectAxe(page) {
  const present = await page.evaluate(() => typeof window.axe === 'object').catch(() => false);
  if (!present) await page.evaluate(AXE_SOURCE);
}

/** Runs axe on the current page; returns the serious and critical violations. */
export async function checkA11y(page) {
  await injectAxe(page);
  const result = await page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  }, TAGS);
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Formats violations for an assertion message. */
export function formatViolations(violations, url = '') {
  return `axe violations on ${url}:\n` + violations.map((v) =>
    `  [${v.impact}] ${v.id}: ${v.help}\n    ${v.targets.slice(0, 8).join('\n    ')}`).join('\n');
}

/** Asserts that the page has no serious or critical axe violations. */
export async function assertA11y(page, label = '') {
  const violations = await checkA11y(page);
  if (violations.length) {
    throw new Error(formatViolations(violations, `${label} ${page.url()}`));
  }
}

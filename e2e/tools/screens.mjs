// Take screenshots of pages for a human to look at: node tools/screens.mjs BASE EMAIL OUTDIR PATH...
import { launch, signIn } from './browser.mjs';
const [base, email, out, ...paths] = process.argv.slice(2);
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
if (email !== '-') await signIn(page, base, email);
for (const p of paths) {
  await page.goto(base + p);
  const name = p.replace(/[^a-z0-9]+/gi, '_') || 'root';
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
  console.log(p, await page.title());
}
await browser.close();

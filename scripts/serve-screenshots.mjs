// The screenshots of coauthor serve in graphs/ (shown in the README), taken
// in headless Debian chromium through playwright-core from a running server:
//   build/coauthor serve /usr/share/texlive/texmf-dist/bibtex/bib/beebe/tugboat.bib &
//   node scripts/serve-screenshots.mjs http://127.0.0.1:8080 graphs
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '../web/package.json'));
const { chromium } = require('playwright-core');
const [base, dir] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 950 } });
  await page.goto(base + '/#/author/' + encodeURIComponent('Frank Mittelbach') + '?radius=1&min_weight=1');
  await page.waitForFunction(() => Number(document.getElementById('ego').dataset.nodes) > 0 &&
    document.querySelectorAll('#coauthors tbody tr').length > 0);
  await page.locator('#coauthors tbody tr').first().click();
  await page.waitForSelector('#joint ol.papers li');
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(dir, 'serve-author.png') });
  await page.goto(base + '/#/path?from=' + encodeURIComponent('Barbara Beeton') + '&to=' +
    encodeURIComponent('Victor Eijkhout') + '&chains=3');
  await page.waitForFunction(() => Number(document.getElementById('p-graph').dataset.nodes) > 0);
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(dir, 'serve-path.png'), fullPage: true });
  await page.goto(base + '/');
  await page.locator('#q').pressSequentially('mitt', { delay: 50 });
  await page.waitForSelector('#q-list li');
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(dir, 'serve-search.png'), clip: { x: 0, y: 0, width: 1000, height: 420 } });
} finally {
  await browser.close();
}

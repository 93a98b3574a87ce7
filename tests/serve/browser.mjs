// The page of coauthor serve in a real browser: Debian's chromium, headless,
// driven by playwright-core (web/package-lock.json).  Run by
// tests/scripts/serve-browser.sh with a server on the seed profile and the
// hostile-names fixture:  node tests/serve/browser.mjs BASE-URL SHOT-DIR
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '../../web/package.json'));
const { chromium } = require('playwright-core');

const [base, shots] = process.argv.slice(2);
let checks = 0;
function check(ok, what) {
  if (!ok) throw new Error('check failed: ' + what);
  checks++;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
const problems = [];
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push('console: ' + m.text()); });
  page.on('dialog', async (d) => { problems.push('a dialog opened (a script ran): ' + d.message()); await d.dismiss(); });
  page.on('response', (r) => { if (r.status() >= 400) problems.push(r.status() + ' for ' + r.url()); });
  page.on('request', (r) => { if (!r.url().startsWith(base)) problems.push('request outside the server: ' + r.url()); });
  // every CSP violation is counted: an injected inline script or handler would be one
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective));
  });

  // 1. a partial name, then a suggestion
  await page.goto(base + '/');
  await page.waitForSelector('#stats dd');
  await page.locator('#q').pressSequentially('tit', { delay: 40 });
  const first = page.locator('#q-list li').first();
  await first.waitFor();
  check((await first.textContent()).includes('Ivan Titov'), 'the first suggestion for "tit" is Ivan Titov');
  await page.locator('#q').fill('');
  await page.locator('#q').pressSequentially('iv ti', { delay: 40 });
  await page.waitForFunction(() => document.querySelector('#q-list li')?.textContent.includes('Ivan Titov'));
  await page.locator('#q-list li').first().click();
  await page.waitForFunction(() => document.getElementById('a-name').textContent === 'Ivan Titov');
  const hash = await page.evaluate(() => location.hash);
  check(/^#\/author\/\d+$/.test(hash), 'the author view has its own URL (' + hash + ')');
  const id = hash.split('/')[2];

  // 2. the ego network drawn, with as many nodes as the API returned
  await page.waitForFunction(() => Number(document.getElementById('ego').dataset.nodes) > 0);
  const drawn = await page.evaluate(() => Number(document.getElementById('ego').dataset.nodes));
  const api = await page.evaluate(async (i) => (await (await fetch('/api/ego/' + i + '?radius=1&min_weight=1')).json()), id);
  check(drawn === api.nodes.length, `the page draws ${drawn} nodes, the API gave ${api.nodes.length}`);
  check(drawn > 10, 'the ego network has more than 10 authors');
  const rows = await page.locator('#coauthors tbody tr').count();
  check(rows === api.in_network - 1, `the table lists ${rows} coauthors, the network has ${api.in_network - 1}`);
  check(api.left_out === api.in_network - api.nodes.length, `left_out ${api.left_out}: ${api.in_network} in the network, ${api.nodes.length} drawn`);
  if (api.left_out > 0)
    check((await page.locator('#ego-info').textContent()).includes('most tied of ' + api.in_network),
      'the page says the network was cut to the most tied authors');
  await page.locator('#coauthors tbody tr').first().click();
  await page.waitForSelector('#joint ol.papers li');
  check((await page.locator('#joint ol.papers li').count()) > 0, 'a row lists its joint papers');
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(shots, 'serve-author.png') });

  // the slider: fewer nodes with at least 2 joint papers
  await page.locator('#min-weight').fill('2');
  await page.locator('#min-weight').dispatchEvent('change');
  await page.waitForFunction((n) => Number(document.getElementById('ego').dataset.nodes) < n, drawn);
  check(/min_weight=2/.test(await page.evaluate(() => location.hash)), 'the slider is in the URL');

  // 3. a click on a node opens that author
  const target = await page.evaluate(() => {
    const cy = window.coauthor.ego;
    const n = cy.nodes().filter((x) => !x.hasClass('ego')).sort((a, b) => b.data('papers') - a.data('papers'))[0];
    const p = n.renderedPosition();
    const box = document.getElementById('ego').getBoundingClientRect();
    return { id: n.id(), name: n.data('label'), x: box.left + p.x, y: box.top + p.y };
  });
  await page.mouse.click(target.x, target.y);
  await page.waitForFunction((t) => location.hash === '#/author/' + t.id &&
    document.getElementById('a-name').textContent === t.name, target);
  check(true, 'a click on ' + target.name + ' opens their view');
  await page.goBack();
  await page.waitForFunction(() => document.getElementById('a-name').textContent === 'Ivan Titov');
  check(true, 'the back button returns to Ivan Titov');

  // 4. a chain, with its papers
  await page.goto(base + '/#/path');
  const pick = async (input, text, name) => {
    await page.locator(input).pressSequentially(text, { delay: 30 });
    const li = page.locator(input).locator('xpath=ancestor::div[contains(@class,"search")]').locator('li', { hasText: name });
    await li.first().waitFor();
    await li.first().click();
  };
  await pick('#p-from', 'zeyu', 'Zeyu Huang');
  await pick('#p-to', 'lucas', 'Christopher G. Lucas');
  await page.locator('#p-go').click();
  await page.waitForSelector('.chain .hop ol.papers li');
  const summary = await page.locator('.summary').textContent();
  check(/Length 2 hops/.test(summary), 'the chain has 2 hops: ' + summary);
  const hops = await page.locator('.chain').first().locator('.hop').count();
  check(hops === 2, 'two hops listed');
  check((await page.locator('.chain .hop ol.papers li').count()) >= 2, 'the hops list their papers');
  await page.waitForFunction(() => Number(document.getElementById('p-graph').dataset.nodes) >= 3);
  const onChain = await page.evaluate(() => window.coauthor.chain.nodes('.onchain').length);
  check(onChain === 3, 'the chain is highlighted in its network (' + onChain + ' authors)');
  check(/#\/path\?from=\d+&to=\d+/.test(await page.evaluate(() => location.hash)), 'the chain has its own URL');
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(shots, 'serve-path.png') });

  // 5. hostile names: text, never markup, and no script
  await page.goto(base + '/');
  await page.locator('#q').pressSequentially('mallory', { delay: 30 });
  const sugg = page.locator('#q-list li').first();
  await sugg.waitFor();
  check((await sugg.textContent()).includes('Mallory <img src=x onerror=alert(1)>'), 'the suggestion shows the markup as text');
  await sugg.click();
  await page.waitForFunction(() => document.getElementById('a-name').textContent.startsWith('Mallory <img'));
  await page.waitForFunction(() => Number(document.getElementById('ego').dataset.nodes) > 0);
  await page.locator('#coauthors tbody tr').first().click();
  await page.waitForSelector('#joint ol.papers li');
  const title = await page.locator('#joint ol.papers li .title').first().textContent();
  check(title.includes("<script>alert(") && title.includes("</script> and other titles"), 'a title with a script shows as text');
  await page.goto(base + '/#/author/' + encodeURIComponent('Trudy </script><script>alert(4)</script>'));
  await page.waitForFunction(() => document.getElementById('a-name').textContent.startsWith('Trudy </script>'));
  await page.waitForFunction(() => Number(document.getElementById('ego').dataset.nodes) > 0);
  const injected = await page.evaluate(() => ({
    imgs: document.querySelectorAll('img').length,
    svgs: document.querySelectorAll('svg').length,
    scripts: [...document.scripts].map((s) => s.getAttribute('src')),
    violations: window.__violations,
  }));
  check(injected.imgs === 0 && injected.svgs === 0, 'no element was made from a name');
  check(injected.scripts.length === 2 && injected.scripts.every((s) => s === '/cytoscape.min.js' || s === '/app.js'),
    'only the two scripts of the page: ' + JSON.stringify(injected.scripts));
  check(injected.violations.length === 0, 'no Content-Security-Policy violation: ' + injected.violations.join(', '));
  await page.locator('#coauthors tbody tr').first().click();
  await page.waitForSelector('#joint ol.papers li');
  const hrefs = await page.evaluate(() => [...document.querySelectorAll('#joint a[href]')].map((a) => a.href));
  check(hrefs.every((h) => h.startsWith('https://doi.org/') || h.startsWith(base)),
    'DOI links stay links: ' + hrefs.join(' '));
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(shots, 'serve-hostile.png') });
  check(problems.length === 0, 'no page error, console error, dialog or outside request:\n  ' + problems.join('\n  '));
  console.log(`browser: ${checks} checks passed`);
} finally {
  await browser.close();
}

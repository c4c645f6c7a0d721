// The live preview in a real browser: a page open on `ipobrief serve` updates itself in place
// on each save (no reload: a mark set on the window stays, and so does the scroll position),
// shows the error page on a bad edit and the brief again on the fix, and runs no script of the
// pages it swaps in. Saves are made as editors make them: a new file renamed over the input.
//
//   node tests/browser/serve.mjs URL INPUT
//
// INPUT is the bundled example's company file that the server at URL watches. CHROMIUM names
// the browser (default /usr/bin/chromium). Exit code 1 when a check fails, 2 when the check
// itself could not run. Every wait is bounded.
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';

const [url, input] = process.argv.slice(2);
if (!url || !input) {
  console.error('usage: node serve.mjs URL INPUT');
  process.exit(2);
}

function save(from, to) {
  const text = readFileSync(input, 'utf8');
  if (!text.includes(from)) throw new Error(`the input has no ${from}`);
  writeFileSync(`${input}.saving`, text.replace(from, to));
  renameSync(`${input}.saving`, input);
}

const profile = mkdtempSync(join(tmpdir(), 'ipobrief-serve-'));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  userDataDir: profile,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
let failed = null;
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const shows = (text) =>
    page.waitForFunction((t) => document.body && document.body.innerText.includes(t),
      { timeout: 20000, polling: 20 }, text);
  const check = async (what, test) => {
    if (!(await page.evaluate(test))) throw new Error(what);
  };
  await page.goto(url, { waitUntil: 'load' });
  await shows('2,811');
  await page.evaluate(() => { window.ipobriefMark = 1; window.scrollTo(0, 1500); });

  save('revenue = 2811 ', 'revenue = 2999 ');
  await shows('2,999');
  await check('the page was reloaded instead of updated in place', () => window.ipobriefMark === 1);
  await check('the scroll position was lost', () => window.scrollY === 1500);
  await check('a swapped-in page kept a script', () => document.scripts.length === 0);
  await check('the page lost its title', () => document.title.includes('Klarna'));

  save('revenue = 2999 ', 'revenue = "ten" ');
  await shows('could not be made');
  await check('the error page was not shown in place', () => window.ipobriefMark === 1);
  await check('the error page lost the position of the error', () =>
    document.body.innerText.includes('klarna.toml:'));

  save('revenue = "ten" ', 'revenue = 3000 ');
  await shows('3,000');
  await check('the brief did not come back in place', () => window.ipobriefMark === 1);
  await check('the brief came back without its style sheet', () =>
    document.head.querySelector('style') !== null && !document.body.innerText.includes('could not be made'));
  console.log('the open page updated in place on every save');
} catch (error) {
  failed = error.message;
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
if (failed) {
  console.log(`FAILED: ${failed}`);
  process.exit(1);
}

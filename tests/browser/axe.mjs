// Accessibility check of ipobrief's HTML pages (issue 18): every `*.html` file under the
// folders given is opened in Debian's Chromium through puppeteer-core, in light and dark colour
// scheme and at desktop and phone widths, and axe-core runs the WCAG 2.0/2.1 A and AA rules and
// its best practices. Every violation is printed (page, view, rule, element, what to fix); the
// exit code is 1 when there is one, 2 when the check itself could not run.
//
//   node tests/browser/axe.mjs [--screenshots DIR] FOLDER_OR_FILE...
//
// CHROMIUM names the browser (default /usr/bin/chromium). Nothing is downloaded: puppeteer-core
// brings no browser, and the pages load nothing from outside.
import { readFileSync, readdirSync, statSync, mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve, relative, basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const SCHEMES = ['light', 'dark'];
const WIDTHS = [
  { name: 'desktop', viewport: { width: 1280, height: 900 } },
  { name: 'phone', viewport: { width: 390, height: 844, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } },
];

function usage(message) {
  console.error(`error: ${message}\nusage: node axe.mjs [--screenshots DIR] FOLDER_OR_FILE...`);
  process.exit(2);
}

/** Every HTML file under `path`, sorted, so the order (and the output) is the same each run. */
function htmlFiles(path) {
  const stat = statSync(path);
  if (stat.isFile()) return path.endsWith('.html') ? [path] : [];
  return readdirSync(path)
    .sort()
    .flatMap((name) => htmlFiles(join(path, name)));
}

const args = process.argv.slice(2);
let screenshots = null;
const roots = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--screenshots') {
    screenshots = args[++i] ?? usage('--screenshots needs a folder');
  } else {
    roots.push(resolve(args[i]));
  }
}
if (roots.length === 0) usage('no folder or file given');
let pages;
try {
  pages = roots.flatMap(htmlFiles);
} catch (error) {
  usage(error.message);
}
if (pages.length === 0) usage(`no .html file under ${roots.join(', ')}`);
if (screenshots) mkdirSync(screenshots, { recursive: true });

const profile = mkdtempSync(join(tmpdir(), 'ipobrief-axe-'));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  userDataDir: profile,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

let violations = 0;
let views = 0;
try {
  for (const file of pages) {
    const name = relative(process.cwd(), file) || basename(file);
    for (const scheme of SCHEMES) {
      for (const width of WIDTHS) {
        const page = await browser.newPage();
        // The pages' Content-Security-Policy forbids every script; axe is let in by the
        // debugging protocol, the page's own markup is never changed.
        await page.setBypassCSP(true);
        await page.setViewport(width.viewport);
        await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
        await page.evaluate(AXE_SOURCE);
        const result = await page.evaluate(
          (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
          TAGS,
        );
        views += 1;
        const view = `${name} [${scheme}, ${width.name}]`;
        for (const v of result.violations) {
          for (const node of v.nodes) {
            violations += 1;
            console.log(`${view}: ${v.id} (${v.impact}) ${v.help}`);
            console.log(`  at ${node.target.join(' ')}`);
            console.log(`  ${node.failureSummary.replace(/\n/g, '\n  ')}`);
            console.log(`  see ${v.helpUrl}`);
          }
        }
        if (screenshots) {
          const shot = `${name.replace(/[^A-Za-z0-9]+/g, '_')}-${scheme}-${width.name}.png`;
          await page.screenshot({ path: join(screenshots, shot), fullPage: true });
        }
        await page.close();
      }
    }
  }
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}

console.log(`axe-core ${JSON.parse(readFileSync(require.resolve('axe-core/package.json'), 'utf8')).version}: ${pages.length} pages, ${views} views (${SCHEMES.join('/')} × ${WIDTHS.map((w) => w.name).join('/')}), ${violations} violations`);
process.exit(violations === 0 ? 0 : 1);

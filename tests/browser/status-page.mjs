// Loads the public status page in Debian's headless Chromium and reports what a visitor sees, as one JSON object on
// stdout. It asserts nothing itself: tests/Platform.Api.Tests/StatusPageBrowserTests.cs does.
//
//   node status-page.mjs <url> <screenshot.png>
//
// Writes three full-page screenshots: <screenshot.png> (desktop, 1280x800), <name>-phone.png (390x844, touch,
// device scale 2) and <name>-dark.png (desktop with prefers-color-scheme: dark). Every load collects console errors
// (Chromium reports Content-Security-Policy violations there), uncaught page errors, and failed requests (network
// failures, including requests blocked by the CSP, and HTTP statuses of 400 and above).
//
// Output: {overall, services:[{name, status}], incidents:[title], consoleErrors, pageErrors, failedRequests,
//          phoneOverflowPx, contrastProblems, screenshots}
// Exit status: 0 when the page was loaded and reported (whatever it showed); 2 on bad usage; 1 when the browser
// could not be started or the page could not be loaded (the reason on stderr).
//
// CHROMIUM_PATH overrides /usr/bin/chromium (Debian's package, installed by build/lib/tools.sh ensure_chromium).
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

const [url, screenshot] = process.argv.slice(2);
if (!url || !screenshot || !screenshot.endsWith('.png')) {
  console.error('usage: node status-page.mjs <url> <screenshot.png>');
  process.exit(2);
}

// Never hang a test run: the C# test waits for this process.
const watchdog = setTimeout(() => {
  console.error('status-page.mjs: gave up after 120 s');
  process.exit(1);
}, 120_000);
watchdog.unref();

const base = screenshot.slice(0, -'.png'.length);
const shots = { desktop: screenshot, phone: `${base}-phone.png`, dark: `${base}-dark.png` };
mkdirSync(path.dirname(path.resolve(screenshot)), { recursive: true });

const consoleErrors = [];
const pageErrors = [];
const failedRequests = [];

function watch(page, label) {
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const where = message.location();
      consoleErrors.push(`[${label}] ${message.text()}${where?.url ? ` (${where.url}:${where.lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (error) => pageErrors.push(`[${label}] ${error.message}`));
  page.on('requestfailed', (request) =>
    failedRequests.push(`[${label}] ${request.method()} ${request.url()}: ${request.failure()?.errorText ?? 'failed'}`));
  page.on('response', (response) => {
    if (response.status() >= 400) {
      failedRequests.push(`[${label}] ${response.request().method()} ${response.url()}: HTTP ${response.status()}`);
    }
  });
}

async function open(browser, label, options) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  watch(page, label);
  const response = await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  if (!response) {
    throw new Error(`no response for ${url}`);
  }
  return { context, page };
}

// Text colour against the first opaque background behind it, for every element that has its own visible text.
// WCAG 2.1 AA: 4.5:1, or 3:1 for large text (24px, or 18.66px bold). Runs in the page through the DevTools protocol,
// which the page's CSP (no script at all) does not restrict.
function contrastProblems() {
  const parse = (c) => {
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return { r, g, b, a };
  };
  const channel = (v) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const luminance = ({ r, g, b }) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c.a >= 1) return c;
    }
    // Nothing opaque: the canvas, white unless the page opted into a dark colour scheme.
    return matchMedia('(prefers-color-scheme: dark)').matches && getComputedStyle(document.documentElement).colorScheme.includes('dark')
      ? { r: 18, g: 18, b: 18, a: 1 }
      : { r: 255, g: 255, b: 255, a: 1 };
  };
  const problems = [];
  for (const el of document.body.querySelectorAll('*')) {
    const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim()).map((n) => n.textContent.trim()).join(' ');
    if (!own || !el.getClientRects().length) continue;
    const style = getComputedStyle(el);
    const fg = parse(style.color);
    const bg = background(el);
    const [l1, l2] = [luminance(fg), luminance(bg)].sort((x, y) => y - x);
    const ratio = (l1 + 0.05) / (l2 + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    const needed = large ? 3 : 4.5;
    if (ratio < needed) {
      problems.push(`${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).replace(/ /g, '.') : ''} "${own.slice(0, 40)}": ${ratio.toFixed(2)}:1 (${style.color} on rgb(${bg.r}, ${bg.g}, ${bg.b}), needs ${needed}:1)`);
    }
  }
  return problems;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  timeout: 30_000,
  // --no-sandbox: the tests run as root, where Chromium's sandbox refuses to start. The rest keep Chromium off the
  // network (this machine reaches no host but the package registries) so it does not stall or log lookups.
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-domain-reliability', '--no-first-run'],
});

let result;
try {
  const desktop = await open(browser, 'desktop', { viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
  const visible = async (locator) => ((await locator.isVisible()) ? (await locator.innerText()).trim() : null);
  const overall = await visible(desktop.page.locator('p.overall'));
  const services = [];
  for (const row of await desktop.page.locator('div.service').all()) {
    if (await row.isVisible()) {
      services.push({ name: await visible(row.locator('.name')), status: await visible(row.locator('.badge')) });
    }
  }
  const incidents = [];
  for (const title of await desktop.page.locator('article.incident[id^="incident-"] h3').all()) {
    if (await title.isVisible()) incidents.push((await title.innerText()).trim());
  }
  const problems = (await desktop.page.evaluate(contrastProblems)).map((p) => `[light] ${p}`);
  await desktop.page.screenshot({ path: shots.desktop, fullPage: true });
  await desktop.context.close();

  const phone = await open(browser, 'phone', {
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, colorScheme: 'light',
  });
  // Anything wider than the screen means sideways scrolling on a phone.
  const phoneOverflowPx = await phone.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await phone.page.screenshot({ path: shots.phone, fullPage: true });
  await phone.context.close();

  const dark = await open(browser, 'dark', { viewport: { width: 1280, height: 800 }, colorScheme: 'dark' });
  problems.push(...(await dark.page.evaluate(contrastProblems)).map((p) => `[dark] ${p}`));
  await dark.page.screenshot({ path: shots.dark, fullPage: true });
  await dark.context.close();

  result = {
    overall, services, incidents, consoleErrors, pageErrors, failedRequests,
    phoneOverflowPx, contrastProblems: problems, screenshots: Object.values(shots).map((p) => path.resolve(p)),
  };
} catch (error) {
  console.error(`status-page.mjs: ${error.message}`);
  console.error(JSON.stringify({ consoleErrors, pageErrors, failedRequests }));
  await browser.close();
  process.exit(1);
}

await browser.close();
process.stdout.write(JSON.stringify(result) + '\n');

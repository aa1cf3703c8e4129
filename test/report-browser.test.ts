// Real-browser test of the HTML report (Chromium via playwright-core): a hostile document must not
// run anything or fetch anything; layer toggles hide highlights; keyboard focus shows the note.
// Needs /usr/bin/chromium: `npm test` installs it (scripts/ensure-chromium.sh). Without it the test fails
// rather than skipping, so a missing browser can never pass for a green run.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { renderReport } from '../src/report/index.js';
import { makeSampleDocument } from '../src/report/sample-document.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
describe('html report in Chromium', () => {
  it('has a browser to run in', () => {
    assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing; run scripts/ensure-chromium.sh (npm test does)`);
  });
  const doc = makeSampleDocument({ hostile: true });
  let browser: Browser;
  let page: Page;
  let dir: string;
  let url: string;
  const requests: string[] = [];
  const dialogs: string[] = [];
  const errors: string[] = [];

  before(async () => {
    const { chromium } = await import('playwright-core');
    dir = await mkdtemp(join(tmpdir(), 'marginalia-report-'));
    const file = join(dir, 'report.html');
    await writeFile(file, renderReport('html', [doc]));
    url = pathToFileURL(file).href;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    page = await browser.newPage({ viewport: { width: 1000, height: 1000 } });
    page.on('request', (request) => requests.push(request.url()));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(url, { waitUntil: 'load' });
  });

  after(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('runs nothing from the document: no dialog, no __pwned flag, no CSP or script error', async () => {
    await page.mouse.move(300, 700);
    await page.waitForTimeout(100);
    assert.deepEqual(dialogs, []);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), undefined);
    assert.deepEqual(errors, []);
  });

  it('makes no network request besides the document itself', () => {
    assert.deepEqual(requests, [url]);
  });

  it('unchecking a layer hides its highlights and checking it shows them again', async () => {
    const embed = page.locator('.text .hl[data-badge^="embed"]');
    const background = (): Promise<string> => embed.evaluate((el) => getComputedStyle(el).backgroundColor);
    const visible = await background();
    assert.notEqual(visible, 'rgba(0, 0, 0, 0)');
    const box = page.getByRole('checkbox', { name: /embed/ });
    await box.uncheck();
    assert.equal(await background(), 'rgba(0, 0, 0, 0)');
    assert.equal(await embed.getAttribute('tabindex'), '-1', 'hidden highlights leave the tab order');
    await box.check();
    assert.equal(await background(), visible);

    const quote = page.locator('.text .hl[tabindex]').filter({ hasText: /^We cannot keep/ });
    const line = (): Promise<string> => quote.evaluate((el) => getComputedStyle(el).textDecorationLine);
    assert.equal(await line(), 'underline');
    await page.getByRole('checkbox', { name: 'quote 1', exact: true }).uncheck();
    assert.equal(await line(), 'none');
    await page.getByRole('checkbox', { name: 'quote 1', exact: true }).check();
  });

  it('focusing a highlight with Tab shows its note, rule, source and confidence', async () => {
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    let cls = '';
    for (let i = 0; i < 40 && !cls.includes('hl'); i++) {
      await page.keyboard.press('Tab');
      cls = await page.evaluate(() => document.activeElement?.className ?? '');
    }
    assert.match(cls, /\bhl\b/, 'a highlight is reachable with Tab');
    const tip = page.locator('#mg-tip');
    assert.equal(await tip.isVisible(), true);
    const first = doc.annotations.find((a) => a.kind === 'region');
    const text = (await tip.textContent()) ?? '';
    assert.ok(text.includes(first?.note ?? '?'), text);
    assert.match(text, /rule region-rule · regions · confidence 0\.90/);
    await page.keyboard.press('Tab');
    const next = (await tip.textContent()) ?? '';
    assert.notEqual(next, text, 'the next highlight shows its own note');
    await page.keyboard.press('Escape');
    assert.equal(await tip.isVisible(), false, 'Escape dismisses the tooltip');
  });

  it('shows every covering annotation on hover, hostile notes as plain text', async () => {
    await page.locator('.text .hl[tabindex]').filter({ hasText: /^\*reckless\* gamble$/ }).hover();
    const tip = page.locator('#mg-tip');
    assert.equal(await tip.isVisible(), true);
    const text = (await tip.textContent()) ?? '';
    assert.ok(text.includes('technique · Loaded_Language') && text.includes('region · body'), text);
    assert.ok(text.includes('</script><script>window.__pwned=3</script>'));
    assert.equal(await tip.locator('script').count(), 0);
    await page.screenshot({ path: '/tmp/report.png', fullPage: true });
  });
});

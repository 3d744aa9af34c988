/**
 * The playground (dist/playground/, built by `npm run build`) in Debian's Chromium, driven by
 * puppeteer-core: a share link loads, the findings equal the CLI's, the fixes apply and show
 * their diff, the fragment follows the text, and the page requests nothing but its own files.
 * Needs chromium (scripts/test.sh installs it).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { fix } from '../src/fix/fix';
import { decodeConfig, encodeConfig, fromFragment } from '../src/playground/share';
import { Chromium, launchChromium, PLAYGROUND_PAGE, playgroundUrl } from './support/chromium';
import { cliFindings, decodedText, fixtureConfigs, ShownFinding } from './support/cli-findings';
import { CLEAN_CONFIG, requireProgram } from './support/integration';

const AVAILABLE = requireProgram('chromium', 'chromium', __filename);

// The functions passed to page.evaluate run in the page; this project compiles without the DOM
// types (the engine must not use them), so the little they touch is declared here.
interface PageElement {
  readonly dataset: Record<string, string | undefined>;
  readonly textContent: string | null;
  readonly href: string;
  readonly value: string;
  readonly checked: boolean;
  querySelector(selector: string): PageElement | null;
}
declare const document: { readonly body: PageElement };
declare const location: { hash: string };

/**
 * Two lines vsftpd refuses and a duplicate (safe fixes), and xferlog_enable=NO winning (no-xferlog,
 * whose fix is unsafe).
 */
const BROKEN =
  CLEAN_CONFIG.replace('listen=YES\n', 'listen = YES\n').replace('write_enable=YES\n', 'write_enable=YES \n') + 'xferlog_enable=NO\n';

/** The findings list as the page shows it. */
function shownFindings(page: Page): Promise<(ShownFinding & { href: string })[]> {
  return page.$$eval('#findings li', (items) =>
    items.map((item) => {
      const data = (item as unknown as PageElement).dataset;
      return {
        ruleId: data.ruleId!,
        severity: data.severity!,
        line: Number(data.line),
        column: Number(data.column),
        endLine: Number(data.endLine),
        endColumn: Number(data.endColumn),
        message: (item as unknown as PageElement).querySelector('.message')!.textContent!,
        href: (item as unknown as PageElement).querySelector('a.rule')!.href,
      };
    }),
  );
}

/** The config the page's share link (its current fragment) carries. */
async function sharedConfig(page: Page): Promise<string | undefined> {
  return fromFragment(await page.evaluate(() => location.hash))?.config;
}

/** Waits until the page has linted again after `action` (it counts its lint runs on <body>). */
async function relinted(page: Page, action: () => Promise<unknown>): Promise<void> {
  const before = await page.evaluate(() => document.body.dataset.linted);
  await action();
  await page.waitForFunction((b) => document.body.dataset.linted !== b, {}, before);
}

(AVAILABLE ? describe : describe.skip)('playground in Chromium', () => {
  let chromium: Chromium;
  let page: Page;
  const requests: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    chromium = await launchChromium();
    page = await chromium.browser.newPage();
    page.on('request', (request) => requests.push(request.url()));
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
    page.on('pageerror', (err) => problems.push(`page error: ${(err as Error).message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
  });

  afterAll(async () => {
    await chromium?.close();
  });

  it('loads a share link, shows the findings with docs links and lint markers', async () => {
    await page.goto(playgroundUrl(`#config=${encodeConfig(BROKEN)}`));
    await page.waitForSelector('#findings li');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vsftpd-lint-playground-'));
    const file = path.join(dir, 'vsftpd.conf');
    fs.writeFileSync(file, BROKEN);
    const expected = cliFindings([file], ['--no-config']).get(file)!;
    fs.rmSync(dir, { recursive: true });
    const shown = await shownFindings(page);
    expect(shown.map(({ href, ...finding }) => finding)).toEqual(expected);
    expect(shown.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['VSF105', 'VSF102', 'VSF410']));
    expect(shown.find((f) => f.ruleId === 'VSF102')!.href).toBe(
      'https://github.com/vsftpd-lint/vsftpd-lint/blob/main/docs/rules/bad-bool-value.md',
    );
    // One marker in the text and one in the gutter per error (each on a line of its own).
    const errors = expected.filter((f) => f.severity === 'error').length;
    expect(errors).toBeGreaterThanOrEqual(2);
    expect(await page.$$eval('.cm-lintRange-error', (marks) => marks.length)).toBe(errors);
    expect(await page.$$eval('.cm-lint-marker-error', (marks) => marks.length)).toBe(errors);
    expect(await page.$eval('#diff-title', (e) => e.textContent)).toBe('What "Apply safe fixes" would change');
  });

  it('applies the safe fixes, then the unsafe ones, showing the diff of each; the link follows', async () => {
    const safe = fix(BROKEN, { path: 'vsftpd.conf' });
    await relinted(page, () => page.click('#apply-safe'));
    expect(await page.$eval('#diff-title', (e) => e.textContent)).toBe('Applied safe fixes');
    const safeDiff = await page.$eval('#diff', (e) => e.textContent);
    expect(safeDiff).toBe(safe.diff);
    expect(safeDiff).toContain('-listen = YES\n+listen=YES\n');
    expect(safeDiff).toContain('-write_enable=YES \n');
    expect(await sharedConfig(page)).toBe(safe.output);
    // What remains: findings with unsafe fixes only (no-xferlog), as the CLI reports after --fix.
    expect((await shownFindings(page)).map((f) => f.ruleId)).toEqual(safe.remaining.map((f) => f.ruleId));
    expect(safe.remaining.some((f) => f.fixable === 'unsafe')).toBe(true);

    const unsafe = fix(safe.output, { path: 'vsftpd.conf', unsafe: true });
    await relinted(page, () => page.click('#apply-unsafe'));
    expect(await page.$eval('#diff-title', (e) => e.textContent)).toBe('Applied fixes (safe and unsafe)');
    expect(await page.$eval('#diff', (e) => e.textContent)).toBe(unsafe.diff);
    expect(await sharedConfig(page)).toBe(unsafe.output);
  });

  it('updates the fragment as the text is typed, and keeps the build and per-user choices in it', async () => {
    await page.click('.cm-content');
    await page.keyboard.down('Control');
    await page.keyboard.press('End');
    await page.keyboard.up('Control');
    const typed = `${await sharedConfig(page)}address_space_limit=0\n`;
    await page.keyboard.type('address_space_limit=0\n');
    // Typing re-lints as it goes (after a pause of 50 ms): wait for the link of the whole text.
    await page.waitForFunction((hash) => location.hash === hash, {}, `#config=${encodeConfig(typed)}`);
    // Debian's build does not know the option (vsftpd refuses the file); openSUSE's does.
    expect((await shownFindings(page)).map((f) => f.ruleId)).toContain('VSF101');
    await relinted(page, () => page.select('#target', 'opensuse'));
    expect((await shownFindings(page)).map((f) => f.ruleId)).not.toContain('VSF101');
    await relinted(page, () => page.click('#per-user'));
    const fragment = await page.evaluate(() => location.hash);
    expect(fromFragment(fragment)).toMatchObject({ target: 'opensuse', perUser: true });

    // A link to the same text with other choices, opened in this page, applies them.
    await relinted(page, () => page.evaluate((hash) => (location.hash = hash), `#config=${encodeConfig(typed)}`));
    expect(await page.$eval('#target', (e) => (e as unknown as PageElement).value)).toBe('debian-3.0.3');
    expect(await page.$eval('#per-user', (e) => (e as unknown as PageElement).checked)).toBe(false);
    await relinted(page, () => page.evaluate((hash) => (location.hash = hash), fragment));

    // The link reopens the same state in a new page.
    const reopened = await chromium.browser.newPage();
    await reopened.goto(playgroundUrl(fragment));
    await reopened.waitForFunction(() => document.body.dataset.linted !== undefined);
    expect(await reopened.$eval('#target', (e) => (e as unknown as PageElement).value)).toBe('opensuse');
    expect(await reopened.$eval('#per-user', (e) => (e as unknown as PageElement).checked)).toBe(true);
    expect(await sharedConfig(reopened)).toBe(await sharedConfig(page));
    await reopened.close();
  });

  it("shows the CLI's JSON findings (without a project config) for every fixture", async () => {
    await page.select('#target', 'debian-3.0.3');
    if (await page.$eval('#per-user', (e) => (e as unknown as PageElement).checked)) await page.click('#per-user');
    const files = fixtureConfigs();
    const expected = cliFindings(files, ['--no-config', '--target', 'debian-3.0.3']);
    let previous = await sharedConfig(page);
    let compared = 0;
    for (const file of files) {
      const text = decodedText(file);
      // Setting the fragment the page already shows fires no hashchange: the same text is not re-linted.
      if (text !== previous) await relinted(page, () => page.evaluate((hash) => (location.hash = hash), `#config=${encodeConfig(text)}`));
      previous = text;
      const shown = (await shownFindings(page)).map(({ href, ...finding }) => finding);
      expect({ file, findings: shown }).toEqual({ file, findings: expected.get(file) });
      compared += shown.length;
    }
    expect(compared).toBeGreaterThan(300);
  });

  it('made no request but for its own files, and logged no error', () => {
    const own = pathToFileURL(path.dirname(PLAYGROUND_PAGE)).href + '/';
    const foreign = requests.filter((url) => !url.startsWith(own) && !url.startsWith('data:'));
    expect(foreign).toEqual([]);
    const files = requests.filter((url) => url.startsWith(own));
    expect(new Set(files.map((url) => url.replace(/#.*/, '').slice(own.length)))).toEqual(
      new Set(['index.html', 'style.css', 'playground.js']),
    );
    expect(problems).toEqual([]);
  });
});

describe('share links', () => {
  it('round-trip any text through base64url of UTF-8', () => {
    for (const text of ['', 'listen=YES\n', 'ftpd_banner=Grüße 👋\r\n', '\u0000\uFEFFx', '\uFEFFlisten=YES\n']) {
      const encoded = encodeConfig(text);
      expect(encoded).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(decodeConfig(encoded)).toBe(text);
    }
    expect(encodeConfig('ftpd_banner=é')).toBe(Buffer.from('ftpd_banner=é', 'utf8').toString('base64url'));
    expect(decodeConfig('not base64!')).toBeUndefined();
    expect(fromFragment('#target=fedora')).toBeUndefined();
  });
});

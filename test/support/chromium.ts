/**
 * Debian's Chromium driven by puppeteer-core (never a downloaded browser), for the playground's
 * test and its README screenshot: headless, no sandbox (tests run as root), nothing in the
 * background that could reach the network, a fresh profile that is removed on close.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { Browser } from 'puppeteer-core';

export const CHROMIUM = '/usr/bin/chromium';

/**
 * The repository: the nearest directory above this module with a package.json (jest runs it
 * from test/support, the screenshot script from dist/test/support).
 */
function repositoryRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
}

/** The built playground page (`npm run build`). */
export const PLAYGROUND_PAGE = path.join(repositoryRoot(), 'dist/playground/index.html');

export function playgroundUrl(fragment = ''): string {
  if (!fs.existsSync(PLAYGROUND_PAGE)) throw new Error(`${PLAYGROUND_PAGE} is missing: run "npm run build" first`);
  return pathToFileURL(PLAYGROUND_PAGE).href + fragment;
}

export interface Chromium {
  readonly browser: Browser;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<Chromium> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'vsftpd-lint-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${profile}`,
    ],
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

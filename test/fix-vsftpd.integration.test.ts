/**
 * The real vsftpd accepts what the fixer writes (Debian's /usr/sbin/vsftpd 3.0.3, asked through
 * test/support/vsftpd.ts as in the differential test; target debian-3.0.3):
 *
 *  - every fixture whose errors are all syntax errors with a safe fix: after fix() (safe fixes
 *    only, what `--fix` does) vsftpd's parser loads the file;
 *  - every seeded generated config of the differential test whose syntax errors all have a safe
 *    fix: the same, unless the fix shows a second problem on a line it repaired (vsftpd and the
 *    linter stop at a line's first problem: a BOM or a misspelt name hides a bad value), which
 *    the linter then reports;
 *  - any config: after fix() (safe, and with unsafe fixes) vsftpd loads the output exactly when the
 *    linter reports no fatal syntax error in it, and a config vsftpd loaded still loads.
 *
 * The test needs the binary and FAILS (never skips) without it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fix, lint } from '../src';
import type { Finding, FixOptions } from '../src';
import { configSeed, generateConfig, GENERATOR_BUILD } from './support/generate-config';
import { lineOrigins } from './support/line-origins';
import { runVsftpd, VsftpdResult, vsftpdAvailable, VSFTPD_PATH } from './support/vsftpd';

const TARGET = GENERATOR_BUILD; // debian-3.0.3, the build at /usr/sbin/vsftpd
const ROOT = path.resolve(__dirname, '..');
const SEED = 0x5eed2024; // the differential test's default seed
const COUNT = Number(process.env.FIX_VSFTPD_COUNT ?? 200);

type Encoding = 'utf8' | 'latin1';

/** Every syntax error means vsftpd refuses the file (as the differential test holds). */
const isSyntaxError = (f: Finding) => f.category === 'syntax' && f.severity === 'error';
const isFatal = isSyntaxError;

/** Every error is a syntax error with a safe fix, and there is at least one. */
function onlySafelyFixableSyntaxErrors(findings: readonly Finding[]): boolean {
  const errors = findings.filter((f) => f.severity === 'error');
  return errors.length > 0 && errors.every((f) => isSyntaxError(f) && f.fixable === 'safe');
}

/**
 * vsftpd stops at the first thing wrong with a line, and the linter reports that one: a BOM
 * before a name, a misspelt name before a bad value. Once the fix repairs it, the line's next
 * problem shows (and the linter reports it). True when every fatal finding left after fixing is
 * on a line that had a fatal finding before, which the safe fixes alone could not be enough for.
 */
function revealedOnFixedLine(input: string, before: readonly Finding[], output: string, fatalAfter: readonly Finding[]): boolean {
  const fatalLines = new Set(before.filter(isFatal).map((f) => f.line));
  const origins = lineOrigins(input, output);
  return fatalAfter.length > 0 && fatalAfter.every((f) => (origins.get(f.line) ?? [f.line]).some((l) => fatalLines.has(l)));
}

function loads(result: VsftpdResult): boolean {
  return result.kind === 'parsed';
}

function decode(bytes: Buffer): { text: string; encoding: Encoding } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf8' };
  } catch {
    return { text: bytes.toString('latin1'), encoding: 'latin1' };
  }
}

function fixtureFiles(): string[] {
  return fs
    .readdirSync(path.join(ROOT, 'fixtures'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.conf'))
    .map((f) => `fixtures/${f.split(path.sep).join('/')}`)
    .sort();
}

const shown = (r: VsftpdResult) =>
  r.kind === 'parse-error' ? `500 OOPS: ${r.message}` : r.kind === 'crash' ? `crash (${r.signal})` : 'parsed';

beforeAll(() => {
  if (!vsftpdAvailable()) {
    throw new Error(
      `${VSFTPD_PATH} is missing: this test runs Debian's real vsftpd and is never skipped. Install it ` +
        "(apt-get install -y vsftpd, as the CI set-up does) and run the README's test command.",
    );
  }
});

describe('CRLF', () => {
  test('a CRLF config vsftpd loads still loads after --fix: an emptied number keeps the 0 vsftpd read', () => {
    const text = 'accept_timeout=\r\nftpd_banner=Hello\r\n';
    expect(shown(runVsftpd(text))).toBe('parsed');
    const { output, remaining } = fix(text, { target: TARGET });
    expect(output).toBe('accept_timeout=0\nftpd_banner=Hello\n');
    expect(shown(runVsftpd(output))).toBe('parsed');
    expect(remaining.filter(isFatal)).toEqual([]);
  });
});

describe('fixtures whose only errors are safely fixable syntax errors load after --fix', () => {
  const cases = fixtureFiles().flatMap((file) => {
    const { text, encoding } = decode(fs.readFileSync(path.join(ROOT, file)));
    return onlySafelyFixableSyntaxErrors(lint(text, { target: TARGET, encoding })) ? [[file, text, encoding] as const] : [];
  });

  test('there are such fixtures (the bundled fixer fixtures at least)', () => {
    const files = cases.map(([file]) => file);
    expect(files).toEqual(
      expect.arrayContaining([
        'fixtures/fix/hand-edited.conf',
        'fixtures/fix/latin1-no-final-newline.conf',
        'fixtures/fix/windows-editor.conf',
      ]),
    );
    expect(files.length).toBeGreaterThanOrEqual(8);
  });

  test.each(cases)('%s', (_, text, encoding) => {
    const before = runVsftpd(text, { encoding });
    const { output, remaining } = fix(text, { target: TARGET, encoding });
    expect(remaining.filter(isSyntaxError)).toEqual([]);
    const after = runVsftpd(output, { encoding });
    expect({ before: shown(before), after: shown(after) }).toEqual({ before: shown(before), after: 'parsed' });
  });
});

describe('every fixture: vsftpd loads the fixed output exactly when the linter says it will', () => {
  const files = fixtureFiles().filter((f) => !f.startsWith('fixtures/file-too-large/'));
  test.each(files)('%s', (file) => {
    const { text, encoding } = decode(fs.readFileSync(path.join(ROOT, file)));
    const loadedBefore = loads(runVsftpd(text, { encoding }));
    for (const unsafe of [false, true]) {
      const { output, remaining } = fix(text, { target: TARGET, encoding, unsafe });
      const after = runVsftpd(output, { encoding });
      const fatal = remaining.filter(isFatal).map((f) => `${f.name} (line ${f.line})`);
      const label = `${unsafe ? 'unsafe' : 'safe'} fixes of ${JSON.stringify(output)}`;
      expect({ label, vsftpd: shown(after), fatal: fatal.length > 0 }).toEqual({ label, vsftpd: shown(after), fatal: !loads(after) });
      if (loadedBefore) expect({ label, vsftpd: shown(after) }).toEqual({ label, vsftpd: 'parsed' });
    }
  });
});

describe(`seeded generated configs (seed ${SEED}, ${COUNT} configs) load after --fix`, () => {
  interface Mismatch {
    readonly config: string;
    readonly fixed: string;
    readonly reason: string;
  }

  test("the differential test's configs", () => {
    const mismatches: Mismatch[] = [];
    let safelyFixable = 0;
    for (let i = 0; i < COUNT; i++) {
      const seed = configSeed(SEED, i);
      const text = generateConfig(seed);
      const findings = lint(text, { target: TARGET });
      const loadedBefore = loads(runVsftpd(text));
      const fixable = onlySafelyFixableSyntaxErrors(findings);
      if (fixable) safelyFixable++;
      for (const unsafe of [false, true]) {
        const options: FixOptions = { target: TARGET, unsafe };
        const { output, remaining } = fix(text, options);
        if (unsafe && output === fix(text, { ...options, unsafe: false }).output) continue; // same file
        const after = runVsftpd(output);
        const fatal = remaining.filter(isFatal);
        const add = (reason: string) => {
          mismatches.push({ config: `#${i} (configSeed ${seed}) ${JSON.stringify(text)}`, fixed: JSON.stringify(output), reason });
        };
        if (!unsafe && fixable && !loads(after) && !revealedOnFixedLine(text, findings, output, fatal)) {
          add(`only safely fixable syntax errors, yet after --fix vsftpd says ${shown(after)}`);
        }
        if (loadedBefore && !loads(after)) add(`vsftpd loaded it, but not after ${unsafe ? '--unsafe-fixes' : '--fix'}: ${shown(after)}`);
        if (loads(after) !== (fatal.length === 0)) {
          add(
            `after ${unsafe ? '--unsafe-fixes' : '--fix'} vsftpd says ${shown(after)}, the linter's fatal findings: ${fatal.map((f) => f.name).join(', ') || 'none'}`,
          );
        }
      }
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
    // The generator makes enough such configs for this to mean something.
    expect(safelyFixable).toBeGreaterThanOrEqual(Math.floor(COUNT / 20));
  });
});

/**
 * Differential test: the linter against Debian's real vsftpd 3.0.3 (/usr/sbin/vsftpd).
 *
 * For every fixture (fixtures/**\/*.conf) and for generated configs (test/support/generate-config.ts),
 * vsftpd is asked whether it accepts the file at parse time (test/support/vsftpd.ts) and the
 * linter is run with target debian-3.0.3. They must agree:
 *
 *  - vsftpd rejects the file (a "500 OOPS" parse error, or a crash) if and only if the linter
 *    reports at least one finding with category 'syntax' and severity 'error' (a "fatal" finding
 *    below), whatever the rule: no rule is excluded;
 *  - on a parse error, the first fatal finding (lowest line) names the option exactly as vsftpd
 *    prints it (`finding.option === name`, trailing blanks, "\r" and BOM included);
 *  - on a crash (Debian's SIGSEGV on a whitespace-only string value), the first fatal finding is
 *    'blank-string-value';
 *  - vsftpd stops on the line of the first fatal finding: it accepts the file cut just before
 *    that line and rejects it, the same way, cut just after.
 *
 * Every mismatch is collected; the test fails once, listing up to 20 of them with the config
 * text (JSON) and both verdicts. Seed and count of the generated part can be changed with
 * VSFTPD_LINT_SEED and VSFTPD_LINT_DIFF_COUNT; config i of a run is
 * generateConfig(configSeed(seed, i)), so one failing config can be regenerated alone.
 *
 * The test needs the binary and FAILS (never skips) without it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { TextDecoder } from 'util';
import { lint, parse } from '../src';
import type { Finding } from '../src';
import { configSeed, generateConfig, GENERATOR_BUILD } from './support/generate-config';
import { runVsftpd, VsftpdResult, vsftpdAvailable, VSFTPD_PATH } from './support/vsftpd';

const TARGET = GENERATOR_BUILD; // 'debian-3.0.3': the build installed at /usr/sbin/vsftpd

const DEFAULT_SEED = 0x5eed2024;
const DEFAULT_COUNT = 300;
const MAX_REPORTED = 20;
/** Longer config texts (e.g. the 100 kB file-too-large fixtures) are shown with their middle elided. */
const MAX_SHOWN_CHARS = 3000;
const FIXTURES_DIR = path.resolve(__dirname, '..', 'fixtures');

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got '${raw}'`);
  return value;
}

const SEED = envInt('VSFTPD_LINT_SEED', DEFAULT_SEED) >>> 0;
const COUNT = envInt('VSFTPD_LINT_DIFF_COUNT', DEFAULT_COUNT);

function requireVsftpd(): void {
  if (!vsftpdAvailable()) {
    throw new Error(
      `${VSFTPD_PATH} is missing: the differential test runs Debian's real vsftpd and is never ` +
        'skipped. Install it (apt-get install -y vsftpd, as the CI set-up does) and run the ' +
        "README's test command.",
    );
  }
}

interface Case {
  /** Where the config comes from: a fixture path, or "generated #i (configSeed N)". */
  readonly label: string;
  readonly bytes: Buffer;
  readonly text: string;
  readonly encoding: 'utf8' | 'latin1';
}

interface Mismatch {
  readonly label: string;
  readonly reason: string;
  readonly config: string;
  readonly vsftpd: VsftpdResult | { kind: 'harness-error'; error: string };
  readonly linter: readonly Pick<Finding, 'line' | 'column' | 'ruleId' | 'name' | 'option' | 'message'>[];
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes file bytes as the linter's CLI would: UTF-8 when valid, else one character per byte. */
function decode(bytes: Buffer): { text: string; encoding: 'utf8' | 'latin1' } {
  try {
    return { text: STRICT_UTF8.decode(bytes), encoding: 'utf8' };
  } catch {
    return { text: bytes.toString('latin1'), encoding: 'latin1' };
  }
}

function shorten(json: string): string {
  if (json.length <= MAX_SHOWN_CHARS) return json;
  const half = MAX_SHOWN_CHARS / 2;
  return `${json.slice(0, half)} <${json.length - 2 * half} characters elided> ${json.slice(-half)}`;
}

function isFatal(finding: Finding): boolean {
  return finding.category === 'syntax' && finding.severity === 'error';
}

/** The same verdict: both parse errors with one message, or both crashes. */
function sameRejection(a: VsftpdResult, b: VsftpdResult): boolean {
  if (a.kind === 'parse-error' && b.kind === 'parse-error') return a.message === b.message;
  return a.kind === 'crash' && b.kind === 'crash';
}

/**
 * Why vsftpd does not stop on `line` (1-based), or undefined when it does: the bytes before the
 * line must parse, and the bytes up to its end must be rejected as the whole file is.
 */
function stopLineProblem(c: Case, line: number, whole: VsftpdResult): string | undefined {
  const lines = parse(c.text, { encoding: c.encoding }).lines;
  const target = lines[line - 1];
  const end = line < lines.length ? lines[line].byteStart : c.bytes.length;
  const before = runVsftpd(c.bytes.subarray(0, target.byteStart), { encoding: c.encoding });
  if (before.kind !== 'parsed') return `vsftpd already rejects the lines before line ${line}: ${JSON.stringify(before)}`;
  const through = runVsftpd(c.bytes.subarray(0, end), { encoding: c.encoding });
  if (!sameRejection(through, whole)) return `vsftpd does not stop on line ${line}: up to it, ${JSON.stringify(through)}`;
  return undefined;
}

/** Compares one config; returns the mismatch, or undefined when linter and vsftpd agree. */
function compare(c: Case, tally?: Record<VsftpdResult['kind'], number>): Mismatch | undefined {
  let vsftpd: VsftpdResult;
  let findings: Finding[] = [];
  const base = { label: c.label, config: shorten(JSON.stringify(c.text)) };
  try {
    findings = lint(c.text, { target: TARGET, encoding: c.encoding });
  } catch (error) {
    return { ...base, reason: `the linter threw: ${String(error)}`, vsftpd: { kind: 'harness-error', error: 'not run' }, linter: [] };
  }
  const fatal = findings.filter(isFatal);
  const linter = fatal.map(({ line, column, ruleId, name, option, message }) => ({ line, column, ruleId, name, option, message }));
  try {
    vsftpd = runVsftpd(c.bytes, { encoding: c.encoding });
  } catch (error) {
    return { ...base, reason: 'could not run vsftpd', vsftpd: { kind: 'harness-error', error: String(error) }, linter };
  }
  if (tally) tally[vsftpd.kind]++;
  const rejected = vsftpd.kind === 'parse-error' || vsftpd.kind === 'crash';
  let reason: string | undefined;
  if (rejected && fatal.length === 0) {
    reason = 'vsftpd rejects the file but the linter reports no syntax error';
  } else if (!rejected && fatal.length > 0) {
    reason = 'vsftpd parses the file but the linter reports a syntax error';
  } else if (vsftpd.kind === 'parse-error' && fatal[0].option !== vsftpd.name) {
    reason =
      `vsftpd names ${JSON.stringify(vsftpd.name)} but the first linter error ` +
      `(line ${fatal[0].line}, ${fatal[0].name}) names ${JSON.stringify(fatal[0].option)}`;
  } else if (vsftpd.kind === 'crash' && fatal[0].name !== 'blank-string-value') {
    reason = `vsftpd crashes (${vsftpd.signal}) but the first linter error is ${fatal[0].name} (line ${fatal[0].line}), not blank-string-value`;
  } else if (rejected) {
    reason = stopLineProblem(c, fatal[0].line, vsftpd);
  }
  return reason === undefined ? undefined : { ...base, reason, vsftpd, linter };
}

function failOnMismatches(what: string, total: number, mismatches: readonly Mismatch[]): void {
  if (mismatches.length === 0) return;
  const shown = mismatches
    .slice(0, MAX_REPORTED)
    .map((m, i) =>
      [
        `${i + 1}. ${m.label}: ${m.reason}`,
        `   config: ${m.config}`,
        `   vsftpd: ${JSON.stringify(m.vsftpd)}`,
        `   linter syntax errors: ${JSON.stringify(m.linter)}`,
      ].join('\n'),
    );
  const more = mismatches.length > MAX_REPORTED ? `\n... and ${mismatches.length - MAX_REPORTED} more` : '';
  throw new Error(
    `${mismatches.length} of ${total} ${what} disagree between the linter (target ${TARGET}) and ${VSFTPD_PATH}:\n\n` +
      shown.join('\n\n') +
      more,
  );
}

function fixtureFiles(): string[] {
  if (!fs.existsSync(FIXTURES_DIR)) return [];
  return (fs.readdirSync(FIXTURES_DIR, { recursive: true }) as string[])
    .filter((relative) => relative.endsWith('.conf'))
    .map((relative) => path.join(FIXTURES_DIR, relative))
    .filter((file) => fs.statSync(file).isFile())
    .sort();
}

describe(`differential: linter vs ${VSFTPD_PATH} (${TARGET})`, () => {
  beforeAll(requireVsftpd);

  test('fixtures/**/*.conf', () => {
    requireVsftpd();
    const files = fixtureFiles();
    // No fixtures yet is fine (they are added rule by rule); the generated part always runs.
    const mismatches: Mismatch[] = [];
    for (const file of files) {
      const bytes = fs.readFileSync(file);
      const { text, encoding } = decode(bytes);
      const mismatch = compare({ label: path.relative(path.dirname(FIXTURES_DIR), file), bytes, text, encoding });
      if (mismatch) mismatches.push(mismatch);
    }
    failOnMismatches('fixture files', files.length, mismatches);
  });

  test(
    `${COUNT} generated configs (seed ${SEED}; set VSFTPD_LINT_SEED / VSFTPD_LINT_DIFF_COUNT to change)`,
    () => {
      requireVsftpd();
      const mismatches: Mismatch[] = [];
      const tally = { parsed: 0, 'parse-error': 0, crash: 0 };
      for (let i = 0; i < COUNT; i++) {
        const seed = configSeed(SEED, i);
        const text = generateConfig(seed);
        const mismatch = compare(
          {
            label: `generated #${i} (generateConfig(${seed}))`,
            bytes: Buffer.from(text, 'utf8'),
            text,
            encoding: 'utf8',
          },
          tally,
        );
        if (mismatch) mismatches.push(mismatch);
      }
      failOnMismatches('generated configs', COUNT, mismatches);
      // The generator aims at roughly half accepted files; if either side became rare the test
      // would silently lose its power, so a large enough run checks the mix too.
      if (COUNT >= 100) {
        const accepted = tally.parsed / COUNT;
        expect({ tally, acceptedShareInRange: accepted >= 0.25 && accepted <= 0.75 }).toMatchObject({
          acceptedShareInRange: true,
        });
      }
    },
    Math.max(60_000, COUNT * 200),
  );
});

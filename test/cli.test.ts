/**
 * End-to-end tests of the command line: run in this process through `run(argv, io)` with captured
 * streams (test/support/run-cli.ts), and, where the process itself is the claim (its exit status,
 * standard input from a pipe, another user's permissions), as a real process of the built CLI
 * (dist/src/cli/main.js: run `npm run build` first).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import kleur from 'kleur';
import { RULES } from '../src/index';
import { useColor } from '../src/cli/color';
import { binaryReason } from '../src/cli/read-source';
import { decodeBytes as decode } from '../src/parser/decode';
import { BUILT_CLI, cli, CliRun as Run, ROOT, spawnCli } from './support/run-cli';

const FIXTURES = 'fixtures/cli';
const CLEAN = `${FIXTURES}/clean.conf`;
const ERRORS = `${FIXTURES}/errors.conf`;
const WARNINGS = `${FIXTURES}/warnings.conf`; // exactly 2 warnings, no error
const FEDORA_ONLY = `${FIXTURES}/fedora-only.conf`;
const ESC = '\u001b[';
const stderrLines = (run: Run) => run.stderr.split('\n').filter(Boolean);
const pick = ({ status, stdout, stderr }: Run) => ({ status, stdout, stderr });

let tmp: string;
const tmpFile = (name: string, content: string | Buffer): string => {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, content);
  return file;
};

beforeAll(() => {
  if (!fs.existsSync(BUILT_CLI)) throw new Error(`${BUILT_CLI} is missing: run "npm run build" first`);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vsftpd-lint-cli-'));
  fs.chmodSync(tmp, 0o755); // readable by the unprivileged user of the permission test
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('exit codes', () => {
  test('0 for a clean file', async () => {
    const run = await cli([CLEAN]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('no problems');
    expect(run.stderr).toBe('');
  });

  test('1 for an error finding, reported as path:line:col with severity and rule', async () => {
    const run = await cli([ERRORS]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`^${ERRORS}:2:8 +error +.*VSF102 bad-bool-value$`, 'm'));
    expect(run.stdout).toContain('✖ 1 problem (1 error, 0 warnings, 0 info)');
    expect(run.stdout).toContain('1 has a safe fix');
  });

  test('0 for warnings only, by default', async () => {
    const run = await cli([WARNINGS]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('2 problems (0 errors, 2 warnings, 0 info)');
  });

  test('2 for a missing file even when another file has errors', async () => {
    expect((await cli([ERRORS, 'does-not-exist.conf'])).status).toBe(2);
  });

  test('a reader that goes away (vsftpd-lint | head) is no error worth a message', () => {
    // 100 copies of the example: some 300 kB of report, more than a pipe holds.
    const files = Array<string>(100).fill('fixtures/examples/edited-vsftpd.conf');
    const script = `"${process.execPath}" "${BUILT_CLI}" "$@" | head -c 100 >/dev/null`;
    const run = spawnSync('sh', ['-c', script, 'sh', ...files], { cwd: ROOT, encoding: 'utf8' });
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
  });

  test('the process exits with the status of the run, and prints what it prints', async () => {
    for (const args of [[CLEAN], [ERRORS], [ERRORS, 'does-not-exist.conf'], ['--frobnicate']]) {
      const { status, stdout, stderr } = spawnCli(args);
      expect({ args, status, stdout, stderr }).toEqual({ args, ...pick(await cli(args)) });
    }
  });
});

describe('--max-warnings', () => {
  test.each([
    [[], 0],
    [['--max-warnings', '2'], 0],
    [['--max-warnings', '1'], 1],
    [['--max-warnings', '0'], 1],
    [['--max-warnings=-1'], 0],
  ])('%j on 2 warnings exits %i', async (flags, status) => {
    expect((await cli([...flags, WARNINGS])).status).toBe(status);
  });

  test('rejects a value that is not an integer of -1 or more', async () => {
    for (const value of ['abc', '-2', '1.5']) {
      const run = await cli([`--max-warnings=${value}`, CLEAN]);
      expect(run.status).toBe(2);
      expect(stderrLines(run)).toHaveLength(1);
    }
  });
});

describe('stdin', () => {
  test('"-" lints standard input, named <stdin>', async () => {
    const run = await cli(['-'], { input: 'listen=YES \n' });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^<stdin>:1:8 +error .*VSF102/m);
  });

  test('a real pipe on standard input', () => {
    const run = spawnCli(['-', CLEAN], { input: 'listen=YES \n' });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^<stdin>:1:8 +error .*VSF102/m);
  });

  test('"-" alongside files', async () => {
    const run = await cli([CLEAN, '-', ERRORS], { input: 'listen=YES\n' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`${ERRORS}:2:8`);
  });
});

describe('files that cannot be read', () => {
  /** One line on stderr naming the file, exit 2, and the readable file still reported. */
  function expectReadError(run: Run, file: string, reason: RegExp): void {
    expect(run.status).toBe(2);
    const lines = stderrLines(run);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(file);
    expect(lines[0]).toMatch(reason);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(run.stdout).toContain(`${ERRORS}:2:8`);
    expect(run.stdout).toContain('1 file could not be read');
  }

  test('missing file', async () => {
    expectReadError(await cli(['nope.conf', ERRORS]), 'nope.conf', /no such file/);
  });

  test('directory', async () => {
    expectReadError(await cli([ERRORS, FIXTURES]), FIXTURES, /is a directory/);
  });

  test('binary file (ELF magic)', async () => {
    const file = tmpFile('binary', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0]));
    expectReadError(await cli([file, ERRORS]), file, /not a text file/);
  });

  test('binary file (mostly control bytes)', async () => {
    const noise = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7) % 32));
    const file = tmpFile('random.bin', noise);
    expectReadError(await cli([file, ERRORS]), file, /not a text file/);
  });

  test('unreadable file', () => {
    const file = tmpFile('secret.conf', 'listen=YES\n');
    fs.chmodSync(file, 0o000);
    // root reads any file whatever its mode, so as root run the CLI as the unprivileged "nobody".
    const uid = process.getuid?.() === 0 ? 65534 : undefined;
    expectReadError(spawnCli([file, ERRORS], { uid }), file, /permission denied/);
  });

  test('the summary does not vouch for a file that was not read', async () => {
    const run = await cli(['nope.conf', CLEAN]);
    expect(run.stdout).toBe('no problems in the other file\n✖ 1 file could not be read\n');
  });

  test('json output lists the unreadable file with an error', async () => {
    const run = await cli(['--format', 'json', 'nope.conf', CLEAN]);
    expect(run.status).toBe(2);
    const report = JSON.parse(run.stdout);
    expect(report.files[0]).toEqual({ path: 'nope.conf', error: 'no such file', findings: [], suppressed: [] });
    expect(report.files[1]).toMatchObject({ path: CLEAN, encoding: 'utf8', findings: [] });
    expect(report.summary.unreadableFiles).toBe(1);
  });
});

describe('content that is linted, not rejected', () => {
  test('a single NUL byte is a finding, not a binary file', async () => {
    const file = tmpFile('nul.conf', 'listen=YES\nftpd_banner=hi\0there\n');
    const run = await cli([file]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('VSF114');
  });

  test('a file over 100,000 bytes is linted and reported by VSF113', async () => {
    const file = tmpFile('large.conf', `listen=YES\n${'#'.repeat(120)}\n`.repeat(1000));
    const run = await cli([file]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('VSF113');
  });

  test('a latin1 (invalid UTF-8) file is linted as latin1', async () => {
    const latin1 = (text: string) => Buffer.from(text, 'latin1');
    const clean = fs.readFileSync(CLEAN, 'latin1').replace(/^ftpd_banner=.*$/m, 'ftpd_banner=Caf\xe9 \xab FTP \xbb');
    const file = tmpFile('latin1.conf', latin1(clean));
    const json = await cli(['--format', 'json', file]);
    expect(json.status).toBe(0);
    expect(json.stderr).toBe('');
    expect(JSON.parse(json.stdout).files[0]).toMatchObject({ encoding: 'latin1', findings: [] });
    const bad = tmpFile('latin1-bad.conf', latin1('ftpd_banner=Caf\xe9\nlisten=ON\n'));
    const stylish = await cli([bad]);
    expect(stylish.status).toBe(1);
    expect(stylish.stdout).toMatch(/latin1-bad\.conf:2:8 +error .*VSF102/);
  });

  test('a UTF-8 BOM is kept for the linter and reported by VSF107', async () => {
    const file = tmpFile('bom.conf', Buffer.from('\uFEFFlisten=YES\n', 'utf8'));
    const run = await cli([file]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/bom\.conf:1:1 +error .*VSF107 utf8-bom/);
  });
});

describe('--target', () => {
  test('fedora accepts ssl_tlsv1_2, the default target reports VSF101', async () => {
    const fedora = await cli(['--target', 'fedora', '--format', 'json', FEDORA_ONLY]);
    expect(fedora.status).toBe(0);
    expect(JSON.parse(fedora.stdout).files[0].findings.filter((f: { category: string }) => f.category === 'syntax')).toEqual([]);
    const debian = await cli([FEDORA_ONLY]);
    expect(debian.status).toBe(1);
    expect(debian.stdout).toMatch(/fedora-only\.conf:3:1 +error .*VSF101 unknown-option/);
  });

  test('aliases are accepted and resolved', async () => {
    const run = await cli(['--target', 'rhel', '--format', 'json', FEDORA_ONLY]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).target).toBe('fedora');
  });

  test('an unknown target is a usage error', async () => {
    const run = await cli(['--target', 'solaris', CLEAN]);
    expect(run.status).toBe(2);
    expect(stderrLines(run)).toHaveLength(1);
    expect(run.stderr).toContain('solaris');
    expect(run.stdout).toBe('');
  });
});

describe('--format json', () => {
  test('has the documented shape', async () => {
    const run = await cli(['--format', 'json', ERRORS, CLEAN]);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(Object.keys(report)).toEqual(['version', 'target', 'files', 'summary']);
    expect(report.version).toBe(1);
    expect(report.target).toBe('debian-3.0.3');
    expect(report.summary).toEqual({
      errors: 1,
      warnings: 0,
      infos: 0,
      safeFixes: 1,
      unsafeFixes: 0,
      unreadableFiles: 0,
    });
    expect(report.files).toHaveLength(2);
    expect(report.files[1]).toEqual({
      path: CLEAN,
      encoding: 'utf8',
      target: 'debian-3.0.3',
      mode: 'server',
      findings: [],
      suppressed: [],
    });
    const [finding] = report.files[0].findings;
    expect(Object.keys(finding)).toEqual([
      'ruleId',
      'name',
      'category',
      'severity',
      'message',
      'line',
      'column',
      'endLine',
      'endColumn',
      'option',
      'fixable',
      'fix',
    ]);
    expect(finding).toMatchObject({
      ruleId: 'VSF102',
      name: 'bad-bool-value',
      severity: 'error',
      line: 2,
      column: 8,
      option: 'listen',
      fixable: 'safe',
      fix: { safety: 'safe', edits: [{ text: 'YES' }] },
    });
  });

  test('fix is null when a finding has none', async () => {
    const run = await cli(['--format', 'json', '--target', 'debian', FEDORA_ONLY]);
    const finding = JSON.parse(run.stdout).files[0].findings.find((f: { ruleId: string }) => f.ruleId === 'VSF101');
    expect(finding).toMatchObject({ ruleId: 'VSF101', fixable: 'none', fix: null });
  });

  test('is never coloured', async () => {
    const run = await cli(['--format', 'json', '--color', ERRORS]);
    expect(run.stdout).not.toContain(ESC);
    expect(() => JSON.parse(run.stdout)).not.toThrow();
  });
});

describe('a run in this process', () => {
  test('reads files from its own directory and leaves the process as it was (colour, exit code, directory, environment)', async () => {
    const before = { color: kleur.enabled, exitCode: process.exitCode, cwd: process.cwd(), env: { ...process.env } };
    const dir = fs.mkdtempSync(path.join(tmp, 'cwd-'));
    fs.writeFileSync(path.join(dir, 'here.conf'), 'listen=YES \n');
    const run = await cli(['--color', 'here.conf'], { cwd: dir, env: { FORCE_COLOR: '1' } });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`here.conf:1:8`);
    expect(run.stdout).toContain(ESC);
    expect((await cli(['--fix', 'here.conf'], { cwd: dir })).status).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'here.conf'), 'utf8')).toBe('listen=YES\n');
    expect({ color: kleur.enabled, exitCode: process.exitCode, cwd: process.cwd(), env: process.env }).toEqual(before);
  });
});

describe('colour', () => {
  test('off when stdout is not a terminal', async () => {
    expect((await cli([ERRORS])).stdout).not.toContain(ESC);
  });

  test('--no-color and NO_COLOR turn it off, even with FORCE_COLOR', async () => {
    expect((await cli(['--no-color', ERRORS], { env: { FORCE_COLOR: '1' } })).stdout).not.toContain(ESC);
    expect((await cli([ERRORS], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } })).stdout).not.toContain(ESC);
  });

  test('FORCE_COLOR=1 and --color turn it on', async () => {
    expect((await cli([ERRORS], { env: { FORCE_COLOR: '1' } })).stdout).toContain(`${ESC}31merror`);
    expect((await cli(['--color', ERRORS], { env: { NO_COLOR: '1' } })).stdout).toContain(ESC);
  });

  test('FORCE_COLOR=0 leaves it off', async () => {
    expect((await cli([ERRORS], { env: { FORCE_COLOR: '0' } })).stdout).not.toContain(ESC);
  });
});

describe('--list-rules and --explain', () => {
  test('--list-rules lists every rule', async () => {
    const run = await cli(['--list-rules']);
    expect(run.status).toBe(0);
    for (const rule of RULES) {
      const row = [rule.id, rule.name, rule.category, rule.severity, rule.fixable].join(' +');
      expect(run.stdout).toMatch(new RegExp(`^${row} `, 'm'));
    }
  });

  test.each(['VSF102', 'vsf102', 'bad-bool-value'])('--explain %s prints the docs', async (key) => {
    const run = await cli(['--explain', key]);
    expect(run.status).toBe(0);
    const { docs } = RULES.find((r) => r.id === 'VSF102')!;
    expect(run.stdout).toMatch(/^VSF102 bad-bool-value/);
    for (const heading of ['What it finds', 'Why it matters', 'Prevents', 'Example', 'Fix']) {
      expect(run.stdout).toContain(heading);
    }
    expect(run.stdout).toContain(docs.prevents);
    for (const line of [...docs.example.bad.split('\n'), ...docs.example.good.split('\n')]) {
      expect(run.stdout).toContain(line);
    }
  });

  test('--explain of an unknown rule is a usage error', async () => {
    const run = await cli(['--explain', 'VSF999']);
    expect(run.status).toBe(2);
    expect(stderrLines(run)).toEqual(["vsftpd-lint: unknown rule 'VSF999' (see --list-rules)"]);
  });
});

describe('usage', () => {
  test.each([[['--frobnicate', CLEAN]], [['-x', CLEAN]], [['--format', 'xml', CLEAN]], [['--format']]])(
    '%j is one line on stderr and exit 2',
    async (args) => {
      const run = await cli(args);
      expect(run.status).toBe(2);
      expect(stderrLines(run)).toHaveLength(1);
      expect(run.stderr).toMatch(/^vsftpd-lint: /);
      expect(run.stdout).toBe('');
    },
  );

  test('--help shows examples and exit codes', async () => {
    const run = await cli(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Examples:');
    expect(run.stdout).toMatch(/Exit status:[\s\S]*0 [\s\S]*1 [\s\S]*2 /);
  });

  test('--version prints the package version', async () => {
    const run = await cli(['--version']);
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(require('../package.json').version);
  });

  test('a file named like a number is a file', async () => {
    const run = await cli(['0123']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('vsftpd-lint: 0123: no such file\n');
  });
});

// The pure pieces, checked directly where spawning a process would say less.
describe('binaryReason', () => {
  const bytes = (s: string) => Buffer.from(s, 'latin1');

  test.each([
    ['an empty file', ''],
    ['a config', 'listen=YES\nanonymous_enable=NO\n'],
    ['a config with one NUL', `ftpd_banner=a\0b\n${'x=1\n'.repeat(10)}`],
    ['C whitespace controls', 'a=\t\v\f\r\n'.repeat(20)],
    ['PDF-like text', '%PDF-1.4\nlisten=YES\n'],
  ])('%s is text', (_, text) => {
    expect(binaryReason(bytes(text))).toBeNull();
  });

  test.each([
    ['ELF', '\x7fELF\x02\x01\x01', /ELF/],
    ['gzip', '\x1f\x8b\x08\x00', /gzip/],
    ['PNG', '\x89PNG\r\n\x1a\n', /PNG/],
    ['zip', 'PK\x03\x04listen=YES', /zip/],
    ['UTF-16', '\xff\xfel\0i\0s\0t\0e\0n\0', /UTF-16/],
    ['over 10% control bytes', `${'\x01'.repeat(11)}${'a'.repeat(89)}`, /binary/],
  ])('%s is not text', (_, text, reason) => {
    expect(binaryReason(bytes(text))).toMatch(reason);
  });

  test('exactly 10% control bytes is still text', () => {
    expect(binaryReason(bytes(`${'\x01'.repeat(10)}${'a'.repeat(90)}`))).toBeNull();
  });

  test('only the first 8 KiB are sniffed', () => {
    expect(binaryReason(bytes(`${'a'.repeat(8192)}${'\0'.repeat(8192)}`))).toBeNull();
  });
});

describe('decode', () => {
  test('valid UTF-8 keeps its BOM', () => {
    const text = '\uFEFFlisten=YES';
    expect(decode(Buffer.from(text, 'utf8'))).toEqual({ text, encoding: 'utf8' });
  });

  test('invalid UTF-8 is latin1, one character per byte', () => {
    const raw = Buffer.from([0x61, 0x3d, 0xe9, 0xff, 0x0a]);
    const { text, encoding } = decode(raw);
    expect(encoding).toBe('latin1');
    expect(Buffer.from(text, 'latin1')).toEqual(raw);
  });
});

describe('useColor', () => {
  const decide = (flag: boolean | undefined, env: NodeJS.ProcessEnv, isTTY: boolean) => useColor({ flag, env, isTTY });

  test('a flag wins over the environment', () => {
    expect(decide(true, { NO_COLOR: '1' }, false)).toBe(true);
    expect(decide(false, { FORCE_COLOR: '1' }, true)).toBe(false);
  });

  test('NO_COLOR, then FORCE_COLOR, then the terminal', () => {
    expect(decide(undefined, { NO_COLOR: '1', FORCE_COLOR: '1' }, true)).toBe(false);
    expect(decide(undefined, { NO_COLOR: '' }, true)).toBe(true); // empty NO_COLOR is unset
    expect(decide(undefined, { FORCE_COLOR: '1' }, false)).toBe(true);
    expect(decide(undefined, { FORCE_COLOR: '' }, false)).toBe(true);
    expect(decide(undefined, { FORCE_COLOR: '0' }, true)).toBe(false);
    expect(decide(undefined, {}, true)).toBe(true);
    expect(decide(undefined, { TERM: 'dumb' }, true)).toBe(false);
    expect(decide(undefined, {}, false)).toBe(false);
  });
});

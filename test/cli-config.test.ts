/**
 * The CLI's configuration and run-control flags end to end (run in this process with captured
 * streams: test/support/run-cli.ts): .vsftpd-lint.json discovery, --config/--no-config, --rule, --enable,
 * --disable, --no-inline-config, --pasv-range, --target precedence, inline suppressions in the
 * JSON report, --stdin-filename, --exit-zero, --exit-non-zero-on-fix, --quiet, --output-file,
 * --print-effective, shell completion and --help.
 *
 * The fixtures under fixtures/cli/project/ share one config file:
 *   target debian, security rules off, no-effect off, octal-integer an error, fixes write
 *   passive ports 50000-50099; fedora/** is checked as Fedora, legacy/*.conf has no
 *   pasv-range-missing.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { OPTIONS } from '../src/schema/options';
import { cli, CliRun as Run, ROOT } from './support/run-cli';

const PROJECT = 'fixtures/cli/project';
const DEEP = `${PROJECT}/servers/deep/vsftpd.conf`;
const FEDORA = `${PROJECT}/fedora/vsftpd.conf`;
const LEGACY = `${PROJECT}/legacy/old.conf`;
const PROJECT_CONFIG = `${PROJECT}/.vsftpd-lint.json`;
const CLEAN = 'fixtures/cli/clean.conf';
const ERRORS = 'fixtures/cli/errors.conf';
const WARNINGS = 'fixtures/cli/warnings.conf'; // exactly 2 warnings, no error
const EFFECTIVE = 'fixtures/cli/effective.conf';
const ANNOTATED = 'fixtures/suppressions/annotated.conf';

const stderrLines = (run: Run) => run.stderr.split('\n').filter(Boolean);

interface JsonFinding {
  ruleId: string;
  name: string;
  severity: string;
  line: number;
  suppressions?: { kind: string; line: number; justification: string | null }[];
}
interface JsonFile {
  path: string;
  target?: string;
  error?: string;
  findings: JsonFinding[];
  suppressed: JsonFinding[];
}
interface JsonReport {
  target: string;
  files: JsonFile[];
}

async function json(args: string[], options: { cwd?: string; input?: string } = {}): Promise<{ run: Run; report: JsonReport }> {
  const run = await cli(['--format', 'json', ...args], options);
  return { run, report: JSON.parse(run.stdout) as JsonReport };
}

const ruleIds = (file: JsonFile) => file.findings.map((f) => f.ruleId);

let tmp: string;
let dirCount = 0;

function freshDir(): string {
  const dir = path.join(tmp, `d${dirCount++}`);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

function write(dir: string, name: string, content: string): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vsftpd-lint-cli-config-'));
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('config file discovery', () => {
  test('the nearest .vsftpd-lint.json is found by walking up from the file', async () => {
    const { run, report } = await json([DEEP]);
    const ids = ruleIds(report.files[0]);
    expect(ids).not.toContain('VSF401'); // "disable": ["security"]
    expect(ids).not.toContain('VSF503'); // "no-effect": "off"
    expect(report.files[0].findings.find((f) => f.ruleId === 'VSF109')?.severity).toBe('error');
    expect(run.status).toBe(1); // octal-integer is an error in this project
  });

  test('--no-config ignores it', async () => {
    const { run, report } = await json(['--no-config', DEEP]);
    const ids = ruleIds(report.files[0]);
    expect(ids).toEqual(expect.arrayContaining(['VSF401', 'VSF503', 'VSF109']));
    expect(report.files[0].findings.find((f) => f.ruleId === 'VSF109')?.severity).toBe('warning');
    expect(run.status).toBe(0);
  });

  test('per-path overrides: a target for fedora/**, a rule off for legacy/*.conf', async () => {
    const { report } = await json([FEDORA, LEGACY, DEEP]);
    const [fedora, legacy, deep] = report.files;
    expect(fedora.target).toBe('fedora');
    expect(ruleIds(fedora)).not.toContain('VSF101'); // ssl_tlsv1_2 is a Fedora option
    expect(legacy.target).toBe('debian-3.0.3');
    expect(ruleIds(legacy)).not.toContain('VSF202');
    expect(ruleIds(deep)).toContain('VSF202');
    expect(report.target).toBe('fedora'); // the first file's build
  });

  test("the config's pasvRange is what fixes write", async () => {
    const run = await cli(['--diff', '--unsafe-fixes', DEEP]);
    expect(run.stdout).toContain('+pasv_min_port=50000\n+pasv_max_port=50099\n');
  });

  test('--target on the command line wins over the config file and its overrides', async () => {
    const { report } = await json(['--target', 'debian', FEDORA]);
    expect(report.files[0].target).toBe('debian-3.0.3');
    expect(ruleIds(report.files[0])).toContain('VSF101');
  });

  test('--config PATH applies one config file to files anywhere', async () => {
    const { report } = await json(['--config', PROJECT_CONFIG, WARNINGS]);
    expect(report.files[0].findings.find((f) => f.ruleId === 'VSF109')?.severity).toBe('error');
  });

  test('a malformed config found by the search: exit 2, one line naming the file, line and column', async () => {
    const dir = freshDir();
    write(dir, '.vsftpd-lint.json', '{ "rules": { "VSF202": "off", } }\n');
    const conf = write(dir, 'sub/vsftpd.conf', 'listen=YES\n');
    const run = await cli([conf, path.join(ROOT, CLEAN)]);
    expect(run.status).toBe(2);
    expect(stderrLines(run)).toEqual([`vsftpd-lint: ${path.join(dir, '.vsftpd-lint.json')}:1:29: invalid JSON: trailing comma before '}'`]);
    expect(run.stdout).toBe('');
    // --no-config lints the same file.
    expect((await cli(['--no-config', conf])).status).toBe(0);
  });

  test('a config naming an unknown rule is an error, not silence', async () => {
    const dir = freshDir();
    write(dir, '.vsftpd-lint.json', '{ "disable": ["pasv-range-mising"] }\n');
    const conf = write(dir, 'vsftpd.conf', 'listen=YES\n');
    const run = await cli([conf]);
    expect(run.status).toBe(2);
    expect(stderrLines(run)).toHaveLength(1);
    expect(run.stderr).toContain("disable[0]: unknown rule or category 'pasv-range-mising' (did you mean pasv-range-missing?)");
  });

  test('a config error stops --fix before any file is written', async () => {
    const dir = freshDir();
    const good = write(dir, 'a/vsftpd.conf', 'listen=YES \n');
    write(dir, 'b/.vsftpd-lint.json', '{ "target": "solaris" }\n');
    const bad = write(dir, 'b/vsftpd.conf', 'listen=YES \n');
    const run = await cli(['--fix', good, bad]);
    expect(run.status).toBe(2);
    expect(stderrLines(run)).toHaveLength(1);
    expect(run.stderr).toContain("unknown target 'solaris'");
    expect(fs.readFileSync(good, 'utf8')).toBe('listen=YES \n');
  });

  test('an explicit --config is read once, at start-up, before any file', async () => {
    const run = await cli(['--config', 'fixtures/project-config/invalid/unknown-rule.json', 'missing-1.conf', 'missing-2.conf']);
    expect(run.status).toBe(2);
    expect(stderrLines(run)).toEqual([
      "vsftpd-lint: fixtures/project-config/invalid/unknown-rule.json: rules.VSF999: unknown rule 'VSF999' (see --list-rules)",
    ]);
  });

  test('--config naming a missing file', async () => {
    const run = await cli(['--config', 'no-such.json', CLEAN]);
    expect(run.status).toBe(2);
    expect(stderrLines(run)).toEqual(['vsftpd-lint: no-such.json: cannot read config file (no such file)']);
  });
});

describe('--rule, --enable, --disable', () => {
  test('--rule ID=SEVERITY and NAME=off, repeatable', async () => {
    const { run, report } = await json(['--rule', 'VSF109=error', '--rule', 'string-whitespace=off', WARNINGS]);
    const findings = report.files[0].findings;
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['VSF109', 'error']]);
    expect(run.status).toBe(1);
  });

  test('the last --rule for a rule wins', async () => {
    const { report } = await json(['--rule', 'VSF109=error', '--rule', 'VSF109=info', WARNINGS]);
    expect(report.files[0].findings.find((f) => f.ruleId === 'VSF109')?.severity).toBe('info');
  });

  test('--enable and --disable take ids, names and categories, comma-separated and repeated', async () => {
    const { report } = await json([
      '--no-config',
      '--disable',
      'security,data-connection',
      '--disable',
      'hygiene',
      '--enable',
      'hide-ids',
      DEEP,
    ]);
    const ids = ruleIds(report.files[0]);
    expect(ids).toContain('VSF412'); // hide-ids: off by default, enabled by name
    expect(ids.filter((id) => id !== 'VSF412').every((id) => /^VSF[13]/.test(id))).toBe(true);
    expect(ids).toContain('VSF109');
  });

  test('a command-line flag wins over the config file', async () => {
    const { report } = await json(['--enable', 'anonymous-enabled', DEEP]);
    expect(ruleIds(report.files[0])).toContain('VSF401');
  });

  test.each([
    [['--rule', 'VSF999=off'], "vsftpd-lint: --rule VSF999=off: unknown rule 'VSF999' (see --list-rules)"],
    [['--rule', 'VSF102=loud'], 'vsftpd-lint: --rule VSF102=loud: expected off|info|warning|error after "=", got "loud"'],
    [
      ['--rule', 'security=off'],
      "vsftpd-lint: --rule security=off: 'security' is a category, not a rule: use enable/disable for categories",
    ],
    [['--enable', 'hygeine'], "vsftpd-lint: --enable hygeine: unknown rule or category 'hygeine' (did you mean hygiene?)"],
    [['--disable', 'VSF102,nope'], "vsftpd-lint: --disable nope: unknown rule or category 'nope' (see --list-rules)"],
    [
      ['--pasv-range', '80-90'],
      'vsftpd-lint: --pasv-range: expected "MIN-MAX" with 1025 <= MIN <= MAX <= 65534, such as "40000-40100", got "80-90" (vsftpd ignores pasv_min_port <= 1024 and pasv_max_port >= 65535)',
    ],
  ])('%j: exit 2, one line, nothing linted', async (flags, message) => {
    const run = await cli([...flags, CLEAN]);
    expect(run.status).toBe(2);
    expect(stderrLines(run)).toEqual([message]);
    expect(run.stdout).toBe('');
  });

  test('--pasv-range is the range fixes write', async () => {
    const run = await cli(['--no-config', '--pasv-range', '60000-60010', '--diff', '--unsafe-fixes', DEEP]);
    expect(run.stdout).toContain('+pasv_min_port=60000\n+pasv_max_port=60010\n');
  });

  test('--fix applies the same selection: a disabled rule is neither reported nor fixed', async () => {
    const dir = freshDir();
    const conf = write(dir, 'vsftpd.conf', 'listen=YES \nlocal_umask=22\n');
    const run = await cli(['--no-config', '--fix', '--unsafe-fixes', '--disable', 'all', '--enable', 'bad-bool-value', conf]);
    expect(run.status).toBe(0);
    expect(fs.readFileSync(conf, 'utf8')).toBe('listen=YES\nlocal_umask=22\n');
  });
});

describe('inline suppressions', () => {
  test('JSON lists the suppressed findings with the directive and its reason', async () => {
    const { run, report } = await json(['--no-config', ANNOTATED]);
    expect(run.status).toBe(0);
    const { findings, suppressed } = report.files[0];
    expect(findings.map((f) => f.ruleId)).not.toContain('VSF401');
    const anonymous = suppressed.find((f) => f.ruleId === 'VSF401')!;
    expect(anonymous.suppressions).toEqual([
      { kind: 'disable-next-line', line: 5, justification: 'public mirror, anonymous downloads only' },
    ]);
    const banner = suppressed.find((f) => f.ruleId === 'VSF411')!;
    expect(banner.suppressions).toEqual([
      { kind: 'disable-file', line: 2, justification: 'banner and passive ports come from the load balancer' },
    ]);
    // The two earlier xferlog_enable lines (11, 12) are duplicates of line 14, inside disable ... enable.
    const duplicates = suppressed.filter((f) => f.ruleId === 'VSF501');
    expect(duplicates.map((f) => f.line)).toEqual([11, 12]);
    expect(duplicates[0].suppressions).toEqual([{ kind: 'disable', line: 10, justification: 'two templates write it; both say the same' }]);
  });

  test('--no-inline-config ignores every directive', async () => {
    const { report } = await json(['--no-config', '--no-inline-config', ANNOTATED]);
    const { findings, suppressed } = report.files[0];
    expect(suppressed).toEqual([]);
    expect(ruleIds(report.files[0])).toEqual(expect.arrayContaining(['VSF401', 'VSF411', 'VSF202']));
    expect(findings.map((f) => f.ruleId)).not.toContain('VSF506');
  });

  test('an unused directive is reported (VSF506)', async () => {
    const dir = freshDir();
    const conf = write(dir, 'vsftpd.conf', 'listen=YES\n# vsftpd-lint disable-next-line no-banner\nlocal_enable=YES\n');
    const { report } = await json(['--no-config', conf]);
    expect(report.files[0].findings.filter((f) => f.ruleId === 'VSF506').map((f) => f.line)).toEqual([2]);
  });

  test('an error that stops vsftpd cannot be suppressed', async () => {
    const dir = freshDir();
    const conf = write(
      dir,
      'vsftpd.conf',
      'listen=YES\n# vsftpd-lint disable-next-line bad-bool-value -- we know\nanonymous_enable=YES \n',
    );
    const { run, report } = await json(['--no-config', conf]);
    expect(run.status).toBe(1);
    expect(report.files[0].findings.find((f) => f.ruleId === 'VSF102')?.line).toBe(3);
    expect(report.files[0].suppressed).toEqual([]);
  });
});

describe('--stdin-filename', () => {
  const fedoraText = () => fs.readFileSync(path.join(ROOT, FEDORA), 'utf8');

  test('names standard input in the report', async () => {
    const run = await cli(['--no-config', '--format', 'gcc', '--stdin-filename', 'servers/ftp1.conf', '-'], { input: 'listen=YES \n' });
    expect(run.stdout).toMatch(/^servers\/ftp1\.conf:1:8: error: /m);
    expect(run.stdout).not.toContain('<stdin>');
  });

  test('finds the config and the override that match that name', async () => {
    const named = await json(['--stdin-filename', FEDORA], { input: fedoraText() });
    expect(named.run.status).toBe(0);
    expect(named.report.files[0]).toMatchObject({ path: FEDORA, target: 'fedora' });
    expect(ruleIds(named.report.files[0])).not.toContain('VSF101');
    // Unnamed, the search starts in the current directory (none there): Debian rejects the option.
    const unnamed = await json(['-'], { input: fedoraText() });
    expect(unnamed.report.files[0]).toMatchObject({ path: '<stdin>', target: 'debian-3.0.3' });
    expect(ruleIds(unnamed.report.files[0])).toContain('VSF101');
    expect(unnamed.run.status).toBe(1);
  });

  test('alone it reads standard input; with files it needs "-"', async () => {
    expect((await cli(['--no-config', '--stdin-filename', 'a.conf'], { input: 'listen=YES \n' })).stdout).toContain('a.conf:1:8');
    const run = await cli(['--stdin-filename', 'a.conf', CLEAN]);
    expect(run.status).toBe(2);
    expect(stderrLines(run)).toEqual([
      'vsftpd-lint: --stdin-filename names standard input, which is not read: add "-" or --stdin (see --help)',
    ]);
  });

  test('names the diff of standard input', async () => {
    const run = await cli(['--no-config', '--diff', '--stdin-filename', 'etc/vsftpd.conf'], { input: 'listen=YES \n' });
    expect(run.stdout).toMatch(/^--- a\/etc\/vsftpd\.conf\n\+\+\+ b\/etc\/vsftpd\.conf\n/);
  });
});

describe('exit status flags', () => {
  test('--exit-zero: 0 with error findings, still 2 for unreadable files and usage errors', async () => {
    const run = await cli(['--exit-zero', ERRORS]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('VSF102');
    expect((await cli(['--exit-zero', ERRORS, 'missing.conf'])).status).toBe(2);
    expect((await cli(['--exit-zero', '--rule', 'VSF999=off', ERRORS])).status).toBe(2);
    expect((await cli(['--exit-zero', '--max-warnings', '0', WARNINGS])).status).toBe(0);
  });

  test('--exit-non-zero-on-fix: 1 when something was fixed even if nothing remains, then 0', async () => {
    const dir = freshDir();
    const conf = write(dir, 'vsftpd.conf', 'listen=YES\nwrite_enable=yes\n');
    const args = ['--no-config', '--disable', 'all', '--enable', 'non-canonical-bool', '--fix', conf];
    const first = await cli([...args, '--exit-non-zero-on-fix']);
    expect(first.stdout).toContain('✔ fixed 1 problem');
    expect(first.stdout).toContain('no problems left');
    expect(first.status).toBe(1);
    expect(fs.readFileSync(conf, 'utf8')).toBe('listen=YES\nwrite_enable=YES\n');
    expect((await cli([...args, '--exit-non-zero-on-fix'])).status).toBe(0);
    // Without the flag, --fix exits for what remains.
    fs.writeFileSync(conf, 'listen=YES\nwrite_enable=yes\n');
    expect((await cli(args)).status).toBe(0);
  });

  test.each([
    [['--exit-non-zero-on-fix', CLEAN], /--exit-non-zero-on-fix needs --fix/],
    [['--fix', '--exit-zero', '--exit-non-zero-on-fix', CLEAN], /contradict/],
  ])('%j is a usage error', async (args, message) => {
    const run = await cli(args);
    expect(run.status).toBe(2);
    expect(stderrLines(run)).toHaveLength(1);
    expect(run.stderr).toMatch(message);
  });

  test('--quiet reports errors only, and warnings no longer count', async () => {
    const warnings = await cli(['--quiet', '--max-warnings', '0', WARNINGS]);
    expect(warnings.stdout).toBe('no problems\n');
    expect(warnings.status).toBe(0);
    const errors = await cli(['--quiet', '--no-config', '--format', 'gcc', DEEP, ERRORS]);
    expect(errors.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/^fixtures\/cli\/errors\.conf:2:8: error: .*\[VSF102\/bad-bool-value\]$/),
    ]);
    expect(errors.status).toBe(1);
  });
});

describe('--output-file', () => {
  test('the report goes to the file, the exit status is unchanged', async () => {
    const dir = freshDir();
    const out = path.join(dir, 'report.json');
    const run = await cli(['--format', 'json', '--output-file', out, ERRORS]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(JSON.parse(fs.readFileSync(out, 'utf8')).summary.errors).toBe(1);
    expect(fs.readdirSync(dir)).toEqual(['report.json']); // no temporary file left
    expect((await cli(['-o', out, CLEAN])).status).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toBe('no problems\n');
  });

  test('is never coloured unless --color says so', async () => {
    const out = path.join(freshDir(), 'report.txt');
    await cli(['-o', out, ERRORS]);
    expect(fs.readFileSync(out, 'utf8')).not.toContain('\u001b[');
  });

  test('a file that cannot be written: exit 2, one line', async () => {
    const out = path.join(tmp, 'no-such-dir', 'report.txt');
    const run = await cli(['-o', out, CLEAN]);
    expect(run.status).toBe(2);
    expect(stderrLines(run)).toEqual([`vsftpd-lint: ${out}: cannot write the report (no such directory)`]);
  });

  test('--diff writes the diff there', async () => {
    const out = path.join(freshDir(), 'fixes.diff');
    const run = await cli(['--no-config', '--diff', '-o', out, ERRORS]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(fs.readFileSync(out, 'utf8')).toMatch(/^--- a\/fixtures\/cli\/errors\.conf\n/);
  });

  test('--fix of standard input: the fixed config on stdout, the report in the file', async () => {
    const out = path.join(freshDir(), 'report.txt');
    const run = await cli(['--no-config', '--fix', '-o', out, '-'], { input: 'listen=YES \n' });
    expect(run.stdout).toBe('listen=YES\n');
    expect(run.stderr).toBe('');
    expect(fs.readFileSync(out, 'utf8')).toContain('fixed');
  });
});

describe('--print-effective', () => {
  const debianOptions = OPTIONS.filter((o) => !o.builds || o.builds.includes('debian-3.0.3'));

  test('every option of the target, with its value and where it comes from', async () => {
    const run = await cli(['--no-config', '--print-effective', EFFECTIVE]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(debianOptions.length);
    expect(lines).toEqual(
      expect.arrayContaining([
        'listen=YES  # line 2',
        'anonymous_enable=NO  # line 3',
        'local_umask=026  # line 5 (written as 22)',
        'ftpd_banner=Authorised use only.  # line 6',
        'pasv_min_port=40000  # line 7',
        'listen_ipv6=NO  # compiled default (Debian vsftpd 3.0.3)',
        'anon_umask=077  # compiled default (Debian vsftpd 3.0.3)',
        'banner_file=  # compiled default (Debian vsftpd 3.0.3)',
        'pasv_enable=YES  # compiled default (Debian vsftpd 3.0.3)',
      ]),
    );
  });

  test('--format json', async () => {
    const run = await cli(['--no-config', '--print-effective', EFFECTIVE, '--format', 'json']);
    expect(run.status).toBe(0);
    const values = JSON.parse(run.stdout) as { option: string }[];
    expect(values).toHaveLength(debianOptions.length);
    const byName = new Map(values.map((v) => [v.option, v]));
    expect(byName.get('listen')).toEqual({ option: 'listen', type: 'bool', value: true, text: 'YES', source: { line: 2 } });
    expect(byName.get('local_umask')).toEqual({ option: 'local_umask', type: 'uint', value: 0o26, text: '026', source: { line: 5 } });
    expect(byName.get('banner_file')).toEqual({ option: 'banner_file', type: 'string', value: null, text: '', source: { default: true } });
    expect(byName.get('max_clients')).toMatchObject({ type: 'uint', value: 2000, source: { default: true } });
  });

  test("uses the target of the file's config (an override here)", async () => {
    const run = await cli(['--print-effective', FEDORA]);
    expect(run.stdout).toContain('ssl_tlsv1_2=YES  # line 4');
    expect(run.stdout).toContain('# compiled default (Fedora/RHEL 8-9 vsftpd 3.0.x)');
  });

  test('a file vsftpd cannot parse: its fatal findings, then exit 1', async () => {
    const run = await cli(['--no-config', '--print-effective', ERRORS]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^fixtures\/cli\/errors\.conf:2:8: error: .*\[VSF102\/bad-bool-value\]\n$/);
    expect(stderrLines(run)).toEqual([
      'vsftpd-lint: fixtures/cli/errors.conf: vsftpd cannot parse this file (it stops at the first error), so it has no effective configuration',
    ]);
    const asJson = await cli(['--no-config', '--print-effective', ERRORS, '--format', 'json']);
    expect(asJson.status).toBe(1);
    const report = JSON.parse(asJson.stdout);
    expect(report).toMatchObject({ path: ERRORS, target: 'debian-3.0.3', findings: [{ ruleId: 'VSF102', line: 2 }] });
  });

  test('reads standard input as "-"', async () => {
    const run = await cli(['--no-config', '--print-effective', '-'], { input: 'listen=NO\n' });
    expect(run.stdout).toContain('listen=NO  # line 1\n');
  });

  test.each([
    [['--print-effective', EFFECTIVE, CLEAN], /takes one file/],
    [['--print-effective', EFFECTIVE, '--format', 'sarif'], /JSON with --format json/],
    [['--print-effective', 'missing.conf'], /missing\.conf: no such file/],
  ])('%j: exit 2, one line', async (args, message) => {
    const run = await cli(args);
    expect(run.status).toBe(2);
    expect(stderrLines(run)).toHaveLength(1);
    expect(run.stderr).toMatch(message);
  });
});

describe('shell completion and help', () => {
  test.each([[['completion']], [['--completion']]])('%j prints a completion script', async (args) => {
    const run = await cli(args);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('###-begin-vsftpd-lint-completions-###');
    expect(run.stdout).toContain('vsftpd-lint --get-yargs-completions');
    expect(run.stdout).toContain('###-end-vsftpd-lint-completions-###');
  });

  test('completes flags and their choices', async () => {
    const flags = await cli(['--get-yargs-completions', 'vsftpd-lint', '--']);
    expect(flags.status).toBe(0);
    for (const flag of ['--format', '--config', '--rule', '--print-effective', '--exit-zero']) {
      expect(flags.stdout.split('\n')).toContain(flag);
    }
    const formats = await cli(['--get-yargs-completions', 'vsftpd-lint', '--format', '']);
    expect(formats.stdout.trim().split('\n')).toEqual(['stylish', 'json', 'sarif', 'github', 'gcc', 'checkstyle']);
  });

  test('--help documents the flags, the exit codes and examples', async () => {
    const run = await cli(['--help']);
    expect(run.status).toBe(0);
    for (const flag of [
      '--config',
      '--rule',
      '--enable',
      '--disable',
      '--inline-config',
      '--pasv-range',
      '--output-file',
      '--quiet',
      '--stdin-filename',
      '--exit-zero',
      '--exit-non-zero-on-fix',
      '--print-effective',
      'completion',
    ]) {
      expect(run.stdout).toContain(flag);
    }
    expect(run.stdout).toMatch(/^ {2}0 {2}clean/m);
    expect(run.stdout).toMatch(/^ {2}1 {2}findings at or above the failing severity/m);
    expect(run.stdout).toMatch(/^ {2}2 {2}a usage error, a bad config file/m);
    expect(run.stdout).toContain('vsftpd-lint --no-config %s');
    expect(run.stdout).toContain('vsftpd-lint --format sarif -o out.sarif *.conf');
  });

  test("with no file and --config, the config's target picks the default config path", async () => {
    const dir = freshDir();
    const config = write(dir, 'fedora.json', '{ "target": "fedora" }\n');
    const run = await cli(['--config', config, '--format', 'json']);
    expect(JSON.parse(run.stdout).files[0].path).toBe('/etc/vsftpd/vsftpd.conf');
  });
});

// ---------------------------------------------------------------------------------------------
// README: the examples of the Configuration, Inline suppressions, Output formats and Effective
// configuration sections are the real output of these commands.
// ---------------------------------------------------------------------------------------------

const README = path.join(ROOT, 'README.md');

type Step = { readonly cat: string } | { readonly args: string[]; readonly grep?: string; readonly status?: false };

const README_BLOCKS: Readonly<Record<string, readonly (readonly Step[])[]>> = {
  'cli-config': [[{ cat: PROJECT_CONFIG }, { args: [DEEP] }], [{ args: ['--rule', 'VSF999=off', CLEAN] }]],
  'cli-suppressions': [[{ cat: ANNOTATED }, { args: ['--no-config', ANNOTATED] }]],
  'cli-formats': [
    [{ args: ['--format', 'gcc', ERRORS, WARNINGS] }],
    [{ args: ['--format', 'github', ERRORS] }],
    [{ args: ['--format', 'checkstyle', ERRORS] }],
  ],
  'cli-effective': [
    [
      {
        args: ['--no-config', '--print-effective', EFFECTIVE],
        grep: '^(anon_umask|banner_file|ftpd_banner|listen|local_umask|pasv_min_port)=',
        status: false,
      },
    ],
    [{ args: ['--no-config', '--print-effective', ERRORS] }],
  ],
};

async function renderStep(step: Step): Promise<string> {
  if ('cat' in step) return `$ cat ${step.cat}\n${fs.readFileSync(path.join(ROOT, step.cat), 'utf8')}`;
  const run = await cli(step.args);
  let output = run.stdout + run.stderr;
  let command = `$ vsftpd-lint ${step.args.join(' ')}`;
  if (step.grep !== undefined) {
    const pattern = new RegExp(step.grep);
    output = run.stdout
      .split('\n')
      .filter((l) => pattern.test(l))
      .join('\n');
    command += ` | grep -E '${step.grep}'`;
  }
  output = output.replace(/\n?$/, '\n');
  return `${command}\n${output}${step.status === false ? '' : `$ echo $?\n${run.status}\n`}`;
}

/** The steps run one after the other: a step may read what the one before wrote. */
async function renderBlock(examples: readonly (readonly Step[])[]): Promise<string> {
  const blocks: string[] = [];
  for (const steps of examples) {
    let rendered = '';
    for (const step of steps) rendered += await renderStep(step);
    blocks.push('```console\n' + rendered + '```');
  }
  return blocks.join('\n\n');
}

function withBlock(readme: string, name: string, content: string): string {
  const start = readme.indexOf(`<!-- ${name}:start`);
  const end = readme.indexOf(`<!-- ${name}:end -->`);
  if (start === -1 || end === -1) throw new Error(`README.md has no <!-- ${name}:start ... ${name}:end --> markers`);
  const startEnd = readme.indexOf('\n', start) + 1;
  return readme.slice(0, startEnd) + content + '\n' + readme.slice(end);
}

describe('README', () => {
  test('the CLI examples show the real output (UPDATE_README=1 to regenerate)', async () => {
    const readme = fs.readFileSync(README, 'utf8');
    let expected = readme;
    for (const [name, examples] of Object.entries(README_BLOCKS)) expected = withBlock(expected, name, await renderBlock(examples));
    if (process.env.UPDATE_README === '1' && expected !== readme) fs.writeFileSync(README, expected);
    else expect(readme).toBe(expected);
  });

  test('every vsftpd-lint command in those sections is accepted (no usage error)', async () => {
    const readme = fs.readFileSync(README, 'utf8');
    const start = readme.indexOf('## Configuration');
    const end = readme.indexOf('## Fixing');
    expect(start).toBeGreaterThan(-1);
    const lines = readme
      .slice(start, end)
      .split('\n')
      .map((l) => l.replace(/\s+# .*$/, ''));
    const commands = lines.flatMap((l) => /^(?:\$ )?vsftpd-lint ([^|<>]*?)\s*$/.exec(l)?.[1] ?? []);
    expect(commands.length).toBeGreaterThan(5);
    const cwd = freshDir(); // where a command's -o file lands
    fs.cpSync(path.join(ROOT, 'fixtures'), path.join(cwd, 'fixtures'), { recursive: true });
    for (const command of commands) {
      const args = command
        .split(/\s+/)
        .filter(Boolean)
        .map((a) => a.replace(/^'(.*)'$/, '$1'));
      const run = await cli(args, { cwd });
      expect({ command, usageError: run.status === 2 && /see --help/.test(run.stderr) }).toEqual({ command, usageError: false });
    }
  });
});

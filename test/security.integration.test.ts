/**
 * Issue 12: vsftpd-lint runs as root on files other users may write (SECURITY.md). Each test
 * reproduces an attack on the built CLI (dist/src/cli/main.js, `npm run build` first). Where a
 * local user is the attacker, that part runs as "nobody" (setpriv), as CI runs as root.
 */
import { spawn, spawnSync, SpawnSyncOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fix, lint, parse } from '../src';

const ROOT = path.resolve(__dirname, '..');
const CLI = path.join(ROOT, 'dist/src/cli/main.js');
const IS_ROOT = process.getuid?.() === 0;
const NOBODY = 65534;
const rootOnly = IS_ROOT ? test : test.skip;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  for (const name of ['NO_COLOR', 'FORCE_COLOR', 'NODE_DISABLE_COLORS', 'TERM']) delete env[name];
  return env;
}

function cli(args: string[], options: { cwd?: string; input?: string | Buffer; stdin?: number } = {}): Run {
  const spawnOptions: SpawnSyncOptions = { cwd: options.cwd ?? ROOT, env: cleanEnv(), encoding: 'utf8', timeout: 60_000 };
  if (options.stdin !== undefined) spawnOptions.stdio = [options.stdin, 'pipe', 'pipe'];
  else spawnOptions.input = options.input ?? '';
  const result = spawnSync(process.execPath, [CLI, ...args], spawnOptions);
  return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** A shell command as the attacker: "nobody" when the tests run as root. */
function asAttacker(command: string, cwd: string): void {
  const argv = IS_ROOT ? ['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups', 'sh', '-c', command] : ['sh', '-c', command];
  const result = spawnSync(argv[0], argv.slice(1), { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`attacker command failed: ${command}: ${result.stderr}`);
}

const stderrLines = (run: Run) => run.stderr.split('\n').filter(Boolean);

let tmp: string;
let count = 0;

/** A fresh directory the attacker owns (nobody, when root). */
function attackerDir(): string {
  const dir = path.join(tmp, `d${count++}`);
  fs.mkdirSync(dir, { mode: 0o755 });
  if (IS_ROOT) fs.chownSync(dir, NOBODY, NOBODY);
  return dir;
}

function write(file: string, content: string | Buffer, owner?: number): string {
  fs.writeFileSync(file, content);
  if (owner !== undefined && IS_ROOT) fs.chownSync(file, owner, owner);
  return file;
}

beforeAll(() => {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first`);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vsftpd-lint-security-'));
  fs.chmodSync(tmp, 0o755);
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

/**
 * Runs `--fix FILE` with the test pause (VSFTPD_LINT_TEST_PAUSE, src/fix/write-file.ts): the CLI
 * stops after computing the fix, just before its final check and the rename; `during` runs then.
 */
async function fixWithPause(file: string, during: () => void): Promise<Run> {
  const fifo = path.join(tmp, `pause${count++}`);
  spawnSync('mkfifo', [fifo]);
  const child = spawn(process.execPath, [CLI, '--fix', file], {
    cwd: ROOT,
    env: cleanEnv({ VSFTPD_LINT_TEST_PAUSE: fifo }),
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  // Blocks until the CLI reaches the pause (it writes "paused" and closes).
  expect(fs.readFileSync(fifo, 'utf8')).toBe('paused\n');
  during();
  fs.writeFileSync(fifo, 'go\n');
  const status = await exited;
  return { status, stdout, stderr };
}

const FIXABLE = 'listen=YES \nanonymous_enable=NO\n';
const FIXED = 'listen=YES\nanonymous_enable=NO\n';

describe('item 1: --fix writes the file it read, and nothing else', () => {
  test('the file swapped for a symlink to a victim between read and rename: exit 2, nothing written', async () => {
    const dir = attackerDir();
    const victim = write(path.join(tmp, `victim${count++}`), 'root:secret-hash:19000::::::\n');
    fs.chmodSync(victim, 0o600);
    const conf = write(path.join(dir, 'vsftpd.conf'), FIXABLE, NOBODY);
    const run = await fixWithPause(conf, () => asAttacker(`ln -s ${victim} planted && mv -f planted vsftpd.conf`, dir));
    expect(run.status).toBe(2);
    expect(stderrLines(run)).toEqual([`vsftpd-lint: ${conf}: changed while fixing; the file is unchanged`]);
    expect(fs.readFileSync(victim, 'utf8')).toBe('root:secret-hash:19000::::::\n');
    expect(fs.statSync(victim).mode & 0o777).toBe(0o600);
    expect(fs.lstatSync(conf).isSymbolicLink()).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['vsftpd.conf']); // no temporary file left
  });

  test('a parent directory swapped for a symlink: the fix still lands in the file read, not the victim', async () => {
    const dir = attackerDir();
    fs.mkdirSync(path.join(dir, 'sub'));
    if (IS_ROOT) fs.chownSync(path.join(dir, 'sub'), NOBODY, NOBODY);
    const conf = write(path.join(dir, 'sub', 'vsftpd.conf'), FIXABLE, NOBODY);
    const victimDir = path.join(tmp, `victimdir${count++}`);
    fs.mkdirSync(victimDir);
    const victim = write(path.join(victimDir, 'vsftpd.conf'), 'precious\n');
    const run = await fixWithPause(conf, () => asAttacker(`mv sub old && ln -s ${victimDir} sub`, dir));
    expect(run.stderr).toBe('');
    expect(fs.readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(fs.readdirSync(victimDir)).toEqual(['vsftpd.conf']);
    expect(fs.readFileSync(path.join(dir, 'old', 'vsftpd.conf'), 'utf8')).toBe(FIXED);
  });

  test('a concurrent edit is detected, not silently lost', async () => {
    const dir = attackerDir();
    const conf = write(path.join(dir, 'vsftpd.conf'), FIXABLE, NOBODY);
    const run = await fixWithPause(conf, () => asAttacker('echo "local_enable=YES" >> vsftpd.conf', dir));
    expect(run.status).toBe(2);
    expect(stderrLines(run)).toEqual([`vsftpd-lint: ${conf}: changed while fixing; the file is unchanged`]);
    expect(fs.readFileSync(conf, 'utf8')).toBe(`${FIXABLE}local_enable=YES\n`);
  });

  test('a legitimate symlinked config is still fixed through the link (the target is written)', () => {
    const dir = attackerDir();
    fs.mkdirSync(path.join(dir, 'vsftpd'));
    const target = write(path.join(dir, 'vsftpd', 'vsftpd.conf'), FIXABLE);
    const link = path.join(dir, 'vsftpd.conf');
    fs.symlinkSync('vsftpd/vsftpd.conf', link);
    expect(cli(['--fix', link]).stderr).toBe('');
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(target, 'utf8')).toBe(FIXED);
  });

  test('--fix with no file is a usage error, never a rewrite of /etc/vsftpd.conf', () => {
    const run = cli(['--fix']);
    expect(run.status).toBe(2);
    expect(stderrLines(run)).toEqual(['vsftpd-lint: --fix rewrites files in place: name them (or "-" for standard input) (see --help)']);
  });
});

describe('item 2: --output-file', () => {
  test('a symlink planted at the old predictable temporary name (.NAME.<pid>.tmp) is not followed', () => {
    const dir = attackerDir();
    const victim = write(path.join(tmp, `victim${count++}`), 'precious\n');
    write(path.join(dir, 'vsftpd.conf'), FIXABLE);
    // The shell's pid is the CLI's after exec: exactly the name the old code used.
    const script = `ln -s ${victim} .report.txt.$$.tmp && exec "${process.execPath}" "${CLI}" -o report.txt vsftpd.conf`;
    const result = spawnSync('sh', ['-c', script], { cwd: dir, env: cleanEnv(), encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(fs.readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(fs.readFileSync(path.join(dir, 'report.txt'), 'utf8')).toContain('vsftpd.conf:1:8');
  });

  test.each([[['--fix', '-o', 'X', 'X']], [['--fix', '--output-file=X', 'X']], [['-o', 'X', 'X']]])(
    '%j: the report would replace the config: refused, exit 2, nothing written',
    (args) => {
      const dir = attackerDir();
      const conf = write(path.join(dir, 'X'), FIXABLE);
      const run = cli(args, { cwd: dir });
      expect(run.status).toBe(2);
      expect(stderrLines(run)).toEqual(['vsftpd-lint: X: the report would replace the input X; choose another --output-file']);
      expect(fs.readFileSync(conf, 'utf8')).toBe(FIXABLE);
    },
  );
});

describe('item 4: bounded input', () => {
  const good = () => write(path.join(tmp, `good${count++}.conf`), 'listen=YES \n');

  /** The bad input is one line on stderr, exit 2, and the good file is still linted. */
  function expectRefused(run: Run, name: string, reason: string): void {
    expect(run.status).toBe(2);
    expect(stderrLines(run)).toEqual([`vsftpd-lint: ${name}: ${reason}`]);
    expect(run.stdout).toMatch(/:1:8 +error/);
  }

  test('a FIFO is refused at once (it used to hang forever)', () => {
    const fifo = path.join(tmp, `fifo${count++}`);
    spawnSync('mkfifo', [fifo]);
    expectRefused(cli([fifo, good()]), fifo, 'not a regular file (a FIFO)');
  });

  test('/dev/zero is refused (it used to grow to gigabytes)', () => {
    expectRefused(cli(['/dev/zero', good()]), '/dev/zero', 'not a regular file (a character device)');
  });

  test('a socket is refused', async () => {
    const socket = path.join(tmp, `sock${count++}`);
    const server = net.createServer().listen(socket);
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      expectRefused(cli([socket, good()]), socket, 'not a regular file (a socket)');
    } finally {
      server.close();
    }
  });

  test('600 MB of NULs after the text: that file is an error naming it, the others are linted', () => {
    const huge = path.join(tmp, `huge${count++}.conf`);
    fs.writeFileSync(huge, 'listen=YES\n');
    fs.truncateSync(huge, 600 * 1024 * 1024); // sparse: costs no disk
    expectRefused(cli([huge, good()]), huge, 'larger than 1,000,000 bytes, not read (vsftpd reads only the first 100,000)');
    fs.rmSync(huge);
  });

  test('standard input is bounded too (/dev/zero on stdin)', () => {
    const zero = fs.openSync('/dev/zero', 'r');
    try {
      const run = cli(['-'], { stdin: zero });
      expect(run.status).toBe(2);
      expect(stderrLines(run)).toEqual([
        'vsftpd-lint: <stdin>: larger than 1,000,000 bytes, not read (vsftpd reads only the first 100,000)',
      ]);
    } finally {
      fs.closeSync(zero);
    }
  });

  test("a file just past vsftpd's read limit is still linted: file-too-large reports it", () => {
    const file = path.join(tmp, `big${count++}.conf`);
    fs.writeFileSync(file, `${'#'.repeat(99_999)}\nlisten=YES\n`);
    const run = cli([file]);
    // vsftpd loads the file (without the lost line): a warning, not an error (issue 11 item 5)
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/warning .*VSF113 file-too-large/);
  });
});

describe('item 7: ACLs and extended attributes survive --fix', () => {
  rootOnly('an ACL (whose mask must not become group write) and a user xattr are kept', () => {
    const dir = attackerDir();
    const conf = write(path.join(dir, 'vsftpd.conf'), FIXABLE);
    fs.chmodSync(conf, 0o640);
    const sh = (cmd: string) => {
      const r = spawnSync('sh', ['-c', cmd], { cwd: dir, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`${cmd}: ${r.stderr}`);
      return r.stdout;
    };
    // nobody may read it; the mask allows only reading, so the group cannot write.
    sh('setfacl -m u:nobody:rw,m::r vsftpd.conf && setfattr -n user.origin -v ansible vsftpd.conf');
    const acl = sh('getfacl -c vsftpd.conf');
    const mode = fs.statSync(conf).mode & 0o7777;
    expect(cli(['--fix', conf]).stderr).toBe('');
    expect(fs.readFileSync(conf, 'utf8')).toBe(FIXED);
    expect(sh('getfacl -c vsftpd.conf')).toBe(acl);
    expect(fs.statSync(conf).mode & 0o7777).toBe(mode);
    expect(sh('getfattr --only-values -n user.origin vsftpd.conf')).toBe('ansible');
  });
});

describe('item 5: a .vsftpd-lint.json that another user planted is not used', () => {
  /** /tmp-like: a shared directory (world-writable, sticky) holding a config and a subdirectory. */
  function shared(): { dir: string; conf: string } {
    const dir = path.join(tmp, `shared${count++}`);
    fs.mkdirSync(path.join(dir, 'project'), { recursive: true });
    fs.chmodSync(dir, 0o1777);
    // An error vsftpd stops on, which {"disable": ["all"]} would hide.
    const conf = write(path.join(dir, 'project', 'vsftpd.conf'), 'listen=YES \n');
    return { dir, conf };
  }

  rootOnly('owned by another user: ignored with a warning naming it, the findings stay', () => {
    const { dir, conf } = shared();
    asAttacker(`echo '{"disable": ["all"], "pasvRange": "2000-2001"}' > .vsftpd-lint.json && chmod 644 .vsftpd-lint.json`, dir);
    const planted = path.join(dir, '.vsftpd-lint.json');
    const run = cli([conf]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('VSF102');
    expect(stderrLines(run)).toEqual([
      `vsftpd-lint: warning: ignoring ${planted}: owned by uid ${NOBODY}, not a file only root can write; name it with --config to use it`,
    ]);
    // Its pasvRange does not reach --fix either.
    const fix = write(path.join(dir, 'project', 'pasv.conf'), 'listen=YES\npasv_enable=YES\n');
    cli(['--fix', '--unsafe-fixes', fix]);
    expect(fs.readFileSync(fix, 'utf8')).not.toContain('2000');
    // Named with --config, it is used.
    expect(cli(['--config', planted, conf]).status).toBe(0);
  });

  test('writable by its group or by others: ignored with a warning (even when it is ours)', () => {
    const { dir, conf } = shared();
    const planted = write(path.join(dir, '.vsftpd-lint.json'), '{"disable": ["all"]}\n');
    for (const [mode, who] of [
      [0o664, 'its group'],
      [0o646, 'others'],
    ] as const) {
      fs.chmodSync(planted, mode);
      const run = cli([conf]);
      expect(run.status).toBe(1);
      expect(stderrLines(run)).toEqual([expect.stringContaining(`ignoring ${planted}: writable by ${who}`)]);
    }
    fs.chmodSync(planted, 0o644);
    const trusted = cli([conf]);
    expect(trusted.status).toBe(0);
    expect(trusted.stderr).toBe('');
  });

  rootOnly('a symlink another user planted to a root-owned config: ignored', () => {
    const { dir, conf } = shared();
    const rootConfig = write(path.join(tmp, `root${count++}.json`), '{"disable": ["all"]}\n');
    asAttacker(`ln -s ${rootConfig} .vsftpd-lint.json`, dir);
    const run = cli([conf]);
    expect(run.status).toBe(1);
    expect(stderrLines(run)).toEqual([expect.stringContaining(`a symlink owned by uid ${NOBODY}`)]);
  });
});

describe('low: hostile JSON in a config file gives one clear line naming the file', () => {
  test.each([
    ['{"target": "__proto__"}', "cfg.json: target: unknown target '__proto__'"],
    ['{"target": "constructor"}', "cfg.json: target: unknown target 'constructor'"],
    ['{"rules": {"__proto__": "off"}}', "cfg.json: rules.__proto__: unknown rule '__proto__'"],
    ['{"overrides": [{"files": ["*"], "target": "toString"}]}', "cfg.json: overrides[0].target: unknown target 'toString'"],
    [`${'['.repeat(10_000)}${']'.repeat(10_000)}`, 'cfg.json:1:65: invalid JSON: nested deeper than 64 levels'],
    [`{"a":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_001)}`, 'cfg.json:1:321: invalid JSON: nested deeper than 64 levels'],
  ])('%s', (json, message) => {
    const dir = attackerDir();
    write(path.join(dir, 'cfg.json'), json);
    write(path.join(dir, 'vsftpd.conf'), 'listen=YES\n');
    const run = cli(['--config', 'cfg.json', 'vsftpd.conf'], { cwd: dir });
    expect(run.status).toBe(2);
    const lines = stderrLines(run);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`vsftpd-lint: ${message}`);
    expect(run.stderr).not.toMatch(/\n\s+at |RangeError|TypeError/);
  });
});

const FORMATS = ['stylish', 'json', 'sarif', 'github', 'gcc', 'checkstyle'];
/** What must never reach a terminal or a CI log raw: ESC, CSI (C1), bidi overrides, BEL. */
const DANGEROUS = /[\u0007\u001b\u0080-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('item 9: every quoted value is bounded', () => {
  test.each(FORMATS)('a secret-like long line never comes back whole (--format %s)', (format) => {
    const dir = attackerDir();
    // As a symlinked /etc/shadow or /proc/self/environ would look: long lines that are no settings.
    const secret = `root:$6$${'s3cr3tHash'.repeat(30)}:19000:0:99999:7:::`;
    const value = `ftpd_banner=${'x'.repeat(5000)}TAIL`;
    write(path.join(dir, 'leak.conf'), `${secret}\n${secret}=YES\n${value} \nlisten=YES \n`);
    const run = cli(['--format', format, 'leak.conf'], { cwd: dir });
    expect(run.status).toBe(1);
    const out = run.stdout + run.stderr;
    expect(out).not.toContain(secret);
    expect(out).not.toContain(secret.slice(0, 120));
    expect(out).not.toContain('TAIL');
    expect(out).toContain('…');
  });
});

describe('low: file names and config text are escaped in every format and on stderr', () => {
  const hostileName = 'a\u001b]0;owned\u0007\u202eb\u009b2J.conf';
  const forgedName = 'x.conf:1:1: error: forged\nvsftpd.conf';

  test.each(FORMATS)('--format %s', (format) => {
    const dir = attackerDir();
    write(path.join(dir, hostileName), 'listen=YES \nbad\u001b[2Joption=1\nftpd_banner=\u202eevil\u009b\n');
    write(path.join(dir, forgedName), 'listen=YES \n');
    const run = cli(['--format', format, hostileName, forgedName, 'missing\u001b[31m.conf'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stdout).not.toMatch(DANGEROUS);
    expect(run.stderr).not.toMatch(DANGEROUS);
    // No line starts with the forged text: the newline in the name is shown as "\n".
    expect(run.stdout.split('\n').some((line) => line.startsWith('vsftpd.conf'))).toBe(false);
    const shownName =
      ({ json: 'forged\\\\nvsftpd.conf', sarif: 'forged%5Cnvsftpd.conf' } as Record<string, string>)[format] ?? 'forged\\nvsftpd.conf';
    expect(run.stdout).toContain(shownName);
    expect(stderrLines(run)).toEqual(['vsftpd-lint: missing\\x1b[31m.conf: no such file']);
  });

  test('--diff headers', () => {
    const dir = attackerDir();
    write(path.join(dir, forgedName), 'listen=YES \n');
    const lines = cli(['--diff', forgedName], { cwd: dir }).stdout.split('\n');
    expect(lines.filter((l) => l.startsWith('--- ') || l.startsWith('+++ '))).toHaveLength(2);
    expect(lines.filter((l) => l.startsWith('vsftpd.conf'))).toEqual([]);
  });
});

describe('low: pre-commit passes staged names that look like flags', () => {
  // The argv pre-commit builds: entry, then the hook's args, then the staged files
  // (test/integration-pre-commit.test.ts runs the real pre-commit with such names).
  test('after "--", "-q.vsftpd.conf" and "--output-file=b.vsftpd.conf" are files, with user args before it', () => {
    const dir = attackerDir();
    write(path.join(dir, '-q.vsftpd.conf'), 'listen=YES \n');
    const tracked = write(path.join(dir, 'b.vsftpd.conf'), 'listen=YES\n');
    write(path.join(dir, '--output-file=b.vsftpd.conf'), 'listen=YES \n');
    const run = cli(['--pre-commit', '--target', 'fedora', '--', '-q.vsftpd.conf', '--output-file=b.vsftpd.conf'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^-q\.vsftpd\.conf:1:8 +error/m);
    expect(run.stdout).toMatch(/^--output-file=b\.vsftpd\.conf:1:8 +error/m);
    expect(fs.readFileSync(tracked, 'utf8')).toBe('listen=YES\n');
  });

  test('--pre-commit without "--" (custom args: that forgot it) is refused', () => {
    const run = cli(['--pre-commit', '--target', 'fedora', 'x.conf']);
    expect(run.status).toBe(2);
    expect(stderrLines(run)).toEqual([
      'vsftpd-lint: --pre-commit: end the hook\'s args: with "--", which the staged file names follow (see --help)',
    ]);
  });

  test('the hooks\' entries carry --pre-commit and default args "--"', () => {
    const manifest = fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8');
    expect(manifest.match(/^ {2}entry: vsftpd-lint --pre-commit( --fix)?$/gm)).toHaveLength(2);
    expect(manifest.match(/^ {2}args: \['--'\]$/gm)).toHaveLength(2);
  });
});

describe('low: the library API validates its arguments', () => {
  test.each([
    [() => lint(42 as unknown as string), TypeError, 'vsftpd-lint: text must be a string, got number'],
    [() => parse(null as unknown as string), TypeError, 'vsftpd-lint: text must be a string, got null'],
    [() => lint('listen=YES\n', 'fedora' as never), TypeError, 'vsftpd-lint: options must be an object, got a string ("fedora")'],
    [() => lint('', { target: 3 as never }), TypeError, 'options.target must be a build id or alias (a string), got a number (3)'],
    [() => lint('', { encoding: 'utf16' as never }), TypeError, 'options.encoding must be "utf8" or "latin1"'],
    [() => lint('', { rules: [{}] as never }), TypeError, 'options.rules must be an array of rules'],
    [() => lint('', { inlineConfig: 'no' as never }), TypeError, 'options.inlineConfig must be a boolean'],
    [() => lint('', { pasvRange: '40000-40100' as never }), TypeError, 'options.pasvRange must be { min, max } with integer ports'],
    [() => lint('', { pasvRange: { min: 1024, max: 2000 } }), RangeError, 'vsftpd ignores pasv_min_port <= 1024'],
    [() => lint('', { pasvRange: { min: 40000, max: 65535 } }), RangeError, 'vsftpd ignores'],
    [() => lint('', { pasvRange: { min: 40100, max: 40000 } }), RangeError, 'MIN is above MAX'],
    [() => lint('', { pasvRange: { min: 40000.5, max: 40100 } }), TypeError, 'integer ports'],
  ])('%#: %s', (call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(message);
  });

  test('text smuggled through pasvRange never reaches what a fix writes', () => {
    const smuggled = { min: '40000\nanonymous_enable=YES' as unknown as number, max: 40100 };
    expect(() => fix('listen=YES\npasv_enable=YES\n', { unsafe: true, pasvRange: smuggled })).toThrow(TypeError);
  });
});

describe('low: file names that are not valid UTF-8', () => {
  test('are linted and fixed (the bytes come from /proc/self/cmdline)', () => {
    const dir = attackerDir();
    const name = Buffer.from('caf\xe9.conf', 'latin1'); // latin1 "café.conf": invalid UTF-8
    fs.writeFileSync(Buffer.concat([Buffer.from(`${dir}/`), name]), 'listen=YES \n');
    const script = `exec "${process.execPath}" "${CLI}" "$(printf 'caf\\351.conf')"`;
    const lint = spawnSync('sh', ['-c', script], { cwd: dir, env: cleanEnv(), encoding: 'utf8' });
    expect(lint.stderr).toBe('');
    expect(lint.stdout).toMatch(/^caf\uFFFD\.conf:1:8 +error/m);
    const fixScript = `exec "${process.execPath}" "${CLI}" --fix "$(printf 'caf\\351.conf')"`;
    const fixed = spawnSync('sh', ['-c', fixScript], { cwd: dir, env: cleanEnv(), encoding: 'utf8' });
    expect(fixed.stderr).toBe('');
    expect(fs.readFileSync(Buffer.concat([Buffer.from(`${dir}/`), name]), 'utf8')).toBe('listen=YES\n');
    expect(fs.readdirSync(dir)).toHaveLength(1);
  });
});

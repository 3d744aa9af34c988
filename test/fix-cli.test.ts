/**
 * The CLI's fixing flags end to end (run in this process with captured streams, and as a real
 * process of the built CLI where another user's permissions are the claim: test/support/run-cli.ts),
 * and the atomic writer (src/fix/write-file.ts) with injected failures:
 *
 *  - --fix rewrites files in place, atomically, keeping mode and owner, following a symlink,
 *    leaving an unchanged file alone (mtime too), and failing cleanly (exit 2, one line, the
 *    original intact, no temporary file) where it cannot write;
 *  - --diff writes nothing and prints one diff that `patch -p1` and `git apply` turn into exactly
 *    what --fix writes;
 *  - --fix - / --fix --stdin filter standard input to standard output;
 *  - the report says per finding whether it was fixed, is fixable (safe/unsafe) or manual;
 *  - the README's "Fixing" section is the real output of these commands.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fix } from '../src';
import { closeFile, openFile } from '../src/cli/open-file';
import { AtomicWriteFs, replaceFile, WriteError, writeFileAtomic } from '../src/fix/write-file';
import { BUILT_CLI, cli, CliRun as Run, ROOT, spawnCli } from './support/run-cli';

const EXAMPLE = path.join(ROOT, 'fixtures/examples/edited-vsftpd.conf');
const IS_ROOT = process.getuid?.() === 0;
const NOBODY = 65534;

const stderrLines = (run: Run) => run.stderr.split('\n').filter(Boolean);

let tmp: string;
let dirCount = 0;

/** A fresh directory under the test's temp dir, readable by everyone (for the "nobody" runs). */
function freshDir(): string {
  const dir = path.join(tmp, `d${dirCount++}`);
  fs.mkdirSync(dir);
  fs.chmodSync(dir, 0o755);
  return dir;
}

function write(dir: string, name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

/** Files in `dir` other than `keep`: temporary files left behind would show up here. */
const strayFiles = (dir: string, keep: string[]) => fs.readdirSync(dir).filter((f) => !keep.includes(f));

beforeAll(() => {
  if (!fs.existsSync(BUILT_CLI)) throw new Error(`${BUILT_CLI} is missing: run "npm run build" first`);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vsftpd-lint-fix-'));
  fs.chmodSync(tmp, 0o755);
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

const example = () => fs.readFileSync(EXAMPLE, 'utf8');

describe('--fix', () => {
  test('rewrites the file with the safe fixes and reports what was fixed and what remains', async () => {
    const dir = freshDir();
    const file = write(dir, 'vsftpd.conf', example());
    const run = await cli(['--fix', 'vsftpd.conf'], { cwd: dir });
    expect(fs.readFileSync(file, 'utf8')).toBe(fix(example()).output);
    expect(run.stderr).toBe('');
    // The ambiguous typo pasv_enabled (an unsafe fix) is still an error: exit 1.
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^vsftpd\.conf:2:7 +error +fixed +blanks around "="/m);
    expect(run.stdout).toMatch(/^vsftpd\.conf:13:1 +error +unsafe fix +'pasv_enabled'/m);
    expect(run.stdout).toContain(`✔ fixed ${fix(example()).applied.length} problems`);
    expect(run.stdout).toMatch(/--fix --unsafe-fixes would fix/);
    expect(strayFiles(dir, ['vsftpd.conf'])).toEqual([]);
  });

  test('exit 0 when no error remains after fixing', async () => {
    const dir = freshDir();
    const file = write(dir, 'a.conf', 'listen=YES \nanonymous_enable=NO\nlocal_enable=YES\n');
    const run = await cli(['--fix', file]);
    expect(run.status).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toBe('listen=YES\nanonymous_enable=NO\nlocal_enable=YES\n');
    expect(run.stdout).toMatch(/a\.conf:1:8 +error +fixed +'YES '/);
  });

  test('--unsafe-fixes applies the unsafe fixes too', async () => {
    const dir = freshDir();
    const file = write(dir, 'vsftpd.conf', example());
    const run = await cli(['--fix', '--unsafe-fixes', 'vsftpd.conf'], { cwd: dir });
    const expected = fix(example(), { unsafe: true });
    expect(fs.readFileSync(file, 'utf8')).toBe(expected.output);
    expect(run.stdout).toMatch(/^vsftpd\.conf:13:1 +error +fixed +'pasv_enabled'/m);
    expect(run.status).toBe(expected.remaining.some((f) => f.severity === 'error') ? 1 : 0);
  });

  test('keeps the mode, and (as root) the owner', async () => {
    const dir = freshDir();
    const file = write(dir, 'vsftpd.conf', 'listen=YES \n');
    fs.chmodSync(file, 0o640);
    if (IS_ROOT) fs.chownSync(file, NOBODY, NOBODY);
    const before = fs.statSync(file);
    const run = await cli(['--fix', file]);
    expect(run.stderr).toBe('');
    const after = fs.statSync(file);
    expect(fs.readFileSync(file, 'utf8')).toBe('listen=YES\n');
    expect(after.ino).not.toBe(before.ino); // replaced by rename, not rewritten in place
    expect(after.mode & 0o7777).toBe(0o640);
    expect([after.uid, after.gid]).toEqual([before.uid, before.gid]);
    if (IS_ROOT) expect([after.uid, after.gid]).toEqual([NOBODY, NOBODY]);
  });

  test('follows a symlink: the target is rewritten, the link stays a link', async () => {
    const dir = freshDir();
    const target = write(dir, 'real/vsftpd.conf', 'listen=YES \n');
    const link = path.join(dir, 'link.conf');
    fs.symlinkSync('real/vsftpd.conf', link);
    const run = await cli(['--fix', link]);
    expect(run.stderr).toBe('');
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readlinkSync(link)).toBe('real/vsftpd.conf');
    expect(fs.readFileSync(target, 'utf8')).toBe('listen=YES\n');
    expect(strayFiles(dir, ['real', 'link.conf'])).toEqual([]);
    expect(strayFiles(path.dirname(target), ['vsftpd.conf'])).toEqual([]);
  });

  test('writes nothing when nothing changes: same inode, mtime untouched', async () => {
    const dir = freshDir();
    const file = write(dir, 'clean.conf', 'listen=YES\n');
    const past = new Date('2020-01-02T03:04:05Z');
    fs.utimesSync(file, past, past);
    const before = fs.statSync(file);
    const run = await cli(['--fix', file]);
    expect(run.stderr).toBe('');
    const after = fs.statSync(file);
    expect(after.ino).toBe(before.ino);
    expect(after.mtimeMs).toBe(before.mtimeMs);
    expect(after.ctimeMs).toBe(before.ctimeMs);
    expect(run.stdout).not.toContain('fixed');
  });

  test('keeps the bytes of a latin1 (not UTF-8) file', async () => {
    const dir = freshDir();
    const latin1 = (s: string) => Buffer.from(s, 'latin1');
    const file = write(dir, 'latin1.conf', latin1('ftpd_banner=Caf\xe9 \xab FTP \xbb\nlisten=YES \n'));
    await cli(['--fix', file]);
    expect(fs.readFileSync(file)).toEqual(latin1('ftpd_banner=Caf\xe9 \xab FTP \xbb\nlisten=YES\n'));
  });

  test('removes a BOM and CRLF line endings, and nothing else', async () => {
    const dir = freshDir();
    const file = write(dir, 'win.conf', Buffer.from('\uFEFF# Windows\r\nlisten=YES\r\n\r\nanonymous_enable=NO\r\n', 'utf8'));
    await cli(['--fix', file]);
    expect(fs.readFileSync(file, 'utf8')).toBe('# Windows\nlisten=YES\n\nanonymous_enable=NO\n');
  });

  test('a read-only directory: exit 2, one line naming the file, the original intact', () => {
    const dir = freshDir();
    const content = 'listen=YES \n';
    const file = write(dir, 'ro.conf', content);
    // Root ignores permissions, so as root the CLI runs as "nobody", who may read the file and
    // even write it in place (0666), but not create the temporary file in the directory.
    fs.chmodSync(file, 0o666);
    if (!IS_ROOT) fs.chmodSync(dir, 0o555);
    const other = write(freshDir(), 'ok.conf', 'listen=YES \n');
    if (IS_ROOT) for (const f of [path.dirname(other), other]) fs.chownSync(f, NOBODY, NOBODY);
    const run = spawnCli(['--fix', file, other], { uid: IS_ROOT ? NOBODY : undefined });
    if (!IS_ROOT) fs.chmodSync(dir, 0o755);
    expect(run.status).toBe(2);
    const lines = stderrLines(run);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(file);
    expect(lines[0]).toMatch(/cannot write \(permission denied\)/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(fs.readFileSync(file, 'utf8')).toBe(content);
    expect(strayFiles(dir, ['ro.conf'])).toEqual([]);
    // The other file is still fixed, and the report says which one could not be written.
    expect(fs.readFileSync(other, 'utf8')).toBe('listen=YES\n');
    expect(run.stdout).toContain('1 file could not be written');
  });

  (IS_ROOT ? test : test.skip)('a temporary file that cannot get the owner is removed (as nobody: chown fails)', () => {
    // The directory is writable by nobody, the file is root's: the temporary file is created,
    // but giving it root as owner fails, so nothing is renamed and the temporary file goes.
    const dir = freshDir();
    fs.chmodSync(dir, 0o777);
    const file = write(dir, 'owned.conf', 'listen=YES \n');
    fs.chmodSync(file, 0o644);
    const run = spawnCli(['--fix', file], { uid: NOBODY });
    expect(run.status).toBe(2);
    expect(stderrLines(run)).toEqual([`vsftpd-lint: ${file}: cannot write (operation not permitted); the file is unchanged`]);
    expect(fs.readFileSync(file, 'utf8')).toBe('listen=YES \n');
    expect(strayFiles(dir, ['owned.conf'])).toEqual([]);
  });

  test('--format json adds "fixed" per file and to the summary', async () => {
    const dir = freshDir();
    const file = write(dir, 'vsftpd.conf', 'listen=YES \npasv_enabled=YES\n');
    const run = await cli(['--fix', '--format', 'json', file]);
    const report = JSON.parse(run.stdout);
    expect(report.files[0].fixed).toEqual([expect.objectContaining({ ruleId: 'VSF102', line: 1, column: 8, fixable: 'safe' })]);
    expect(report.files[0].findings).toContainEqual(expect.objectContaining({ ruleId: 'VSF101', fixable: 'unsafe' }));
    expect(report.summary).toMatchObject({ fixed: 1, unwritableFiles: 0 });
    expect(run.status).toBe(1);
  });

  test('json without --fix has no "fixed"', async () => {
    const run = await cli(['--format', 'json', 'fixtures/cli/errors.conf']);
    expect(JSON.parse(run.stdout).files[0]).not.toHaveProperty('fixed');
  });
});

describe('--fix with standard input', () => {
  test.each([[['--fix', '-']], [['--fix', '--stdin']]])('%j prints the fixed config on stdout, the report on stderr', async (args) => {
    const run = await cli(args, { input: 'listen = YES\nanonymous_enable=NO\nlocal_enable=YES\n' });
    expect(run.stdout).toBe('listen=YES\nanonymous_enable=NO\nlocal_enable=YES\n');
    expect(run.stderr).toMatch(/^<stdin>:1:7 +error +fixed +blanks around "="/m);
    expect(run.status).toBe(0);
  });

  test('prints the config unchanged when nothing is fixable, and exits for what remains', async () => {
    const input = 'listen=YES\nlisten_port=21\nNOPE=1\n';
    const run = await cli(['--fix', '-'], { input });
    expect(run.stdout).toBe(input);
    expect(run.stderr).toMatch(/<stdin>:3:1 +error +manual/);
    expect(run.status).toBe(1);
  });

  test('keeps latin1 bytes', async () => {
    const input = Buffer.from('ftpd_banner=Caf\xe9\nlisten=YES \n', 'latin1');
    const run = await cli(['--fix', '-'], { input });
    expect(run.stdoutBytes).toEqual(Buffer.from('ftpd_banner=Caf\xe9\nlisten=YES\n', 'latin1'));
  });

  test('-- stdin with other files is a usage error', async () => {
    const run = await cli(['--fix', '-', 'fixtures/cli/clean.conf']);
    expect(run.status).toBe(2);
    expect(stderrLines(run)).toHaveLength(1);
  });
});

describe('--diff', () => {
  test('prints a unified diff with a/ and b/ headers, writes nothing, exits 1', async () => {
    const dir = freshDir();
    const file = write(dir, 'etc/vsftpd.conf', example());
    const before = fs.statSync(file);
    const run = await cli(['--diff', 'etc/vsftpd.conf'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(fix(example(), { path: 'etc/vsftpd.conf' }).diff);
    expect(run.stdout).toMatch(/^--- a\/etc\/vsftpd\.conf\n\+\+\+ b\/etc\/vsftpd\.conf\n@@ /);
    expect(fs.readFileSync(file, 'utf8')).toBe(example());
    expect(fs.statSync(file).mtimeMs).toBe(before.mtimeMs);
  });

  test('empty and exit 0 when there is nothing to fix (unfixable errors do not count)', async () => {
    const run = await cli(['--diff', 'fixtures/cli/clean.conf', 'fixtures/cli/fedora-only.conf']);
    expect(run).toMatchObject({ status: 0, stdout: '', stderr: '' });
  });

  test('exit 2 when a file cannot be read, the other files still diffed', async () => {
    const run = await cli(['--diff', 'nope.conf', 'fixtures/cli/errors.conf']);
    expect(run.status).toBe(2);
    expect(stderrLines(run)).toEqual(['vsftpd-lint: nope.conf: no such file']);
    expect(run.stdout).toContain('+++ b/fixtures/cli/errors.conf');
  });

  test('--unsafe-fixes includes the unsafe fixes', async () => {
    const safe = (await cli(['--diff', EXAMPLE])).stdout;
    const unsafe = (await cli(['--diff', '--unsafe-fixes', EXAMPLE])).stdout;
    expect(safe).not.toContain('+pasv_enable=YES');
    expect(unsafe).toContain('+pasv_enable=YES');
  });

  /**
   * A tree of configs with every kind of line-level change: CRLF, BOM, latin1, no final newline,
   * appended lines, a moved inline comment, a subdirectory.
   */
  const TREE: Record<string, Buffer> = {
    'vsftpd.conf': Buffer.from(fs.readFileSync(EXAMPLE)),
    'etc/crlf.conf': Buffer.from('# from Windows\r\nlisten=YES\r\nanonymous_enable=NO\r\nftpd_banner=Hello \r\n'),
    'etc/bom.conf': Buffer.from('\uFEFFlisten=YES\nwrite_enable=Yes \n'),
    'etc/latin1.conf': Buffer.from('ftpd_banner=Caf\xe9 \nlisten=YES\npasv_enable=YES # passive\n', 'latin1'),
    'no-newline.conf': Buffer.from('listen=YES\nlocal_umask=22\nanonymous_enable=NO '),
    'clean.conf': Buffer.from('listen=YES\nanonymous_enable=NO\n'),
  };

  function makeTree(): string {
    const dir = freshDir();
    for (const [name, bytes] of Object.entries(TREE)) write(dir, name, bytes);
    return dir;
  }

  const readTree = (dir: string) =>
    Object.fromEntries(Object.keys(TREE).map((name) => [name, fs.readFileSync(path.join(dir, name)).toString('latin1')]));

  describe.each([[[]], [['--unsafe-fixes']]])('applied with patch -p1 and git apply gives what --fix writes %j', (flags) => {
    let expected: Record<string, string>;
    let diff: Buffer;

    beforeAll(async () => {
      const fixed = makeTree();
      const run = await cli(['--fix', ...flags, ...Object.keys(TREE)], { cwd: fixed });
      expect(run.stderr).toBe('');
      expected = readTree(fixed);
      const original = makeTree();
      const diffRun = await cli(['--diff', ...flags, ...Object.keys(TREE)], { cwd: original });
      expect(diffRun.status).toBe(1);
      diff = diffRun.stdoutBytes;
      expect(readTree(original)).toEqual(readTree(makeTree())); // --diff wrote nothing
      expect(expected).not.toEqual(readTree(original));
    });

    test('patch -p1', () => {
      const dir = makeTree();
      const patch = spawnSync('patch', ['-p1', '--forward', '--batch'], { cwd: dir, input: diff });
      expect({ status: patch.status, stderr: String(patch.stderr) }).toEqual({ status: 0, stderr: '' });
      expect(readTree(dir)).toEqual(expected);
    });

    test('git apply', () => {
      const dir = makeTree();
      const git = spawnSync('git', ['apply', '--whitespace=nowarn', '-'], { cwd: dir, input: diff });
      expect({ status: git.status, stderr: String(git.stderr) }).toEqual({ status: 0, stderr: '' });
      expect(readTree(dir)).toEqual(expected);
    });
  });
});

describe('report and usage', () => {
  test('each finding says fixed, safe fix, unsafe fix or manual; the summary counts what the flags would do', async () => {
    const run = await cli([EXAMPLE]);
    const statuses = run.stdout
      .split('\n')
      .filter((l) => l.startsWith(EXAMPLE))
      .map((l) => /^\S+ +\S+ +(safe fix|unsafe fix|manual) /.exec(l)?.[1]);
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every(Boolean)).toBe(true);
    const safe = statuses.filter((s) => s === 'safe fix').length;
    const unsafe = statuses.filter((s) => s === 'unsafe fix').length;
    const text = fs.readFileSync(EXAMPLE, 'utf8');
    const applied = fix(text).applied.length;
    const appliedAll = fix(text, { unsafe: true }).applied.length;
    expect(run.stdout).toContain(
      `${safe} have a safe fix, ${unsafe} an unsafe fix: --fix would fix ${applied}, --fix --unsafe-fixes ${appliedAll}`,
    );
  });

  test('"--fix would fix N" is what --fix then fixes, where the passes merge and reveal findings', async () => {
    // 10 findings have a safe fix, but several are one line's CRLF and blanks: --fix fixes 4.
    const text = fs.readFileSync(path.join(ROOT, 'fixtures/fix/windows-editor.conf'), 'utf8');
    const claim = /: --fix would fix (\d+), --fix --unsafe-fixes (\d+)$/m.exec((await cli(['--no-config', '-'], { input: text })).stdout);
    const fixedBy = async (args: string[]) => {
      const dir = freshDir();
      write(dir, 'vsftpd.conf', text);
      return /✔ fixed (\d+) problems?/.exec((await cli(['--no-config', '--fix', ...args, 'vsftpd.conf'], { cwd: dir })).stdout)?.[1];
    };
    expect(claim?.slice(1)).toEqual([await fixedBy([]), await fixedBy(['--unsafe-fixes'])]);
    expect(claim?.[1]).not.toBe('10');
  });

  test.each([
    [['--unsafe-fixes', 'fixtures/cli/clean.conf'], /--unsafe-fixes needs --fix or --diff/],
    [['--fix', '--diff', 'fixtures/cli/clean.conf'], /cannot be combined/],
    [['--diff', '--format', 'json', 'fixtures/cli/clean.conf'], /--diff/],
    [['--stdin', 'fixtures/cli/clean.conf'], /--stdin/],
  ])('%j is a usage error', async (args, message) => {
    const run = await cli(args);
    expect(run.status).toBe(2);
    expect(stderrLines(run)).toHaveLength(1);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });

  test('--help documents the flags and the exit status after fixing', async () => {
    const run = await cli(['--help']);
    for (const flag of ['--fix', '--unsafe-fixes', '--diff', '--stdin']) expect(run.stdout).toContain(flag);
    expect(run.stdout).toMatch(/With --fix, the status is that of what remains/);
    expect(run.stdout).toMatch(/With --diff: 0 when there is nothing to fix, 1 when the diff is not empty/);
  });
});

describe('replaceFile (--fix) and writeFileAtomic (--output-file)', () => {
  const errno = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

  function setup(): { dir: string; file: string } {
    const dir = freshDir();
    const file = write(dir, 'vsftpd.conf', 'original\n');
    fs.chmodSync(file, 0o640);
    return { dir, file };
  }

  /** What --fix does: open the file once, replace it through that handle. */
  function fixInPlace(file: string, data: Buffer, fsImpl: Partial<AtomicWriteFs> = {}): void {
    const opened = openFile(file);
    try {
      replaceFile(opened, data, fsImpl);
    } finally {
      closeFile(opened);
    }
  }

  test('replaces the contents, keeping the mode', () => {
    const { dir, file } = setup();
    fixInPlace(file, Buffer.from('new\n'));
    expect(fs.readFileSync(file, 'utf8')).toBe('new\n');
    expect(fs.statSync(file).mode & 0o7777).toBe(0o640);
    expect(strayFiles(dir, ['vsftpd.conf'])).toEqual([]);
  });

  test.each([
    ['write', 'ENOSPC', 'no space left on device'],
    ['fsync', 'EIO', 'I/O error'],
    ['fchmod', 'EPERM', 'operation not permitted'],
    ['close', 'EIO', 'I/O error'],
    ['rename', 'EXDEV', 'cross-device rename'],
  ] as const)('a failing %s (%s) leaves the original intact and no temporary file', (call, code, reason) => {
    const { dir, file } = setup();
    let tempDir: fs.Stats | undefined;
    const failing = {
      open: (f: Buffer, flags: number, mode: number) => {
        tempDir = fs.statSync(path.dirname(f.toString()));
        return fs.openSync(f, flags, mode);
      },
      [call]: (fd: unknown) => {
        // A close that fails has still released the descriptor (as close(2) does).
        if (call === 'close') fs.closeSync(fd as number);
        throw errno(code);
      },
    };
    let error: unknown;
    try {
      fixInPlace(file, Buffer.from('new\n'), failing);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(WriteError);
    expect((error as WriteError).message).toBe(`${file}: cannot write (${reason})`);
    expect(fs.readFileSync(file, 'utf8')).toBe('original\n');
    expect(fs.statSync(file).mode & 0o7777).toBe(0o640);
    // The temporary file was in the same directory.
    expect(tempDir?.ino).toBe(fs.statSync(dir).ino);
    expect(strayFiles(dir, ['vsftpd.conf'])).toEqual([]);
  });

  test('a partial write (disk full half-way) is never visible', () => {
    const { dir, file } = setup();
    const halfThenFail = {
      write: (fd: number, data: Buffer) => {
        fs.writeSync(fd, data.subarray(0, 2));
        throw errno('ENOSPC');
      },
    };
    expect(() => fixInPlace(file, Buffer.from('a much longer text\n'), halfThenFail)).toThrow(/no space left/);
    expect(fs.readFileSync(file, 'utf8')).toBe('original\n');
    expect(strayFiles(dir, ['vsftpd.conf'])).toEqual([]);
  });

  test('a missing file is an error, not a new file', () => {
    const dir = freshDir();
    expect(() => fixInPlace(path.join(dir, 'nope.conf'), Buffer.from('x'))).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  test('refuses to open something that is not a regular file', () => {
    expect(() => fixInPlace('/dev/null', Buffer.from('x'))).toThrow('not a regular file (a character device)');
  });

  test('writes the target of a symlink', () => {
    const { dir, file } = setup();
    const link = path.join(dir, 'link');
    fs.symlinkSync(file, link);
    fixInPlace(link, Buffer.from('via link\n'));
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe('via link\n');
  });

  test('writeFileAtomic: a new file gets 0666 less the umask, an existing one keeps its mode', () => {
    const dir = freshDir();
    const fresh = path.join(dir, 'report.txt');
    writeFileAtomic(fresh, 'one\n');
    expect(fs.readFileSync(fresh, 'utf8')).toBe('one\n');
    expect(fs.statSync(fresh).mode & 0o777).toBe(0o666 & ~process.umask());
    fs.chmodSync(fresh, 0o600);
    writeFileAtomic(fresh, 'two\n');
    expect(fs.statSync(fresh).mode & 0o777).toBe(0o600);
    expect(strayFiles(dir, ['report.txt'])).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// The README's "Fixing" section: real runs of the built CLI on a copy of the bundled example.

const README = path.join(ROOT, 'README.md');
const FIXING_START = '<!-- fixing:start (generated: UPDATE_README=1 npx jest test/fix-cli.test.ts -t README) -->';
const FIXING_END = '<!-- fixing:end -->';

/** Runs the commands of the README section in a scratch directory and renders their output. */
async function fixingSection(): Promise<string> {
  const dir = freshDir();
  write(dir, 'vsftpd.conf', example());
  const block = async (args: string[]) => {
    const run = await cli(args, { cwd: dir });
    const output = (run.stdout + run.stderr).replace(/\n?$/, '\n');
    return '```console\n$ vsftpd-lint ' + args.join(' ') + '\n' + output + `$ echo $?\n${run.status}\n` + '```';
  };
  // One after the other: each command sees what the one before wrote.
  const blocks: string[] = [];
  for (const args of [
    ['--diff', 'vsftpd.conf'],
    ['--fix', 'vsftpd.conf'],
    ['--diff', '--unsafe-fixes', 'vsftpd.conf'],
    ['--fix', '--unsafe-fixes', 'vsftpd.conf'],
  ]) {
    blocks.push(await block(args));
  }
  return blocks.join('\n\n');
}

function withFixingSection(readme: string, section: string): string {
  const start = readme.indexOf(FIXING_START);
  const end = readme.indexOf(FIXING_END);
  if (start === -1 || end === -1) throw new Error(`README.md has no ${FIXING_START} ... ${FIXING_END} markers`);
  return readme.slice(0, start + FIXING_START.length) + '\n' + section + '\n' + readme.slice(end);
}

describe('README', () => {
  test('the Fixing section shows the real output of the CLI (UPDATE_README=1 to regenerate)', async () => {
    const readme = fs.readFileSync(README, 'utf8');
    const expected = withFixingSection(readme, await fixingSection());
    if (process.env.UPDATE_README === '1' && expected !== readme) fs.writeFileSync(README, expected);
    else expect(readme).toBe(expected);
  });
});

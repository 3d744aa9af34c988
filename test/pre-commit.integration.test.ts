/**
 * The pre-commit hooks (.pre-commit-hooks.yaml) with the real pre-commit (Debian's package),
 * installed the way pre-commit installs any `language: node` hook repository: a clone of this
 * repository at a commit, `npm install` in it (the "prepare" script builds dist/), `npm pack`,
 * `npm install -g` of the tarball into a node environment that uses the system's node.
 *
 * "This repository" is a snapshot: a fresh git repository with one commit of the working tree
 * (the files git tracks or would track, as they are on disk), so the test checks what would be
 * committed, uncommitted changes and new files included. (`pre-commit try-repo` of the working
 * repository itself would add modified tracked files but not new ones.)
 *
 * Two `pre-commit try-repo` runs, each in a temporary git repository of configs; each installs
 * the hook repository from scratch (about a minute: npm install with dev dependencies, two
 * builds, npm pack, npm install -g), so the cases are grouped to keep it at two:
 *
 *  1. `try-repo SNAPSHOT vsftpd-lint --files ...` with a clean config and broken configs at paths
 *     the hooks' `files` pattern does not match: passes;
 *  2. `try-repo SNAPSHOT --all-files` (both hooks) with broken configs at every kind of path the
 *     pattern matches: the check hook fails naming each file and the rule; the fix hook rewrites
 *     exactly those files and fails, as pre-commit fails a hook that changes files.
 *
 * Needs pre-commit, git, node and npm, and the npm registry (or npm's cache, preferred) for the
 * dependencies. Fails in CI when pre-commit is missing; elsewhere skips with a warning.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CLEAN_CONFIG, cleanEnv, requireProgram, ROOT, runProgram, which } from './support/integration';

const AVAILABLE = requireProgram('pre-commit', 'pre-commit', __filename);

/** A config vsftpd-lint finds nothing in. */
const CLEAN = CLEAN_CONFIG;
/** The same with a trailing blank after YES (VSF102 bad-bool-value, an error with a safe fix). */
const BROKEN = CLEAN.replace('write_enable=YES\n', 'write_enable=YES \n');
/** What the safe fix makes of BROKEN. */
const FIXED = CLEAN;

/** Paths the hooks' `files` pattern matches. */
const MATCHED = [
  'vsftpd.conf',
  'etc/vsftpd.conf',
  'etc/vsftpd-ftp1.conf',
  'ftp2.vsftpd.conf',
  'servers/ftp3.vsftpd.conf',
  'etc/vsftpd/vsftpd.conf',
  'etc/vsftpd/instances/ftp4.conf',
  'vsftpd.d/alice',
  'deploy/vsftpd.d/sites/bob.conf',
  // Staged names that look like flags (SECURITY.md): linted and fixed as files, never read as
  // -q or --output-file.
  '-q.vsftpd.conf',
  '--output-file=b.vsftpd.conf',
];
/** Paths it does not match (Fedora's /etc/vsftpd/ holds lists and scripts next to the config). */
const NOT_MATCHED = [
  'etc/vsftpd/user_list',
  'etc/vsftpd/ftpusers',
  'vsftpd.conf.orig',
  'myvsftpd.conf',
  'vsftpd-conf/site.conf',
  'docs/vsftpd.conf.md',
  'vsftpd.conf.d/x.conf',
];

let tmp: string;
let snapshot: string;

function git(cwd: string, ...args: string[]): string {
  const run = runProgram(
    'git',
    [
      '-c',
      'user.name=vsftpd-lint test',
      '-c',
      'user.email=test@invalid',
      '-c',
      'commit.gpgsign=false',
      '-c',
      'core.hooksPath=/dev/null',
      ...args,
    ],
    { cwd, env: cleanEnv() },
  );
  if (run.status !== 0) throw new Error(`git ${args.join(' ')} in ${cwd} failed:\n${run.output}`);
  return run.stdout;
}

/** A one-commit git repository of the working tree's tracked and trackable files. */
function snapshotRepository(dest: string): void {
  if (!fs.existsSync(path.join(ROOT, '.git'))) throw new Error(`${ROOT} is not a git work tree: the pre-commit test clones it`);
  const files = git(ROOT, 'ls-files', '-z', '--cached', '--others', '--exclude-standard').split('\0').filter(Boolean);
  for (const file of files) {
    const from = path.join(ROOT, file);
    if (!fs.existsSync(from)) continue; // deleted in the working tree
    fs.mkdirSync(path.dirname(path.join(dest, file)), { recursive: true });
    fs.copyFileSync(from, path.join(dest, file));
    fs.chmodSync(path.join(dest, file), fs.statSync(from).mode & 0o777);
  }
  git(dest, 'init', '-q');
  git(dest, 'add', '-A');
  git(dest, 'commit', '-q', '-m', 'snapshot of the working tree');
}

/** A git repository of configs: `files` maps a path to its content; everything is staged. */
function configRepository(name: string, files: Record<string, string>): string {
  const dir = path.join(tmp, name);
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  return dir;
}

function preCommit(cwd: string, args: string[]) {
  const run = runProgram('pre-commit', args, {
    cwd,
    timeoutMs: 280_000,
    env: cleanEnv({
      PRE_COMMIT_HOME: path.join(tmp, 'pre-commit-home'),
      PRE_COMMIT_COLOR: 'never',
      // npm's cache first (filled by `npm ci`), the registry for what it lacks.
      npm_config_prefer_offline: 'true',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
    }),
  });
  console.log(`pre-commit ${args.join(' ')}: exit ${run.status} in ${run.seconds.toFixed(1)} s`);
  return run;
}

/** The output pre-commit printed for one hook: from its "name....Status" line to the next. */
function hookSection(output: string, hookName: string): string {
  const lines = output.split('\n');
  const start = lines.findIndex(
    (line) => line.startsWith(`${hookName}.`) && /\.{3,}(Passed|Failed|Skipped|\(no files to check\)Skipped)$/.test(line),
  );
  if (start < 0) throw new Error(`no result line for hook "${hookName}" in:\n${output}`);
  const end = lines.findIndex((line, i) => i > start && /\.{3,}(Passed|Failed|\(no files to check\)Skipped)$/.test(line));
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

(AVAILABLE ? describe : describe.skip)('pre-commit hooks (real pre-commit)', () => {
  beforeAll(() => {
    for (const program of ['git', 'node', 'npm']) {
      if (!which(program)) throw new Error(`${program} is not on PATH: pre-commit's node hooks need it`);
    }
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
    if (!pkg.scripts?.prepare) {
      throw new Error(
        'package.json has no "prepare" script: pre-commit installs the hook from a clone (npm install, npm pack) ' +
          'where dist/ does not exist, so the package must build itself on install ("prepare": "npm run build")',
      );
    }
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vsftpd-lint-pre-commit-'));
    snapshot = path.join(tmp, 'vsftpd-lint');
    snapshotRepository(snapshot);
  });

  afterAll(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('passes a clean config and leaves alone the files its pattern does not match', () => {
    const files: Record<string, string> = { 'etc/vsftpd.conf': CLEAN };
    for (const file of NOT_MATCHED) files[file] = BROKEN;
    const repo = configRepository('clean', files);

    // As in the README: try the check hook on given files.
    const run = preCommit(repo, ['try-repo', snapshot, 'vsftpd-lint', '--files', ...Object.keys(files)]);

    expect(run.output).toMatch(/^vsftpd-lint\.+Passed$/m);
    expect(run.status).toBe(0);
    expect(run.output).not.toContain('VSF');
  }, 300_000);

  it('fails a broken config naming the file and the rule; the fix hook rewrites it and fails', () => {
    const files: Record<string, string> = { 'clean/vsftpd.conf': CLEAN };
    for (const file of [...MATCHED, ...NOT_MATCHED]) files[file] = BROKEN;
    const repo = configRepository('broken', files);

    // Every hook of the repository, on every file, as `pre-commit run --all-files` would.
    const run = preCommit(repo, ['try-repo', snapshot, '--all-files']);
    expect(run.status).toBe(1);

    // vsftpd-lint runs first (hooks in id order) and sees the files as they were.
    const check = hookSection(run.output, 'vsftpd-lint');
    expect(check).toMatch(/^vsftpd-lint\.+Failed$/m);
    expect(check).toContain('- exit code: 1');
    for (const file of MATCHED) {
      expect(check).toMatch(new RegExp(`^${file.replace(/\./g, '\\.')}:5:14 +error .*VSF102 bad-bool-value$`, 'm'));
    }
    for (const file of [...NOT_MATCHED, 'clean/vsftpd.conf']) expect(check).not.toContain(`${file}:`);

    const fixHook = hookSection(run.output, 'vsftpd-lint (apply safe fixes)');
    expect(fixHook).toMatch(/^vsftpd-lint \(apply safe fixes\)\.+Failed$/m);
    expect(fixHook).toContain('- files were modified by this hook');
    expect(fixHook).toMatch(/fixed \d+ problems?/);

    for (const file of MATCHED) expect([file, fs.readFileSync(path.join(repo, file), 'utf8')]).toEqual([file, FIXED]);
    for (const file of NOT_MATCHED) expect([file, fs.readFileSync(path.join(repo, file), 'utf8')]).toEqual([file, BROKEN]);
    expect(fs.readFileSync(path.join(repo, 'clean/vsftpd.conf'), 'utf8')).toBe(CLEAN);
  }, 300_000);
});

/**
 * The installed command dist/vsftpd-lint.js is one self-contained file (a loader carrying the CLI
 * bundle) that needs no node_modules, so a host without npm needs only that file and Node. The
 * oldest Node it supports is 18, the `nodejs` of Debian 12, which many FTP hosts run: this test fetches Debian's own nodejs 18.x with `apt-get download` (never
 * installed: unpacked with dpkg-deb into a temporary directory, with the libnode it links and
 * the shared libraries this machine lacks) and checks that every kind of command gives the same
 * output, status and written file under it as under the Node running the tests.
 *
 * Debian's node loads some of its built-in modules (cjs-module-lexer, acorn, undici) from
 * /usr/share/nodejs, so it runs in a private mount namespace where the unpacked /usr/share is
 * overlaid on the real one (`unshare --mount`; needs root, which the suite's namespace tests
 * need too). Outside CI, without root, the test is skipped with a warning.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { inCi, ROOT, runProgram } from './support/integration';

const BUNDLE = path.join(ROOT, 'dist/vsftpd-lint.js');
const isRoot = process.getuid?.() === 0;
if (!isRoot) {
  const message = 'node18-bundle.integration.test.ts needs root (unshare --mount)';
  if (inCi()) throw new Error(`${message}; CI is set, so this is a failure`);
  console.warn(`SKIPPED: ${message}`);
}
const itAsRoot = isRoot ? it : it.skip;

let work: string;
let node18: { node: string; libs: string; share: string };

/** The newest version of a package Debian itself ships (not a third-party repository's). */
function debianVersion(pkg: string, prefix: string): string {
  const madison = runProgram('apt-cache', ['madison', pkg], { cwd: work });
  const versions = madison.stdout
    .split('\n')
    .map((line) => line.split('|').map((field) => field.trim()))
    .filter(([name, version, source]) => name === pkg && version?.startsWith(prefix) && /debian\.org/.test(source ?? ''))
    .map(([, version]) => version);
  if (versions.length === 0) throw new Error(`no Debian ${pkg} ${prefix}x in apt's lists (run apt-get update):\n${madison.output}`);
  return versions[0];
}

const dependsOf = (spec: string) =>
  [...runProgram('apt-cache', ['depends', spec], { cwd: work }).stdout.matchAll(/^ {2}Depends: ([a-z0-9][a-z0-9.+-]*)$/gm)].map(
    (m) => m[1],
  );

const installed = (pkg: string) => /Status: install ok installed/.test(runProgram('dpkg', ['-s', pkg], { cwd: work }).stdout);

beforeAll(() => {
  if (!isRoot) return;
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'vsftpd-lint-node18-'));
  const version = debianVersion('nodejs', '18.');
  const libnode = dependsOf(`nodejs=${version}`).find((name) => /^libnode\d+$/.test(name));
  if (!libnode) throw new Error(`Debian's nodejs ${version} depends on no libnode`);
  // The shared libraries libnode links that this machine lacks, and the modules node loads from /usr/share/nodejs.
  const missingLibs = dependsOf(`${libnode}=${version}`).filter((name) => /^lib/.test(name) && !installed(name));
  const builtins = dependsOf(`${libnode}=${version}`).filter((name) => /^node-/.test(name));
  const specs = [`nodejs=${version}`, `${libnode}=${version}`, ...missingLibs, ...builtins];
  const download = runProgram('apt-get', ['download', ...specs], { cwd: work });
  if (download.status !== 0) throw new Error(`apt-get download ${specs.join(' ')} failed:\n${download.output}`);
  const root = path.join(work, 'root');
  for (const deb of fs.readdirSync(work).filter((file) => file.endsWith('.deb'))) {
    const unpack = runProgram('dpkg-deb', ['-x', deb, root], { cwd: work });
    if (unpack.status !== 0) throw new Error(`dpkg-deb -x ${deb}: ${unpack.output}`);
  }
  node18 = {
    node: path.join(root, 'usr/bin/node'),
    libs: path.join(root, 'usr/lib/x86_64-linux-gnu'),
    share: path.join(root, 'usr/share'),
  };
}, 300_000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The bundle under Debian's node 18, in a mount namespace that provides its /usr/share/nodejs. */
function runNode18(args: readonly string[], cwd: string, input?: string): Run {
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const script =
    `mount -t overlay overlay -o lowerdir=${quote(node18.share)}:/usr/share /usr/share && ` +
    `LD_LIBRARY_PATH=${quote(node18.libs)} exec ${quote(node18.node)} "$@"`;
  const result = spawnSync('unshare', ['--mount', '--propagation', 'private', 'sh', '-c', script, 'sh', BUNDLE, ...args], {
    cwd,
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function runCurrent(args: readonly string[], cwd: string, input?: string): Run {
  const result = spawnSync(process.execPath, [BUNDLE, ...args], { cwd, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

itAsRoot("is Debian 12's node 18", () => {
  expect(runNode18(['--version'], ROOT).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  const version = spawnSync('unshare', ['--mount', 'sh', '-c', `LD_LIBRARY_PATH='${node18.libs}' '${node18.node}' --version`], {
    encoding: 'utf8',
  });
  expect(version.stdout).toMatch(/^v18\./);
});

const EXAMPLE = 'fixtures/examples/edited-vsftpd.conf';
itAsRoot.each([
  [[EXAMPLE]],
  [['--format', 'json', EXAMPLE, 'fixtures/cli/clean.conf']],
  [['--format', 'sarif', EXAMPLE]],
  [['--diff', '--unsafe-fixes', EXAMPLE]],
  [['--print-effective', 'fixtures/cli/effective.conf']],
  [['--target', 'fedora', 'fixtures/cli/fedora-only.conf']],
  [['firewall', 'fixtures/cli/clean.conf', '--backend', 'nftables']],
  [['--explain', 'VSF102']],
  [['--list-rules']],
  [['no-such-file.conf']],
  [['--no-such-flag']],
])('%j gives the same output and status as under the current node', (args) => {
  const expected = runCurrent(args, ROOT);
  expect(runNode18(args, ROOT)).toEqual(expected);
});

itAsRoot('reads standard input', () => {
  const text = fs.readFileSync(path.join(ROOT, EXAMPLE), 'utf8');
  const expected = runCurrent(['-'], ROOT, text);
  expect(expected.status).toBe(1);
  expect(runNode18(['-'], ROOT, text)).toEqual(expected);
});

itAsRoot('--fix writes the same file', () => {
  const fixIn = (dir: string, run: typeof runCurrent) => {
    fs.mkdirSync(dir);
    fs.copyFileSync(path.join(ROOT, EXAMPLE), path.join(dir, 'vsftpd.conf'));
    fs.chmodSync(path.join(dir, 'vsftpd.conf'), 0o640);
    const result = run(['--fix', 'vsftpd.conf'], dir);
    const file = path.join(dir, 'vsftpd.conf');
    return { ...result, text: fs.readFileSync(file, 'utf8'), mode: fs.statSync(file).mode };
  };
  const expected = fixIn(path.join(work, 'fix-current'), runCurrent);
  expect(expected.text).not.toBe(fs.readFileSync(path.join(ROOT, EXAMPLE), 'utf8'));
  expect(fixIn(path.join(work, 'fix-node18'), runNode18)).toEqual(expected);
});

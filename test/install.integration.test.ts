/**
 * Putting `vsftpd-lint` on PATH as the README says, with the real npm, each into a temporary
 * prefix (`npm install -g --prefix DIR`, so nothing outside it changes):
 *
 *  - from an `npm pack` tarball (what a registry or a file share would hand out);
 *  - from the checkout itself (npm links the directory).
 *
 * The installed bin lints a clean file (exit 0) and a broken one (exit 1, the finding on stdout)
 * and prints the package's version. The package is packed without its "prepare" build (the suite
 * has built dist/ already, and a rebuild here would rewrite files other tests are reading).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cleanEnv, ROOT, runProgram } from './support/integration';

const VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

let work: string;
beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'vsftpd-lint-install-'));
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** npm with its own cache-friendly flags; never the user's global prefix. */
function npm(args: string[]) {
  const run = runProgram('npm', [...args, '--no-audit', '--no-fund', '--prefer-offline'], {
    cwd: work,
    env: cleanEnv({ NO_UPDATE_NOTIFIER: '1', npm_config_update_notifier: 'false' }),
    timeoutMs: 300_000,
  });
  expect({ args, status: run.status, output: run.output }).toMatchObject({ status: 0 });
  return run;
}

function expectWorkingBin(prefix: string) {
  const bin = path.join(prefix, 'bin', 'vsftpd-lint');
  expect(fs.existsSync(bin)).toBe(true);
  const env = cleanEnv({ NO_COLOR: '1' });
  const run = (...args: string[]) => runProgram(bin, args, { cwd: ROOT, env });
  expect(run('fixtures/cli/clean.conf')).toMatchObject({ status: 0, stdout: 'no problems\n' });
  const errors = run('fixtures/examples/edited-vsftpd.conf');
  expect(errors.status).toBe(1);
  expect(errors.stdout).toContain('VSF102 bad-bool-value');
  expect(run('--version')).toMatchObject({ status: 0, stdout: `${VERSION}\n` });
}

it('installs from an npm pack tarball into a prefix and runs', () => {
  const pack = npm(['pack', ROOT, '--ignore-scripts', '--pack-destination', work]);
  const tarball = path.join(work, pack.stdout.trim().split('\n').pop()!);
  expect(fs.existsSync(tarball)).toBe(true);
  const prefix = path.join(work, 'from-tarball');
  npm(['install', '-g', '--prefix', prefix, tarball]);
  expectWorkingBin(prefix);
  // A copy, not a link to the checkout: the bin works wherever the checkout goes.
  expect(fs.realpathSync(path.join(prefix, 'bin', 'vsftpd-lint')).startsWith(prefix)).toBe(true);
});

it('installs from the checkout into a prefix and runs', () => {
  const prefix = path.join(work, 'from-checkout');
  npm(['install', '-g', '--prefix', prefix, '--ignore-scripts', ROOT]);
  expectWorkingBin(prefix);
});

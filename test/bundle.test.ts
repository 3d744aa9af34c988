/**
 * The installed `vsftpd-lint` is one bundled file (dist/vsftpd-lint.js, built by esbuild so that
 * start-up does not pay for resolving ~140 modules). It must behave exactly like the modular
 * build the other CLI tests run. (yargs is bundled from its CommonJS entry: its ESM entry pulls in
 * a cliui that wraps help text in the middle of words.) The language server is a bundle of its
 * own, dist/vsftpd-lint-lsp.js, which the CLI bundle loads for `vsftpd-lint lsp`.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');
const run = (entry: string, args: string[]) => {
  const result = spawnSync(process.execPath, [path.join(ROOT, entry), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};

describe('the bundled CLI', () => {
  it.each([
    [['fixtures/examples/edited-vsftpd.conf']],
    [['--format', 'json', 'fixtures/examples/edited-vsftpd.conf', 'fixtures/cli/clean.conf']],
    [['--diff', '--unsafe-fixes', 'fixtures/examples/edited-vsftpd.conf']],
    [['--explain', 'VSF102']],
    [['--list-rules']],
    [['--help']],
    [['no-such-file.conf']],
    [['--no-such-flag']],
    [['lsp', 'vsftpd.conf']],
    [['lsp', '--rule', 'nope=off']],
  ])('matches the modular build for %j', (args) => {
    expect(run('dist/vsftpd-lint.js', args)).toEqual(run('dist/src/cli/main.js', args));
  });
});

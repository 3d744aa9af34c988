/**
 * The installed `vsftpd-lint` is one self-contained file (dist/vsftpd-lint.js): a small loader
 * that carries the CLI bundled by esbuild (so that start-up does not pay for resolving ~140
 * modules) and runs it through V8's code cache. It must behave exactly like the command line the
 * other CLI tests run (in this process, from the sources; test/support/run-cli.ts). (yargs is
 * bundled from its CommonJS entry: its ESM entry pulls in a cliui that wraps help text in the
 * middle of words.) The language server is a bundle of its own, dist/vsftpd-lint-lsp.js, which
 * the CLI bundle loads for `vsftpd-lint lsp`. The code cache, with its many cold starts, is
 * test/bundle-cache.integration.test.ts.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { cli, ROOT } from './support/run-cli';

const bundle = (args: string[]) => {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'dist/vsftpd-lint.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
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
  ])('matches the command line run from the sources for %j', async (args) => {
    const { status, stdout, stderr } = await cli(args, { env: { NO_COLOR: '1' } });
    expect(bundle(args)).toEqual({ status, stdout, stderr });
  });
});

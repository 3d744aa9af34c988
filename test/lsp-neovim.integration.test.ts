/**
 * `vsftpd-lint lsp` in a real editor: Debian's Neovim, headless, with the Lua config
 * test/support/lsp-neovim.lua. It opens a config vsftpd refuses, waits for the diagnostics,
 * applies one quick fix and then source.fixAll through Neovim's own LSP client, and reports the
 * buffer after each. Needs nvim (scripts/test.sh installs it) and the built CLI.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CLEAN_CONFIG, cleanEnv, cliShimDir, requireProgram, ROOT, runProgram } from './support/integration';

const AVAILABLE = requireProgram('nvim', 'neovim', __filename);

/** Two lines vsftpd refuses, each with a safe fix: VSF105 (blanks around "=") and VSF102 (blank after YES). */
const BROKEN = CLEAN_CONFIG.replace('listen=YES\n', 'listen = YES\n').replace('write_enable=YES\n', 'write_enable=YES \n');
const lines = (text: string) => text.replace(/\n$/, '').split('\n');

(AVAILABLE ? describe : describe.skip)('vsftpd-lint lsp in Neovim', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vsftpd-lint-nvim-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('shows the diagnostics, applies a quick fix and the fix-all action to the buffer', () => {
    const conf = path.join(dir, 'vsftpd.conf');
    fs.writeFileSync(conf, BROKEN);
    const resultFile = path.join(dir, 'result.json');
    const xdg = (name: string) => path.join(dir, 'xdg', name);
    const env = cleanEnv({
      PATH: `${cliShimDir(dir)}${path.delimiter}${process.env.PATH}`,
      HOME: dir,
      XDG_CONFIG_HOME: xdg('config'),
      XDG_DATA_HOME: xdg('data'),
      XDG_STATE_HOME: xdg('state'),
      XDG_CACHE_HOME: xdg('cache'),
      VSFTPD_LINT_CONF: conf,
      VSFTPD_LINT_ACTION: 'Fix VSF102 bad-bool-value',
      VSFTPD_LINT_RESULT: resultFile,
    });
    const script = path.join(ROOT, 'test/support/lsp-neovim.lua');
    const run = runProgram('nvim', ['--headless', '-n', '-i', 'NONE', '--noplugin', '-u', script], { cwd: dir, env, timeoutMs: 120_000 });
    expect(fs.existsSync(resultFile) ? '' : run.output).toBe('');
    const result = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as {
      steps: { name: string; ok: boolean }[];
      diagnostics: { code: string; lnum: number; severity: number; href: string }[];
      titles: string[];
      after_quick_fix: string[];
      after_fix_all: string[];
    };
    expect(result.steps).toEqual(
      ['client started', 'diagnostics published', 'quick fix offered', 'fixAll offered', 'diagnostics cleared'].map((name) => ({
        name,
        ok: true,
      })),
    );
    const lineOf = (prefix: string) => lines(BROKEN).findIndex((line) => line.startsWith(prefix));
    expect(result.diagnostics.map((d) => [d.code, d.lnum, d.severity])).toEqual([
      ['VSF105', lineOf('listen '), 1],
      ['VSF102', lineOf('write_enable'), 1],
    ]);
    expect(result.diagnostics[1].href).toMatch(/\/docs\/rules\/bad-bool-value\.md$/);
    expect(result.titles).toEqual(['Fix VSF105 space-around-equals', 'Fix VSF102 bad-bool-value', 'Apply all safe vsftpd-lint fixes']);
    expect(result.after_quick_fix).toEqual(lines(BROKEN.replace('write_enable=YES \n', 'write_enable=YES\n')));
    expect(result.after_fix_all).toEqual(lines(CLEAN_CONFIG));
  });
});

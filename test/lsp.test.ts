/**
 * `vsftpd-lint lsp` at the protocol level: the built CLI spawned as a language server and driven
 * with plain JSON-RPC over stdio (test/support/lsp-client.ts). Needs `npm run build` first (as
 * the other tests of the built CLI). The real-editor test is lsp-neovim.integration.test.ts.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { lintResult } from '../src/lint';
import { applyEdits } from '../src/engine/apply-edits';
import { fix } from '../src/fix/fix';
import { completionSite } from '../src/lsp/language';
import { getTarget } from '../src/schema/targets';
import { cliFindings, decodedText, fixtureConfigs, ShownFinding } from './support/cli-findings';
import { CLEAN_CONFIG, ROOT } from './support/integration';
import { LspClient, LspDiagnostic } from './support/lsp-client';

/** CLEAN_CONFIG with a trailing blank after YES: VSF102 bad-bool-value, an error with a safe fix. */
const BROKEN = CLEAN_CONFIG.replace('write_enable=YES\n', 'write_enable=YES \n');
/**
 * Appended to CLEAN_CONFIG (which sets local_umask=022): VSF501 duplicate-option (safe fix: drop
 * the earlier line) and VSF109 octal-integer ("22" is read as 026; safe fix: write 026).
 */
const DUPLICATE_UMASK = 'local_umask=22\n';
/**
 * Appended to CLEAN_CONFIG: VSF501 duplicate-option (safe fix) and VSF413 unlimited-limits
 * (idle_session_timeout=0 never ends idle sessions; unsafe fix).
 */
const DUPLICATE_UMASK_AND_NO_TIMEOUT = 'local_umask=022\nidle_session_timeout=0\n';
const SEVERITY_NAMES = ['', 'error', 'warning', 'info'];

/** A diagnostic as the CLI's JSON shows the finding. */
function asFinding(d: LspDiagnostic): ShownFinding {
  return {
    ruleId: d.code!,
    severity: SEVERITY_NAMES[d.severity],
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    message: d.message,
  };
}

interface CodeAction {
  title: string;
  kind: string;
  isPreferred?: boolean;
  diagnostics?: LspDiagnostic[];
  edit: { changes: Record<string, { range: LspDiagnostic['range']; newText: string }[]> };
}

/** Applies LSP text edits (non-overlapping, in any order) to a text. */
function applyLspEdits(text: string, edits: { range: LspDiagnostic['range']; newText: string }[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: { line: number; character: number }) => starts[p.line] + p.character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}

let dir: string;
let client: LspClient;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vsftpd-lint-lsp-'));
  client = new LspClient([], { cwd: dir });
  await client.initialize();
});

afterAll(async () => {
  expect(await client.close()).toBe(0);
  fs.rmSync(dir, { recursive: true, force: true });
});

function writeFile(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

describe('vsftpd-lint lsp', () => {
  it('announces diagnostics sync, code actions (fixAll included), completion and hover', async () => {
    const other = new LspClient();
    const { capabilities } = await other.initialize();
    expect(capabilities).toMatchObject({
      codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.vsftpd-lint'] },
      completionProvider: {},
      hoverProvider: true,
    });
    expect(await other.close()).toBe(0);
  });

  it('publishes diagnostics on open and change: rule id as code, docs link, mapped severity', async () => {
    const file = writeFile('open/vsftpd.conf', BROKEN);
    const uri = pathToFileURL(file).href;
    const opened = await client.open(file);
    expect(opened.diagnostics).toEqual([
      {
        range: { start: { line: 4, character: 13 }, end: { line: 4, character: 17 } },
        severity: 1,
        code: 'VSF102',
        codeDescription: { href: 'https://github.com/vsftpd-lint/vsftpd-lint/blob/main/docs/rules/bad-bool-value.md' },
        source: 'vsftpd-lint',
        message: expect.stringContaining('YES '),
      },
    ]);
    const changed = await client.change(uri, 2, CLEAN_CONFIG);
    expect(changed.diagnostics).toEqual([]);
  });

  it('leaves suppressed findings out', async () => {
    const text = `${CLEAN_CONFIG}# vsftpd-lint disable-next-line octal-integer -- read as 026 on purpose\n${DUPLICATE_UMASK}`;
    const file = writeFile('suppressed/vsftpd.conf', text);
    const { diagnostics } = await client.open(file);
    expect(lintResult(text).suppressed.map((f) => f.ruleId)).toEqual(['VSF109']);
    expect(diagnostics.map((d) => d.code)).toEqual(['VSF501']);
  });

  it('uses the .vsftpd-lint.json that applies to the path, re-read on save', async () => {
    const file = writeFile('configured/sub/vsftpd.conf', `${CLEAN_CONFIG}${DUPLICATE_UMASK}`);
    const uri = pathToFileURL(file).href;
    expect((await client.open(file)).diagnostics.map((d) => d.code)).toEqual(['VSF501', 'VSF109']);
    writeFile('configured/.vsftpd-lint.json', '{ "rules": { "duplicate-option": "off", "VSF109": "error" } }');
    const saved = client.diagnosticsFor(uri, 1);
    client.notify('textDocument/didSave', { textDocument: { uri } });
    expect((await saved).diagnostics.map((d) => [d.code, d.severity])).toEqual([['VSF109', 1]]);
    writeFile('configured/.vsftpd-lint.json', '{ "rules": { "VSF109": "of" } }');
    const broken = client.diagnosticsFor(uri, 1);
    client.notify('textDocument/didSave', { textDocument: { uri } });
    const [problem] = (await broken).diagnostics;
    expect(problem.message).toMatch(/^vsftpd-lint: .*\.vsftpd-lint\.json.*rules\.VSF109/);
  });

  it('offers a quick fix per safe fix, unsafe fixes separately labelled, and source.fixAll', async () => {
    const text = `${CLEAN_CONFIG}${DUPLICATE_UMASK_AND_NO_TIMEOUT}`;
    const file = writeFile('actions/vsftpd.conf', text);
    const uri = pathToFileURL(file).href;
    const { diagnostics } = await client.open(file);
    const whole = { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } };
    const actions = (await client.request('textDocument/codeAction', {
      textDocument: { uri },
      range: whole,
      context: { diagnostics },
    })) as CodeAction[];
    expect(actions.map((a) => [a.title, a.kind, a.isPreferred])).toEqual([
      ['Fix VSF501 duplicate-option', 'quickfix', true],
      ['Unsafe fix VSF413 unlimited-limits (changes what vsftpd does)', 'quickfix', false],
      ['Apply all safe vsftpd-lint fixes', 'source.fixAll.vsftpd-lint', undefined],
    ]);
    const byRule = (id: string) => lintResult(text).findings.find((f) => f.ruleId === id)!.fix!.edits;
    expect(applyLspEdits(text, actions[0].edit.changes[uri])).toBe(applyEdits(text, byRule('VSF501')));
    expect(applyLspEdits(text, actions[1].edit.changes[uri])).toBe(applyEdits(text, byRule('VSF413')));
    expect(actions[1].diagnostics!.map((d) => d.code)).toEqual(['VSF413']);

    const fixAll = (await client.request('textDocument/codeAction', {
      textDocument: { uri },
      range: whole,
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    expect(fixAll.map((a) => a.kind)).toEqual(['source.fixAll.vsftpd-lint']);
    // Exactly what the library's (and so `vsftpd-lint --fix`'s) safe fixing makes of the text.
    expect(applyLspEdits(text, fixAll[0].edit.changes[uri])).toBe(fix(text).output);
    expect(fix(text).output).not.toBe(text);
  });

  it('lints no document larger than the CLI reads, and says so', async () => {
    const file = writeFile('large/vsftpd.conf', `${CLEAN_CONFIG}#${'x'.repeat(1_000_000)}\n`);
    const { diagnostics } = await client.open(file);
    expect(diagnostics.map((d) => [d.severity, d.message])).toEqual([
      [1, 'vsftpd-lint: larger than 1,000,000 bytes, not read (vsftpd reads only the first 100,000)'],
    ]);
  });

  it('completes option names of the target build, with type, default and meaning, and YES/NO for booleans', async () => {
    const file = writeFile('complete/vsftpd.conf', 'pasv_\nlisten=\naddress_space\n');
    const uri = pathToFileURL(file).href;
    await client.open(file);
    const complete = async (line: number, character: number) =>
      (await client.request('textDocument/completion', { textDocument: { uri }, position: { line, character } })) as {
        label: string;
        detail?: string;
        documentation?: string;
      }[];
    const names = await complete(0, 5);
    expect(names.find((item) => item.label === 'pasv_enable')).toEqual(
      expect.objectContaining({ detail: 'bool, default YES in Debian vsftpd 3.0.3', documentation: expect.any(String) }),
    );
    expect(names.map((item) => item.label)).not.toContain('address_space_limit'); // openSUSE only
    expect((await complete(1, 7)).map((item) => item.label)).toEqual(['YES', 'NO']);

    writeFile('complete-suse/.vsftpd-lint.json', '{ "target": "opensuse" }');
    const suse = writeFile('complete-suse/vsftpd.conf', 'address_space\n');
    await client.open(suse);
    const items = (await client.request('textDocument/completion', {
      textDocument: { uri: pathToFileURL(suse).href },
      position: { line: 0, character: 13 },
    })) as { label: string; detail: string }[];
    expect(items.find((item) => item.label === 'address_space_limit')?.detail).toBe('uint (count), default 0 in openSUSE vsftpd 3.0.3');
  });

  it('shows type, compiled default for the target and the rules concerned on hover', async () => {
    const file = writeFile('hover/vsftpd.conf', `${CLEAN_CONFIG}pasv_enable=NO\n`);
    const uri = pathToFileURL(file).href;
    await client.open(file);
    const line = CLEAN_CONFIG.split('\n').length - 1;
    const hover = (await client.request('textDocument/hover', { textDocument: { uri }, position: { line, character: 3 } })) as {
      contents: { kind: string; value: string };
    };
    expect(hover.contents.kind).toBe('markdown');
    expect(hover.contents.value).toContain('**pasv_enable**: bool, default YES in Debian vsftpd 3.0.3');
    expect(hover.contents.value).toContain(
      '[VSF201 pasv-disabled](https://github.com/vsftpd-lint/vsftpd-lint/blob/main/docs/rules/pasv-disabled.md)',
    );
    expect(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } })).toBeNull();
  });

  it("publishes the CLI's JSON findings for every fixture (with the .vsftpd-lint.json that applies)", async () => {
    const files = fixtureConfigs();
    expect(files.length).toBeGreaterThan(150);
    const expected = cliFindings(files);
    const fixtures = new LspClient([], { cwd: ROOT });
    await fixtures.initialize();
    let compared = 0;
    for (const file of files) {
      const { diagnostics } = await fixtures.open(file, decodedText(file));
      expect({ file, findings: diagnostics.map(asFinding) }).toEqual({ file, findings: expected.get(file) });
      compared += diagnostics.length;
    }
    expect(compared).toBeGreaterThan(300);
    expect(await fixtures.close()).toBe(0);
  });
});

describe('vsftpd-lint lsp usage errors', () => {
  it('refuses a file argument and bad flags with exit status 2', async () => {
    const { spawnSync } = await import('node:child_process');
    const { builtCli } = await import('./support/integration');
    const run = (args: string[]) => spawnSync(process.execPath, [builtCli(), 'lsp', ...args], { encoding: 'utf8', input: '' });
    const file = run(['vsftpd.conf']);
    expect([file.status, file.stderr]).toEqual([2, expect.stringMatching(/^vsftpd-lint: lsp: unexpected file argument 'vsftpd.conf'/)]);
    const rule = run(['--rule', 'nope=off']);
    expect(rule.status).toBe(2);
  });
});

describe('completion sites', () => {
  const target = getTarget('debian-3.0.3');
  it.each([
    ['', 'name'],
    ['  pasv_', 'name'],
    ['# pasv_', 'none'],
    ['listen=', 'value'],
    ['listen=Y', 'value'],
    ['  listen=', 'value'],
    ['listen_port=', 'none'],
    ['listen=YES ', 'none'],
    ['no_such_option=', 'none'],
  ])('%j -> %s', (before, kind) => {
    expect(completionSite(before, target).kind).toBe(kind);
  });
});

/**
 * The output formats end to end (run in this process: test/support/run-cli.ts; the lazy-loading
 * check runs the built dist/src/cli/main.js, so `npm run build` first):
 * SARIF validated against the SARIF 2.1.0 JSON schema (the copy @microsoft/jest-sarif ships,
 * with ajv), GitHub workflow commands and their escaping, gcc lines, checkstyle XML checked for
 * well-formedness, JSON's suppressed findings; and that a run loads only the code it uses.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { RULES } from '../rules';
import { xmlAttr } from '../src/format/checkstyle';
import { escapeData, escapeProperty } from '../src/format/github';
import kleur from 'kleur';
import { escapedResult, FileResult, FORMATS, FORMATTERS, lint, loadFormatter, RULE_DOCS_BASE_URL } from '../src';
import { BUILT_CLI, cli, CliRun as Run, ROOT } from './support/run-cli';

const CLEAN = 'fixtures/cli/clean.conf';
const ERRORS = 'fixtures/cli/errors.conf';
const WARNINGS = 'fixtures/cli/warnings.conf';
const ANNOTATED = 'fixtures/suppressions/annotated.conf';
const EXAMPLE = 'fixtures/examples/edited-vsftpd.conf';

let tmp: string;

beforeAll(() => {
  if (!fs.existsSync(BUILT_CLI)) throw new Error(`${BUILT_CLI} is missing: run "npm run build" first`);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vsftpd-lint-formats-'));
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// SARIF
// ---------------------------------------------------------------------------------------------

/**
 * The SARIF 2.1.0 schema (release "rtm.5", the text OASIS published as 2.1.0) from Microsoft's
 * SARIF SDK. It is draft-04, hence ajv-draft-04; its "language" pattern has a stray "]" that only
 * a non-Unicode regular expression accepts.
 */
const SCHEMA_FILE = path.join(path.dirname(require.resolve('@microsoft/jest-sarif/package.json')), 'lib/schemas/sarif-2.1.0-rtm.5.json');

function sarifValidator() {
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')));
}

let validateSarif: ReturnType<typeof sarifValidator>;

function expectValidSarif(log: unknown): void {
  validateSarif ??= sarifValidator();
  const valid = validateSarif(log);
  expect(validateSarif.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
}

// SARIF logs are checked field by field.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** pasv-address-nat (VSF207, an info finding the annotated fixture has) is off by default. */
const NAT = ['--enable', 'pasv-address-nat'];

async function sarif(args: string[], options: { cwd?: string } = {}): Promise<{ run: Run; log: Json }> {
  const run = await cli(['--format', 'sarif', ...args], options);
  return { run, log: JSON.parse(run.stdout) };
}

describe('--format sarif', () => {
  test('is valid SARIF 2.1.0: errors, warnings, suppressions, fixes and an unreadable file', async () => {
    const { run, log } = await sarif(['--no-config', ERRORS, WARNINGS, ANNOTATED, EXAMPLE, 'missing.conf']);
    expect(run.status).toBe(2);
    expectValidSarif(log);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
  });

  test('the validator is not a rubber stamp', async () => {
    const { log } = await sarif(['--no-config', ERRORS]);
    validateSarif ??= sarifValidator();
    const broken = [
      (l: Json) => (l.runs[0].results[0].level = 'info'),
      (l: Json) => delete l.runs[0].tool.driver.name,
      (l: Json) => (l.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0),
      (l: Json) => (l.runs[0].results[0].suppressions = [{ kind: 'inComment' }]),
    ];
    for (const breakIt of broken) {
      const copy = JSON.parse(JSON.stringify(log));
      breakIt(copy);
      expect(validateSarif(copy)).toBe(false);
    }
  });

  test('after --fix, and for a clean file', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'fix-'));
    const conf = path.join(dir, 'vsftpd.conf');
    fs.copyFileSync(path.join(ROOT, EXAMPLE), conf);
    expectValidSarif((await sarif(['--no-config', '--fix', conf])).log);
    expectValidSarif((await sarif(['--no-config', CLEAN])).log);
  });

  test('tool.driver describes every rule, with a help URI to its page in docs/rules', async () => {
    const { log } = await sarif(['--no-config', CLEAN]);
    const driver = log.runs[0].tool.driver;
    expect(driver.name).toBe('vsftpd-lint');
    expect(driver.version).toBe(require('../package.json').version);
    expect(driver.informationUri).toMatch(/^https:\/\//);
    expect(driver.rules.map((r: Json) => r.id)).toEqual(RULES.map((r) => r.id));
    for (const [i, rule] of RULES.entries()) {
      const descriptor = driver.rules[i];
      expect(descriptor).toMatchObject({
        id: rule.id,
        name: rule.name,
        shortDescription: { text: rule.summary },
        fullDescription: { text: rule.docs.what },
        helpUri: `${RULE_DOCS_BASE_URL}${rule.name}.md`,
        defaultConfiguration: { level: { error: 'error', warning: 'warning', info: 'note' }[rule.severity] },
        properties: { category: rule.category },
      });
      expect(fs.existsSync(path.join(ROOT, 'docs/rules', `${rule.name}.md`))).toBe(true);
      if (rule.enabledByDefault === false) expect(descriptor.defaultConfiguration.enabled).toBe(false);
    }
  });

  test('a result: rule, level, message, location, and a fix whose replacement fixes the file', async () => {
    const { log } = await sarif(['--no-config', ERRORS]);
    const [result] = log.runs[0].results;
    const rules = log.runs[0].tool.driver.rules;
    expect(rules[result.ruleIndex].id).toBe(result.ruleId);
    expect(result).toMatchObject({
      ruleId: 'VSF102',
      level: 'error',
      message: { text: expect.stringContaining("'YES ' is not a boolean") },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: ERRORS, uriBaseId: '%SRCROOT%' },
            region: { startLine: 2, startColumn: 8, endLine: 2, endColumn: 12 },
          },
        },
      ],
    });
    const [fix] = result.fixes;
    expect(fix.description.text).toMatch(/safe fix/i);
    const [{ deletedRegion, insertedContent }] = fix.artifactChanges[0].replacements;
    const text = fs.readFileSync(path.join(ROOT, ERRORS), 'utf8');
    const fixed =
      text.slice(0, deletedRegion.charOffset) + insertedContent.text + text.slice(deletedRegion.charOffset + deletedRegion.charLength);
    expect(fixed).toBe(text.replace('listen=YES \n', 'listen=YES\n'));
    expect(log.runs[0].columnKind).toBe('utf16CodeUnits');
    expect(log.runs[0].originalUriBaseIds['%SRCROOT%'].uri).toBe(`file://${ROOT}/`);
  });

  test('levels: info is "note"; a finding without a fix has no fixes', async () => {
    const { log } = await sarif(['--no-config', ...NAT, '--target', 'debian', 'fixtures/cli/fedora-only.conf', ANNOTATED]);
    const results = log.runs[0].results;
    expect(results.find((r: Json) => r.ruleId === 'VSF101' && !r.fixes)).toBeDefined();
    expect(results.find((r: Json) => r.ruleId === 'VSF207').level).toBe('note');
  });

  test('suppressed findings are results with an in-source suppression and its justification', async () => {
    const { log } = await sarif(['--no-config', ...NAT, ANNOTATED]);
    const suppressed = log.runs[0].results.filter((r: Json) => r.suppressions);
    const anonymous = suppressed.find((r: Json) => r.ruleId === 'VSF401');
    expect(anonymous.suppressions).toEqual([
      {
        kind: 'inSource',
        justification: 'public mirror, anonymous downloads only',
        location: { physicalLocation: { artifactLocation: { uri: ANNOTATED, uriBaseId: '%SRCROOT%' }, region: { startLine: 5 } } },
        properties: { directive: 'disable-next-line' },
      },
    ]);
    expect(suppressed.map((r: Json) => r.ruleId).sort()).toEqual(['VSF202', 'VSF401', 'VSF411', 'VSF501', 'VSF501']);
    // Not suppressed: no "suppressions" at all.
    expect(log.runs[0].results.filter((r: Json) => !r.suppressions).map((r: Json) => r.ruleId)).toEqual(['VSF207', 'VSF404']);
  });

  test('an unreadable file is a tool execution notification', async () => {
    const { log } = await sarif(['--no-config', CLEAN, 'missing.conf']);
    expect(log.runs[0].invocations).toEqual([
      {
        executionSuccessful: false,
        toolExecutionNotifications: [
          {
            level: 'error',
            message: { text: 'missing.conf: no such file' },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'missing.conf', uriBaseId: '%SRCROOT%' } } }],
          },
        ],
      },
    ]);
  });

  test('absolute paths are file: URIs, special characters percent-encoded', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'uri-'));
    const conf = path.join(dir, 'a b#1.conf');
    fs.writeFileSync(conf, 'listen=YES \n');
    const { log } = await sarif(['--no-config', conf]);
    expectValidSarif(log);
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: `file://${dir}/a%20b%231.conf` });
    const relative = (await sarif(['--no-config', 'a b#1.conf'], { cwd: dir })).log;
    expect(relative.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({
      uri: 'a%20b%231.conf',
      uriBaseId: '%SRCROOT%',
    });
  });
});

// ---------------------------------------------------------------------------------------------
// github, gcc, checkstyle, json
// ---------------------------------------------------------------------------------------------

describe('--format github', () => {
  test('one workflow command per finding', async () => {
    const run = await cli(['--no-config', '--format', 'github', ERRORS, WARNINGS]);
    expect(run.status).toBe(1);
    expect(run.stdout.split('\n')).toEqual([
      '::error file=fixtures/cli/errors.conf,line=2,col=8,endLine=2,endColumn=12,title=VSF102 bad-bool-value::\'YES \' is not a boolean (trailing whitespace belongs to the value): vsftpd stops with "500 OOPS: bad bool value in config file for: listen"',
      "::warning file=fixtures/cli/warnings.conf,line=6,col=13,endLine=6,endColumn=15,title=VSF109 octal-integer::'22' has no leading 0, so vsftpd reads it as decimal 22, which is octal 026; read as octal it would be 022. Write 026, the value vsftpd uses (022 leaves bits 004 unmasked)",
      "::warning file=fixtures/cli/warnings.conf,line=11,col=13,endLine=11,endColumn=34,title=VSF110 string-whitespace::' Authorised use only.' has surrounding blanks: Debian vsftpd 3.0.3 trims them, upstream vsftpd keeps them",
      '',
    ]);
  });

  test('info is ::notice; an unreadable file is an ::error naming it', async () => {
    const run = await cli(['--no-config', ...NAT, '--format', 'github', ANNOTATED, 'missing.conf']);
    expect(run.stdout).toMatch(/^::notice file=fixtures\/suppressions\/annotated\.conf,line=1,col=1,.*title=VSF207 pasv-address-nat::/m);
    expect(run.stdout).toContain('::error file=missing.conf,title=vsftpd-lint::cannot read missing.conf: no such file\n');
  });

  test('escapes % in messages, and , : % in properties', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'gh-'));
    fs.writeFileSync(path.join(dir, 'a,b:c%.conf'), 'listen=YES\nftpd_banner= 100% sure\n');
    const run = await cli(['--no-config', '--format', 'github', 'a,b:c%.conf'], { cwd: dir });
    const line = run.stdout.split('\n').find((l) => l.includes('VSF110'))!;
    expect(line).toBe(
      "::warning file=a%2Cb%3Ac%25.conf,line=2,col=13,endLine=2,endColumn=23,title=VSF110 string-whitespace::' 100%25 sure' has surrounding blanks: Debian vsftpd 3.0.3 trims them, upstream vsftpd keeps them",
    );
  });

  test('escapeData and escapeProperty follow the workflow-command rules', () => {
    expect(escapeData('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext: a, b');
    expect(escapeProperty('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext%3A a%2C b');
    expect(escapeData('%0A')).toBe('%250A'); // escaped once, so it cannot be read back as a newline
  });
});

describe('--format gcc', () => {
  test('file:line:col: severity: message [ID/name], info as note', async () => {
    const run = await cli(['--no-config', ...NAT, '--format', 'gcc', ERRORS, WARNINGS, ANNOTATED]);
    expect(run.status).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'fixtures/cli/errors.conf:2:8: error: \'YES \' is not a boolean (trailing whitespace belongs to the value): vsftpd stops with "500 OOPS: bad bool value in config file for: listen" [VSF102/bad-bool-value]',
    );
    for (const line of lines) expect(line).toMatch(/^[^:]+:\d+:\d+: (error|warning|note): .+ \[VSF\d{3}\/[a-z0-9-]+\]$/);
    expect(lines.some((l) => / note: .*\[VSF207\/pasv-address-nat\]$/.test(l))).toBe(true);
    expect(lines.some((l) => / warning: .*\[VSF109\/octal-integer\]$/.test(l))).toBe(true);
  });

  test('prints nothing for a clean file', async () => {
    const { status, stdout, stderr } = await cli(['--no-config', '--format', 'gcc', CLEAN]);
    expect({ status, stdout, stderr }).toEqual({ status: 0, stdout: '', stderr: '' });
  });
});

/**
 * A small well-formedness check for the XML checkstyle writes (no DTD, no text content, no
 * comments): a declaration, elements that nest and close, quoted attributes that are unique per
 * element and hold only valid characters and entity references. Throws on the first problem.
 */
function checkWellFormedXml(xml: string): { name: string; attributes: Record<string, string>; depth: number }[] {
  const declaration = '<?xml version="1.0" encoding="utf-8"?>\n';
  if (!xml.startsWith(declaration)) throw new Error('no XML declaration');
  // XML 1.0 "Char": tab, LF, CR, U+0020-U+D7FF, U+E000-U+FFFD, and astral characters.
  if (/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\ud800-\udfff]/.test(xml)) throw new Error('a character XML 1.0 does not allow');
  const token = /<\/([A-Za-z_][\w.-]*)\s*>|<([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*\s*=\s*"[^"]*")*)\s*(\/?)>|(\s+)/y;
  const attribute = /([A-Za-z_][\w.-]*)\s*=\s*"([^"]*)"/g;
  const reference = /&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/g;
  const elements: { name: string; attributes: Record<string, string>; depth: number }[] = [];
  const stack: string[] = [];
  let roots = 0;
  token.lastIndex = declaration.length;
  while (token.lastIndex < xml.length) {
    const at = token.lastIndex;
    const match = token.exec(xml);
    if (!match) throw new Error(`not well-formed at offset ${at}: ${JSON.stringify(xml.slice(at, at + 40))}`);
    const [, close, open, attributes, selfClosing] = match;
    if (close !== undefined) {
      if (stack.pop() !== close) throw new Error(`</${close}> closes nothing open`);
    } else if (open !== undefined) {
      if (stack.length === 0 && ++roots > 1) throw new Error('more than one root element');
      const seen: Record<string, string> = {};
      for (const [, name, value] of attributes.matchAll(attribute)) {
        if (name in seen) throw new Error(`attribute ${name} twice`);
        if (/[<]/.test(value) || /&/.test(value.replace(reference, ''))) throw new Error(`bad attribute value ${value}`);
        seen[name] = value.replace(reference, (ref) => decodeReference(ref));
      }
      elements.push({ name: open, attributes: seen, depth: stack.length });
      if (!selfClosing) stack.push(open);
    }
    // else blanks between elements; any other text fails to match a token
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack.join('>, <')}>`);
  if (roots !== 1) throw new Error('no root element');
  return elements;
}

function decodeReference(ref: string): string {
  const named: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };
  if (ref in named) return named[ref];
  const code = ref.startsWith('&#x') ? parseInt(ref.slice(3, -1), 16) : parseInt(ref.slice(2, -1), 10);
  return String.fromCodePoint(code);
}

describe('--format checkstyle', () => {
  test('well-formed XML with one <file> per input and one <error> per finding', async () => {
    const run = await cli(['--no-config', '--format', 'checkstyle', ERRORS, WARNINGS, 'missing.conf']);
    expect(run.status).toBe(2);
    const elements = checkWellFormedXml(run.stdout);
    expect(elements[0]).toEqual({ name: 'checkstyle', attributes: { version: '4.3' }, depth: 0 });
    expect(elements.filter((e) => e.name === 'file').map((e) => e.attributes.name)).toEqual([ERRORS, WARNINGS, 'missing.conf']);
    const errors = elements.filter((e) => e.name === 'error');
    expect(errors[0].attributes).toEqual({
      line: '2',
      column: '8',
      severity: 'error',
      message:
        '\'YES \' is not a boolean (trailing whitespace belongs to the value): vsftpd stops with "500 OOPS: bad bool value in config file for: listen"',
      source: 'vsftpd-lint.VSF102.bad-bool-value',
    });
    expect(errors.map((e) => e.attributes.severity)).toEqual(['error', 'warning', 'warning', 'error']);
    expect(errors[3].attributes).toEqual({ severity: 'error', message: 'cannot read: no such file', source: 'vsftpd-lint.io' });
  });

  test('escapes what XML needs escaped, in file names and messages', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'xml-'));
    const name = `a&b<"c'>.conf`;
    fs.writeFileSync(path.join(dir, name), 'listen=YES\nftpd_banner= <b>"&amp;"</b>\n');
    const run = await cli(['--no-config', '--format', 'checkstyle', name], { cwd: dir });
    const elements = checkWellFormedXml(run.stdout);
    expect(elements[1].attributes.name).toBe(name);
    const message = elements.find((e) => e.attributes.source === 'vsftpd-lint.VSF110.string-whitespace')!.attributes.message;
    expect(message).toContain(`' <b>"&amp;"</b>'`);
  });

  test('xmlAttr: line breaks and tabs survive; characters XML cannot carry are spelled out', () => {
    expect(xmlAttr('a\tb\nc\rd')).toBe('a&#9;b&#10;c&#13;d');
    expect(xmlAttr('nul\u0000 esc\u001b bell\u0007 ffff\uffff')).toBe('nul\\x00 esc\\x1b bell\\x07 ffff\\uffff');
    expect(xmlAttr('lone \ud800 pair \ud83d\ude00')).toBe('lone \\ud800 pair \ud83d\ude00');
    expect(() => checkWellFormedXml(`<?xml version="1.0" encoding="utf-8"?>\n<a b="${xmlAttr('\u0000\u0001&<>"\'')}"/>`)).not.toThrow();
  });

  test('the checker rejects what is not well-formed', () => {
    const prolog = '<?xml version="1.0" encoding="utf-8"?>\n';
    for (const bad of ['<a><b></a></b>', '<a b="1" b="2"/>', '<a b="x & y"/>', '<a b="<"/>', '<a/><b/>', '<a>', '<a b="\u0001"/>']) {
      expect(() => checkWellFormedXml(prolog + bad)).toThrow();
    }
  });
});

describe('--format json', () => {
  test('each file has its target and its suppressed findings; an unreadable file has none', async () => {
    const run = await cli(['--no-config', ...NAT, '--format', 'json', ANNOTATED, 'missing.conf']);
    const report = JSON.parse(run.stdout);
    expect(Object.keys(report)).toEqual(['version', 'target', 'files', 'summary']);
    const [annotated, missing] = report.files;
    expect(Object.keys(annotated)).toEqual(['path', 'encoding', 'target', 'mode', 'findings', 'suppressed']);
    expect(missing).toEqual({ path: 'missing.conf', error: 'no such file', findings: [], suppressed: [] });
    const [first] = annotated.suppressed;
    expect(Object.keys(first)).toEqual([
      'ruleId',
      'name',
      'category',
      'severity',
      'message',
      'line',
      'column',
      'endLine',
      'endColumn',
      'option',
      'fixable',
      'fix',
      'suppressions',
    ]);
    expect(first.suppressions).toEqual([
      { kind: 'disable-file', line: 2, justification: 'banner and passive ports come from the load balancer' },
    ]);
    // Suppressed findings do not count.
    expect(report.summary).toMatchObject({ errors: 0, warnings: 0, infos: 2 });
  });

  test('--fix: suppressed findings are those of the fixed file', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'json-fix-'));
    const conf = path.join(dir, 'vsftpd.conf');
    fs.copyFileSync(path.join(ROOT, ANNOTATED), conf);
    fs.appendFileSync(conf, 'write_enable=NO \n');
    const report = JSON.parse((await cli(['--no-config', '--format', 'json', '--fix', conf])).stdout);
    expect(report.files[0].fixed.map((f: Json) => f.ruleId)).toEqual(['VSF102']);
    expect(report.files[0].suppressed.map((f: Json) => f.ruleId)).toContain('VSF401');
  });
});

// ---------------------------------------------------------------------------------------------
// Start-up: only the code a run uses is loaded
// ---------------------------------------------------------------------------------------------

describe('the formatters in the public API', () => {
  const text = 'listen=YES \n';
  const results: FileResult[] = [
    { path: 'a.conf', encoding: 'utf8', findings: lint(text) },
    { path: 'missing.conf', error: 'no such file' },
  ];
  const context = { target: 'debian-3.0.3' };

  test.each(FORMATS.map((f) => [f]))(
    '%s: loadFormatter gives the FORMATTERS entry, and it names the file and the finding',
    async (format) => {
      expect(await loadFormatter(format)).toBe(FORMATTERS[format]);
      const report = FORMATTERS[format](results, context);
      expect(report).toContain('a.conf');
      expect(report).toContain('VSF102');
    },
  );

  test('the report is what the command line prints for the same results', async () => {
    const run = await cli(['--no-config', '--format', 'gcc', '-'], { input: text });
    expect(FORMATTERS.gcc([{ path: '<stdin>', encoding: 'utf8', findings: lint(text) }], context)).toBe(run.stdout);
  });

  test('escapedResult makes a hostile file name safe to print', () => {
    const hostile: FileResult[] = [{ path: 'm\u001b[2J.conf', encoding: 'utf8', findings: lint(text) }];
    expect(FORMATTERS.gcc(hostile, context)).toContain('\u001b'); // formatters print what they are given
    expect(FORMATTERS.gcc(hostile.map(escapedResult), context)).not.toContain('\u001b');
  });

  test('stylish: colour only when the context asks, and kleur is left as it was', () => {
    const before = kleur.enabled;
    kleur.enabled = true;
    try {
      expect(FORMATTERS.stylish(results, context)).not.toContain('\u001b[31m');
      kleur.enabled = false;
      expect(FORMATTERS.stylish(results, { ...context, color: true })).toContain('\u001b[31m');
      expect(kleur.enabled).toBe(false);
    } finally {
      kleur.enabled = before;
    }
  });

  test('SARIF: %SRCROOT% and the tool version only when the context gives them', () => {
    const bare = JSON.parse(FORMATTERS.sarif(results, context));
    expect(bare.runs[0].originalUriBaseIds).toBeUndefined();
    expect(bare.runs[0].tool.driver.version).toBeUndefined();
    const full = JSON.parse(FORMATTERS.sarif(results, { ...context, cwd: '/srv/ftp', toolVersion: '1.2.3' }));
    expect(full.runs[0].originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///srv/ftp/' } });
    expect(full.runs[0].tool.driver).toMatchObject({ version: '1.2.3', semanticVersion: '1.2.3' });
  });
});

describe('lazy loading', () => {
  /** The modules of dist/ a run loads, relative to dist/src (rules left out). */
  function loadedModules(args: string[]): string[] {
    const record = path.join(tmp, `loaded-${Math.random().toString(36).slice(2)}.json`);
    const preload = path.join(tmp, 'record-modules.js');
    fs.writeFileSync(
      preload,
      `process.on('exit', () => require('fs').writeFileSync(process.env.RECORD_MODULES, JSON.stringify(Object.keys(require.cache))));\n`,
    );
    const env = { ...process.env, RECORD_MODULES: record };
    spawnSync(process.execPath, ['-r', preload, BUILT_CLI, ...args], { cwd: ROOT, env, input: '' });
    const src = path.join(ROOT, 'dist/src') + path.sep;
    return (JSON.parse(fs.readFileSync(record, 'utf8')) as string[]).filter((f) => f.startsWith(src)).map((f) => f.slice(src.length));
  }

  const FORMATTER_FILES = ['stylish', 'json', 'sarif', 'github', 'gcc', 'checkstyle'].map((f) => `format/${f}.js`);
  const HEAVY = [
    'index.js',
    'fix/fix.js',
    'fix/diff.js',
    'fix/write-file.js',
    'cli/rule-docs.js',
    'cli/effective.js',
    'probe/index.js',
    'firewall/index.js',
  ];

  test('a lint loads one formatter, and neither the fixer, the docs, probe nor firewall', () => {
    const loaded = loadedModules(['--no-config', '--format', 'gcc', CLEAN]);
    expect(loaded).toContain('format/gcc.js');
    expect(loaded).toContain('engine/lint.js');
    for (const file of [...FORMATTER_FILES.filter((f) => !f.endsWith('/gcc.js')), ...HEAVY]) expect(loaded).not.toContain(file);
  });

  test('--diff loads the fixer and the diff library', () => {
    const loaded = loadedModules(['--no-config', '--diff', ERRORS]);
    expect(loaded).toEqual(expect.arrayContaining(['fix/fix.js', 'fix/diff.js']));
    for (const file of FORMATTER_FILES) expect(loaded).not.toContain(file);
  });

  test('--explain loads the rule docs and no formatter', () => {
    const loaded = loadedModules(['--explain', 'VSF102']);
    expect(loaded).toContain('cli/rule-docs.js');
    for (const file of [...FORMATTER_FILES, 'fix/fix.js']) expect(loaded).not.toContain(file);
  });
});

/**
 * The fix engine (src/fix/fix.ts) and its guarantees, checked on hand-written cases, on every
 * fixture, on the real-world corpus, on the seeded generated configs of the differential test
 * and on random configs (fast-check):
 *
 *  - idempotent: fix(fix(x).output).output === fix(x).output;
 *  - minimal: every line no applied fix touched is in the output byte for byte and in order
 *    (line endings included: only a fix that edits a line changes its "\r");
 *  - the output re-parses losslessly, `remaining` is lint(output), no allowed fix is left, and a
 *    fixed finding does not reappear;
 *  - no fix introduces an error: per rule id, the output has no more errors than the input.
 *
 * A rule whose fix breaks one of these is a bug in the rule, and fails the suite.
 */
import { applyPatch, createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { fix, lint, parse, print, RULES, MAX_FIX_PASSES, BUILD_IDS, OPTIONS } from '../src';
import type { Finding, FixOptions, FixResult, Rule, TextEdit } from '../src';
import { applyEdits } from '../src/engine/apply-edits';
import { diffPath, unifiedDiff } from '../src/fix/diff';
import { configSeed, generateConfig, GENERATOR_BUILD } from './support/generate-config';
import { CORPUS_DIR, corpusFiles } from './support/corpus';
import { expectEqual, expectSame } from './support/hot-expect';
import { lineOrigins, linesOf } from './support/line-origins';
import { fixableLines } from '../bench/generate';

const ROOT = path.resolve(__dirname, '..');
const FIXTURES = path.join(ROOT, 'fixtures');
/** The syntax rules: hand-written expectations below do not change as other rules are added. */
const SYNTAX = RULES.filter((r) => r.category === 'syntax');

// ---------------------------------------------------------------------------------------------
// The invariant checks, shared by every source of configs below.

type Encoding = 'utf8' | 'latin1';

/** The edits of the applied fixes, in offsets of the input (as `fix` reports them). */
function appliedEdits(result: FixResult): TextEdit[] {
  return result.applied.flatMap((f) => f.fix?.edits ?? []);
}

/**
 * Minimality: the input's lines that no applied edit touches appear in the output unchanged
 * and in order, and only where an edit was made can the output differ. Built as a glob pattern
 * (untouched lines literal, touched lines and insertion points "*") matched against the output.
 */
export function minimalityProblem(input: string, result: FixResult): string | undefined {
  const lines = linesOf(input);
  const touched = new Array<boolean>(lines.length).fill(false);
  /** gap[i]: an insertion just before line i (i === lines.length: at the end). */
  const gap = new Array<boolean>(lines.length + 1).fill(false);
  for (const edit of appliedEdits(result)) {
    let hit = false;
    lines.forEach((line, i) => {
      const inside =
        edit.start < edit.end ? edit.start < line.end && edit.end > line.start : edit.start > line.start && edit.start < line.end;
      if (inside) touched[i] = hit = true;
    });
    if (!hit && edit.start === edit.end) {
      const i = lines.findIndex((l) => l.start === edit.start);
      gap[i === -1 ? lines.length : i] = true;
    }
  }
  // The pattern: untouched lines literal, touched lines and insertion points a wildcard.
  type Token = { readonly star: true } | { readonly star: false; text: string };
  const tokens: Token[] = [];
  const push = (t: Token) => {
    const last = tokens[tokens.length - 1];
    if (last && last.star && t.star) return;
    if (last && !last.star && !t.star) last.text += t.text;
    else tokens.push(t.star ? t : { star: false, text: t.text });
  };
  for (let i = 0; i <= lines.length; i++) {
    if (gap[i]) push({ star: true });
    if (i < lines.length) push(touched[i] ? { star: true } : { star: false, text: lines[i].text });
  }
  // Glob match against the output (leftmost matching of each literal is optimal).
  const out = result.output;
  let pos = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.star) continue;
    const afterStar = k > 0 && tokens[k - 1].star;
    const last = k === tokens.length - 1;
    let at: number;
    if (!afterStar) at = out.startsWith(t.text, pos) ? pos : -1;
    else if (last) at = out.endsWith(t.text) && out.length - t.text.length >= pos ? out.length - t.text.length : -1;
    else at = out.indexOf(t.text, pos);
    if (at === -1) {
      return `untouched text ${JSON.stringify(t.text.slice(0, 200))} is not in the output where expected (from offset ${pos})`;
    }
    pos = at + t.text.length;
  }
  const endsWithStar = tokens.length > 0 && tokens[tokens.length - 1].star;
  if (!endsWithStar && pos !== out.length) return `the output has unexpected text after offset ${pos}`;
  return undefined;
}

const errorCounts = (findings: readonly Finding[]): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const f of findings) if (f.severity === 'error') counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
  return counts;
};

/**
 * Rule ids with more errors in `afterFindings` (of `after`) than in `beforeFindings` (of
 * `before`), counting only errors on lines that had no error of any rule before: a line vsftpd
 * rejected that it still rejects under another diagnosis (e.g. "name=\r", a bad boolean, which
 * the CRLF fix turns into "name=", a missing value) is not a new error.
 */
function newErrors(before: string, beforeFindings: readonly Finding[], after: string, afterFindings: readonly Finding[]): string[] {
  const beforeCounts = errorCounts(beforeFindings);
  const errorLines = new Set(beforeFindings.filter((f) => f.severity === 'error').map((f) => f.line));
  const origins = lineOrigins(before, after);
  const grown: string[] = [];
  for (const [rule, n] of errorCounts(afterFindings)) {
    if (n <= (beforeCounts.get(rule) ?? 0)) continue;
    const unexplained = afterFindings.filter(
      (f) => f.ruleId === rule && f.severity === 'error' && !(origins.get(f.line) ?? [f.line]).some((l) => errorLines.has(l)),
    );
    if (unexplained.length > 0) grown.push(rule);
  }
  return grown;
}

const key = (f: Finding) => `${f.ruleId}\u0000${f.option}\u0000${f.message}`;

/** Every guarantee of `fix` for one input; returns the result. */
function checkFix(input: string, options: FixOptions & { encoding?: Encoding } = {}): FixResult {
  const result = fix(input, options);
  const encoding = options.encoding ?? 'utf8';
  const rules = options.rules ?? RULES.filter((r) => r.enabledByDefault !== false);
  const lintOptions = { target: options.target, encoding, rules };
  // Re-parses losslessly, and `remaining` is what lint says about the output.
  expectSame(print(parse(result.output, { encoding })), result.output);
  expectEqual(result.remaining, lint(result.output, lintOptions));
  // Converged: nothing left that this run was allowed to fix.
  const allowed = options.unsafe ? ['safe', 'unsafe'] : ['safe'];
  const leftover = result.remaining.filter(
    (f) => f.fix && allowed.includes(f.fix.safety) && applyEdits(result.output, f.fix.edits) !== result.output,
  );
  expectEqual(leftover, []);
  // Idempotent.
  expectSame(fix(result.output, options).output, result.output);
  // Minimal.
  expectSame(minimalityProblem(input, result), undefined);
  // A fixed finding does not come back.
  const fixedKeys = new Set(result.applied.map(key));
  expectEqual(
    result.remaining.filter((f) => fixedKeys.has(key(f))),
    [],
  );
  // No new error. Syntax errors are compared with the input. The other rules stay silent while
  // vsftpd would reject the file, so their errors are compared with the text in which only the
  // syntax rules' fixes are applied: what the other rules' fixes add is theirs.
  const syntaxRules = rules.filter((r) => r.category === 'syntax');
  const isSyntax = (f: Finding) => syntaxRules.some((r) => r.id === f.ruleId);
  const syntaxOnly = fix(input, { ...options, rules: syntaxRules }).output;
  const grown = [
    ...newErrors(input, lint(input, lintOptions), result.output, result.remaining.filter(isSyntax)),
    ...newErrors(
      syntaxOnly,
      lint(syntaxOnly, lintOptions),
      result.output,
      result.remaining.filter((f) => !isSyntax(f)),
    ),
  ];
  expectEqual(grown, []);
  // Diff and output agree; an unchanged text has an empty diff and nothing applied.
  if (result.output === input) {
    expectSame(result.diff, '');
    expectEqual(result.applied, []);
  } else {
    expectSame(result.diff, unifiedDiff(options.path ?? 'vsftpd.conf', input, result.output));
    if (result.applied.length === 0) expect(result.applied.length).toBeGreaterThan(0);
  }
  return result;
}

function decodeFile(bytes: Buffer): { text: string; encoding: Encoding } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf8' };
  } catch {
    return { text: bytes.toString('latin1'), encoding: 'latin1' };
  }
}

function fixtureFiles(): string[] {
  return fs
    .readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.conf'))
    .map((f) => `fixtures/${f.split(path.sep).join('/')}`)
    .sort();
}

// ---------------------------------------------------------------------------------------------

/** A tiny rule for engine tests: reports `edits` (as a fix of `safety`) while `when` holds. */
function testRule(id: string, edits: (text: string) => TextEdit[] | undefined, safety: 'safe' | 'unsafe' = 'safe'): Rule {
  return {
    id,
    name: `test-${id.toLowerCase()}`,
    // 'syntax': the other categories are skipped while the text does not parse as vsftpd.conf.
    category: 'syntax',
    severity: 'error',
    fixable: safety,
    summary: 'test rule',
    docs: { what: '', why: '', prevents: '', example: { bad: '', good: '' }, fix: '' },
    check({ document, report }) {
      const e = edits(document.text);
      if (e) report({ message: `${id} fires`, fix: { safety, edits: e } });
    },
  };
}

describe('fix(): the engine', () => {
  test('nothing to fix: the input comes back, an empty diff, nothing applied', () => {
    const text = '# ok\nlisten=YES\n';
    const result = fix(text, { rules: SYNTAX });
    expect(result).toEqual({ output: text, diff: '', applied: [], remaining: [], passes: 0 });
  });

  test('applies safe fixes, leaves unsafe ones unless asked', () => {
    const text = 'listen=YES \npasv_enabled=YES\n';
    const safe = checkFix(text, { rules: SYNTAX });
    expect(safe.output).toBe('listen=YES\npasv_enabled=YES\n');
    expect(safe.applied.map((f) => f.name)).toEqual(['bad-bool-value']);
    expect(safe.remaining.map((f) => [f.name, f.fixable])).toContainEqual(['unknown-option', 'unsafe']);
    const unsafe = checkFix(text, { unsafe: true, rules: SYNTAX });
    expect(unsafe.output).toBe('listen=YES\npasv_enable=YES\n');
    expect(unsafe.applied.map((f) => f.name)).toEqual(['bad-bool-value', 'unknown-option']);
  });

  test('the diff has a/ and b/ headers for the path given', () => {
    const { diff } = fix('listen=YES \n', { path: 'etc/vsftpd.conf' });
    expect(diff).toBe('--- a/etc/vsftpd.conf\n+++ b/etc/vsftpd.conf\n@@ -1,1 +1,1 @@\n-listen=YES \n+listen=YES\n');
    expect(fix('listen=YES \n').diff).toMatch(/^--- a\/vsftpd\.conf\n\+\+\+ b\/vsftpd\.conf\n/);
  });

  test('a fix whose edits overlap an accepted fix waits for the next pass', () => {
    // Two rules that both want to rewrite "ab": the second applies to the first one's result.
    const first = testRule('X1', (t) => (t.startsWith('ab') ? [{ start: 0, end: 2, text: 'cd' }] : undefined));
    const second = testRule('X2', (t) => (t.startsWith('abx') || t.startsWith('cdx') ? [{ start: 1, end: 3, text: 'Z' }] : undefined));
    const result = fix('abx\n', { rules: [first, second] });
    expect(result.passes).toBe(2);
    expect(result.output).toBe('cZ\n');
    expect(result.applied.map((f) => f.ruleId)).toEqual(['X1', 'X2']);
  });

  test('settings appended by several rules to a last line without a newline get one separator', () => {
    const append = (id: string, line: string) =>
      testRule(id, (t) =>
        t.includes(line) ? undefined : [{ start: t.length, end: t.length, text: `${t.endsWith('\n') ? '' : '\n'}${line}\n` }],
      );
    const result = fix('x=1', { rules: [append('A1', 'a=1'), append('B1', 'b=2')] });
    expect(result.output).toBe('x=1\na=1\nb=2\n');
    expect(result.applied.map((f) => f.fix!.edits[0].text)).toEqual(['\na=1\n', 'b=2\n']);
  });

  test('insertions at the same offset are applied in one pass, in finding order', () => {
    // As when several rules each append a missing setting at the end of the file.
    const a = testRule('A1', (t) => (t.includes('a') ? undefined : [{ start: t.length, end: t.length, text: 'a\n' }]));
    const b = testRule('B1', (t) => (t.includes('b') ? undefined : [{ start: t.length, end: t.length, text: 'b\n' }]));
    const result = fix('x\n', { rules: [b, a] });
    expect(result.output).toBe('x\na\nb\n');
    expect(result.passes).toBe(1);
    expect(result.applied.map((f) => f.ruleId)).toEqual(['A1', 'B1']);
  });

  test('an insertion inside a replaced range waits; one at its start goes before it', () => {
    const replace = testRule('R1', (t) => (t.startsWith('abc') ? [{ start: 0, end: 3, text: 'XYZ' }] : undefined));
    const inside = testRule('R2', (t) => (t.includes('!') ? undefined : [{ start: 1, end: 1, text: '!' }]));
    expect(fix('abc', { rules: [replace, inside] })).toMatchObject({ output: 'X!YZ', passes: 2 });
    const before = testRule('R3', (t) => (t.startsWith('>') ? undefined : [{ start: 0, end: 0, text: '>' }]));
    expect(fix('abc', { rules: [replace, before] })).toMatchObject({ output: '>XYZ', passes: 1 });
  });

  test(`a fix that never converges is an error naming the rule after ${MAX_FIX_PASSES} passes`, () => {
    const grow = testRule('G1', (t) => [{ start: t.length, end: t.length, text: 'x' }]);
    expect(() => fix('', { rules: [grow] })).toThrow(/did not converge after 10 passes.*G1 test-g1/);
    // Ten passes are allowed.
    let n = 0;
    const tenTimes = testRule('T1', (t) => (t.length < 10 ? [{ start: t.length, end: t.length, text: String(n++ % 10) }] : undefined));
    expect(fix('', { rules: [tenTimes] }).output).toHaveLength(10);
  });

  test('two rules undoing each other do not converge either', () => {
    const up = testRule('U1', (t) => (t === 'a' ? [{ start: 0, end: 1, text: 'A' }] : undefined));
    const down = testRule('D1', (t) => (t === 'A' ? [{ start: 0, end: 1, text: 'a' }] : undefined));
    expect(() => fix('a', { rules: [up, down] })).toThrow(/U1 test-u1|D1 test-d1/);
  });

  test('a fix that changes nothing is not applied (and does not loop)', () => {
    const noop = testRule('N1', (t) => [{ start: 0, end: Math.min(1, t.length), text: t.slice(0, 1) }]);
    const result = fix('abc', { rules: [noop] });
    expect(result).toMatchObject({ output: 'abc', applied: [], passes: 0 });
    expect(result.remaining).toHaveLength(1);
  });

  test('an edit outside the text is reported as a rule bug', () => {
    const bad = testRule('O1', (t) => [{ start: t.length, end: t.length + 1, text: '' }]);
    expect(() => fix('abc', { rules: [bad] })).toThrow(/O1 test-o1 reported an edit \[3, 4\) outside the text/);
  });

  test('safe fixes are applied before unsafe ones are chosen', () => {
    // The unsafe rule fires while "listen" is not readable; the safe fix makes it readable.
    const safe = testRule('S1', (t) =>
      t.includes('listen =YES') ? [{ start: t.indexOf(' ='), end: t.indexOf(' =') + 1, text: '' }] : undefined,
    );
    const unsafe = testRule(
      'V1',
      (t) => (/^listen=/m.test(t) ? undefined : [{ start: t.length, end: t.length, text: 'listen=NO\n' }]),
      'unsafe',
    );
    const result = fix('listen =YES\n', { rules: [safe, unsafe], unsafe: true });
    expect(result.output).toBe('listen=YES\n');
    expect(result.applied.map((f) => f.ruleId)).toEqual(['S1']);
  });

  test('findings fixed in a later pass are reported at their position in the input', () => {
    // Pass 1 inserts two lines at the top; pass 2 fixes "b" on what was line 2 of the input.
    const top = testRule('P1', (t) => (t.startsWith('#') ? undefined : [{ start: 0, end: 0, text: '#1\n#2\n' }]));
    const later: Rule = {
      ...testRule('P2', () => undefined),
      check({ document, report }) {
        if (!document.text.startsWith('#')) return;
        const line = document.lines.find((l) => l.text === 'b');
        if (line) report({ line, message: 'b', fix: { safety: 'safe', edits: [{ start: line.start, end: line.start + 1, text: 'B' }] } });
      },
    };
    const result = fix('a\nb\n', { rules: [top, later] });
    expect(result.output).toBe('#1\n#2\na\nB\n');
    const p2 = result.applied.find((f) => f.ruleId === 'P2')!;
    expect([p2.line, p2.column]).toEqual([2, 1]);
    expect(p2.fix!.edits).toEqual([{ start: 2, end: 3, text: 'B' }]);
    expect(minimalityProblem('a\nb\n', result)).toBeUndefined();
  });

  test('line endings are changed only by a fix that edits the line', () => {
    // Without the crlf rule, a CRLF file keeps every "\r\n" the other fixes do not touch.
    const rules = SYNTAX;
    const text = '# c\r\nlisten=YES \n\r\nftpd_banner=hi\r\nanonymous_enable=NO\r\n';
    const result = checkFix(text, { rules });
    // The comment and blank line keep their "\r"; the fixes that trim a value remove it.
    expect(result.output).toBe('# c\r\nlisten=YES\n\r\nftpd_banner=hi\nanonymous_enable=NO\n');
    expect(result.applied.map((f) => f.name)).toEqual(['bad-bool-value', 'string-whitespace', 'bad-bool-value']);
    // With it, every line loses its "\r".
    const all = checkFix(text, { rules: [...SYNTAX, RULES.find((r) => r.name === 'crlf-line-endings')!] });
    expect(all.output).toBe('# c\nlisten=YES\n\nftpd_banner=hi\nanonymous_enable=NO\n');
  });

  test('a latin1 text is fixed as latin1: the BOM is three characters', () => {
    const text = '\xEF\xBB\xBFlisten=YES\nftpd_banner=caf\xE9\n';
    const result = checkFix(text, { encoding: 'latin1', rules: SYNTAX });
    expect(result.output).toBe('listen=YES\nftpd_banner=caf\xE9\n');
  });

  test('a missing final newline stays missing', () => {
    expect(checkFix('listen=YES\nwrite_enable=YES ', { rules: SYNTAX }).output).toBe('listen=YES\nwrite_enable=YES');
  });

  test("settings appended by several rules never end past vsftpd's 100,000-byte read limit", () => {
    // Each rule checks that its own line fits; together they might not. Sweep the room left.
    const head = 'listen=YES\nanonymous_enable=NO\nlocal_enable=YES\npasv_min_port=40000\npasv_max_port=40100\n';
    for (let room = 0; room <= 300; room += 7) {
      let text = head;
      for (let n = 100_000 - room - head.length; n > 0; n -= 100) {
        const len = Math.min(100, n);
        text += len === 1 ? '\n' : `#${'x'.repeat(len - 2)}\n`;
      }
      expect(Buffer.byteLength(text)).toBe(100_000 - room);
      const result = checkFix(text, { unsafe: true });
      expect(Buffer.byteLength(result.output)).toBeLessThanOrEqual(100_000);
      expect(result.remaining.filter((f) => f.name === 'file-too-large')).toEqual([]);
    }
  });

  test('an unknown target is an error', () => {
    expect(() => fix('listen=YES\n', { target: 'solaris' })).toThrow();
  });
});

describe('diffPath', () => {
  test.each([
    ['vsftpd.conf', 'vsftpd.conf'],
    ['./etc/vsftpd.conf', 'etc/vsftpd.conf'],
    ['/etc/vsftpd.conf', 'etc/vsftpd.conf'],
    ['a//b/../c.conf', 'a/c.conf'],
    ['../x.conf', '../x.conf'],
    ['a/../../x.conf', '../x.conf'],
    ['/../x.conf', 'x.conf'],
    ['a\\b.conf', 'a/b.conf'],
  ])('%s -> %s', (input, expected) => {
    expect(diffPath(input)).toBe(expected);
  });
});

describe('unifiedDiff', () => {
  /** Texts of a few distinct lines, so that equal lines recur (CRLF and a missing final newline too). */
  const texts = (maxLines: number) =>
    fc
      .tuple(
        fc.array(fc.constantFrom('listen=YES\n', 'listen=NO\n', '# c\n', '\n', 'a=1\r\n', 'b\n'), { maxLength: maxLines }),
        fc.constantFrom('', 'last'),
      )
      .map(([lines, last]) => lines.join('') + last);
  const edited = (maxLines: number) =>
    texts(maxLines).chain((before) =>
      fc.array(fc.tuple(fc.nat(), fc.constantFrom('', 'x=1\n', 'listen=YES\n', '\n'), fc.nat(3)), { maxLength: 40 }).map((edits) => {
        const lines = before.split(/(?<=\n)/);
        for (const [at, text, removed] of edits) lines.splice(at % (lines.length + 1), removed, text);
        return [before, lines.join('')] as const;
      }),
    );

  test('the patch turns the old text into the new one, also past the window Myers compares at once', () => {
    fc.assert(
      fc.property(edited(400), ([before, after]) => {
        const patch = unifiedDiff('f.conf', before, after);
        expect(patch === '').toBe(before === after);
        if (patch !== '') expect(applyPatch(before, patch)).toBe(after);
      }),
      { numRuns: 300, seed: 14 },
    );
  });

  test("texts of up to 64 lines get exactly the diff library's own patch", () => {
    fc.assert(
      fc.property(edited(50), ([before, after]) => {
        fc.pre(before !== after && before.split('\n').length <= 64 && after.split('\n').length <= 64);
        const library = createTwoFilesPatch('a/f.conf', 'b/f.conf', before, after, undefined, undefined, {
          context: 3,
          headerOptions: FILE_HEADERS_ONLY,
        });
        expect(unifiedDiff('f.conf', before, after)).toBe(library);
      }),
      { numRuns: 300, seed: 14 },
    );
  });

  test('every line changed in a large file: one hunk, every line removed and added', () => {
    const before = Array.from({ length: 20_000 }, (_, i) => `option_${i}=yes\n`).join('');
    const after = before.replace(/=yes/g, '=YES');
    const patch = unifiedDiff('f.conf', before, after);
    expect(patch.startsWith('--- a/f.conf\n+++ b/f.conf\n@@ -1,20000 +1,20000 @@\n')).toBe(true);
    expect(applyPatch(before, patch)).toBe(after);
  });
});

describe('fix() on large inputs', () => {
  const editsOf = (applied: readonly Finding[]) => applied.reduce((n, f) => n + f.fix!.edits.length, 0);

  test('2,000 fixable lines: every guarantee holds', () => {
    const result = checkFix(fixableLines(2_000));
    // One cause repeated on many lines is one finding whose fix edits each line.
    expect(editsOf(result.applied)).toBeGreaterThanOrEqual(2_000);
  });

  test('8,000 fixable lines (96 kB, inside the read limit): all fixed, nothing fixable left', () => {
    const input = fixableLines(8_000);
    expect(Buffer.byteLength(input)).toBe(96_000);
    const result = fix(input);
    expect(editsOf(result.applied)).toBeGreaterThanOrEqual(8_000);
    expect(fix(result.output).passes).toBe(0);
  });

  test('a file over the read limit keeps its length: no fix pulls unread text in or pushes settings out', () => {
    const input = fixableLines(16_000);
    for (const unsafe of [false, true]) {
      const { output } = fix(input, { unsafe });
      expect(output.length).toBe(input.length);
      expect(output.slice(100_000)).toBe(input.slice(100_000));
    }
  });

  test.each([16_000, 80_000])('%i fixable lines converge; what lies past the read limit is reported, not fixed', (lines) => {
    const result = fix(fixableLines(lines));
    expect(result.passes).toBeLessThanOrEqual(MAX_FIX_PASSES);
    expect(fix(result.output).passes).toBe(0);
    expect(result.remaining.some((f) => f.name === 'file-too-large')).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------

/** One config checked with safe fixes and with unsafe ones. */
function fixCases(label: string, text: string, encoding: Encoding, target?: string): void {
  for (const unsafe of [false, true]) {
    test(`${label} (${unsafe ? 'unsafe' : 'safe'} fixes)`, () => {
      checkFix(text, { encoding, unsafe, target, path: label });
    });
  }
}

describe('guarantees on every fixture', () => {
  for (const file of fixtureFiles()) {
    const { text, encoding } = decodeFile(fs.readFileSync(path.join(ROOT, file)));
    fixCases(file, text, encoding);
  }
});

describe('the bundled example', () => {
  const text = fs.readFileSync(path.join(ROOT, 'fixtures/examples/edited-vsftpd.conf'), 'utf8');

  test('safe fixes repair every syntax error except the ambiguous typo', () => {
    const result = checkFix(text);
    const errors = result.remaining.filter((f) => f.category === 'syntax' && f.severity === 'error');
    expect(errors.map((f) => f.option)).toEqual(['pasv_enabled']);
    expect(result.output).toContain('\nlisten=YES\n');
    expect(result.output).toContain('\n# passive mode for clients behind NAT\n');
    expect(result.output).toContain('\nchroot_local_user=YES\n');
  });

  test('unsafe fixes leave no syntax error', () => {
    const result = checkFix(text, { unsafe: true });
    expect(result.remaining.filter((f) => f.category === 'syntax' && f.severity === 'error')).toEqual([]);
  });
});

describe('guarantees on the real-world corpus', () => {
  const files = corpusFiles();
  if (files.length === 0) {
    test.skip(`(no corpus at ${CORPUS_DIR ?? 'any known place'})`, () => undefined);
    return;
  }
  for (const file of files) {
    const { text, encoding } = decodeFile(fs.readFileSync(path.join(CORPUS_DIR!, file)));
    fixCases(`corpus/${file}`, text, encoding);
  }
});

describe('guarantees on the generated configs of the differential test', () => {
  const SEED = 0x5eed2024;
  const COUNT = Number(process.env.FIX_GEN_COUNT ?? 150);
  test(`${COUNT} configs (seed ${SEED}), safe and unsafe fixes`, () => {
    for (let i = 0; i < COUNT; i++) {
      const text = generateConfig(configSeed(SEED, i));
      for (const unsafe of [false, true]) {
        try {
          checkFix(text, { unsafe, target: GENERATOR_BUILD });
        } catch (err) {
          throw new Error(
            `config #${i} (configSeed ${configSeed(SEED, i)}, ${unsafe ? 'unsafe' : 'safe'}) ${JSON.stringify(text)}:\n${String(err)}`,
          );
        }
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Property test: configs built from real option names and values, with the mistakes people make.

const DEBIAN_OPTIONS = OPTIONS.filter((o) => !o.builds || o.builds.includes('debian-3.0.3'));
const byType = (type: string) => DEBIAN_OPTIONS.filter((o) => o.type === type).map((o) => o.name);
const BOOLS = byType('bool');
const UINTS = byType('uint');
const STRINGS = byType('string');
const ANY_NAME = DEBIAN_OPTIONS.map((o) => o.name);

const boolValue = fc.constantFrom('YES', 'NO', 'yes', 'No', 'TRUE', 'false', '1', '0');
const uintValue = fc.constantFrom('21', '40000', '022', '077', '0', '600', '040000', '22');
const stringValue = fc.constantFrom('vsftpd', '/var/run/vsftpd/empty', 'Welcome to FTP', '/etc/vsftpd.userlist', 'ftp');

/** A correct setting line. */
const goodLine = fc.oneof(
  fc.tuple(fc.constantFrom(...BOOLS), boolValue).map(([n, v]) => `${n}=${v}`),
  fc.tuple(fc.constantFrom(...UINTS), uintValue).map(([n, v]) => `${n}=${v}`),
  fc.tuple(fc.constantFrom(...STRINGS), stringValue).map(([n, v]) => `${n}=${v}`),
);

const typo = (name: string, kind: number): string => {
  switch (kind % 5) {
    case 0:
      return name.toUpperCase();
    case 1:
      return name[0].toUpperCase() + name.slice(1);
    case 2:
      return name.replace(/_/g, '-');
    case 3:
      return name.slice(0, -1);
    default:
      return `${name}d`;
  }
};

/** A line with one of the usual mistakes. */
const badLine = fc.oneof(
  fc.tuple(fc.constantFrom(...BOOLS), boolValue, fc.constantFrom(' ', '\t', '  ', '\r', ' \r')).map(([n, v, blank]) => `${n}=${v}${blank}`),
  fc
    .tuple(fc.constantFrom(...BOOLS), fc.constantFrom('ON', 'off', 'Y', 'n', '"YES"', "'NO'", 'enabled', 'maybe'))
    .map(([n, v]) => `${n}=${v}`),
  fc.tuple(fc.constantFrom(...BOOLS), boolValue, fc.constantFrom('# comment', '#', '  # why')).map(([n, v, c]) => `${n}=${v} ${c}`),
  fc.tuple(fc.constantFrom(...ANY_NAME), fc.constantFrom(' = ', ' =', '= ', '\t=\t'), boolValue).map(([n, eq, v]) => `${n}${eq}${v}`),
  fc.tuple(fc.constantFrom(' ', '    ', '\t'), fc.constantFrom('# passive mode', '#listen=YES', '#')).map(([indent, c]) => `${indent}${c}`),
  fc.tuple(fc.constantFrom(...ANY_NAME), fc.nat(), boolValue).map(([n, k, v]) => `${typo(n, k)}=${v}`),
  fc.tuple(fc.constantFrom(...STRINGS), fc.constantFrom(' ', '\t', '\r', '  ')).map(([n, v]) => `${n}=${v}`),
  fc.tuple(fc.constantFrom(...STRINGS), stringValue, fc.constantFrom(' ', '\t ')).map(([n, v, b]) => `${n}=${b}${v}${b}`),
  fc.tuple(fc.constantFrom(...UINTS), fc.constantFrom('040000', '021', '22', '0x10', '12abc', '')).map(([n, v]) => `${n}=${v}`),
  fc.tuple(fc.constantFrom(...BOOLS), boolValue).map(([n, v]) => `${n} ${v}`),
  fc.constantFrom('listen=YES', 'listen_ipv6=YES', 'anonymous_enable=YES', 'pasv_enable=NO', 'pasv_min_port=40000'),
);

const otherLine = fc.constantFrom('', '# comment', '#', '   ', '# vsftpd.conf');

interface RandomConfig {
  readonly text: string;
  readonly target: string;
  readonly withoutCrlfRule: boolean;
}

const randomConfig: fc.Arbitrary<RandomConfig> = fc
  .record({
    lines: fc.array(fc.oneof({ weight: 4, arbitrary: goodLine }, { weight: 3, arbitrary: badLine }, { weight: 1, arbitrary: otherLine }), {
      maxLength: 25,
    }),
    eol: fc.constantFrom('\n', '\n', '\n', '\r\n', 'mixed'),
    bom: fc.boolean().map((b) => b && Math.random() < 0.2),
    finalNewline: fc.boolean(),
    duplicate: fc.boolean(),
    target: fc.constantFrom(...BUILD_IDS),
    withoutCrlfRule: fc.boolean(),
  })
  .map(({ lines, eol, bom, finalNewline, duplicate, target, withoutCrlfRule }) => {
    const all = duplicate && lines.length > 0 ? [...lines, lines[0]] : lines;
    const ends = all.map((_, i) => (eol === 'mixed' ? (i % 3 === 0 ? '\r\n' : '\n') : eol));
    let text = all.map((l, i) => l + ends[i]).join('');
    if (!finalNewline && text.endsWith('\n')) text = text.replace(/\r?\n$/, '');
    return { text: (bom ? '\uFEFF' : '') + text, target, withoutCrlfRule };
  });

function propertySeed(): { seed?: number } {
  const raw = process.env.FIX_PROPERTY_SEED;
  if (raw === 'random') return {};
  return { seed: raw === undefined ? 20261126 : Number(raw) };
}

describe('property: idempotent and minimal (and the rest) on random configs with typical mistakes', () => {
  const NO_CRLF = RULES.filter((r) => r.name !== 'crlf-line-endings');
  for (const unsafe of [false, true]) {
    test(`${unsafe ? 'unsafe' : 'safe'} fixes`, () => {
      fc.assert(
        fc.property(randomConfig, ({ text, target, withoutCrlfRule }) => {
          const options: FixOptions = { unsafe, target, ...(withoutCrlfRule ? { rules: NO_CRLF } : {}) };
          // Idempotence and minimality, and the other guarantees of checkFix on the way.
          checkFix(text, options);
        }),
        // A fixed seed keeps CI reproducible; FIX_PROPERTY_SEED=random (or a number) and
        // FIX_PROPERTY_RUNS explore further.
        { numRuns: Number(process.env.FIX_PROPERTY_RUNS ?? 400), ...propertySeed() },
      );
    });
  }
});

describe('the minimality check itself', () => {
  const result = (output: string, edits: TextEdit[]): FixResult => ({
    output,
    diff: '',
    applied: [{ fix: { safety: 'safe', edits } } as unknown as Finding],
    remaining: [],
    passes: 1,
  });

  test('accepts a change confined to the edited line', () => {
    expect(minimalityProblem('a\nb \nc\n', result('a\nb\nc\n', [{ start: 3, end: 4, text: '' }]))).toBeUndefined();
  });

  test('rejects a change on a line no edit touched', () => {
    expect(minimalityProblem('a\nb \nc\r\n', result('a\nb\nc\n', [{ start: 3, end: 4, text: '' }]))).toBeDefined();
    expect(minimalityProblem('a\nb\n', result('a\nb\nx\n', [{ start: 0, end: 1, text: 'a' }]))).toBeDefined();
  });

  test('accepts lines inserted where an edit inserts them', () => {
    expect(minimalityProblem('a\nb\n', result('a\nb\nlisten=YES\n', [{ start: 4, end: 4, text: 'listen=YES\n' }]))).toBeUndefined();
    expect(minimalityProblem('a\nb\n', result('a\nx\nb\n', [{ start: 2, end: 2, text: 'x\n' }]))).toBeUndefined();
    expect(minimalityProblem('a\nb\n', result('x\na\nb\n', [{ start: 2, end: 2, text: 'x\n' }]))).toBeDefined();
  });

  test('a removed line is a change of that line', () => {
    expect(minimalityProblem('a\nb\nc\n', result('a\nc\n', [{ start: 2, end: 4, text: '' }]))).toBeUndefined();
    expect(minimalityProblem('a\nb\nc\n', result('a\nb\n', [{ start: 2, end: 4, text: '' }]))).toBeDefined();
  });
});

describe('fix passes the lint options through', () => {
  it('writes the passive range given as pasvRange', () => {
    const { output } = fix('listen=YES\npasv_enable=YES\n', {
      unsafe: true,
      rules: RULES.filter((r) => r.name === 'pasv-range-missing'),
      pasvRange: { min: 50000, max: 50010 },
    });
    expect(output).toBe('listen=YES\npasv_enable=YES\npasv_min_port=50000\npasv_max_port=50010\n');
  });

  it('leaves a suppressed finding alone, and fixes it with inlineConfig: false', () => {
    const text = '# vsftpd-lint disable-next-line indented-setting\n  listen=YES\n';
    const rules = RULES.filter((r) => r.name === 'indented-setting');
    expect(fix(text, { rules }).output).toBe(text);
    expect(fix(text, { rules, inlineConfig: false }).output).toBe('# vsftpd-lint disable-next-line indented-setting\nlisten=YES\n');
  });
});

test('text that extends the last line (no final newline) is not put after settings appended there', () => {
  const text = 'listen=YES\ncmds_allowed=FEAT,TYPE,CWD,PWD,LIST,RETR,QUIT';
  const { output } = fix(text, { unsafe: true });
  expect(output).toContain('cmds_allowed=FEAT,TYPE,CWD,PWD,LIST,RETR,QUIT,PASV,EPSV\n');
  expect(output).not.toMatch(/^,PASV/m);
});

/**
 * The fix engine: lint, apply every fix that does not collide with another, re-parse, re-lint,
 * until nothing fixable is left (ESLint's multipass model, ruff's safe/unsafe split).
 */
import { byteLength, VSFTPD_READ_LIMIT } from '../parser/document';
import type { Encoding } from '../parser/document';
import { parse } from '../parser/parse';
import { lintDocument } from '../engine/lint';
import type { LintOptions } from '../engine/lint';
import type { Finding, FixSafety, TextEdit } from '../engine/finding';
import { applyEdits } from './apply-edits';
import { unifiedDiff } from './diff';

/** How many lint-and-fix passes `fix` makes before it gives up. */
export const MAX_FIX_PASSES = 10;

export interface FixOptions extends LintOptions {
  /** Also apply fixes marked `unsafe` (they change what the server does). Default false. */
  readonly unsafe?: boolean;
  /**
   * The file's path, used in the diff headers (`--- a/PATH`, `+++ b/PATH`). Default
   * "vsftpd.conf". A leading "/" or "./" is dropped so that `patch -p1` and `git apply` accept it.
   */
  readonly path?: string;
}

export interface FixResult {
  /** The fixed text (the input itself when nothing was fixed). */
  readonly output: string;
  /** Unified diff from the input to `output`; "" when nothing changed. */
  readonly diff: string;
  /**
   * The findings whose fix was applied, in the order they were applied. Their positions
   * (line, column, and the offsets of `fix.edits`) refer to the input text; a fix applied in a
   * later pass to text an earlier pass inserted points at the whole range that pass replaced.
   */
  readonly applied: readonly Finding[];
  /** `lint(output)`: what is left, with positions in `output`. */
  readonly remaining: readonly Finding[];
  /** How many passes applied at least one fix (0 when nothing was fixable). */
  readonly passes: number;
}

/**
 * Applies the fixes of `lint(text)` and returns the fixed text, a unified diff, what was fixed
 * and what remains. Only `safe` fixes are applied unless `options.unsafe` is set.
 *
 * Each pass lints the current text and applies every allowed fix whose edits do not overlap the
 * edits of a fix already accepted in that pass (findings are taken in position order); a fix that
 * lost is left for the next pass, which re-parses and re-lints the result. A pass applies safe
 * fixes while there are any, and only then (with `unsafe`) the unsafe ones. After
 * {@link MAX_FIX_PASSES} passes the text must be stable: a rule whose fix keeps changing the text
 * is a bug, reported as an Error naming the rules involved. Throws also for an unknown target and
 * for a rule that reports an edit outside the text.
 */
export function fix(text: string, options: FixOptions = {}): FixResult {
  const encoding: Encoding = options.encoding ?? 'utf8';
  const { unsafe: _unsafe, path: _path, ...lintOptions }: FixOptions = { ...options, encoding };
  /** The edits of each pass, in the coordinates of the text that pass started from. */
  const history: TextEdit[][] = [];
  const applied: Finding[] = [];
  let current = text;
  let findings = lintDocument(parse(current, { encoding }), lintOptions);
  for (let pass = 1; ; pass++) {
    // Safe fixes first: an unsafe fix is chosen on text whose syntax is already repaired (an
    // option a safe fix makes readable may change what the unsafe fix would do).
    let selection = selectFixes(current, encoding, findings, SAFE);
    if (selection.accepted.length === 0 && options.unsafe) selection = selectFixes(current, encoding, findings, ALL);
    const { accepted, edits } = selection;
    if (accepted.length === 0) break;
    if (pass > MAX_FIX_PASSES) {
      const rules = [...new Set(accepted.map((f) => `${f.ruleId} ${f.name}`))].join(', ');
      throw new Error(
        `fixes did not converge after ${MAX_FIX_PASSES} passes; the text still changes (rules: ${rules})`,
      );
    }
    const next = applyEdits(current, edits);
    applied.push(...accepted.map((f) => toInputPosition(f, current, history, text)));
    history.push(edits);
    current = next;
    findings = lintDocument(parse(current, { encoding }), lintOptions);
  }
  return {
    output: current,
    diff: current === text ? '' : unifiedDiff(options.path ?? 'vsftpd.conf', text, current),
    applied,
    remaining: findings,
    passes: history.length,
  };
}

const SAFE: ReadonlySet<FixSafety> = new Set<FixSafety>(['safe']);
const ALL: ReadonlySet<FixSafety> = new Set<FixSafety>(['safe', 'unsafe']);

interface Selection {
  /** Findings whose fix is applied in this pass. */
  readonly accepted: Finding[];
  /** Their edits, non-overlapping. */
  readonly edits: TextEdit[];
}

/**
 * The fixes one pass applies: allowed safety, edits in bounds, changing the text, and not
 * colliding with an edit already accepted.
 */
function selectFixes(
  text: string,
  encoding: Encoding,
  findings: readonly Finding[],
  allowed: ReadonlySet<FixSafety>,
): Selection {
  const accepted: Finding[] = [];
  const edits: TextEdit[] = [];
  const bytes = (s: string) => byteLength(s, encoding);
  let size = bytes(text);
  for (const finding of findings) {
    const fix = finding.fix;
    if (!fix || !allowed.has(fix.safety) || fix.edits.length === 0) continue;
    for (const edit of fix.edits) checkEdit(edit, text, finding);
    if (fix.edits.every((e) => text.slice(e.start, e.end) === e.text)) continue; // changes nothing
    if (selfOverlapping(fix.edits)) {
      throw new Error(`rule ${finding.ruleId} ${finding.name} reported a fix with overlapping edits`);
    }
    if (fix.edits.some((e) => edits.some((a) => collide(e, a)))) continue; // a later pass gets it
    const joined = fix.edits.map((e) => joinAppend(text, e, edits));
    const growth = joined.reduce((sum, e) => sum + bytes(e.text) - bytes(text.slice(e.start, e.end)), 0);
    // Each rule checks that what it appends stays within vsftpd's read limit, but not that what
    // other rules append in the same pass leaves room for it: past the limit, it waits a pass.
    const sharesInsertion = joined.some((e) => e.start === e.end && edits.some((a) => a.start === e.start && a.end === e.start));
    if (sharesInsertion && growth > 0 && size + growth > VSFTPD_READ_LIMIT) continue;
    size += growth;
    accepted.push(joined.every((e, i) => e === fix.edits[i]) ? finding : { ...finding, fix: { ...fix, edits: joined } });
    edits.push(...joined);
  }
  return { accepted, edits };
}

/**
 * An insertion that follows another at the same offset, after a last line without a newline:
 * both begin with the "\n" that ends that line (as `appendLines` writes them), and only the first
 * one needs it, or the result would have blank lines between the appended settings.
 */
function joinAppend(text: string, edit: TextEdit, accepted: readonly TextEdit[]): TextEdit {
  if (edit.start !== edit.end || edit.start === 0 || text[edit.start - 1] === '\n') return edit;
  if (!edit.text.startsWith('\n')) return edit;
  const before = accepted.filter((a) => a.start === edit.start && a.end === edit.start);
  if (before.length === 0 || !before[before.length - 1].text.endsWith('\n')) return edit;
  return { ...edit, text: edit.text.slice(1) };
}

function checkEdit(edit: TextEdit, text: string, finding: Finding): void {
  const ok =
    Number.isInteger(edit.start) && Number.isInteger(edit.end) &&
    edit.start >= 0 && edit.start <= edit.end && edit.end <= text.length;
  if (!ok) {
    throw new Error(
      `rule ${finding.ruleId} ${finding.name} reported an edit [${edit.start}, ${edit.end}) ` +
        `outside the text (length ${text.length})`,
    );
  }
}

/**
 * Two edits collide when their ranges share a character, or when one inserts text strictly
 * inside the range the other replaces. Insertions at the same offset do not collide: they are
 * applied in the order their findings come (position, then rule id), so that e.g. several rules
 * that each append a missing setting at the end of the file are fixed in one pass.
 */
function collide(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end && b.start === b.end) return false;
  if (a.start === a.end) return b.start < a.start && a.start < b.end;
  if (b.start === b.end) return a.start < b.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

function selfOverlapping(edits: readonly TextEdit[]): boolean {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  return sorted.some((e, i) => i > 0 && e.start < sorted[i - 1].end);
}

/**
 * Maps an offset of the text after a pass back to the text before it. An offset inside text the
 * pass inserted maps to the start (bias 'start') or end (bias 'end') of the range it replaced.
 */
function mapBack(offset: number, edits: readonly TextEdit[], bias: 'start' | 'end'): number {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let delta = 0;
  for (const edit of sorted) {
    const newStart = edit.start + delta;
    const newEnd = newStart + edit.text.length;
    if (offset < newStart) return offset - delta;
    if (offset === newStart && offset === newEnd) return bias === 'start' ? edit.start : edit.end;
    if (offset === newStart) return edit.start;
    if (offset < newEnd) return bias === 'start' ? edit.start : edit.end;
    if (offset === newEnd) return edit.end;
    delta += edit.text.length - (edit.end - edit.start);
  }
  return offset - delta;
}

function toInput(offset: number, history: readonly TextEdit[][], bias: 'start' | 'end'): number {
  let o = offset;
  for (let i = history.length - 1; i >= 0; i--) o = mapBack(o, history[i], bias);
  return o;
}

/** Offsets of the first character of each line ("\n" ends a line, as for vsftpd). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function offsetOf(starts: readonly number[], text: string, line: number, column: number): number {
  const lineStart = starts[Math.min(Math.max(line, 1), starts.length) - 1];
  return Math.min(lineStart + Math.max(column, 1) - 1, text.length);
}

function positionOf(starts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo] + 1 };
}

/** A finding of a later pass with its position and edits mapped back to the input text. */
function toInputPosition(finding: Finding, passText: string, history: readonly TextEdit[][], input: string): Finding {
  if (history.length === 0) return finding;
  const passStarts = lineStarts(passText);
  const inputStarts = lineStarts(input);
  const start = toInput(offsetOf(passStarts, passText, finding.line, finding.column), history, 'start');
  const end = Math.max(
    start,
    toInput(offsetOf(passStarts, passText, finding.endLine, finding.endColumn), history, 'end'),
  );
  const from = positionOf(inputStarts, start);
  const to = positionOf(inputStarts, end);
  const edits = finding.fix!.edits.map((e) => {
    const s = toInput(e.start, history, 'start');
    return { start: s, end: Math.max(s, toInput(e.end, history, 'end')), text: e.text };
  });
  return {
    ...finding,
    line: from.line,
    column: from.column,
    endLine: to.line,
    endColumn: to.column,
    fix: { safety: finding.fix!.safety, edits },
  };
}

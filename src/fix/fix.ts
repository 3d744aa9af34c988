/**
 * The fix engine: lint, apply every fix that does not collide with another, re-parse, re-lint,
 * until nothing fixable is left (ESLint's multipass model, ruff's safe/unsafe split).
 */
import { byteLength, VSFTPD_READ_LIMIT } from '../parser/document';
import type { Encoding } from '../parser/document';
import { parse } from '../parser/parse';
import { lintDocument } from '../lint';
import type { LintOptions } from '../lint';
import type { Finding, FixSafety, TextEdit } from '../engine/finding';
import { applyEdits } from '../engine/apply-edits';
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
  /** Maps offsets of each pass's text back to the text before it, latest pass last. */
  const history: OffsetMap[] = [];
  const inputLines = new LineIndex(text);
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
      throw new Error(`fixes did not converge after ${MAX_FIX_PASSES} passes; the text still changes (rules: ${rules})`);
    }
    const next = applyEdits(current, edits);
    if (history.length === 0) applied.push(...accepted);
    else {
      const passLines = new LineIndex(current);
      for (const finding of accepted) applied.push(toInputPosition(finding, passLines, history, inputLines));
    }
    history.push(new OffsetMap(edits));
    current = next;
    findings = lintDocument(parse(current, { encoding }), lintOptions);
  }
  // The diff is worked out when first read: most callers (the CLI's --fix, the language server)
  // never read it, and it can cost more than the fixing.
  let diff: string | undefined;
  const output = current;
  return {
    output,
    get diff(): string {
      return (diff ??= output === text ? '' : unifiedDiff(options.path ?? 'vsftpd.conf', text, output));
    },
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
 * colliding with an edit already accepted. Collisions are looked up in an occupancy table of
 * the text (which accepted edit covers each character, which offsets have insertions), so a
 * pass costs the size of the text plus the size of the edits, however many findings there are.
 */
function selectFixes(text: string, encoding: Encoding, findings: readonly Finding[], allowed: ReadonlySet<FixSafety>): Selection {
  const accepted: Finding[] = [];
  const edits: TextEdit[] = [];
  const taken = new Occupancy(text.length);
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
    if (fix.edits.some((e) => taken.collides(e))) continue; // a later pass gets it
    const joined = fix.edits.map((e) => joinAppend(text, e, taken));
    const growth = joined.reduce((sum, e) => sum + bytes(e.text) - bytes(text.slice(e.start, e.end)), 0);
    // vsftpd reads only the first VSFTPD_READ_LIMIT bytes. In a file longer than that, a fix that
    // changes the length moves the boundary: shrinking pulls unread text into what vsftpd reads,
    // growing pushes settings out of it. Either changes what vsftpd reads beyond the fix's own
    // line, so such a file gets only same-length fixes; a shorter file may not grow past the limit
    // (rules check their own appends, but not what other fixes of the same pass add).
    if (growth !== 0 && (size > VSFTPD_READ_LIMIT || size + growth > VSFTPD_READ_LIMIT)) continue;
    size += growth;
    accepted.push(joined.every((e, i) => e === fix.edits[i]) ? finding : { ...finding, fix: { ...fix, edits: joined } });
    for (const e of joined) taken.add(e);
    edits.push(...joined);
  }
  return { accepted, edits };
}

/**
 * The edits accepted in a pass, by position: for each character, the edit that replaces it (0:
 * none, else its number), and for each offset, the text last inserted there.
 */
class Occupancy {
  private readonly owner: Int32Array;
  private readonly insertions = new Map<number, string>();
  private count = 0;

  constructor(length: number) {
    this.owner = new Int32Array(length);
  }

  add(edit: TextEdit): void {
    if (edit.start === edit.end) {
      this.insertions.set(edit.start, edit.text);
      return;
    }
    this.owner.fill(++this.count, edit.start, edit.end);
  }

  insertionAt(offset: number): string | undefined {
    return this.insertions.get(offset);
  }

  /**
   * Two edits collide when their ranges share a character, or when one inserts text strictly
   * inside the range the other replaces. Insertions at the same offset do not collide: they are
   * applied in the order their findings come (position, then rule id), so that e.g. several rules
   * that each append a missing setting at the end of the file are fixed in one pass. Except: text
   * that extends a line (no final newline) after lines inserted at its offset would land on a
   * line of its own (",PASV,EPSV" after appended settings, in a file without a final newline), so
   * it waits for the next pass.
   */
  collides(edit: TextEdit): boolean {
    const { owner } = this;
    if (edit.start === edit.end) {
      const at = edit.start;
      if (!edit.text.endsWith('\n') && this.insertions.get(at)?.endsWith('\n')) return true;
      return at > 0 && at < owner.length && owner[at] !== 0 && owner[at] === owner[at - 1];
    }
    for (let i = edit.start; i < edit.end; i++) if (owner[i] !== 0) return true;
    if (this.insertions.size === 0) return false;
    for (let at = edit.start + 1; at < edit.end; at++) if (this.insertions.has(at)) return true;
    return false;
  }
}

/**
 * An insertion that follows another at the same offset, after a last line without a newline:
 * both begin with the "\n" that ends that line (as `appendLines` writes them), and only the first
 * one needs it, or the result would have blank lines between the appended settings.
 */
function joinAppend(text: string, edit: TextEdit, taken: Occupancy): TextEdit {
  if (edit.start !== edit.end || edit.start === 0 || text[edit.start - 1] === '\n') return edit;
  if (!edit.text.startsWith('\n')) return edit;
  const before = taken.insertionAt(edit.start);
  if (before === undefined || !before.endsWith('\n')) return edit;
  return { ...edit, text: edit.text.slice(1) };
}

function checkEdit(edit: TextEdit, text: string, finding: Finding): void {
  const ok =
    Number.isInteger(edit.start) && Number.isInteger(edit.end) && edit.start >= 0 && edit.start <= edit.end && edit.end <= text.length;
  if (!ok) {
    throw new Error(
      `rule ${finding.ruleId} ${finding.name} reported an edit [${edit.start}, ${edit.end}) ` + `outside the text (length ${text.length})`,
    );
  }
}

function selfOverlapping(edits: readonly TextEdit[]): boolean {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  return sorted.some((e, i) => i > 0 && e.start < sorted[i - 1].end);
}

/**
 * Maps offsets of the text after a pass back to the text before it. An offset inside text the
 * pass inserted maps to the start (bias 'start') or end (bias 'end') of the range it replaced.
 * The edits are sorted once; each lookup is a binary search.
 */
class OffsetMap {
  private readonly edits: TextEdit[];
  /** Where each edit's text ends in the text after the pass (non-decreasing). */
  private readonly newEnds: number[];
  /** The length change of all edits before each one. */
  private readonly deltas: number[];

  constructor(edits: readonly TextEdit[]) {
    this.edits = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
    this.newEnds = [];
    this.deltas = [];
    let delta = 0;
    for (const edit of this.edits) {
      this.deltas.push(delta);
      this.newEnds.push(edit.start + delta + edit.text.length);
      delta += edit.text.length - (edit.end - edit.start);
    }
    this.deltas.push(delta);
  }

  back(offset: number, bias: 'start' | 'end'): number {
    // The first edit whose new text ends at or after the offset decides; none: past them all.
    let lo = 0;
    let hi = this.edits.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.newEnds[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    const delta = this.deltas[lo];
    if (lo === this.edits.length) return offset - delta;
    const edit = this.edits[lo];
    const newStart = edit.start + delta;
    const newEnd = this.newEnds[lo];
    if (offset < newStart) return offset - delta;
    if (offset === newStart && offset === newEnd) return bias === 'start' ? edit.start : edit.end;
    if (offset === newStart) return edit.start;
    if (offset < newEnd) return bias === 'start' ? edit.start : edit.end;
    return edit.end;
  }
}

function toInput(offset: number, history: readonly OffsetMap[], bias: 'start' | 'end'): number {
  let o = offset;
  for (let i = history.length - 1; i >= 0; i--) o = history[i].back(o, bias);
  return o;
}

/** Offsets of the first character of each line ("\n" ends a line, as for vsftpd), built once per text. */
class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  offsetOf(line: number, column: number): number {
    const { starts } = this;
    const lineStart = starts[Math.min(Math.max(line, 1), starts.length) - 1];
    return Math.min(lineStart + Math.max(column, 1) - 1, this.text.length);
  }

  positionOf(offset: number): { line: number; column: number } {
    const { starts } = this;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  }
}

/** A finding of a later pass with its position and edits mapped back to the input text. */
function toInputPosition(finding: Finding, passLines: LineIndex, history: readonly OffsetMap[], inputLines: LineIndex): Finding {
  const start = toInput(passLines.offsetOf(finding.line, finding.column), history, 'start');
  const end = Math.max(start, toInput(passLines.offsetOf(finding.endLine, finding.endColumn), history, 'end'));
  const from = inputLines.positionOf(start);
  const to = inputLines.positionOf(end);
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

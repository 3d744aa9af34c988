/** Unified diffs with `a/` and `b/` headers, as `git apply` and `patch -p1` expect them. */
import { diffArrays, FILE_HEADERS_ONLY, formatPatch } from 'diff';
import type { StructuredPatchHunk } from 'diff';

/** Lines of context around each change, as `diff -u` and git use. */
const CONTEXT = 3;

/**
 * The path as written after `a/` and `b/`: normalised, without a leading "./" or "/" (an
 * absolute path /etc/vsftpd.conf becomes a/etc/vsftpd.conf, to apply with `patch -p1` from /).
 */
export function diffPath(file: string): string {
  // path.posix.normalize, written out so the fixer also runs in a browser (the playground).
  const absolute = file.startsWith('/') || file.startsWith('\\');
  const segments: string[] = [];
  for (const segment of file.split(/[\\/]/)) {
    if (segment === '' || segment === '.') continue;
    if (segment !== '..') segments.push(segment);
    else if (segments.length > 0 && segments[segments.length - 1] !== '..') segments.pop();
    else if (!absolute) segments.push(segment);
  }
  return segments.join('/');
}

/**
 * The unified diff from `before` to `after` of the file at `file`, with `--- a/PATH` and
 * `+++ b/PATH` headers, or "" when the texts are equal. A missing final newline is marked with
 * "\\ No newline at end of file"; a "\r" before a line end stays part of the line's content.
 */
export function unifiedDiff(file: string, before: string, after: string): string {
  if (before === after) return '';
  const name = diffPath(file);
  const hunks = toHunks(lineRuns(splitLines(before), splitLines(after)));
  return formatPatch(
    { oldFileName: `a/${name}`, newFileName: `b/${name}`, oldHeader: undefined, newHeader: undefined, hunks },
    FILE_HEADERS_ONLY,
  );
}

/** Lines kept (" "), removed ("-") or added ("+"), each line with its "\n". */
interface Run {
  readonly kind: ' ' | '-' | '+';
  readonly lines: string[];
}

/** The lines of `text`, each with the "\n" that ends it (the last may have none). */
function splitLines(text: string): string[] {
  const lines: string[] = [];
  let from = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    lines.push(text.slice(from, i + 1));
    from = i + 1;
  }
  if (from < text.length) lines.push(text.slice(from));
  return lines;
}

/** Lines from each side that Myers' algorithm compares at a time. */
const WINDOW = 64;

/**
 * A line diff that costs about the size of the texts, however many lines a fix changed. Equal
 * lines are skipped directly. At a mismatch, Myers' algorithm (the diff library's) compares a
 * window of lines from each side, and its result is kept up to the last run of equal lines inside
 * the window, where both sides are in step again; a window without one is a block of changed
 * lines, which ends at the nearest pair of equal lines further on. (One Myers run over whole
 * files that differ on thousands of lines costs lines x changes: seconds for a 96 kB config with
 * every line fixed.) Texts of up to WINDOW lines get exactly the diff library's line diff.
 */
function lineRuns(a: readonly string[], b: readonly string[]): Run[] {
  const runs: Run[] = [];
  const push = (kind: Run['kind'], lines: readonly string[]) => {
    if (lines.length === 0) return;
    const last = runs[runs.length - 1];
    if (last?.kind === kind) for (const line of lines) last.lines.push(line);
    else runs.push({ kind, lines: [...lines] });
  };
  const later = new LaterLines(b);
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let same = 0;
    while (i + same < a.length && j + same < b.length && a[i + same] === b[j + same]) same++;
    if (same > 0) {
      push(' ', a.slice(i, i + same));
      i += same;
      j += same;
      continue;
    }
    const endA = Math.min(a.length, i + WINDOW);
    const endB = Math.min(b.length, j + WINDOW);
    const changes = diffArrays(a.slice(i, endA), b.slice(j, endB));
    const whole = endA === a.length && endB === b.length;
    const keep = whole ? changes.length : lastResync(changes, endA - i, endB - j);
    if (keep === 0) {
      const [x, y] = later.nearestMatch(a, i, j);
      push('-', a.slice(i, x));
      push('+', b.slice(j, y));
      i = x;
      j = y;
      continue;
    }
    for (const change of changes.slice(0, keep)) {
      const lines = change.value;
      if (change.added) {
        push('+', lines);
        j += lines.length;
      } else if (change.removed) {
        push('-', lines);
        i += lines.length;
      } else {
        push(' ', lines);
        i += lines.length;
        j += lines.length;
      }
    }
  }
  return runs;
}

/** Where each line occurs in a text, to find the next pair of equal lines past a block of changes. */
class LaterLines {
  private index: Map<string, number[]> | undefined;

  constructor(private readonly b: readonly string[]) {}

  /**
   * The pair of equal lines a[x] = b[y] (x >= i, y >= j) nearest to (i, j), by x - i + y - j, or
   * the ends of both texts when there is none. No equal pair lies between (i, j) and it.
   */
  nearestMatch(a: readonly string[], i: number, j: number): [number, number] {
    let best: [number, number] = [a.length, this.b.length];
    let bestDistance = Infinity;
    for (let x = i; x < a.length && x - i < bestDistance; x++) {
      const positions = this.positions().get(a[x]);
      if (!positions) continue;
      const y = positions[firstAtOrAfter(positions, j)];
      if (y !== undefined && x - i + y - j < bestDistance) {
        best = [x, y];
        bestDistance = x - i + y - j;
      }
    }
    return best;
  }

  private positions(): Map<string, number[]> {
    if (!this.index) {
      this.index = new Map();
      this.b.forEach((line, y) => {
        const list = this.index!.get(line);
        if (list) list.push(y);
        else this.index!.set(line, [y]);
      });
    }
    return this.index;
  }
}

/** The index of the first element of an ascending list that is at least `value` (length: none). */
function firstAtOrAfter(list: readonly number[], value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * How many of a window's changes to keep: those before its last run of equal lines that ends
 * inside both windows (0 when there is none: the window must grow). A run at a window's edge
 * may be an artefact of where the window was cut.
 */
function lastResync(
  changes: readonly { added?: boolean; removed?: boolean; count?: number; value: unknown[] }[],
  sizeA: number,
  sizeB: number,
): number {
  let keep = 0;
  let ia = 0;
  let ib = 0;
  changes.forEach((change, index) => {
    const count = change.value.length;
    if (change.added) ib += count;
    else if (change.removed) ia += count;
    else {
      ia += count;
      ib += count;
      if (index > 0 && ia < sizeA && ib < sizeB) keep = index;
    }
  });
  return keep;
}

/**
 * Hunks with CONTEXT lines around each change; changes closer than twice that share a hunk (as
 * the diff library and GNU diff make them).
 */
function toHunks(runs: readonly Run[]): StructuredPatchHunk[] {
  const hunks: StructuredPatchHunk[] = [];
  let open: { oldStart: number; newStart: number; lines: string[] } | undefined;
  let oldLine = 1;
  let newLine = 1;
  const close = (context: readonly string[]) => {
    for (const line of context) open!.lines.push(' ' + line);
    hunks.push({
      oldStart: open!.oldStart,
      oldLines: oldLine - open!.oldStart + context.length,
      newStart: open!.newStart,
      newLines: newLine - open!.newStart + context.length,
      lines: markMissingNewline(open!.lines),
    });
    open = undefined;
  };
  runs.forEach((run, index) => {
    const count = run.lines.length;
    if (run.kind === ' ') {
      if (open && count <= 2 * CONTEXT && index < runs.length - 1) for (const line of run.lines) open.lines.push(' ' + line);
      else if (open) close(run.lines.slice(0, CONTEXT));
      oldLine += count;
      newLine += count;
      return;
    }
    if (!open) {
      const context = index > 0 ? runs[index - 1].lines.slice(-CONTEXT) : [];
      open = { oldStart: oldLine - context.length, newStart: newLine - context.length, lines: context.map((line) => ' ' + line) };
    }
    for (const line of run.lines) open.lines.push(run.kind + line);
    if (run.kind === '+') newLine += count;
    else oldLine += count;
  });
  if (open) close([]);
  return hunks;
}

/** Drops each line's "\n"; a line without one is followed by "\\ No newline at end of file". */
function markMissingNewline(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    if (line.endsWith('\n')) out.push(line.slice(0, -1));
    else out.push(line, '\\ No newline at end of file');
  }
  return out;
}

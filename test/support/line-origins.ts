/** Line bookkeeping shared by the fixer's tests: which input lines an output line comes from. */
import { diffArrays } from 'diff';

/** Each line of `text` with its offsets; `end` is past its "\n". */
export function linesOf(text: string): { start: number; end: number; text: string }[] {
  const lines: { start: number; end: number; text: string }[] = [];
  let start = 0;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl + 1;
    lines.push({ start, end, text: text.slice(start, end) });
    start = end;
  }
  return lines;
}

/**
 * For each line of `after` (1-based), the lines of `before` it comes from: itself when the line
 * diff keeps it, else the lines the change replaced (or the neighbours of an insertion).
 */
export function lineOrigins(before: string, after: string): Map<number, number[]> {
  const origins = new Map<number, number[]>();
  let a = 1;
  let b = 1;
  let removed: number[] = [];
  for (const change of diffArrays(
    linesOf(before).map((l) => l.text),
    linesOf(after).map((l) => l.text),
  )) {
    if (change.removed) {
      removed = Array.from({ length: change.count }, (_, k) => a + k);
      a += change.count;
    } else if (change.added) {
      // Line for line when as many lines replace as were removed; else the whole hunk.
      const from = (k: number) => (removed.length === change.count ? [removed[k]] : removed.length > 0 ? removed : [a - 1, a]);
      for (let k = 0; k < change.count; k++) origins.set(b + k, from(k));
      b += change.count;
      removed = [];
    } else {
      for (let k = 0; k < change.count; k++) origins.set(b + k, [a + k]);
      a += change.count;
      b += change.count;
      removed = [];
    }
  }
  return origins;
}

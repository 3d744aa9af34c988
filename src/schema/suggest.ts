/**
 * "Did you mean" for unknown option names. The candidate table is built once per target; each
 * distinct unknown name is looked up once (configs repeat their typos).
 */
import type { Target } from './targets';

interface Candidates {
  readonly byFolded: ReadonlyMap<string, string>;
  readonly folded: readonly string[];
  readonly cache: Map<string, string | undefined>;
}

const tables = new WeakMap<Target, Candidates>();

/** Case, surrounding blanks and "-" versus "_" are ignored when comparing names. */
function fold(name: string): string {
  return name.trim().toLowerCase().replace(/-/g, '_');
}

function candidatesFor(target: Target): Candidates {
  let table = tables.get(target);
  if (!table) {
    const byFolded = new Map([...target.options.keys()].map((n) => [fold(n), n]));
    table = { byFolded, folded: [...byFolded.keys()], cache: new Map() };
    tables.set(target, table);
  }
  return table;
}

export interface Suggestion {
  /** The option name to write instead. */
  readonly option: string;
  /** The names differ only in case, hyphens for underscores or surrounding blanks. */
  readonly variant: boolean;
}

/** The closest option name of the target, or undefined when none is close enough. */
export function suggestOption(name: string, target: Target): Suggestion | undefined {
  const table = candidatesFor(target);
  let option = table.cache.get(name);
  if (!table.cache.has(name)) {
    option = closest(fold(name), table);
    table.cache.set(name, option);
  }
  return option === undefined ? undefined : { option, variant: fold(option) === fold(name) };
}

function closest(folded: string, table: Candidates): string | undefined {
  const exact = table.byFolded.get(folded);
  if (exact) return exact;
  if (folded.length < 3) return undefined;
  const limit = folded.length <= 5 ? 1 : folded.length <= 12 ? 2 : 3;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of table.folded) {
    if (Math.abs(candidate.length - folded.length) >= bestDistance) continue;
    const d = editDistance(folded, candidate, bestDistance);
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return best === undefined ? undefined : table.byFolded.get(best);
}

/** Rows reused by every distance computation (names are short; grown when needed). */
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Optimal string alignment distance (Levenshtein plus adjacent swaps), cut off at `cap`. */
function editDistance(a: string, b: string, cap: number): number {
  if (b.length + 1 > rows[0].length) rows = rows.map(() => new Int32Array(b.length * 2 + 2));
  let [prevPrev, prev, row] = rows;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        d = Math.min(d, prevPrev[j - 2] + 1);
      }
      row[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin >= cap) return cap;
    [prevPrev, prev, row] = [prev, row, prevPrev];
  }
  return prev[b.length];
}

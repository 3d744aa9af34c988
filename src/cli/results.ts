/** What the CLI learnt about each input, and the totals the formatters and exit code use. */
import type { Encoding, Finding } from '../index';

export type FileResult =
  | { readonly path: string; readonly encoding: Encoding; readonly findings: readonly Finding[] }
  | { readonly path: string; readonly error: string };

export interface Totals {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly safeFixes: number;
  readonly unsafeFixes: number;
  /** Inputs that could not be read (missing, directory, permission, binary, I/O error). */
  readonly unreadable: number;
}

export function findingsOf(result: FileResult): readonly Finding[] {
  return 'findings' in result ? result.findings : [];
}

export function totals(results: readonly FileResult[]): Totals {
  const t = { errors: 0, warnings: 0, infos: 0, safeFixes: 0, unsafeFixes: 0, unreadable: 0 };
  for (const result of results) {
    if ('error' in result) t.unreadable++;
    for (const f of findingsOf(result)) {
      if (f.severity === 'error') t.errors++;
      else if (f.severity === 'warning') t.warnings++;
      else t.infos++;
      if (f.fixable === 'safe') t.safeFixes++;
      else if (f.fixable === 'unsafe') t.unsafeFixes++;
    }
  }
  return t;
}

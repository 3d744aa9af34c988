/** The summary's "--fix would fix N": counted by the fixer itself, loaded only when needed. */
import type { Finding } from '../engine/finding';
import type { fix as Fix, FixOptions, FixResult } from '../fix/fix';
import type { WouldFix } from '../format/results';
import { isConfigProblem } from './settings';

/**
 * What --fix and --fix --unsafe-fixes would fix in `text`, by running the fixer: its passes can
 * reveal or merge findings, so counting the fixable findings would not be exact. The fixer is
 * loaded only when some finding is fixable; undefined when none is.
 */
export async function wouldFix(text: string, options: FixOptions, findings: readonly Finding[]): Promise<WouldFix | undefined> {
  if (!findings.some((f) => f.fixable !== 'none')) return undefined;
  const { fix } = await import('../fix/fix');
  return countFixes(fix, text, options, findings);
}

/** {@link wouldFix} with the fixer at hand. */
export function countFixes(fix: typeof Fix, text: string, options: FixOptions, findings: readonly Finding[]): WouldFix {
  /** What one fix run would apply; nothing when it fails (as --fix then writes nothing). */
  const run = (unsafe: boolean): FixResult | undefined => {
    try {
      return fix(text, { ...options, unsafe });
    } catch (err) {
      if (isConfigProblem(err)) throw err;
      return undefined;
    }
  };
  const safeRun = findings.some((f) => f.fixable === 'safe') ? run(false) : undefined;
  const safe = safeRun?.applied.length ?? 0;
  // --unsafe-fixes makes the same passes first, then goes on while a fixable finding remains.
  const left = safeRun ? safeRun.remaining : findings;
  const all = left.some((f) => f.fixable !== 'none') ? (run(true)?.applied.length ?? 0) : safe;
  return { safe, all };
}

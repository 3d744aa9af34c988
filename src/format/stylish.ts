/**
 * Human output, one finding per line so editors and terminals can jump to `path:line:col`:
 *
 *   vsftpd.conf:7:12  error    safe fix    'YES ' is not a boolean (...): ...  VSF102 bad-bool-value
 *
 * The column after the severity says what can be done about the finding: `fixed` (by --fix),
 * `safe fix` (--fix will fix it), `unsafe fix` (--fix --unsafe-fixes will) or `manual`. After
 * --fix, a fixed finding is shown at its position in the original file, the others at their
 * position in the file as it is now. Then a summary. In colour (ANSI escapes) only when the
 * context asks for it.
 */
import kleur from 'kleur';
import type { Finding, Severity } from '../engine/finding';
import type { FormatContext } from './names';
import { FileResult, findingsOf, fixedOf, totals, Totals } from './results';

const SEVERITY_COLOR: Readonly<Record<Severity, (s: string) => string>> = {
  error: (s) => kleur.red(s),
  warning: (s) => kleur.yellow(s),
  info: (s) => kleur.blue(s),
};
const SEVERITY_WIDTH = 'warning'.length;

type Status = 'fixed' | 'safe fix' | 'unsafe fix' | 'manual';
const STATUS_COLOR: Readonly<Record<Status, (s: string) => string>> = {
  fixed: (s) => kleur.green(s),
  'safe fix': (s) => kleur.cyan(s),
  'unsafe fix': (s) => kleur.magenta(s),
  manual: (s) => kleur.dim(s),
};
const STATUS_WIDTH = 'unsafe fix'.length;

interface Row {
  readonly location: string;
  readonly finding: Finding;
  readonly status: Status;
}

export function formatStylish(results: readonly FileResult[], context: Pick<FormatContext, 'color'> = {}): string {
  // kleur's switch is global: set for this call only.
  const before = kleur.enabled;
  kleur.enabled = context.color === true;
  try {
    const rows = results.flatMap((r) => rowsOf(r));
    const width = Math.max(0, ...rows.map((r) => r.location.length));
    const lines = rows.map((row) => findingLine(row, width));
    if (lines.length > 0) lines.push('');
    lines.push(...summary(totals(results), results.length));
    return lines.join('\n') + '\n';
  } finally {
    kleur.enabled = before;
  }
}

function rowsOf(result: FileResult): Row[] {
  const row = (finding: Finding, status: Status): Row => ({
    location: `${result.path}:${finding.line}:${finding.column}`,
    finding,
    status,
  });
  const rows = [...fixedOf(result).map((f) => row(f, 'fixed')), ...findingsOf(result).map((f) => row(f, statusOf(f)))];
  // Fixed and remaining findings interleaved by line (fixed first on a tie), as a reader scans.
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => a.r.finding.line - b.r.finding.line || a.r.finding.column - b.r.finding.column || a.i - b.i)
    .map(({ r }) => r);
}

function statusOf(f: Finding): Status {
  return f.fixable === 'safe' ? 'safe fix' : f.fixable === 'unsafe' ? 'unsafe fix' : 'manual';
}

function findingLine({ location, finding: f, status }: Row, width: number): string {
  const severity = SEVERITY_COLOR[f.severity](f.severity.padEnd(SEVERITY_WIDTH));
  const what = STATUS_COLOR[status](status.padEnd(STATUS_WIDTH));
  return `${location.padEnd(width)}  ${severity}  ${what}  ${f.message}  ${kleur.dim(`${f.ruleId} ${f.name}`)}`;
}

function summary(t: Totals, files: number): string[] {
  const problems = t.errors + t.warnings + t.infos;
  const read = files - t.unreadable;
  const lines: string[] = [];
  if (t.fixed > 0) {
    const where = t.fixedFiles > 1 ? ` in ${t.fixedFiles} files` : '';
    lines.push(kleur.bold(kleur.green(`✔ fixed ${plural(t.fixed, 'problem')}${where}`)));
  }
  if (problems === 0) {
    // "no problems" alone would wrongly vouch for files that were never read.
    const left = t.fixed > 0 ? ' left' : '';
    if (t.unreadable === 0) {
      lines.push(kleur.green(`no problems${left}`));
    } else if (read > 0) {
      lines.push(kleur.green(`no problems${left} in the other ${read === 1 ? 'file' : `${read} files`}`));
    }
  } else {
    const left = t.fixed > 0 ? ' left' : '';
    const text =
      `✖ ${plural(problems, 'problem')}${left} ` + `(${plural(t.errors, 'error')}, ${plural(t.warnings, 'warning')}, ${t.infos} info)`;
    const color = t.errors > 0 ? kleur.red : t.warnings > 0 ? kleur.yellow : kleur.blue;
    lines.push(kleur.bold(color(text)));
  }
  const fixes = fixHint(t);
  if (fixes) lines.push(`  ${fixes}`);
  if (t.unreadable > 0) {
    lines.push(kleur.red(`✖ ${plural(t.unreadable, 'file')} could not be read`));
  }
  if (t.unwritable > 0) {
    lines.push(kleur.red(`✖ ${plural(t.unwritable, 'file')} could not be written (left unchanged)`));
  }
  return lines;
}

/**
 * What fixing would do: "5 have a safe fix, 4 an unsafe fix: --fix would fix 5,
 * --fix --unsafe-fixes 9", or "" when nothing is fixable. The "would fix" numbers are what the
 * fixer applies (its passes can reveal or merge findings), so they may differ from the findings
 * counted before them.
 */
function fixHint({ safeFixes: safe, unsafeFixes: unsafe, wouldFix, wouldFixUnsafe }: Totals): string {
  if (safe + unsafe === 0) return '';
  const verb = (n: number) => (n === 1 ? 'has' : 'have');
  const have =
    safe > 0 && unsafe > 0
      ? `${safe} ${verb(safe)} a safe fix, ${unsafe} an unsafe fix`
      : safe > 0
        ? `${safe} ${verb(safe)} a safe fix`
        : `${unsafe} ${verb(unsafe)} an unsafe fix`;
  // "it"/"them" only when the fixer applies exactly the findings just counted.
  const them = (n: number, counted: number) => (n !== counted ? String(n) : n === 1 ? 'it' : 'them');
  if (wouldFixUnsafe === wouldFix) {
    if (wouldFix === 0) return `${have}, but the fixer fails on them`;
    return `${have}: --fix would fix ${unsafe === 0 ? them(wouldFix, safe) : wouldFix}`;
  }
  if (wouldFix === 0) {
    return `${have}: --fix --unsafe-fixes would fix ${safe === 0 ? them(wouldFixUnsafe, unsafe) : wouldFixUnsafe}`;
  }
  return `${have}: --fix would fix ${wouldFix}, --fix --unsafe-fixes ${wouldFixUnsafe}`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * Human output, one finding per line so editors and terminals can jump to `path:line:col`:
 *
 *   vsftpd.conf:7:12  error    'YES ' is not a boolean (...): ...  VSF102 bad-bool-value
 *
 * then a summary. Colour comes from kleur, switched on or off by the caller.
 */
import kleur from 'kleur';
import type { Finding, Severity } from '../../index';
import { FileResult, findingsOf, totals, Totals } from '../results';

const SEVERITY_COLOR: Readonly<Record<Severity, (s: string) => string>> = {
  error: (s) => kleur.red(s),
  warning: (s) => kleur.yellow(s),
  info: (s) => kleur.blue(s),
};
const SEVERITY_WIDTH = 'warning'.length;

export function formatStylish(results: readonly FileResult[]): string {
  const rows = results.flatMap((r) =>
    findingsOf(r).map((f) => ({ location: `${r.path}:${f.line}:${f.column}`, finding: f })),
  );
  const width = Math.max(0, ...rows.map((r) => r.location.length));
  const lines = rows.map(({ location, finding }) => findingLine(location.padEnd(width), finding));
  if (lines.length > 0) lines.push('');
  lines.push(...summary(totals(results), results.length));
  return lines.join('\n') + '\n';
}

function findingLine(location: string, f: Finding): string {
  const severity = SEVERITY_COLOR[f.severity](f.severity.padEnd(SEVERITY_WIDTH));
  return `${location}  ${severity}  ${f.message}  ${kleur.dim(`${f.ruleId} ${f.name}`)}`;
}

function summary(t: Totals, files: number): string[] {
  const problems = t.errors + t.warnings + t.infos;
  const read = files - t.unreadable;
  const lines: string[] = [];
  if (problems === 0) {
    // "no problems" alone would wrongly vouch for files that were never read.
    if (t.unreadable === 0) {
      lines.push(kleur.green('no problems'));
    } else if (read > 0) {
      lines.push(kleur.green(`no problems in the other ${read === 1 ? 'file' : `${read} files`}`));
    }
  } else {
    const text =
      `✖ ${plural(problems, 'problem')} ` +
      `(${plural(t.errors, 'error')}, ${plural(t.warnings, 'warning')}, ${t.infos} info)`;
    const color = t.errors > 0 ? kleur.red : t.warnings > 0 ? kleur.yellow : kleur.blue;
    lines.push(kleur.bold(color(text)));
  }
  const fixes = fixHint(t);
  if (fixes) lines.push(`  ${fixes}`);
  if (t.unreadable > 0) {
    lines.push(kleur.red(`✖ ${plural(t.unreadable, 'file')} could not be read`));
  }
  return lines;
}

/** "2 have a safe fix, 1 an unsafe fix", or "" when nothing is fixable. */
function fixHint({ safeFixes, unsafeFixes }: Totals): string {
  const parts: string[] = [];
  const verb = (n: number) => (n === 1 ? 'has' : 'have');
  if (safeFixes > 0) parts.push(`${safeFixes} ${verb(safeFixes)} a safe fix`);
  if (unsafeFixes > 0) {
    // "2 have a safe fix, 1 an unsafe fix": the verb is said once.
    const has = parts.length > 0 ? '' : ` ${verb(unsafeFixes)}`;
    parts.push(`${unsafeFixes}${has} an unsafe fix`);
  }
  return parts.join(', ');
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * GitHub Actions workflow commands (`--format github`): one annotation per finding, shown on the
 * pull request's diff and in the run's summary:
 *
 *   ::error file=vsftpd.conf,line=7,col=12,endLine=7,endColumn=16,title=VSF102 bad-bool-value::'YES ' is not ...
 *
 * error, warning and info become `::error`, `::warning` and `::notice`. As the workflow-command
 * syntax requires, the message escapes "%", CR and LF (%25, %0D, %0A), and property values also
 * ":" and "," (%3A, %2C). A file that could not be read is an `::error` naming it.
 */
import type { Finding, Severity } from '../engine/finding';
import type { FileResult } from './results';

const COMMAND: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'notice' };

export function formatGithub(results: readonly FileResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    if ('error' in r) {
      lines.push(`::error file=${escapeProperty(r.path)},title=vsftpd-lint::${escapeData(`cannot read ${r.path}: ${r.error}`)}`);
      continue;
    }
    if (r.writeError !== undefined) {
      lines.push(`::error file=${escapeProperty(r.path)},title=vsftpd-lint::${escapeData(`cannot write ${r.path}: ${r.writeError}`)}`);
    }
    for (const f of r.findings) lines.push(annotation(r.path, f));
  }
  return lines.map((l) => `${l}\n`).join('');
}

function annotation(file: string, f: Finding): string {
  const properties = [
    `file=${escapeProperty(file)}`,
    `line=${f.line}`,
    `col=${f.column}`,
    `endLine=${f.endLine}`,
    `endColumn=${f.endColumn}`,
    `title=${escapeProperty(`${f.ruleId} ${f.name}`)}`,
  ].join(',');
  return `::${COMMAND[f.severity]} ${properties}::${escapeData(f.message)}`;
}

/** The message of a workflow command (as @actions/core's escapeData). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value of a workflow command (as @actions/core's escapeProperty). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

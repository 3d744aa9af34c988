/**
 * --print-effective FILE: every option of the target build with the value vsftpd will use and
 * where it comes from, like `sshd -T`:
 *
 *   accept_timeout=60  # compiled default (Debian vsftpd 3.0.3)
 *   listen=YES  # line 2
 *   local_umask=026  # line 5 (written as 22)
 *   ftpd_banner=  # line 9
 *
 * An empty value is an unset string option. `--format json` prints
 * `[{ "option", "type", "value", "text", "source": { "line": N } | { "default": true } }]`, where
 * `value` is a boolean, a number (modes and umasks too: 022 is 18), a string, or null for unset,
 * and `text` is the value as vsftpd.conf writes it.
 *
 * A file vsftpd cannot parse has no effective configuration: its fatal findings (the lines that
 * stop vsftpd) are listed instead, in the gcc format, or as
 * `{ "path", "target", "error", "findings": [...] }` in JSON (the findings as in
 * `--format json`), and the exit status is 1.
 */
import { lintDocumentResult } from '../lint';
import { EffectiveConfig, EffectiveValue } from '../engine/effective-config';
import { quote } from '../engine/text';
import { parse } from '../parser/parse';
import { getTarget } from '../schema/targets';
import { formatValue, readingNote } from '../schema/values';
import { EXIT_CLEAN, EXIT_FINDINGS } from './exit-codes';
import { gccLine } from '../format/gcc';
import { findingJson } from '../format/json';
import type { Source } from './read-source';
import type { FileLintOptions } from './settings';

export interface EffectiveReport {
  /** What to print on standard output. */
  readonly report: string;
  /** One line for standard error, when vsftpd cannot parse the file. */
  readonly problem?: string;
  readonly exitCode: number;
}

export function effectiveReport(source: Source, options: FileLintOptions, json: boolean): EffectiveReport {
  const target = getTarget(options.target);
  const document = parse(source.text, { encoding: source.encoding });
  const config = new EffectiveConfig(document, target);
  const fatalLines = new Set(config.refused().map((s) => s.line.line));
  if (fatalLines.size > 0) {
    // Whatever the rule selection says: these lines are why there is no configuration to show.
    const { findings } = lintDocumentResult(document, { target: target.id, inlineConfig: false });
    const fatal = findings.filter((f) => f.category === 'syntax' && f.severity === 'error' && fatalLines.has(f.line));
    const error = `vsftpd cannot parse this file (it stops at the first error), so it has no effective configuration`;
    const report = json
      ? JSON.stringify({ path: source.path, target: target.id, error, findings: fatal.map(findingJson) }, null, 2) + '\n'
      : fatal.map((f) => `${gccLine(source.path, f)}\n`).join('');
    return { report, problem: `${source.path}: ${error}`, exitCode: EXIT_FINDINGS };
  }
  const values = [...target.options.keys()].map((name) => config.get(name)!);
  const label = target.label;
  const report = json
    ? JSON.stringify(values.map(valueJson), null, 2) + '\n'
    : values.map((v) => `${settingText(v)}  # ${sourceText(v, label)}\n`).join('');
  return { report, exitCode: EXIT_CLEAN };
}

function settingText({ option, value }: EffectiveValue): string {
  const text = formatValue(option, value);
  // Blanks at either end and invisible characters are shown quoted, as in the findings.
  const shown = typeof value === 'string' && (quote(value) !== `'${value}'` || /^\s|\s$/.test(value)) ? quote(value) : text;
  return `${option.name}=${shown}`;
}

function sourceText(v: EffectiveValue, label: string): string {
  if (!v.source) return `compiled default (${label})`;
  const written = v.source.line.value.replace(/\r$/, '');
  const note = readingNote(v.option, written, v.value) ? ` (written as ${written})` : '';
  return `line ${v.source.line.line}${note}`;
}

function valueJson(v: EffectiveValue) {
  return {
    option: v.option.name,
    type: v.option.type,
    value: v.value,
    text: formatValue(v.option, v.value),
    source: v.source ? { line: v.source.line.line } : { default: true },
  };
}

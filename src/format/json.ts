/**
 * Machine-readable output (`--format json`), one JSON document on stdout. The shape is stable
 * within a `version`; fields may be added, none removed or changed without a new version.
 *
 * ```jsonc
 * {
 *   "version": 1,
 *   "target": "debian-3.0.3",          // build id checked against (aliases resolved); when
 *                                       // per-path overrides chose several, the first file's
 *   "files": [
 *     {
 *       "path": "vsftpd.conf",          // as given on the command line; "<stdin>" for "-"
 *       "encoding": "utf8",             // "utf8", or "latin1" when the file is not valid UTF-8
 *       "target": "debian-3.0.3",       // build id this file was checked against
 *       "mode": "server",               // "per-user" for a per-user config file (--per-user,
 *                                       // or an override with "perUser": true)
 *       "findings": [
 *         {
 *           "ruleId": "VSF102",         // stable code
 *           "name": "bad-bool-value",   // readable slug
 *           "category": "syntax",       // syntax | startup | data-connection | security | hygiene
 *           "severity": "error",        // error | warning | info
 *           "message": "'YES ' is not a boolean (...): vsftpd stops with \"500 OOPS: ...\"",
 *           "line": 7, "column": 12,    // 1-based, first character concerned
 *           "endLine": 7, "endColumn": 16, // 1-based, just past the last character concerned
 *           "option": "listen",         // option concerned, or null
 *           "fixable": "safe",          // none | safe | unsafe
 *           "fix": {                    // null when fixable is "none"
 *             "safety": "safe",
 *             // Replace text[start, end) with `text`. Offsets index the decoded file text as
 *             // JavaScript strings do (UTF-16 code units; for latin1, one per byte).
 *             "edits": [{ "start": 120, "end": 124, "text": "YES" }]
 *           }
 *         }
 *       ],
 *       // Findings hidden by "# vsftpd-lint" directives: the same fields, and the directives
 *       // that hide the finding (most specific first), with the reason written after " -- ".
 *       "suppressed": [
 *         {
 *           "ruleId": "VSF401", "name": "anonymous-enabled", ...,
 *           "suppressions": [
 *             { "kind": "disable-next-line",  // disable-next-line | disable | disable-file
 *               "line": 5,                    // line of the directive
 *               "justification": "public mirror" } // or null when no reason is given
 *           ]
 *         }
 *       ]
 *     },
 *     // A file that could not be read has "error" instead of "encoding" and "target", and no
 *     // findings:
 *     { "path": "missing.conf", "error": "no such file", "findings": [], "suppressed": [] }
 *   ],
 *   "summary": {
 *     "errors": 1, "warnings": 0, "infos": 0,   // findings by severity, all files
 *     "safeFixes": 1, "unsafeFixes": 0,         // findings by fixability
 *     "unreadableFiles": 1
 *   }
 * }
 * ```
 *
 * With --fix, "findings" is what remains in the fixed file (positions in the fixed text), and
 * each file also has `"fixed": [...]`: the findings whose fix was applied, in the same shape,
 * at their position in the original text (`[]` when nothing was fixed or the file could not be
 * read). A file whose fixed text could not be written keeps its original findings and has
 * `"writeError": "permission denied"` (or another reason). The summary then also has
 * `"fixed"` (findings fixed, all files) and `"unwritableFiles"`.
 */
import type { Finding, TextEdit } from '../engine/finding';
import type { SuppressedFinding } from '../engine/rule';
import { FileResult, totals } from './results';
import type { FormatContext } from './names';

export const JSON_FORMAT_VERSION = 1;

export function formatJson(results: readonly FileResult[], context: FormatContext): string {
  const t = totals(results);
  const fixRan = context.fixed === true;
  const report = {
    version: JSON_FORMAT_VERSION,
    target: context.target,
    files: results.map((r) => {
      if ('error' in r) {
        return { path: r.path, error: r.error, findings: [], suppressed: [], ...(fixRan ? { fixed: [] } : {}) };
      }
      return {
        path: r.path,
        encoding: r.encoding,
        target: r.target ?? context.target,
        mode: r.mode ?? 'server',
        findings: r.findings.map(findingJson),
        suppressed: (r.suppressed ?? []).map(suppressedJson),
        ...(fixRan ? { fixed: (r.fixed ?? []).map(findingJson) } : {}),
        ...(r.writeError !== undefined ? { writeError: r.writeError } : {}),
      };
    }),
    summary: {
      errors: t.errors,
      warnings: t.warnings,
      infos: t.infos,
      safeFixes: t.safeFixes,
      unsafeFixes: t.unsafeFixes,
      unreadableFiles: t.unreadable,
      ...(fixRan ? { fixed: t.fixed, unwritableFiles: t.unwritable } : {}),
    },
  };
  return JSON.stringify(report, null, 2) + '\n';
}

/** The documented fields in a fixed order, so library additions do not leak in unannounced. */
function editJson({ start, end, text }: TextEdit) {
  return { start, end, text };
}

export function findingJson(f: Finding) {
  return {
    ruleId: f.ruleId,
    name: f.name,
    category: f.category,
    severity: f.severity,
    message: f.message,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    option: f.option,
    fixable: f.fixable,
    fix: f.fix ? { safety: f.fix.safety, edits: f.fix.edits.map(editJson) } : null,
  };
}

function suppressedJson(f: SuppressedFinding) {
  return {
    ...findingJson(f),
    suppressions: f.suppressions.map(({ kind, line, justification }) => ({ kind, line, justification })),
  };
}

/**
 * Inline suppressions: `# vsftpd-lint ...` comment lines that hide findings, written so that
 * vsftpd still reads the file (a line is a comment to vsftpd only when "#" is its first byte, so
 * a directive must start at column 0; an indented one is the indented-comment error and is
 * ignored here, since vsftpd would stop at it).
 *
 *     # vsftpd-lint disable-next-line VSF202, pasv-address-nat -- NAT handled by the load balancer
 *     # vsftpd-lint disable anonymous-enabled      (until "# vsftpd-lint enable anonymous-enabled")
 *     # vsftpd-lint enable anonymous-enabled
 *     # vsftpd-lint disable-file no-banner -- banner set by the wrapper script
 *
 * Rules are named by id (any case) or name, separated by commas and/or blanks; no rule means
 * every rule. Text after " -- " is the reason, kept as the suppression's justification (JSON and
 * SARIF output show it). Only comment lines of the form `#[blanks]vsftpd-lint KIND ...` are
 * directives; `# vsftpd-lint disable-line ...` (a word starting with "disable" or "enable" that
 * is no directive) is reported as malformed, any other comment mentioning vsftpd-lint is prose.
 *
 * Scopes:
 * - disable-next-line: the next line vsftpd reads as a setting. Blank and comment lines in
 *   between are skipped (unlike ESLint's "next line"): config files put comments between a
 *   setting and the directive about it, and directives can be stacked on several lines. An
 *   indented comment counts as a setting, because vsftpd reads it as one.
 * - disable ... enable: the lines after the `disable` line and before the `enable` line that
 *   re-enables the rule (`enable` naming it, or a bare `enable`), or to the end of the file. A
 *   bare `disable` followed by `enable X` leaves every rule but X disabled.
 * - disable-file: the whole file.
 * A finding about the file as a whole (a rule reports no line, e.g. an option left at its
 * compiled default; shown at 1:1) is about the configuration vsftpd ends up with after reading
 * the whole file, so it is suppressed by `disable-file`, or by a `disable` that is still in effect
 * at the end of the file.
 *
 * Problems with directives (for the unused-suppression rule, through `reportDirectiveProblems`):
 * - malformed: an unknown directive word (warning);
 * - unknown-rule: a name that is no rule (warning, as ESLint's "Definition for rule ... was not
 *   found");
 * - unused: a directive, or one rule of its list, that suppressed no finding; an `enable` that
 *   re-enables nothing (the rule's own severity, info; like ESLint's
 *   --report-unused-disable-directives and ruff's RUF100). The fix removes the unused names, or
 *   the whole line. A rule that did not run (not selected, or a semantic rule in a file vsftpd
 *   cannot parse) is never reported unused: its directive may be needed under another selection.
 *   Findings reported after the suppressions are applied (the unused-suppression rule's own) can
 *   be suppressed only by directives naming that rule, and such names are never reported unused
 *   (in practice `disable-file` or `disable`: disable-next-line skips comment lines, so it cannot
 *   point at another directive). A bare directive never hides them, as in ESLint, or a bare
 *   `disable-file` would hide the report that it suppresses nothing.
 */
import type { Document, Line } from '../parser/document';
import type { Finding, Fix } from './finding';
import type {
  Directive,
  DirectiveKind,
  DirectiveProblem,
  DirectiveRuleRef,
  Rule,
  RuleContext,
  SuppressedFinding,
  Suppression,
} from './rule';
// The directive and outcome types are part of the rule contract (RuleContext.afterSuppressions),
// so rule.ts defines them and this module, which needs Rule, imports them: no cycle.
export type { Directive, DirectiveProblem, SuppressedFinding, SuppressionOutcome } from './rule';
import { describeUnknownRef, findRuleRef } from './rule-selection';

const DIRECTIVE_KINDS: readonly DirectiveKind[] = ['disable-next-line', 'disable', 'enable', 'disable-file'];

interface ParsedDirectives {
  readonly directives: readonly Directive[];
  readonly malformed: readonly DirectiveProblem[];
}

const DIRECTIVE = /^#[ \t]*vsftpd-lint[ \t]+(\S+)/;
const REASON = /[ \t]--(?:[ \t]|$)/;
const REF = /[^\s,]+/g;

/**
 * The directives of a document, in line order, with the malformed ones as problems. `rules`
 * resolves the names (normally every rule, not only those selected).
 */
export function parseDirectives(document: Document, rules: readonly Rule[]): ParsedDirectives {
  const directives: Directive[] = [];
  const malformed: DirectiveProblem[] = [];
  const lines = document.lines;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.kind !== 'comment' || !line.text.includes('vsftpd-lint')) continue;
    const text = line.text.replace(/\s+$/, '');
    const match = DIRECTIVE.exec(text);
    if (!match) continue;
    const word = match[1];
    const wordColumn = match[0].length - word.length;
    if (!(DIRECTIVE_KINDS as readonly string[]).includes(word)) {
      if (/^(disable|enable)/i.test(word)) {
        malformed.push({
          kind: 'malformed',
          line,
          column: wordColumn,
          endColumn: match[0].length,
          option: null,
          severity: 'warning',
          message: `unknown vsftpd-lint directive '${word}', so nothing is suppressed: use ` + `${DIRECTIVE_KINDS.join(', ')}`,
        });
      }
      continue;
    }
    const kind = word as DirectiveKind;
    const restStart = match[0].length;
    const rest = text.slice(restStart);
    const reason = REASON.exec(rest);
    const list = reason ? rest.slice(0, reason.index) : rest;
    const justification = reason ? rest.slice(reason.index + reason[0].length).trim() || null : null;
    const refs: DirectiveRuleRef[] = [];
    for (const ref of list.matchAll(REF)) {
      const column = restStart + ref.index;
      refs.push({ text: ref[0], column, endColumn: column + ref[0].length, rule: findRuleRef(ref[0], rules) });
    }
    const refsEnd = restStart + list.replace(/\s+$/, '').length;
    let nextLine: Line | null = null;
    if (kind === 'disable-next-line') {
      for (let j = i + 1; j < lines.length && !nextLine; j++) if (lines[j].kind === 'setting') nextLine = lines[j];
    }
    directives.push({ kind, line, refs, justification, nextLine, refsEnd });
  }
  return { directives, malformed };
}

/**
 * Whether text would be a directive if it started at column 0 (blanks before it are ignored):
 * for the indented-comment rule's "this suppression comment is ignored too".
 */
export function looksLikeDirective(text: string): boolean {
  return /^#[ \t]*vsftpd-lint(?:[ \t]|$)/.test(text.replace(/^[ \t\v\f\r]+/, ''));
}

/** Order of `Suppression`s: the directive that says most about the line first. */
const SPECIFICITY: Readonly<Record<DirectiveKind, number>> = { 'disable-next-line': 0, disable: 1, 'disable-file': 2, enable: 3 };

/** Whether a directive names no rule (applies to every rule). */
function isBare(directive: Directive): boolean {
  return directive.refs.length === 0;
}

interface DisableScope {
  /** Line where the rule is re-enabled by a directive naming it, by rule id. */
  readonly closedFor: Map<string, number>;
  /** Line of the first bare `enable` after it, or Infinity. */
  closedAll: number;
}

/**
 * Applies a document's directives to findings and keeps track of which directives were used.
 * `suppress` is called for every finding; `problems` afterwards.
 */
export class SuppressionState {
  private readonly scopes = new Map<Directive, DisableScope>();
  /** Rule ids each directive suppressed a finding of. */
  private readonly used = new Map<Directive, Set<string>>();
  readonly suppressed: SuppressedFinding[] = [];

  /**
   * `universe`: the rules unknown names are compared with for "did you mean" (every rule);
   * `malformed`: the malformed directives `parseDirectives` found, reported by `problems`.
   */
  constructor(
    readonly directives: readonly Directive[],
    private readonly universe: readonly Rule[],
    private readonly malformed: readonly DirectiveProblem[] = [],
  ) {
    for (const directive of directives) {
      if (directive.kind !== 'disable') continue;
      const scope: DisableScope = { closedFor: new Map(), closedAll: Infinity };
      for (const later of directives) {
        if (later.kind !== 'enable' || later.line.line <= directive.line.line) continue;
        if (isBare(later)) {
          scope.closedAll = Math.min(scope.closedAll, later.line.line);
          continue;
        }
        for (const ref of later.refs) {
          if (ref.rule && !scope.closedFor.has(ref.rule.id)) scope.closedFor.set(ref.rule.id, later.line.line);
        }
      }
      this.scopes.set(directive, scope);
    }
    for (const directive of directives) this.used.set(directive, new Set());
  }

  /** The line where a `disable` stops applying to a rule, or Infinity when it never does. */
  private endOf(directive: Directive, ruleId: string): number {
    const scope = this.scopes.get(directive)!;
    return Math.min(scope.closedFor.get(ruleId) ?? Infinity, scope.closedAll);
  }

  /**
   * The directives that suppress a finding of a rule at a 1-based line (null: about the file as a
   * whole), most specific first. `explicitOnly`: only directives naming the rule count (for
   * findings reported after the suppressions were applied).
   */
  covering(ruleId: string, line: number | null, explicitOnly = false): Directive[] {
    const found: Directive[] = [];
    for (const directive of this.directives) {
      if (directive.kind === 'enable') continue;
      if (isBare(directive) ? explicitOnly : !directive.refs.some((ref) => ref.rule?.id === ruleId)) continue;
      const at = directive.line.line;
      const covers =
        directive.kind === 'disable-file' ||
        (directive.kind === 'disable-next-line' && line !== null && directive.nextLine?.line === line) ||
        (directive.kind === 'disable' &&
          (line === null ? this.endOf(directive, ruleId) === Infinity : at < line && line < this.endOf(directive, ruleId)));
      if (covers) found.push(directive);
    }
    return found.sort((a, b) => SPECIFICITY[a.kind] - SPECIFICITY[b.kind] || b.line.line - a.line.line);
  }

  /**
   * Whether the finding is suppressed; if so it is recorded (see `suppressed`) and its directives
   * are marked used. `fileLevel`: the rule reported no line (the finding is shown at 1:1).
   */
  suppress(finding: Finding, fileLevel: boolean, explicitOnly = false): boolean {
    const directives = this.covering(finding.ruleId, fileLevel ? null : finding.line, explicitOnly);
    if (directives.length === 0) return false;
    for (const directive of directives) this.used.get(directive)!.add(finding.ruleId);
    this.suppressed.push({
      ...finding,
      suppressions: directives.map((d) => ({
        kind: d.kind as Suppression['kind'],
        line: d.line.line,
        justification: d.justification,
      })),
    });
    return true;
  }

  /**
   * Malformed directives, unknown rule names and unused directives, in line order. `ran`: ids of
   * the rules that ran (only their names can be unused); `deferred`: ids of rules whose findings
   * come after the suppressions (never reported unused).
   */
  problems(ran: ReadonlySet<string>, deferred: ReadonlySet<string> = new Set()): DirectiveProblem[] {
    const problems: DirectiveProblem[] = [...this.malformed];
    for (const directive of this.directives) {
      for (const ref of directive.refs) {
        if (ref.rule) continue;
        problems.push({
          kind: 'unknown-rule',
          line: directive.line,
          column: ref.column,
          endColumn: ref.endColumn,
          option: null,
          severity: 'warning',
          message: `${describeUnknownRef(ref.text, this.universe, false)} in a vsftpd-lint directive, so it suppresses nothing`,
        });
      }
      const unused = this.unusedProblem(directive, ran, deferred);
      if (unused) problems.push(unused);
    }
    return problems.sort((a, b) => a.line.line - b.line.line || a.column - b.column);
  }

  private unusedProblem(directive: Directive, ran: ReadonlySet<string>, deferred: ReadonlySet<string>): DirectiveProblem | undefined {
    const { kind } = directive;
    if (isBare(directive)) {
      if (this.isUsed(directive, null)) return undefined;
      const message =
        kind === 'enable'
          ? `"# vsftpd-lint enable" re-enables nothing: no rule is disabled here; remove it`
          : `"# vsftpd-lint ${kind}" suppresses nothing: no finding ${this.scopeText(directive, null)}; remove it`;
      return unusedAt(directive, directive.refs, message, 0, directive.line.text.replace(/\s+$/, '').length);
    }
    const unused = directive.refs.filter(
      (ref) => ref.rule && ran.has(ref.rule.id) && !deferred.has(ref.rule.id) && !this.isUsed(directive, ref.rule.id),
    );
    if (unused.length === 0) return undefined;
    const list = [...new Set(unused.map((ref) => `${ref.rule!.name} (${ref.rule!.id})`))].join(', ');
    const them = unused.length > 1 ? 'them' : 'it';
    const message =
      kind === 'enable'
        ? `"# vsftpd-lint enable" re-enables nothing for ${list}: not disabled here; remove ${them}`
        : `"# vsftpd-lint ${kind}" suppresses nothing for ${list}: no such finding ` +
          `${this.scopeText(directive, unused[0].rule!.id)}; remove ${them}`;
    return unusedAt(directive, unused, message, unused[0].column, unused[unused.length - 1].endColumn);
  }

  /**
   * Whether a directive did its job for a rule id, or for any rule (null): suppressed a finding,
   * or (an enable) ended the scope of an earlier disable.
   */
  private isUsed(directive: Directive, ruleId: string | null): boolean {
    if (directive.kind !== 'enable') {
      const used = this.used.get(directive)!;
      return ruleId === null ? used.size > 0 : used.has(ruleId);
    }
    const at = directive.line.line;
    for (const [disable, scope] of this.scopes) {
      if (disable.line.line >= at) continue;
      if (ruleId === null) {
        const ends = isBare(disable)
          ? scope.closedAll === at
          : disable.refs.some((ref) => ref.rule && this.endOf(disable, ref.rule.id) === at);
        if (ends) return true;
      } else if ((isBare(disable) || disable.refs.some((ref) => ref.rule?.id === ruleId)) && this.endOf(disable, ruleId) === at) {
        return true;
      }
    }
    return false;
  }

  /** Where a directive applies, for messages: "on line 7", "between lines 3 and 9", ... */
  private scopeText(directive: Directive, ruleId: string | null): string {
    const at = directive.line.line;
    switch (directive.kind) {
      case 'disable-next-line':
        return directive.nextLine ? `on line ${directive.nextLine.line}` : 'after it (no setting line follows)';
      case 'disable-file':
        return 'in the file';
      default: {
        const scope = this.scopes.get(directive);
        const end = !scope ? Infinity : ruleId === null ? scope.closedAll : this.endOf(directive, ruleId);
        return end === Infinity ? `between line ${at} and the end of the file` : `between lines ${at} and ${end}`;
      }
    }
  }
}

function unusedAt(
  directive: Directive,
  unused: readonly DirectiveRuleRef[],
  message: string,
  column: number,
  endColumn: number,
): DirectiveProblem {
  return {
    kind: 'unused',
    line: directive.line,
    column,
    endColumn: Math.max(endColumn, column + 1),
    option: null,
    message,
    fix: removeRefs(directive, unused),
  };
}

/**
 * The fix for unused names: the list without them, or no line at all when nothing is left (the
 * names that stay, unknown ones included, are kept as written).
 */
function removeRefs(directive: Directive, unused: readonly DirectiveRuleRef[]): Fix {
  const { line } = directive;
  const kept = directive.refs.filter((ref) => !unused.includes(ref));
  if (kept.length === 0) {
    return { safety: 'safe', edits: [{ start: line.start, end: line.start + line.text.length + line.eol.length, text: '' }] };
  }
  const from = directive.refs[0].column;
  const to = directive.refsEnd;
  return {
    safety: 'safe',
    edits: [{ start: line.start + from, end: line.start + to, text: kept.map((ref) => ref.text).join(', ') }],
  };
}

/**
 * The whole job of the unused-suppression rule: once every other rule has run and the
 * suppressions are applied, report each directive problem (malformed directives, unknown rule
 * names, unused directives). Its findings can be suppressed only by directives naming it.
 *
 *     check: reportDirectiveProblems,
 */
export function reportDirectiveProblems(context: RuleContext): void {
  context.afterSuppressions((outcome) => {
    for (const problem of outcome.problems) context.report(problem);
  });
}

/**
 * A table-driven tester for one rule, in the manner of ESLint's RuleTester: texts the rule must
 * accept, and texts it must report with position, message, severity and the fixed text.
 */
import { fix, lint, RULES } from '../../src';
import { applyEdits } from '../../src/engine/apply-edits';

interface ExpectedFinding {
  /** 1-based line and column of the expected finding. */
  readonly line: number;
  readonly column: number;
  /** A fragment the message must contain. */
  readonly message: string;
  /** Default: the rule's own severity. */
  readonly severity?: 'error' | 'warning' | 'info';
  readonly option?: string | null;
  /** The text after applying this finding's fix; null when it must have none; undefined: not checked. */
  readonly output?: string | null;
}

interface CaseBase {
  readonly code: string;
  readonly target?: string;
  /** Lint as a per-user file; default: only for a rule that runs on per-user files alone. */
  readonly perUser?: boolean;
  /**
   * The text after fixing with this rule alone, unsafe fixes included, to a fixed point (as
   * `--fix --unsafe-fixes` would); undefined: not checked.
   */
  readonly fixed?: string;
}

/** One expected finding (its fields inline), or several in position order (`findings`). */
type InvalidCase = CaseBase & (ExpectedFinding | { readonly findings: readonly ExpectedFinding[] });

export interface RuleCases {
  /** Texts on which the rule reports nothing (with the default target unless `target` is given). */
  readonly valid: readonly (string | { readonly code: string; readonly target?: string; readonly perUser?: boolean })[];
  readonly invalid: readonly InvalidCase[];
}

export function testRule(name: string, cases: RuleCases): void {
  const rule = RULES.find((r) => r.name === name);
  describe(`rule ${name}`, () => {
    it('exists', () => expect(rule).toBeDefined());
    if (!rule) return;

    const perUserOf = (c: { readonly perUser?: boolean }) => c.perUser ?? rule.perUser === 'only';
    it.each(
      cases.valid.map((v) => (typeof v === 'string' ? { code: v } : v)).map((v) => [JSON.stringify(v.code).slice(0, 70), v] as const),
    )('accepts %s', (_, v) => {
      expect(lint(v.code, { target: v.target, perUser: perUserOf(v), rules: [rule] })).toEqual([]);
    });

    it.each(cases.invalid.map((c) => [JSON.stringify(c.code).slice(0, 70), c] as const))('reports %s', (_, c) => {
      const findings = lint(c.code, { target: c.target, perUser: perUserOf(c), rules: [rule] });
      const expected = 'findings' in c ? c.findings : [c];
      expect(findings).toHaveLength(expected.length);
      expected.forEach((want, i) => {
        const finding = findings[i];
        expect(finding).toMatchObject({ line: want.line, column: want.column, name, category: rule.category });
        expect(finding.message).toContain(want.message);
        expect(finding.severity).toBe(want.severity ?? rule.severity);
        if (want.option !== undefined) expect(finding.option).toBe(want.option);
        if (want.output === null) expect(finding.fix).toBeUndefined();
        if (typeof want.output === 'string') {
          expect(finding.fix).toBeDefined();
          expect(applyEdits(c.code, finding.fix!.edits)).toBe(want.output);
        }
      });
      if (c.fixed !== undefined)
        expect(fix(c.code, { target: c.target, perUser: perUserOf(c), rules: [rule], unsafe: true }).output).toBe(c.fixed);
    });
  });
}

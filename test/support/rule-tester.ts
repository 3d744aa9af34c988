/**
 * A table-driven tester for one rule, in the manner of ESLint's RuleTester: texts the rule must
 * accept, and texts it must report with position, message, severity and the fixed text.
 */
import { lint, RULES } from '../../src';
import { applyEdits } from '../../src/fix/apply-edits';

export interface InvalidCase {
  readonly code: string;
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
  readonly target?: string;
}

export interface RuleCases {
  /** Texts on which the rule reports nothing (with the default target unless `target` is given). */
  readonly valid: readonly (string | { readonly code: string; readonly target: string })[];
  readonly invalid: readonly InvalidCase[];
}

export function testRule(name: string, cases: RuleCases): void {
  const rule = RULES.find((r) => r.name === name);
  describe(`rule ${name}`, () => {
    it('exists', () => expect(rule).toBeDefined());
    if (!rule) return;

    it.each(cases.valid.map((v) => (typeof v === 'string' ? { code: v, target: undefined } : v)).map((v) => [JSON.stringify(v.code).slice(0, 70), v] as const))(
      'accepts %s',
      (_, { code, target }) => {
        expect(lint(code, { target, rules: [rule] })).toEqual([]);
      },
    );

    it.each(cases.invalid.map((c) => [JSON.stringify(c.code).slice(0, 70), c] as const))('reports %s', (_, c) => {
      const findings = lint(c.code, { target: c.target, rules: [rule] });
      expect(findings).toHaveLength(1);
      const [finding] = findings;
      expect(finding).toMatchObject({ line: c.line, column: c.column, name, category: rule.category });
      expect(finding.message).toContain(c.message);
      expect(finding.severity).toBe(c.severity ?? rule.severity);
      if (c.option !== undefined) expect(finding.option).toBe(c.option);
      if (c.output === null) expect(finding.fix).toBeUndefined();
      if (typeof c.output === 'string') {
        expect(finding.fix).toBeDefined();
        expect(applyEdits(c.code, finding.fix!.edits)).toBe(c.output);
      }
    });
  });
}

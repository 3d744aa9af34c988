/**
 * The rule contract, checked over every rule in RULES (so also rules added later):
 *  - the docs' "bad" example triggers the rule and the "good" example does not;
 *  - the `fixable` of a rule's metadata matches the fixes it emits: no fix less safe than it says,
 *    and, for a fixable rule, at least one input where the rule emits a fix of that safety.
 */
import { lint, RULES } from '../src';
import type { Fixability, Rule } from '../src';
import { exampleText } from '../src/docs/example-text';
import { corpusInputs, exampleInputs, fixtureInputs, generatedInputs } from './support/inputs';

/** The rules a lint runs by default, plus `rule` (which may be off by default). */
function withRule(rule: Rule): Rule[] {
  return RULES.filter((r) => r === rule || r.enabledByDefault !== false);
}

describe.each(RULES.map((r) => [r.id, r.name, r] as const))('%s %s docs example', (id, _name, rule) => {
  const { bad, good, target } = rule.docs.example;
  // A rule for per-user files alone is shown with a per-user file.
  const perUser = rule.perUser === 'only';
  it('"bad" triggers the rule', () => {
    expect(lint(exampleText(bad), { rules: withRule(rule), target, perUser }).map((f) => f.ruleId)).toContain(id);
  });
  it('"good" does not', () => {
    expect(lint(exampleText(good), { rules: withRule(rule), target, perUser }).map((f) => f.ruleId)).not.toContain(id);
  });
});

const RANK: Record<Fixability, number> = { none: 0, safe: 1, unsafe: 2 };

describe("a rule's meta fixable matches the fixes it emits", () => {
  const emitted = new Map<string, Map<Fixability, string>>(RULES.map((r) => [r.id, new Map()]));
  beforeAll(() => {
    const inputs = [...fixtureInputs(), ...exampleInputs(), ...corpusInputs(), ...generatedInputs(300)];
    for (const input of inputs) {
      for (const finding of lint(input.text, { rules: RULES, target: input.target })) {
        const seen = emitted.get(finding.ruleId)!;
        if (!seen.has(finding.fixable)) seen.set(finding.fixable, input.label);
      }
    }
  });
  it.each(RULES.map((r) => [r.name, r] as const))('%s', (_name, rule) => {
    const seen = emitted.get(rule.id)!;
    const lessSafe = [...seen].filter(([safety]) => RANK[safety] > RANK[rule.fixable]);
    expect({ lessSafeThanMeta: lessSafe }).toEqual({ lessSafeThanMeta: [] });
    if (rule.fixable !== 'none') expect({ demonstrated: seen.has(rule.fixable) }).toEqual({ demonstrated: true });
  });
});

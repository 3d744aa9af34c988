/** Rule selection: which rules run and at what severity. */
import { lint, RULES } from '../src';
import type { Rule } from '../src';
import { CATEGORIES, findRuleRef, resolveRuleSelection, RuleSelection, RuleSelectionError, rulesFor } from '../src/engine/rule-selection';

const DEFAULT_IDS = RULES.filter((r) => r.enabledByDefault !== false).map((r) => r.id);
const OPT_IN = RULES.filter((r) => r.enabledByDefault === false);
const ids = (selection?: RuleSelection | readonly RuleSelection[], base?: readonly Rule[]) =>
  resolveRuleSelection(selection, RULES, base).rules.map((r) => r.id);
const rule = (name: string) => RULES.find((r) => r.name === name)!;

describe('findRuleRef and rulesFor', () => {
  it.each(['VSF401', 'vsf401', ' VSF401 ', 'anonymous-enabled'])('finds a rule by id (any case) or name: %j', (ref) => {
    expect(findRuleRef(ref, RULES)?.id).toBe('VSF401');
  });

  it('finds no rule for an unknown name or a category', () => {
    expect(findRuleRef('VSF999', RULES)).toBeUndefined();
    expect(findRuleRef('security', RULES)).toBeUndefined();
  });

  it('expands categories and "all"', () => {
    for (const category of CATEGORIES) {
      const rules = rulesFor(category, RULES)!;
      expect(rules.length).toBeGreaterThan(0);
      expect(rules.every((r) => r.category === category)).toBe(true);
    }
    expect(rulesFor('all', RULES)).toHaveLength(RULES.length);
    expect(rulesFor('nope', RULES)).toBeUndefined();
  });

  it('CATEGORIES lists the category of every rule', () => {
    expect(new Set(RULES.map((r) => r.category))).toEqual(new Set(CATEGORIES));
  });
});

describe('resolveRuleSelection', () => {
  it('without a selection, runs the rules enabled by default', () => {
    expect(ids()).toEqual(DEFAULT_IDS);
    expect(ids([])).toEqual(DEFAULT_IDS);
    expect(OPT_IN.length).toBeGreaterThan(0);
  });

  it('disables by id, name or category', () => {
    expect(ids({ disable: ['VSF401'] })).not.toContain('VSF401');
    expect(ids({ disable: ['anonymous-enabled'] })).not.toContain('VSF401');
    expect(ids({ disable: ['security'] }).some((id) => rule('anonymous-enabled').id === id)).toBe(false);
    expect(ids({ disable: ['all'] })).toEqual([]);
  });

  it('enable turns on rules that are off by default, by name or through their category', () => {
    const optIn = OPT_IN[0];
    expect(ids({ enable: [optIn.name] })).toContain(optIn.id);
    expect(ids({ enable: [optIn.category] })).toContain(optIn.id);
    expect(ids({ enable: ['all'] })).toEqual(RULES.map((r) => r.id));
  });

  it('keeps rule-set order whatever the order of the names', () => {
    const chosen = ids({ disable: ['all'], enable: ['VSF411', 'VSF101', 'VSF202'] });
    expect(chosen).toEqual(['VSF101', 'VSF202', 'VSF411']);
  });

  it('within a layer, a rule entry beats a category entry, and disable beats enable', () => {
    expect(ids({ disable: ['security'], enable: ['anonymous-enabled'] })).toContain('VSF401');
    expect(ids({ enable: ['security'], disable: ['anonymous-enabled'] })).not.toContain('VSF401');
    expect(ids({ enable: ['VSF401'], disable: ['VSF401'] })).not.toContain('VSF401');
    expect(ids({ disable: ['security'], rules: { VSF401: 'warning' } })).toContain('VSF401');
    expect(ids({ enable: ['anonymous-enabled'], rules: { VSF401: 'off' } })).not.toContain('VSF401');
  });

  it('a later layer overrides an earlier one', () => {
    expect(ids([{ disable: ['VSF401'] }, { enable: ['VSF401'] }])).toContain('VSF401');
    expect(ids([{ rules: { VSF401: 'error' } }, { disable: ['security'] }])).not.toContain('VSF401');
  });

  it('a severity in rules turns the rule on and overrides its severity', () => {
    const optIn = OPT_IN[0];
    const { rules, severities } = resolveRuleSelection({ rules: { [optIn.name]: 'error', VSF401: 'warning' } }, RULES);
    expect(rules).toContain(optIn);
    expect(severities).toEqual(
      new Map([
        [optIn.id, 'error'],
        ['VSF401', 'warning'],
      ]),
    );
  });

  it('"off" keeps an earlier severity for a later layer that turns the rule back on', () => {
    const { severities, rules } = resolveRuleSelection(
      [{ rules: { VSF401: 'error' } }, { rules: { VSF401: 'off' } }, { enable: ['VSF401'] }],
      RULES,
    );
    expect(rules.map((r) => r.id)).toContain('VSF401');
    expect(severities.get('VSF401')).toBe('error');
  });

  it('starts from a given base set', () => {
    expect(ids({ enable: ['VSF101'] }, [rule('no-banner')])).toEqual(['VSF101', 'VSF411']);
  });

  it.each([
    [{ disable: ['VSF999'] }, "disable[0]: unknown rule or category 'VSF999' (see --list-rules)"],
    [{ enable: ['securty'] }, "enable[0]: unknown rule or category 'securty' (did you mean"],
    [{ rules: { 'anonymous-enable': 'off' } }, "rules.anonymous-enable: unknown rule 'anonymous-enable' (did you mean anonymous-enabled?)"],
    [{ rules: { security: 'off' } }, "rules.security: 'security' is a category, not a rule: use enable/disable for categories"],
    [{ rules: { VSF401: 'warn' } }, 'rules.VSF401: expected one of off, info, warning, error, got "warn"'],
    [{ disable: ['VSF999'], source: 'ci.json' }, "ci.json: disable[0]: unknown rule or category 'VSF999'"],
    [{ disable: ['VSF999'], source: '--disable' }, "--disable: unknown rule or category 'VSF999'"],
  ] as [RuleSelection, string][])('throws a one-line RuleSelectionError: %j', (selection, message) => {
    let error: unknown;
    try {
      resolveRuleSelection(selection, RULES);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(RuleSelectionError);
    expect((error as Error).message).toContain(message);
    expect((error as Error).message).not.toContain('\n');
  });
});

describe('lint with a selection', () => {
  const text = 'listen=YES\nanonymous_enable=YES\n';

  it('runs only the selected rules', () => {
    const findings = lint(text, { selection: { disable: ['all'], enable: ['anonymous-enabled'] } });
    expect(findings.map((f) => f.ruleId)).toEqual(['VSF401']);
  });

  it('applies on top of `rules`', () => {
    const findings = lint(text, { rules: [rule('no-banner')], selection: { enable: ['anonymous-enabled'] } });
    expect(findings.map((f) => f.ruleId).sort()).toEqual(['VSF401', 'VSF411']);
  });

  it('replaces the severity of every finding of the rule', () => {
    const [finding] = lint(text, { selection: { disable: ['all'], rules: { VSF401: 'error' } } });
    expect(finding).toMatchObject({ ruleId: 'VSF401', severity: 'error' });
  });

  it('replaces the severity a rule grades per finding (blank-string-value: warning on Fedora)', () => {
    const blank = 'listen=YES\nftpd_banner=\r\n';
    const only = { disable: ['all'], enable: ['blank-string-value'] };
    expect(lint(blank, { target: 'fedora', selection: only }).map((f) => f.severity)).toEqual(['warning']);
    expect(lint(blank, { selection: only }).map((f) => f.severity)).toEqual(['error']);
    const info = { ...only, rules: { 'blank-string-value': 'info' as const } };
    expect(lint(blank, { target: 'fedora', selection: info }).map((f) => f.severity)).toEqual(['info']);
    expect(lint(blank, { selection: info }).map((f) => f.severity)).toEqual(['info']);
  });

  it('throws for an unknown rule', () => {
    expect(() => lint(text, { selection: { enable: ['VSF999'] } })).toThrow(RuleSelectionError);
  });

  it('keeps lint(text, { target, rules }) working as before', () => {
    expect(lint(text, { target: 'fedora', rules: [rule('anonymous-enabled')] }).map((f) => f.ruleId)).toEqual(['VSF401']);
  });
});

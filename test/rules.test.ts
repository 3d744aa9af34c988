/** What every rule must have: cases of its own, fixtures, complete docs, a unique id and name. */
import * as fs from 'fs';
import * as path from 'path';
import { lint, RULES } from '../src';

const ruleCases = path.resolve(__dirname, 'rules');
const fixtures = path.resolve(__dirname, '../fixtures');

describe.each(RULES.map((r) => [r.id, r.name, r] as const))('%s %s', (id, name, rule) => {
  it(`has a table of cases in test/rules/${name}.cases.ts`, () => {
    expect(fs.existsSync(path.join(ruleCases, `${name}.cases.ts`))).toBe(true);
  });

  it(`has fixtures/${name}/bad.conf that triggers it and good.conf that does not`, () => {
    const read = (file: string) => fs.readFileSync(path.join(fixtures, name, file), 'utf8');
    // A rule about one build names it in fixtures/<name>/target.
    const target = fs.existsSync(path.join(fixtures, name, 'target')) ? read('target').trim() : undefined;
    // A rule for per-user files alone is shown with per-user files.
    const perUser = rule.perUser === 'only';
    expect(lint(read('bad.conf'), { rules: [rule], target, perUser }).map((f) => f.ruleId)).toContain(id);
    expect(lint(read('good.conf'), { rules: [rule], target, perUser })).toEqual([]);
  });

  it('has complete docs and a unique id and name', () => {
    for (const text of [
      rule.summary,
      rule.docs.what,
      rule.docs.why,
      rule.docs.prevents,
      rule.docs.fix,
      rule.docs.example.bad,
      rule.docs.example.good,
    ]) {
      expect(text.trim().length).toBeGreaterThan(0);
    }
    expect(RULES.filter((r) => r.id === id || r.name === name)).toHaveLength(1);
    expect(id).toMatch(/^VSF\d{3}$/);
  });
});

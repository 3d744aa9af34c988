import * as fs from 'fs';
import * as path from 'path';
import { RULES } from '../src';
import { EXAMPLE_COMMAND, exampleOutput } from '../src/docs/example';
import { renderRuleDoc, withExampleOutput, withRuleTable } from '../src/docs/render';

const root = path.resolve(__dirname, '..');
const STALE = 'stale: run `npm run docs` and commit the result';

describe('generated documentation is up to date', () => {
  it.each(RULES.map((r) => [r.name, r] as const))(`docs/rules/%s.md matches the rule's metadata (${STALE})`, (name, rule) => {
    const file = path.join(root, 'docs/rules', `${name}.md`);
    expect(fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '(missing)').toBe(renderRuleDoc(rule));
  });

  it(`has no page for a rule that no longer exists (${STALE})`, () => {
    const pages = fs.readdirSync(path.join(root, 'docs/rules')).sort();
    expect(pages).toEqual(RULES.map((r) => `${r.name}.md`).sort());
  });

  it(`README's rule table lists every rule (${STALE})`, () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    expect(readme).toBe(withRuleTable(readme, RULES));
  });

  it(`README's example output is what the CLI prints for the bundled example (${STALE})`, () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    expect(readme).toBe(withExampleOutput(readme, EXAMPLE_COMMAND, exampleOutput(root)));
  });
});

/**
 * `npm run new-rule -- NAME` (scripts/new-rule.mjs) in a temporary copy of the repository: the
 * scaffold's files type-check (its `npm run docs` builds with tsc), its case table, the checks
 * every rule must pass (test/rules.test.ts) and the docs staleness test pass as written, and the
 * rule is registered in its category with the next free id. Bad names are usage errors (exit 2).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT, runProgram } from './support/integration';

const SKIPPED = new Set(['node_modules', 'dist', '.git', 'coverage']);

let copy: string;

beforeAll(() => {
  copy = fs.mkdtempSync(path.join(os.tmpdir(), 'vsftpd-lint-new-rule-'));
  fs.cpSync(ROOT, copy, { recursive: true, filter: (source) => !SKIPPED.has(path.basename(source)) });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'));
});

afterAll(() => fs.rmSync(copy, { recursive: true, force: true }));

const npm = (args: string[]) => runProgram('npm', args, { cwd: copy, timeoutMs: 600_000 });

it('writes a rule, fixtures, case table and docs that type-check and pass their tests', () => {
  const ids = fs.readdirSync(path.join(copy, 'rules')).flatMap((file) => {
    const match = /\bid: 'VSF(4\d\d)'/.exec(fs.readFileSync(path.join(copy, 'rules', file), 'utf8'));
    return match ? [Number(match[1])] : [];
  });
  const expectedId = `VSF${Math.max(...ids) + 1}`;

  const scaffold = npm(['run', '--silent', 'new-rule', '--', 'sample-scaffolded', '--category', 'security', '--option', 'anon_root']);
  expect({ status: scaffold.status, output: scaffold.output }).toMatchObject({ status: 0 });
  expect(scaffold.stdout).toContain(`${expectedId} sample-scaffolded`);

  for (const file of [
    'rules/sample-scaffolded.ts',
    'fixtures/sample-scaffolded/bad.conf',
    'fixtures/sample-scaffolded/good.conf',
    'test/rules/sample-scaffolded.cases.ts',
    'docs/rules/sample-scaffolded.md',
  ]) {
    expect(fs.existsSync(path.join(copy, file))).toBe(true);
  }
  const index = fs.readFileSync(path.join(copy, 'rules/index.ts'), 'utf8');
  // Listed last among the security rules, i.e. just before the hygiene section.
  expect(index).toMatch(/ {2}sampleScaffolded,\n {2}\/\/ hygiene\n/);
  expect(fs.readFileSync(path.join(copy, 'README.md'), 'utf8')).toContain('sample-scaffolded');

  const jest = runProgram(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/jest/bin/jest.js'),
      '--ci',
      '--verbose',
      'test/rule-cases.test.ts',
      'test/rules.test.ts',
      'test/docs.test.ts',
    ],
    { cwd: copy, timeoutMs: 600_000 },
  );
  expect({ status: jest.status, output: jest.output }).toMatchObject({ status: 0 });
  expect(jest.stderr).toMatch(/Tests: +\d+ passed/);
  expect(jest.stderr).toContain('rule sample-scaffolded');
});

it.each([['Not-Kebab'], ['sample-scaffolded-twice', '--category', 'nonsense']])('refuses %s with exit 2', (...args) => {
  const run = npm(['run', '--silent', 'new-rule', '--', ...args]);
  expect(run.status).toBe(2);
  expect(run.stderr).toMatch(/^new-rule: /);
});

#!/usr/bin/env node
// @ts-check
/**
 * `npm run new-rule -- NAME [--category CATEGORY] [--option OPTION] [--no-docs]`: scaffolds a
 * rule. Writes rules/NAME.ts (metadata, a small check about OPTION, no fix yet), registers it in
 * rules/index.ts at the end of its category, writes fixtures/NAME/{bad,good}.conf and the case
 * table test/rules/NAME.cases.ts, then runs `npm run docs` (which builds, so type-checks) to write
 * docs/rules/NAME.md and the README's rule table. Every file it writes passes the tests as is;
 * the TODOs say what to replace. The id is the next free one in the category's hundred.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The hundred each category's ids take (see the rule table in the README). */
const CATEGORY_HUNDREDS = { syntax: 1, 'data-connection': 2, startup: 3, security: 4, hygiene: 5 };

const USAGE =
  'usage: npm run new-rule -- NAME [--category syntax|data-connection|startup|security|hygiene] ' + '[--option OPTION] [--no-docs]';

/** @param {string} message */
function fail(message) {
  process.stderr.write(`new-rule: ${message}\n${USAGE}\n`);
  process.exit(2);
}

/** @param {string[]} argv */
function parseArgs(argv) {
  /** @type {{ name?: string, category: string, option: string, docs: boolean }} */
  const args = { category: 'hygiene', option: 'ftpd_banner', docs: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--category' || arg === '--option') {
      const value = argv[++i];
      if (value === undefined) fail(`${arg} needs a value`);
      args[arg === '--category' ? 'category' : 'option'] = value;
    } else if (arg === '--no-docs') args.docs = false;
    else if (arg.startsWith('-')) fail(`unknown flag ${arg}`);
    else if (args.name === undefined) args.name = arg;
    else fail(`unexpected argument ${arg}`);
  }
  if (args.name === undefined) fail('NAME is missing');
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(/** @type {string} */ (args.name))) {
    fail(`NAME must be kebab-case (lower-case words joined by "-"), not ${JSON.stringify(args.name)}`);
  }
  if (!(args.category in CATEGORY_HUNDREDS)) fail(`unknown category ${JSON.stringify(args.category)}`);
  if (!/^[a-z][a-z0-9_]*$/.test(args.option)) fail(`OPTION must be a vsftpd option name, not ${JSON.stringify(args.option)}`);
  return /** @type {{ name: string, category: keyof typeof CATEGORY_HUNDREDS, option: string, docs: boolean }} */ (args);
}

/** "weak-umask" -> "weakUmask" @param {string} name */
const camel = (name) => name.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());

/** The next free id in the category's hundred. @param {string} root @param {number} hundred */
function nextId(root, hundred) {
  const used = new Set();
  for (const file of fs.readdirSync(path.join(root, 'rules'))) {
    const match = /\bid: 'VSF(\d{3})'/.exec(fs.readFileSync(path.join(root, 'rules', file), 'utf8'));
    if (match) used.add(Number(match[1]));
  }
  for (let n = hundred * 100 + 1; n < hundred * 100 + 100; n++) if (!used.has(n)) return `VSF${n}`;
  throw new Error(`no free id left in VSF${hundred}xx`);
}

/**
 * rules/index.ts with the rule imported after the last import of its category's section ("//
 * CATEGORY imports") and listed last in its section of RULES ("  // CATEGORY"); syntax rules
 * come first, without a section comment.
 * @param {string} index @param {string} name @param {string} category
 */
function registered(index, name, category) {
  const lines = index.split('\n');
  const variable = camel(name);
  const sectionEnd = (/** @type {number} */ from, /** @type {(line: string) => boolean} */ isEnd) => {
    let i = from;
    while (i < lines.length && !isEnd(lines[i])) i++;
    return i;
  };
  const firstImport = lines.findIndex((l) => /^import \w+ from '\.\//.test(l));
  const importsStart = category === 'syntax' ? firstImport : lines.indexOf(`// ${category} imports`) + 1;
  if (firstImport === -1 || importsStart === 0) throw new Error(`rules/index.ts has no "// ${category} imports" section`);
  const importAt = sectionEnd(importsStart, (l) => !/^import \w+ from '\.\//.test(l));
  lines.splice(importAt, 0, `import ${variable} from './${name}';`);

  const listStart = lines.findIndex((l) => /^export const RULES\b/.test(l)) + 1;
  const entriesStart = category === 'syntax' ? listStart : lines.indexOf(`  // ${category}`, listStart) + 1;
  if (listStart === 0 || entriesStart === 0) throw new Error(`rules/index.ts has no "  // ${category}" section in RULES`);
  const entryAt = sectionEnd(entriesStart, (l) => /^\s*\/\/|^\];/.test(l));
  lines.splice(entryAt, 0, `  ${variable},`);
  return lines.join('\n');
}

/** @param {{ id: string, name: string, category: string, option: string }} rule */
function ruleSource({ id, name, category, option }) {
  return `import { at, Rule } from '../src/engine/rule';

// TODO: the option(s) this rule is about.
const OPTION = '${option}';

const ${camel(name)}: Rule = {
  id: '${id}',
  name: '${name}',
  category: '${category}',
  severity: 'warning',
  // 'safe' when the fix only makes vsftpd read what the text evidently means; 'unsafe' when it
  // changes behaviour (see CONTRIBUTING.md). Never a fix that loosens security.
  fixable: 'none',
  summary: 'TODO: one line for rule lists.',
  sources: ['vsftpd.conf(5): ${option}'],
  docs: {
    what: 'TODO: what the rule finds.',
    why: 'TODO: why it matters: what vsftpd or a client does.',
    prevents: 'TODO: the vsftpd message or client symptom it prevents, verbatim where there is one.',
    example: { bad: '${option}=TODO', good: '# TODO' },
    fix: 'TODO: how to fix it by hand, or what the fix does and why it is safe or unsafe.',
  },
  check({ config, report }) {
    // TODO: the condition. This placeholder reports the option wherever the file sets it.
    const value = config.get(OPTION);
    if (!value?.source) return;
    report({ ...at(value), message: \`\${config.describe(value)}: TODO say what is wrong and what to write instead\` });
  },
};

export default ${camel(name)};
`;
}

/** @param {{ name: string, option: string }} rule */
function caseTable({ name, option }) {
  return `import { testRule } from '../support/rule-tester';

// Each case is one text: valid ones must produce no finding of this rule, invalid ones exactly
// one, at the given 1-based line and column, with a message containing \`message\`. \`output\` is
// the text after the finding's fix (null: no fix).
testRule('${name}', {
  valid: ['', 'listen=YES\\n'],
  invalid: [
    {
      code: 'listen=YES\\n${option}=TODO\\n',
      line: 2,
      column: ${option.length + 2},
      option: '${option}',
      message: 'TODO say what is wrong',
      output: null,
    },
  ],
});
`;
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const files = {
    rule: path.join(root, 'rules', `${args.name}.ts`),
    fixtures: path.join(root, 'fixtures', args.name),
    cases: path.join(root, 'test', 'rules', `${args.name}.cases.ts`),
    index: path.join(root, 'rules', 'index.ts'),
  };
  for (const file of [files.rule, files.fixtures, files.cases]) {
    if (fs.existsSync(file)) fail(`${path.relative(root, file)} already exists`);
  }
  const id = nextId(root, CATEGORY_HUNDREDS[args.category]);
  const rule = { id, name: args.name, category: args.category, option: args.option };

  fs.writeFileSync(files.index, registered(fs.readFileSync(files.index, 'utf8'), args.name, args.category));
  fs.writeFileSync(files.rule, ruleSource(rule));
  fs.mkdirSync(files.fixtures);
  fs.writeFileSync(path.join(files.fixtures, 'bad.conf'), `# TODO: a realistic config the rule reports\nlisten=YES\n${args.option}=TODO\n`);
  fs.writeFileSync(path.join(files.fixtures, 'good.conf'), '# TODO: the same config, corrected\nlisten=YES\n');
  fs.writeFileSync(files.cases, caseTable(rule));
  for (const file of [
    files.rule,
    files.index,
    path.join(files.fixtures, 'bad.conf'),
    path.join(files.fixtures, 'good.conf'),
    files.cases,
  ]) {
    process.stdout.write(`wrote ${path.relative(root, file)}\n`);
  }
  if (args.docs) {
    // The docs page and README table come from the metadata: the generator is the only writer.
    const docs = spawnSync('npm', ['run', '--silent', 'docs'], { cwd: root, stdio: 'inherit' });
    if (docs.status !== 0) fail('npm run docs failed (see above): fix the rule, then run it again');
  }
  process.stdout.write(
    `\n${id} ${args.name}: replace the TODOs in the rule, its fixtures and its case table, then run\n` +
      `  npx jest test/rule-cases.test.ts test/rules.test.ts test/docs.test.ts\n` +
      '  npm run docs    # after every change to the metadata\n',
  );
}

main();

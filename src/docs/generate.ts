/** `npm run docs`: writes docs/rules/<name>.md for every rule, the README's rule table and its example output. */
import * as fs from 'fs';
import * as path from 'path';
import { RULES } from '../../rules';
import { PUBLISHED_SCHEMA_FILE, publishedConfigSchema } from './config-schema';
import { EXAMPLE_COMMAND, exampleOutput } from './example';
import { renderRuleDoc, withExampleOutput, withRuleTable } from './render';

const root = path.resolve(__dirname, '../../..');
const docsDir = path.join(root, 'docs/rules');
fs.mkdirSync(docsDir, { recursive: true });
for (const file of fs.readdirSync(docsDir)) fs.unlinkSync(path.join(docsDir, file));
for (const rule of RULES) fs.writeFileSync(path.join(docsDir, `${rule.name}.md`), renderRuleDoc(rule));
const readme = path.join(root, 'README.md');
const current = fs.readFileSync(readme, 'utf8');
fs.writeFileSync(readme, withExampleOutput(withRuleTable(current, RULES), EXAMPLE_COMMAND, exampleOutput(root)));
fs.writeFileSync(path.join(root, PUBLISHED_SCHEMA_FILE), publishedConfigSchema(root, RULES));
console.log(`wrote ${RULES.length} rule pages, the README rule table and example output, ${PUBLISHED_SCHEMA_FILE}`);

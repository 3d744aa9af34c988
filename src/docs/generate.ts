/** `npm run docs`: writes docs/rules/<name>.md for every rule and the README's rule table. */
import * as fs from 'fs';
import * as path from 'path';
import { RULES } from '../../rules';
import { renderRuleDoc, withRuleTable } from './render';

const root = path.resolve(__dirname, '../../..');
const docsDir = path.join(root, 'docs/rules');
fs.mkdirSync(docsDir, { recursive: true });
for (const file of fs.readdirSync(docsDir)) fs.unlinkSync(path.join(docsDir, file));
for (const rule of RULES) fs.writeFileSync(path.join(docsDir, `${rule.name}.md`), renderRuleDoc(rule));
const readme = path.join(root, 'README.md');
fs.writeFileSync(readme, withRuleTable(fs.readFileSync(readme, 'utf8'), RULES));
console.log(`wrote ${RULES.length} rule pages and the README rule table`);

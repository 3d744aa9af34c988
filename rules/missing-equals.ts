import type { Rule } from '../src/engine/rule';
import { isExplainedByLayout, oops, quote } from '../src/engine/text';
import { vsftpdMessage } from '../src/schema/setting';

const missingEquals: Rule = {
  id: 'VSF104',
  name: 'missing-equals',
  category: 'syntax',
  severity: 'error',
  fixable: 'none',
  perUser: 'also',
  summary: 'A line without "=" that is not a comment or a string option stops vsftpd.',
  docs: {
    what:
      'A non-blank, non-comment line without "=": stray text, a setting written "listen YES", ' +
      'or an option name alone. A line starting with "//", ";" or "--" is foreign-comment\'s.',
    why:
      'vsftpd reads the whole line as an option name with an empty value, which is fatal for ' +
      'everything but string options. There is no other comment syntax than "#" in column 1.',
    prevents: '500 OOPS: missing value in config file for: LINE',
    example: { bad: 'listen YES', good: 'listen=YES' },
    fix: 'Write NAME=VALUE, or turn the line into a comment with "#" in column 1.',
  },
  check({ document, settings, report }) {
    for (const { line, outcome } of settings) {
      if (outcome.kind !== 'missing-value' || line.hasEquals) continue;
      if (isExplainedByLayout(document, line)) continue;
      const looksLikeSetting = /^[A-Za-z0-9_]+[ \t]+\S/.exec(line.name);
      const hint = looksLikeSetting ? ' (write NAME=VALUE, without spaces)' : '';
      report({
        line,
        column: line.nameColumn,
        endColumn: line.nameColumn + Math.max(line.name.length, 1),
        option: line.name,
        message: `${quote(line.name)} has no "="${hint}: vsftpd stops with ` + oops(vsftpdMessage(line, outcome)!),
        cause: `lines without "=": vsftpd stops at the first with ${oops('missing value in config file for: NAME')}`,
      });
    }
  },
};

export default missingEquals;

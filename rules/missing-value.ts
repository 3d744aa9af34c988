import type { Rule } from '../src/engine/rule';
import { isExplainedByLayout, oops, quote } from '../src/engine/text';
import { vsftpdMessage } from '../src/schema/setting';

const missingValue: Rule = {
  id: 'VSF103',
  name: 'missing-value',
  category: 'syntax',
  severity: 'error',
  fixable: 'none',
  perUser: 'also',
  summary: 'A boolean, number or unknown name followed by "=" and nothing else stops vsftpd.',
  docs: {
    what:
      'A line "NAME=" with nothing after the "=" (or only text after a NUL byte), where NAME is ' +
      'not a string option. vsftpd checks for the empty value before it looks the name up, so ' +
      'an unknown name gets this message too.',
    why: 'Only string options may be empty (that unsets them); every other empty value is fatal.',
    prevents: '500 OOPS: missing value in config file for: NAME',
    example: { bad: 'listen_port=', good: 'listen_port=21' },
    fix: 'Write the intended value, or delete the line to keep the compiled default.',
  },
  check({ document, settings, report }) {
    for (const { line, outcome } of settings) {
      if (outcome.kind !== 'missing-value' || !line.hasEquals) continue;
      if (isExplainedByLayout(document, line)) continue;
      const what = line.name === '' ? 'a line with "=" and no name or value' : `${quote(line.name)} has no value`;
      const nul = line.nulColumn >= 0 ? ' (a NUL byte ends what vsftpd reads)' : '';
      report({
        line,
        column: line.nameColumn,
        endColumn: line.valueColumn,
        option: line.name,
        message: `${what}${nul}: vsftpd stops with ${oops(vsftpdMessage(line, outcome)!)}`,
      });
    }
  },
};

export default missingValue;

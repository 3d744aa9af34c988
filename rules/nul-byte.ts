import type { Rule } from '../src/engine/rule';
import { quote } from '../src/engine/text';

const nulByte: Rule = {
  id: 'VSF114',
  name: 'nul-byte',
  category: 'syntax',
  severity: 'warning',
  fixable: 'none',
  perUser: 'also',
  summary: 'vsftpd ignores everything after a NUL byte on a line.',
  docs: {
    what: 'A setting line containing a NUL byte (\\0), typically from a corrupted or binary edit.',
    why:
      'vsftpd hands each line on as a C string, so the NUL ends it: the rest of the line is ' +
      'silently ignored. If what is left is not a valid setting, another rule reports the error.',
    prevents: 'settings that silently differ from the text; "missing value" when the NUL comes first',
    example: { bad: 'anonymous_enable=NO\\0YES', good: 'anonymous_enable=NO' },
    fix: 'Remove the NUL byte and decide what the line should say; nothing is removed automatically.',
  },
  check({ settings, report }) {
    for (const { line } of settings) {
      if (line.nulColumn < 0) continue;
      report({
        line,
        column: line.nulColumn,
        endColumn: line.read.length,
        option: line.name,
        message:
          `NUL byte: vsftpd ignores ${quote(line.read.slice(line.nulColumn))} and reads the ` +
          `line as ${quote(line.read.slice(0, line.nulColumn))}`,
      });
    }
  },
};

export default nulByte;

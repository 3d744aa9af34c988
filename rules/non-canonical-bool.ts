import { fixWith, replaceInLine, Rule } from '../src/engine/rule';
import { quote } from '../src/engine/text';

const nonCanonicalBool: Rule = {
  id: 'VSF505',
  name: 'non-canonical-bool',
  category: 'hygiene',
  severity: 'info',
  fixable: 'safe',
  perUser: 'also',
  enabledByDefault: false,
  summary: 'A boolean written yes/True/1/0 instead of YES or NO.',
  sources: ['vsftpd parseconf.c (YES/TRUE/1/NO/FALSE/0, any case)', 'vsftpd-reference 0.4'],
  docs: {
    what: 'A boolean option whose value vsftpd accepts but that is not spelled YES or NO: yes, Yes, true, TRUE, 1, no, false, 0, ...',
    why:
      'vsftpd accepts all of these, but people and tools do not: compliance scanners and grep ' +
      'checks look for the literal "anonymous_enable=NO", so "anonymous_enable=no" or "=0" can ' +
      'fail an audit for a server that is configured correctly, and a reader may take "0" for ' +
      'a number. Opinionated, so off by default.',
    prevents: 'false audit findings and misreadings of correct settings',
    example: { bad: 'anonymous_enable=no\nlocal_enable=1', good: 'anonymous_enable=NO\nlocal_enable=YES' },
    fix: 'Safe: the value is rewritten as YES or NO, which vsftpd reads exactly the same.',
  },
  check({ settings, report }) {
    for (const { line, outcome } of settings) {
      if (outcome.kind !== 'set' || outcome.option.type !== 'bool') continue;
      const canonical = outcome.value ? 'YES' : 'NO';
      if (line.value === canonical) continue;
      const end = line.valueColumn + line.value.length;
      report({
        line,
        column: line.valueColumn,
        endColumn: end,
        option: line.name,
        message: `${quote(line.value)} means ${canonical} to vsftpd, but tools and readers expect YES or NO; write ${line.name}=${canonical}`,
        fix: fixWith('safe', replaceInLine(line, line.valueColumn, end, canonical)),
        cause: 'booleans written other than YES or NO: vsftpd reads them, but tools and readers expect YES or NO',
      });
    }
  },
};

export default nonCanonicalBool;

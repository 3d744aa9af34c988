import { fixWith, replaceInLine, Rule, valueSpan } from '../src/engine/rule';
import { quote } from '../src/engine/text';
import { isCWhitespace } from '../src/schema/values';

const blankStringValue: Rule = {
  id: 'VSF111',
  name: 'blank-string-value',
  category: 'syntax',
  severity: 'error',
  fixable: 'unsafe',
  perUser: 'also',
  summary: 'A string value of only blanks (or the "\\r" of a CRLF line) crashes Debian\'s vsftpd.',
  docs: {
    what: 'A string option whose value is only spaces, tabs or a "\\r" ("ftpd_banner= ", "banner_file=\\r").',
    why:
      "Debian's build trims string values and crashes (SIGSEGV, no message, exit status 139) " +
      'when nothing is left, at start-up and on every reload. Upstream keeps the blanks as the ' +
      'value (an error too: a user name or path of blanks); Fedora treats it as empty and ' +
      'unsets the option (a warning there).',
    prevents: 'vsftpd killed by signal 11 at start-up or on systemctl reload, with no message',
    example: { bad: 'ftpd_banner= ', good: 'ftpd_banner=Welcome' },
    fix:
      'Unsafe: the blanks are removed, leaving "NAME=", which unsets the option (removes its ' +
      'compiled default) in every build. Write a real value if that is not what you want.',
  },
  check({ target, settings, report }) {
    for (const { line, outcome } of settings) {
      if (!(outcome.kind === 'crash' || outcome.kind === 'unset' || outcome.kind === 'set')) continue;
      if (outcome.option.type !== 'string' || line.value === '' || !isCWhitespace(line.value)) continue;
      const effect =
        outcome.kind === 'crash'
          ? `${target.label} crashes with SIGSEGV (no message) while reading it`
          : outcome.kind === 'unset'
            ? `${target.label} unsets the option`
            : `${target.label} uses the blanks as the value`;
      report({
        line,
        ...valueSpan(line),
        option: line.name,
        severity: target.blankString === 'unset' ? 'warning' : 'error',
        message: `the value of '${line.name}' is only blanks ${quote(line.value)}: ${effect}`,
        fix: fixWith('unsafe', replaceInLine(line, line.valueColumn, line.valueColumn + line.value.length, '')),
      });
    }
  },
};

export default blankStringValue;

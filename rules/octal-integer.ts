import { fixWith, replaceInLine, Rule, valueSpan } from '../src/engine/rule';
import { quote } from '../src/engine/text';

const octalInteger: Rule = {
  id: 'VSF109',
  name: 'octal-integer',
  category: 'syntax',
  severity: 'warning',
  fixable: 'unsafe',
  perUser: 'also',
  summary: 'A leading 0 makes a number octal; a umask without one is decimal.',
  docs: {
    what:
      'A number that vsftpd reads in the other base than it seems to be written in: a port or ' +
      'count with a leading zero ("pasv_min_port=040000" is octal, 16384; "08" is 0), or a ' +
      'umask/mode without one ("local_umask=22" is decimal 22, octal 026, not 022).',
    why:
      'vsftpd reads a value starting with "0" as octal, stopping at the first digit that is not ' +
      '0-7, and any other value as decimal. Both mistakes start silently.',
    prevents: 'a passive range no firewall rule opens; uploads with unexpected permissions',
    example: { bad: 'pasv_min_port=040000\nlocal_umask=22', good: 'pasv_min_port=40000\nlocal_umask=022' },
    fix:
      'Unsafe (it changes the value vsftpd uses to the one the text suggests): leading zeros are ' +
      'removed from ports and counts, and a leading 0 is added to a umask or mode.',
  },
  check({ settings, report }) {
    for (const { line, outcome } of settings) {
      if (outcome.kind !== 'set' || outcome.option.type !== 'uint') continue;
      const text = line.value.replace(/\r$/, '');
      const value = outcome.value as number;
      const isMode = outcome.option.unit === 'mode';
      let message: string | undefined;
      let replacement: string | undefined;
      if (!isMode && /^0+[0-9]/.test(text)) {
        message = `${quote(line.value)} starts with 0, so vsftpd reads it as octal: ${value}`;
        if (/^0+[1-9][0-9]*$/.test(text)) replacement = text.replace(/^0+/, '');
      } else if (isMode && /^[1-7][0-7]*$/.test(text) && value > 7) {
        message =
          `${quote(line.value)} has no leading 0, so vsftpd reads it as decimal ${value} ` +
          `(octal 0${value.toString(8)}), not octal 0${text}`;
        replacement = `0${text}`;
      } else if (/^0[0-7]*[89]/.test(text)) {
        message = `${quote(line.value)} is octal and 8/9 are not octal digits: vsftpd reads ${value}`;
      }
      if (!message) continue;
      report({
        line,
        ...valueSpan(line),
        option: line.name,
        message,
        fix: replacement
          ? fixWith('unsafe', replaceInLine(line, line.valueColumn, line.valueColumn + text.length, replacement))
          : undefined,
      });
    }
  },
};

export default octalInteger;

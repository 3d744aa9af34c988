import { fixWith, replaceInLine, Rule } from '../src/engine/rule';
import { isExplainedByLayout, oops, quote } from '../src/engine/text';
import { vsftpdMessage } from '../src/schema/setting';

const spaceAroundEquals: Rule = {
  id: 'VSF105',
  name: 'space-around-equals',
  category: 'syntax',
  severity: 'error',
  fixable: 'safe',
  perUser: 'also',
  summary: 'Blanks around "=" become part of the name or of a boolean value, and vsftpd stops.',
  docs: {
    what: 'A setting written with blanks before "=" ("listen = YES"), or a boolean with a blank after ' + 'it ("listen= YES").',
    why: 'vsftpd does not trim around "=": "listen " (with the space) is not an option name, and ' + '" YES" is not a boolean.',
    prevents:
      '500 OOPS: unrecognised variable in config file: NAME (with a trailing space), or ' +
      '500 OOPS: bad bool value in config file for: NAME',
    example: { bad: 'listen = YES', good: 'listen=YES' },
    fix: 'Safe: the blanks around "=" are removed, which is what the line evidently means.',
  },
  check({ document, target, settings, report }) {
    for (const { line, outcome } of settings) {
      if (isExplainedByLayout(document, line)) continue;
      const name = line.name.replace(/[ \t\r\v\f]+$/, '');
      const blankName = outcome.kind === 'unrecognised' && name !== line.name && target.options.has(name);
      const blankValue = outcome.kind === 'bad-bool' && /^[ \t]/.test(line.value);
      if (!blankName && !blankValue) continue;
      const value = line.value.replace(/^[ \t]+/, '');
      report({
        line,
        column: line.nameColumn + name.length,
        endColumn: line.valueColumn + (line.value.length - value.length),
        option: line.name,
        message:
          `blanks around "=" in ${quote(line.text.slice(line.nameColumn, line.valueColumn + line.value.length))}: ` +
          `vsftpd stops with ${oops(vsftpdMessage(line, outcome)!)}; write ${quote(`${name}=${value}`)}`,
        fix: fixWith('safe', replaceInLine(line, line.nameColumn, line.valueColumn + line.value.length, `${name}=${value}`)),
      });
    }
  },
};

export default spaceAroundEquals;

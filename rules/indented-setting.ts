import { fixWith, replaceInLine, Rule } from '../src/engine/rule';
import { quote } from '../src/engine/text';

const indentedSetting: Rule = {
  id: 'VSF504',
  name: 'indented-setting',
  category: 'hygiene',
  severity: 'info',
  fixable: 'safe',
  perUser: 'also',
  summary: 'A setting is indented; vsftpd ignores the indent, but it reads like a continuation.',
  sources: ['vsftpd parseconf.c (leading whitespace is skipped)', 'vsftpd-reference 1.4'],
  docs: {
    what:
      'A setting line that starts with blanks. Indented "#" lines are not settings people meant ' +
      'and are left to indented-comment, which reports them as the fatal error they are.',
    why:
      'vsftpd skips leading whitespace before the name, so the line works. But vsftpd.conf has ' +
      'no sections or continuation lines: an indented setting suggests it belongs to the line ' +
      'above, or only applies under some condition, and invites indenting a comment next, ' +
      'which is fatal ("500 OOPS: missing value in config file for: # ...").',
    prevents: 'misreading a setting as part of the one above; indented comments copied from it',
    example: { bad: 'pasv_enable=YES\n    pasv_min_port=40000', good: 'pasv_enable=YES\npasv_min_port=40000' },
    fix: 'Safe: the leading blanks are removed; vsftpd skips them anyway.',
  },
  check({ settings, report }) {
    for (const { line } of settings) {
      if (line.indent === '' || line.name === '' || line.name.startsWith('#')) continue;
      report({
        line,
        column: 0,
        endColumn: line.indent.length,
        option: line.name,
        message:
          `${quote(line.indent)} before ${line.name}: vsftpd skips the indent, but vsftpd.conf has ` +
          'no sections or continuations, so the line reads as if it belonged to the one above; ' +
          'start it in column 1',
        fix: fixWith('safe', replaceInLine(line, 0, line.indent.length, '')),
        cause:
          'indented settings: vsftpd skips the indent, but the lines read as if they belonged to the one above; start them in column 1',
      });
    }
  },
};

export default indentedSetting;

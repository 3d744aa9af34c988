import { looksLikeDirective } from '../src/engine/suppressions';
import { fixWith, replaceInLine, Rule } from '../src/engine/rule';
import { isIndentedComment, oops, startsWithBom } from '../src/engine/text';
import { vsftpdMessage } from '../src/schema/setting';

const indentedComment: Rule = {
  id: 'VSF106',
  name: 'indented-comment',
  category: 'syntax',
  severity: 'error',
  fixable: 'safe',
  perUser: 'also',
  summary: 'A "#" after leading blanks is not a comment: vsftpd reads it as an option and stops.',
  docs: {
    what: 'A line whose first non-blank character is "#" but whose first character is not.',
    why:
      'vsftpd treats a line as a comment only when "#" is its very first byte. After skipping ' +
      'the blanks it reads "# text" as an option name, which is always fatal.',
    prevents: '500 OOPS: missing value in config file for: # text, or ' + '500 OOPS: unrecognised variable in config file: #name',
    example: { bad: '    # passive mode\npasv_enable=YES', good: '# passive mode\npasv_enable=YES' },
    fix: 'Safe: the blanks before "#" are removed, making the line the comment it was meant to be.',
  },
  check({ document, settings, report }) {
    for (const { line, outcome } of settings) {
      if (!isIndentedComment(line) || startsWithBom(document, line)) continue;
      const suppression = looksLikeDirective(line.name) ? ' (so this suppression comment is ignored too)' : '';
      report({
        line,
        column: 0,
        endColumn: line.nameColumn + 1,
        option: line.name,
        message:
          `indented "#" is not a comment${suppression}: vsftpd stops with ` +
          `${oops(vsftpdMessage(line, outcome)!)}; start the line with "#"`,
        fix: fixWith('safe', replaceInLine(line, 0, line.indent.length, '')),
      });
    }
  },
};

export default indentedComment;

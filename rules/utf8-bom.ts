import { fixWith, Rule } from '../src/engine/rule';
import { oops } from '../src/engine/text';
import { readSetting, vsftpdMessage } from '../src/schema/setting';

const utf8Bom: Rule = {
  id: 'VSF107',
  name: 'utf8-bom',
  category: 'syntax',
  severity: 'error',
  fixable: 'safe',
  perUser: 'also',
  summary: 'A UTF-8 byte order mark at the start of the file becomes part of the first name.',
  docs: {
    what: 'The file starts with the bytes EF BB BF (a UTF-8 BOM), as some Windows editors write.',
    why:
      'vsftpd has no notion of encodings: the BOM is three bytes glued to the first line, so the ' +
      'first option name (or comment) is not recognised.',
    prevents: '500 OOPS: unrecognised variable in config file: \\xEF\\xBB\\xBFNAME',
    example: { bad: '<BOM>anonymous_enable=NO', good: 'anonymous_enable=NO' },
    fix: 'Safe: the BOM is removed; no other byte changes.',
  },
  check({ document, target, report }) {
    const first = document.lines[0];
    if (!document.hasBom || !first) return;
    const message = first.kind === 'setting' ? vsftpdMessage(first, readSetting(first, target)) : undefined;
    const bomLength = document.encoding === 'utf8' ? 1 : 3;
    report({
      line: first,
      column: 0,
      endColumn: bomLength,
      option: first.kind === 'setting' ? first.name : null,
      message: `the file starts with a UTF-8 byte order mark: vsftpd stops with ${oops(message ?? '')}`,
      fix: fixWith('safe', { start: 0, end: bomLength, text: '' }),
    });
  },
};

export default utf8Bom;

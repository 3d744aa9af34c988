import { fixWith, Rule } from '../src/engine/rule';
import type { TextEdit } from '../src/engine/finding';
import type { Line } from '../src/parser/document';

const crlfLineEndings: Rule = {
  id: 'VSF112',
  name: 'crlf-line-endings',
  category: 'syntax',
  severity: 'error',
  fixable: 'safe',
  perUser: 'also',
  summary: 'CRLF (Windows) line endings leave a "\\r" at the end of every value.',
  docs: {
    what: 'Lines ending in "\\r\\n" instead of "\\n", usually from an editor or a copy on Windows.',
    why:
      'vsftpd ends lines at "\\n" only, so "\\r" stays in each value: every boolean becomes a ' +
      '"bad bool value", and on Debian a string option left empty by it ("name=\\r") crashes ' +
      'vsftpd with SIGSEGV. Numbers and other strings happen to survive, so a CRLF file can ' +
      'load until the next edit adds a boolean; the file is reported as an error either way.',
    prevents: '500 OOPS: bad bool value in config file for: NAME; a silent SIGSEGV on Debian',
    example: { bad: 'listen=YES\\r\\n', good: 'listen=YES\\n' },
    fix:
      'Safe: every "\\r" before a line end is removed (as dos2unix would); a number option whose ' +
      'whole value was the "\\r" gets the 0 vsftpd read from it, since an empty number is fatal.',
  },
  check({ document, target, report }) {
    const crLines = document.lines.filter((l) => l.text.endsWith('\r'));
    if (crLines.length === 0) return;
    const first = crLines[0];
    // "NAME=\r" for a number is read as 0 (atoi); dropping the CR alone would leave "NAME=",
    // which vsftpd rejects, so the fix writes the 0 it reads.
    const emptiedNumber = (line: Line) =>
      line.kind === 'setting' && line.value === '\r' && target.options.get(line.name)?.type === 'uint';
    const edits: TextEdit[] = crLines.map((l) => ({
      start: l.start + l.text.length - 1,
      end: l.start + l.text.length,
      text: emptiedNumber(l) ? '0' : '',
    }));
    const count = crLines.length === 1 ? '1 line ends' : `${crLines.length} lines end`;
    report({
      line: first,
      column: first.text.length - 1,
      endColumn: first.text.length,
      message:
        `${count} with CRLF ("\\r\\n"), first on line ${first.line}: vsftpd keeps the "\\r" in ` +
        'each value; convert the file to LF line endings',
      fix: fixWith('safe', ...edits),
    });
  },
};

export default crlfLineEndings;

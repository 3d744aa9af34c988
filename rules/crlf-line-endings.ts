import { fixWith, Rule } from '../src/engine/rule';
import type { TextEdit } from '../src/engine/finding';
import { lineList } from '../src/engine/text';
import type { Line } from '../src/parser/document';

const crlfLineEndings: Rule = {
  id: 'VSF112',
  name: 'crlf-line-endings',
  category: 'hygiene',
  severity: 'warning',
  fixable: 'safe',
  perUser: 'also',
  summary: 'CRLF (Windows) line endings leave a "\\r" at the end of every value.',
  docs: {
    what:
      'Lines ending in "\\r\\n" instead of "\\n", usually from an editor or a copy on Windows: one ' +
      'finding for the file, listing the lines.',
    why:
      'vsftpd ends lines at "\\n" only, so "\\r" stays in each value. Debian\'s build trims it from ' +
      'string values and numbers read only their digits, so a file of strings and numbers loads; ' +
      'but a boolean line fails ("bad bool value", reported as an error on that line by ' +
      'bad-bool-value), a "name=\\r" string crashes Debian\'s vsftpd (blank-string-value), and ' +
      'upstream builds keep the "\\r" in paths and banners. So the file is a warning while it ' +
      'loads: the next boolean added to it stops the server.',
    prevents: '500 OOPS: bad bool value in config file for: NAME, after the next edit',
    example: { bad: 'ftpd_banner=Hello\\r\\nlisten_port=2121\\r\\n', good: 'ftpd_banner=Hello\\nlisten_port=2121\\n' },
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
    const emptiedNumber = (line: Line) => line.kind === 'setting' && line.value === '\r' && target.options.get(line.name)?.type === 'uint';
    const edits: TextEdit[] = crLines.map((l) => ({
      start: l.start + l.text.length - 1,
      end: l.start + l.text.length,
      text: emptiedNumber(l) ? '0' : '',
    }));
    report({
      line: first,
      column: first.text.length - 1,
      endColumn: first.text.length,
      message:
        `${lineList(crLines.map((l) => l.line))} ${crLines.length === 1 ? 'ends' : 'end'} with CRLF ("\\r\\n"): vsftpd keeps the "\\r" in ` +
        'each value, which a boolean cannot take (any line where it stops vsftpd is reported as an ' +
        'error of its own); convert the file to LF line endings',
      fix: fixWith('safe', ...edits),
    });
  },
};

export default crlfLineEndings;

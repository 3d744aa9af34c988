import { fixWith, replaceInLine, Rule } from '../src/engine/rule';
import { foreignCommentMarker, oops, startsWithBom } from '../src/engine/text';
import { vsftpdMessage } from '../src/schema/setting';

const foreignComment: Rule = {
  id: 'VSF116',
  name: 'foreign-comment',
  category: 'syntax',
  severity: 'error',
  fixable: 'safe',
  perUser: 'also',
  summary: 'A line starting with "//", "/*", ";" or "--" is not a comment: vsftpd reads it as an option and stops.',
  docs: {
    what:
      'A line written as a comment in another language: "// text" or "/* text */" (C, ' +
      'JavaScript), "; text" (INI files) or "-- text" (SQL, Lua; "--" followed by a blank, a ' +
      '"-" or nothing), indented or not. Commented-out settings such as "// write_enable=YES" ' +
      'are the common case.',
    why:
      'vsftpd has one comment syntax: "#" as the very first byte of a line. It reads any other ' +
      'line as NAME=VALUE, so "// write_enable=YES" is an option named "// write_enable", which ' +
      'it does not know, and it refuses to start at that line.',
    prevents: '500 OOPS: unrecognised variable in config file: // NAME, or ' + '500 OOPS: missing value in config file for: ; text',
    example: {
      bad: '// write_enable=YES\n; anonymous access\nanonymous_enable=NO',
      good: '# write_enable=YES\n# anonymous access\nanonymous_enable=NO',
    },
    fix:
      'Safe: the marker (and any blanks before it) becomes "#", keeping the rest of the text. ' +
      'vsftpd refuses the line today, and a comment is what it evidently means. The line is ' +
      'never turned into the setting it contains: "// write_enable=YES" was written to disable ' +
      'writing, and unknown-option and missing-equals stay silent about it so that no ' +
      '"did you mean" fix can uncomment it.',
  },
  check({ document, settings, report }) {
    for (const { line, outcome } of settings) {
      const marker = foreignCommentMarker(line);
      if (marker === undefined || startsWithBom(document, line)) continue;
      report({
        line,
        column: line.nameColumn,
        endColumn: line.nameColumn + marker.length,
        option: line.name,
        message:
          `"${marker}" does not start a comment in vsftpd.conf (only "#" as the first character ` +
          `does): vsftpd stops with ${oops(vsftpdMessage(line, outcome)!)}; write "#" instead`,
        fix: fixWith('safe', replaceInLine(line, 0, line.nameColumn + marker.length, '#')),
      });
    }
  },
};

export default foreignComment;

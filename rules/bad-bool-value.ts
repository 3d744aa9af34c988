import { fixWith, moveCommentAbove, replaceInLine, Rule, valueSpan } from '../src/engine/rule';
import type { Fix } from '../src/engine/finding';
import type { SettingLine } from '../src/parser/document';
import { vsftpdMessage } from '../src/schema/setting';
import { isExplainedByLayout, oops, quote } from '../src/engine/text';
import { inlineComment, readBool } from '../src/schema/values';

/** Words people write for a boolean that vsftpd does not accept, and what they mean. */
const SYNONYMS: Readonly<Record<string, boolean>> = {
  Y: true,
  ON: true,
  ENABLE: true,
  ENABLED: true,
  T: true,
  N: false,
  OFF: false,
  DISABLE: false,
  DISABLED: false,
  F: false,
};

interface Diagnosis {
  readonly cause: string;
  readonly fix?: Fix;
}

const canonical = (value: boolean): string => (value ? 'YES' : 'NO');

function diagnose(line: SettingLine): Diagnosis {
  const { value } = line;
  const end = line.valueColumn + value.length;
  const rewrite = (meant: boolean, safety: 'safe' | 'unsafe' = 'safe') =>
    fixWith(safety, replaceInLine(line, line.valueColumn, end, canonical(meant)));

  const withoutCr = value.replace(/\r$/, '');
  if (withoutCr !== value && readBool(withoutCr) !== undefined) {
    return {
      cause: 'the "\\r" of a CRLF (Windows) line ending belongs to the value',
      fix: rewrite(readBool(withoutCr)!),
    };
  }
  const comment = inlineComment(withoutCr, 'bool');
  const commented = comment && readBool(comment.before);
  if (comment && commented !== undefined) {
    // Keep the comment: move it to its own line above the setting.
    return {
      cause: 'vsftpd has no inline comments, so the comment is part of the value',
      fix: fixWith('safe', ...moveCommentAbove(line, comment, canonical(commented))),
    };
  }
  const trimmed = value.replace(/[ \t\r\v\f]+$/, '');
  if (trimmed !== value && readBool(trimmed) !== undefined) {
    return { cause: 'trailing whitespace belongs to the value', fix: rewrite(readBool(trimmed)!) };
  }
  const quoted = /^(["'])(.*)\1$/.exec(value);
  if (quoted && readBool(quoted[2]) !== undefined) {
    return { cause: 'quotes are part of the value', fix: rewrite(readBool(quoted[2])!) };
  }
  const synonym = SYNONYMS[value.trim().toUpperCase()];
  if (synonym !== undefined) {
    return { cause: `write ${canonical(synonym)}`, fix: rewrite(synonym) };
  }
  return { cause: 'write YES or NO' };
}

const badBoolValue: Rule = {
  id: 'VSF102',
  name: 'bad-bool-value',
  category: 'syntax',
  severity: 'error',
  fixable: 'safe',
  perUser: 'also',
  summary: 'A boolean option whose value is not exactly YES/NO/TRUE/FALSE/1/0 stops vsftpd.',
  docs: {
    what:
      'A boolean option whose value is not one of YES, NO, TRUE, FALSE, 1 or 0 (any letter case). ' +
      'The common causes are invisible: a trailing space or tab, the "\\r" of a CRLF line ' +
      'ending, an inline "# comment", quotes, or words such as ON/OFF.',
    why:
      'vsftpd never trims a boolean value: it upper-cases the exact text after "=" and compares ' +
      'it with the six accepted words. Anything else stops the server.',
    prevents: '500 OOPS: bad bool value in config file for: NAME',
    example: { bad: 'pasv_enable=YES   # allow passive\nlisten="NO"', good: '# allow passive\npasv_enable=YES\nlisten=NO' },
    fix:
      'Safe when the intended word is clear: the value is rewritten as YES or NO; an inline ' +
      'comment is moved to its own line above the setting so nothing is lost. A value with no ' +
      'clear meaning is left for you to correct.',
  },
  check({ document, settings, report }) {
    for (const { line, outcome } of settings) {
      if (outcome.kind !== 'bad-bool' || isExplainedByLayout(document, line)) continue;
      if (/^[ \t]/.test(line.value)) continue; // a blank after "=" is space-around-equals
      const { cause, fix } = diagnose(line);
      report({
        line,
        ...valueSpan(line),
        option: line.name,
        message: `${quote(line.value)} is not a boolean (${cause}): vsftpd stops with ` + oops(vsftpdMessage(line, outcome)!),
        fix,
      });
    }
  },
};

export default badBoolValue;

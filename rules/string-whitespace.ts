import { fixWith, replaceInLine, Rule, valueSpan } from '../src/engine/rule';
import { quote } from '../src/engine/text';
import { isCWhitespace, trimCWhitespace } from '../src/schema/values';

const stringWhitespace: Rule = {
  id: 'VSF110',
  name: 'string-whitespace',
  category: 'syntax',
  severity: 'error',
  fixable: 'safe',
  perUser: 'also',
  summary: 'Blanks or a "\\r" around a string value: kept by upstream vsftpd, trimmed by Debian.',
  docs: {
    what: 'A string option whose value starts or ends with spaces, tabs or a "\\r".',
    why:
      'Upstream vsftpd (and openSUSE) keep the value byte for byte: "pam_service_name=vsftpd " ' +
      'names a PAM service that does not exist, so every local login fails. Debian and Fedora ' +
      'trim the value, so there it is a portability warning; for upstream targets it is an error.',
    prevents: '530 Login incorrect. (pam_service_name); "cannot read ... file" for a path with a trailing blank',
    example: { bad: 'pam_service_name=vsftpd ', good: 'pam_service_name=vsftpd' },
    fix: 'Safe: the blanks are removed, which is what Debian and Fedora already do.',
  },
  check({ target, settings, report }) {
    for (const { line, outcome } of settings) {
      if (outcome.kind !== 'set' || outcome.option.type !== 'string') continue;
      const trimmed = trimCWhitespace(line.value);
      if (trimmed === line.value || isCWhitespace(line.value)) continue;
      const kept = target.stringValues === 'verbatim';
      const lead = line.value.indexOf(trimmed);
      report({
        line,
        ...valueSpan(line),
        option: line.name,
        severity: kept ? 'error' : 'warning',
        message: kept
          ? `${quote(line.value)} has surrounding blanks that ${target.label} keeps in the value: write ${quote(trimmed)}`
          : `${quote(line.value)} has surrounding blanks: ${target.label} trims them, upstream vsftpd keeps them`,
        fix: fixWith(
          'safe',
          replaceInLine(line, line.valueColumn + lead + trimmed.length, line.valueColumn + line.value.length, ''),
          replaceInLine(line, line.valueColumn, line.valueColumn + lead, ''),
        ),
      });
    }
  },
};

export default stringWhitespace;

import { fixWith, replaceInLine, Rule } from '../src/engine/rule';
import type { Fix } from '../src/engine/finding';
import type { SettingLine } from '../src/parser/document';
import type { OptionSpec } from '../src/schema/options';
import { loosening } from '../src/schema/loosening';
import { quote } from '../src/engine/text';
import { formatValue, numberText } from '../src/schema/values';

interface Diagnosis {
  readonly message: string;
  readonly fix?: Fix;
}

/**
 * A umask or mode written without a leading 0 ("63"), which vsftpd reads as decimal (63, octal
 * 077: what a template prints when it renders an octal number in decimal). The other reading is
 * the digits as octal (063), when they are all octal digits.
 */
function decimalMode(line: SettingLine, option: OptionSpec, text: string, value: number): Diagnosis {
  const octal = (n: number) => formatValue(option, n);
  const asOctal = /^[0-7]+$/.test(text) ? parseInt(text, 8) : undefined;
  const readings =
    `${quote(text)} has no leading 0, so vsftpd reads it as decimal ${text}, which is octal ${octal(value)}` +
    (asOctal === undefined ? '' : `; read as octal it would be ${octal(asOctal)}`);
  if (value > 0o777) {
    return { message: `${readings}. ${octal(value)} is above 0777, so the intent is unclear: write the intended value with a leading 0` };
  }
  const looserThanOctal = asOctal === undefined ? undefined : loosening(option, asOctal, value);
  if (looserThanOctal) {
    return {
      message:
        `${readings}. vsftpd's reading ${looserThanOctal} compared with ${octal(asOctal!)}, so the ` +
        'intent is unclear: write the intended value with a leading 0',
    };
  }
  const otherGrants = asOctal === undefined ? undefined : loosening(option, value, asOctal);
  return {
    message: `${readings}. Write ${octal(value)}, the value vsftpd uses` + (otherGrants ? ` (${octal(asOctal!)} ${otherGrants})` : ''),
    fix: fixWith('safe', replaceInLine(line, line.valueColumn, line.valueColumn + text.length, octal(value))),
  };
}

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
      'umask/mode (local_umask, anon_umask, file_open_mode, chown_upload_mode) without one ' +
      '("local_umask=63" is decimal 63, octal 077: what a template prints when it renders 077 ' +
      'in decimal; read as octal it would be 063).',
    why:
      'vsftpd reads a value starting with "0" as octal, stopping at the first digit that is not ' +
      '0-7, and any other value as decimal (parseconf.c: str_octal_to_uint or str_atoi). Both ' +
      'mistakes start silently.',
    prevents: 'a passive range no firewall rule opens; uploads with unexpected permissions',
    example: { bad: 'pasv_min_port=040000\nlocal_umask=63', good: 'pasv_min_port=40000\nlocal_umask=077' },
    fix:
      'A umask or mode, safe: it is rewritten in octal with the value vsftpd reads ("63" becomes ' +
      '077, "18" becomes 022, "438" becomes 0666), so nothing changes for vsftpd. There is no ' +
      "fix when the intent is unclear: when the value is above 0777, or when vsftpd's reading " +
      'masks fewer bits (umask) or grants more (mode) than the digits read as octal ' +
      '("local_umask=300" is 0454, "300" as octal is 0300): the message gives both readings. A ' +
      'fix never writes the octal reading when it would remove bits from a umask or add bits to ' +
      'a mode ("local_umask=22" becomes 026, not 022). A port or count, unsafe: leading zeros ' +
      'are removed, which changes the number vsftpd uses to the one the text suggests.',
  },
  check({ settings, report }) {
    for (const { line, outcome } of settings) {
      if (outcome.kind !== 'set' || outcome.option.type !== 'uint') continue;
      const text = numberText(line.value);
      const value = outcome.value as number;
      const isMode = outcome.option.unit === 'mode';
      let diagnosis: Diagnosis | undefined;
      if (!isMode && /^0+[0-9]/.test(text)) {
        diagnosis = {
          message: `${quote(text)} starts with 0, so vsftpd reads it as octal: ${value}`,
          fix: /^0+[1-9][0-9]*$/.test(text)
            ? fixWith('unsafe', replaceInLine(line, line.valueColumn, line.valueColumn + text.length, text.replace(/^0+/, '')))
            : undefined,
        };
      } else if (isMode && /^[1-9][0-9]*$/.test(text) && value > 7) {
        diagnosis = decimalMode(line, outcome.option, text, value);
      } else if (/^0[0-7]*[89]/.test(text)) {
        diagnosis = { message: `${quote(text)} is octal and 8/9 are not octal digits: vsftpd reads ${value}` };
      }
      if (!diagnosis) continue;
      report({
        line,
        column: line.valueColumn,
        endColumn: line.valueColumn + text.length,
        option: line.name,
        ...diagnosis,
      });
    }
  },
};

export default octalInteger;

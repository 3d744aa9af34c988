import { Rule, valueSpan } from '../src/engine/rule';
import { quote } from '../src/engine/text';
import { asPort, numberText } from '../src/schema/values';

const UINT_MAX = 2 ** 32 - 1;

const invalidInteger: Rule = {
  id: 'VSF108',
  name: 'invalid-integer',
  category: 'syntax',
  severity: 'warning',
  fixable: 'none',
  perUser: 'also',
  summary: 'A number option whose text is not a plain number: vsftpd silently reads something else.',
  docs: {
    what:
      'A number option whose value is not plain decimal digits: words ("abc" is 0), trailing text ' +
      '("1e3" is 1), a minus sign ("-1" is 4294967295), a number above 4294967295 (it wraps), or a ' +
      'port above 65535 (it is cut to 16 bits: 67657 is 2121). A "# comment" after the number is ' +
      'reported by inline-comment, and the number before it is judged here.',
    why:
      "vsftpd reads numbers with C's atoi(): it never reports an error, it takes the leading " +
      'digits and wraps the result. The server starts with a value nobody wrote.',
    prevents: 'a listener or passive range on an unexpected port; limits of 0 (unlimited)',
    example: { bad: 'max_clients=50k\nlisten_port=70000', good: 'max_clients=50000\nlisten_port=2121' },
    fix: 'Write the intended number as plain digits.',
  },
  check({ settings, report }) {
    for (const { line, outcome } of settings) {
      if (outcome.kind !== 'set' || outcome.option.type !== 'uint') continue;
      if (line.value.startsWith('0')) continue; // octal values: octal-integer
      // A CR is crlf-line-endings' business, a comment after the number inline-comment's.
      const digits = numberText(line.value);
      const value = outcome.value as number;
      // Passive bounds above 65535 are ignored rather than cut; pasv-range-invalid explains them.
      const isPort = outcome.option.unit === 'port' && !outcome.option.name.startsWith('pasv_');
      let problem: string | undefined;
      if (!/^[0-9]+$/.test(digits)) problem = 'is not a plain number';
      else if (Number(digits) > UINT_MAX) problem = 'is larger than 4294967295 and wraps around';
      else if (isPort && value > 0xffff) problem = 'is not a port number (above 65535) and is cut to 16 bits';
      if (!problem) continue;
      const used = isPort ? asPort(value) : value;
      report({
        line,
        ...valueSpan(line),
        option: line.name,
        message: `${quote(line.value)} ${problem}: vsftpd silently uses ${used}`,
      });
    }
  },
};

export default invalidInteger;

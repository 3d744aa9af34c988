/**
 * The real-world corpus (see support/corpus.ts) comes with what Debian's
 * vsftpd 3.0.3 said of each file (ORACLE.jsonl). The linter must agree on every one: a file
 * vsftpd rejected while parsing has a syntax error naming the same option, and a file it parsed
 * has none.
 */
import * as fs from 'fs';
import * as path from 'path';
import { lint } from '../src';
import { CORPUS_DIR } from './support/corpus';
import { isParseRejection } from './support/syntax-verdict';

const ORACLE = path.join(CORPUS_DIR ?? '', 'ORACLE.jsonl');

interface OracleRecord {
  readonly file: string;
  readonly accepted: boolean;
  readonly message: string | null;
  readonly class: string;
  readonly exit: number;
}

const records: OracleRecord[] =
  CORPUS_DIR && fs.existsSync(ORACLE)
    ? fs
        .readFileSync(ORACLE, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))
    : [];

const PARSE_MESSAGE =
  /^500 OOPS: (?:bad bool value in config file for: |unrecognised variable in config file: |missing value in config file for: )(.*)$/s;

(records.length ? describe : describe.skip)('agreement with vsftpd on the real-world corpus', () => {
  it.each(records.map((r) => [r.file, r] as const))('%s', (file, record) => {
    const bytes = fs.readFileSync(path.join(CORPUS_DIR!, file));
    const findings = lint(bytes.toString('latin1'), { encoding: 'latin1' });
    const fatal = findings.filter(isParseRejection);
    const parse = PARSE_MESSAGE.exec(record.message ?? '');
    const crashed = record.class === 'no-reply' && record.exit === -11;
    if (parse) {
      expect(fatal[0]?.option).toBe(Buffer.from(parse[1], 'utf8').toString('latin1'));
    } else if (crashed) {
      expect(fatal[0]?.name).toBe('blank-string-value');
    } else {
      expect(fatal).toEqual([]);
    }
  });
});

/**
 * The command line is read without yargs when it is a common one (src/cli/args.ts `quickArgs`),
 * for start-up time. Whatever it reads must mean exactly what it means to yargs: the same
 * options, or the same usage error. Checked on generated command lines built from the flags,
 * their values (valid, invalid, missing, odd) and file names.
 */
import * as fc from 'fast-check';
import { parseArgs, quickArgs, toCliOptions, yargsArgs } from '../src/cli/args';
import type { CliOptions } from '../src/cli/args';

const outcome = (parse: () => CliOptions): { options?: CliOptions; error?: string } => {
  try {
    return { options: parse() };
  } catch (err) {
    return { error: (err as Error).message };
  }
};

const FLAG_WORDS = [
  '--format',
  '--output-file',
  '-o',
  '--quiet',
  '-q',
  '--target',
  '--max-warnings',
  '--exit-zero',
  '--color',
  '--no-color',
  '--config',
  '--no-config',
  '--rule',
  '--enable',
  '--disable',
  '--inline-config',
  '--no-inline-config',
  '--pasv-range',
  '--fix',
  '--no-fix',
  '--unsafe-fixes',
  '--exit-non-zero-on-fix',
  '--diff',
  '--stdin',
  '--stdin-filename',
  '--print-effective',
  '--list-rules',
  '--explain',
];
const VALUES = [
  'json',
  'stylish',
  'sarif',
  'xml',
  'debian',
  'fedora',
  'solaris',
  '0',
  '5',
  '-1',
  '-2',
  '1.5',
  'abc',
  '007',
  'VSF202=error',
  'hygiene',
  'all',
  '40000-40100',
  'out.txt',
  'a.conf',
  'dir/b.conf',
  '-',
  'true',
  'false',
  '',
  'completion',
];
const word = fc.oneof(
  fc.constantFrom(...FLAG_WORDS),
  fc.constantFrom(...VALUES),
  fc.tuple(fc.constantFrom(...FLAG_WORDS.filter((f) => f.startsWith('--'))), fc.constantFrom(...VALUES)).map(([f, v]) => `${f}=${v}`),
  fc.constantFrom('--unknown', '-x', '--', '-qo', '--outputFile', '--no-format', '--help', '--version'),
);

describe('quickArgs', () => {
  test('reads what yargs reads, the same way, or leaves it to yargs', () => {
    let quick = 0;
    fc.assert(
      fc.property(fc.array(word, { maxLength: 7 }), (argv) => {
        const raw = quickArgs(argv);
        if (raw === undefined) return;
        quick++;
        expect(outcome(() => toCliOptions(raw))).toEqual(outcome(() => toCliOptions(yargsArgs(argv, process.stdout))));
      }),
      { numRuns: 1500, seed: 14 },
    );
    // The comparison must cover a good share of command lines, not only the ones yargs gets.
    expect(quick).toBeGreaterThan(150);
  });

  test.each([
    [['a.conf', 'b.conf']],
    [['--format', 'json', '--max-warnings', '-1', '-o', 'report.json', '-']],
    [['--no-config', '--rule', 'VSF202=error', '--rule=VSF101=off', '--disable', 'hygiene', 'x.conf']],
    [['--diff', '--unsafe-fixes', '--target=fedora', 'vsftpd.conf']],
    [['--fix', '--exit-non-zero-on-fix', '--no-inline-config', '--no-color', '-q', 'vsftpd.conf']],
  ])('the common command line %j is read without yargs, as yargs reads it', (argv) => {
    const raw = quickArgs(argv);
    expect(raw).toBeDefined();
    expect(toCliOptions(raw!)).toEqual(toCliOptions(yargsArgs(argv, process.stdout)));
  });

  test.each([
    [['--help']],
    [['--version']],
    [['completion']],
    [['--completion']],
    [['--format', 'xml', 'a.conf']],
    [['--unknown']],
    [['-qo', 'out', 'a.conf']],
    [['--', '-weird-name.conf']],
    [['--fix', 'true', 'a.conf']],
    [['--config']],
  ])('%j is left to yargs', (argv) => {
    expect(quickArgs(argv)).toBeUndefined();
  });

  test('parseArgs reports an invalid command line as yargs does', () => {
    expect(() => parseArgs(['--format', 'xml'], process.stdout)).toThrow(/Invalid values/);
    expect(() => parseArgs(['--no-such-flag'], process.stdout)).toThrow(/Unknown argument/);
  });
});

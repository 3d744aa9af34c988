/**
 * What every vsftpd-lint command line shares: a usage error is one line and exit 2, and the yargs
 * parsers (the main one, `probe`, `firewall`) behave alike.
 */
import type { Argv } from 'yargs';
import type { OutputStream } from './io';

/** A bad command line: reported as one line on stderr, exit 2. */
export class UsageError extends Error {}

/** yargs spreads some messages (e.g. invalid choices) over several lines. */
function oneLine(message: string): string {
  return `${message.replace(/\s*\n\s*/g, ' ').trim()} (see --help)`;
}

/**
 * Parses `argv` with the settings every command uses: file names stay strings, unknown flags are
 * errors, -h/--help, help wrapped to the terminal (at most 100 columns), and failures thrown as
 * `UsageError` instead of yargs printing and exiting. What yargs prints (help, version, a
 * completion script, completions) goes to `out`, not to the console. `repeatable`: a flag given
 * twice collects its values (otherwise the last one wins).
 */
export function parseWithHouseStyle<T>(parser: Argv<T>, argv: readonly string[], repeatable: boolean, out: OutputStream): ArgumentsOf<T> {
  parser
    .parserConfiguration({ 'parse-positional-numbers': false, 'duplicate-arguments-array': repeatable })
    .strictOptions()
    .help()
    .alias('help', 'h')
    .wrap(Math.min(100, out.columns ?? 100))
    .exitProcess(false)
    .fail((message, error) => {
      throw new UsageError(oneLine(message || error?.message || 'invalid arguments'));
    });
  return parseTo(parser, argv, out);
}

type ArgumentsOf<T> = Awaited<ReturnType<Argv<T>['parseSync']>>;

/** One parse of `argv`, printing what yargs would print to `out` (as console.log: a newline after). */
export function parseTo<T>(parser: Argv<T>, argv: readonly string[], out: OutputStream): ArgumentsOf<T> {
  let printed = '';
  // With a callback, yargs hands over its output instead of logging it.
  const args = parser.parse([...argv], {}, (_err, _args, output) => {
    printed = output;
  }) as ArgumentsOf<T>;
  if (printed !== '') out.write(`${printed}\n`);
  return args;
}

/**
 * What every vsftpd-lint command line shares: a usage error is one line and exit 2, and the yargs
 * parsers (the main one, `probe`, `firewall`) behave alike.
 */
import type { Argv } from 'yargs';

/** A bad command line: reported as one line on stderr, exit 2. */
export class UsageError extends Error {}

/** yargs spreads some messages (e.g. invalid choices) over several lines. */
function oneLine(message: string): string {
  return `${message.replace(/\s*\n\s*/g, ' ').trim()} (see --help)`;
}

/**
 * The parser settings every command uses: file names stay strings, unknown flags are errors,
 * -h/--help, help wrapped to the terminal (at most 100 columns), and failures thrown as
 * `UsageError` instead of yargs printing and exiting. `repeatable`: a flag given twice collects
 * its values (otherwise the last one wins).
 */
export function withHouseStyle<T>(parser: Argv<T>, repeatable: boolean): Argv<T> {
  return parser
    .parserConfiguration({ 'parse-positional-numbers': false, 'duplicate-arguments-array': repeatable })
    .strictOptions()
    .help()
    .alias('help', 'h')
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .exitProcess(false)
    .fail((message, error) => {
      throw new UsageError(oneLine(message || error?.message || 'invalid arguments'));
    });
}

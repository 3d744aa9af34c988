/** The command line: flags, help text, and usage errors as a `UsageError` (exit 2, one line). */
import yargs from 'yargs';
import { BUILD_IDS, DEFAULT_TARGET, getTarget } from '../index';
import { TARGET_ALIASES } from '../schema/targets';
import { FORMATS, Format } from './formatters';

export class UsageError extends Error {}

export interface CliOptions {
  /** Help or version was asked for and has been printed: nothing else to do. */
  readonly handled: boolean;
  readonly files: readonly string[];
  readonly format: Format;
  readonly target: string;
  /** -1 = no limit. */
  readonly maxWarnings: number;
  /** --color / --no-color, or undefined to decide from the environment. */
  readonly color: boolean | undefined;
  readonly listRules: boolean;
  /** A rule id or name. */
  readonly explain: string | undefined;
}

const TARGETS = [...BUILD_IDS, ...Object.keys(TARGET_ALIASES)];

const EPILOGUE = `Exit status:
  0  no error-severity finding, and no more warnings than --max-warnings
  1  an error-severity finding, or more warnings than --max-warnings
  2  a usage error, a file that could not be read, or an internal error
     (the other files are still linted and reported)`;

export function parseArgs(argv: readonly string[]): CliOptions {
  const parser = yargs([...argv])
    .scriptName('vsftpd-lint')
    .usage(
      '$0 [options] [file ...]\n\n' +
        'Lint vsftpd.conf files for what stops vsftpd from starting and what breaks PASV/PORT ' +
        'data connections. "-" reads standard input. With no file, lints the config file of the ' +
        "target build (/etc/vsftpd.conf; Fedora/RHEL: /etc/vsftpd/vsftpd.conf).",
    )
    .option('format', {
      choices: FORMATS,
      default: 'stylish' as Format,
      requiresArg: true,
      describe: 'Output format',
    })
    .option('target', {
      choices: TARGETS,
      default: DEFAULT_TARGET,
      requiresArg: true,
      describe: 'vsftpd build to check against (a build id or alias)',
    })
    .option('max-warnings', {
      type: 'number',
      default: -1,
      requiresArg: true,
      describe: 'Exit 1 when there are more warnings than this (-1: no limit)',
    })
    .option('color', {
      type: 'boolean',
      describe:
        'Colour the output (default: only on a terminal; NO_COLOR and FORCE_COLOR are honoured)',
    })
    .option('list-rules', { type: 'boolean', default: false, describe: 'List every rule and exit' })
    .option('explain', {
      type: 'string',
      requiresArg: true,
      describe: 'Show the documentation of a rule (id or name) and exit',
    })
    .example('$0', 'Lint /etc/vsftpd.conf for Debian/Ubuntu vsftpd 3.0.3')
    .example('$0 --target fedora /etc/vsftpd/vsftpd.conf', 'Lint for Fedora/RHEL vsftpd')
    .example('ssh ftp1 cat /etc/vsftpd.conf | $0 -', 'Lint standard input')
    .example('$0 --format json --max-warnings 0 *.conf', 'JSON output; fail on any warning')
    .example('$0 --explain VSF102', 'Explain a rule')
    .epilogue(EPILOGUE)
    .parserConfiguration({ 'parse-positional-numbers': false, 'duplicate-arguments-array': false })
    .strictOptions()
    .help()
    .alias('help', 'h')
    .version()
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .exitProcess(false)
    .fail((message, error) => {
      throw new UsageError(oneLine(message || error?.message || 'invalid arguments'));
    });

  const args = parser.parseSync();
  const handled = Boolean(args.help || args.version);
  const maxWarnings = args.maxWarnings;
  if (!handled && !(Number.isInteger(maxWarnings) && maxWarnings >= -1)) {
    throw new UsageError('--max-warnings takes an integer of -1 or more (see --help)');
  }
  const files = args._.map(String);
  return {
    handled,
    files: files.length > 0 ? files : [getTarget(args.target).defaultConfigPath],
    format: args.format,
    target: args.target,
    maxWarnings,
    color: args.color,
    listRules: args.listRules,
    explain: args.explain,
  };
}

/** yargs spreads some messages (e.g. invalid choices) over several lines. */
function oneLine(message: string): string {
  return `${message.replace(/\s*\n\s*/g, ' ').trim()} (see --help)`;
}

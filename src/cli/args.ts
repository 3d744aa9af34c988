/** The command line: flags, help text, and usage errors as a `UsageError` (exit 2, one line). */
import yargs from 'yargs';
import { BUILD_IDS, DEFAULT_TARGET, getTarget } from '../index';
import { TARGET_ALIASES } from '../schema/targets';
import { FORMATS, Format } from './formatters';
import { STDIN_PATH } from './read-source';

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
  /** --fix: apply fixes, rewriting each file in place (stdin: print the result). */
  readonly fix: boolean;
  /** --diff: print the fixes as one unified diff and write nothing. */
  readonly diff: boolean;
  /** --unsafe-fixes: with --fix or --diff, apply unsafe fixes too. */
  readonly unsafeFixes: boolean;
}

const TARGETS = [...BUILD_IDS, ...Object.keys(TARGET_ALIASES)];

const EPILOGUE = `Exit status:
  0  no error-severity finding, and no more warnings than --max-warnings
  1  an error-severity finding, or more warnings than --max-warnings
  2  a usage error, a file that could not be read or written, or an internal error
     (the other files are still linted and reported)
With --fix, the status is that of what remains after fixing (1 if an error is left).
With --diff: 0 when there is nothing to fix, 1 when the diff is not empty, 2 on an error.`;

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
    .option('fix', {
      type: 'boolean',
      default: false,
      describe:
        'Apply safe fixes, rewriting each file in place (atomically, keeping mode and owner); ' +
        'with "-" or --stdin, print the fixed config on stdout and the report on stderr',
    })
    .option('unsafe-fixes', {
      type: 'boolean',
      default: false,
      describe: 'With --fix or --diff, also apply unsafe fixes (they change what vsftpd does)',
    })
    .option('diff', {
      type: 'boolean',
      default: false,
      describe:
        'Write nothing; print the fixes as one unified diff (a/ b/ paths, for patch -p1 or git apply)',
    })
    .option('stdin', {
      type: 'boolean',
      default: false,
      describe: 'Read the config from standard input (same as the file "-")',
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
    .example('$0 --fix /etc/vsftpd.conf', 'Apply the safe fixes in place, then report what is left')
    .example('$0 --diff --unsafe-fixes vsftpd.conf', 'Show every fix as a diff; change nothing')
    .example('$0 --fix - < vsftpd.conf > fixed.conf', 'Fix standard input to standard output')
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
  if (!handled) checkFixFlags(args, files);
  return {
    handled,
    files: args.stdin ? [STDIN_PATH] : files.length > 0 ? files : [getTarget(args.target).defaultConfigPath],
    format: args.format,
    target: args.target,
    maxWarnings,
    color: args.color,
    listRules: args.listRules,
    explain: args.explain,
    fix: args.fix,
    diff: args.diff,
    unsafeFixes: args.unsafeFixes,
  };
}

/** Combinations of --fix, --diff, --unsafe-fixes and --stdin that cannot mean anything. */
function checkFixFlags(
  args: { fix: boolean; diff: boolean; unsafeFixes: boolean; stdin: boolean; format: Format },
  files: readonly string[],
): void {
  if (args.fix && args.diff) {
    throw new UsageError('--fix and --diff cannot be combined: --diff writes nothing (see --help)');
  }
  if (args.unsafeFixes && !args.fix && !args.diff) {
    throw new UsageError('--unsafe-fixes needs --fix or --diff (see --help)');
  }
  if (args.diff && args.format !== 'stylish') {
    throw new UsageError('--diff prints a unified diff and takes no --format (see --help)');
  }
  if (args.stdin && files.length > 0) {
    throw new UsageError('--stdin reads standard input and takes no file (see --help)');
  }
  if (args.fix && files.includes(STDIN_PATH) && files.length > 1) {
    throw new UsageError(
      '--fix with standard input prints the fixed config and takes no other file (see --help)',
    );
  }
}

/** yargs spreads some messages (e.g. invalid choices) over several lines. */
function oneLine(message: string): string {
  return `${message.replace(/\s*\n\s*/g, ' ').trim()} (see --help)`;
}

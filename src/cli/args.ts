/**
 * The command line: flags, help text, and usage errors as a `UsageError` (exit 2, one line).
 *
 * yargs (the project's CLI parser) costs more to load and run than linting a typical config, so
 * the common command lines (files and well-formed flags of this table) are read by `quickArgs`
 * straight from the flag table yargs is configured from; everything else (help, version,
 * completion, short-flag bundles, `--`, anything unknown or malformed, and every error message)
 * goes to yargs. Both give the same options (tested on generated command lines).
 */
import type { Argv, Options } from 'yargs';
import { BUILD_IDS } from '../schema/options';
import { DEFAULT_TARGET, TARGET_ALIASES } from '../schema/targets';
import { FORMATS, Format } from '../format/names';
import { STDIN_PATH } from './read-source';
import type { OutputStream } from './io';
import { parseTo, parseWithHouseStyle, UsageError } from './usage';

export interface CliOptions {
  /** Help, version or a completion script was asked for and has been printed: nothing else to do. */
  readonly handled: boolean;
  /**
   * The files as given ("-" for standard input, also for --stdin or a lone --stdin-filename);
   * empty when none was given: the caller lints the target build's default config file.
   */
  readonly files: readonly string[];
  readonly format: Format;
  /** --target, or undefined: the config file's target applies, else DEFAULT_TARGET. */
  readonly target: string | undefined;
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
  /** --config PATH: this config file for every file, instead of searching for .vsftpd-lint.json. */
  readonly config: string | undefined;
  /** --no-config: no config file at all. */
  readonly noConfig: boolean;
  /** --rule ID=SEVERITY values, in order. */
  readonly rules: readonly string[];
  /** --enable / --disable values as given (each may be a comma list). */
  readonly enable: readonly string[];
  readonly disable: readonly string[];
  /** false with --no-inline-config: `# vsftpd-lint` directives are ignored. */
  readonly inlineConfig: boolean;
  /** --pasv-range MIN-MAX, unparsed. */
  readonly pasvRange: string | undefined;
  /** --per-user: the files are per-user config files (user_config_dir); false: as the config says. */
  readonly perUser: boolean;
  /** --list-targets: print the builds and aliases, then exit. */
  readonly listTargets: boolean;
  /** --output-file: the report goes there instead of standard output. */
  readonly outputFile: string | undefined;
  /** --quiet: report errors only. */
  readonly quiet: boolean;
  /** --stdin-filename: the name standard input has in reports and for the config lookup. */
  readonly stdinFilename: string | undefined;
  /** --exit-zero: findings never make the exit status 1. */
  readonly exitZero: boolean;
  /** --exit-non-zero-on-fix: with --fix, exit 1 when anything was fixed. */
  readonly exitNonZeroOnFix: boolean;
  /** --print-effective FILE. */
  readonly printEffective: string | undefined;
}

const TARGETS = [...BUILD_IDS, ...Object.keys(TARGET_ALIASES)];

const EPILOGUE = `Subcommands (each has --help):
  vsftpd-lint probe ftp://[user@]host[:port]   test a live server's PASV/EPSV/PORT data connections
  vsftpd-lint firewall FILE --backend nftables|iptables|ufw|firewalld
                                               print the firewall rules the config needs
  vsftpd-lint lsp                              a language server on stdio, for editors

Exit status:
  0  clean: no finding at or above the failing severity (errors; warnings too when there are
     more than --max-warnings)
  1  findings at or above the failing severity: an error-severity finding, or more warnings than
     --max-warnings (never with --exit-zero)
  2  a usage error, a bad config file or rule name, a file that could not be read or written, or
     an internal error (the other files are still linted and reported; --exit-zero keeps 2)
With --fix, the status is that of what remains after fixing (1 if an error is left); with
--exit-non-zero-on-fix also 1 when anything was fixed.
With --diff: 0 when there is nothing to fix, 1 when the diff is not empty, 2 on an error.
--print-effective: 0, or 1 when vsftpd cannot parse the file (its fatal findings are listed).

Configuration: each file uses the nearest .vsftpd-lint.json in its directory or a parent
(--config PATH: that file; --no-config: none). Command-line flags win over the file's
per-path overrides, which win over its top-level settings.`;

/** The flags of the main command: yargs is configured from this table, and `quickArgs` reads it. */
const FLAGS = {
  format: {
    choices: FORMATS,
    default: 'stylish' as Format,
    requiresArg: true,
    describe:
      'Output format: stylish (for people), json, sarif (SARIF 2.1.0), github (Actions annotations), ' +
      'gcc (file:line:col: severity: message, for editors), checkstyle (XML)',
  },
  'output-file': {
    alias: 'o',
    type: 'string',
    requiresArg: true,
    describe: 'Write the report to this file instead of standard output (the exit status is unchanged)',
  },
  quiet: {
    alias: 'q',
    type: 'boolean',
    default: false,
    describe: 'Report errors only: warnings and info are neither shown nor counted (--max-warnings)',
  },
  target: {
    choices: TARGETS,
    requiresArg: true,
    defaultDescription: `the config file's target, else ${DEFAULT_TARGET}`,
    describe: 'vsftpd build to check against (a build id or alias)',
  },
  'max-warnings': {
    type: 'number',
    default: -1,
    requiresArg: true,
    describe: 'Exit 1 when there are more warnings than this (-1: no limit)',
  },
  'exit-zero': {
    type: 'boolean',
    default: false,
    describe: 'Exit 0 even when there are findings (2 still reports usage, config and I/O errors)',
  },
  color: {
    type: 'boolean',
    describe: 'Colour the output (default: only on a terminal; NO_COLOR and FORCE_COLOR are honoured)',
  },
  config: {
    type: 'string',
    requiresArg: true,
    describe:
      'Use this config file for every file instead of the nearest .vsftpd-lint.json; ' +
      "--no-config: use none (as under Ansible's validate, which lints a temporary copy)",
  },
  rule: {
    type: 'string',
    array: true,
    nargs: 1,
    requiresArg: true,
    describe: 'Set a rule (id or name) to off, info, warning or error: --rule VSF202=error (repeatable)',
  },
  enable: {
    type: 'string',
    array: true,
    nargs: 1,
    requiresArg: true,
    describe: 'Run these rules (ids, names or categories, comma-separated; repeatable), also rules off by default',
  },
  disable: {
    type: 'string',
    array: true,
    nargs: 1,
    requiresArg: true,
    describe: 'Do not run these rules (ids, names, categories or "all", comma-separated; repeatable)',
  },
  'inline-config': {
    type: 'boolean',
    default: true,
    describe: 'Honour "# vsftpd-lint disable..." comments in the files (--no-inline-config: ignore them)',
  },
  'pasv-range': {
    type: 'string',
    requiresArg: true,
    describe: 'Passive port range fixes write when a config has none (MIN-MAX, default 40000-40100)',
  },
  'per-user': {
    type: 'boolean',
    default: false,
    describe:
      'The files are per-user config files (user_config_dir): check only what applies after ' +
      'login, and report options that have no effect there',
  },
  fix: {
    type: 'boolean',
    default: false,
    describe:
      'Apply safe fixes, rewriting each file in place (atomically, keeping mode and owner); ' +
      'with "-" or --stdin, print the fixed config on stdout and the report on stderr',
  },
  'unsafe-fixes': {
    type: 'boolean',
    default: false,
    describe: 'With --fix or --diff, also apply unsafe fixes (they change what vsftpd does)',
  },
  'exit-non-zero-on-fix': {
    type: 'boolean',
    default: false,
    describe: 'With --fix, exit 1 when anything was fixed, even if nothing remains',
  },
  diff: {
    type: 'boolean',
    default: false,
    describe: 'Write nothing; print the fixes as one unified diff (a/ b/ paths, for patch -p1 or git apply)',
  },
  stdin: {
    type: 'boolean',
    default: false,
    describe: 'Read the config from standard input (same as the file "-")',
  },
  'stdin-filename': {
    type: 'string',
    requiresArg: true,
    describe: 'The name of standard input in reports and for finding its config file and overrides ' + '(alone: reads standard input)',
  },
  'pre-commit': {
    type: 'boolean',
    hidden: true,
    describe: 'Set by the pre-commit hooks: the files must follow "--" (names starting with "-" stay names)',
  },
  'print-effective': {
    type: 'string',
    requiresArg: true,
    describe:
      'Print every option of the target with the value vsftpd uses and where it comes from ' +
      '(line or compiled default), then exit; --format json for JSON',
  },
  'list-rules': { type: 'boolean', default: false, describe: 'List every rule and exit' },
  'list-targets': { type: 'boolean', default: false, describe: 'List the --target builds and aliases and exit' },
  explain: {
    type: 'string',
    requiresArg: true,
    describe: 'Show the documentation of a rule (id or name) and exit',
  },
  completion: { type: 'boolean', default: false, describe: 'Print a bash/zsh completion script and exit' },
} satisfies Record<string, Options>;

type FlagName = keyof typeof FLAGS;

/** Options that may be given several times; every other repeated option keeps its last value. */
const REPEATABLE = new Set(['rule', 'enable', 'disable']);

/** What the flags say before the checks: keys in camelCase (yargs also gives others), `_` the files. */
export type RawArgs = Record<string, unknown>;

/** Reads the command line; help, version and completion are printed to `out`. */
export function parseArgs(argv: readonly string[], out: OutputStream): CliOptions {
  const raw = quickArgs(argv) ?? yargsArgs(argv, out);
  // pre-commit appends the staged file names after the hook's args: without "--" a staged
  // "-q.vsftpd.conf" or "--output-file=b.vsftpd.conf" would be read as a flag.
  if (lastValues(raw).preCommit === true && !argv.includes('--')) {
    throw new UsageError('--pre-commit: end the hook\'s args: with "--", which the staged file names follow (see --help)');
  }
  return toCliOptions(raw);
}

/** The command line as yargs reads it (and help, version and completion printed). */
export function yargsArgs(argv: readonly string[], out: OutputStream): RawArgs {
  // Loaded here, not at start-up: see the top of this file.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily, on purpose
  const yargs = require('yargs') as (args: string[]) => Argv;
  const parser = yargs([...argv])
    .scriptName('vsftpd-lint')
    .usage(
      '$0 [options] [file ...]\n\n' +
        'Lint vsftpd.conf files for what stops vsftpd from starting and what breaks PASV/PORT ' +
        'data connections. "-" reads standard input. With no file, lints the config file of the ' +
        'target build (/etc/vsftpd.conf; Fedora/RHEL: /etc/vsftpd/vsftpd.conf).',
    )
    .options(FLAGS)
    .completion('completion', 'Print a bash/zsh completion script: vsftpd-lint completion >> ~/.bashrc')
    .group(['format', 'output-file', 'quiet', 'color'], 'Output:')
    .group(['target', 'config', 'rule', 'enable', 'disable', 'inline-config', 'pasv-range', 'per-user'], 'Configuration:')
    .group(['max-warnings', 'exit-zero', 'exit-non-zero-on-fix'], 'Exit status flags:')
    .group(['fix', 'unsafe-fixes', 'diff'], 'Fixing:')
    .group(['stdin', 'stdin-filename'], 'Input:')
    .group(['print-effective', 'list-rules', 'list-targets', 'explain', 'completion'], 'Information:')
    .example('$0', 'Lint /etc/vsftpd.conf for Debian/Ubuntu vsftpd 3.0.3')
    .example('$0 --target fedora /etc/vsftpd/vsftpd.conf', 'Lint for Fedora/RHEL')
    .example('ssh ftp1 cat /etc/vsftpd.conf | $0 -', 'Lint standard input')
    .example('$0 --stdin-filename srv/a.conf < a.conf', 'Lint stdin as srv/a.conf (config lookup, overrides)')
    .example('$0 --format json --max-warnings 0 *.conf', 'JSON output; fail on any warning')
    .example('$0 --format sarif -o out.sarif *.conf', 'SARIF report for code scanning')
    .example('$0 --format github vsftpd/*.conf', 'Annotations in a GitHub Actions job')
    .example('$0 --rule VSF202=error --disable hygiene', 'Change severities and which rules run')
    .example('$0 --no-config %s', "Ansible's validate: no config lookup for its temporary copy")
    .example('$0 --fix /etc/vsftpd.conf', 'Apply the safe fixes in place, then report what is left')
    .example('$0 --diff --unsafe-fixes vsftpd.conf', 'Show every fix as a diff; change nothing')
    .example('$0 --fix - < vsftpd.conf > fixed.conf', 'Fix standard input to standard output')
    .example('$0 --print-effective /etc/vsftpd.conf', 'Every option: its value and where it comes from')
    .example('$0 --explain VSF102', 'Explain a rule')
    .example('$0 completion >> ~/.bashrc', 'Install shell completion')
    .epilogue(EPILOGUE)
    .version();

  const raw = parseWithHouseStyle(parser, argv, true, out) as RawArgs;
  // `--completion` (as opposed to `vsftpd-lint completion`, which yargs has printed already).
  if (lastValues(raw).completion === true && (raw._ as unknown[])[0] !== 'completion') parseTo(parser, ['completion'], out);
  return raw;
}

/**
 * The common command lines without yargs: files ("-" too) and this command's flags as `--flag`,
 * `--flag value`, `--flag=value`, `--no-flag` (booleans and --no-config), `-o FILE` and `-q`,
 * with values yargs would accept as they are. Anything else: undefined, and yargs reads it.
 */
export function quickArgs(argv: readonly string[]): RawArgs | undefined {
  const raw: RawArgs = { _: [] };
  for (const [name, spec] of Object.entries(FLAGS) as [FlagName, Options][]) {
    if (spec.default !== undefined) raw[camelCase(name)] = spec.default;
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === 'completion') return undefined;
    if (arg === '-' || !arg.startsWith('-')) {
      (raw._ as string[]).push(arg);
      continue;
    }
    const short = SHORT_FLAGS[arg];
    const equals = arg.indexOf('=');
    const written = short ?? (arg.startsWith('--') ? arg.slice(2, equals === -1 ? undefined : equals) : '');
    let value: string | undefined = short || equals === -1 ? undefined : arg.slice(equals + 1);
    const negated = written.startsWith('no-') && NEGATABLE.has(written.slice(3));
    const name = (negated ? written.slice(3) : written) as FlagName;
    const spec: Options | undefined = Object.prototype.hasOwnProperty.call(FLAGS, name) ? FLAGS[name] : undefined;
    if (!spec || name === 'completion') return undefined;
    const key = camelCase(name);
    if (negated || spec.type === 'boolean') {
      // `--fix true` and `--fix=false` are yargs's to read.
      if (value !== undefined || argv[i + 1] === 'true' || argv[i + 1] === 'false') return undefined;
      raw[key] = !negated;
      continue;
    }
    if (value === undefined) {
      value = argv[++i];
      if (value === undefined || (value.startsWith('-') && !(spec.type === 'number' && /^-\d+$/.test(value)))) return undefined;
    }
    if (spec.choices && !(spec.choices as readonly string[]).includes(value)) return undefined;
    if (spec.type === 'number') {
      if (!/^-?\d+$/.test(value)) return undefined;
      raw[key] = Number(value);
    } else if (spec.array) raw[name] = [...((raw[name] as string[] | undefined) ?? []), value];
    else raw[key] = value;
  }
  return raw;
}

/** Short flags `quickArgs` reads (-h, help, is yargs's). */
const SHORT_FLAGS: Readonly<Record<string, FlagName>> = { '-o': 'output-file', '-q': 'quiet' };
/** Flags with a `--no-` form: the booleans, and --no-config. */
const NEGATABLE = new Set<string>([
  ...Object.entries(FLAGS)
    .filter(([, spec]) => (spec as Options).type === 'boolean')
    .map(([name]) => name),
  'config',
]);

function camelCase(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** The options the flags give, checked (a UsageError when they cannot mean anything). */
export function toCliOptions(raw: RawArgs): CliOptions {
  const args = lastValues(raw);
  const positional = (raw._ as unknown[]).map(String);
  // `vsftpd-lint completion` (yargs printed the script) and the shell asking for completions.
  const completionCommand = positional[0] === 'completion';
  const handled = Boolean(args.help || args.version || args.completion || completionCommand || args.getYargsCompletions !== undefined);

  const str = (key: string): string | undefined => (typeof args[key] === 'string' ? args[key] : undefined);
  const bool = (key: string): boolean => args[key] === true;
  const list = (key: string): string[] => (Array.isArray(raw[key]) ? (raw[key] as unknown[]).map(String) : []);
  const options: CliOptions = {
    handled,
    files: positional,
    format: args.format as Format,
    target: str('target'),
    maxWarnings: args.maxWarnings as number,
    color: typeof args.color === 'boolean' ? args.color : undefined,
    listRules: bool('listRules'),
    explain: str('explain'),
    fix: bool('fix'),
    diff: bool('diff'),
    unsafeFixes: bool('unsafeFixes'),
    config: str('config'),
    noConfig: args.config === false,
    rules: list('rule'),
    enable: list('enable'),
    disable: list('disable'),
    inlineConfig: args.inlineConfig !== false,
    pasvRange: str('pasvRange'),
    perUser: bool('perUser'),
    listTargets: bool('listTargets'),
    outputFile: str('outputFile'),
    quiet: bool('quiet'),
    stdinFilename: str('stdinFilename'),
    exitZero: bool('exitZero'),
    exitNonZeroOnFix: bool('exitNonZeroOnFix'),
    printEffective: str('printEffective'),
  };
  if (handled) return options;
  checkValues(options);
  const files = inputFiles(options, bool('stdin'));
  checkFixFlags(options, files, bool('stdin'));
  checkPrintEffective(options, files);
  return { ...options, files };
}

/**
 * yargs gives an array for an option given twice (`duplicate-arguments-array`, needed so that
 * --rule, --enable and --disable can be repeated); every other option keeps its last value.
 */
function lastValues(raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const kebab = key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    out[key] = key !== '_' && !REPEATABLE.has(kebab) && Array.isArray(value) ? value[value.length - 1] : value;
  }
  return out;
}

function checkValues(options: CliOptions): void {
  const { maxWarnings } = options;
  if (!(Number.isInteger(maxWarnings) && maxWarnings >= -1)) {
    throw new UsageError('--max-warnings takes an integer of -1 or more (see --help)');
  }
  for (const [flag, value] of [
    ['--config', options.config],
    ['--output-file', options.outputFile],
    ['--stdin-filename', options.stdinFilename],
    ['--print-effective', options.printEffective],
  ] as const) {
    if (value === '') throw new UsageError(`${flag} needs a file name (see --help)`);
  }
  if (options.exitZero && options.exitNonZeroOnFix) {
    throw new UsageError('--exit-zero and --exit-non-zero-on-fix contradict each other (see --help)');
  }
}

/** The inputs: the files given, "-" for --stdin, or "-" for a lone --stdin-filename (as ruff). */
function inputFiles(options: CliOptions, stdin: boolean): string[] {
  const files = [...options.files];
  if (stdin) {
    if (files.length > 0) throw new UsageError('--stdin reads standard input and takes no file (see --help)');
    return [STDIN_PATH];
  }
  if (options.stdinFilename !== undefined && options.printEffective === undefined) {
    if (files.length === 0) return [STDIN_PATH];
    if (!files.includes(STDIN_PATH)) {
      throw new UsageError('--stdin-filename names standard input, which is not read: add "-" or --stdin (see --help)');
    }
  }
  return files;
}

/** Combinations of --fix, --diff, --unsafe-fixes and --stdin that cannot mean anything. */
function checkFixFlags(options: CliOptions, files: readonly string[], stdin: boolean): void {
  if (options.fix && options.diff) {
    throw new UsageError('--fix and --diff cannot be combined: --diff writes nothing (see --help)');
  }
  if (options.unsafeFixes && !options.fix && !options.diff) {
    throw new UsageError('--unsafe-fixes needs --fix or --diff (see --help)');
  }
  if (options.exitNonZeroOnFix && !options.fix) {
    throw new UsageError('--exit-non-zero-on-fix needs --fix (see --help)');
  }
  if (options.diff && options.format !== 'stylish') {
    throw new UsageError('--diff prints a unified diff and takes no --format (see --help)');
  }
  if (options.fix && files.length === 0) {
    // Never the default /etc/vsftpd.conf: a script whose file list came out empty must not fix it.
    throw new UsageError('--fix rewrites files in place: name them (or "-" for standard input) (see --help)');
  }
  if (options.fix && files.includes(STDIN_PATH) && files.length > 1 && !stdin) {
    throw new UsageError('--fix with standard input prints the fixed config and takes no other file (see --help)');
  }
}

function checkPrintEffective(options: CliOptions, files: readonly string[]): void {
  if (options.printEffective === undefined) return;
  if (files.length > 0) throw new UsageError('--print-effective takes one file, as its value (see --help)');
  if (options.fix || options.diff) throw new UsageError('--print-effective cannot be combined with --fix or --diff (see --help)');
  if (options.format !== 'stylish' && options.format !== 'json') {
    throw new UsageError('--print-effective prints text, or JSON with --format json (see --help)');
  }
}

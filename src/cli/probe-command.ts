/**
 * `vsftpd-lint probe ftp://[user@]host[:port]`: tests a live server's control and data connections
 * with the probe library (src/probe) and prints its report. This module only wires the library to
 * a terminal: flags, the password (from an environment variable or a prompt without echo, never
 * from the command line or the URL), the optional vsftpd.conf whose passive range sharpens the
 * diagnosis, and the exit status (the report's: 0 passive listing works, 1 a data-connection
 * problem, 2 unreachable, login failed, or a usage error).
 *
 * Loaded by run.ts only for `probe`, so plain linting never loads it, yargs' parser for it, or
 * the probe library.
 */
import kleur from 'kleur';
import { useColor } from './color';
import { EXIT_CLEAN, EXIT_ERROR } from './exit-codes';
import { describeSourceError, readSource } from './read-source';
import type { CliIO } from './io';
import { parseWithHouseStyle, UsageError } from './usage';
import { MAX_FAILED_SAMPLES, MAX_RANGE_SAMPLES } from '../probe/types';

const EPILOGUE = `Steps: connect and banner; FEAT; AUTH TLS and PBSZ/PROT (--tls; with ftps:// the TLS
handshake comes first, implicit FTPS); login; PASV, then a data connection to the address the 227
reply ADVERTISES and a listing, then more PASV offers (at most ${MAX_RANGE_SAMPLES}, stopping after ${MAX_FAILED_SAMPLES} failed
connections) to tell a passive range open in full, in part or not at all; EPSV the same way; with
--active, PORT/EPRT to a local listener. Each step waits at most --timeout seconds for any one reply
or connection, so the probe never hangs. A finding names the vsftpd.conf options and the firewall
to change, and the lint rules (vsftpd-lint --explain ID) that catch the same problem.

Password: anonymous logins (no user in the URL, or "anonymous"/"ftp") need none. For any other
user it comes from --password-env VAR, or else from a prompt without echo when standard input is
a terminal. A password on the command line or in the URL is refused, so is a user or password
with a line break, and none is ever printed.

Exit status:
  0  logged in, and every data-connection step that ran worked (PASV, EPSV, and with --active
     PORT/EPRT; a step may still carry a warning)
  1  logged in, but at least one of those steps failed: a data connection or listing failed, a
     passive reply was refused or unparseable, or only part of the passive range answered
  2  no FTP session: the server could not be reached, is not FTP (or speaks implicit FTPS), the
     TLS handshake or the login failed; or a usage error`;

/** Users the probe logs in as anonymously, with its own e-mail-like password. */
const ANONYMOUS_USERS = new Set(['anonymous', 'ftp']);

const FORMATS = ['human', 'json'] as const;
type Format = (typeof FORMATS)[number];

interface ProbeArgs {
  readonly url: string;
  readonly timeoutSeconds: number;
  readonly passwordEnv: string | undefined;
  readonly active: boolean;
  readonly tls: boolean;
  readonly insecure: boolean;
  readonly config: string | undefined;
  readonly target: string;
  readonly format: Format;
  readonly color: boolean | undefined;
  readonly transcript: boolean;
}

/** Runs `vsftpd-lint probe ARGV...`; resolves to the exit status. */
export async function runProbe(argv: readonly string[], io: CliIO): Promise<number> {
  const complain = (message: string) => io.stderr.write(`vsftpd-lint: ${message}\n`);
  let args: ProbeArgs | undefined;
  try {
    args = await parseProbeArgs(argv, io);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    complain(err.message);
    return EXIT_ERROR;
  }
  if (!args) return EXIT_CLEAN; // --help was printed

  const { parseProbeTarget, ProbeTargetError, probe, expectedPassiveRange, formatProbeHuman, formatProbeJson } = await import('../probe');
  let target: { host: string; port: number; user?: string; implicitTls?: boolean };
  try {
    target = parseProbeTarget(refusePasswordInUrl(args.url));
  } catch (err) {
    if (!(err instanceof ProbeTargetError || err instanceof UsageError)) throw err;
    complain(err.message);
    return EXIT_ERROR;
  }
  let range: ReturnType<typeof expectedPassiveRange>;
  let pasvAddress: string | undefined;
  if (args.config !== undefined) {
    const read = await readSource(args.config, io);
    if (!read.ok) {
      complain(describeSourceError(read.error));
      return EXIT_ERROR;
    }
    const { parse } = await import('../parser/parse');
    const { getTarget } = await import('../schema/targets');
    const { EffectiveConfig } = await import('../engine/effective-config');
    const { source } = read;
    const config = new EffectiveConfig(parse(source.text, { encoding: source.encoding }), getTarget(args.target));
    range = expectedPassiveRange(config);
    const configured = config.get('pasv_address')?.value;
    if (typeof configured === 'string' && configured !== '') pasvAddress = configured;
  }

  const user = target.user;
  let password: string | undefined;
  try {
    password = await passwordFor(user, args.passwordEnv, io.env);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    complain(err.message);
    return EXIT_ERROR;
  }

  let report: Awaited<ReturnType<typeof probe>>;
  try {
    report = await probe({
      host: target.host,
      port: target.port,
      ...(user !== undefined ? { user } : {}),
      ...(password !== undefined ? { password } : {}),
      timeoutMs: args.timeoutSeconds * 1000,
      active: args.active,
      tls: args.tls,
      ...(target.implicitTls ? { implicitTls: true } : {}),
      ...(pasvAddress !== undefined ? { pasvAddress } : {}),
      tlsRejectUnauthorized: !args.insecure,
      ...(range ? { expectedPassiveRange: range } : {}),
    });
  } catch (err) {
    // probe() rejects only for options that cannot work (a RangeError, e.g. a password with a
    // line break); never with a stack, and never with the value.
    if (!(err instanceof RangeError)) throw err;
    complain(err.message.replace(/^probe: /, ''));
    return EXIT_ERROR;
  }

  if (args.format === 'json') {
    io.stdout.write(formatProbeJson(report));
  } else {
    kleur.enabled = useColor({ flag: args.color, env: io.env, isTTY: io.stdout.isTTY === true });
    io.stdout.write(
      formatProbeHuman(report, {
        transcript: args.transcript,
        style: { pass: kleur.green, fail: kleur.red, warn: kleur.yellow, dim: kleur.dim, bold: kleur.bold },
      }),
    );
  }
  return report.exitCode;
}

async function parseProbeArgs(argv: readonly string[], io: CliIO): Promise<ProbeArgs | undefined> {
  refusePasswordFlag(argv);
  const { default: yargs } = await import('yargs');
  const { BUILD_IDS } = await import('../schema/options');
  const { DEFAULT_TARGET, TARGET_ALIASES } = await import('../schema/targets');
  const { DEFAULT_PROBE_TIMEOUT_MS } = await import('../probe');
  const parser = yargs([...argv])
    .scriptName('vsftpd-lint')
    .usage(
      '$0 probe ftp://[user@]host[:port] | ftps://[user@]host[:port] [options]\n\n' +
        'Test a running FTP server the way you would by hand (quote PASV, ftp -p) and explain what ' +
        'breaks its data connections: the address in the 227 reply (NAT, pasv_address), a passive ' +
        'range the firewall drops, PASV or PORT refused, active mode blocked. PASV and EPSV are ' +
        'tested separately: curl, Python ftplib and most clients hide a bad 227 address.',
    )
    .option('timeout', {
      type: 'number',
      default: DEFAULT_PROBE_TIMEOUT_MS / 1000,
      requiresArg: true,
      describe: 'Longest wait in seconds for any one reply or connection',
    })
    .option('password-env', {
      type: 'string',
      requiresArg: true,
      describe: 'Read the password from this environment variable',
    })
    .option('active', { type: 'boolean', default: false, describe: 'Also test active mode (PORT/EPRT)' })
    .option('tls', { type: 'boolean', default: false, describe: 'Explicit FTPS: AUTH TLS before login, then PBSZ 0 / PROT P' })
    .option('insecure', {
      type: 'boolean',
      default: false,
      describe: "With --tls: do not verify the server's certificate (still reported)",
    })
    .option('config', {
      type: 'string',
      requiresArg: true,
      describe: "The server's vsftpd.conf: compare the advertised passive port with its range",
    })
    .option('target', {
      choices: [...BUILD_IDS, ...Object.keys(TARGET_ALIASES)],
      default: DEFAULT_TARGET,
      requiresArg: true,
      describe: 'vsftpd build to read --config as (a build id or alias)',
    })
    // yargs infers the option's type from the default: without the assertion it is string.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
    .option('format', { choices: FORMATS, default: 'human' as Format, requiresArg: true, describe: 'Output format' })
    .option('color', {
      type: 'boolean',
      describe: 'Colour the output (default: only on a terminal; NO_COLOR and FORCE_COLOR are honoured)',
    })
    .option('transcript', {
      type: 'boolean',
      default: false,
      describe: 'Human output: show every command sent and reply received under its step',
    })
    .example('$0 probe ftp://ftp.example.com', 'Log in anonymously; test PASV and EPSV')
    .example('$0 probe ftp://alice@host:2121', 'Log in as alice (asks for the password)')
    .example('$0 probe --password-env PW ftp://bob@host', 'Password from the variable PW')
    .example('$0 probe --active ftp://host', 'Also test active mode')
    .example('$0 probe --config vsftpd.conf ftp://host', 'Check the passive port against the range')
    .example('$0 probe --tls --insecure ftp://host', 'Explicit FTPS, self-signed certificate')
    .example('$0 probe ftps://host', 'Implicit FTPS (TLS from the first byte, port 990)')
    .example('$0 probe --format json ftp://host', 'The report as JSON')
    .epilogue(EPILOGUE)
    .version(false);

  const args = parseWithHouseStyle(parser, argv, false, io.stdout);
  if (args.help) return undefined;
  const positional = args._.map(String);
  if (positional.length !== 1) {
    throw new UsageError(
      positional.length === 0
        ? 'probe needs a server: vsftpd-lint probe ftp://[user@]host[:port] (see --help)'
        : 'probe takes one server, ftp://[user@]host[:port] (see --help)',
    );
  }
  const timeout = args.timeout;
  if (!Number.isFinite(timeout) || timeout <= 0 || timeout > 3600) {
    throw new UsageError('--timeout takes a number of seconds greater than 0 and at most 3600 (see --help)');
  }
  if (args.insecure && !args.tls && !/^\s*ftps:/i.test(positional[0]))
    throw new UsageError('--insecure only applies with --tls or ftps:// (see --help)');
  const passwordEnv = args.passwordEnv;
  if (passwordEnv !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(passwordEnv)) {
    throw new UsageError('--password-env takes the NAME of an environment variable, not a password (see --help)');
  }
  return {
    url: positional[0],
    timeoutSeconds: timeout,
    passwordEnv,
    active: args.active,
    tls: args.tls,
    insecure: args.insecure,
    config: args.config,
    target: args.target,
    format: args.format,
    color: args.color,
    transcript: args.transcript,
  };
}

/**
 * A --password/--pass/-p flag is refused before yargs sees it, so no error message can echo the
 * value that follows it.
 */
function refusePasswordFlag(argv: readonly string[]): void {
  for (const arg of argv) {
    if (arg === '--') break;
    if (/^(--pass(word)?|-p|--pw)(=|$)/i.test(arg)) {
      throw new UsageError(
        'a password on the command line is refused (it would show in the process list and the shell history): ' +
          'use --password-env VAR or the prompt (see --help)',
      );
    }
  }
}

/**
 * parseProbeTarget refuses a password in the URL too, but a URL it cannot parse would be echoed
 * in its message: refuse "scheme://user:password@" here first, without echoing anything.
 */
function refusePasswordInUrl(url: string): string {
  if (/^(?:[a-z][a-z0-9+.-]*:\/\/)?[^/@]*:[^/@]*@/i.test(url.trim())) {
    throw new UsageError(
      'a password in the URL is refused (it would show in the process list and the shell history): ' +
        'pass it in an environment variable (--password-env VAR) or at the prompt',
    );
  }
  return url;
}

/**
 * The password for `user`: none for anonymous, else from the environment or a prompt (on the
 * process's terminal, whatever the run's streams).
 */
async function passwordFor(user: string | undefined, envName: string | undefined, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  if (envName !== undefined) {
    const value = env[envName];
    if (value === undefined) throw new UsageError(`--password-env ${envName}: the environment variable ${envName} is not set`);
    return value;
  }
  if (user === undefined || ANONYMOUS_USERS.has(user.toLowerCase())) return undefined;
  if (process.stdin.isTTY !== true || typeof process.stdin.setRawMode !== 'function') {
    throw new UsageError(
      `user "${user}" needs a password and standard input is not a terminal to prompt on: use --password-env VAR (see --help)`,
    );
  }
  return promptHidden(`Password for ${user}: `);
}

/**
 * Reads one line from the terminal without echoing it (raw mode; backspace edits, Ctrl-C and
 * Ctrl-D cancel). The prompt goes to stderr so that stdout stays the report.
 */
function promptHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (error?: UsageError) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.removeListener('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return finish();
        if (char === '\u0003' || char === '\u0004') return finish(new UsageError('password prompt cancelled'));
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
        else if (char >= ' ') value += char;
      }
    };
    stdin.setEncoding('utf8');
    // Echo off first, then the prompt: what is typed once the prompt shows is never echoed.
    stdin.setRawMode(true);
    process.stderr.write(prompt);
    stdin.on('data', onData);
    stdin.resume();
  });
}

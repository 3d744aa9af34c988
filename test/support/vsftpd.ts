/**
 * Asks Debian's real vsftpd binary whether it accepts a configuration at parse time.
 *
 * Method (reference sections 1.8 and 6): write the config to a fresh temp file owned by us with
 * mode 0600, run `vsftpd FILE -olisten=NO -olisten_ipv6=NO` with fd 0 a regular file, and read
 * back what vsftpd wrote there. vsftpd's die() writes "500 OOPS: <text>\r\n" to fd 0 and exits 2
 * whether or not the file parsed, so the message, not the exit status, tells the outcome: a clean
 * parse ends at "vsftpd: not configured for standalone, must be started from inetd" (listen is
 * forced off and fd 0 is not a socket), which is before any session, so no log file is opened.
 * The `-o` options come after the file so that the file cannot switch a listener back on
 * (reference 1.1).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const VSFTPD_PATH = '/usr/sbin/vsftpd';

/** The three parse-time messages of parseconf.c; the rest of the line is the NAME, raw. */
const PARSE_ERROR_PREFIXES = [
  'bad bool value in config file for: ',
  'unrecognised variable in config file: ',
  'missing value in config file for: ',
] as const;

export type VsftpdResult =
  /** vsftpd stopped at a line of the file; `name` is the NAME exactly as printed (raw bytes decoded). */
  | {
      readonly kind: 'parse-error';
      readonly message: string;
      readonly name: string;
      readonly prefix: (typeof PARSE_ERROR_PREFIXES)[number];
    }
  /** vsftpd was killed by a signal while starting (Debian: SIGSEGV on a whitespace-only string value). */
  | { readonly kind: 'crash'; readonly signal: NodeJS.Signals }
  /**
   * The file parsed: vsftpd got past the parser and stopped at a later start-up check (normally
   * "vsftpd: not configured for standalone, must be started from inetd"; also e.g.
   * "cannot resolve host:X" or an SSL error), or printed nothing.
   */
  | { readonly kind: 'parsed'; readonly message: string };

export interface RunOptions {
  /**
   * How a string config is turned into bytes and how vsftpd's output is turned back into text:
   * 'utf8' (default) or 'latin1' (one character per byte, for files that are not valid UTF-8).
   * Use the same encoding as the text given to the linter, so that names compare equal.
   */
  readonly encoding?: 'utf8' | 'latin1';
  /** Milliseconds before vsftpd is killed (then runVsftpd throws). Default 5000. */
  readonly timeoutMs?: number;
}

const OOPS = '500 OOPS: ';

/** Whether the Debian vsftpd binary is installed and executable here. */
export function vsftpdAvailable(): boolean {
  try {
    fs.accessSync(VSFTPD_PATH, fs.constants.X_OK);
    return fs.statSync(VSFTPD_PATH).isFile();
  } catch {
    return false;
  }
}

/**
 * Runs vsftpd on `config` and classifies the outcome. Throws when vsftpd cannot be run or does
 * not finish within the timeout (a harness failure, not a verdict about the config).
 */
export function runVsftpd(config: string | Buffer, options: RunOptions = {}): VsftpdResult {
  const encoding = options.encoding ?? 'utf8';
  const bytes = typeof config === 'string' ? Buffer.from(config, encoding) : config;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vsftpd-lint-run-'));
  try {
    const confPath = path.join(dir, 'vsftpd.conf');
    const outPath = path.join(dir, 'fd0');
    // mkdtemp makes the directory 0700 and ours; the file is created by us, so owned by our uid,
    // which is what vsftpd checks (it must equal vsftpd's real uid).
    fs.writeFileSync(confPath, bytes, { mode: 0o600 });
    fs.chmodSync(confPath, 0o600);
    const fd = fs.openSync(outPath, 'w+', 0o600);
    let run;
    try {
      const env = { ...process.env };
      delete env.VSFTPD_LOAD_CONF;
      run = spawnSync(VSFTPD_PATH, [confPath, '-olisten=NO', '-olisten_ipv6=NO'], {
        stdio: [fd, 'ignore', 'pipe'],
        cwd: '/',
        env,
        timeout: options.timeoutMs ?? 5000,
        killSignal: 'SIGKILL',
      });
    } finally {
      fs.closeSync(fd);
    }
    if (run.error) {
      throw new Error(`could not run ${VSFTPD_PATH}: ${run.error.message}`);
    }
    const output = fs.readFileSync(outPath).toString(encoding);
    if (run.signal) {
      if (run.signal === 'SIGKILL') {
        throw new Error(`${VSFTPD_PATH} was killed (timeout?) on config ${JSON.stringify(bytes.toString(encoding))}`);
      }
      return { kind: 'crash', signal: run.signal };
    }
    return classify(output);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Classifies what vsftpd wrote to fd 0 (exported for tests of the classification itself). */
export function classify(output: string): VsftpdResult {
  // die() writes "500 OOPS: <text>\r\n"; strip exactly that final "\r\n": a NAME may itself end
  // in "\r" or blanks, which are part of it.
  let message = output.startsWith(OOPS) ? output.slice(OOPS.length) : output;
  const firstNewline = message.indexOf('\n');
  if (firstNewline !== -1) message = message.slice(0, firstNewline + 1);
  if (message.endsWith('\r\n')) message = message.slice(0, -2);
  else if (message.endsWith('\n')) message = message.slice(0, -1);
  if (output.startsWith(OOPS)) {
    for (const prefix of PARSE_ERROR_PREFIXES) {
      if (message.startsWith(prefix)) {
        return { kind: 'parse-error', message, name: message.slice(prefix.length), prefix };
      }
    }
  }
  return { kind: 'parsed', message };
}

/**
 * What one run of the command line reads and writes. The installed command passes the process's
 * (`processIO`); a caller that runs the CLI in its own process (the tests, an embedding tool)
 * passes its own, so that a run touches no global state: no process.exitCode, no process.chdir,
 * no process.env.
 */
import * as path from 'node:path';

/** Where output goes: a stream's `write`, and whether it is a terminal (for colour and wrapping). */
export interface OutputStream {
  write(chunk: string | Uint8Array): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export interface CliIO {
  /** Standard input, read only for "-" (and --stdin). */
  readonly stdin: AsyncIterable<Buffer | string>;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** The environment (colour: NO_COLOR, FORCE_COLOR, TERM; the probe's --password-env). */
  readonly env: NodeJS.ProcessEnv;
  /** The directory relative file names, config lookup and SARIF's base URI start from. */
  readonly cwd: string;
  /**
   * Arguments that are not valid UTF-8, as decoded, to their exact bytes (src/cli/raw-argv.ts);
   * none when absent.
   */
  readonly rawArguments?: ReadonlyMap<string, Buffer>;
}

/** The process's own streams, environment and directory. */
export function processIO(rawArguments: ReadonlyMap<string, Buffer>): CliIO {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), rawArguments };
}

/** A file name as given, resolved against `cwd` (bytes too: a name that is not UTF-8 stays its bytes). */
export function inDirectory(cwd: string, file: string | Buffer): string | Buffer {
  if (typeof file === 'string') return path.resolve(cwd, file);
  return file[0] === 0x2f ? file : Buffer.concat([Buffer.from(`${path.resolve(cwd)}/`), file]);
}

/**
 * Running the command line in a test: in this process through `run(argv, io)` (src/cli/run.ts),
 * with captured streams, a given standard input, environment and directory, or as a real process
 * of the built CLI where the process itself is the claim (another user's permissions, the exit
 * status of the installed file).
 */
import { spawnSync, SpawnSyncOptions } from 'node:child_process';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import type { OutputStream } from '../../src/cli/io';
import { run } from '../../src/cli/run';

export const ROOT = path.resolve(__dirname, '../..');
/** The built CLI (`npm run build`). */
export const BUILT_CLI = path.join(ROOT, 'dist/src/cli/main.js');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Standard output as bytes (a fixed latin1 config on stdout). */
  readonly stdoutBytes: Buffer;
}

export interface CliRunOptions {
  /** The working directory (default: the repository root). */
  readonly cwd?: string;
  readonly input?: string | Buffer;
  /** Added to the test's environment, from which the colour variables are removed. */
  readonly env?: NodeJS.ProcessEnv;
}

/** The colour variables jest or the caller's shell may set, which would make results vary. */
const COLOR_ENV = ['NO_COLOR', 'FORCE_COLOR', 'NODE_DISABLE_COLORS', 'TERM'];

function environment(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of COLOR_ENV) delete env[name];
  return { ...env, ...extra };
}

/** A stream that keeps what is written, not a terminal. */
class Capture implements OutputStream {
  private readonly chunks: Buffer[] = [];
  write(chunk: string | Uint8Array): boolean {
    this.chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
    return true;
  }
  bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

/** Runs `vsftpd-lint ARGS` in this process, as the installed command would run in `cwd`. */
export async function cli(args: readonly string[], options: CliRunOptions = {}): Promise<CliRun> {
  const stdout = new Capture();
  const stderr = new Capture();
  const input = options.input ?? '';
  const status = await run(args, {
    stdin: Readable.from(input.length > 0 ? [Buffer.from(input)] : []),
    stdout,
    stderr,
    env: environment(options.env),
    cwd: options.cwd ?? ROOT,
  });
  const stdoutBytes = stdout.bytes();
  return { status, stdout: stdoutBytes.toString('utf8'), stderr: stderr.bytes().toString('utf8'), stdoutBytes };
}

/** Runs the built CLI as a real process; `uid`: as this user and the group of the same id (needs root). */
export function spawnCli(args: readonly string[], options: CliRunOptions & { uid?: number; nodeArgs?: string[] } = {}): CliRun {
  const spawnOptions: SpawnSyncOptions = { cwd: options.cwd ?? ROOT, input: options.input ?? '', env: environment(options.env) };
  if (options.uid !== undefined) Object.assign(spawnOptions, { uid: options.uid, gid: options.uid });
  const result = spawnSync(process.execPath, [...(options.nodeArgs ?? []), BUILT_CLI, ...args], spawnOptions);
  const stdoutBytes = result.stdout as Buffer;
  return { status: result.status, stdout: stdoutBytes.toString('utf8'), stderr: String(result.stderr), stdoutBytes };
}

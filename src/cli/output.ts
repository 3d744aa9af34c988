/**
 * Where the report goes: standard output (or standard error when the fixed config owns standard
 * output), or the --output-file. The file is written whole or not at all, through the random-name
 * O_EXCL temporary file --fix uses (src/fix/write-file.ts): a reader never sees half a report,
 * and a symlink planted at a predictable temporary name is never followed. A destination that is
 * not a regular file (/dev/stderr, a FIFO) is written directly.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { OutputStream } from './io';

/** The report could not be written to the --output-file; `message` is one line naming it. */
export class OutputError extends Error {}

/** Writes the report to `stream`, or to the --output-file (a relative name from `cwd`). */
export async function writeReport(
  report: string | Buffer,
  output: { readonly file: string | undefined; readonly cwd: string },
  stream: OutputStream,
): Promise<void> {
  const outputFile = output.file;
  if (outputFile === undefined) {
    stream.write(report);
    return;
  }
  // Loaded only here: a plain lint to stdout does not pay for the writer.
  const { WriteError, writeFileAtomic } = await import('../fix/write-file');
  try {
    writeFileAtomic(path.resolve(output.cwd, outputFile), report);
  } catch (err) {
    throw new OutputError(`${outputFile}: cannot write the report (${reasonOf(err, WriteError)})`);
  }
}

/**
 * Refuses an --output-file that is one of the inputs: the report would replace the config just
 * linted or fixed (`--fix -o vsftpd.conf vsftpd.conf`, or a staged file name that pre-commit
 * passes as "--output-file=b.vsftpd.conf").
 */
export function checkOutputFile(outputFile: string | undefined, inputs: readonly string[], cwd: string): void {
  if (outputFile === undefined) return;
  const out = identity(path.resolve(cwd, outputFile));
  if (!out) return;
  for (const input of inputs) {
    const other = identity(path.resolve(cwd, input));
    if (other && other.dev === out.dev && other.ino === out.ino) {
      throw new OutputError(`${outputFile}: the report would replace the input ${input}; choose another --output-file`);
    }
  }
}

function identity(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

function reasonOf(err: unknown, writeError: new (...args: never[]) => { reason: string }): string {
  switch ((err as NodeJS.ErrnoException).code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'no such directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOSPC':
      return 'no space left on device';
    default:
      if (err instanceof writeError) return err.reason;
      return err instanceof Error ? err.message.split('\n')[0] : String(err);
  }
}

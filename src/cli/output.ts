/**
 * Where the report goes: standard output (or standard error when the fixed config owns standard
 * output), or the --output-file. The file is written whole or not at all: the report goes to a
 * temporary file beside it, renamed over it (a reader never sees half a report); a destination
 * that is not a regular file (/dev/stderr, a FIFO) is written directly.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The report could not be written to the --output-file; `message` is one line naming it. */
export class OutputError extends Error {}

export function writeReport(report: string | Buffer, outputFile: string | undefined, stream: NodeJS.WritableStream): void {
  if (outputFile === undefined) {
    stream.write(report);
    return;
  }
  try {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(outputFile);
    } catch {
      // a new file
    }
    if (stat && !stat.isFile()) {
      fs.writeFileSync(outputFile, report);
      return;
    }
    const temp = path.join(path.dirname(outputFile), `.${path.basename(outputFile)}.${process.pid}.tmp`);
    try {
      fs.writeFileSync(temp, report, { mode: stat ? stat.mode & 0o7777 : 0o666 });
      fs.renameSync(temp, outputFile);
    } catch (err) {
      fs.rmSync(temp, { force: true });
      throw err;
    }
  } catch (err) {
    throw new OutputError(`${outputFile}: cannot write the report (${reasonOf(err)})`);
  }
}

function reasonOf(err: unknown): string {
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
      return err instanceof Error ? err.message.split('\n')[0] : String(err);
  }
}

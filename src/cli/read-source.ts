/**
 * Reads one input ("-" = stdin) into text for the parser. Anything that stops us from linting
 * the file is returned as a `SourceError`, never thrown. Only regular files are read (a FIFO
 * would hang, /dev/zero never ends), and at most `MAX_INPUT_BYTES` of them: one huge file is an
 * error for that file, never a reason to stop linting the others.
 */
import { closeFile, NotRegularFileError, OpenFile, openFile, readBounded } from './open-file';
import type { Encoding } from '../parser/document';
import { decodeBytes as decode } from '../parser/decode';
import type { CliIO } from './io';

export const STDIN_PATH = '-';
/** How stdin is named in output. */
const STDIN_LABEL = '<stdin>';

/**
 * The most bytes read from one input: ten times vsftpd's 100,000-byte read limit, so that
 * file-too-large still sees the settings vsftpd never reads, and never more.
 */
export const MAX_INPUT_BYTES = 1_000_000;

export interface Source {
  readonly path: string;
  readonly text: string;
  readonly encoding: Encoding;
}

type SourceErrorKind = 'not-found' | 'directory' | 'permission' | 'binary' | 'special' | 'too-large' | 'io';

export interface SourceError {
  readonly path: string;
  readonly kind: SourceErrorKind;
  /** Why, in a few words: "no such file", "is a directory", ... */
  readonly reason: string;
}

/** The one-line message for stderr, naming the file. */
export function describeSourceError(error: SourceError): string {
  return `${error.path}: ${error.reason}`;
}

export type ReadResult =
  { readonly ok: true; readonly source: Source; readonly file?: OpenFile } | { readonly ok: false; readonly error: SourceError };

/**
 * Reads an input: a file name relative to `io.cwd`, or "-" for `io.stdin`. `keepOpen` (for
 * --fix): the file stays open and comes back as `file`, so that the fix replaces exactly the file
 * read; the caller closes it (`closeFile`). `bytes`: the name's exact bytes, when they are not
 * valid UTF-8 (src/cli/raw-argv.ts).
 */
export async function readSource(
  path: string,
  io: Pick<CliIO, 'stdin' | 'cwd'>,
  options: { keepOpen?: boolean; bytes?: Buffer } = {},
): Promise<ReadResult> {
  const label = path === STDIN_PATH ? STDIN_LABEL : path;
  let bytes: Buffer;
  let more: boolean;
  let file: OpenFile | undefined;
  try {
    if (path === STDIN_PATH) {
      ({ bytes, more } = await readStdin(io.stdin, MAX_INPUT_BYTES));
    } else {
      // A config file is small: synchronous reads cost less than the event-loop round trips of
      // asynchronous ones, which dominated linting many files.
      // `bytes`: the exact name, when it is not valid UTF-8 (raw-argv.ts).
      file = openFile(options.bytes ?? path, io.cwd);
      ({ bytes, more } = readBounded(file.fd, MAX_INPUT_BYTES));
    }
  } catch (err) {
    if (file) closeFile(file);
    return { ok: false, error: ioError(label, err) };
  }
  const problem = more ? tooLarge(label) : binaryError(label, bytes);
  if (file && (problem || !options.keepOpen)) closeFile(file);
  if (problem) return { ok: false, error: problem };
  return { ok: true, source: { path: label, ...decode(bytes) }, ...(options.keepOpen && file ? { file } : {}) };
}

/** The error for an input past `MAX_INPUT_BYTES` (also the language server's, for a document). */
export function tooLarge(path: string): SourceError {
  const reason = `larger than ${MAX_INPUT_BYTES.toLocaleString('en-US')} bytes, not read (vsftpd reads only the first 100,000)`;
  return { path, kind: 'too-large', reason };
}

function binaryError(path: string, bytes: Buffer): SourceError | null {
  const binary = binaryReason(bytes);
  return binary ? { path, kind: 'binary', reason: `not a text file (${binary})` } : null;
}

/** At most `limit` bytes of standard input (stopping there), and whether there was more. */
async function readStdin(stdin: CliIO['stdin'], limit: number): Promise<{ bytes: Buffer; more: boolean }> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stdin) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    chunks.push(bytes);
    length += bytes.length;
    if (length > limit) break;
  }
  const bytes = Buffer.concat(chunks);
  return { bytes: bytes.subarray(0, limit), more: bytes.length > limit };
}

/** Why reading failed, as a `SourceError` for `path`. */
export function ioError(path: string, err: unknown): SourceError {
  if (err instanceof NotRegularFileError) {
    if (err.kind === 'a directory') return { path, kind: 'directory', reason: 'is a directory' };
    return { path, kind: 'special', reason: err.message };
  }
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return { path, kind: 'not-found', reason: 'no such file' };
    case 'EISDIR':
      return { path, kind: 'directory', reason: 'is a directory' };
    case 'EACCES':
    case 'EPERM':
      return { path, kind: 'permission', reason: 'permission denied' };
    case 'ENXIO': // opening a socket
      return { path, kind: 'special', reason: 'not a regular file (a socket)' };
    case 'ELOOP':
      return { path, kind: 'io', reason: 'cannot read (too many levels of symbolic links)' };
    default: {
      const detail = err instanceof Error ? err.message.split('\n')[0] : String(err);
      return { path, kind: 'io', reason: `cannot read (${detail})` };
    }
  }
}

const SNIFF_BYTES = 8 * 1024;
const MAX_CONTROL_SHARE = 0.1;

const MAGIC: ReadonlyArray<readonly [string, readonly number[]]> = [
  ['ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['gzip data', [0x1f, 0x8b]],
  ['PNG image', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['zip archive', [0x50, 0x4b, 0x03, 0x04]],
  ['xz data', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
  ['zstd data', [0x28, 0xb5, 0x2f, 0xfd]],
];

/**
 * Why the bytes are not a config file, or null. A stray NUL or control byte in a real config is
 * left for the rules to report, so only a known magic number or many control bytes count.
 */
export function binaryReason(bytes: Uint8Array): string | null {
  for (const [name, magic] of MAGIC) {
    if (magic.every((b, i) => bytes[i] === b)) return name;
  }
  const head = bytes.subarray(0, SNIFF_BYTES);
  let control = 0;
  for (const b of head) if (isControl(b)) control++;
  if (head.length === 0 || control / head.length <= MAX_CONTROL_SHARE) return null;
  // UTF-16 text is mostly NULs; say so, since re-saving it as UTF-8 is the fix.
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  return utf16 ? 'UTF-16 text; vsftpd reads bytes, so save it as UTF-8 or ASCII' : 'binary data';
}

/** C0 controls and DEL, except the C whitespace a config may hold (\t \n \v \f \r). */
function isControl(b: number): boolean {
  return (b < 0x20 && (b < 0x09 || b > 0x0d)) || b === 0x7f;
}

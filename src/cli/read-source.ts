/**
 * Reads one input ("-" = stdin) into text for the parser. Anything that stops us from linting
 * the file is returned as a `SourceError`, never thrown.
 */
import { readFileSync } from 'node:fs';
import type { Encoding } from '../parser/document';
import { decodeBytes as decode } from '../parser/decode';

export const STDIN_PATH = '-';
/** How stdin is named in output. */
export const STDIN_LABEL = '<stdin>';

export interface Source {
  readonly path: string;
  readonly text: string;
  readonly encoding: Encoding;
}

export type SourceErrorKind = 'not-found' | 'directory' | 'permission' | 'binary' | 'io';

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
  | { readonly ok: true; readonly source: Source }
  | { readonly ok: false; readonly error: SourceError };

export async function readSource(path: string): Promise<ReadResult> {
  const label = path === STDIN_PATH ? STDIN_LABEL : path;
  let bytes: Buffer;
  try {
    // A config file is small: a synchronous read costs less than the event-loop round trips of
    // open/fstat/read/close, which dominated linting many files.
    bytes = path === STDIN_PATH ? await readStdin() : readFileSync(path);
  } catch (err) {
    return { ok: false, error: ioError(label, err) };
  }
  const binary = binaryReason(bytes);
  if (binary) {
    const reason = `not a text file (${binary})`;
    return { ok: false, error: { path: label, kind: 'binary', reason } };
  }
  return { ok: true, source: { path: label, ...decode(bytes) } };
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function ioError(path: string, err: unknown): SourceError {
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
    default: {
      const detail = err instanceof Error ? err.message : String(err);
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

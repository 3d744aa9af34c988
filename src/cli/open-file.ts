/**
 * Opening an input once, for reading and, with --fix, for replacing exactly that file
 * (src/fix/write-file.ts). The path is resolved once (a legitimate symlink chain such as
 * /etc/vsftpd.conf -> /etc/vsftpd/vsftpd.conf is followed then, and only then); its directory is
 * opened, then the file with O_NOFOLLOW and O_NONBLOCK (a FIFO must not hang the run), and
 * anything but a regular file is refused. The identity (device, inode, size, mtime, ctime) lets
 * the writer check, before it renames, that the name still denotes the same unchanged file.
 */
import * as nodeFs from 'node:fs';
import * as path from 'node:path';
import { inDirectory } from './io';

const { constants } = nodeFs;

/** What identifies a file and its contents: the same values later mean the same, unchanged file. */
export interface FileIdentity {
  readonly dev: bigint;
  readonly ino: bigint;
  readonly size: bigint;
  readonly mtimeNs: bigint;
  readonly ctimeNs: bigint;
}

/** A regular file opened once: its descriptor, its directory's, and its identity at the open. */
export interface OpenFile {
  /** The path as given (for messages). */
  readonly given: string;
  /** The name inside its directory, after resolving symlinks once. */
  readonly name: string;
  /** The directory, as a path that goes through its open descriptor. */
  readonly dir: string;
  readonly dirFd: number;
  readonly fd: number;
  readonly identity: FileIdentity;
  readonly uid: number;
  readonly gid: number;
  readonly mode: number;
}

/** A file that is not a regular file: reading it could hang (FIFO) or never end (/dev/zero). */
export class NotRegularFileError extends Error {
  constructor(readonly kind: string) {
    super(`not a regular file (${kind})`);
  }
}

/**
 * Opens a regular file for reading, as described in the file header; a relative name from `cwd`.
 * Throws the system error (ENOENT, EACCES, ELOOP, ...) or `NotRegularFileError`. Close it with
 * `closeFile`.
 */
export function openFile(file: string | Buffer, cwd: string = process.cwd()): OpenFile {
  const target = nodeFs.realpathSync.native(inDirectory(cwd, file), { encoding: 'buffer' });
  const parent = path.dirname(target.toString('latin1'));
  const name = Buffer.from(path.basename(target.toString('latin1')), 'latin1');
  const dirFd = nodeFs.openSync(Buffer.from(parent, 'latin1'), constants.O_RDONLY | constants.O_DIRECTORY);
  let fd: number | undefined;
  try {
    const dir = directoryPath(dirFd, parent);
    // O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer.
    fd = nodeFs.openSync(joinName(dir, name), constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK | constants.O_NOCTTY);
    const stat = nodeFs.fstatSync(fd, { bigint: true });
    if (!stat.isFile()) throw new NotRegularFileError(kindOf(stat));
    return {
      given: typeof file === 'string' ? file : file.toString(),
      name: name.toString('latin1'),
      dir,
      dirFd,
      fd,
      identity: identityOf(stat),
      uid: Number(stat.uid),
      gid: Number(stat.gid),
      mode: Number(stat.mode),
    };
  } catch (err) {
    if (fd !== undefined) nodeFs.closeSync(fd);
    nodeFs.closeSync(dirFd);
    throw err;
  }
}

export function closeFile(file: OpenFile): void {
  nodeFs.closeSync(file.fd);
  nodeFs.closeSync(file.dirFd);
}

/**
 * Reads at most `limit` bytes from the start of an open file; `more` says whether the file
 * holds more than that (so a 600 MB file costs `limit` bytes, not 600 MB).
 */
export function readBounded(fd: number, limit: number): { bytes: Buffer; more: boolean } {
  const buffer = Buffer.alloc(limit + 1);
  let length = 0;
  for (;;) {
    const n = nodeFs.readSync(fd, buffer, length, buffer.length - length, length);
    if (n === 0) break;
    length += n;
    if (length === buffer.length) break;
  }
  return { bytes: buffer.subarray(0, Math.min(length, limit)), more: length > limit };
}

/** A path for the directory that goes through its descriptor when /proc allows (Linux). */
export function directoryPath(dirFd: number, resolved: string): string {
  const viaFd = `/proc/self/fd/${dirFd}`;
  try {
    const a = nodeFs.statSync(viaFd);
    const b = nodeFs.fstatSync(dirFd);
    if (a.dev === b.dev && a.ino === b.ino) return viaFd;
  } catch {
    // no /proc
  }
  return resolved;
}

/** dir + "/" + name, as bytes: a name that is not UTF-8 stays the same bytes. */
export function joinName(dir: string, name: Buffer): Buffer {
  return Buffer.concat([Buffer.from(dir, 'latin1'), Buffer.from('/'), name]);
}

export function identityOf(stat: nodeFs.BigIntStats): FileIdentity {
  return { dev: stat.dev, ino: stat.ino, size: stat.size, mtimeNs: stat.mtimeNs, ctimeNs: stat.ctimeNs };
}

export function sameIdentity(a: FileIdentity, b: FileIdentity): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs;
}

function kindOf(stat: nodeFs.BigIntStats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  return 'a special file';
}

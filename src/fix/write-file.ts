/**
 * Rewrites a file atomically: the new bytes go to a temporary file in the same directory, which
 * gets the original's owner and mode, is flushed to disk, and is then renamed over the original.
 * A reader (or vsftpd starting) sees the old file or the new one, never a mix; on any failure
 * the original is left untouched and the temporary file removed.
 */
import { randomBytes } from 'node:crypto';
import { constants, promises as nodeFs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import * as path from 'node:path';

/** The file-system calls `writeFileAtomic` makes; tests replace some to simulate failures. */
export interface AtomicWriteFs {
  realpath(file: string): Promise<string>;
  stat(file: string): Promise<{ uid: number; gid: number; mode: number; isFile(): boolean }>;
  open(file: string, flags: number, mode: number): Promise<FileHandle>;
  write(handle: FileHandle, data: Buffer): Promise<void>;
  fstat(handle: FileHandle): Promise<{ uid: number; gid: number }>;
  chown(handle: FileHandle, uid: number, gid: number): Promise<void>;
  chmod(handle: FileHandle, mode: number): Promise<void>;
  sync(handle: FileHandle): Promise<void>;
  close(handle: FileHandle): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
  /** Flushes the directory entry after the rename (best effort). */
  syncDir(dir: string): Promise<void>;
}

export const NODE_FS: AtomicWriteFs = {
  realpath: (file) => nodeFs.realpath(file),
  stat: (file) => nodeFs.stat(file),
  open: (file, flags, mode) => nodeFs.open(file, flags, mode),
  write: async (handle, data) => {
    // FileHandle.writeFile loops until every byte is written.
    await handle.writeFile(data);
  },
  fstat: (handle) => handle.stat(),
  chown: (handle, uid, gid) => handle.chown(uid, gid),
  chmod: (handle, mode) => handle.chmod(mode),
  sync: (handle) => handle.sync(),
  close: (handle) => handle.close(),
  rename: (from, to) => nodeFs.rename(from, to),
  unlink: (file) => nodeFs.unlink(file),
  syncDir: async (dir) => {
    const handle = await nodeFs.open(dir, constants.O_RDONLY);
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
};

/** Why a file could not be written, in a few words, with the path concerned. */
export class WriteError extends Error {
  constructor(
    /** The path as given. */
    readonly file: string,
    /** "permission denied", "read-only file system", ... */
    readonly reason: string,
    readonly code?: string,
  ) {
    super(`${file}: cannot write (${reason})`);
    this.name = 'WriteError';
  }
}

/**
 * Replaces the contents of `file` with `data`, atomically, keeping its mode and owner. A
 * symbolic link is followed and its target rewritten (the link stays a link). Throws a
 * `WriteError` and leaves the file as it was when anything fails.
 */
export async function writeFileAtomic(
  file: string,
  data: Buffer,
  fsImpl: Partial<AtomicWriteFs> = {},
): Promise<void> {
  const fs: AtomicWriteFs = { ...NODE_FS, ...fsImpl };
  let target: string;
  let stat: { uid: number; gid: number; mode: number; isFile(): boolean };
  try {
    target = await fs.realpath(file);
    stat = await fs.stat(target);
  } catch (err) {
    throw toWriteError(file, err);
  }
  // A device or FIFO (e.g. /dev/stdin) would be replaced by a regular file.
  if (!stat.isFile()) throw new WriteError(file, 'not a regular file');
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.vsftpd-lint-${randomBytes(6).toString('hex')}.tmp`);
  let handle: FileHandle | undefined;
  let created = false;
  try {
    // O_EXCL: never follow or reuse something already at the temporary name.
    handle = await fs.open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
    created = true;
    await fs.write(handle, data);
    // Owner first: chown may clear set-id bits, which the chmod then restores. Only when it
    // differs, so that a user rewriting their own file needs no privilege.
    const own = await fs.fstat(handle);
    if (own.uid !== stat.uid || own.gid !== stat.gid) await fs.chown(handle, stat.uid, stat.gid);
    await fs.chmod(handle, stat.mode & 0o7777);
    await fs.sync(handle);
    const h = handle;
    handle = undefined;
    await fs.close(h);
    await fs.rename(temp, target);
    created = false;
  } catch (err) {
    if (handle) await fs.close(handle).catch(() => undefined);
    if (created) await fs.unlink(temp).catch(() => undefined);
    throw toWriteError(file, err);
  }
  // The new contents are safely in place; flushing the directory only narrows the window in
  // which a power cut could bring the old file back.
  await fs.syncDir(dir).catch(() => undefined);
}

const REASONS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  ENOENT: 'no such file',
  ENOTDIR: 'no such file',
  EISDIR: 'is a directory',
  EIO: 'I/O error',
  EXDEV: 'cross-device rename',
};

function toWriteError(file: string, err: unknown): WriteError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const reason =
    (code && REASONS[code]) ?? (err instanceof Error ? err.message.split('\n')[0] : String(err));
  return new WriteError(file, reason, code);
}

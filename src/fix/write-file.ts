/**
 * Replacing a file atomically, for `--fix` and `--output-file` running as root in directories
 * other users may write (SECURITY.md). The file was opened once by src/cli/open-file.ts.
 * `replaceFile` writes the new bytes to a random-name O_EXCL temporary file in that same
 * directory, gives it the original's owner, mode, POSIX ACLs and extended attributes, flushes
 * it, checks that the name still denotes the same, unchanged file, and renames it over that name.
 * If the name was swapped (for a symlink to /etc/shadow, say) or the file edited in the meantime,
 * nothing is written: `FileChangedError`.
 *
 * Every path goes through the directory's descriptor (/proc/self/fd/N/NAME), so renaming or
 * replacing a parent directory after the open cannot redirect the write elsewhere. A reader (or
 * vsftpd starting) sees the old file or the new one, never a mix; on any failure the original is
 * left untouched and the temporary file removed.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs';
import * as path from 'node:path';
import { directoryPath, identityOf, joinName, OpenFile, sameIdentity } from '../cli/open-file';

const { constants } = nodeFs;

/** The file-system calls the replacement makes; tests replace some to simulate failures. */
export interface AtomicWriteFs {
  open(file: Buffer, flags: number, mode: number): number;
  write(fd: number, data: Buffer): void;
  fstat(fd: number): { uid: number; gid: number };
  fchown(fd: number, uid: number, gid: number): void;
  fchmod(fd: number, mode: number): void;
  fsync(fd: number): void;
  close(fd: number): void;
  rename(from: Buffer, to: Buffer): void;
  unlink(file: Buffer): void;
}

const NODE_FS: AtomicWriteFs = {
  open: (file, flags, mode) => nodeFs.openSync(file, flags, mode),
  write: (fd, data) => {
    // writeSync may write less than asked: loop until every byte is written.
    for (let done = 0; done < data.length;) done += nodeFs.writeSync(fd, data, done, data.length - done);
  },
  fstat: (fd) => nodeFs.fstatSync(fd),
  fchown: (fd, uid, gid) => nodeFs.fchownSync(fd, uid, gid),
  fchmod: (fd, mode) => nodeFs.fchmodSync(fd, mode),
  fsync: (fd) => nodeFs.fsyncSync(fd),
  close: (fd) => nodeFs.closeSync(fd),
  rename: (from, to) => nodeFs.renameSync(from, to),
  unlink: (file) => nodeFs.unlinkSync(file),
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

/** The file's name now denotes another file, or the file changed, since it was read. */
export class FileChangedError extends WriteError {
  constructor(file: string) {
    super(file, 'changed while fixing');
    this.message = `${file}: changed while fixing`;
    this.name = 'FileChangedError';
  }
}

/**
 * Replaces the contents of an open file with `data`, atomically, keeping its owner, mode, ACLs and
 * extended attributes, provided its name still denotes the same unchanged file. Throws a
 * `WriteError` (or `FileChangedError`) and leaves the file as it was when anything fails.
 */
export function replaceFile(file: OpenFile, data: Buffer, fsImpl: Partial<AtomicWriteFs> = {}): void {
  const fs: AtomicWriteFs = { ...NODE_FS, ...fsImpl };
  writeThenRename(fs, file.given, file.dir, file.name, data, 0o600, (fd) => {
    // Owner first: chown may clear set-id bits, which the chmod then restores. Only when it
    // differs, so that a user rewriting their own file needs no privilege.
    const own = fs.fstat(fd);
    if (own.uid !== file.uid || own.gid !== file.gid) fs.fchown(fd, file.uid, file.gid);
    fs.fchmod(fd, file.mode & 0o7777);
    copyAclsAndXattrs(file, fd);
    pauseForTests();
    const now = lstatOrNull(joinName(file.dir, Buffer.from(file.name, 'latin1')));
    if (!now || !now.isFile() || !sameIdentity(identityOf(now), file.identity)) throw new FileChangedError(file.given);
  });
}

/**
 * Replaces `file` (which need not exist) with `data` through a temporary file, for reports
 * (--output-file). A name that is not a regular file (/dev/stderr, a FIFO) is written directly.
 */
export function writeFileAtomic(file: string, data: Buffer | string, fsImpl: Partial<AtomicWriteFs> = {}): void {
  const fs: AtomicWriteFs = { ...NODE_FS, ...fsImpl };
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  let existing: nodeFs.Stats | undefined;
  try {
    existing = nodeFs.statSync(file);
  } catch {
    // a new file
  }
  if (existing && !existing.isFile()) {
    nodeFs.writeFileSync(file, bytes);
    return;
  }
  let dirFd: number;
  let parent: string;
  try {
    parent = nodeFs.realpathSync.native(path.dirname(file), { encoding: 'buffer' }).toString('latin1');
    dirFd = nodeFs.openSync(Buffer.from(parent, 'latin1'), constants.O_RDONLY | constants.O_DIRECTORY);
  } catch (err) {
    throw toWriteError(file, err);
  }
  try {
    const name = Buffer.from(path.basename(file)).toString('latin1');
    // A new report gets the usual 0666 less the umask; an existing one keeps its mode.
    writeThenRename(fs, file, directoryPath(dirFd, parent), name, bytes, existing ? 0o600 : 0o666, (fd) => {
      if (existing) fs.fchmod(fd, existing.mode & 0o7777);
    });
  } finally {
    nodeFs.closeSync(dirFd);
  }
}

/**
 * The shared core: a random-name temporary file created with O_EXCL (never following or reusing
 * anything already there) in `dir`, filled, prepared by `prepare` (which may throw to abort),
 * flushed and renamed over `name`. `dir` and `name` are strings of bytes (latin1), so that a name
 * that is not UTF-8 keeps its bytes.
 */
function writeThenRename(
  fs: AtomicWriteFs,
  given: string,
  dir: string,
  name: string,
  data: Buffer,
  createMode: number,
  prepare: (fd: number) => void,
): void {
  const temp = joinName(dir, Buffer.from(`.${name}.vsftpd-lint-${randomBytes(6).toString('hex')}.tmp`, 'latin1'));
  let fd: number | undefined;
  let created = false;
  try {
    fd = fs.open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, createMode);
    created = true;
    fs.write(fd, data);
    prepare(fd);
    fs.fsync(fd);
    const open = fd;
    fd = undefined;
    fs.close(open);
    fs.rename(temp, joinName(dir, Buffer.from(name, 'latin1')));
    created = false;
  } catch (err) {
    if (fd !== undefined) {
      try {
        fs.close(fd);
      } catch {
        // already reported by the first error
      }
    }
    if (created) {
      try {
        fs.unlink(temp);
      } catch {
        // nothing more to do
      }
    }
    throw err instanceof WriteError ? err : toWriteError(given, err);
  }
  // The new contents are safely in place; flushing the directory only narrows the window in
  // which a power cut could bring the old file back.
  try {
    const dirFd = nodeFs.openSync(Buffer.from(dir, 'latin1'), constants.O_RDONLY | constants.O_DIRECTORY);
    nodeFs.fsyncSync(dirFd);
    nodeFs.closeSync(dirFd);
  } catch {
    // best effort
  }
}

/**
 * POSIX ACLs and extended attributes (SELinux labels, capabilities, user.*) are not in the mode:
 * a new file would lose them, and the ACL mask turning into group bits could grant the group
 * write access. Node has no xattr API, so coreutils' cp copies them, between the two open
 * descriptors (no path a user could swap). Fails, leaving the file alone, when it cannot.
 */
function copyAclsAndXattrs(file: OpenFile, tempFd: number): void {
  const result = spawnSync('cp', ['--attributes-only', '--preserve=mode,xattr', '/dev/fd/3', '/dev/fd/4'], {
    stdio: ['ignore', 'ignore', 'pipe', file.fd, tempFd],
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    const detail = result.error ? result.error.message : String(result.stderr).trim().split('\n')[0];
    throw new WriteError(file.given, `cannot keep its ACLs and extended attributes: ${detail}`);
  }
}

/**
 * Test hook for the race tests (test/security.integration.test.ts): with VSFTPD_LINT_TEST_PAUSE set to a
 * FIFO, --fix stops just before its final check, says "paused" into the FIFO and waits for a line
 * back, so a test can swap or edit the file at the worst moment. Unset, it does nothing.
 */
function pauseForTests(): void {
  const fifo = process.env.VSFTPD_LINT_TEST_PAUSE;
  if (!fifo) return;
  nodeFs.writeFileSync(fifo, 'paused\n');
  nodeFs.readFileSync(fifo);
}

function lstatOrNull(file: Buffer): nodeFs.BigIntStats | null {
  try {
    return nodeFs.lstatSync(file, { bigint: true });
  } catch {
    return null;
  }
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
  const reason = (code && REASONS[code]) ?? (err instanceof Error ? err.message.split('\n')[0] : String(err));
  return new WriteError(file, reason, code);
}

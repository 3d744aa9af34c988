/**
 * V8's code cache for the bundled CLI, kept per user so that a run does not compile the bundle
 * again (Node 20 has no `module.enableCompileCache`; this is what it does, by hand). The CLI runs
 * as root on machines where others may write files, so the cache is trusted only where no one
 * else can write: every directory from / to the cache directory belongs to root or the user and
 * is not writable by group or others (a sticky directory such as /tmp excepted), the cache
 * directory is the user's own (created 0700), and a cache file is read only when it is a regular
 * file of the user's that no one else can write (anything else is treated as absent, and
 * replaced). Files are opened without following links and written to an exclusive temporary
 * file, then renamed into place. Nothing here ever fails a run: with no usable directory
 * (read-only home, no home) there is no cache. The cache cannot change results: V8 checks that
 * it was made by the same V8 with the same flags for a source of the same length, and its name
 * carries the package version, a hash of the bundle and the Node version.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The environment, user and bundle a cache belongs to. */
export interface CacheContext {
  readonly env: NodeJS.ProcessEnv;
  /** The effective user id; undefined where there is none (Windows): no cache. */
  readonly uid: number | undefined;
  /** The home directory (os.homedir()), used when $XDG_CACHE_HOME is unset or relative. */
  readonly home: string;
  /** Names this build of the bundle: package version and hash of its text. */
  readonly bundleId: string;
  /** Node version and architecture (e.g. process.version + process.arch). */
  readonly runtime: string;
}

/** A cache file larger than this is not ours: never read it. */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;

/** The start of the names of one bundle's cache files (one per runtime). */
function bundlePrefix(bundleId: string): string {
  return safeName(`cli-${bundleId}-`);
}

function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]/g, '_');
}

/** The cache file's name: one per bundle and runtime, in characters safe in any file name. */
export function cacheFileName(bundleId: string, runtime: string): string {
  return bundlePrefix(bundleId) + safeName(`${runtime}.bin`);
}

/**
 * The cache file to use, its directory created if need be, or undefined when there is no safe
 * place for it (or NODE_DISABLE_COMPILE_CACHE is set, as for Node's own compile cache).
 */
export function codeCacheFile(context: CacheContext): string | undefined {
  const { env, uid, home } = context;
  if (env.NODE_DISABLE_COMPILE_CACHE || uid === undefined) return undefined;
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg && path.isAbsolute(xdg) ? xdg : home && path.isAbsolute(home) ? path.join(home, '.cache') : undefined;
  if (base === undefined) return undefined;
  try {
    const dir = path.join(ensureDirectory(base, uid), 'vsftpd-lint');
    ensureDirectory(dir, uid);
    // Our own directory: not a link, and the user's (root's cache is root's, not another's).
    const stat = fs.lstatSync(dir);
    if (!stat.isDirectory() || stat.uid !== uid) return undefined;
    return path.join(dir, cacheFileName(context.bundleId, context.runtime));
  } catch {
    return undefined;
  }
}

/**
 * The real path of `dir`, created (0700) when missing in a trusted parent; throws unless it and
 * every directory above it are trusted. Nothing is created where it could not be used.
 */
function ensureDirectory(dir: string, uid: number): string {
  try {
    return trustedRealPath(dir, uid);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const created = path.join(trustedRealPath(path.dirname(dir), uid), path.basename(dir));
  fs.mkdirSync(created, { mode: 0o700 });
  return trustedRealPath(created, uid);
}

/** The real path of `dir`, if it and every directory above it are trusted; throws otherwise. */
function trustedRealPath(dir: string, uid: number): string {
  const real = fs.realpathSync.native(dir);
  for (let current = real; ; current = path.dirname(current)) {
    if (!trustedDirectory(fs.lstatSync(current), uid)) throw new Error(`${current} is writable by others`);
    if (path.dirname(current) === current) return real;
  }
}

/** Only the user or root can change what the directory holds. */
function trustedDirectory(stat: fs.Stats, uid: number): boolean {
  if (!stat.isDirectory() || (stat.uid !== uid && stat.uid !== 0)) return false;
  const writableByOthers = (stat.mode & 0o022) !== 0;
  return !writableByOthers || (stat.mode & 0o1000) !== 0;
}

/**
 * The cache's bytes after `header`, or undefined when the file is missing, not a regular file
 * of the user's, writable by group or others, too large, or made for something else.
 */
export function readCodeCache(file: string, header: string, uid: number): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
    const stat = fs.fstatSync(fd);
    if (!stat.isFile() || stat.uid !== uid || (stat.mode & 0o022) !== 0 || stat.size > MAX_CACHE_BYTES) return undefined;
    const bytes = Buffer.allocUnsafe(stat.size);
    let filled = 0;
    while (filled < bytes.length) {
      const n = fs.readSync(fd, bytes, filled, bytes.length - filled, null);
      if (n === 0) break;
      filled += n;
    }
    const expected = Buffer.from(header);
    if (filled <= expected.length || !bytes.subarray(0, expected.length).equals(expected)) return undefined;
    return bytes.subarray(expected.length, filled);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Writes the cache (header, then V8's data) through an exclusive temporary file renamed into
 * place, and removes the caches of other bundles (older versions) from the directory. Errors
 * are ignored: the next run compiles again.
 */
export function writeCodeCache(file: string, header: string, data: Buffer, bundleId: string): void {
  const dir = path.dirname(file);
  const temporary = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  let fd: number | undefined;
  try {
    const { O_WRONLY, O_CREAT, O_EXCL, O_NOFOLLOW } = fs.constants;
    fd = fs.openSync(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600);
    fs.writeSync(fd, Buffer.concat([Buffer.from(header), data]));
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temporary, file);
  } catch {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(temporary, { force: true });
    return;
  }
  removeOtherBundles(dir, bundlePrefix(bundleId));
}

/** Caches of other bundles (same prefix, another bundle id) are dead weight after an upgrade. */
function removeOtherBundles(dir: string, keepPrefix: string): void {
  try {
    for (const name of fs.readdirSync(dir)) {
      if (name.startsWith('cli-') && name.endsWith('.bin') && !name.startsWith(keepPrefix)) {
        fs.rmSync(path.join(dir, name), { force: true });
      }
    }
  } catch {
    // a cache we cannot tidy is still a cache
  }
}

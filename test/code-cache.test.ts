/**
 * The code cache the installed command keeps (src/cli/code-cache.ts): where it may live and which
 * files it trusts. It runs as root on machines where others write files, so a directory or file
 * anyone else could change is never used, a link is never followed, and nothing is created where
 * it could not be used.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cacheFileName, codeCacheFile, readCodeCache, writeCodeCache } from '../src/cli/code-cache';

const uid = process.geteuid!();
const isRoot = uid === 0;
const BUNDLE = '1.2.3-0123456789abcdef';
const RUNTIME = 'v20.0.0-x64';
const HEADER = 'vsftpd-lint code cache test\n';

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'code-cache-'));
});
afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

const context = (env: NodeJS.ProcessEnv, home = '/nonexistent') => ({ env, uid, home, bundleId: BUNDLE, runtime: RUNTIME });

describe('codeCacheFile', () => {
  test('$XDG_CACHE_HOME/vsftpd-lint, created 0700, named for the bundle and the runtime', () => {
    const file = codeCacheFile(context({ XDG_CACHE_HOME: path.join(tmp, 'cache') }));
    expect(file).toBe(path.join(fs.realpathSync(tmp), 'cache', 'vsftpd-lint', cacheFileName(BUNDLE, RUNTIME)));
    for (const dir of [path.join(tmp, 'cache'), path.join(tmp, 'cache', 'vsftpd-lint')]) {
      expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    }
  });

  test('~/.cache when $XDG_CACHE_HOME is unset or relative', () => {
    for (const env of [{}, { XDG_CACHE_HOME: 'relative/cache' }]) {
      expect(codeCacheFile(context(env, tmp))).toBe(
        path.join(fs.realpathSync(tmp), '.cache', 'vsftpd-lint', cacheFileName(BUNDLE, RUNTIME)),
      );
    }
  });

  test('another bundle (version or build) or another Node has another file', () => {
    const names = new Set([
      cacheFileName(BUNDLE, RUNTIME),
      cacheFileName('1.2.4-0123456789abcdef', RUNTIME),
      cacheFileName('1.2.3-fedcba9876543210', RUNTIME),
      cacheFileName(BUNDLE, 'v22.0.0-x64'),
    ]);
    expect(names.size).toBe(4);
    expect(cacheFileName('1.0.0/../../x', 'v20 x64')).toBe('cli-1.0.0_.._.._x-v20_x64.bin');
  });

  test('none with NODE_DISABLE_COMPILE_CACHE, without a user id, or without any absolute base', () => {
    expect(codeCacheFile(context({ XDG_CACHE_HOME: tmp, NODE_DISABLE_COMPILE_CACHE: '1' }))).toBeUndefined();
    expect(codeCacheFile({ ...context({ XDG_CACHE_HOME: tmp }), uid: undefined })).toBeUndefined();
    expect(codeCacheFile(context({}, ''))).toBeUndefined();
  });

  test('none in a home nothing can be written in (read-only), and no error', () => {
    // /proc/1 belongs to root and refuses mkdir, for root too.
    expect(codeCacheFile(context({}, '/proc/1'))).toBeUndefined();
  });

  test('none under a directory others can write (without the sticky bit), and nothing created there', () => {
    const open = path.join(tmp, 'open');
    fs.mkdirSync(open);
    fs.chmodSync(open, 0o777);
    expect(codeCacheFile(context({ XDG_CACHE_HOME: path.join(open, 'cache') }))).toBeUndefined();
    expect(codeCacheFile(context({ XDG_CACHE_HOME: open }))).toBeUndefined();
    expect(fs.readdirSync(open)).toEqual([]);
  });

  test('a sticky directory anyone can write (as /tmp) is trusted above the cache', () => {
    const sticky = path.join(tmp, 'sticky');
    fs.mkdirSync(sticky);
    fs.chmodSync(sticky, 0o1777);
    expect(codeCacheFile(context({ XDG_CACHE_HOME: path.join(sticky, 'cache') }))).toBeDefined();
  });

  test('a planted link in place of the cache directory is not followed', () => {
    const elsewhere = path.join(tmp, 'elsewhere');
    fs.mkdirSync(elsewhere, { mode: 0o700 });
    fs.mkdirSync(path.join(tmp, 'cache'), { mode: 0o700 });
    fs.symlinkSync(elsewhere, path.join(tmp, 'cache', 'vsftpd-lint'));
    expect(codeCacheFile(context({ XDG_CACHE_HOME: path.join(tmp, 'cache') }))).toBeUndefined();
  });

  (isRoot ? test : test.skip)('a cache directory of another user is not used (root)', () => {
    fs.mkdirSync(path.join(tmp, 'cache', 'vsftpd-lint'), { recursive: true, mode: 0o700 });
    fs.chownSync(path.join(tmp, 'cache', 'vsftpd-lint'), 65534, 65534);
    expect(codeCacheFile(context({ XDG_CACHE_HOME: path.join(tmp, 'cache') }))).toBeUndefined();
  });
});

describe('readCodeCache and writeCodeCache', () => {
  const data = Buffer.from('V8 code cache bytes');

  test('what is written is read back (file 0600), under the same header only', () => {
    const file = path.join(tmp, cacheFileName(BUNDLE, RUNTIME));
    writeCodeCache(file, HEADER, data, BUNDLE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(readCodeCache(file, HEADER, uid)).toEqual(data);
    expect(readCodeCache(file, 'vsftpd-lint code cache other\n', uid)).toBeUndefined();
    expect(readCodeCache(path.join(tmp, 'missing.bin'), HEADER, uid)).toBeUndefined();
    expect(fs.readdirSync(tmp)).toEqual([path.basename(file)]); // no temporary file left
  });

  test('a file group or others can write is treated as absent', () => {
    const file = path.join(tmp, 'cache.bin');
    writeCodeCache(file, HEADER, data, BUNDLE);
    fs.chmodSync(file, 0o620);
    expect(readCodeCache(file, HEADER, uid)).toBeUndefined();
    fs.chmodSync(file, 0o602);
    expect(readCodeCache(file, HEADER, uid)).toBeUndefined();
  });

  test('a file of another user is treated as absent', () => {
    const file = path.join(tmp, 'cache.bin');
    writeCodeCache(file, HEADER, data, BUNDLE);
    if (isRoot) fs.chownSync(file, 65534, 65534);
    expect(readCodeCache(file, HEADER, isRoot ? uid : uid + 1)).toBeUndefined();
  });

  test('a link is not followed, and writing replaces it instead of writing through it', () => {
    const target = path.join(tmp, 'target.bin');
    writeCodeCache(target, HEADER, data, BUNDLE);
    const link = path.join(tmp, 'link.bin');
    fs.symlinkSync(target, link);
    expect(readCodeCache(link, HEADER, uid)).toBeUndefined();
    writeCodeCache(link, HEADER, Buffer.from('new'), BUNDLE);
    expect(fs.lstatSync(link).isFile()).toBe(true);
    expect(readCodeCache(target, HEADER, uid)).toEqual(data);
  });

  test('writing removes the caches of other bundles, not those of other runtimes', () => {
    const old = path.join(tmp, cacheFileName('1.2.2-aaaaaaaaaaaaaaaa', RUNTIME));
    const otherNode = path.join(tmp, cacheFileName(BUNDLE, 'v22.0.0-x64'));
    const unrelated = path.join(tmp, 'notes.txt');
    for (const f of [old, otherNode, unrelated]) fs.writeFileSync(f, 'x');
    writeCodeCache(path.join(tmp, cacheFileName(BUNDLE, RUNTIME)), HEADER, data, BUNDLE);
    expect(fs.readdirSync(tmp).sort()).toEqual([cacheFileName(BUNDLE, RUNTIME), path.basename(otherNode), 'notes.txt'].sort());
  });

  test('a directory that cannot be written: nothing written, no error', () => {
    expect(() => writeCodeCache('/proc/1/cache.bin', HEADER, data, BUNDLE)).not.toThrow();
  });
});

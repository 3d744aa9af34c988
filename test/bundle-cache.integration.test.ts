/**
 * The installed command's V8 code cache (src/cli/bin.ts, src/cli/code-cache.ts): the bundle gives
 * byte-identical results without a cache, with a new one, a warm one, one of another build, and
 * where no cache can be written; and it is one self-contained file. Each case is a real cold or
 * warm start of dist/vsftpd-lint.js (`npm run build` first), which makes this file slow: it runs
 * with the integration tests (`npm test`), not with `npm run test:unit`.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vm from 'vm';

const ROOT = path.resolve(__dirname, '..');

describe('the code cache', () => {
  const cases: string[][] = [
    ['--format', 'json', 'fixtures/examples/edited-vsftpd.conf', 'fixtures/cli/clean.conf', 'no-such-file.conf'],
    ['--diff', '--unsafe-fixes', 'fixtures/examples/edited-vsftpd.conf'],
  ];
  const bin = (args: string[], env: NodeJS.ProcessEnv) => {
    const result = spawnSync(process.execPath, [path.join(ROOT, 'dist/vsftpd-lint.js'), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: undefined, NODE_DISABLE_COMPILE_CACHE: undefined, ...env },
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-cache-'));
  });
  afterEach(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });
  const cacheFiles = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.bin')) : []);

  test('results are byte-identical without a cache, with a new one, with a warm one, and with one of another build', () => {
    const env = { XDG_CACHE_HOME: tmp };
    const dir = path.join(tmp, 'vsftpd-lint');
    for (const args of cases) {
      fs.rmSync(dir, { recursive: true, force: true });
      const uncached = bin(args, { NODE_DISABLE_COMPILE_CACHE: '1', ...env });
      expect(cacheFiles(dir)).toEqual([]);
      expect(bin(args, env)).toEqual(uncached); // cold: compiles, writes the cache
      const [file] = cacheFiles(dir);
      expect(file).toMatch(/^cli-\d+\.\d+\.\d+.*-[0-9a-f]{16}-v\d+.*\.bin$/);
      const written = fs.readFileSync(path.join(dir, file));
      expect(bin(args, env)).toEqual(uncached); // warm: reads it, and leaves it alone
      expect(fs.readFileSync(path.join(dir, file))).toEqual(written);

      // A cache V8 made for another text (another build), under this build's name and header:
      // V8 refuses it, the run compiles, and the cache is replaced.
      const header = written.subarray(0, written.indexOf(10) + 1);
      const foreign = new vm.Script('(function () { return 42; })').createCachedData();
      fs.writeFileSync(path.join(dir, file), Buffer.concat([header, foreign]));
      expect(bin(args, env)).toEqual(uncached);
      expect(fs.readFileSync(path.join(dir, file)).subarray(header.length)).not.toEqual(foreign);

      // The cache of another version under its own name is never read, and is removed.
      const older = 'cli-0.0.1-0000000000000000-v20.0.0-x64.bin';
      fs.renameSync(path.join(dir, file), path.join(dir, older));
      expect(bin(args, env)).toEqual(uncached);
      expect(cacheFiles(dir)).toEqual([file]);
    }
  });

  test('the command is one self-contained file: copied alone, it gives the same results', () => {
    const copy = path.join(tmp, 'vsftpd-lint');
    fs.copyFileSync(path.join(ROOT, 'dist/vsftpd-lint.js'), copy);
    const args = ['--format', 'json', path.join(ROOT, 'fixtures/examples/edited-vsftpd.conf')];
    const alone = spawnSync(process.execPath, [copy, ...args], {
      cwd: tmp,
      encoding: 'utf8',
      env: { ...process.env, XDG_CACHE_HOME: tmp },
    });
    const installed = spawnSync(process.execPath, [path.join(ROOT, 'dist/vsftpd-lint.js'), ...args], { cwd: tmp, encoding: 'utf8' });
    expect({ status: alone.status, stdout: alone.stdout, stderr: alone.stderr }).toEqual({
      status: installed.status,
      stdout: installed.stdout,
      stderr: installed.stderr,
    });
  });

  test('a home nothing can be written in: the same results, no cache, no complaint', () => {
    for (const args of [...cases, ['--help']]) {
      expect(bin(args, { HOME: '/proc/1' })).toEqual(bin(args, { NODE_DISABLE_COMPILE_CACHE: '1' }));
    }
  });
});

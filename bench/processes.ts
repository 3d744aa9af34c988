/**
 * The benchmarks that start processes: the CLI's wall time against `node -e 0` (with a warm code
 * cache, an empty one and none), what loading each module costs, one process linting many files,
 * and peak memory.
 */
import { spawnSync, SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fixableLines, fleetConfig } from './generate';
import { BUILD_DIR, LIBRARY, mad, median, min, PRELOAD, REPO_ROOT, round, table, TYPICAL_CONFIG, TYPICAL_CONFIG_ARG } from './lib';
import { Options, print, problem, section } from './suite';

/**
 * The environment the children run in: no forced colour, whatever the caller's terminal, and a
 * code cache of the suite's own (see `withBenchCache`), not the user's.
 */
const CHILD_ENV: NodeJS.ProcessEnv = (() => {
  const env = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.NODE_OPTIONS;
  delete env.NODE_DISABLE_COMPILE_CACHE;
  return env;
})();

/** Runs `fn` with the children's $XDG_CACHE_HOME in a temporary directory, removed afterwards. */
export function withBenchCache<T>(fn: () => T): T {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vsftpd-lint-bench-cache-'));
  CHILD_ENV.XDG_CACHE_HOME = dir;
  try {
    return fn();
  } finally {
    delete CHILD_ENV.XDG_CACHE_HOME;
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Empties the children's code cache: the next CLI run is a first run. */
function emptyCache(): void {
  if (CHILD_ENV.XDG_CACHE_HOME) rmSync(path.join(CHILD_ENV.XDG_CACHE_HOME, 'vsftpd-lint'), { recursive: true, force: true });
}

export function spawnNode(args: readonly string[], cwd: string, capture: boolean, env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<Buffer> {
  return spawnSync(process.execPath, args, {
    cwd,
    env: { ...CHILD_ENV, ...env },
    stdio: ['ignore', capture ? 'pipe' : 'ignore', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
  });
}

/** Wall time of one child, spawn to exit (stdout to /dev/null, as a hook or CI job would). */
function timeNode(c: ProcessCase): { ms: number; status: number | null; stderr: string } {
  c.before?.();
  const start = process.hrtime.bigint();
  const result = spawnNode(c.args, c.cwd, false, c.env);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, status: result.status, stderr: result.stderr.toString() };
}

interface ProcessCase {
  readonly name: string;
  readonly args: readonly string[];
  readonly cwd: string;
  /** Exit statuses that mean "worked". */
  readonly ok: readonly number[];
  /** A flag the CLI may not have yet: a usage error (status 2) skips the case. */
  readonly optionalFlag?: string;
  /** An output the check run must see on stdout (a regular expression). */
  readonly expect?: RegExp;
  /** Environment variables of this case. */
  readonly env?: NodeJS.ProcessEnv;
  /** Runs before each timed run, untimed (e.g. to empty the code cache). */
  readonly before?: () => void;
}

export interface ProcessResult {
  readonly name: string;
  readonly command: string;
  readonly skipped?: string;
  readonly runs?: number;
  readonly medianMs?: number;
  readonly minMs?: number;
  readonly madMs?: number;
  readonly ratio?: number;
  readonly exitStatus?: number | null;
}

/**
 * Runs `cases` in interleaved rounds (each round runs every case once, starting one further
 * along each time) so that drift in the machine's load hits every case alike; the first
 * `warmup` rounds are discarded. Each case is checked once first, with its output captured.
 */
function measureProcesses(
  cases: readonly ProcessCase[],
  options: Options,
  runs = options.runs,
): Map<string, { times: number[]; skipped?: string; status: number | null }> {
  const state = new Map<string, { times: number[]; skipped?: string; status: number | null }>();
  for (const c of cases) {
    c.before?.();
    const check = spawnNode(c.args, c.cwd, true, c.env);
    const stderr = check.stderr.toString().trim();
    const entry = { times: [] as number[], status: check.status, skipped: undefined as string | undefined };
    if (c.optionalFlag && check.status === 2) {
      entry.skipped = `the CLI does not take ${c.optionalFlag} yet (${stderr.split('\n')[0] || 'exit 2'})`;
    } else if (check.status === null || !c.ok.includes(check.status)) {
      problem(`${c.name}: exit status ${check.status}${check.signal ? ` (${check.signal})` : ''}: ${stderr.split('\n')[0]}`);
      entry.skipped = `failed (exit status ${check.status})`;
    } else if (c.expect && !c.expect.test(check.stdout.toString())) {
      problem(`${c.name}: stdout does not match ${c.expect}`);
    }
    state.set(c.name, entry);
  }
  const active = cases.filter((c) => !state.get(c.name)!.skipped);
  for (let round = 0; round < options.warmup + runs; round++) {
    for (let k = 0; k < active.length; k++) {
      const c = active[(round + k) % active.length];
      const { ms, status } = timeNode(c);
      const entry = state.get(c.name)!;
      if (status === null || !c.ok.includes(status)) problem(`${c.name}: exit status ${status} in a timed run`);
      if (round >= options.warmup) entry.times.push(ms);
    }
  }
  return state;
}

function commandOf(args: readonly string[]): string {
  return ['node', ...args.map((a) => (path.isAbsolute(a) ? path.relative(REPO_ROOT, a) : a))].join(' ');
}

// ---------------------------------------------------------------------------------------------
// 1. Whole process

export function benchProcess(options: Options): ProcessResult[] {
  section(`1. Whole-process wall time, median of ${options.runs} runs after ${options.warmup} warm-up round(s)`);
  const cwd = REPO_ROOT;
  const fixableDir = mkdtempSync(path.join(os.tmpdir(), 'vsftpd-lint-bench-fix-'));
  const fixable = path.join(fixableDir, 'fixable.conf');
  writeFileSync(fixable, fixableLines(8_000));
  try {
    return benchProcessCases(options, cwd, fixable);
  } finally {
    rmSync(fixableDir, { recursive: true, force: true });
  }
}

function benchProcessCases(options: Options, cwd: string, fixable: string): ProcessResult[] {
  const ok = [0, 1];
  const cli = options.cli;
  const cases: ProcessCase[] = [
    { name: 'node -e 0', args: ['-e', '0'], cwd, ok: [0] },
    { name: 'typical file', args: [cli, TYPICAL_CONFIG_ARG], cwd, ok, expect: /problem/ },
    // The first run after an install or upgrade: compiles, and writes the cache at exit.
    { name: 'typical file, empty cache', args: [cli, TYPICAL_CONFIG_ARG], cwd, ok, expect: /problem/, before: emptyCache },
    {
      name: 'typical file, cache off',
      args: [cli, TYPICAL_CONFIG_ARG],
      cwd,
      ok,
      expect: /problem/,
      env: { NODE_DISABLE_COMPILE_CACHE: '1' },
    },
    { name: '--version', args: [cli, '--version'], cwd, ok: [0], expect: /^\d+\.\d+/ },
    { name: '--format json', args: [cli, '--format', 'json', TYPICAL_CONFIG_ARG], cwd, ok, expect: /^[[{]/ },
    { name: '--diff', args: [cli, '--diff', TYPICAL_CONFIG_ARG], cwd, ok, optionalFlag: '--diff' },
    {
      name: '--diff --unsafe-fixes',
      args: [cli, '--diff', '--unsafe-fixes', TYPICAL_CONFIG_ARG],
      cwd,
      ok,
      optionalFlag: '--diff',
      expect: /^--- a\//,
    },
    { name: '--help', args: [cli, '--help'], cwd, ok: [0], expect: /Usage|usage|vsftpd-lint/ },
    { name: '--diff, 8,000 fixable lines', args: [cli, '--diff', fixable], cwd, ok, expect: /^--- a\// },
  ];
  const state = measureProcesses(cases, options);
  const base = median(state.get('node -e 0')!.times);
  const results: ProcessResult[] = cases.map((c) => {
    const { times, skipped, status } = state.get(c.name)!;
    if (skipped) return { name: c.name, command: commandOf(c.args), skipped };
    const m = median(times);
    return {
      name: c.name,
      command: commandOf(c.args),
      runs: times.length,
      medianMs: round(m),
      minMs: round(min(times)),
      madMs: round(mad(times)),
      ratio: round(m / base),
      exitStatus: status,
    };
  });
  print(
    table(
      ['case', 'median ms', 'min ms', 'MAD ms', 'x node -e 0', 'command'],
      results.map((r) =>
        r.skipped ? [r.name, '-', '-', '-', '-', `skipped: ${r.skipped}`] : [r.name, r.medianMs!, r.minMs!, r.madMs!, r.ratio!, r.command],
      ),
    ),
  );
  return results;
}

// ---------------------------------------------------------------------------------------------
// 1b. What loading costs

interface LoadResult {
  readonly module: string;
  readonly requireMs: number;
  readonly wallMs: number;
  readonly wallOverNode: number;
}

export function benchLoad(options: Options): LoadResult[] {
  section("1b. Load cost: require() of each module in a fresh process (median ms), and that process's wall time");
  const resolveDep = (name: string): string => require.resolve(name, { paths: [REPO_ROOT] });
  const modules: [string, string][] = [
    ['kleur', resolveDep('kleur')],
    ['diff', resolveDep('diff')],
    ['yargs', resolveDep('yargs')],
    ['parser (src/parser/parse)', path.join(BUILD_DIR, 'src', 'parser', 'parse.js')],
    ['engine + rules (src/engine/lint)', path.join(BUILD_DIR, 'src', 'engine', 'lint.js')],
    ['library (src/index)', LIBRARY],
    ['cli/args (yargs + library)', path.join(BUILD_DIR, 'src', 'cli', 'args.js')],
    ['format', path.join(BUILD_DIR, 'src', 'format', 'index.js')],
  ].filter(([, file]) => existsSync(file)) as [string, string][];
  // The child times its own require() and prints it; the parent times the whole child.
  const script = (file: string) =>
    `const t=process.hrtime.bigint();require(${JSON.stringify(file)});` +
    `process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
  const requireTimes = new Map<string, number[]>();
  const wallTimes = new Map<string, number[]>();
  const all: [string, readonly string[]][] = [
    ['node -e 0', ['-e', '0']],
    ...modules.map(([n, f]) => [n, ['-e', script(f)]] as [string, string[]]),
  ];
  for (let round = 0; round < options.warmup + options.runs; round++) {
    for (let k = 0; k < all.length; k++) {
      const [name, args] = all[(round + k) % all.length];
      const start = process.hrtime.bigint();
      const result = spawnNode(args, REPO_ROOT, true);
      const wall = Number(process.hrtime.bigint() - start) / 1e6;
      if (result.status !== 0) {
        problem(`load ${name}: exit status ${result.status}: ${result.stderr.toString().split('\n')[0]}`);
        continue;
      }
      if (round < options.warmup) continue;
      if (!wallTimes.has(name)) wallTimes.set(name, []);
      wallTimes.get(name)!.push(wall);
      if (name !== 'node -e 0') {
        if (!requireTimes.has(name)) requireTimes.set(name, []);
        requireTimes.get(name)!.push(Number(result.stdout.toString()));
      }
    }
  }
  const base = median(wallTimes.get('node -e 0') ?? []);
  const results = modules.map(([name]) => {
    const wall = median(wallTimes.get(name) ?? []);
    return {
      module: name,
      requireMs: round(median(requireTimes.get(name) ?? [])),
      wallMs: round(wall),
      wallOverNode: round(wall / base),
    };
  });
  print(
    table(
      ['module', 'require ms', 'process ms', 'x node -e 0'],
      [['node -e 0', 0, round(base), 1], ...results.map((r) => [r.module, r.requireMs, r.wallMs, r.wallOverNode])],
    ),
  );
  return results;
}

// ---------------------------------------------------------------------------------------------
// 3 and 4. Many files in one process; peak RSS

export interface FilesResult {
  readonly files: number;
  readonly runs: number;
  readonly medianMs: number;
  readonly minMs: number;
  readonly perFileMs: number;
  readonly ratioToOneFile: number;
  /** (time(N) - time(1)) / (N - 1): what one more file costs. */
  readonly marginalPerFileMs: number | null;
}

interface MemoryResult {
  readonly method: string;
  readonly runs: number;
  readonly cases: { readonly name: string; readonly maxRssKb: number }[];
}

export function benchFiles(options: Options): { files: FilesResult[]; memory: MemoryResult | undefined } {
  const counts = options.quick ? [1, 10, 100] : [1, 10, 100, 1000];
  const runs = options.runs;
  section(`3. One process linting N files (copies of the typical file), median of ${runs} runs`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vsftpd-lint-bench-'));
  try {
    const typical = readFileSync(TYPICAL_CONFIG, 'utf8');
    const max = counts[counts.length - 1];
    const cli = options.cli;
    const names: string[] = [];
    for (let i = 0; i < max; i++) {
      const name = `ftp-${String(i).padStart(4, '0')}.conf`;
      writeFileSync(path.join(dir, name), fleetConfig(typical, i));
      names.push(name);
    }
    const cases: ProcessCase[] = counts.map((n) => ({
      name: String(n),
      args: [cli, ...names.slice(0, n)],
      cwd: dir,
      ok: [0, 1],
      expect: /problem/,
    }));
    const state = measureProcesses(cases, options, runs);
    const one = median(state.get('1')?.times ?? []);
    const files: FilesResult[] = [];
    for (const n of counts) {
      const { times, skipped } = state.get(String(n))!;
      if (skipped) continue;
      const m = median(times);
      files.push({
        files: n,
        runs: times.length,
        medianMs: round(m),
        minMs: round(min(times)),
        perFileMs: round(m / n),
        ratioToOneFile: round(m / one, 2),
        marginalPerFileMs: n > 1 ? round((m - one) / (n - 1)) : null,
      });
    }
    print(
      table(
        ['files', 'median ms', 'min ms', 'ms per file', 'x one file', 'marginal ms per file'],
        files.map((f) => [f.files, f.medianMs, f.minMs, f.perFileMs, f.ratioToOneFile, f.marginalPerFileMs ?? '-']),
      ),
    );

    section(`4. Peak RSS (median of ${options.quick ? 1 : 3} runs)`);
    const memory = measureMemory(
      [
        ['node -e 0', ['-e', '0']],
        ['1 file', [cli, names[0]]],
        [`${max} files`, [cli, ...names.slice(0, max)]],
      ],
      dir,
      options.quick ? 1 : 3,
    );
    if (memory) {
      print(`method: ${memory.method}`);
      print(
        table(
          ['run', 'max RSS MB'],
          memory.cases.map((c) => [c.name, round(c.maxRssKb / 1024, 1)]),
        ),
      );
    }
    return { files, memory };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** GNU time's %M (max RSS in kB) when /usr/bin/time is GNU time; otherwise the preload's report. */
function measureMemory(cases: [string, string[]][], cwd: string, runs: number): MemoryResult | undefined {
  const reportFile = path.join(cwd, 'rss-report.txt');
  const gnuTime = existsSync('/usr/bin/time') && probeGnuTime(reportFile, cwd);
  const method = gnuTime
    ? '/usr/bin/time -f %M (the child node process)'
    : 'process.resourceUsage().maxRSS reported by dist/bench/preload.js at exit';
  const results: { name: string; maxRssKb: number }[] = [];
  for (const [name, args] of cases) {
    const values: number[] = [];
    for (let i = 0; i < runs; i++) {
      rmSync(reportFile, { force: true });
      const result = gnuTime
        ? spawnSync('/usr/bin/time', ['-f', '%M', '-o', reportFile, process.execPath, ...args], {
            cwd,
            env: CHILD_ENV,
            stdio: ['ignore', 'ignore', 'pipe'],
          })
        : spawnSync(process.execPath, ['--require', PRELOAD, ...args], {
            cwd,
            env: { ...CHILD_ENV, BENCH_REPORT_FILE: reportFile },
            stdio: ['ignore', 'ignore', 'pipe'],
          });
      if (result.status !== 0 && result.status !== 1) {
        problem(`memory ${name}: exit status ${result.status}`);
        return undefined;
      }
      const text = existsSync(reportFile) ? readFileSync(reportFile, 'utf8') : '';
      const kb = gnuTime ? Number(text.trim().split('\n').pop()) : Number((JSON.parse(text || '{}') as { maxRssKb?: unknown }).maxRssKb);
      if (!Number.isFinite(kb) || kb <= 0) {
        problem(`memory ${name}: no RSS figure (${text.trim().slice(0, 80)})`);
        return undefined;
      }
      values.push(kb);
    }
    results.push({ name, maxRssKb: median(values) });
  }
  rmSync(reportFile, { force: true });
  return { method, runs, cases: results };
}

function probeGnuTime(reportFile: string, cwd: string): boolean {
  const result = spawnSync('/usr/bin/time', ['-f', '%M', '-o', reportFile, process.execPath, '-e', '0'], {
    cwd,
    stdio: 'ignore',
  });
  const ok = result.status === 0 && existsSync(reportFile) && /^\d+$/.test(readFileSync(reportFile, 'utf8').trim());
  rmSync(reportFile, { force: true });
  return ok;
}

/**
 * vsftpd-lint's benchmark suite (issue 7). Run from a build: `npm run build && node
 * dist/bench/run.js [--quick] [--runs N] [--only SECTIONS] [--out FILE]`. Prints tables and
 * writes bench/results.json. Times are never asserted: the exit status is 1 only when something
 * did not work (the CLI crashed, an output was missing, a generated config was not what it should
 * be), so CI can run `--quick` to keep the suite from rotting.
 *
 * Sections (--only takes a comma-separated list of their names):
 *   process   whole-process wall time of the CLI against `node -e 0`, as a ratio
 *   load      require() time of the CLI's main dependencies, each in a fresh process
 *   inprocess parse + lint throughput on 1/10/100 kB configs and the pathological inputs
 *   files     one process linting 1, 10, 100, 1000 files; peak RSS of the largest run
 */
import { spawnSync, SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lint, parse, RULES } from '../src/index';
import {
  duplicateOptions,
  fleetConfig,
  longCommentLine,
  longNameLine,
  longValueLine,
  realisticConfig,
} from './generate';
import {
  BUILD_DIR,
  CLI,
  LIBRARY,
  mad,
  median,
  min,
  nowMs,
  PRELOAD,
  REPO_ROOT,
  round,
  table,
  TYPICAL_CONFIG,
  TYPICAL_CONFIG_ARG,
} from './lib';

const SECTIONS = ['process', 'load', 'inprocess', 'files'] as const;
type Section = (typeof SECTIONS)[number];

interface Options {
  readonly quick: boolean;
  /** Timed runs per whole-process case (after the warm-up rounds). */
  readonly runs: number;
  readonly warmup: number;
  readonly only: ReadonlySet<Section>;
  readonly out: string;
  /** The CLI entry to run (default: the bundled dist/vsftpd-lint.js), e.g. the modular dist/src/cli/main.js. */
  readonly cli: string;
}

function parseOptions(argv: readonly string[]): Options {
  let quick = false;
  let runs: number | undefined;
  let only: Set<Section> = new Set(SECTIONS);
  let out = path.join(REPO_ROOT, 'bench', 'results.json');
  let cli = CLI;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--quick') quick = true;
    else if (arg === '--runs') runs = Number(value());
    else if (arg === '--out') out = path.resolve(value());
    else if (arg === '--cli') cli = path.resolve(value());
    else if (arg === '--only') {
      const names = value().split(',');
      for (const n of names) {
        if (!(SECTIONS as readonly string[]).includes(n)) throw new Error(`unknown section '${n}'`);
      }
      only = new Set(names as Section[]);
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write(
        'usage: node dist/bench/run.js [--quick] [--runs N] [--only process,load,inprocess,files] [--out FILE] [--cli FILE]\n',
      );
      process.exit(0);
    } else throw new Error(`unknown argument '${arg}'`);
  }
  if (runs !== undefined && !(Number.isInteger(runs) && runs >= 1)) throw new Error('--runs takes a positive integer');
  return { quick, runs: runs ?? (quick ? 3 : 15), warmup: quick ? 1 : 2, only, out, cli };
}

/** Problems that make the run fail (never a slow time). */
const problems: string[] = [];
function problem(message: string): void {
  problems.push(message);
  process.stderr.write(`bench: ${message}\n`);
}

function section(title: string): void {
  process.stdout.write(`\n== ${title}\n\n`);
}

function print(text: string): void {
  process.stdout.write(`${text}\n`);
}

/** The environment the children run in: no forced colour, whatever the caller's terminal. */
const CHILD_ENV: NodeJS.ProcessEnv = (() => {
  const env = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.NODE_OPTIONS;
  return env;
})();

function spawnNode(args: readonly string[], cwd: string, capture: boolean): SpawnSyncReturns<Buffer> {
  return spawnSync(process.execPath, args, {
    cwd,
    env: CHILD_ENV,
    stdio: ['ignore', capture ? 'pipe' : 'ignore', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
  });
}

/** Wall time of one child, spawn to exit (stdout to /dev/null, as a hook or CI job would). */
function timeNode(args: readonly string[], cwd: string): { ms: number; status: number | null; stderr: string } {
  const start = process.hrtime.bigint();
  const result = spawnNode(args, cwd, false);
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
}

interface ProcessResult {
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
    const check = spawnNode(c.args, c.cwd, true);
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
      const { ms, status } = timeNode(c.args, c.cwd);
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

function benchProcess(options: Options): ProcessResult[] {
  section(`1. Whole-process wall time, median of ${options.runs} runs after ${options.warmup} warm-up round(s)`);
  const cwd = REPO_ROOT;
  const ok = [0, 1];
  const cli = options.cli;
  const cases: ProcessCase[] = [
    { name: 'node -e 0', args: ['-e', '0'], cwd, ok: [0] },
    { name: 'typical file', args: [cli, TYPICAL_CONFIG_ARG], cwd, ok, expect: /problem/ },
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
        r.skipped
          ? [r.name, '-', '-', '-', '-', `skipped: ${r.skipped}`]
          : [r.name, r.medianMs!, r.minMs!, r.madMs!, r.ratio!, r.command],
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

function benchLoad(options: Options): LoadResult[] {
  section('1b. Load cost: require() of each module in a fresh process (median ms), and that process\'s wall time');
  const resolveDep = (name: string): string => require.resolve(name, { paths: [REPO_ROOT] });
  const modules: [string, string][] = [
    ['kleur', resolveDep('kleur')],
    ['diff', resolveDep('diff')],
    ['yargs', resolveDep('yargs')],
    ['parser (src/parser/parse)', path.join(BUILD_DIR, 'src', 'parser', 'parse.js')],
    ['engine + rules (src/engine/lint)', path.join(BUILD_DIR, 'src', 'engine', 'lint.js')],
    ['library (src/index)', LIBRARY],
    ['cli/args (yargs + library)', path.join(BUILD_DIR, 'src', 'cli', 'args.js')],
    ['cli/formatters', path.join(BUILD_DIR, 'src', 'cli', 'formatters', 'index.js')],
  ].filter(([, file]) => existsSync(file)) as [string, string][];
  // The child times its own require() and prints it; the parent times the whole child.
  const script = (file: string) =>
    `const t=process.hrtime.bigint();require(${JSON.stringify(file)});` +
    `process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
  const requireTimes = new Map<string, number[]>();
  const wallTimes = new Map<string, number[]>();
  const all: [string, readonly string[]][] = [['node -e 0', ['-e', '0']], ...modules.map(([n, f]) => [n, ['-e', script(f)]] as [string, string[]])];
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
// 2. In process

interface Timing {
  readonly medianMs: number;
  readonly minMs: number;
  readonly madMs: number;
  readonly samples: number;
  readonly batch: number;
}

let sink = 0;

/** Median time of one call of `fn`, from `samples` samples of `batch` calls each, after a warm-up. */
function timeFn(fn: () => number, options: Options): Timing {
  const samples = options.quick ? 3 : 15;
  const minSampleMs = options.quick ? 2 : 25;
  const warmupMs = options.quick ? 20 : 300;
  let start = nowMs();
  sink += fn();
  let once = nowMs() - start;
  const slow = once > 1000;
  if (!slow) {
    const end = nowMs() + warmupMs;
    while (nowMs() < end) sink += fn();
    start = nowMs();
    sink += fn();
    once = nowMs() - start;
  }
  const batch = Math.max(1, Math.ceil(minSampleMs / Math.max(once, 0.001)));
  const per: number[] = [];
  for (let s = 0; s < (slow ? Math.min(samples, 3) : samples); s++) {
    start = nowMs();
    for (let b = 0; b < batch; b++) sink += fn();
    per.push((nowMs() - start) / batch);
  }
  return { medianMs: round(median(per), 4), minMs: round(min(per), 4), madMs: round(mad(per), 4), samples: per.length, batch };
}

interface InputStats {
  readonly bytes: number;
  readonly lines: number;
  /** Lines within vsftpd's 100,000-byte read limit (the rest are never read). */
  readonly linesRead: number;
  readonly findings: number;
}

function inputStats(text: string): InputStats {
  const doc = parse(text);
  return {
    bytes: Buffer.byteLength(text),
    lines: doc.lines.length,
    linesRead: doc.lines.filter((l) => l.reach !== 'unread').length,
    findings: lint(text, { rules: RULES }).length,
  };
}

interface ThroughputResult extends InputStats {
  readonly name: string;
  readonly lintMs: number;
  readonly parseMs: number;
  readonly lintMBps: number;
  readonly parseMBps: number;
  readonly lint: Timing;
  readonly parse: Timing;
}

function throughput(name: string, text: string, options: Options): ThroughputResult {
  const stats = inputStats(text);
  const lintTiming = timeFn(() => lint(text, { rules: RULES }).length, options);
  const parseTiming = timeFn(() => parse(text).lines.length, options);
  const mbps = (ms: number) => round(stats.bytes / 1e6 / (ms / 1000), 2);
  return {
    name,
    ...stats,
    lintMs: lintTiming.medianMs,
    parseMs: parseTiming.medianMs,
    lintMBps: mbps(lintTiming.medianMs),
    parseMBps: mbps(parseTiming.medianMs),
    lint: lintTiming,
    parse: parseTiming,
  };
}

interface ScalingResult {
  readonly name: string;
  readonly small: string;
  readonly large: string;
  readonly sizeRatio: number;
  readonly timeRatio: number;
  /** Time ratio scaled to exactly 10x the input (the target: at most 12). */
  readonly per10x: number;
}

function scaling(name: string, small: ThroughputResult, large: ThroughputResult): ScalingResult {
  const sizeRatio = large.bytes / small.bytes;
  const timeRatio = large.lintMs / small.lintMs;
  return {
    name,
    small: small.name,
    large: large.name,
    sizeRatio: round(sizeRatio, 2),
    timeRatio: round(timeRatio, 2),
    per10x: round((timeRatio / sizeRatio) * 10, 2),
  };
}

interface ColdResult {
  readonly name: string;
  readonly lines: number;
  readonly linesRead: number;
  readonly bytes: number;
  readonly suggestions: number;
  /** First lint in a warmed-up process whose suggestion cache has never seen these names. */
  readonly firstMs: number;
  /** The same text linted again in that process (every suggestion cached). */
  readonly againMs: number;
}

function coldUnknownOptions(count: number, options: Options): ColdResult | undefined {
  const runs = options.quick ? 1 : 5;
  const samples: { firstMs: number; againMs: number; bytes: number; lines: number; linesRead: number; suggestions: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const child = spawnNode([path.join(__dirname, 'cold.js'), 'unknown-options', String(count)], REPO_ROOT, true);
    if (child.status !== 0) {
      problem(`cold.js unknown-options ${count}: exit status ${child.status}: ${child.stderr.toString().split('\n')[0]}`);
      return undefined;
    }
    samples.push(JSON.parse(child.stdout.toString()) as (typeof samples)[number]);
  }
  const s = samples[0];
  return {
    name: `${count.toLocaleString('en')} unknown options`,
    lines: s.lines,
    linesRead: s.linesRead,
    bytes: s.bytes,
    suggestions: s.suggestions,
    firstMs: round(median(samples.map((x) => x.firstMs)), 3),
    againMs: round(median(samples.map((x) => x.againMs)), 3),
  };
}

interface InProcessResults {
  readonly realistic: ThroughputResult[];
  readonly pathological: ThroughputResult[];
  readonly scaling: ScalingResult[];
  readonly unknownOptionsCold: ColdResult[];
}

function benchInProcess(options: Options): InProcessResults {
  section('2. In process: parse + lint with all rules (median ms per file)');
  const typical = readFileSync(TYPICAL_CONFIG, 'utf8');
  const sizes: [string, string][] = [
    ['typical (debian.conf)', typical],
    ['realistic 1 kB', realisticConfig(1_000)],
    ['realistic 10 kB', realisticConfig(10_000)],
    ['realistic 100 kB', realisticConfig(100_000)],
  ];
  const realistic = sizes.map(([name, text]) => throughput(name, text, options));
  for (const r of realistic.slice(1)) {
    // A realistic config must parse, or only the syntax rules run and the figure flatters.
    const fatal = lint(sizes.find(([n]) => n === r.name)![1], { rules: RULES }).filter(
      (f) => f.category === 'syntax' && f.severity === 'error',
    );
    if (fatal.length > 0) problem(`${r.name}: the generated config has syntax errors (${fatal[0].message})`);
  }
  const pathologicalInputs: [string, string][] = [
    ['one 10 kB line (value)', longValueLine(10_000)],
    ['one 100 kB line (value)', longValueLine(100_000)],
    ['one 10 kB line (unknown name)', longNameLine(10_000)],
    ['one 100 kB line (unknown name)', longNameLine(100_000)],
    ['one 10 kB line (comment)', longCommentLine(10_000)],
    ['one 100 kB line (comment)', longCommentLine(100_000)],
    ['1,000 duplicate options', duplicateOptions(1_000)],
    ['10,000 duplicate options', duplicateOptions(10_000)],
  ];
  const pathological = pathologicalInputs.map(([name, text]) => throughput(name, text, options));
  const rows = (list: ThroughputResult[]) =>
    list.map((r) => [r.name, r.bytes, r.lines, r.findings, r.lintMs, r.lintMBps, r.parseMs, r.parseMBps]);
  const head = ['input', 'bytes', 'lines', 'findings', 'lint ms', 'lint MB/s', 'parse ms', 'parse MB/s'];
  print(table(head, [...rows(realistic), ...rows(pathological)]));

  const byName = (name: string) => [...realistic, ...pathological].find((r) => r.name === name)!;
  const scalings = [
    scaling('realistic', byName('realistic 10 kB'), byName('realistic 100 kB')),
    scaling('one long line (value)', byName('one 10 kB line (value)'), byName('one 100 kB line (value)')),
    scaling('one long line (unknown name)', byName('one 10 kB line (unknown name)'), byName('one 100 kB line (unknown name)')),
    scaling('one long line (comment)', byName('one 10 kB line (comment)'), byName('one 100 kB line (comment)')),
    scaling('duplicate options', byName('1,000 duplicate options'), byName('10,000 duplicate options')),
  ];

  // Distinct misspelt names: measured in fresh processes, because the suggestion cache would
  // otherwise answer every repetition after the first.
  const cold = [coldUnknownOptions(1_000, options), coldUnknownOptions(10_000, options)].filter(
    (c): c is ColdResult => c !== undefined,
  );
  print('');
  print(
    table(
      ['input (fresh suggestion cache)', 'bytes', 'lines', 'lines read', 'suggestions', 'first lint ms', 'again ms'],
      cold.map((c) => [c.name, c.bytes, c.lines, c.linesRead, c.suggestions, c.firstMs, c.againMs]),
    ),
  );
  if (cold.length === 2) {
    // vsftpd reads only the first 100,000 bytes, and so do the rules: compare the lines read.
    const sizeRatio = cold[1].linesRead / cold[0].linesRead;
    const timeRatio = cold[1].firstMs / cold[0].firstMs;
    scalings.push({
      name: 'unknown options, first lint (per line read)',
      small: cold[0].name,
      large: cold[1].name,
      sizeRatio: round(sizeRatio, 2),
      timeRatio: round(timeRatio, 2),
      per10x: round((timeRatio / sizeRatio) * 10, 2),
    });
  }
  print('');
  print(
    table(
      ['scaling (lint)', 'from', 'to', 'size x', 'time x', 'time x per 10x input'],
      scalings.map((s) => [s.name, s.small, s.large, s.sizeRatio, s.timeRatio, s.per10x]),
    ),
  );
  return { realistic, pathological, scaling: scalings, unknownOptionsCold: cold };
}

// ---------------------------------------------------------------------------------------------
// 3 and 4. Many files in one process; peak RSS

interface FilesResult {
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

function benchFiles(options: Options): { files: FilesResult[]; memory: MemoryResult | undefined } {
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
      print(table(['run', 'max RSS MB'], memory.cases.map((c) => [c.name, round(c.maxRssKb / 1024, 1)])));
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

// ---------------------------------------------------------------------------------------------

interface Target {
  readonly target: string;
  readonly limit: string;
  readonly achieved: string;
  readonly met: boolean | null;
}

function targets(
  proc: ProcessResult[] | undefined,
  inproc: InProcessResults | undefined,
  files: FilesResult[] | undefined,
): Target[] {
  const out: Target[] = [];
  const typical = proc?.find((r) => r.name === 'typical file');
  if (typical?.ratio !== undefined) {
    out.push({ target: 'typical file vs node -e 0', limit: '<= 1.3x', achieved: `${typical.ratio}x`, met: typical.ratio <= 1.3 });
  }
  const big = inproc?.realistic.find((r) => r.name === 'realistic 100 kB');
  if (big) out.push({ target: '100 kB parse + all rules', limit: '< 5 ms', achieved: `${round(big.lintMs, 2)} ms`, met: big.lintMs < 5 });
  for (const s of inproc?.scaling ?? []) {
    out.push({ target: `10x input: ${s.name}`, limit: '<= 12x time', achieved: `${s.per10x}x`, met: s.per10x <= 12 });
  }
  const thousand = files?.find((f) => f.files === 1000);
  if (thousand) {
    out.push({ target: '1,000 files vs 1 file', limit: '<= 3x', achieved: `${thousand.ratioToOneFile}x`, met: thousand.ratioToOneFile <= 3 });
  }
  return out;
}

function gitDescribe(): { commit: string | null; dirty: boolean | null } {
  const rev = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' });
  const status = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: REPO_ROOT, encoding: 'utf8' });
  return {
    commit: rev.status === 0 ? rev.stdout.trim() : null,
    dirty: status.status === 0 ? status.stdout.trim() !== '' : null,
  };
}

function main(): void {
  const options = parseOptions(process.argv.slice(2));
  if (!existsSync(options.cli)) throw new Error(`no CLI at ${options.cli}: run npm run build first`);
  const cpus = os.cpus();
  const meta = {
    date: new Date().toISOString(),
    quick: options.quick,
    node: process.version,
    platform: `${process.platform} ${os.release()} ${process.arch}`,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGB: round(os.totalmem() / 2 ** 30, 1),
    loadAverageAtStart: os.loadavg().map((l) => round(l, 2)),
    cli: path.relative(REPO_ROOT, options.cli),
    ...gitDescribe(),
  };
  print(
    `vsftpd-lint benchmarks${options.quick ? ' (quick: few iterations, figures are indicative only)' : ''}\n` +
      `node ${meta.node}, ${meta.cpus} cores (${meta.cpuModel}), load average ${meta.loadAverageAtStart.join(' ')}`,
  );
  const started = nowMs();
  const proc = options.only.has('process') ? benchProcess(options) : undefined;
  const load = options.only.has('load') ? benchLoad(options) : undefined;
  const inproc = options.only.has('inprocess') ? benchInProcess(options) : undefined;
  const many = options.only.has('files') ? benchFiles(options) : undefined;
  const goals = targets(proc, inproc, many?.files);
  if (goals.length > 0) {
    section('Targets (issue 7; reported, never asserted)');
    print(table(['target', 'limit', 'achieved', 'met'], goals.map((g) => [g.target, g.limit, g.achieved, g.met ? 'yes' : 'NO'])));
  }
  const results = {
    meta: { ...meta, loadAverageAtEnd: os.loadavg().map((l) => round(l, 2)), durationS: round((nowMs() - started) / 1000, 1) },
    process: proc,
    load,
    inProcess: inproc,
    files: many?.files,
    memory: many?.memory,
    targets: goals,
    problems,
  };
  // Keeps the timed calls' results alive (they must not be optimised away).
  if (sink === -1) print('');
  mkdirSync(path.dirname(options.out), { recursive: true });
  writeFileSync(options.out, JSON.stringify(results, null, 2) + '\n');
  print(`\nwrote ${path.relative(process.cwd(), options.out) || options.out} in ${results.meta.durationS} s`);
  if (problems.length > 0) {
    process.stderr.write(`bench: ${problems.length} problem(s); see above\n`);
    process.exitCode = 1;
  }
}

main();

/**
 * The benchmarks inside one process: parse + lint throughput on realistic and pathological
 * configs, how time scales with the input, and the fixer on thousands of fixable lines.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fix, lint, parse, RULES } from '../src/index';
import { duplicateOptions, fixableLines, longCommentLine, longNameLine, longValueLine, realisticConfig } from './generate';
import { mad, median, min, nowMs, REPO_ROOT, round, table, TYPICAL_CONFIG } from './lib';
import { Options, print, problem, section } from './suite';
import { spawnNode } from './processes';

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

export interface InProcessResults {
  readonly realistic: ThroughputResult[];
  readonly pathological: ThroughputResult[];
  readonly scaling: ScalingResult[];
  readonly unknownOptionsCold: ColdResult[];
}

export function benchInProcess(options: Options): InProcessResults {
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
  const cold = [coldUnknownOptions(1_000, options), coldUnknownOptions(10_000, options)].filter((c): c is ColdResult => c !== undefined);
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
// The fixer

export interface FixResult {
  readonly lines: number;
  readonly bytes: number;
  readonly medianMs: number;
  readonly passes: number;
  readonly applied: number;
  readonly remaining: number;
}

/**
 * fix() on 4,000 and 8,000 fixable lines (48 and 96 kB: how time grows), and on 16,000 and 80,000
 * (past vsftpd's read limit, which cuts a line in two: vsftpd refuses such a file, so there is
 * only that error to report and nothing to fix; what counts is that it ends, and soon).
 */
export function benchFix(options: Options): FixResult[] {
  section('2b. fix() on fixable lines (median ms per call; every line has a safe fix)');
  const results: FixResult[] = [];
  for (const lines of [4_000, 8_000, 16_000, 80_000]) {
    const text = fixableLines(lines);
    let outcome: ReturnType<typeof fix>;
    try {
      outcome = fix(text);
    } catch (err) {
      problem(`fix() on ${lines} lines: ${(err as Error).message}`);
      continue;
    }
    const timing = timeFn(() => fix(text).passes, options);
    results.push({
      lines,
      bytes: Buffer.byteLength(text),
      medianMs: timing.medianMs,
      passes: outcome.passes,
      applied: outcome.applied.length,
      remaining: outcome.remaining.length,
    });
  }
  print(
    table(
      ['lines', 'bytes', 'fix ms', 'passes', 'fixes applied', 'findings left'],
      results.map((r) => [r.lines, r.bytes, r.medianMs, r.passes, r.applied, r.remaining]),
    ),
  );
  // Keeps the timed calls' results alive (they must not be optimised away).
  if (sink === -1) print('');
  return results;
}

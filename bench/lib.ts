/** Small helpers shared by the benchmark scripts: paths, statistics, a seeded PRNG, tables. */
import { existsSync } from 'node:fs';
import * as path from 'node:path';

/**
 * Where things are, found from this file's compiled location (dist/bench/*.js, or any other
 * outDir laid out the same way), so the suite runs from whatever build it is part of.
 */
export const BUILD_DIR = path.resolve(__dirname, '..');
export const REPO_ROOT = findRepoRoot();
/** The installed command: the bundled CLI (package.json bin). */
export const CLI = path.join(BUILD_DIR, 'vsftpd-lint.js');
export const LIBRARY = path.join(BUILD_DIR, 'src', 'index.js');
export const PRELOAD = path.join(__dirname, 'preload.js');
export const TYPICAL_CONFIG = path.join(REPO_ROOT, 'bench', 'fixtures', 'debian.conf');
/** The same file as the CLI is given it: relative to the repository root (the child's cwd). */
export const TYPICAL_CONFIG_ARG = path.join('bench', 'fixtures', 'debian.conf');

function findRepoRoot(): string {
  // dist/bench -> dist -> repo; fall back to the working directory (npm runs scripts there).
  for (const candidate of [path.resolve(__dirname, '..', '..'), process.cwd()]) {
    if (existsSync(path.join(candidate, 'bench', 'fixtures', 'debian.conf'))) return candidate;
  }
  throw new Error('cannot find the repository root (bench/fixtures/debian.conf)');
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function min(values: readonly number[]): number {
  return values.reduce((a, b) => Math.min(a, b), Infinity);
}

/** Median absolute deviation: how noisy a series of timings is, robust to outliers. */
export function mad(values: readonly number[]): number {
  const m = median(values);
  return median(values.map((v) => Math.abs(v - m)));
}

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** mulberry32: a tiny deterministic PRNG, so generated configs are the same on every run. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  float(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.float() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.float() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)];
  }
}

/** A plain-text table; numbers are right-aligned. */
export function table(head: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = [head, ...rows].map((row) => row.map((c) => (typeof c === 'number' ? fmt(c) : c)));
  const widths = head.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  const numeric = head.map((_, i) => rows.length > 0 && rows.every((row) => typeof row[i] === 'number'));
  const line = (row: readonly string[]) =>
    row
      .map((c, i) => (numeric[i] ? (c ?? '').padStart(widths[i]) : (c ?? '').padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** Three significant digits, at most three decimals: 0.0123, 1.23, 12.3, 1234. */
export function fmt(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return String(n);
  const abs = Math.abs(n);
  if (abs >= 100) return n.toFixed(0);
  if (abs >= 10) return n.toFixed(1);
  if (abs >= 1) return n.toFixed(2);
  return n.toFixed(3);
}

export function round(n: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/**
 * vsftpd-lint's benchmark suite (issues 7 and 14). Run from a build: `npm run build && node
 * dist/bench/run.js [--quick] [--runs N] [--only SECTIONS] [--out FILE]`. Prints tables and
 * writes bench/results.json. Times are never asserted: the exit status is 1 only when something
 * did not work (the CLI crashed, an output was missing, a generated config was not what it should
 * be), so CI can run `--quick` to keep the suite from rotting.
 *
 * Sections (--only takes a comma-separated list of their names):
 *   process   whole-process wall time of the CLI against `node -e 0`, as a ratio: warm code
 *             cache, empty cache (the first run), cache off; --version, --help, --diff
 *   load      require() time of the CLI's main dependencies, each in a fresh process
 *   inprocess parse + lint throughput on 1/10/100 kB configs and the pathological inputs
 *   fix       fix() on 8,000, 16,000 and 80,000 fixable lines
 *   files     one process linting 1, 10, 100, 1000 files; peak RSS of the largest run
 * Every child runs with a code cache of its own in a temporary $XDG_CACHE_HOME.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { benchFix, benchInProcess, FixResult, InProcessResults } from './in-process';
import { nowMs, REPO_ROOT, round, table } from './lib';
import { benchFiles, benchLoad, benchProcess, FilesResult, ProcessResult, withBenchCache } from './processes';
import { parseOptions, print, problems, section } from './suite';

// ---------------------------------------------------------------------------------------------

interface Target {
  readonly target: string;
  readonly limit: string;
  readonly achieved: string;
  readonly met: boolean | null;
}

/** Issue 14's targets (and issue 7's scaling ones), from whatever sections ran. */
function targets(
  proc: ProcessResult[] | undefined,
  inproc: InProcessResults | undefined,
  fixes: FixResult[] | undefined,
  files: FilesResult[] | undefined,
): Target[] {
  const out: Target[] = [];
  const add = (target: string, limit: string, achieved: string, met: boolean) => out.push({ target, limit, achieved, met });
  const ratio = (name: string) => proc?.find((r) => r.name === name)?.ratio;
  const warm = ratio('typical file');
  if (warm !== undefined) add('typical file (warm cache) vs node -e 0', '<= 1.15x', `${warm}x`, warm <= 1.15);
  const cold = ratio('typical file, empty cache');
  const off = ratio('typical file, cache off');
  if (cold !== undefined && off !== undefined) {
    // The first run writes the cache: it may cost a little more than a run without any.
    add('first run (empty cache) vs cache off', '<= 1.05x', `${round(cold / off, 2)}x`, cold / off <= 1.05);
  }
  const thousand = files?.find((f) => f.files === 1000);
  if (thousand) add('1,000 files vs 1 file', '<= 2x', `${thousand.ratioToOneFile}x`, thousand.ratioToOneFile <= 2);
  const lintMs = (name: string) => [...(inproc?.realistic ?? []), ...(inproc?.pathological ?? [])].find((r) => r.name === name)?.lintMs;
  for (const name of ['realistic 100 kB', '10,000 duplicate options']) {
    const ms = lintMs(name);
    if (ms !== undefined) add(`parse + all rules: ${name}`, '< 3 ms', `${round(ms, 2)} ms`, ms < 3);
  }
  for (const s of inproc?.scaling ?? []) add(`10x input: ${s.name}`, '<= 12x time', `${s.per10x}x`, s.per10x <= 12);
  const fix8k = fixes?.find((f) => f.lines === 8_000);
  if (fix8k) add('fix() on 8,000 fixable lines (96 kB)', '< 100 ms', `${round(fix8k.medianMs, 1)} ms`, fix8k.medianMs < 100);
  const fix4k = fixes?.find((f) => f.lines === 4_000);
  if (fix4k && fix8k) {
    const x = round(fix8k.medianMs / fix4k.medianMs, 2);
    add('fix(): 8,000 lines vs 4,000 (linear)', '<= 2.4x', `${x}x`, x <= 2.4);
  }
  const diff = ratio('--diff, 8,000 fixable lines');
  const typical = proc?.find((r) => r.name === 'typical file')?.medianMs;
  const diffMs = proc?.find((r) => r.name === '--diff, 8,000 fixable lines')?.medianMs;
  if (diff !== undefined && diffMs !== undefined && typical !== undefined) {
    add('--diff on 8,000 fixable lines, beyond a typical run', '< 100 ms', `${round(diffMs - typical, 1)} ms`, diffMs - typical < 100);
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
  const { proc, load, inproc, fixes, many } = withBenchCache(() => ({
    proc: options.only.has('process') ? benchProcess(options) : undefined,
    load: options.only.has('load') ? benchLoad(options) : undefined,
    inproc: options.only.has('inprocess') ? benchInProcess(options) : undefined,
    fixes: options.only.has('fix') ? benchFix(options) : undefined,
    many: options.only.has('files') ? benchFiles(options) : undefined,
  }));
  const goals = targets(proc, inproc, fixes, many?.files);
  if (goals.length > 0) {
    section("Targets (issue 14, and issue 7's scaling; reported, never asserted)");
    print(
      table(
        ['target', 'limit', 'achieved', 'met'],
        goals.map((g) => [g.target, g.limit, g.achieved, g.met ? 'yes' : 'NO']),
      ),
    );
  }
  const results = {
    meta: { ...meta, loadAverageAtEnd: os.loadavg().map((l) => round(l, 2)), durationS: round((nowMs() - started) / 1000, 1) },
    process: proc,
    load,
    inProcess: inproc,
    fix: fixes,
    files: many?.files,
    memory: many?.memory,
    targets: goals,
    problems,
  };
  mkdirSync(path.dirname(options.out), { recursive: true });
  writeFileSync(options.out, JSON.stringify(results, null, 2) + '\n');
  print(`\nwrote ${path.relative(process.cwd(), options.out) || options.out} in ${results.meta.durationS} s`);
  if (problems.length > 0) {
    process.stderr.write(`bench: ${problems.length} problem(s); see above\n`);
    process.exitCode = 1;
  }
}

main();

/**
 * CPU profiles with `node --cpu-prof`, summarised: where the time goes by component (module
 * loading, yargs, parser, rules, ...), the hottest functions, and, for the CLI, which modules it
 * loads. The .cpuprofile files are kept in bench/profiles/ (open them in Chrome DevTools or
 * speedscope for a flame graph).
 *
 * Usage: node dist/bench/profile.js [CASE ...] [--runs N] [--interval MICROSECONDS] [--top N]
 *        [--cli FILE] (profile another CLI entry, e.g. a bundled one, in the cli-* cases)
 * Cases: cli-typical, cli-json, cli-diff, cli-help (the CLI, N runs merged) and inproc-typical,
 * inproc-100k, inproc-parse-100k, inproc-duplicates, inproc-unknown (the library in a loop).
 * Default: cli-typical inproc-100k.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BUILD_DIR, CLI, PRELOAD, REPO_ROOT, round, table, TYPICAL_CONFIG_ARG } from './lib';

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
}
interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}
interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

interface Case {
  readonly kind: 'cli' | 'inproc';
  readonly args: readonly string[];
}

const TARGET = path.join(__dirname, 'profile-target.js');
const CLI_CASES: Readonly<Record<string, readonly string[]>> = {
  'cli-typical': [TYPICAL_CONFIG_ARG],
  'cli-json': ['--format', 'json', TYPICAL_CONFIG_ARG],
  'cli-diff': ['--diff', '--unsafe-fixes', TYPICAL_CONFIG_ARG],
  'cli-help': ['--help'],
};
const CASES: Readonly<Record<string, Case>> = {
  ...Object.fromEntries(Object.entries(CLI_CASES).map(([k, args]) => [k, { kind: 'cli', args: [CLI, ...args] }])),
  'inproc-typical': { kind: 'inproc', args: [TARGET, 'typical'] },
  'inproc-100k': { kind: 'inproc', args: [TARGET, 'realistic-100k'] },
  'inproc-parse-100k': { kind: 'inproc', args: [TARGET, 'parse-realistic-100k'] },
  'inproc-duplicates': { kind: 'inproc', args: [TARGET, 'duplicates-10000'] },
  'inproc-unknown': { kind: 'inproc', args: [TARGET, 'unknown-10000'] },
};

const YARGS_FAMILY = new Set([
  'yargs',
  'yargs-parser',
  'cliui',
  'y18n',
  'escalade',
  'get-caller-file',
  'require-directory',
  'string-width',
  'strip-ansi',
  'ansi-regex',
  'wrap-ansi',
  'emoji-regex',
  'is-fullwidth-code-point',
  'ansi-styles',
  'color-convert',
  'color-name',
]);

/** The component a script belongs to, or null for a native frame (it takes its caller's). */
function componentOf(url: string, functionName: string): string | null {
  if (url === '') {
    if (functionName.startsWith('(')) return functionName; // (program), (garbage collector), (idle)
    if (/^compile/.test(functionName)) return 'V8 compile of module source';
    return null;
  }
  const file = url.startsWith('file://') ? decodeURIComponent(url.slice('file://'.length)) : url;
  if (file.startsWith('node:internal/modules/')) return 'node: module loader';
  if (file.startsWith('node:')) return 'node: other internals';
  const nm = file.lastIndexOf('/node_modules/');
  if (nm !== -1) {
    const parts = file.slice(nm + '/node_modules/'.length).split('/');
    const pkg = parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
    return YARGS_FAMILY.has(pkg) ? 'npm: yargs and its dependencies' : `npm: ${pkg}`;
  }
  if (file.startsWith(BUILD_DIR + path.sep)) {
    const rel = path.relative(BUILD_DIR, file).split(path.sep);
    if (rel[0] === 'rules') return 'vsftpd-lint: rules/';
    if (rel[0] === 'bench') return 'benchmark driver';
    if (rel[0] === 'src') return `vsftpd-lint: src/${rel[1].replace(/\.js$/, '')}`;
  }
  return 'other';
}

function isUserScript(url: string): boolean {
  return url !== '' && !url.startsWith('node:');
}

function shortUrl(url: string): string {
  const file = url.startsWith('file://') ? decodeURIComponent(url.slice('file://'.length)) : url;
  if (file.startsWith(BUILD_DIR + path.sep)) return path.relative(BUILD_DIR, file);
  const nm = file.lastIndexOf('/node_modules/');
  return nm === -1 ? file : file.slice(nm + '/node_modules/'.length);
}

interface Summary {
  readonly totalMs: number;
  readonly samples: number;
  readonly selfByComponent: [string, number][];
  readonly inclusiveByComponent: [string, number][];
  readonly selfByFunction: [string, string, number][];
  readonly inclusiveByFile: [string, number][];
}

function summarise(profiles: readonly CpuProfile[]): Summary {
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const fnSelf = new Map<string, { component: string; ms: number }>();
  const fileInclusive = new Map<string, number>();
  let totalMs = 0;
  let sampleCount = 0;
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  for (const profile of profiles) {
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    // The component of each node: its own, or its nearest caller's for native frames.
    const component = new Map<number, string>();
    const componentFor = (id: number): string => {
      const known = component.get(id);
      if (known !== undefined) return known;
      const n = byId.get(id)!;
      let c = componentOf(n.callFrame.url, n.callFrame.functionName);
      if (c === null) {
        const p = parent.get(id);
        c = p === undefined ? 'other' : componentFor(p);
        if (c === '(root)') c = 'other';
      }
      component.set(id, c);
      return c;
    };
    for (let i = 0; i < profile.samples.length; i++) {
      const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      if (dt <= 0) continue;
      const id = profile.samples[i];
      const leaf = byId.get(id)!;
      const c = componentFor(id);
      if (c === '(idle)') continue;
      totalMs += dt;
      sampleCount++;
      add(self, c, dt);
      const f = leaf.callFrame;
      const key = `${f.functionName || '(anonymous)'}  ${f.url ? `${shortUrl(f.url)}:${f.lineNumber + 1}` : '(native)'}`;
      const entry = fnSelf.get(key) ?? { component: c, ms: 0 };
      entry.ms += dt;
      fnSelf.set(key, entry);
      // Inclusive time stops at the outermost frame of a user script: node runs the main
      // script from inside its module loader, which would otherwise be "on the stack" always.
      const stack: number[] = [];
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.push(at);
      let outermost = stack.length - 1;
      while (outermost > 0 && !isUserScript(byId.get(stack[outermost])!.callFrame.url)) outermost--;
      const seenComponents = new Set<string>();
      const seenFiles = new Set<string>();
      for (const at of outermost > 0 || isUserScript(byId.get(stack[0])!.callFrame.url) ? stack.slice(0, outermost + 1) : stack) {
        seenComponents.add(componentFor(at));
        const url = byId.get(at)!.callFrame.url;
        if (url) seenFiles.add(shortUrl(url));
      }
      for (const s of seenComponents) add(inclusive, s, dt);
      for (const s of seenFiles) add(fileInclusive, s, dt);
    }
  }
  const sorted = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]);
  return {
    totalMs,
    samples: sampleCount,
    selfByComponent: sorted(self),
    inclusiveByComponent: sorted(inclusive).filter(([k]) => !k.startsWith('(')),
    selfByFunction: [...fnSelf.entries()].map(([k, v]) => [k, v.component, v.ms] as [string, string, number]).sort((a, b) => b[2] - a[2]),
    inclusiveByFile: sorted(fileInclusive).filter(([k]) => !k.startsWith('node:')),
  };
}

function pct(ms: number, total: number): string {
  return `${((100 * ms) / total).toFixed(1)}%`;
}

function printSummary(name: string, s: Summary, runs: number, top: number): void {
  const per = (ms: number) => round(ms / runs, 2);
  process.stdout.write(`\n== ${name}: ${round(s.totalMs / runs, 1)} ms of samples per run (${runs} run(s), ${s.samples} samples)\n\n`);
  process.stdout.write(
    table(
      ['component (self time)', 'ms/run', 'share'],
      s.selfByComponent.map(([k, v]) => [k, per(v), pct(v, s.totalMs)]),
    ) + '\n\n',
  );
  process.stdout.write(
    table(
      ['component (inclusive: on the stack below the main script)', 'ms/run', 'share'],
      s.inclusiveByComponent.slice(0, top).map(([k, v]) => [k, per(v), pct(v, s.totalMs)]),
    ) + '\n\n',
  );
  process.stdout.write(
    table(
      ['function (self time)', 'component', 'ms/run', 'share'],
      s.selfByFunction.slice(0, top).map(([k, c, v]) => [k, c, per(v), pct(v, s.totalMs)]),
    ) + '\n\n',
  );
  process.stdout.write(
    table(
      ['file (inclusive)', 'ms/run', 'share'],
      s.inclusiveByFile.slice(0, top).map(([k, v]) => [k, per(v), pct(v, s.totalMs)]),
    ) + '\n',
  );
}

/** Which modules the CLI loads, grouped, with their source size (what a bundle would hold). */
function census(args: readonly string[]): void {
  const reportFile = path.join(os.tmpdir(), `vsftpd-lint-census-${process.pid}.json`);
  const result = spawnSync(process.execPath, ['--require', PRELOAD, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, BENCH_REPORT_FILE: reportFile },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (!existsSync(reportFile)) {
    process.stderr.write(`profile: no module census (exit ${result.status})\n`);
    return;
  }
  const { modules } = JSON.parse(readFileSync(reportFile, 'utf8')) as { modules: string[] };
  rmSync(reportFile, { force: true });
  const groups = new Map<string, { count: number; bytes: number }>();
  for (const m of modules) {
    const group = componentOf(`file://${m}`, '') ?? 'other';
    const g = groups.get(group) ?? { count: 0, bytes: 0 };
    g.count++;
    g.bytes += statSync(m).size;
    groups.set(group, g);
  }
  const rows = [...groups.entries()].sort((a, b) => b[1].bytes - a[1].bytes);
  const total = rows.reduce((n, [, g]) => n + g.count, 0);
  const bytes = rows.reduce((n, [, g]) => n + g.bytes, 0);
  process.stdout.write(
    `\n== modules the CLI loads for: ${args.slice(1).join(' ')}: ${total} files, ${round(bytes / 1024, 1)} KiB of JS\n\n`,
  );
  process.stdout.write(
    table(
      ['component', 'files', 'KiB'],
      rows.map(([k, g]) => [k, g.count, round(g.bytes / 1024, 1)]),
    ) + '\n',
  );
}

function main(): void {
  const argv = process.argv.slice(2);
  let runs = 10;
  let interval = 100;
  let top = 20;
  let cli = CLI;
  const names: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') runs = Number(argv[++i]);
    else if (argv[i] === '--interval') interval = Number(argv[++i]);
    else if (argv[i] === '--top') top = Number(argv[++i]);
    else if (argv[i] === '--cli') cli = path.resolve(argv[++i]);
    else if (CASES[argv[i]]) names.push(argv[i]);
    else {
      process.stderr.write(`usage: profile.js [${Object.keys(CASES).join('|')} ...] [--runs N] [--interval US] [--top N] [--cli FILE]\n`);
      process.exit(2);
    }
  }
  if (names.length === 0) names.push('cli-typical', 'inproc-100k');
  const outDir = path.join(REPO_ROOT, 'bench', 'profiles');
  mkdirSync(outDir, { recursive: true });
  for (const name of names) {
    const c: Case = CLI_CASES[name] ? { kind: 'cli', args: [cli, ...CLI_CASES[name]] } : CASES[name];
    const dir = path.join(outDir, name);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    const times = c.kind === 'cli' ? runs : 1;
    for (let i = 0; i < times; i++) {
      const result = spawnSync(process.execPath, [`--cpu-prof`, `--cpu-prof-dir=${dir}`, `--cpu-prof-interval=${interval}`, ...c.args], {
        cwd: REPO_ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      if (result.status !== 0 && result.status !== 1) {
        process.stderr.write(`profile ${name}: exit status ${result.status}: ${result.stderr.toString()}\n`);
        process.exitCode = 1;
        break;
      }
      if (c.kind === 'inproc') process.stdout.write(`\n${name}: ${result.stdout.toString().trim()}`);
    }
    const profiles = readdirSync(dir)
      .filter((f) => f.endsWith('.cpuprofile'))
      .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as CpuProfile);
    if (profiles.length === 0) continue;
    printSummary(`${name} (${path.relative(REPO_ROOT, dir)})`, summarise(profiles), profiles.length, top);
    if (c.kind === 'cli') census(c.args);
  }
}

main();

/**
 * What every section of the benchmark suite shares: its options, the list of problems (a
 * problem fails the run; a slow time never does), and printing.
 */
import * as path from 'node:path';
import { CLI, REPO_ROOT } from './lib';

export const SECTIONS = ['process', 'load', 'inprocess', 'fix', 'files'] as const;
export type Section = (typeof SECTIONS)[number];

export interface Options {
  readonly quick: boolean;
  /** Timed runs per whole-process case (after the warm-up rounds). */
  readonly runs: number;
  readonly warmup: number;
  readonly only: ReadonlySet<Section>;
  readonly out: string;
  /** The CLI entry to run (default: the bundled dist/vsftpd-lint.js), e.g. the modular dist/src/cli/main.js. */
  readonly cli: string;
}

export function parseOptions(argv: readonly string[]): Options {
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

export const problems: string[] = [];
export function problem(message: string): void {
  problems.push(message);
  process.stderr.write(`bench: ${message}\n`);
}

export function section(title: string): void {
  process.stdout.write(`\n== ${title}\n\n`);
}

export function print(text: string): void {
  process.stdout.write(`${text}\n`);
}

/**
 * A process for `node --cpu-prof` to profile the library in: lints (or only parses) one input
 * over and over for a while. Usage: node dist/bench/profile-target.js INPUT [MILLISECONDS]
 * INPUT: typical | realistic-100k | duplicates-10000 | unknown-10000 | parse-realistic-100k
 */
import { readFileSync } from 'node:fs';
import { lint, parse, RULES } from '../src/index';
import { duplicateOptions, realisticConfig, unknownOptions } from './generate';
import { nowMs, TYPICAL_CONFIG } from './lib';

export const PROFILE_INPUTS: Readonly<Record<string, () => { text: string; parseOnly: boolean }>> = {
  typical: () => ({ text: readFileSync(TYPICAL_CONFIG, 'utf8'), parseOnly: false }),
  'realistic-100k': () => ({ text: realisticConfig(100_000), parseOnly: false }),
  'duplicates-10000': () => ({ text: duplicateOptions(10_000), parseOnly: false }),
  // Each iteration after the first hits the suggestion cache; the profile still shows the search.
  'unknown-10000': () => ({ text: unknownOptions(10_000), parseOnly: false }),
  'parse-realistic-100k': () => ({ text: realisticConfig(100_000), parseOnly: true }),
};

function main(): void {
  const [input, msArg] = process.argv.slice(2);
  const make = PROFILE_INPUTS[input];
  if (!make) {
    process.stderr.write(`usage: profile-target.js ${Object.keys(PROFILE_INPUTS).join('|')} [ms]\n`);
    process.exitCode = 2;
    return;
  }
  const { text, parseOnly } = make();
  const end = nowMs() + Number(msArg ?? 3000);
  let iterations = 0;
  let sink = 0;
  while (nowMs() < end) {
    sink += parseOnly ? parse(text).lines.length : lint(text, { rules: RULES }).length;
    iterations++;
  }
  process.stdout.write(JSON.stringify({ input, iterations, bytes: Buffer.byteLength(text), sink }) + '\n');
}

if (require.main === module) main();

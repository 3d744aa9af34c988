/**
 * Child process for measurements a long-lived process would flatter: the "did you mean" search
 * caches every unknown name it has seen (per target, for the life of the process), so linting the
 * same file of misspelt names twice in one process measures a cache. Here the code is warmed up
 * on other inputs (a realistic config and a disjoint set of misspelt names), then the input is
 * linted once with an empty cache ("first") and once more ("again"), and the times are printed
 * as JSON. Usage: node dist/bench/cold.js unknown-options COUNT
 */
import { lint, parse, RULES } from '../src/index';
import { realisticConfig, unknownOptions } from './generate';
import { nowMs } from './lib';

function main(): void {
  const [kind, countArg] = process.argv.slice(2);
  const count = Number(countArg);
  if (kind !== 'unknown-options' || !Number.isInteger(count) || count <= 0) {
    process.stderr.write('usage: cold.js unknown-options COUNT\n');
    process.exitCode = 2;
    return;
  }
  const warm = [realisticConfig(100_000), unknownOptions(2_000, true)];
  for (let i = 0; i < 20; i++) for (const text of warm) lint(text, { rules: RULES });
  const text = unknownOptions(count);
  let start = nowMs();
  const findings = lint(text, { rules: RULES });
  const firstMs = nowMs() - start;
  start = nowMs();
  lint(text, { rules: RULES });
  const againMs = nowMs() - start;
  const linesRead = parse(text).lines.filter((l) => l.reach !== 'unread').length;
  const suggestions = findings.filter((f) => f.message.includes('did you mean')).length;
  process.stdout.write(JSON.stringify({ firstMs, againMs, bytes: Buffer.byteLength(text), lines: count, linesRead, suggestions }));
}

main();

#!/usr/bin/env node
/**
 * vsftpd-lint's command line: parse flags, read each file, lint it, print the report, set the exit
 * status. All knowledge of vsftpd lives in the library; this only wires it to files and a terminal.
 */
import kleur from 'kleur';
import { getTarget, lintDocument, parse, RULES } from '../index';
import { CliOptions, parseArgs, UsageError } from './args';
import { useColor } from './color';
import { EXIT_CLEAN, EXIT_ERROR, exitCodeFor } from './exit-codes';
import { FORMATTERS } from './formatters';
import { describeSourceError, readSource } from './read-source';
import { FileResult, totals } from './results';
import { explainRule, findRule, listRules } from './rule-docs';

async function run(argv: readonly string[]): Promise<number> {
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    complain(err.message);
    return EXIT_ERROR;
  }
  if (options.handled) return EXIT_CLEAN;
  const isTTY = process.stdout.isTTY === true;
  kleur.enabled = useColor({ flag: options.color, env: process.env, isTTY });

  if (options.listRules) {
    process.stdout.write(listRules(RULES));
    return EXIT_CLEAN;
  }
  if (options.explain !== undefined) {
    const rule = findRule(RULES, options.explain);
    if (!rule) {
      complain(`unknown rule '${options.explain}' (see --list-rules)`);
      return EXIT_ERROR;
    }
    process.stdout.write(explainRule(rule));
    return EXIT_CLEAN;
  }

  const target = getTarget(options.target).id;
  const results: FileResult[] = [];
  for (const path of options.files) results.push(await lintFile(path, target));
  process.stdout.write(FORMATTERS[options.format](results, { target }));
  return exitCodeFor(totals(results), options.maxWarnings);
}

async function lintFile(path: string, target: string): Promise<FileResult> {
  const read = await readSource(path);
  if (!read.ok) {
    complain(describeSourceError(read.error));
    return { path: read.error.path, error: read.error.reason };
  }
  const { source } = read;
  try {
    const findings = lintDocument(parse(source.text, { encoding: source.encoding }), { target });
    return { path: source.path, encoding: source.encoding, findings };
  } catch (err) {
    // A bug in one rule should not cost the report for the other files.
    const reason = `internal error while linting: ${messageOf(err)}`;
    complain(`${source.path}: ${reason}`);
    return { path: source.path, error: reason };
  }
}

/** One line on stderr: usage and I/O errors never come with a stack trace. */
function complain(message: string): void {
  process.stderr.write(`vsftpd-lint: ${message}\n`);
}

function messageOf(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0];
}

// A reader that goes away (`vsftpd-lint | head`) is not an error worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') complain(messageOf(err));
  process.exitCode = process.exitCode || EXIT_ERROR;
});

// exitCode rather than exit(): let pending output drain.
run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    complain(messageOf(err));
    process.exitCode = EXIT_ERROR;
  },
);

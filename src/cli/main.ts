#!/usr/bin/env node
/**
 * vsftpd-lint's command line: parse flags, read each file, lint it (or fix it: --fix, --diff), print
 * the report, set the exit status. All knowledge of vsftpd lives in the library; this only wires
 * it to files and a terminal.
 */
import kleur from 'kleur';
import { fix, getTarget, lintDocument, parse, RULES } from '../index';
import type { Encoding, FixResult } from '../index';
import { WriteError, writeFileAtomic } from '../fix/write-file';
import { CliOptions, parseArgs, UsageError } from './args';
import { useColor } from './color';
import { EXIT_CLEAN, EXIT_ERROR, exitCodeFor, exitCodeForDiff } from './exit-codes';
import { FORMATTERS } from './formatters';
import { describeSourceError, readSource, STDIN_PATH } from './read-source';
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
  if (options.diff) return diffFiles(options, target);
  if (options.fix) return fixFiles(options, target);
  const results: FileResult[] = [];
  for (const path of options.files) results.push(await lintFile(path, target));
  process.stdout.write(FORMATTERS[options.format](results, { target }));
  return exitCodeFor(totals(results), options.maxWarnings);
}

/**
 * --fix: fix each file and write it back atomically when it changed; for stdin, print the fixed
 * config on stdout and the report on stderr. The exit status is that of what remains.
 */
async function fixFiles(options: CliOptions, target: string): Promise<number> {
  const toStdout = options.files.length === 1 && options.files[0] === STDIN_PATH;
  const results: FileResult[] = [];
  for (const path of options.files) {
    results.push(await fixFile(path, target, options.unsafeFixes));
  }
  if (toStdout) {
    // The fixed config owns stdout; the report goes to stderr, coloured as stderr allows.
    const isTTY = process.stderr.isTTY === true;
    kleur.enabled = useColor({ flag: options.color, env: process.env, isTTY });
  }
  const report = FORMATTERS[options.format](results, { target, fixed: true });
  (toStdout ? process.stderr : process.stdout).write(report);
  return exitCodeFor(totals(results), options.maxWarnings);
}

async function fixFile(path: string, target: string, unsafe: boolean): Promise<FileResult> {
  const read = await readSource(path);
  if (!read.ok) {
    complain(describeSourceError(read.error));
    return { path: read.error.path, error: read.error.reason };
  }
  const { source } = read;
  let result: FixResult;
  try {
    result = fix(source.text, { target, encoding: source.encoding, unsafe, path: source.path });
  } catch (err) {
    // Nothing is written: a rule whose fix misbehaves must not damage the file.
    const reason = `internal error while fixing (file left unchanged): ${messageOf(err)}`;
    complain(`${source.path}: ${reason}`);
    return { path: source.path, error: reason };
  }
  const changed = result.output !== source.text;
  if (path === STDIN_PATH) {
    process.stdout.write(Buffer.from(result.output, source.encoding));
  } else if (changed) {
    try {
      await writeFileAtomic(path, Buffer.from(result.output, source.encoding));
    } catch (err) {
      const reason = err instanceof WriteError ? `cannot write (${err.reason})` : messageOf(err);
      complain(`${source.path}: ${reason}; the file is unchanged`);
      const findings = lintDocument(parse(source.text, { encoding: source.encoding }), { target });
      return { path: source.path, encoding: source.encoding, findings, fixed: [], writeError: reason };
    }
  }
  return {
    path: source.path,
    encoding: source.encoding,
    findings: result.remaining,
    fixed: changed ? result.applied : [],
  };
}

/** --diff: one unified diff for all files on stdout, bytes in each file's own encoding. */
async function diffFiles(options: CliOptions, target: string): Promise<number> {
  const chunks: Buffer[] = [];
  let failed = 0;
  let changed = 0;
  for (const path of options.files) {
    const read = await readSource(path);
    if (!read.ok) {
      complain(describeSourceError(read.error));
      failed++;
      continue;
    }
    const { source } = read;
    try {
      const { diff } = fix(source.text, {
        target,
        encoding: source.encoding,
        unsafe: options.unsafeFixes,
        path: source.path,
      });
      if (diff !== '') {
        changed++;
        chunks.push(encodeDiff(diff, source.encoding));
      }
    } catch (err) {
      complain(`${source.path}: internal error while fixing: ${messageOf(err)}`);
      failed++;
    }
  }
  process.stdout.write(Buffer.concat(chunks));
  return exitCodeForDiff(failed, changed);
}

/**
 * The "---"/"+++" header lines name the file as given on the command line (UTF-8, as Node
 * decodes argv); the hunks are the file's own bytes, so `patch` reproduces them exactly.
 */
function encodeDiff(diff: string, encoding: Encoding): Buffer {
  if (encoding === 'utf8') return Buffer.from(diff, 'utf8');
  const headerEnd = diff.indexOf('\n', diff.indexOf('\n') + 1) + 1;
  return Buffer.concat([
    Buffer.from(diff.slice(0, headerEnd), 'utf8'),
    Buffer.from(diff.slice(headerEnd), encoding),
  ]);
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

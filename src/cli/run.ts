/**
 * vsftpd-lint's command line: parse flags, find each file's configuration, read each file, lint
 * it (or fix it: --fix, --diff), print the report, return the exit status. All knowledge of
 * vsftpd lives in the library; this only wires it to files and a terminal, both given as a
 * `CliIO` (main.ts passes the process's), so that a run can happen inside another process.
 *
 * Start-up dominates a run (the CLI runs per commit and per host), so this imports the library
 * module by module rather than through src/index.ts, and loads the fixer and diff code only for
 * --fix/--diff, the one formatter selected, the rule docs only for --list-rules/--explain, and
 * the effective-configuration report only for --print-effective.
 */
import kleur from 'kleur';
import * as path from 'node:path';
import { RULES } from '../../rules';
import { lintDocumentResult } from '../lint';
import type { FixResult } from '../fix/fix';
import type { Encoding } from '../parser/document';
import { parse } from '../parser/parse';
import { escapeText } from '../engine/text';
import { describeTargets, getTarget } from '../schema/targets';
import { toolVersion } from './package-info';
import { CliOptions, parseArgs } from './args';
import { UsageError } from './usage';
import { useColor } from './color';
import { EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, exitCodeFor, exitCodeForDiff } from './exit-codes';
import { loadFormatter } from '../format/load';
import type { CliIO, OutputStream } from './io';
import { checkOutputFile, OutputError, writeReport } from './output';
import { closeFile } from './open-file';
import { describeSourceError, readSource, ReadResult, STDIN_PATH } from './read-source';
import { escapedResult, FileResult, modeOf, totals } from '../format/results';
import { wouldFix } from './would-fix';
import { FileLintOptions, isConfigProblem, LintSettings } from './settings';

/**
 * Runs the command line `argv` (without node and the script) with `io`; resolves to the exit
 * status (an internal error is one line on stderr and status 2). kleur's colour switch, the one
 * global a run sets, is restored when it ends.
 */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const colorBefore = kleur.enabled;
  const context: Run = { io, complain: (message) => complain(io.stderr, message) };
  try {
    return await runCommand(argv, context);
  } catch (err) {
    context.complain(messageOf(err));
    return EXIT_ERROR;
  } finally {
    kleur.enabled = colorBefore;
  }
}

/** One run's I/O, and its one-line complaints on stderr. */
interface Run {
  readonly io: CliIO;
  readonly complain: (message: string) => void;
}

/** One line on stderr: usage and I/O errors never come with a stack trace. */
export function complain(stderr: OutputStream, message: string): void {
  // Escaped: file names and config text in it may hold ESC, newlines or bidi controls.
  stderr.write(`vsftpd-lint: ${escapeText(message)}\n`);
}

async function runCommand(argv: readonly string[], run: Run): Promise<number> {
  const { io, complain } = run;
  // Subcommands with flags of their own (probe, firewall, lsp) are dispatched here, before the lint
  // flags are parsed.
  if (argv[0] === 'probe') return (await import('./probe-command')).runProbe(argv.slice(1), io);
  if (argv[0] === 'firewall') return (await import('./firewall-command')).runFirewall(argv.slice(1), io);
  if (argv[0] === 'lsp') return (await loadLspCommand()).runLsp(argv.slice(1), io);

  let options: CliOptions;
  try {
    options = parseArgs(argv, io.stdout);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    complain(err.message);
    return EXIT_ERROR;
  }
  if (options.handled) return EXIT_CLEAN;
  setColor(options, io, options.outputFile === undefined && io.stdout.isTTY === true);

  if (options.listRules || options.explain !== undefined) return ruleDocs(options, run);
  if (options.listTargets) {
    io.stdout.write(
      describeTargets()
        .map((line) => `${line}\n`)
        .join(''),
    );
    return EXIT_CLEAN;
  }

  let settings: LintSettings;
  try {
    settings = new LintSettings(options, complain, io.cwd);
  } catch (err) {
    if (!isConfigProblem(err)) throw err;
    complain(err.message);
    return EXIT_ERROR;
  }
  try {
    if (options.printEffective !== undefined) return await printEffective(options, settings, run);
    // Every file's configuration is resolved before any file is read or written: a config error
    // stops the run before --fix has changed anything.
    const paths = options.files.length > 0 ? options.files : [getTarget(settings.defaultTarget()).defaultConfigPath];
    checkOutputFile(options.outputFile, paths, io.cwd);
    const jobs = paths.map((path): Job => ({ path, options: settings.forFile(lookupPath(path, options)) }));
    if (options.diff) return await diffFiles(options, jobs, run);
    if (options.fix) return await fixFiles(options, jobs, run);
    return await lintFiles(options, jobs, run);
  } catch (err) {
    if (!isConfigProblem(err) && !(err instanceof OutputError)) throw err;
    complain(err.message);
    return EXIT_ERROR;
  }
}

/**
 * The bundle step (scripts/bundle.js) builds the language server into a file of its own,
 * dist/vsftpd-lint-lsp.js, and defines this name as that file's: bundled into the CLI, the
 * server's dependencies would add their compile time to every lint run. The modular build
 * (dist/src) imports the module.
 */
declare const VSFTPD_LINT_LSP_BUNDLE: string | undefined;

function loadLspCommand(): Promise<typeof import('./lsp-command')> {
  return typeof VSFTPD_LINT_LSP_BUNDLE === 'string'
    ? // eslint-disable-next-line @typescript-eslint/no-require-imports -- a separate bundle, loaded on demand
      Promise.resolve(require(path.join(__dirname, VSFTPD_LINT_LSP_BUNDLE)) as typeof import('./lsp-command'))
    : import('./lsp-command');
}

/** One input and the options it is linted with. */
interface Job {
  readonly path: string;
  readonly options: FileLintOptions;
}

/** The name a file's config is looked up under: its path, or --stdin-filename for stdin. */
function lookupPath(path: string, options: CliOptions): string | null {
  return path === STDIN_PATH ? (options.stdinFilename ?? null) : path;
}

function setColor(options: CliOptions, io: CliIO, isTTY: boolean): void {
  kleur.enabled = useColor({ flag: options.color, env: io.env, isTTY });
}

async function ruleDocs(options: CliOptions, { io, complain }: Run): Promise<number> {
  const { explainRule, findRule, listRules } = await import('./rule-docs');
  if (options.listRules) {
    io.stdout.write(listRules(RULES));
    return EXIT_CLEAN;
  }
  const rule = findRule(RULES, options.explain!);
  if (!rule) {
    complain(`unknown rule '${options.explain}' (see --list-rules)`);
    return EXIT_ERROR;
  }
  io.stdout.write(explainRule(rule));
  return EXIT_CLEAN;
}

/** Formats the results and writes the report; the exit status for the run. */
async function report(
  options: CliOptions,
  results: readonly FileResult[],
  jobs: readonly Job[],
  { io }: Run,
  context: { fixed?: boolean; stream?: OutputStream } = {},
): Promise<number> {
  const format = await loadFormatter(options.format);
  const shown = (options.quiet ? results.map(errorsOnly) : results).map(escapedResult);
  // The build of the files (per-path overrides may choose several: then the first file's).
  const text = format(shown, {
    target: jobs[0].options.target,
    fixed: context.fixed,
    cwd: io.cwd,
    toolVersion: toolVersion(),
    color: kleur.enabled,
  });
  await writeReport(text, { file: options.outputFile, cwd: io.cwd }, context.stream ?? io.stdout);
  // --quiet: warnings and info count for nothing (as in ESLint 9), but a fix is a fix.
  return exitCodeFor({ ...totals(shown), fixed: totals(results).fixed }, options);
}

/** --quiet: only error-severity findings. */
function errorsOnly(result: FileResult): FileResult {
  if ('error' in result) return result;
  const isError = (f: { severity: string }) => f.severity === 'error';
  return {
    ...result,
    findings: result.findings.filter(isError),
    ...(result.fixed ? { fixed: result.fixed.filter(isError) } : {}),
    ...(result.suppressed ? { suppressed: result.suppressed.filter(isError) } : {}),
  };
}

/** Reads a file; standard input is named by --stdin-filename when given. */
async function read(path: string, options: CliOptions, io: CliIO, keepOpen = false): Promise<ReadResult> {
  const result = await readSource(path, io, { keepOpen, bytes: io.rawArguments?.get(path) });
  if (path !== STDIN_PATH || options.stdinFilename === undefined) return result;
  const name = options.stdinFilename;
  return result.ok ? { ok: true, source: { ...result.source, path: name } } : { ok: false, error: { ...result.error, path: name } };
}

async function lintFiles(options: CliOptions, jobs: readonly Job[], run: Run): Promise<number> {
  const results: FileResult[] = [];
  for (const job of jobs) results.push(await lintFile(job, options, run));
  return report(options, results, jobs, run);
}

async function lintFile(job: Job, options: CliOptions, { io, complain }: Run): Promise<FileResult> {
  const read_ = await read(job.path, options, io);
  if (!read_.ok) {
    complain(describeSourceError(read_.error));
    return { path: read_.error.path, error: read_.error.reason };
  }
  const { source } = read_;
  try {
    const result = lintDocumentResult(parse(source.text, { encoding: source.encoding }), job.options);
    const counts = await wouldFix(source.text, { ...job.options, encoding: source.encoding }, result.findings);
    return {
      path: source.path,
      encoding: source.encoding,
      target: job.options.target,
      mode: modeOf(job.options),
      findings: result.findings,
      suppressed: result.suppressed,
      ...(counts ? { wouldFix: counts } : {}),
    };
  } catch (err) {
    if (isConfigProblem(err)) throw err;
    // A bug in one rule should not cost the report for the other files.
    const reason = `internal error while linting: ${messageOf(err)}`;
    complain(`${source.path}: ${reason}`);
    return { path: source.path, error: reason };
  }
}

/** The formats that show suppressed findings: after --fix, only they need a lint of the result. */
const SHOWS_SUPPRESSED = new Set(['json', 'sarif']);

/**
 * --fix: fix each file and write it back atomically when it changed; for stdin, print the fixed
 * config on stdout and the report on stderr (or the --output-file). The exit status is that of
 * what remains (with --exit-non-zero-on-fix, 1 when anything was fixed).
 */
async function fixFiles(options: CliOptions, jobs: readonly Job[], run: Run): Promise<number> {
  const { io } = run;
  const toStdout = jobs.length === 1 && jobs[0].path === STDIN_PATH;
  const results: FileResult[] = [];
  for (const job of jobs) results.push(await fixFile(job, options, run));
  if (toStdout && options.outputFile === undefined) {
    // The fixed config owns stdout; the report goes to stderr, coloured as stderr allows.
    setColor(options, io, io.stderr.isTTY === true);
  }
  return report(options, results, jobs, run, { fixed: true, stream: toStdout ? io.stderr : io.stdout });
}

async function fixFile(job: Job, options: CliOptions, { io, complain }: Run): Promise<FileResult> {
  const [{ fix }, { FileChangedError, WriteError, replaceFile }] = await Promise.all([import('../fix/fix'), import('../fix/write-file')]);
  // Kept open from the read to the write: the fix replaces exactly the file it read.
  const read_ = await read(job.path, options, io, true);
  if (!read_.ok) {
    complain(describeSourceError(read_.error));
    return { path: read_.error.path, error: read_.error.reason };
  }
  const { source, file } = read_;
  try {
    const lintOptions = { ...job.options, encoding: source.encoding };
    let result: FixResult;
    try {
      result = fix(source.text, { ...lintOptions, unsafe: options.unsafeFixes, path: source.path });
    } catch (err) {
      if (isConfigProblem(err)) throw err;
      // Nothing is written: a rule whose fix misbehaves must not damage the file.
      const reason = `internal error while fixing (file left unchanged): ${messageOf(err)}`;
      complain(`${source.path}: ${reason}`);
      return { path: source.path, error: reason };
    }
    const changed = result.output !== source.text;
    const base = { path: source.path, encoding: source.encoding, target: job.options.target, mode: modeOf(job.options) };
    if (job.path === STDIN_PATH) {
      io.stdout.write(Buffer.from(result.output, source.encoding));
    } else if (changed && file) {
      try {
        replaceFile(file, Buffer.from(result.output, source.encoding));
      } catch (err) {
        const reason =
          err instanceof FileChangedError ? err.reason : err instanceof WriteError ? `cannot write (${err.reason})` : messageOf(err);
        complain(`${source.path}: ${reason}; the file is unchanged`);
        const { findings, suppressed } = lintDocumentResult(parse(source.text, { encoding: source.encoding }), lintOptions);
        const left = await wouldFix(source.text, lintOptions, findings);
        return { ...base, findings, suppressed, fixed: [], writeError: reason, ...(left ? { wouldFix: left } : {}) };
      }
    }
    const suppressed = SHOWS_SUPPRESSED.has(options.format)
      ? lintDocumentResult(parse(result.output, { encoding: source.encoding }), lintOptions).suppressed
      : undefined;
    const left = await wouldFix(result.output, lintOptions, result.remaining);
    return {
      ...base,
      findings: result.remaining,
      fixed: changed ? result.applied : [],
      ...(suppressed ? { suppressed } : {}),
      ...(left ? { wouldFix: left } : {}),
    };
  } finally {
    if (file) closeFile(file);
  }
}

/** --diff: one unified diff for all files on stdout, bytes in each file's own encoding. */
async function diffFiles(options: CliOptions, jobs: readonly Job[], { io, complain }: Run): Promise<number> {
  const { fix } = await import('../fix/fix');
  const chunks: Buffer[] = [];
  let failed = 0;
  let changed = 0;
  for (const job of jobs) {
    const read_ = await read(job.path, options, io);
    if (!read_.ok) {
      complain(describeSourceError(read_.error));
      failed++;
      continue;
    }
    const { source } = read_;
    try {
      const { diff } = fix(source.text, {
        ...job.options,
        encoding: source.encoding,
        unsafe: options.unsafeFixes,
        path: escapeText(source.path),
      });
      if (diff !== '') {
        changed++;
        chunks.push(encodeDiff(diff, source.encoding));
      }
    } catch (err) {
      if (isConfigProblem(err)) throw err;
      complain(`${source.path}: internal error while fixing: ${messageOf(err)}`);
      failed++;
    }
  }
  await writeReport(Buffer.concat(chunks), { file: options.outputFile, cwd: io.cwd }, io.stdout);
  const code = exitCodeForDiff(failed, changed);
  return code === EXIT_FINDINGS && options.exitZero ? EXIT_CLEAN : code;
}

/**
 * The "---"/"+++" header lines name the file as given on the command line (UTF-8, as Node
 * decodes argv); the hunks are the file's own bytes, so `patch` reproduces them exactly.
 */
function encodeDiff(diff: string, encoding: Encoding): Buffer {
  if (encoding === 'utf8') return Buffer.from(diff, 'utf8');
  const headerEnd = diff.indexOf('\n', diff.indexOf('\n') + 1) + 1;
  return Buffer.concat([Buffer.from(diff.slice(0, headerEnd), 'utf8'), Buffer.from(diff.slice(headerEnd), encoding)]);
}

/** --print-effective FILE: the value of every option and where it comes from. */
async function printEffective(options: CliOptions, settings: LintSettings, { io, complain }: Run): Promise<number> {
  const path = options.printEffective!;
  const fileOptions = settings.forFile(lookupPath(path, options));
  const read_ = await read(path, options, io);
  if (!read_.ok) {
    complain(describeSourceError(read_.error));
    return EXIT_ERROR;
  }
  const { effectiveReport } = await import('./effective');
  const result = effectiveReport(read_.source, fileOptions, options.format === 'json');
  await writeReport(result.report, { file: options.outputFile, cwd: io.cwd }, io.stdout);
  if (result.problem !== undefined) complain(result.problem);
  return result.exitCode === EXIT_FINDINGS && options.exitZero ? EXIT_CLEAN : result.exitCode;
}

function messageOf(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0];
}

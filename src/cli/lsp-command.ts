/**
 * `vsftpd-lint lsp [--stdio] [lint flags]`: the language server on standard input and output.
 * It takes the lint command's configuration flags (--target, --config, --no-config, --rule,
 * --enable, --disable, --no-inline-config, --pasv-range), which apply to every document on top of
 * the `.vsftpd-lint.json` found for its path. `--stdio` is accepted and ignored: stdio is the
 * only transport, and clients pass the flag by habit.
 */
import { CliOptions, parseArgs } from './args';
import type { CliIO } from './io';
import { EXIT_CLEAN, EXIT_ERROR } from './exit-codes';
import { isConfigProblem } from './settings';
import { UsageError } from './usage';

/** The protocol runs on the process's standard input and output; `io` gives the flags' help and errors a place. */
export async function runLsp(argv: readonly string[], io: CliIO): Promise<number> {
  const complain = (message: string) => io.stderr.write(`vsftpd-lint: ${message}\n`);
  let options: CliOptions;
  let server: typeof import('../lsp/server');
  try {
    options = parseArgs(
      argv.filter((arg) => arg !== '--stdio'),
      io.stdout,
    );
    if (options.handled) return EXIT_CLEAN;
    if (options.files.length > 0)
      throw new UsageError(`lsp: unexpected file argument '${options.files[0]}' (the client sends the documents)`);
    // Bad flags or a bad --config stop the server before the client connects, as they stop a lint.
    server = await import('../lsp/server');
    server.loadSettings(options, complain, io.cwd);
  } catch (err) {
    if (!(err instanceof UsageError) && !isConfigProblem(err)) throw err;
    complain(err.message);
    return EXIT_ERROR;
  }
  server.serveLanguageServer(options);
  // The server runs until the client sends "exit"; vscode-languageserver then ends the process.
  return new Promise<number>(() => undefined);
}

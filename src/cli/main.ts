#!/usr/bin/env node
/**
 * The vsftpd-lint process: runs the command line (run.ts) with the process's streams,
 * environment and directory, and sets the exit status from it.
 */
import { EXIT_ERROR } from './exit-codes';
import { processIO } from './io';
import { rawArguments } from './raw-argv';
import { complain, run } from './run';

// A reader that goes away (`vsftpd-lint | head`) is not an error worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') complain(process.stderr, err.message.split('\n')[0]);
  process.exitCode = process.exitCode || EXIT_ERROR;
});

// exitCode rather than exit(): let pending output drain.
void run(process.argv.slice(2), processIO(rawArguments())).then((code) => {
  process.exitCode = code;
});

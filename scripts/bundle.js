#!/usr/bin/env node
/**
 * Builds the installed command (`npm run bundle`, part of `npm run build`):
 *   dist/vsftpd-lint.js      one self-contained file (a host without npm needs only it and
 *                            Node.js): a small loader (src/cli/bin.ts) that carries the whole CLI,
 *                            bundled by esbuild, as a string, and runs it through V8's code cache;
 *                            it is told the bundle's id (version and hash) so that a cache of
 *                            another build is never used;
 *   dist/vsftpd-lint-lsp.js  the language server (`vsftpd-lint lsp`), which the CLI loads from
 *                            beside the bin by this name: inside it, vscode-languageserver would
 *                            add its compile time to every lint run.
 */
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
const common = { bundle: true, platform: 'node', target: 'node18', minify: true, legalComments: 'none', logLevel: 'warning' };
const bin = path.join(root, 'dist', 'vsftpd-lint.js');

const cli = esbuild.buildSync({
  ...common,
  entryPoints: [path.join(root, 'src', 'cli', 'main.ts')],
  // yargs from its CommonJS entry: its ESM entry pulls in a cliui that wraps help text in the
  // middle of words.
  alias: { yargs: './node_modules/yargs/index.cjs' },
  define: { VSFTPD_LINT_LSP_BUNDLE: JSON.stringify('vsftpd-lint-lsp.js') },
  write: false,
  outfile: path.join(root, 'dist', 'vsftpd-lint-cli.js'),
});
esbuild.buildSync({
  ...common,
  entryPoints: [path.join(root, 'src', 'cli', 'lsp-command.ts')],
  alias: { yargs: './node_modules/yargs/index.cjs' },
  outfile: path.join(root, 'dist', 'vsftpd-lint-lsp.js'),
});
// The loader wraps the bundle in a function: no "#!" line (it is the loader's).
const source = cli.outputFiles[0].text.replace(/^#![^\n]*\n/, '');
const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const hash = createHash('sha256').update(source).digest('hex').slice(0, 16);
esbuild.buildSync({
  ...common,
  entryPoints: [path.join(root, 'src', 'cli', 'bin.ts')],
  define: { BUNDLE_ID: JSON.stringify(`${version}-${hash}`), BUNDLE_SOURCE: JSON.stringify(source) },
  outfile: bin,
});
fs.chmodSync(bin, 0o755);

#!/usr/bin/env node
/**
 * Builds the installed command (`npm run bundle`, part of `npm run build`):
 *   dist/vsftpd-lint-cli.js  the whole CLI in one file (esbuild), so start-up does not resolve
 *                            ~140 modules;
 *   dist/vsftpd-lint.js      the bin: a small loader that runs it through V8's code cache
 *                            (src/cli/bin.ts), told the bundle's id (version and hash) so that a
 *                            cache of another build is never used.
 */
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
const common = { bundle: true, platform: 'node', target: 'node18', minify: true, legalComments: 'none', logLevel: 'warning' };
const cli = path.join(root, 'dist', 'vsftpd-lint-cli.js');
const bin = path.join(root, 'dist', 'vsftpd-lint.js');

esbuild.buildSync({
  ...common,
  entryPoints: [path.join(root, 'src', 'cli', 'main.ts')],
  // yargs from its CommonJS entry: its ESM entry pulls in a cliui that wraps help text in the
  // middle of words.
  alias: { yargs: './node_modules/yargs/index.cjs' },
  outfile: cli,
});
// The loader wraps the bundle in a function: no "#!" line (it is the loader's).
fs.writeFileSync(cli, fs.readFileSync(cli, 'utf8').replace(/^#![^\n]*\n/, ''));
const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const hash = createHash('sha256').update(fs.readFileSync(cli)).digest('hex').slice(0, 16);
esbuild.buildSync({
  ...common,
  entryPoints: [path.join(root, 'src', 'cli', 'bin.ts')],
  define: { BUNDLE_ID: JSON.stringify(`${version}-${hash}`) },
  outfile: bin,
});
fs.chmodSync(bin, 0o755);

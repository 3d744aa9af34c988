#!/usr/bin/env node
/**
 * The installed `vsftpd-lint` command, one self-contained file: runs the bundled CLI, which the
 * bundler puts in it as a string, through V8's code cache (see code-cache.ts). Compiling the bundle costs more than linting a
 * config, and start-up is what a pre-commit hook, an Ansible task or an editor pays on every run.
 * The cache is written when the process exits, so that it holds the functions this run compiled
 * too (a lint run's, typically), and only when there was none or V8 refused it.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as vm from 'node:vm';
import { codeCacheFile, readCodeCache, writeCodeCache } from './code-cache';

/** Set by the bundler: the package version and a hash of the bundle's text, and that text. */
declare const BUNDLE_ID: string;
declare const BUNDLE_SOURCE: string;

const uid = process.geteuid?.();
const cacheFile = codeCacheFile({
  env: process.env,
  uid,
  home: os.homedir(),
  bundleId: BUNDLE_ID,
  runtime: `${process.version}-${process.arch}`,
});
// This file's size and modification time: a file changed in place is not the one cached.
const stat = fs.statSync(__filename);
const header = `vsftpd-lint code cache ${BUNDLE_ID} ${stat.size} ${stat.mtimeMs}\n`;
const cached = cacheFile !== undefined && uid !== undefined ? readCodeCache(cacheFile, header, uid) : undefined;
const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${BUNDLE_SOURCE}\n})`, {
  filename: __filename,
  cachedData: cached,
});
if (cacheFile !== undefined && (cached === undefined || script.cachedDataRejected)) {
  process.once('exit', () => writeCodeCache(cacheFile, header, script.createCachedData(), BUNDLE_ID));
}
script.runInThisContext()(module.exports, require, module, __filename, __dirname);

/** vsftpd-lint's version, for the output formats that name it (SARIF's tool.driver). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TOOL_NAME } from '../format/links';

let version: string | undefined;

/**
 * The version in vsftpd-lint's package.json, found by walking up from this module (compiled:
 * dist/src/cli/, bundled: dist/), as yargs finds it for --version.
 */
export function toolVersion(): string {
  if (version !== undefined) return version;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === TOOL_NAME && typeof pkg.version === 'string') return (version = pkg.version);
    } catch {
      // no package.json here, or not ours: keep looking
    }
    if (path.dirname(dir) === dir) return (version = '0.0.0');
  }
}

/**
 * The CLI's JSON findings for the fixtures, in the shape the editor integrations are compared
 * in: the language server's diagnostics and the playground's findings list must equal them.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeBytes } from '../../src/parser/decode';
import { builtCli, ROOT } from './integration';

/** What an editor shows of a finding: rule, severity, range (1-based, end exclusive) and message. */
export interface ShownFinding {
  readonly ruleId: string;
  readonly severity: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly message: string;
}

/** Every vsftpd.conf under fixtures/ (not the .vsftpd-lint.json files and other data beside them). */
export function fixtureConfigs(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.conf')) found.push(full);
    }
  };
  walk(path.join(ROOT, 'fixtures'));
  return found.sort();
}

/** The CLI's findings per file (absolute path), from one `--format json` run with these flags. */
export function cliFindings(files: readonly string[], flags: readonly string[] = []): Map<string, ShownFinding[]> {
  const run = spawnSync(process.execPath, [builtCli(), '--format', 'json', ...flags, ...files], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.status !== 0 && run.status !== 1) throw new Error(`vsftpd-lint exited ${run.status}: ${run.stderr}`);
  const report = JSON.parse(run.stdout) as { files: { path: string; findings: ShownFinding[] }[] };
  return new Map(report.files.map((file) => [path.resolve(ROOT, file.path), file.findings.map(shown)]));
}

function shown(f: ShownFinding): ShownFinding {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    message: f.message,
  };
}

/** A file's text as the CLI decodes it: UTF-8, or Latin-1 when the bytes are not valid UTF-8. */
export function decodedText(file: string): string {
  return decodeBytes(fs.readFileSync(file)).text;
}

/**
 * Shared by the integration tests that run real third-party programs against this repository
 * (test/pre-commit.integration.test.ts, test/ansible.integration.test.ts):
 *
 *  - `requireProgram`: such a test runs in CI and FAILS there when its program is missing (CI
 *    installs it: scripts/test.sh); outside CI it may be skipped, with a loud warning;
 *  - `builtCli` / `cliShimDir`: the repository's built CLI (package.json's bin), as a `vsftpd-lint`
 *    command on PATH;
 *  - `runProgram`: spawn with captured output, status and wall time.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..');

/** A config vsftpd-lint finds nothing in (the CLI tests' clean fixture). */
export const CLEAN_CONFIG = fs.readFileSync(path.join(ROOT, 'fixtures/cli/clean.conf'), 'utf8');

/** CI is set (to anything but "", "0" or "false"), as CI services do. */
export function inCi(): boolean {
  const value = (process.env.CI ?? '').trim().toLowerCase();
  return value !== '' && value !== '0' && value !== 'false';
}

/** The absolute path of `program` on PATH, or undefined. */
export function which(program: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, program);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/**
 * Whether `program` is on PATH. When it is not: in CI, throws (the test file then fails with the
 * message: an integration test must never pass by not running); elsewhere, prints a loud warning
 * and returns false so the caller can skip.
 */
export function requireProgram(program: string, debianPackage: string, testFile: string): boolean {
  if (which(program)) return true;
  const message =
    `${program} is not installed (Debian package ${debianPackage}: apt-get install -y ` +
    `${debianPackage}; ./scripts/test.sh installs it), so ${path.basename(testFile)} cannot run`;
  if (inCi()) throw new Error(`${message}. CI is set: this test must run in CI, so it fails instead of skipping.`);
  const bar = '!'.repeat(100);
  console.warn(`${bar}\n!! SKIPPED: ${message}.\n!! (In CI, with CI set, this is a failure.)\n${bar}`);
  return false;
}

/** The built CLI named by package.json's bin (throws when it has not been built). */
export function builtCli(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    bin: Record<string, string>;
  };
  const bin = path.join(ROOT, pkg.bin['vsftpd-lint']);
  if (!fs.existsSync(bin)) throw new Error(`${bin} is missing: run "npm run build" first`);
  return bin;
}

/**
 * A directory (created in `parent`) holding a `vsftpd-lint` command that runs the built CLI with
 * this node: put it first on PATH to run the repository's CLI where a program calls `vsftpd-lint`.
 */
export function cliShimDir(parent: string): string {
  const dir = path.join(parent, 'bin');
  fs.mkdirSync(dir, { recursive: true });
  const shim = path.join(dir, 'vsftpd-lint');
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  fs.writeFileSync(shim, `#!/bin/sh\nexec ${quote(process.execPath)} ${quote(builtCli())} "$@"\n`, { mode: 0o755 });
  return dir;
}

export interface ProgramRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout and stderr, for messages. */
  readonly output: string;
  readonly seconds: number;
}

export function runProgram(
  program: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): ProgramRun {
  const started = process.hrtime.bigint();
  const result = spawnSync(program, [...args], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 240_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    output: `${result.stdout}\n${result.stderr}`,
    seconds,
  };
}

/** `env` without variables that would point git, ansible or pre-commit somewhere else. */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(GIT_|ANSIBLE_|PRE_COMMIT)/.test(name)) continue;
    if (['NO_COLOR', 'FORCE_COLOR', 'NODE_DISABLE_COLORS'].includes(name)) continue;
    env[name] = value;
  }
  return { ...env, ...extra };
}

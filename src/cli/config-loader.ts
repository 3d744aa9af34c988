/**
 * Finding and reading `.vsftpd-lint.json` (the CLI's part of the project config; validation is
 * src/engine/config/validate.ts).
 *
 * Finding the file: for each linted file, the nearest `.vsftpd-lint.json` in its directory or a
 * parent, up to the filesystem root (standard input: from the current directory, or from the
 * directory of the name given with --stdin-filename). An explicit path (--config) replaces the
 * search; --no-config ignores config files. Under Ansible's `validate: 'vsftpd-lint %s'` the file
 * linted is a temporary copy, never the destination: for template and copy the staged file in
 * the remote temporary directory (by default ~/.ansible/tmp/ansible-tmp-.../source of the
 * connecting user, or under remote_tmp), for lineinfile and blockinfile a file in the module's
 * temporary directory (older Ansible: the system /tmp). The search starts there, so it may pick
 * up a .vsftpd-lint.json in that user's home directory, /tmp or "/", and never the one next to
 * the destination; overrides never match the copy's random name. Use `--config PATH` (a file on
 * the managed host) or `--no-config` in `validate` to make the result independent of where the
 * copy happens to be.
 *
 * Trust (as git's safe.directory): a file found by the search may have been planted by another
 * user in a shared parent directory (/tmp, a group-writable checkout), where `{"disable":
 * ["all"]}` would silence every finding. It is used only when it is owned by root or by the user
 * running vsftpd-lint and is writable by neither group nor others (and, if it is a symlink, the
 * link is owned by root or that user too); otherwise it is ignored with a warning naming it, and
 * the search goes on upwards. A file named with --config is always used.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { closeFile, openFile, readBounded } from './open-file';
import { ConfigError, parseProjectConfig, PROJECT_CONFIG_FILE, ProjectConfig } from '../engine/config/validate';
import type { Rule } from '../engine/rule';
import { decodeBytes as decode } from '../parser/decode';
import { ioError, MAX_INPUT_BYTES } from './read-source';

/** Which config to use: the nearest one (default), a given file (--config), or none (--no-config). */
export interface ConfigChoice {
  readonly config?: string;
  readonly noConfig?: boolean;
}

/**
 * Reads config files, caching each file and each directory's search result, so that linting many
 * files reads each config once.
 */
export class ProjectConfigLoader {
  private readonly loaded = new Map<string, ProjectConfig>();
  private readonly found = new Map<string, string | null>();
  private readonly warned = new Set<string>();

  constructor(
    private readonly rules: readonly Rule[],
    private readonly cwd: string = process.cwd(),
    /** Receives one line per ignored config file (the CLI prints it on stderr). */
    private readonly warn: (message: string) => void = () => undefined,
    /** Whose config files are trusted, besides root's. */
    private readonly uid: number = process.getuid?.() ?? 0,
  ) {}

  /**
   * The config for a file (a path, or null for standard input without a name: the search starts
   * in the current directory), as chosen by --config/--no-config.
   */
  configFor(filePath: string | null, choice: ConfigChoice = {}): ProjectConfig | null {
    if (choice.noConfig) return null;
    if (choice.config !== undefined) return this.load(choice.config);
    const start = filePath === null ? this.cwd : path.dirname(path.resolve(this.cwd, filePath));
    const found = this.find(start);
    return found === null ? null : this.load(found);
  }

  /** The nearest trusted `.vsftpd-lint.json` in `dir` or its parents, up to the filesystem root. */
  find(dir: string): string | null {
    const visited: string[] = [];
    let current = path.resolve(this.cwd, dir);
    let result: string | null = null;
    for (;;) {
      const cached = this.found.get(current);
      if (cached !== undefined) {
        result = cached;
        break;
      }
      visited.push(current);
      const candidate = path.join(current, PROJECT_CONFIG_FILE);
      if (this.isTrustedFile(candidate)) {
        result = candidate;
        break;
      }
      const parent = path.dirname(current);
      if (parent === current) break;
      current = parent;
    }
    for (const dirVisited of visited) this.found.set(dirVisited, result);
    return result;
  }

  /** Reads, parses and validates a config file; a ConfigError if it cannot be read or is invalid. */
  load(file: string): ProjectConfig {
    const absolute = path.resolve(this.cwd, file);
    let config = this.loaded.get(absolute);
    if (!config) {
      const shown = this.shown(absolute);
      config = parseProjectConfig(readConfigText(absolute, shown), shown, { baseDir: path.dirname(absolute), rules: this.rules });
      this.loaded.set(absolute, config);
    }
    return config;
  }

  /** Whether a search candidate exists as a regular file and may be used (see the header). */
  private isTrustedFile(candidate: string): boolean {
    let link: fs.Stats;
    try {
      link = fs.lstatSync(candidate);
    } catch {
      return false;
    }
    let target: fs.Stats;
    try {
      target = fs.statSync(candidate);
    } catch {
      return false;
    }
    if (!target.isFile()) return false;
    const why =
      link.isSymbolicLink() && !this.isTrustedOwner(link.uid)
        ? `a symlink owned by uid ${link.uid}`
        : !this.isTrustedOwner(target.uid)
          ? `owned by uid ${target.uid}`
          : (target.mode & 0o022) !== 0
            ? `writable by ${(target.mode & 0o002) !== 0 ? 'others' : 'its group'}`
            : null;
    if (why === null) return true;
    if (!this.warned.has(candidate)) {
      this.warned.add(candidate);
      const owner = this.uid === 0 ? 'root' : `root or uid ${this.uid}`;
      this.warn(`warning: ignoring ${this.shown(candidate)}: ${why}, not a file only ${owner} can write; name it with --config to use it`);
    }
    return false;
  }

  private isTrustedOwner(uid: number): boolean {
    return uid === 0 || uid === this.uid;
  }

  /** A path as messages show it: relative to the current directory when inside it. */
  private shown(absolute: string): string {
    const relative = path.relative(this.cwd, absolute);
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolute;
  }
}

/** The text of a config file, read once and bounded like any input; a ConfigError otherwise. */
function readConfigText(absolute: string, shown: string): string {
  let bytes: Buffer;
  let more: boolean;
  try {
    const file = openFile(absolute);
    try {
      ({ bytes, more } = readBounded(file.fd, MAX_INPUT_BYTES));
    } finally {
      closeFile(file);
    }
  } catch (err) {
    throw new ConfigError(`${shown}: cannot read config file (${ioError(shown, err).reason})`);
  }
  if (more) throw new ConfigError(`${shown}: cannot read config file (larger than ${MAX_INPUT_BYTES.toLocaleString('en-US')} bytes)`);
  return decode(bytes).text;
}

/**
 * The project config file, `.vsftpd-lint.json`:
 *
 *     {
 *       "target": "fedora",
 *       "rules": { "VSF202": "error", "anonymous-enabled": "off" },
 *       "enable": ["hide-ids"],
 *       "disable": ["hygiene"],
 *       "pasvRange": "40000-40100",
 *       "overrides": [
 *         { "files": ["legacy/**", "vsftpd-{old,test}.conf"], "rules": { "pasv-range-missing": "off" } }
 *       ]
 *     }
 *
 * Every key is optional; "$schema" is allowed and ignored. Validation is strict: an unknown key,
 * a wrong type, an unknown rule, target or category, a bad range or glob, a key given twice, and
 * malformed JSON are errors (`ConfigError`, one line naming the file and the JSON path, or the
 * line and column for JSON syntax), never silently ignored.
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
 * Overrides: each entry whose `files` globs match the linted file applies after the top-level
 * settings, in order. Globs are matched against the file's path relative to the config file's
 * directory ("/" separators), also for a file given with --config; a file outside that directory
 * matches no override. As in .gitignore, a glob with no "/" but at its end matches at any depth
 * ("*.conf" matches "a/b/x.conf"), a glob with a "/" is anchored at the config file's directory
 * ("/vsftpd.conf" and "./vsftpd.conf" are the one beside the config), and a trailing "/"
 * matches everything below a directory ("vsftpd.d/"). Syntax: `*` (any characters but "/"), `**` (any number of whole path
 * segments, only as a segment of its own), `?` (one character but "/"), `{a,b}` (alternatives,
 * nestable), `\` (escapes the next character). `*` and `?` match a leading "." too. Character
 * classes and negation ("[...]", a leading "!") are rejected rather than read literally.
 *
 * Why a glob matcher of our own: Node's `path.matchesGlob` exists only from Node 22.5 and 20.17,
 * is experimental there (it prints an ExperimentalWarning, which would pollute the output of
 * every run) and this package supports Node >= 20.0; minimatch would add a dependency for the
 * five constructs above. `compileGlob` is about sixty lines with its own tests.
 *
 * Layout: pure functions (`parseJson`, `validateProjectConfig`, `parseProjectConfig`,
 * `compileGlob`, `configForFile`, `lintOptionsFor`, `parseRuleFlag`, `parsePasvRange`) and one
 * class that touches the filesystem (`ProjectConfigLoader`).
 */
import * as fs from 'fs';
import * as path from 'path';
import { RULES } from '../../rules';
import { resolveTargetId } from '../schema/targets';
import type { LintOptions } from './lint';
import type { PasvRange, Rule } from './rule';
import {
  describeUnknownRef,
  findRuleRef,
  RULE_SETTINGS,
  RuleSelection,
  RuleSetting,
  rulesFor,
} from './rule-selection';

export const PROJECT_CONFIG_FILE = '.vsftpd-lint.json';

/** A configuration problem (config file or command-line flags): one line, exit status 2. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The settings a config file, one of its overrides, or the command line can make. */
export interface ConfigSettings {
  /** A build id or alias (see `--target`). */
  readonly target?: string;
  /** Per rule, keyed by rule id (names in the file are resolved to ids). */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  /** Rule ids or names, categories, or "all", as written. */
  readonly enable?: readonly string[];
  readonly disable?: readonly string[];
  /** The passive port range fixes write. */
  readonly pasvRange?: PasvRange;
  /** The files are per-user config files (LintOptions.perUser); overrides only. */
  readonly perUser?: boolean;
}

export interface ConfigOverride extends ConfigSettings {
  /** The globs as written. */
  readonly files: readonly string[];
  /** The same globs, compiled. */
  readonly matchers: readonly RegExp[];
}

export interface ProjectConfig extends ConfigSettings {
  readonly overrides: readonly ConfigOverride[];
  /** The file the config was read from (as shown in messages), or null for one built in memory. */
  readonly file: string | null;
  /** The directory override globs are relative to: the config file's, or the current directory. */
  readonly baseDir: string;
}

// ---------------------------------------------------------------------------------------------
// JSON with positions
// ---------------------------------------------------------------------------------------------

/** A JSON syntax error at a 1-based line and column. */
export class JsonSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${line}:${column}: ${reason}`);
  }
}

/**
 * Strict JSON (RFC 8259; a leading BOM is skipped). Unlike JSON.parse it reports the line and
 * column of every error on every Node version, and rejects a key given twice in one object
 * (JSON.parse silently keeps the last), which in a config file is always a mistake.
 */
export function parseJson(text: string): unknown {
  return new JsonParser(text.startsWith('\uFEFF') ? text.slice(1) : text).document();
}

const JSON_STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const JSON_NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const JSON_LITERALS: readonly [string, unknown][] = [['true', true], ['false', false], ['null', null]];

class JsonParser {
  private pos = 0;

  constructor(private readonly text: string) {}

  document(): unknown {
    const value = this.value();
    this.space();
    if (this.pos < this.text.length) this.fail('unexpected text after the JSON value');
    return value;
  }

  private value(): unknown {
    this.space();
    const ch = this.text[this.pos];
    if (ch === '{') return this.object();
    if (ch === '[') return this.array();
    if (ch === '"') return this.string();
    if (ch === '-' || (ch >= '0' && ch <= '9')) return this.number();
    for (const [word, value] of JSON_LITERALS) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return value;
      }
    }
    if (ch === undefined) this.fail('unexpected end of input, expected a value');
    this.fail(`unexpected ${describeChar(ch)}, expected a value`);
  }

  private object(): Record<string, unknown> {
    const object: Record<string, unknown> = {};
    this.pos++;
    this.space();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return object;
    }
    for (;;) {
      this.space();
      if (this.text[this.pos] !== '"') this.fail(this.unexpected('a double-quoted property name'));
      const keyAt = this.pos;
      const key = this.string();
      if (Object.prototype.hasOwnProperty.call(object, key)) this.fail(`duplicate key ${JSON.stringify(key)}`, keyAt);
      this.space();
      if (this.text[this.pos] !== ':') this.fail(this.unexpected("':' after a property name"));
      this.pos++;
      // defineProperty: a "__proto__" key is data, not the object's prototype.
      Object.defineProperty(object, key, { value: this.value(), enumerable: true, writable: true, configurable: true });
      this.space();
      const ch = this.text[this.pos];
      if (ch === '}') {
        this.pos++;
        return object;
      }
      if (ch !== ',') this.fail(this.unexpected("',' or '}' after a property value"));
      const comma = this.pos++;
      this.space();
      if (this.text[this.pos] === '}') this.fail("trailing comma before '}'", comma);
    }
  }

  private array(): unknown[] {
    const array: unknown[] = [];
    this.pos++;
    this.space();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return array;
    }
    for (;;) {
      array.push(this.value());
      this.space();
      const ch = this.text[this.pos];
      if (ch === ']') {
        this.pos++;
        return array;
      }
      if (ch !== ',') this.fail(this.unexpected("',' or ']' after an array element"));
      const comma = this.pos++;
      this.space();
      if (this.text[this.pos] === ']') this.fail("trailing comma before ']'", comma);
    }
  }

  private string(): string {
    JSON_STRING.lastIndex = this.pos;
    const match = JSON_STRING.exec(this.text);
    if (!match) {
      // Find the offending character for the message.
      let at = this.pos + 1;
      while (at < this.text.length) {
        const ch = this.text[at];
        if (ch === '"') break;
        if (ch < ' ') this.fail(`${describeChar(ch)} in a string (escape it)`, at);
        if (ch === '\\') {
          if (!/^(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/.test(this.text.slice(at + 1, at + 6))) this.fail('invalid escape in a string', at);
          at += this.text[at + 1] === 'u' ? 6 : 2;
          continue;
        }
        at++;
      }
      this.fail('unterminated string', this.pos);
    }
    this.pos += match[0].length;
    return JSON.parse(match[0]) as string;
  }

  private number(): number {
    JSON_NUMBER.lastIndex = this.pos;
    const match = JSON_NUMBER.exec(this.text);
    if (!match) this.fail('invalid number');
    this.pos += match[0].length;
    return Number(match[0]);
  }

  private space(): void {
    while (this.pos < this.text.length && ' \t\n\r'.includes(this.text[this.pos])) this.pos++;
  }

  private unexpected(expected: string): string {
    const ch = this.text[this.pos];
    return ch === undefined ? `unexpected end of input, expected ${expected}` : `unexpected ${describeChar(ch)}, expected ${expected}`;
  }

  private fail(reason: string, at = this.pos): never {
    const before = this.text.slice(0, at);
    const line = before.split('\n').length;
    const column = at - (before.lastIndexOf('\n') + 1) + 1;
    throw new JsonSyntaxError(reason, line, column);
  }
}

function describeChar(ch: string): string {
  if (ch === '\n') return 'end of line';
  const code = ch.charCodeAt(0);
  if (code < 0x20 || code === 0x7f) return `control character U+${code.toString(16).padStart(4, '0').toUpperCase()}`;
  return `'${ch}'`;
}

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

const TOP_LEVEL_KEYS = ['$schema', 'target', 'rules', 'enable', 'disable', 'pasvRange', 'overrides'] as const;
const OVERRIDE_KEYS = ['files', 'target', 'rules', 'enable', 'disable', 'pasvRange', 'perUser'] as const;

/**
 * Parses and validates the text of a config file. `file` names it in messages; `baseDir` is where
 * override globs are anchored (default: the file's directory).
 */
export function parseProjectConfig(
  text: string,
  file: string,
  options: { baseDir?: string; rules?: readonly Rule[] } = {},
): ProjectConfig {
  let value: unknown;
  try {
    value = parseJson(text);
  } catch (err) {
    if (err instanceof JsonSyntaxError) throw new ConfigError(`${file}:${err.line}:${err.column}: invalid JSON: ${err.reason}`);
    throw err;
  }
  return validateProjectConfig(value, file, { baseDir: options.baseDir ?? path.dirname(path.resolve(file)), rules: options.rules });
}

/**
 * Validates a parsed config object. `file` names it in messages (null for a config built in
 * memory); `baseDir` anchors the override globs (default: the current directory).
 */
export function validateProjectConfig(
  value: unknown,
  file: string | null,
  options: { baseDir?: string; rules?: readonly Rule[] } = {},
): ProjectConfig {
  const v = new Validator(file, options.rules ?? RULES);
  const object = v.object(value, []);
  v.keys(object, TOP_LEVEL_KEYS, [], (key) =>
    key === 'files' ? '"files" belongs in an entry of "overrides"' : undefined,
  );
  if (object.$schema !== undefined) v.string(object.$schema, ['$schema']);
  const settings = v.settings(object, []);
  const overrides: ConfigOverride[] = [];
  if (object.overrides !== undefined) {
    v.array(object.overrides, ['overrides']).forEach((entry, i) => {
      const at = ['overrides', i];
      const override = v.object(entry, at);
      v.keys(override, OVERRIDE_KEYS, at, (key) => (key === 'overrides' ? 'overrides cannot be nested' : undefined));
      if (override.files === undefined) v.fail(at, 'missing "files" (the globs this override applies to)');
      const files = v.array(override.files, [...at, 'files']);
      if (files.length === 0) v.fail([...at, 'files'], 'expected at least one glob');
      const matchers = files.map((glob, j) => {
        const where = [...at, 'files', j];
        const text = v.string(glob, where);
        try {
          return compileGlob(text);
        } catch (err) {
          return v.fail(where, (err as Error).message);
        }
      });
      overrides.push({ files: files as string[], matchers, ...v.settings(override, at) });
    });
  }
  return { ...settings, overrides, file, baseDir: options.baseDir ?? process.cwd() };
}

type JsonPath = readonly (string | number)[];

/** "rules.VSF201", "overrides[0].files[1]", 'rules["odd key"]'. */
export function formatJsonPath(at: JsonPath): string {
  let out = '';
  for (const part of at) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

class Validator {
  constructor(
    private readonly file: string | null,
    private readonly rules: readonly Rule[],
  ) {}

  fail(at: JsonPath, message: string): never {
    const where = [this.file, at.length > 0 ? formatJsonPath(at) : undefined].filter((x) => x != null);
    throw new ConfigError(where.length > 0 ? `${where.join(': ')}: ${message}` : message);
  }

  object(value: unknown, at: JsonPath): Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(at, `expected an object, got ${typeName(value)}`);
    return value as Record<string, unknown>;
  }

  array(value: unknown, at: JsonPath): unknown[] {
    if (!Array.isArray(value)) this.fail(at, `expected an array, got ${typeName(value)}`);
    return value;
  }

  string(value: unknown, at: JsonPath): string {
    if (typeof value !== 'string') this.fail(at, `expected a string, got ${typeName(value)}`);
    return value;
  }

  keys(object: Record<string, unknown>, allowed: readonly string[], at: JsonPath, hint: (key: string) => string | undefined): void {
    for (const key of Object.keys(object)) {
      if (allowed.includes(key)) continue;
      const close = allowed.find((k) => k.toLowerCase() === key.toLowerCase());
      const why = hint(key) ?? (close ? `did you mean "${close}"?` : `expected one of ${allowed.filter((k) => k !== '$schema').join(', ')}`);
      this.fail([...at, key], `unknown key (${why})`);
    }
  }

  /** target, rules, enable, disable and pasvRange of the top level or of an override. */
  settings(object: Record<string, unknown>, at: JsonPath): ConfigSettings {
    const settings: { -readonly [K in keyof ConfigSettings]: ConfigSettings[K] } = {};
    if (object.target !== undefined) {
      const target = this.string(object.target, [...at, 'target']);
      try {
        resolveTargetId(target);
      } catch (err) {
        this.fail([...at, 'target'], (err as Error).message);
      }
      settings.target = target;
    }
    if (object.rules !== undefined) {
      const rules: Record<string, RuleSetting> = {};
      const setBy = new Map<string, string>();
      for (const [key, setting] of Object.entries(this.object(object.rules, [...at, 'rules']))) {
        const where = [...at, 'rules', key];
        const rule = findRuleRef(key, this.rules);
        if (!rule) this.fail(where, describeUnknownRef(key, this.rules, false));
        if (typeof setting !== 'string' || !(RULE_SETTINGS as readonly string[]).includes(setting)) {
          this.fail(where, `expected one of ${RULE_SETTINGS.map((s) => `"${s}"`).join(', ')}, got ${JSON.stringify(setting)}`);
        }
        const earlier = setBy.get(rule.id);
        if (earlier !== undefined) this.fail(where, `${rule.id} (${rule.name}) is already set by ${formatJsonPath([...at, 'rules', earlier])}`);
        setBy.set(rule.id, key);
        rules[rule.id] = setting as RuleSetting;
      }
      settings.rules = rules;
    }
    for (const key of ['enable', 'disable'] as const) {
      if (object[key] === undefined) continue;
      settings[key] = this.array(object[key], [...at, key]).map((ref, i) => {
        const name = this.string(ref, [...at, key, i]);
        if (!rulesFor(name, this.rules)) this.fail([...at, key, i], describeUnknownRef(name, this.rules, true));
        return name;
      });
    }
    if (object.pasvRange !== undefined) {
      const text = this.string(object.pasvRange, [...at, 'pasvRange']);
      try {
        settings.pasvRange = parsePasvRange(text);
      } catch (err) {
        this.fail([...at, 'pasvRange'], (err as Error).message);
      }
    }
    if (object.perUser !== undefined) {
      if (typeof object.perUser !== 'boolean') this.fail([...at, 'perUser'], `expected true or false, got ${typeName(object.perUser)}`);
      settings.perUser = object.perUser;
    }
    return settings;
  }
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `${typeof value === 'string' ? 'a string' : typeof value === 'number' ? 'a number' : 'a boolean'} (${JSON.stringify(value)})`;
}

// ---------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------

/** vsftpd uses pasv_min_port only above 1024 and pasv_max_port only below 65535 (privops.c). */
const PASV_RANGE_MIN = 1025;
const PASV_RANGE_MAX = 65534;

/**
 * "40000-40100" as { min: 40000, max: 40100 }; throws a one-line Error unless
 * 1025 <= min <= max <= 65534 (the bounds within which vsftpd takes both values).
 */
export function parsePasvRange(text: string): PasvRange {
  const match = /^(\d{1,5})-(\d{1,5})$/.exec(text);
  const expected = `expected "MIN-MAX" with ${PASV_RANGE_MIN} <= MIN <= MAX <= ${PASV_RANGE_MAX}, such as "40000-40100"`;
  if (!match) throw new Error(`${expected}, got ${JSON.stringify(text)}`);
  const min = Number(match[1]);
  const max = Number(match[2]);
  if (min < PASV_RANGE_MIN || max > PASV_RANGE_MAX) {
    throw new Error(`${expected}, got ${JSON.stringify(text)} (vsftpd ignores pasv_min_port <= 1024 and pasv_max_port >= 65535)`);
  }
  if (min > max) throw new Error(`${expected}, got ${JSON.stringify(text)} (MIN is above MAX)`);
  return { min, max };
}

/**
 * One `--rule` value, "ID=SEVERITY" or "name=off", as [rule id, setting]; throws a ConfigError
 * naming the flag.
 */
export function parseRuleFlag(text: string, rules: readonly Rule[] = RULES): [string, RuleSetting] {
  const eq = text.lastIndexOf('=');
  const settings = RULE_SETTINGS.join('|');
  if (eq <= 0) throw new ConfigError(`--rule ${text}: expected RULE=${settings} (RULE: an id or name)`);
  const ref = text.slice(0, eq).trim();
  const setting = text.slice(eq + 1).trim().toLowerCase();
  const rule = findRuleRef(ref, rules);
  if (!rule) throw new ConfigError(`--rule ${text}: ${describeUnknownRef(ref, rules, false)}`);
  if (!(RULE_SETTINGS as readonly string[]).includes(setting)) {
    throw new ConfigError(`--rule ${text}: expected ${settings} after "=", got ${JSON.stringify(text.slice(eq + 1))}`);
  }
  return [rule.id, setting as RuleSetting];
}

// ---------------------------------------------------------------------------------------------
// Globs
// ---------------------------------------------------------------------------------------------

/**
 * A glob as a RegExp over "/"-separated paths relative to the config file's directory (see the
 * file header for the syntax). Throws an Error with a one-line message for a bad glob.
 */
export function compileGlob(glob: string): RegExp {
  if (glob === '') throw new Error('empty glob');
  if (glob.startsWith('!')) throw new Error(`negated globs are not supported: ${JSON.stringify(glob)}`);
  const dotSlash = glob.startsWith('./');
  let pattern = dotSlash ? glob.slice(2) : glob;
  const directory = pattern.endsWith('/') && !pattern.endsWith('\\/');
  if (directory) pattern = pattern.slice(0, -1);
  const anchored = dotSlash || pattern.includes('/');
  pattern = pattern.replace(/^\/+/, '');
  if (pattern === '') throw new Error(`glob matches no file: ${JSON.stringify(glob)}`);
  const body = translateGlob(pattern, glob);
  const prefix = anchored ? '' : '(?:[^/]+/)*';
  const suffix = directory ? '/.+' : '';
  return new RegExp(`^${prefix}${body}${suffix}$`);
}

function translateGlob(pattern: string, glob: string): string {
  const bad = (why: string): never => {
    throw new Error(`bad glob ${JSON.stringify(glob)}: ${why}`);
  };
  let out = '';
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      if (i + 1 >= pattern.length) bad('"\\" at the end');
      out += escapeRegExp(pattern[++i]);
    } else if (ch === '*') {
      if (pattern[i + 1] === '*') {
        const startsSegment = i === 0 || pattern[i - 1] === '/';
        const endsSegment = i + 2 === pattern.length || pattern[i + 2] === '/';
        if (!startsSegment || !endsSegment || pattern[i + 2] === '*') bad('"**" must be a whole path segment, as in "a/**/b"');
        if (i + 2 === pattern.length) {
          out += '.*';
          i += 1;
        } else {
          // "**/": zero or more whole segments.
          out += '(?:[^/]+/)*';
          i += 2;
        }
      } else {
        out += '[^/]*';
      }
    } else if (ch === '?') {
      out += '[^/]';
    } else if (ch === '{') {
      depth++;
      out += '(?:';
    } else if (ch === ',' && depth > 0) {
      out += '|';
    } else if (ch === '}') {
      if (depth === 0) bad('"}" without "{"');
      depth--;
      out += ')';
    } else if (ch === '[' || ch === ']') {
      bad('character classes ("[...]") are not supported; use {a,b} or escape the bracket with "\\"');
    } else {
      out += escapeRegExp(ch);
    }
  }
  if (depth > 0) bad('"{" without "}"');
  return out;
}

function escapeRegExp(ch: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(ch) ? `\\${ch}` : ch;
}

/** Whether a file path is matched by a compiled glob of a config whose globs start at `baseDir`. */
export function matchesGlob(matcher: RegExp, filePath: string, baseDir: string): boolean {
  const relative = path.relative(path.resolve(baseDir), path.resolve(filePath));
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return false;
  return matcher.test(relative.split(path.sep).join('/'));
}

// ---------------------------------------------------------------------------------------------
// Merging: config, overrides, command line
// ---------------------------------------------------------------------------------------------

/** What applies to one file: the settings of the config and of each override that matches it. */
export interface FileConfig {
  readonly target?: string;
  readonly pasvRange?: PasvRange;
  /** A matching override says the file is a per-user config file. */
  readonly perUser?: boolean;
  /** Rule selection layers: the config's, then each matching override's. */
  readonly selection: readonly RuleSelection[];
}

/**
 * The config's settings for a file: the top level, then each override whose globs match the
 * file's path, in order (a later target or pasvRange replaces an earlier one). `filePath` null
 * (standard input without a name) matches no override.
 */
export function configForFile(config: ProjectConfig, filePath: string | null): FileConfig {
  const source = config.file ?? 'config';
  let target = config.target;
  let pasvRange = config.pasvRange;
  let perUser: boolean | undefined;
  const selection: RuleSelection[] = [layerOf(config, source)];
  config.overrides.forEach((override, i) => {
    if (filePath === null || !override.matchers.some((m) => matchesGlob(m, filePath, config.baseDir))) return;
    target = override.target ?? target;
    pasvRange = override.pasvRange ?? pasvRange;
    perUser = override.perUser ?? perUser;
    selection.push(layerOf(override, `${source}: overrides[${i}]`));
  });
  return { target, pasvRange, ...(perUser !== undefined ? { perUser } : {}), selection };
}

function layerOf(settings: ConfigSettings, source: string): RuleSelection {
  return { rules: settings.rules, enable: settings.enable, disable: settings.disable, source };
}

/** What the command line sets, on top of the config file. */
export interface LintFlags {
  /** --target; undefined when not given (the CLI must not fill in a default). */
  readonly target?: string;
  /** --rule ID=SEVERITY, repeatable (see `parseRuleFlag`). */
  readonly rules?: readonly string[];
  /** --enable / --disable: rule ids or names, categories, "all"; repeatable, comma-separated. */
  readonly enable?: readonly string[];
  readonly disable?: readonly string[];
  /** --no-inline-config: false. */
  readonly inlineConfig?: boolean;
  /** --pasv-range MIN-MAX (see `parsePasvRange`). */
  readonly pasvRange?: string;
  /** --per-user: every file is a per-user config file (an override cannot undo it). */
  readonly perUser?: boolean;
}

/**
 * The lint options for one file: the config's settings for the file (null: no config), then the
 * command-line flags, which win (their rule selection is the last layer; --target and
 * --pasv-range replace the config's). Throws a ConfigError for a bad flag.
 */
export function lintOptionsFor(
  config: ProjectConfig | null,
  filePath: string | null,
  flags: LintFlags = {},
  rules: readonly Rule[] = RULES,
): LintOptions {
  const file: FileConfig = config ? configForFile(config, filePath) : { selection: [] };
  const target = flags.target ?? file.target;
  if (flags.target !== undefined) {
    try {
      resolveTargetId(flags.target);
    } catch (err) {
      throw new ConfigError(`--target: ${(err as Error).message}`);
    }
  }
  let pasvRange = file.pasvRange;
  if (flags.pasvRange !== undefined) {
    try {
      pasvRange = parsePasvRange(flags.pasvRange);
    } catch (err) {
      throw new ConfigError(`--pasv-range: ${(err as Error).message}`);
    }
  }
  const selection = [...file.selection];
  const flagLayer = flagSelection(flags, rules);
  if (flagLayer) selection.push(flagLayer);
  return {
    ...(target !== undefined ? { target } : {}),
    ...(pasvRange !== undefined ? { pasvRange } : {}),
    ...(selection.length > 0 ? { selection } : {}),
    ...(flags.inlineConfig === false ? { inlineConfig: false } : {}),
    ...(flags.perUser || file.perUser ? { perUser: true } : {}),
  };
}

/** The command line's rule selection as one layer (so specificity decides within it), validated. */
function flagSelection(flags: LintFlags, rules: readonly Rule[]): RuleSelection | undefined {
  const split = (values: readonly string[] | undefined, flag: string): string[] => {
    const refs = (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
    for (const ref of refs) {
      if (!rulesFor(ref, rules)) throw new ConfigError(`${flag} ${ref}: ${describeUnknownRef(ref, rules, true)}`);
    }
    return refs;
  };
  const enable = split(flags.enable, '--enable');
  const disable = split(flags.disable, '--disable');
  const settings: Record<string, RuleSetting> = {};
  for (const value of flags.rules ?? []) {
    const [id, setting] = parseRuleFlag(value, rules);
    settings[id] = setting; // repeated: the last one wins, as for any repeated flag
  }
  if (enable.length === 0 && disable.length === 0 && Object.keys(settings).length === 0) return undefined;
  return { rules: settings, enable, disable, source: 'command line' };
}

// ---------------------------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------------------------

/** Which config to use: the nearest one (default), a given file (--config), or none (--no-config). */
export interface ConfigChoice {
  readonly config?: string;
  readonly noConfig?: boolean;
}

/**
 * Reads config files, caching each file and each directory's search result, so that linting many
 * files reads each config once. The only part of vsftpd-lint's library that reads config files.
 */
export class ProjectConfigLoader {
  private readonly loaded = new Map<string, ProjectConfig>();
  private readonly found = new Map<string, string | null>();

  constructor(
    private readonly rules: readonly Rule[] = RULES,
    private readonly cwd: string = process.cwd(),
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

  /** The nearest `.vsftpd-lint.json` in `dir` or its parents, up to the filesystem root. */
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
      if (isFile(candidate)) {
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
      let text: string;
      try {
        text = fs.readFileSync(absolute, 'utf8');
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
        throw new ConfigError(`${shown}: cannot read config file (${reason})`);
      }
      config = parseProjectConfig(text, shown, { baseDir: path.dirname(absolute), rules: this.rules });
      this.loaded.set(absolute, config);
    }
    return config;
  }

  /** A path as messages show it: relative to the current directory when inside it. */
  private shown(absolute: string): string {
    const relative = path.relative(this.cwd, absolute);
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolute;
  }
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

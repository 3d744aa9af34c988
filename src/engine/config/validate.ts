/**
 * The project config file, `.vsftpd-lint.json`, from text to a validated `ProjectConfig`:
 *
 *     {
 *       "$schema": "./node_modules/vsftpd-lint/vsftpd-lint.schema.json",
 *       "target": "fedora",
 *       "rules": { "VSF202": "error", "anonymous-enabled": "off" },
 *       "enable": ["hide-ids"],
 *       "disable": ["hygiene"],
 *       "pasvRange": "40000-40100",
 *       "overrides": [
 *         { "files": ["legacy/**", "vsftpd-{old,test}.conf"], "rules": { "pasv-range-missing": "off" } },
 *         { "files": ["users/*"], "perUser": true }
 *       ]
 *     }
 *
 * Every key is optional; "$schema" is allowed and ignored. Validation is strict, in two steps:
 * the structure (keys, types) by the JSON Schema in schema.json, compiled ahead of time by Ajv
 * (validate-structure.generated.ts), then the names (rules, categories, targets), ranges and
 * globs here, with did-you-mean hints. An unknown key, a wrong type, an unknown name, a bad
 * range or glob, a key given twice and malformed JSON are errors (`ConfigError`, one line naming
 * the file and the JSON path, or the line and column for JSON syntax), never silently ignored.
 *
 * Overrides: each entry whose `files` globs (./glob.ts) match the linted file applies after the
 * top-level settings, in order, matched against the file's path relative to the config file's
 * directory; a file outside that directory matches no override. Finding and reading the file is
 * the CLI's (src/cli/config-loader.ts): this module is pure.
 */
import * as path from 'path';
import { resolveTargetId } from '../../schema/targets';
import { shown } from '../text';
import type { PasvRange, Rule } from '../rule';
import { describeUnknownRef, findRuleRef, RuleSelection, RuleSetting, rulesFor } from '../rule-selection';
import { compileGlob, GlobMatcher, matchesGlob } from './glob';
import { JsonSyntaxError, parseJson } from './json';
import { validate as validateStructure } from './validate-structure.generated';
import { checkPasvRange, PASV_RANGE_MAX, PASV_RANGE_MIN } from '../passive-range';

export const PROJECT_CONFIG_FILE = '.vsftpd-lint.json';

/** A configuration problem (config file or command-line flags): one line, exit status 2. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The settings a config file, one of its overrides, or the command line can make. */
interface ConfigSettings {
  /** A build id or alias (see `--target`). */
  readonly target?: string;
  /** Per rule, keyed by rule id (names in the file are resolved to ids). */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  /** Rule ids or names, categories, or "all", as written. */
  readonly enable?: readonly string[];
  readonly disable?: readonly string[];
  /** The passive port range fixes write. */
  readonly pasvRange?: PasvRange;
  /** The files are per-user config files (user_config_dir). */
  readonly perUser?: boolean;
}

interface ConfigOverride extends ConfigSettings {
  /** The globs as written. */
  readonly files: readonly string[];
  /** The same globs, compiled. */
  readonly matchers: readonly GlobMatcher[];
}

export interface ProjectConfig extends ConfigSettings {
  readonly overrides: readonly ConfigOverride[];
  /** The file the config was read from (as shown in messages), or null for one built in memory. */
  readonly file: string | null;
  /** The directory override globs are relative to. */
  readonly baseDir: string;
}

export interface ConfigOptions {
  /** The rules whose ids and names the config may use. */
  readonly rules: readonly Rule[];
  /**
   * Where override globs are anchored; default: the file's directory (parseProjectConfig), or
   * the current directory (validateProjectConfig).
   */
  readonly baseDir?: string;
}

/** Parses and validates the text of a config file; `file` names it in messages. */
export function parseProjectConfig(text: string, file: string, options: ConfigOptions): ProjectConfig {
  let value: unknown;
  try {
    value = parseJson(text);
  } catch (err) {
    if (err instanceof JsonSyntaxError) throw new ConfigError(`${file}:${err.line}:${err.column}: invalid JSON: ${err.reason}`);
    throw err;
  }
  return validateProjectConfig(value, file, { ...options, baseDir: options.baseDir ?? path.dirname(file) });
}

type JsonPath = readonly (string | number)[];

/** "rules.VSF201", "overrides[0].files[1]", 'rules["odd key"]'. */
export function formatJsonPath(at: JsonPath): string {
  let out = '';
  for (const part of at) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${shown(JSON.stringify(part))}]`;
  }
  return out;
}

/** The structure of an object the schema accepted. */
interface RawSettings {
  readonly target?: string;
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  readonly enable?: readonly string[];
  readonly disable?: readonly string[];
  readonly pasvRange?: string;
  readonly perUser?: boolean;
}
interface RawConfig extends RawSettings {
  readonly overrides?: readonly (RawSettings & { readonly files: readonly string[] })[];
}

/**
 * Validates a parsed config object. `file` names it in messages (null for a config built in
 * memory).
 */
export function validateProjectConfig(value: unknown, file: string | null, options: ConfigOptions): ProjectConfig {
  const fail = (at: JsonPath, message: string): never => {
    const where = [file, at.length > 0 ? formatJsonPath(at) : undefined].filter((x) => x != null);
    throw new ConfigError(where.length > 0 ? `${where.join(': ')}: ${message}` : message);
  };
  if (!validateStructure(value)) structureError(value, (validateStructure as unknown as { errors: AjvError[] }).errors[0], fail);
  const raw = value as RawConfig;
  const overrides = (raw.overrides ?? []).map((entry, i): ConfigOverride => {
    const at = ['overrides', i];
    const matchers = entry.files.map((glob, j) => {
      try {
        return compileGlob(glob);
      } catch (err) {
        return fail([...at, 'files', j], (err as Error).message);
      }
    });
    return { files: entry.files, matchers, ...settingsOf(entry, at, options.rules, fail) };
  });
  return { ...settingsOf(raw, [], options.rules, fail), overrides, file, baseDir: options.baseDir ?? '.' };
}

/** target, rules, enable, disable, pasvRange and perUser of the top level or of an override. */
function settingsOf(
  object: RawSettings,
  at: JsonPath,
  rules: readonly Rule[],
  fail: (at: JsonPath, message: string) => never,
): ConfigSettings {
  const settings: { -readonly [K in keyof ConfigSettings]: ConfigSettings[K] } = {};
  if (object.target !== undefined) {
    try {
      resolveTargetId(object.target);
    } catch (err) {
      fail([...at, 'target'], (err as Error).message);
    }
    settings.target = object.target;
  }
  if (object.rules !== undefined) {
    const byId: Record<string, RuleSetting> = {};
    const setBy = new Map<string, string>();
    for (const [key, setting] of Object.entries(object.rules)) {
      const where = [...at, 'rules', key];
      const rule = findRuleRef(key, rules) ?? fail(where, describeUnknownRef(key, rules, false));
      const earlier = setBy.get(rule.id);
      if (earlier !== undefined) fail(where, `${rule.id} (${rule.name}) is already set by ${formatJsonPath([...at, 'rules', earlier])}`);
      setBy.set(rule.id, key);
      byId[rule.id] = setting;
    }
    settings.rules = byId;
  }
  for (const key of ['enable', 'disable'] as const) {
    const refs = object[key];
    if (refs === undefined) continue;
    refs.forEach((ref, i) => {
      if (!rulesFor(ref, rules)) fail([...at, key, i], describeUnknownRef(ref, rules, true));
    });
    settings[key] = refs;
  }
  if (object.pasvRange !== undefined) {
    try {
      settings.pasvRange = parsePasvRange(object.pasvRange);
    } catch (err) {
      fail([...at, 'pasvRange'], (err as Error).message);
    }
  }
  if (object.perUser !== undefined) settings.perUser = object.perUser;
  return settings;
}

/** What the standalone validator reports (Ajv's ErrorObject, verbose). */
interface AjvError {
  readonly keyword: string;
  readonly instancePath: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly parentSchema?: { readonly properties?: Readonly<Record<string, unknown>> };
}

/** The first structural error as today's one-line message at its JSON path. */
function structureError(value: unknown, error: AjvError, fail: (at: JsonPath, message: string) => never): never {
  const at: (string | number)[] = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  let data: unknown = value;
  for (const part of at) data = (data as Record<string | number, unknown>)[part];
  switch (error.keyword) {
    case 'type':
      return fail(at, `expected ${withArticle(String(error.params.type))}, got ${describeValue(data)}`);
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      const allowed = Object.keys(error.parentSchema?.properties ?? {});
      return fail([...at, key], `unknown key (${unknownKeyHint(key, allowed, at.length === 0)})`);
    }
    case 'required':
      return fail(at, `missing "${String(error.params.missingProperty)}" (the globs this override applies to)`);
    case 'minItems':
      return fail(at, 'expected at least one glob');
    case 'enum': {
      const allowed = (error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ');
      return fail(at, `expected one of ${allowed}, got ${shown(JSON.stringify(data) ?? String(data))}`);
    }
    default:
      return fail(at, `invalid (${error.keyword})`);
  }
}

function unknownKeyHint(key: string, allowed: readonly string[], topLevel: boolean): string {
  if (topLevel && key === 'files') return '"files" belongs in an entry of "overrides"';
  if (!topLevel && key === 'overrides') return 'overrides cannot be nested';
  const close = allowed.find((k) => k.toLowerCase() === key.toLowerCase());
  if (close) return `did you mean "${close}"?`;
  return `expected one of ${allowed.filter((k) => k !== '$schema').join(', ')}`;
}

function withArticle(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  const text = shown(JSON.stringify(value));
  return `${typeof value === 'string' ? 'a string' : typeof value === 'number' ? 'a number' : 'a boolean'} (${text})`;
}

/**
 * "40000-40100" as { min: 40000, max: 40100 }; throws a one-line Error unless
 * 1025 <= min <= max <= 65534 (the bounds within which vsftpd takes both values).
 */
export function parsePasvRange(text: string): PasvRange {
  const match = /^(\d{1,5})-(\d{1,5})$/.exec(text);
  const expected = `expected "MIN-MAX" with ${PASV_RANGE_MIN} <= MIN <= MAX <= ${PASV_RANGE_MAX}, such as "40000-40100"`;
  if (!match) throw new Error(`${expected}, got ${shown(JSON.stringify(text))}`);
  return checkPasvRange({ min: Number(match[1]), max: Number(match[2]) }, JSON.stringify(text));
}

/** What applies to one file: the settings of the config and of each override that matches it. */
export interface FileConfig {
  readonly target?: string;
  readonly pasvRange?: PasvRange;
  readonly perUser?: boolean;
  /** Rule selection layers: the config's, then each matching override's. */
  readonly selection: readonly RuleSelection[];
}

/**
 * The config's settings for a file: the top level, then each override whose globs match the
 * file's path, in order (a later target, pasvRange or perUser replaces an earlier one).
 * `filePath` null (standard input without a name) matches no override.
 */
export function configForFile(config: ProjectConfig, filePath: string | null): FileConfig {
  const source = config.file ?? 'config';
  let { target, pasvRange, perUser } = config;
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

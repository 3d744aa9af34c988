/**
 * The command line's part of each file's lint options: the rule-selection flags (--rule,
 * --enable, --disable), --target, --pasv-range and --no-inline-config, validated and laid over
 * the project config's settings for the file, which they override.
 */
import { RULES } from '../../rules';
import type { LintOptions } from '../lint';
import type { Rule } from '../engine/rule';
import { describeUnknownRef, findRuleRef, RULE_SETTINGS, RuleSelection, RuleSetting, rulesFor } from '../engine/rule-selection';
import { ConfigError, configForFile, parsePasvRange, ProjectConfig } from '../engine/config/validate';
import { resolveTargetId } from '../schema/targets';

/**
 * One `--rule` value, "ID=SEVERITY" or "name=off", as [rule id, setting]; throws a ConfigError
 * naming the flag.
 */
export function parseRuleFlag(text: string, rules: readonly Rule[] = RULES): [string, RuleSetting] {
  const eq = text.lastIndexOf('=');
  const settings = RULE_SETTINGS.join('|');
  if (eq <= 0) throw new ConfigError(`--rule ${text}: expected RULE=${settings} (RULE: an id or name)`);
  const ref = text.slice(0, eq).trim();
  const setting = text
    .slice(eq + 1)
    .trim()
    .toLowerCase();
  const rule = findRuleRef(ref, rules);
  if (!rule) throw new ConfigError(`--rule ${text}: ${describeUnknownRef(ref, rules, false)}`);
  if (!(RULE_SETTINGS as readonly string[]).includes(setting)) {
    throw new ConfigError(`--rule ${text}: expected ${settings} after "=", got ${JSON.stringify(text.slice(eq + 1))}`);
  }
  return [rule.id, setting as RuleSetting];
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
  /** --per-user: every file is a per-user config file, whatever the config file says. */
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
  const file = config ? configForFile(config, filePath) : { selection: [] as RuleSelection[] };
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
    ...(flags.perUser ? { perUser: true } : file.perUser !== undefined ? { perUser: file.perUser } : {}),
    ...(target !== undefined ? { target } : {}),
    ...(pasvRange !== undefined ? { pasvRange } : {}),
    ...(selection.length > 0 ? { selection } : {}),
    ...(flags.inlineConfig === false ? { inlineConfig: false } : {}),
  };
}

/** The command line's rule selection as one layer (so specificity decides within it), validated. */
function flagSelection(flags: LintFlags, rules: readonly Rule[]): RuleSelection | undefined {
  const split = (values: readonly string[] | undefined, flag: string): string[] => {
    const refs = (values ?? [])
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter((v) => v !== '');
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

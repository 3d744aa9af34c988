/**
 * Which rules run and at what severity: a selection (from a project config, its per-path
 * overrides, or command-line flags) resolved against the rule set.
 *
 * A selection is a list of layers applied in order, each on top of the previous ones (config,
 * then the overrides that match the file, then the command line). Within one layer the most
 * specific entry wins, whatever the order it is written in:
 *
 *   1. `enable`/`disable` entries naming a category (or "all"); `disable` wins over `enable`
 *      for the same category;
 *   2. `enable`/`disable` entries naming a rule (id or name); `disable` wins for the same rule;
 *   3. the `rules` map: "off" turns the rule off, a severity turns it on with that severity.
 *
 * So `{ disable: ['security'], enable: ['anonymous-enabled'] }` runs anonymous-enabled and no
 * other security rule. `enable` turns on rules that are off by default (`enabledByDefault:
 * false`), also through their category: `enable: ['security']` runs every security rule.
 *
 * A severity in `rules` replaces the severity of every finding of the rule, including rules that
 * grade findings themselves (blank-string-value reports a warning for Fedora and an error
 * elsewhere; `"blank-string-value": "info"` makes both info). "off" or `disable` keeps an
 * earlier layer's severity for when a later layer turns the rule back on.
 *
 * Unknown rules and categories throw a `RuleSelectionError` with a one-line message.
 */
import type { Category, Severity } from './finding';
import type { Rule } from './rule';

/** What a rule can be set to: off, or on with a severity that replaces its own. */
export type RuleSetting = 'off' | Severity;

export const RULE_SETTINGS: readonly RuleSetting[] = ['off', 'info', 'warning', 'error'];

/** Every category, in the order rule lists show them. */
export const CATEGORIES: readonly Category[] = ['syntax', 'startup', 'data-connection', 'security', 'hygiene'];

// Fails to compile when Category gains a member that CATEGORIES lacks.
const EVERY_CATEGORY: Record<Category, true> = {
  syntax: true,
  startup: true,
  'data-connection': true,
  security: true,
  hygiene: true,
};
void EVERY_CATEGORY;

/** The pseudo-category of every rule, for `enable`/`disable` (e.g. `disable: ['all']`). */
export const ALL_RULES = 'all';

export interface RuleSelection {
  /** Per rule (id or name): "off", or a severity that turns it on and replaces its own. */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  /** Rules (id or name), categories, or "all" to run; turns on rules that are off by default. */
  readonly enable?: readonly string[];
  /** Rules (id or name), categories, or "all" not to run. */
  readonly disable?: readonly string[];
  /** Where the layer comes from, for error messages: "--enable", "/p/.vsftpd-lint.json". */
  readonly source?: string;
}

export interface ResolvedRules {
  /** The rules to run, in rule-set order. */
  readonly rules: readonly Rule[];
  /** Severity overrides by rule id: every finding of the rule gets this severity. */
  readonly severities: ReadonlyMap<string, Severity>;
}

export class RuleSelectionError extends Error {
  override name = 'RuleSelectionError';
}

/**
 * The rule with this id (any case: "vsf201") or name, or undefined. Surrounding blanks are
 * ignored, as the CLI's --explain does.
 */
export function findRuleRef(ref: string, rules: readonly Rule[]): Rule | undefined {
  const key = ref.trim().toLowerCase();
  return rules.find((rule) => rule.id.toLowerCase() === key || rule.name === key);
}

/** Whether `ref` names a category or "all". */
function isCategoryRef(ref: string): ref is Category | typeof ALL_RULES {
  return ref === ALL_RULES || (CATEGORIES as readonly string[]).includes(ref);
}

/** The rules a reference names: one rule, a category's rules, or every rule; undefined if unknown. */
export function rulesFor(ref: string, rules: readonly Rule[]): readonly Rule[] | undefined {
  const key = ref.trim().toLowerCase();
  if (key === ALL_RULES) return rules;
  if ((CATEGORIES as readonly string[]).includes(key)) return rules.filter((rule) => rule.category === key);
  const rule = findRuleRef(key, rules);
  return rule ? [rule] : undefined;
}

/**
 * Why a reference names nothing, in one line (without the source): "unknown rule 'VSF999'",
 * with a close rule name when there is one, and the hint that `rules` takes no categories.
 */
export function describeUnknownRef(ref: string, rules: readonly Rule[], allowCategories: boolean): string {
  const key = ref.trim().toLowerCase();
  if (!allowCategories && isCategoryRef(key)) {
    return `'${ref}' is a category, not a rule: use enable/disable for categories`;
  }
  const what = allowCategories ? 'rule or category' : 'rule';
  const suggestion = closestName(key, rules, allowCategories);
  const hint = suggestion ? ` (did you mean ${suggestion}?)` : ' (see --list-rules)';
  return `unknown ${what} '${ref}'${hint}`;
}

/**
 * The rules to run and their severity overrides. `base` is the starting set (default: every rule
 * enabled by default); names are resolved against `universe` (default: `base`'s universe, i.e.
 * the full rule set the caller passes). Throws `RuleSelectionError` for an unknown name.
 */
export function resolveRuleSelection(
  selection: RuleSelection | readonly RuleSelection[] | undefined,
  universe: readonly Rule[],
  base?: readonly Rule[],
): ResolvedRules {
  const layers: readonly RuleSelection[] = selection === undefined ? [] : isLayerList(selection) ? selection : [selection];
  const on = new Set<Rule>(base ?? universe.filter((rule) => rule.enabledByDefault !== false));
  // Rules passed in `base` but missing from `universe` still resolve by name.
  const all = base ? [...universe, ...base.filter((rule) => !universe.includes(rule))] : universe;
  const severities = new Map<string, Severity>();

  for (const layer of layers) {
    const lookup = (ref: string, field: string, allowCategories: boolean): readonly Rule[] => {
      if (typeof ref !== 'string') throw selectionError(layer, field, `expected a rule name, got ${JSON.stringify(ref)}`);
      const found = allowCategories ? rulesFor(ref, all) : optional(findRuleRef(ref, all));
      if (!found) throw selectionError(layer, field, describeUnknownRef(ref, all, allowCategories));
      return found;
    };
    const enable = (layer.enable ?? []).map((ref, i) => ({ ref, rules: lookup(ref, `enable[${i}]`, true) }));
    const disable = (layer.disable ?? []).map((ref, i) => ({ ref, rules: lookup(ref, `disable[${i}]`, true) }));
    const settings = Object.entries(layer.rules ?? {}).map(([ref, setting]) => {
      if (!(RULE_SETTINGS as readonly string[]).includes(setting)) {
        throw selectionError(layer, `rules.${ref}`, `expected one of ${RULE_SETTINGS.join(', ')}, got ${JSON.stringify(setting)}`);
      }
      return { rule: lookup(ref, `rules.${ref}`, false)[0], setting };
    });

    const isGroup = (entry: { ref: string }) => isCategoryRef(entry.ref.trim().toLowerCase());
    // 1. categories, 2. single rules; disable after enable, so it wins at the same level.
    for (const group of [true, false]) {
      for (const entry of enable) if (isGroup(entry) === group) entry.rules.forEach((rule) => on.add(rule));
      for (const entry of disable) if (isGroup(entry) === group) entry.rules.forEach((rule) => on.delete(rule));
    }
    // 3. the rules map.
    for (const { rule, setting } of settings) {
      if (setting === 'off') {
        on.delete(rule);
      } else {
        on.add(rule);
        severities.set(rule.id, setting);
      }
    }
  }
  return { rules: all.filter((rule) => on.has(rule)), severities };
}

function isLayerList(selection: RuleSelection | readonly RuleSelection[]): selection is readonly RuleSelection[] {
  return Array.isArray(selection);
}

function optional(rule: Rule | undefined): readonly Rule[] | undefined {
  return rule ? [rule] : undefined;
}

function selectionError(layer: RuleSelection, field: string, message: string): RuleSelectionError {
  // A command-line layer is named by its flag ("--enable"), which says more than a JSON path.
  const where = layer.source === undefined ? field : layer.source.startsWith('--') ? layer.source : `${layer.source}: ${field}`;
  return new RuleSelectionError(`${where}: ${message}`);
}

/**
 * The rule name (or, with `allowCategories`, category) within a small edit distance of `key`.
 */
function closestName(key: string, rules: readonly Rule[], allowCategories: boolean): string | undefined {
  // Ids are numbers: VSF402 is no better a guess for VSF492 than any other.
  if (/^vsf\d*$/.test(key)) return undefined;
  const candidates: [string, string][] = rules.map((rule): [string, string] => [rule.name, rule.name]);
  if (allowCategories) for (const category of [...CATEGORIES, ALL_RULES]) candidates.push([category, category]);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const [candidate, shown] of candidates) {
    const distance = editDistance(key, candidate);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = shown;
    }
  }
  return bestDistance <= Math.max(1, Math.floor(key.length / 4)) ? best : undefined;
}

/** Edit distance counting a swap of two neighbours as one edit ("hygeine" is 1 from "hygiene"). */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return Infinity;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

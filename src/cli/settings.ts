/**
 * The lint options of each file: its project config (the nearest .vsftpd-lint.json, --config or
 * --no-config), the config's per-path overrides, then the command-line flags, which win.
 */
import { RULES } from '../../rules';
import type { LintOptions } from '../lint';
import { ConfigError, ProjectConfig } from '../engine/config/validate';
import { ConfigChoice, ProjectConfigLoader } from './config-loader';
import { LintFlags, lintOptionsFor } from './lint-flags';
import { resolveRuleSelection, RuleSelectionError } from '../engine/rule-selection';
import { DEFAULT_TARGET, getTarget } from '../schema/targets';
import type { CliOptions } from './args';

/** Lint options with the build resolved to its id. */
export type FileLintOptions = LintOptions & { readonly target: string };

/** Whether an error is a configuration problem: one line on stderr, exit status 2. */
export function isConfigProblem(err: unknown): err is Error {
  return err instanceof ConfigError || err instanceof RuleSelectionError;
}

export class LintSettings {
  private readonly loader: ProjectConfigLoader;
  private readonly flags: LintFlags;
  private readonly choice: ConfigChoice;
  /** The --config file, loaded once at start-up. */
  private readonly explicit: ProjectConfig | null;
  /**
   * The options of each config without per-path overrides (or of none): the same for every file
   * it applies to, so a run over many files works them out once.
   */
  private readonly shared = new Map<ProjectConfig | null, FileLintOptions>();

  /**
   * Validates the flags and loads --config; throws a ConfigError (or RuleSelectionError).
   * Relative names (files, --config) are from `cwd`.
   */
  constructor(options: CliOptions, warn: (message: string) => void, cwd: string) {
    this.loader = new ProjectConfigLoader(RULES, cwd, warn);
    this.flags = {
      target: options.target,
      rules: options.rules,
      enable: options.enable,
      disable: options.disable,
      inlineConfig: options.inlineConfig,
      pasvRange: options.pasvRange,
      ...(options.perUser ? { perUser: true } : {}),
    };
    this.choice = options.noConfig ? { noConfig: true } : { config: options.config };
    this.explicit = options.config !== undefined && !options.noConfig ? this.loader.load(options.config) : null;
    // A bad --rule, --enable, --disable or --pasv-range is an error before any file is read.
    check(lintOptionsFor(null, null, this.flags));
  }

  /**
   * The options for one file, by the name it is looked up under (a path, the --stdin-filename,
   * or null for unnamed standard input: the search starts in the current directory).
   */
  forFile(lookupPath: string | null): FileLintOptions {
    const config = this.explicit ?? this.loader.configFor(lookupPath, this.choice);
    const sharable = config === null || config.overrides.length === 0;
    const known = sharable ? this.shared.get(config) : undefined;
    if (known) return known;
    const options = check(lintOptionsFor(config, lookupPath, this.flags));
    const fileOptions = { ...options, target: getTarget(options.target ?? DEFAULT_TARGET).id };
    if (sharable) this.shared.set(config, fileOptions);
    return fileOptions;
  }

  /** The build for the default input when no file is given: --target, --config's, or the default. */
  defaultTarget(): string {
    return getTarget(this.flags.target ?? this.explicit?.target ?? DEFAULT_TARGET).id;
  }
}

/** Resolves the rule selection now, so an unknown name is a config error before linting starts. */
function check(options: LintOptions): LintOptions {
  if (options.selection) resolveRuleSelection(options.selection, RULES);
  return options;
}

/**
 * The vsftpd builds vsftpd-lint can check against. Builds differ in which option names exist,
 * in compiled defaults, and in how string values are stored (reference section 1.5).
 */
import { BUILD_IDS, BuildId, OPTIONS, OptionSpec, OptionValue } from './options';

export interface Target {
  readonly id: BuildId;
  readonly label: string;
  /**
   * What the build does with a string value: 'verbatim' keeps surrounding whitespace (upstream);
   * 'trim' strips it (Debian, Fedora).
   */
  readonly stringValues: 'verbatim' | 'trim';
  /**
   * What a string value of only whitespace (e.g. "name=\r" in a CRLF file) does: stays as
   * whitespace (upstream), crashes vsftpd with SIGSEGV (Debian), or unsets the option (Fedora).
   */
  readonly blankString: 'kept' | 'crash' | 'unset';
  /** The config file vsftpd reads when started without a file argument. */
  readonly defaultConfigPath: string;
  /** Every option name this build knows, byte-exact and case-sensitive. */
  readonly options: ReadonlyMap<string, OptionSpec>;
}

interface TargetTraits {
  readonly label: string;
  readonly stringValues: Target['stringValues'];
  readonly blankString: Target['blankString'];
  readonly defaultConfigPath: string;
}

const TRAITS: Record<BuildId, TargetTraits> = {
  'upstream-3.0.2': { label: 'upstream vsftpd 3.0.2', stringValues: 'verbatim', blankString: 'kept', defaultConfigPath: '/etc/vsftpd.conf' },
  'upstream-3.0.3': { label: 'upstream vsftpd 3.0.3', stringValues: 'verbatim', blankString: 'kept', defaultConfigPath: '/etc/vsftpd.conf' },
  'debian-3.0.3': { label: 'Debian vsftpd 3.0.3', stringValues: 'trim', blankString: 'crash', defaultConfigPath: '/etc/vsftpd.conf' },
  'upstream-3.0.5': { label: 'upstream vsftpd 3.0.5', stringValues: 'verbatim', blankString: 'kept', defaultConfigPath: '/etc/vsftpd.conf' },
  fedora: { label: 'Fedora/RHEL vsftpd 3.0.x', stringValues: 'trim', blankString: 'unset', defaultConfigPath: '/etc/vsftpd/vsftpd.conf' },
  opensuse: { label: 'openSUSE vsftpd 3.0.3', stringValues: 'verbatim', blankString: 'kept', defaultConfigPath: '/etc/vsftpd.conf' },
};

/** The build checked when no --target is given: Debian's package, the project's ground truth. */
export const DEFAULT_TARGET: BuildId = 'debian-3.0.3';

/** Short names accepted by --target besides the build ids. */
export const TARGET_ALIASES: Readonly<Record<string, BuildId>> = {
  debian: 'debian-3.0.3',
  ubuntu: 'debian-3.0.3',
  '3.0.2': 'upstream-3.0.2',
  '3.0.3': 'upstream-3.0.3',
  '3.0.5': 'upstream-3.0.5',
  upstream: 'upstream-3.0.5',
  rhel: 'fedora',
  centos: 'fedora',
  suse: 'opensuse',
};

const cache = new Map<BuildId, Target>();

/** The target for a build id or alias; throws a one-line error naming the valid choices. */
export function getTarget(idOrAlias: string = DEFAULT_TARGET): Target {
  const id = resolveTargetId(idOrAlias);
  let target = cache.get(id);
  if (!target) {
    const options = new Map(
      OPTIONS.filter((o) => !o.builds || o.builds.includes(id)).map((o) => [o.name, o]),
    );
    target = { id, ...TRAITS[id], options };
    cache.set(id, target);
  }
  return target;
}

export function resolveTargetId(idOrAlias: string): BuildId {
  if ((BUILD_IDS as readonly string[]).includes(idOrAlias)) return idOrAlias as BuildId;
  // Own keys only: "__proto__" or "constructor" is no alias.
  const alias = Object.prototype.hasOwnProperty.call(TARGET_ALIASES, idOrAlias) ? TARGET_ALIASES[idOrAlias] : undefined;
  if (alias) return alias;
  throw new Error(
    `unknown target '${idOrAlias}': choose one of ${[...BUILD_IDS, ...Object.keys(TARGET_ALIASES)].join(', ')}`,
  );
}

/** The compiled default of an option in a build (null = unset). */
export function compiledDefault(option: OptionSpec, target: Target): OptionValue {
  const perBuild = option.defaultIn;
  return perBuild && target.id in perBuild ? (perBuild[target.id] as OptionValue) : option.default;
}

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
  /**
   * Built with libwrap (builddefs.h VSF_BUILD_TCPWRAPPERS): without it, tcp_wrappers=YES ends
   * every connection with "500 OOPS: tcp_wrappers is set to YES but no tcp wrapper support
   * compiled in" (tcpwrap.c).
   */
  readonly libwrap: boolean;
  /** The distribution releases that ship this build, for --list-targets and the docs. */
  readonly shippedBy: string;
  /** Every option name this build knows, byte-exact and case-sensitive. */
  readonly options: ReadonlyMap<string, OptionSpec>;
}

type TargetTraits = Omit<Target, 'id' | 'options'>;

const UPSTREAM = { stringValues: 'verbatim', blankString: 'kept', defaultConfigPath: '/etc/vsftpd.conf', libwrap: true } as const;
/** Red Hat's tree: list files under /etc/vsftpd, strings trimmed, a blank string unsets the option. */
const RED_HAT = { stringValues: 'trim', blankString: 'unset', defaultConfigPath: '/etc/vsftpd/vsftpd.conf' } as const;

const TRAITS: Record<BuildId, TargetTraits> = {
  'upstream-3.0.2': { label: 'upstream vsftpd 3.0.2', ...UPSTREAM, shippedBy: 'source builds' },
  'upstream-3.0.3': {
    label: 'upstream vsftpd 3.0.3',
    ...UPSTREAM,
    shippedBy: 'source builds; the Gentoo, OpenWrt and OpenEmbedded packages of 3.0.3',
  },
  'debian-3.0.3': {
    label: 'Debian vsftpd 3.0.3',
    stringValues: 'trim',
    blankString: 'crash',
    defaultConfigPath: '/etc/vsftpd.conf',
    libwrap: true,
    shippedBy: 'Debian 10, 11 and 12 (3.0.3-12, 3.0.3-13), Ubuntu 20.04 (3.0.3-12)',
  },
  'upstream-3.0.5': { label: 'upstream vsftpd 3.0.5', ...UPSTREAM, shippedBy: 'source builds' },
  // Red Hat's 3.0.2 for RHEL 7: the names and defaults of its tree at that time (Red Hat's
  // options except the later ssl_tlsv1_3 and ssl_sni_hostname; 3.0.2's TLS and cipher
  // defaults), built with libwrap: CentOS 7's shipped vsftpd.conf sets tcp_wrappers=YES.
  rhel7: { label: 'RHEL/CentOS 7 vsftpd 3.0.2', ...RED_HAT, libwrap: true, shippedBy: 'RHEL 7, CentOS 7, Oracle Linux 7' },
  // Fedora dropped libwrap (and RHEL 8 with it), so this tree is built without it.
  fedora: {
    label: 'Fedora/RHEL 8-9 vsftpd 3.0.x',
    ...RED_HAT,
    libwrap: false,
    shippedBy: 'Fedora, RHEL 8 and 9, CentOS Stream, Rocky Linux, AlmaLinux',
  },
  opensuse: { label: 'openSUSE vsftpd 3.0.3', ...UPSTREAM, shippedBy: "openSUSE's package tree (3.0.3 with SUSE's patches)" },
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
  rhel8: 'fedora',
  rhel9: 'fedora',
  centos: 'fedora',
  centos7: 'rhel7',
  suse: 'opensuse',
};

/** One line per build for --list-targets: id, label, its aliases, and who ships it. */
export function describeTargets(): string[] {
  return BUILD_IDS.map((id) => {
    const aliases = Object.keys(TARGET_ALIASES).filter((alias) => TARGET_ALIASES[alias] === id);
    const also = aliases.length > 0 ? ` (also ${aliases.join(', ')})` : '';
    const { label, shippedBy, libwrap } = TRAITS[id];
    return `${id}${also}: ${label}; ${shippedBy}${libwrap ? '' : '; built without tcp_wrappers'}`;
  });
}

const cache = new Map<BuildId, Target>();

/** The target for a build id or alias; throws a one-line error naming the valid choices. */
export function getTarget(idOrAlias: string = DEFAULT_TARGET): Target {
  const id = resolveTargetId(idOrAlias);
  let target = cache.get(id);
  if (!target) {
    const options = new Map(OPTIONS.filter((o) => !o.builds || o.builds.includes(id)).map((o) => [o.name, o]));
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
  throw new Error(`unknown target '${idOrAlias}': choose one of ${[...BUILD_IDS, ...Object.keys(TARGET_ALIASES)].join(', ')}`);
}

/** The compiled default of an option in a build (null = unset). */
export function compiledDefault(option: OptionSpec, target: Target): OptionValue {
  const perBuild = option.defaultIn;
  return perBuild && target.id in perBuild ? (perBuild[target.id] as OptionValue) : option.default;
}

/**
 * `firewallRules(config, backend, options)`: the firewall rules a vsftpd configuration needs,
 * as text for nftables (`nft -f`), iptables (`iptables-restore --noflush`), ufw (shell commands)
 * or firewalld (shell commands), computed from the EFFECTIVE configuration:
 *
 * - the control port: listen_port (standalone mode; under inetd the socket's port, 21);
 * - the passive range vsftpd really uses (src/engine/passive-range.ts: pasv_min_port /
 *   pasv_max_port as privops.c reads them, e.g. an inverted range means min..65535). Without a
 *   configured range vsftpd uses 5001-65535: that is refused, naming rule pasv-range-missing;
 * - active mode with connect_from_port_20=YES: data connections leave from ftp_data_port (20);
 * - notes on the conntrack FTP helper, which these rules make unnecessary on the server and
 *   which cannot work for FTPS.
 *
 * Pure: no files, no process, no terminal.
 */
import { EffectiveConfig, EffectiveValue } from '../engine/effective-config';
import { passiveRangeSettings, PASV_PORT_CEILING, PASV_PORT_FLOOR, SUGGESTED_PASV_RANGE } from '../engine/passive-range';
import { escapeText, shown } from '../engine/text';
import type { Document } from '../parser/document';
import { parse } from '../parser/parse';
import { getTarget } from '../schema/targets';

export const FIREWALL_BACKENDS = ['nftables', 'iptables', 'ufw', 'firewalld'] as const;
export type FirewallBackend = (typeof FIREWALL_BACKENDS)[number];

export interface FirewallOptions {
  /** Build to read the config as (build id or alias); default Debian 3.0.3. Ignored for an EffectiveConfig. */
  readonly target?: string;
  /** The file's name, for the header comment. */
  readonly path?: string;
  /** nftables: the table to add to, "FAMILY NAME"; default "inet filter" (Debian's /etc/nftables.conf). */
  readonly nftTable?: string;
  /** nftables: chains of that table filtering incoming and outgoing packets; default "input", "output". */
  readonly nftInputChain?: string;
  readonly nftOutputChain?: string;
  /** iptables: chains; default "INPUT", "OUTPUT". */
  readonly iptablesInputChain?: string;
  readonly iptablesOutputChain?: string;
  /** firewalld: the zone; default the default zone (no --zone). */
  readonly firewalldZone?: string;
}

/** The configuration cannot be turned into rules; `rule` names the lint rule that explains why. */
export class FirewallError extends Error {
  constructor(
    message: string,
    readonly rule?: { readonly id: string; readonly name: string },
  ) {
    super(message);
    this.name = 'FirewallError';
  }
}

/** What the firewall must let through, with where each number comes from. */
export interface FirewallPlan {
  readonly target: string;
  /** The control connection's port and the setting it comes from. */
  readonly control: { readonly port: number; readonly source: string };
  /** Passive data connections: the effective range, or null when pasv_enable=NO. */
  readonly passive: { readonly lo: number; readonly hi: number; readonly source: string } | null;
  /** Active data connections: the source port (null: an ephemeral port), or null when port_enable=NO. */
  readonly active: { readonly sourcePort: number | null; readonly source: string } | null;
  /** Remarks for the header (helper, FTPS, inetd, wide range). */
  readonly notes: readonly string[];
}

type Input = string | Document | EffectiveConfig;

function effective(input: Input, target?: string): EffectiveConfig {
  if (input instanceof EffectiveConfig) return input;
  const document = typeof input === 'string' ? parse(input) : input;
  return new EffectiveConfig(document, getTarget(target));
}

/**
 * What the configuration needs opened. Throws FirewallError when vsftpd would not start with the
 * file (it stops at a line it cannot read) or when passive mode has no configured range.
 */
export function firewallPlan(input: Input, options: Pick<FirewallOptions, 'target'> = {}): FirewallPlan {
  const config = effective(input, options.target);
  const [fatal] = config.refused();
  if (fatal) {
    throw new FirewallError(
      `vsftpd stops at line ${fatal.line.line} ("${shown(fatal.line.text.trim())}") and never starts with this file: run vsftpd-lint on it first`,
    );
  }
  const notes: string[] = [];
  const standalone = config.isStandalone();
  const listenPort = config.get('listen_port');
  const control = standalone
    ? { port: numberOf(listenPort, 21), source: listenPort ? config.describe(listenPort) : 'listen_port=21' }
    : { port: 21, source: "inetd or a socket unit (listen=NO, listen_ipv6=NO): assumed port 21; use the socket's port if it differs" };

  let passive: FirewallPlan['passive'] = null;
  if (!config.isOff('pasv_enable')) {
    const settings = passiveRangeSettings(config);
    if (!settings || (!settings.min.source && !settings.max.source)) {
      const lo = settings?.range.lo ?? 5001;
      throw new FirewallError(
        `passive mode is on (pasv_enable=YES) but no pasv_min_port/pasv_max_port is set, so vsftpd picks any port in ` +
          `${lo}-${PASV_PORT_CEILING}, which no firewall should open; set a range first (rule pasv-range-missing, VSF202: ` +
          `vsftpd-lint --fix --unsafe-fixes adds pasv_min_port=${SUGGESTED_PASV_RANGE.min} and pasv_max_port=${SUGGESTED_PASV_RANGE.max}), ` +
          'or turn passive mode off (pasv_enable=NO)',
        { id: 'VSF202', name: 'pasv-range-missing' },
      );
    }
    const { range } = settings;
    if (!range.minUsed && !range.maxUsed) {
      throw new FirewallError(
        `${config.describePair(settings.min, settings.max)}: vsftpd ignores both (it takes pasv_min_port only above ` +
          `${PASV_PORT_FLOOR} and pasv_max_port only from the lower bound up to ${PASV_PORT_CEILING - 1}), so it picks any port in ` +
          `${range.lo}-${range.hi}, which no firewall should open; set a range of ports above ${PASV_PORT_FLOOR} first ` +
          `(rule pasv-range-invalid, VSF203; e.g. pasv_min_port=${SUGGESTED_PASV_RANGE.min} and pasv_max_port=${SUGGESTED_PASV_RANGE.max}), ` +
          'or turn passive mode off (pasv_enable=NO)',
        { id: 'VSF203', name: 'pasv-range-invalid' },
      );
    }
    passive = { lo: range.lo, hi: range.hi, source: config.describePair(settings.min, settings.max) };
    if (!range.minUsed) {
      notes.push(
        `pasv_min_port is not used (${PASV_PORT_FLOOR} or below): vsftpd never picks a port below ${PASV_PORT_FLOOR + 0}, so the range starts at ${range.lo} ` +
          '(rule pasv-range-invalid, VSF203)',
      );
    }
    if (!range.maxUsed) {
      notes.push(
        `pasv_max_port is not used (unset, below pasv_min_port, or 65535 and above): vsftpd picks ports up to ${range.hi} ` +
          '(rule pasv-range-invalid, VSF203)',
      );
    }
    if (range.hi - range.lo + 1 > 1000)
      notes.push(`the passive range has ${range.hi - range.lo + 1} ports: a narrower one is easier to secure`);
  }

  let active: FirewallPlan['active'] = null;
  if (config.isOn('port_enable')) {
    const from20 = config.flag('connect_from_port_20');
    const dataPort = config.get('ftp_data_port');
    if (from20?.value === true && !config.isOn('run_as_launching_user')) {
      active = {
        sourcePort: numberOf(dataPort, 20),
        source: `${config.describe(from20)}, ${dataPort ? config.describe(dataPort) : 'ftp_data_port=20'}`,
      };
    } else {
      active = {
        sourcePort: null,
        source: from20 ? config.describe(from20) : 'connect_from_port_20=NO',
      };
    }
  }

  const ssl = config.isOn('ssl_enable');
  notes.push(
    ssl
      ? 'conntrack FTP helper: of no use here: with ssl_enable=YES the control connection is encrypted and a helper cannot read PASV/PORT replies; the explicit passive range below is the only way'
      : `conntrack FTP helper: not needed on this server, the passive range is opened explicitly; a NAT router in front of it needs either pasv_address or its own FTP helper (on TCP ${control.port}) to rewrite 227 replies`,
  );
  if (active && active.sourcePort === null) {
    notes.push(
      ssl
        ? 'active mode from ephemeral ports (connect_from_port_20=NO) with ssl_enable=YES: the FTP helper the rules assign cannot read the encrypted PORT commands, so with an output policy of drop active transfers fail: set connect_from_port_20=YES (a fixed source port) or port_enable=NO'
        : `active mode from ephemeral ports (connect_from_port_20=NO): the rules assign the conntrack FTP helper to TCP ${control.port} so that the server's data connections are "expected" and pass an output policy of drop`,
    );
  }
  if (active && config.isOn('port_promiscuous') && active.sourcePort !== null) {
    notes.push(
      'port_promiscuous=YES with connect_from_port_20=YES: every active transfer dies with "500 OOPS: vsf_sysutil_bind" (rule port-promiscuous-port-20, VSF211)',
    );
  }
  if (active) {
    notes.push(
      "active mode: clients behind a stateful firewall or NAT need a conntrack FTP helper on THEIR side (or passive mode) to accept the server's data connection",
    );
  }
  if (!standalone) notes.push("vsftpd runs from inetd or a socket unit: the control port is that socket's");
  return { target: config.target.label, control, passive, active, notes };
}

function numberOf(value: EffectiveValue | undefined, fallback: number): number {
  return typeof value?.value === 'number' ? value.value : fallback;
}

/** The rules for one backend, as the text of a file or script to load. */
export function firewallRules(input: Input, backend: FirewallBackend, options: FirewallOptions = {}): string {
  if (!(FIREWALL_BACKENDS as readonly string[]).includes(backend)) {
    throw new FirewallError(`unknown firewall backend "${backend}": one of ${FIREWALL_BACKENDS.join(', ')}`);
  }
  const plan = firewallPlan(input, options);
  switch (backend) {
    case 'nftables':
      return nftables(plan, options);
    case 'iptables':
      return iptables(plan, options);
    case 'ufw':
      return ufw(plan, options);
    case 'firewalld':
      return firewalld(plan, options);
  }
}

// ---------------------------------------------------------------------------------------------
// Backends
// ---------------------------------------------------------------------------------------------

const CONTROL_COMMENT = 'vsftpd control connection (listen_port)';
const PASSIVE_COMMENT = 'vsftpd passive data connections (pasv_min_port-pasv_max_port)';
const ACTIVE_COMMENT = 'vsftpd active-mode data connections (connect_from_port_20, ftp_data_port)';
const ACTIVE_REPLY_COMMENT = 'replies to vsftpd active-mode data connections';
const EXPECTED_COMMENT = 'vsftpd active-mode data connections from ephemeral ports (expected by the FTP helper)';
const CONTROL_REPLY_COMMENT = 'vsftpd control connection replies';
const PASSIVE_REPLY_COMMENT = 'vsftpd passive data connection replies';
/** The name of the nftables ct helper object the rules add for connect_from_port_20=NO. */
const NFT_HELPER = 'vsftpd-ftp';

/**
 * What the rules assume of the chains they go into, for the header: both directions are covered,
 * so a policy of drop on input and output is fine, as long as nothing before them drops.
 */
const CHAIN_ASSUMPTION =
  'the rules cover both directions (replies included), so input and output chains may have a policy of drop; they are ' +
  'appended, so keep them before any rule that drops or rejects everything';

function header(plan: FirewallPlan, options: FirewallOptions, load: string): string[] {
  const lines = [`vsftpd-lint firewall rules for ${options.path ?? 'vsftpd.conf'} (${plan.target})`];
  lines.push(`control connection: TCP ${plan.control.port} inbound, from ${plan.control.source}`);
  lines.push(
    plan.passive
      ? `passive data:       TCP ${portRange(plan.passive, '-')} inbound, from ${plan.passive.source}`
      : 'passive data:       none (pasv_enable=NO)',
  );
  if (!plan.active) lines.push('active data:        none (port_enable=NO)');
  else if (plan.active.sourcePort !== null)
    lines.push(`active data:        TCP from source port ${plan.active.sourcePort} outbound, from ${plan.active.source}`);
  else
    lines.push(
      `active data:        TCP from an ephemeral port outbound, from ${plan.active.source}: allowed as connections the FTP helper expects`,
    );
  lines.push(load);
  lines.push(...plan.notes.map((note) => `note: ${note}`));
  // Text from the file (its name, its values) is escaped: no newline can end the comment.
  return lines.flatMap((line) => wrapComment(escapeText(line)));
}

function wrapComment(line: string, width = 98): string[] {
  const out: string[] = [];
  let current = '#';
  const indent = /^(note: |[a-z ]+: +)/.exec(line)?.[0].length ?? 0;
  for (const word of line.split(' ')) {
    if (current.length > 2 && current.length + 1 + word.length > width) {
      out.push(current);
      current = `#${' '.repeat(indent + 1)}${word}`;
    } else {
      current = current === '#' ? `# ${word}` : `${current} ${word}`;
    }
  }
  out.push(current);
  return out;
}

/** The fixed source port of active-mode data connections, or null (none, or ephemeral). */
function activePort(plan: FirewallPlan): number | null {
  return plan.active?.sourcePort ?? null;
}

/** Active mode from ephemeral ports: the data connections are matched through the FTP helper. */
function needsHelper(plan: FirewallPlan): boolean {
  return plan.active !== null && plan.active.sourcePort === null;
}

function portRange(range: { lo: number; hi: number }, separator: string): string {
  return range.lo === range.hi ? `${range.lo}` : `${range.lo}${separator}${range.hi}`;
}

/** A name nft accepts unquoted (identifier), else rejected. */
function nftName(name: string, what: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name)) throw new FirewallError(`bad nftables ${what} name "${escapeText(name)}"`);
  return name;
}

function nftables(plan: FirewallPlan, options: FirewallOptions): string {
  const [family, table, extra] = (options.nftTable ?? 'inet filter').trim().split(/\s+/);
  if (!['inet', 'ip', 'ip6'].includes(family) || !table || extra !== undefined) {
    throw new FirewallError(
      `bad nftables table "${escapeText(options.nftTable ?? '')}": expected "FAMILY NAME" with FAMILY inet, ip or ip6`,
    );
  }
  const input = nftName(options.nftInputChain ?? 'input', 'chain');
  const output = nftName(options.nftOutputChain ?? 'output', 'chain');
  nftName(table, 'table');
  const t = `${family} ${table}`;
  const rule = (chain: string, match: string, comment: string) => `add rule ${t} ${chain} ${match} comment "${comment}"`;
  const lines = [
    '#!/usr/sbin/nft -f',
    ...header(
      plan,
      options,
      `load:  nft -f FILE (adds rules to the chains ${input} and ${output} of table ${t}; ${CHAIN_ASSUMPTION}). The table ` +
        "and both chains must exist as base chains (Debian's /etc/nftables.conf has them): otherwise nft -f stops with " +
        '"No such file or directory" and loads nothing, rather than creating chains no packet passes through',
    ),
  ];
  if (needsHelper(plan)) lines.push(`add ct helper ${t} ${NFT_HELPER} { type "ftp" protocol tcp; }`);
  const helper = needsHelper(plan) ? ` ct helper set "${NFT_HELPER}"` : '';
  lines.push(rule(input, `tcp dport ${plan.control.port}${helper} accept`, CONTROL_COMMENT));
  if (plan.passive) lines.push(rule(input, `tcp dport ${portRange(plan.passive, '-')} accept`, PASSIVE_COMMENT));
  if (activePort(plan) !== null) lines.push(rule(input, `tcp dport ${activePort(plan)} ct state established accept`, ACTIVE_REPLY_COMMENT));
  if (needsHelper(plan)) lines.push(rule(input, 'meta l4proto tcp ct status expected accept', EXPECTED_COMMENT));
  lines.push(rule(output, `tcp sport ${plan.control.port} ct state established accept`, CONTROL_REPLY_COMMENT));
  if (plan.passive)
    lines.push(rule(output, `tcp sport ${portRange(plan.passive, '-')} ct state established accept`, PASSIVE_REPLY_COMMENT));
  if (activePort(plan) !== null) lines.push(rule(output, `tcp sport ${activePort(plan)} accept`, ACTIVE_COMMENT));
  if (needsHelper(plan)) lines.push(rule(output, 'meta l4proto tcp ct status expected accept', EXPECTED_COMMENT));
  return `${lines.join('\n')}\n`;
}

function iptablesChain(name: string): string {
  if (!/^[A-Za-z0-9_.-]{1,28}$/.test(name)) throw new FirewallError(`bad iptables chain name "${escapeText(name)}"`);
  return name;
}

function iptables(plan: FirewallPlan, options: FirewallOptions): string {
  const input = iptablesChain(options.iptablesInputChain ?? 'INPUT');
  const output = iptablesChain(options.iptablesOutputChain ?? 'OUTPUT');
  const rule = (chain: string, match: string, comment: string) => `-A ${chain} -p tcp ${match} -m comment --comment "${comment}" -j ACCEPT`;
  const lines = [
    ...header(
      plan,
      options,
      'load:  iptables-restore --noflush FILE (WITHOUT --noflush the whole filter table is replaced; the same ' +
        'file loads with ip6tables-restore --noflush for IPv6 clients, listen_ipv6=YES). The rules are appended ' +
        `to ${input}/${output}; ${CHAIN_ASSUMPTION}. A chain that does not exist stops iptables-restore with an error.`,
    ),
  ];
  if (needsHelper(plan)) {
    lines.push(
      '*raw',
      `-A PREROUTING -p tcp --dport ${plan.control.port} -m comment --comment "${CONTROL_COMMENT}: FTP helper" -j CT --helper ftp`,
      'COMMIT',
    );
  }
  lines.push('*filter', rule(input, `--dport ${plan.control.port}`, CONTROL_COMMENT));
  if (plan.passive) lines.push(rule(input, `--dport ${portRange(plan.passive, ':')}`, PASSIVE_COMMENT));
  if (activePort(plan) !== null)
    lines.push(rule(input, `--dport ${activePort(plan)} -m conntrack --ctstate ESTABLISHED`, ACTIVE_REPLY_COMMENT));
  if (needsHelper(plan)) lines.push(rule(input, '-m conntrack --ctstatus EXPECTED', EXPECTED_COMMENT));
  lines.push(rule(output, `--sport ${plan.control.port} -m conntrack --ctstate ESTABLISHED`, CONTROL_REPLY_COMMENT));
  if (plan.passive)
    lines.push(rule(output, `--sport ${portRange(plan.passive, ':')} -m conntrack --ctstate ESTABLISHED`, PASSIVE_REPLY_COMMENT));
  if (activePort(plan) !== null) lines.push(rule(output, `--sport ${activePort(plan)}`, ACTIVE_COMMENT));
  if (needsHelper(plan)) lines.push(rule(output, '-m conntrack --ctstatus EXPECTED', EXPECTED_COMMENT));
  lines.push('COMMIT');
  return `${lines.join('\n')}\n`;
}

function ufw(plan: FirewallPlan, options: FirewallOptions): string {
  const lines = [
    '#!/bin/sh',
    ...header(plan, options, 'run:   sh FILE (as root; ufw keeps the rules across reboots)'),
    'set -e',
    `ufw allow ${plan.control.port}/tcp comment '${CONTROL_COMMENT}'`,
  ];
  if (plan.passive) lines.push(`ufw allow ${portRange(plan.passive, ':')}/tcp comment '${PASSIVE_COMMENT}'`);
  if (activePort(plan) !== null) {
    lines.push(
      `# only needed with "ufw default deny outgoing" (ufw passes replies itself):`,
      `ufw allow out proto tcp from any port ${activePort(plan)} comment '${ACTIVE_COMMENT}'`,
    );
  } else if (needsHelper(plan)) {
    lines.push(
      '# active mode from ephemeral ports (connect_from_port_20=NO) with "ufw default deny outgoing": ufw commands',
      '# cannot assign the FTP helper: set connect_from_port_20=YES, or keep outgoing connections allowed',
    );
  }
  return `${lines.join('\n')}\n`;
}

/** firewalld objects the rules create: the policy for active mode's outgoing connections, and the FTP helper's helper and service. */
const FIREWALLD_ACTIVE_POLICY = 'vsftpd-active-out';
const FIREWALLD_HELPER = NFT_HELPER;
/** The lowest priority firewalld takes: the policy runs before every other policy. */
const FIREWALLD_FIRST_PRIORITY = -32768;

function firewalld(plan: FirewallPlan, options: FirewallOptions): string {
  const zone = options.firewalldZone;
  if (zone !== undefined && !/^[A-Za-z0-9_-]{1,17}$/.test(zone)) throw new FirewallError(`bad firewalld zone name "${escapeText(zone)}"`);
  const z = zone ? ` --zone=${zone}` : '';
  // Re-running the script must not fail on objects it created before: create each only when missing.
  const create = (kind: 'policy' | 'helper' | 'service', name: string, extra = '') =>
    `$fw --info-${kind}=${name} >/dev/null 2>&1 || $fw --new-${kind}=${name}${extra}`;
  const lines = [
    '#!/bin/sh',
    ...header(
      plan,
      options,
      'run:   sh FILE (as root). While firewalld runs: firewall-cmd --permanent commands, then a reload; when it does ' +
        'not (an image or chroot being prepared): firewall-offline-cmd, which writes the same permanent configuration. ' +
        'Outgoing connections: firewalld allows them unless a policy from zone HOST drops them; the active-mode ' +
        'lines below cover that case. Its own "ftp" service (port 21 plus the FTP helper) is an alternative for ' +
        'port 21 without FTPS.',
    ),
    'set -e',
    "if firewall-cmd --state >/dev/null 2>&1; then fw='firewall-cmd --permanent'; else fw=firewall-offline-cmd; fi",
    `$fw${z} --add-port=${plan.control.port}/tcp`,
  ];
  if (plan.passive) lines.push(`$fw${z} --add-port=${portRange(plan.passive, '-')}/tcp`);
  if (activePort(plan) !== null) {
    lines.push(
      `# ${ACTIVE_COMMENT}: a policy from zone HOST that accepts them, at the lowest`,
      '# priority so that it comes before any other (only needed when a policy from HOST drops outgoing connections;',
      '# firewalld lets replies out itself):',
      create('policy', FIREWALLD_ACTIVE_POLICY),
      `$fw --policy=${FIREWALLD_ACTIVE_POLICY} --set-priority=${FIREWALLD_FIRST_PRIORITY}`,
      `$fw --policy=${FIREWALLD_ACTIVE_POLICY} --add-ingress-zone=HOST`,
      `$fw --policy=${FIREWALLD_ACTIVE_POLICY} --add-egress-zone=ANY`,
      `$fw --policy=${FIREWALLD_ACTIVE_POLICY} --add-source-port=${activePort(plan)}/tcp`,
    );
  }
  if (needsHelper(plan)) {
    lines.push(
      `# ${EXPECTED_COMMENT}: the FTP helper on TCP ${plan.control.port}`,
      '# makes them "related", which firewalld lets out even when a policy from zone HOST drops outgoing connections:',
      create('helper', FIREWALLD_HELPER, ' --module=nf_conntrack_ftp'),
      `$fw --helper=${FIREWALLD_HELPER} --add-port=${plan.control.port}/tcp`,
      create('service', FIREWALLD_HELPER),
      `$fw --service=${FIREWALLD_HELPER} --add-helper=${FIREWALLD_HELPER}`,
      `$fw${z} --add-service=${FIREWALLD_HELPER}`,
    );
  }
  lines.push('if firewall-cmd --state >/dev/null 2>&1; then firewall-cmd --reload; fi');
  return `${lines.join('\n')}\n`;
}

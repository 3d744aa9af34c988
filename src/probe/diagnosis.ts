/**
 * What each symptom the probe can observe means for a vsftpd server: the config options and the
 * firewall to change, and the linter rules that catch the same problem in vsftpd.conf. The
 * replies are those of Debian's vsftpd 3.0.3 (shared reference sections 3.5 and 4, reproduced by
 * the ftp-scenarios scripts).
 *
 * Rule ids are written out here rather than looked up in RULES so that the probe loads without
 * the rule set; test/probe.integration.test.ts checks every id/name pair against RULES.
 */

/** A linter rule that covers a symptom (same ids as `vsftpd-lint --explain`). */
export interface RuleRef {
  readonly id: string;
  readonly name: string;
}

export const RULE_REFS = {
  'pasv-disabled': { id: 'VSF201', name: 'pasv-disabled' },
  'pasv-range-missing': { id: 'VSF202', name: 'pasv-range-missing' },
  'pasv-range-invalid': { id: 'VSF203', name: 'pasv-range-invalid' },
  'pasv-range-small': { id: 'VSF204', name: 'pasv-range-small' },
  'pasv-address-invalid': { id: 'VSF205', name: 'pasv-address-invalid' },
  'pasv-address-unreachable': { id: 'VSF206', name: 'pasv-address-unreachable' },
  'pasv-address-nat': { id: 'VSF207', name: 'pasv-address-nat' },
  'pasv-address-ipv6': { id: 'VSF208', name: 'pasv-address-ipv6' },
  'pasv-promiscuous': { id: 'VSF209', name: 'pasv-promiscuous' },
  'port-promiscuous': { id: 'VSF210', name: 'port-promiscuous' },
  'port-promiscuous-port-20': { id: 'VSF211', name: 'port-promiscuous-port-20' },
  'active-mode': { id: 'VSF212', name: 'active-mode' },
  'data-connect-timeout': { id: 'VSF213', name: 'data-connect-timeout' },
  'data-commands-denied': { id: 'VSF214', name: 'data-commands-denied' },
  'inetd-mode': { id: 'VSF302', name: 'inetd-mode' },
  'bad-listen-address': { id: 'VSF303', name: 'bad-listen-address' },
  'pasv-address-unresolvable': { id: 'VSF317', name: 'pasv-address-unresolvable' },
  'no-login-possible': { id: 'VSF305', name: 'no-login-possible' },
  'userlist-denies-all': { id: 'VSF306', name: 'userlist-denies-all' },
  'writable-chroot': { id: 'VSF310', name: 'writable-chroot' },
  'ssl-without-cert': { id: 'VSF311', name: 'ssl-without-cert' },
  'cleartext-logins': { id: 'VSF405', name: 'cleartext-logins' },
} as const satisfies Record<string, RuleRef>;

export type RuleName = keyof typeof RULE_REFS;

export type DiagnosisSeverity = 'error' | 'warning' | 'info';

/** The step that observed a symptom. */
export type StepName = 'connect' | 'banner' | 'feat' | 'auth-tls' | 'login' | 'protection' | 'pasv' | 'epsv' | 'active';

/** Every symptom the probe recognises (the README's probe section documents each). */
export const DIAGNOSIS_IDS = [
  'control-refused',
  'control-timeout',
  'control-unreachable',
  'host-unknown',
  'control-error',
  'not-ftp',
  'no-banner',
  'implicit-ftps',
  'closed-mid-reply',
  'connection-closed',
  'server-oops',
  'service-refused',
  'login-failed',
  'login-needs-tls',
  'tls-not-offered',
  'tls-failed',
  'tls-untrusted',
  'protection-refused',
  'passive-refused',
  'passive-unsupported',
  'passive-reply-unparseable',
  'pasv-address-invalid',
  'passive-ports-exhausted',
  'pasv-address-zero',
  'pasv-address-mismatch',
  'pasv-address-differs',
  'pasv-address-other-side',
  'passive-range-partly-blocked',
  'pasv-address-ipv6-client',
  'passive-port-outside-range',
  'data-timeout',
  'data-refused',
  'data-unreachable',
  'data-bad-ip',
  'data-encryption-required',
  'data-tls-failed',
  'data-failed',
  'listing-refused',
  'listing-incomplete',
  'no-reply',
  'active-refused',
  'active-illegal',
  'active-unreachable',
  'active-no-reply',
  'active-oops',
] as const;

export type DiagnosisId = (typeof DIAGNOSIS_IDS)[number];

export interface Diagnosis {
  readonly id: DiagnosisId;
  readonly severity: DiagnosisSeverity;
  /** The step where the symptom was seen first. */
  readonly step: StepName;
  /** Every step where it was seen (PASV and EPSV often share one). */
  readonly steps: readonly StepName[];
  /** One line: what was observed. */
  readonly summary: string;
  /** What it means for this vsftpd server and what to do. */
  readonly explanation: string;
  /** The vsftpd.conf options to look at or change. */
  readonly options: readonly string[];
  /** What to change in a firewall or NAT router, when that is part of the fix. */
  readonly firewall?: string;
  /** Linter rules that report the same problem from vsftpd.conf (`vsftpd-lint --explain ID`). */
  readonly rules: readonly RuleRef[];
}

/** Builds a diagnosis from its parts, resolving rule names to their ids. */
export function diagnosis(
  id: DiagnosisId,
  step: StepName,
  severity: DiagnosisSeverity,
  summary: string,
  explanation: string,
  options: readonly string[],
  rules: readonly RuleName[],
  firewall?: string,
): Diagnosis {
  return {
    id,
    severity,
    step,
    steps: [step],
    summary,
    explanation,
    options,
    ...(firewall ? { firewall } : {}),
    rules: rules.map((name) => RULE_REFS[name]),
  };
}

/**
 * One diagnosis per symptom: a later one with the same id, explanation and firewall advice (the
 * same finding seen again, e.g. by EPSV after PASV) only adds its step to the first.
 */
export function mergeDiagnoses(list: readonly Diagnosis[]): Diagnosis[] {
  const merged: Diagnosis[] = [];
  for (const d of list) {
    const index = merged.findIndex((m) => m.id === d.id && m.explanation === d.explanation && m.firewall === d.firewall);
    if (index === -1) merged.push(d);
    else if (!merged[index].steps.includes(d.step)) merged[index] = { ...merged[index], steps: [...merged[index].steps, d.step] };
  }
  return merged;
}

/** The sentence every firewall advice for the passive range ends with. */
export const FIREWALL_COMMAND_HINT = '`vsftpd-lint firewall vsftpd.conf --backend nftables|iptables|ufw|firewalld` prints the rules';

/**
 * The probe's diagnosis table: what each observation means for a vsftpd server. Pure functions
 * from what the session driver (probe.ts) observed (a socket error, a reply, a data-connection
 * attempt, the ports sampled from the passive range) to a step result with its diagnoses: the
 * vsftpd.conf options and the firewall to change, and the linter rules that catch the same
 * problem. No sockets, timers or clock here, so every row is a unit test (test/verdicts.test.ts).
 *
 * The replies are those of Debian's vsftpd 3.0.3 (shared reference sections 3.5 and 4, reproduced
 * by the ftp-scenarios scripts and the namespace tests).
 */
import type { Collected, NetError } from './connection';
import { formatEndpoint } from './connection';
import { Diagnosis, diagnosis, DiagnosisId, FIREWALL_COMMAND_HINT, StepName } from './diagnosis';
import { ADDRESS_CLASS_WORDS, classifyAddress, Endpoint, printable, Reply } from './reply';
import type { AttemptReport, DataReport, ExpectedPassiveRange, PassiveObservation, PortSample, StepResult } from './types';

/** What a diagnosis needs to know about the probe besides the observation itself. */
export interface DiagnosisContext {
  /** The step that made the observation. */
  readonly step: StepName;
  readonly host: string;
  readonly port: number;
  readonly timeoutMs: number;
  readonly user: string;
  readonly range?: ExpectedPassiveRange;
  /** The server's pasv_address as its vsftpd.conf sets it, when the probe was given the file. */
  readonly pasvAddress?: string;
}

function diagnose(
  ctx: DiagnosisContext,
  id: DiagnosisId,
  severity: Diagnosis['severity'],
  summary: string,
  explanation: string,
  options: Parameters<typeof diagnosis>[5],
  rules: Parameters<typeof diagnosis>[6],
  firewall?: string,
): Diagnosis {
  return diagnosis(id, ctx.step, severity, summary, explanation, options, rules, firewall);
}

export function controlConnectFailure(ctx: DiagnosisContext, error: NetError, where: string): StepResult {
  const fw = `allow TCP ${ctx.port} inbound on the server's firewall (and forward it on a NAT router)`;
  switch (error.kind) {
    case 'refused':
      return {
        status: 'fail',
        detail: `${where}: connection refused`,
        diagnoses: [
          diagnose(ctx, 
            'control-refused',
            'error',
            `nothing accepts connections on ${where} (connection refused)`,
            'vsftpd is not running, or listens on another port or address (listen_port, listen_address; ' +
              'with listen=NO and listen_ipv6=NO it only runs from inetd or a socket unit), or a firewall ' +
              'rejects the port. Check `ss -ltnp` on the server and its log for a "500 OOPS" at start-up.',
            ['listen', 'listen_ipv6', 'listen_port', 'listen_address'],
            ['inetd-mode', 'bad-listen-address'],
            fw,
          ),
        ],
      };
    case 'timeout':
      return {
        status: 'fail',
        detail: `${where}: no answer within ${ctx.timeoutMs} ms`,
        diagnoses: [
          diagnose(ctx, 
            'control-timeout',
            'error',
            `no answer from ${where} within ${ctx.timeoutMs} ms`,
            'The connection attempt got no answer at all: a firewall drops the packets (on the server, on ' +
              'a router, or on this client\'s outgoing side), or the host is down or not at this address.',
            ['listen_port', 'listen_address'],
            [],
            fw,
          ),
        ],
      };
    case 'unreachable':
      return {
        status: 'fail',
        detail: `${where}: ${error.message}`,
        diagnoses: [
          diagnose(ctx, 
            'control-unreachable',
            'error',
            `no route to ${where}`,
            'This machine has no route to the server\'s address: a wrong address, or a network problem on the client side.',
            [],
            [],
          ),
        ],
      };
    case 'dns':
      return {
        status: 'fail',
        detail: error.message,
        diagnoses: [
          diagnose(ctx, 'host-unknown', 'error', `the host name ${ctx.host} does not resolve`, 'Check the name, or use the address.', [], []),
        ],
      };
    default:
      return {
        status: 'fail',
        detail: error.message,
        diagnoses: [diagnose(ctx, 'control-error', 'error', `cannot connect to ${where}: ${error.message}`, 'See the message.', [], [])],
      };
  }
}

export function notFtp(ctx: DiagnosisContext, line: string): StepResult {
  const what = /^HTTP\//i.test(line)
    ? 'an HTTP server'
    : /^SSH-/.test(line)
      ? 'an SSH server (use sftp for it)'
      : /^\x16\x03/.test(line) || /\\x16\\x03/.test(line)
        ? 'a TLS server (implicit FTPS on port 990, or HTTPS)'
        : 'a service that is not FTP';
  return {
    status: 'fail',
    detail: `not an FTP server: "${printable(line)}"`,
    diagnoses: [
      diagnose(ctx, 
        'not-ftp',
        'error',
        `${formatEndpoint(ctx.host, ctx.port)} answers like ${what}: "${printable(line)}"`,
        'Another program listens on this port. Point the probe at the port vsftpd listens on ' +
          '(listen_port, 21 by default), or move one of the two services.',
        ['listen_port', 'listen_address'],
        [],
      ),
    ],
  };
}

/** The control connection failed while waiting: not FTP, closed, reset, or silent. */
export function controlBroken(ctx: DiagnosisContext, error: NetError, when: string): StepResult {
  if (error.kind === 'garbled') return notFtp(ctx, error.partial ?? '');
  if (error.kind === 'closed' && error.partial) {
    return {
      status: 'fail',
      detail: `connection closed ${when}, in the middle of a reply: "${printable(error.partial)}"`,
      diagnoses: [
        diagnose(ctx, 
          'closed-mid-reply',
          'error',
          `the server closed the connection ${when} in the middle of a reply ("${printable(error.partial)}")`,
          'A reply line was cut off: the server process crashed or was killed, or something between ' +
            'client and server (a proxy, an FTP-aware firewall or NAT helper) broke the connection. ' +
            'Check the server\'s log and its kernel log for a crashed vsftpd session.',
          [],
          [],
        ),
      ],
    };
  }
  if (error.kind === 'closed' || error.kind === 'reset') {
    return {
      status: 'fail',
      detail: `connection ${error.kind === 'reset' ? 'reset' : 'closed'} by the server ${when}`,
      diagnoses: [
        diagnose(ctx, 
          'connection-closed',
          'error',
          `the server ${error.kind === 'reset' ? 'reset' : 'closed'} the control connection ${when} without a reply`,
          'vsftpd closes without a word when its session process cannot start (a broken ' +
            'secure_chroot_dir, seccomp problems, resource limits) or when tcp_wrappers refuses the ' +
            'client; a firewall or an idle timeout in between can do the same. Check the server\'s log.',
          ['secure_chroot_dir', 'seccomp_sandbox', 'tcp_wrappers'],
          [],
        ),
      ],
    };
  }
  if (error.kind === 'timeout') {
    return {
      status: 'fail',
      detail: `no reply within ${ctx.timeoutMs} ms ${when}`,
      diagnoses: [
        diagnose(ctx, 
          'no-reply',
          'error',
          `no reply within ${ctx.timeoutMs} ms ${when}`,
          'The server did not answer in time. Retry with a longer timeout; a server that is slow on ' +
            'every command is overloaded or waits for DNS.',
          [],
          [],
        ),
      ],
    };
  }
  return {
    status: 'fail',
    detail: `${when}: ${error.message}`,
    diagnoses: [diagnose(ctx, 'control-error', 'error', `${when}: ${error.message}`, 'See the message.', [], [])],
  };
}

export function serverOops(ctx: DiagnosisContext, reply: Reply, when: string): StepResult {
  const text = printable(reply.text);
  const chroot = /writable root inside chroot|chroot/i.test(reply.text);
  return {
    status: 'fail',
    detail: text,
    diagnoses: [
      diagnose(ctx, 
        'server-oops',
        'error',
        `vsftpd ended the session ${when}: ${text}`,
        chroot
          ? 'vsftpd refuses to chroot a user into a directory the user can write to (chroot_local_user / ' +
              'chroot_list_enable); make the root non-writable or set allow_writeable_chroot=YES.'
          : '"500 OOPS" is vsftpd dying on a configuration or system problem; the text names it. ' +
              '`vsftpd-lint` on the server\'s vsftpd.conf reports most of them.',
        chroot ? ['chroot_local_user', 'allow_writeable_chroot'] : [],
        chroot ? ['writable-chroot'] : [],
      ),
    ],
  };
}

export function loginFailure(ctx: DiagnosisContext, reply: Reply): StepResult {
  const text = printable(reply.text);
  const anonymous = ctx.user === 'anonymous' || ctx.user === 'ftp';
  let d: Diagnosis;
  if (/must use encryption/i.test(reply.text)) {
    d = diagnose(ctx, 
      'login-needs-tls',
      'error',
      `login refused without TLS: ${text}`,
      'The server requires explicit FTPS for this login (force_local_logins_ssl / force_anon_logins_ssl): probe with TLS (--tls).',
      ['force_local_logins_ssl', 'force_anon_logins_ssl'],
      [],
    );
  } else if (/may not use encryption/i.test(reply.text)) {
    d = diagnose(ctx, 
      'login-failed',
      'error',
      `login refused over TLS: ${text}`,
      'vsftpd refuses anonymous logins over TLS unless allow_anon_ssl=YES.',
      ['allow_anon_ssl'],
      [],
    );
  } else {
    d = diagnose(ctx, 
      'login-failed',
      'error',
      `login as ${ctx.user} failed: ${text}`,
      anonymous
        ? 'Anonymous login is refused: anonymous_enable=NO (the compiled default), or the user list ' +
            '(userlist_enable with userlist_deny) or ftpusers refuses "anonymous"/"ftp".'
        : 'Wrong user or password, or the account is refused: local_enable=NO, the user list ' +
            '(userlist_enable, userlist_deny, userlist_file), /etc/ftpusers, or a shell not in /etc/shells (pam_shells).',
      anonymous ? ['anonymous_enable', 'userlist_enable', 'userlist_deny'] : ['local_enable', 'userlist_enable', 'userlist_deny', 'userlist_file', 'pam_service_name'],
      ['no-login-possible', 'userlist-denies-all'],
    );
  }
  return { status: 'fail', detail: text, diagnoses: [d] };
}

export function passiveRefused(ctx: DiagnosisContext, command: 'PASV' | 'EPSV', reply: Reply): StepResult {
  const text = printable(reply.text);
  if (/^500 OOPS: invalid pasv_address/.test(reply.text)) {
    return {
      status: 'fail',
      detail: text,
      diagnoses: [
        diagnose(ctx, 
          'pasv-address-invalid',
          'error',
          `${command} killed the session: ${text}`,
          'pasv_address is not a numeric IPv4 address (a host name needs pasv_addr_resolve=YES); vsftpd ' +
            'parses it at every PASV and ends the session. EPSV is not affected.',
          ['pasv_address', 'pasv_addr_resolve'],
          ['pasv-address-invalid', 'pasv-address-unresolvable'],
        ),
      ],
    };
  }
  if (/^500 OOPS: (vsf_sysutil_bind|priv_sock_get_int)/.test(reply.text)) {
    return {
      status: 'fail',
      detail: text,
      diagnoses: [
        diagnose(ctx, 
          'passive-ports-exhausted',
          'error',
          `${command} killed the session: ${text}`,
          'vsftpd tried 9 random ports of the passive range and found all busy (other sessions between ' +
            'PASV and the end of their transfer, or other programs). Widen pasv_min_port-pasv_max_port ' +
            '(and the firewall with it).',
          ['pasv_min_port', 'pasv_max_port', 'max_clients'],
          ['pasv-range-small', 'pasv-range-invalid'],
        ),
      ],
    };
  }
  if (/^500 OOPS/.test(reply.text)) return serverOops(ctx, reply, `at ${command}`);
  if (reply.code === 550) {
    return {
      status: 'fail',
      detail: text,
      diagnoses: [
        diagnose(ctx, 
          'passive-refused',
          'error',
          `${command} refused: ${text}`,
          'vsftpd answers PASV and EPSV with "550 Permission denied." when pasv_enable=NO (or when ' +
            'cmds_allowed/cmds_denied exclude them, or after EPSV ALL). Without passive mode every client ' +
            'behind NAT or a firewall fails: set pasv_enable=YES with a pasv_min_port-pasv_max_port ' +
            'range open in the firewall.',
          ['pasv_enable', 'pasv_min_port', 'pasv_max_port', 'cmds_allowed', 'cmds_denied'],
          ['pasv-disabled', 'data-commands-denied'],
        ),
      ],
    };
  }
  if (command === 'EPSV' && (reply.code === 500 || reply.code === 502 || reply.code === 504)) {
    return {
      status: 'warn',
      detail: `EPSV not supported: ${text}`,
      diagnoses: [
        diagnose(ctx, 
          'passive-unsupported',
          'info',
          `the server does not implement EPSV: ${text}`,
          'Clients fall back to PASV, so this only matters for IPv6 and for clients behind NAT ' +
            'helpers; vsftpd supports EPSV, so this is another FTP server or a proxy in front of it.',
          [],
          [],
        ),
      ],
    };
  }
  return {
    status: 'fail',
    detail: text,
    diagnoses: [
      diagnose(ctx, 
        'passive-refused',
        'error',
        `${command} got "${text}" instead of ${command === 'PASV' ? 227 : 229}`,
        'The server did not enter passive mode.',
        ['pasv_enable'],
        ['pasv-disabled'],
      ),
    ],
  };
}

export function unparseable(ctx: DiagnosisContext, command: 'PASV' | 'EPSV', reply: Reply, reason: string): StepResult {
  const text = printable(reply.text);
  return {
    status: 'fail',
    detail: `cannot parse the ${reply.code} reply (${reason}): ${text}`,
    data: { command, reply: text },
    diagnoses: [
      diagnose(ctx, 
        'passive-reply-unparseable',
        'error',
        `the ${command} reply cannot be parsed (${reason}): "${text}"`,
        `A client cannot know where to connect. vsftpd always sends ${command === 'PASV' ? '"227 Entering Passive Mode (h1,h2,h3,h4,p1,p2)."' : '"229 Entering Extended Passive Mode (|||port|)"'}; ` +
          'a different text comes from another server, or from a firewall or NAT helper that rewrites FTP ' +
          'replies (an "FTP ALG") and breaks them. Turn the rewriting off on that device and set ' +
          'pasv_address instead.',
        ['pasv_address'],
        [],
        'disable FTP reply rewriting ("FTP ALG", "fixup protocol ftp") on firewalls and routers between client and server',
      ),
    ],
  };
}

export function dataConnectFailure(ctx: DiagnosisContext, command: string, attempt: AttemptReport, addressKnownBad: boolean): Diagnosis {
  const where = formatEndpoint(attempt.endpoint.host, attempt.endpoint.port);
  const range = ctx.range;
  const rangeText = range
    ? `the passive range ${range.lo}-${range.hi}${range.source ? ` (${range.source})` : ''}`
    : `the passive port range (pasv_min_port-pasv_max_port; this reply used port ${attempt.endpoint.port})`;
  const openRange = range ? `TCP ${range.lo}-${range.hi}` : 'TCP pasv_min_port-pasv_max_port';
  const firewall =
    `open ${openRange} inbound on the server (and forward it to the server on a NAT router), as precisely ` +
    `as the control port; ${FIREWALL_COMMAND_HINT}. A conntrack FTP helper on port ${ctx.port} can open the ` +
    'ports on demand instead, but cannot see inside FTPS';
  switch (attempt.error) {
    case 'timeout':
      return diagnose(ctx, 
        'data-timeout',
        'error',
        `the ${command} data connection to ${where} timed out after ${attempt.ms} ms: a firewall drops ${rangeText}`,
        'The control connection works but nothing answered on the passive port: a firewall silently ' +
          'drops it, on the server or on a router in front of it. vsftpd then answers the transfer with ' +
          '"425 Failed to establish connection." after accept_timeout. Without a configured range ' +
          'vsftpd picks any port from 5001 up, which no firewall can open safely.' +
          (addressKnownBad ? ' (This is the port at the control connection\'s address: the port is blocked too.)' : ''),
        ['pasv_min_port', 'pasv_max_port', 'accept_timeout'],
        ['pasv-range-missing', 'pasv-range-invalid'],
        firewall,
      );
    case 'refused':
      return diagnose(ctx, 
        'data-refused',
        'error',
        `the ${command} data connection to ${where} was refused`,
        'Nothing accepted the connection at the advertised address and port: the address is not the ' +
          'server\'s (pasv_address), a firewall rejects the passive range, or a NAT router forwards the ' +
          'control port but not the passive range.',
        ['pasv_address', 'pasv_min_port', 'pasv_max_port'],
        ['pasv-address-unreachable', 'pasv-range-missing'],
        firewall,
      );
    case 'unreachable':
      return diagnose(ctx, 
        'data-unreachable',
        'error',
        `no route to ${where} for the ${command} data connection`,
        'The advertised address is not reachable from this client at all: typically a private address ' +
          'sent to a client outside the server\'s network. Set pasv_address to the address clients use.',
        ['pasv_address'],
        ['pasv-address-unreachable', 'pasv-address-nat'],
      );
    default:
      return diagnose(ctx, 
        'data-failed',
        'error',
        `the ${command} data connection to ${where} failed: ${attempt.message ?? attempt.error}`,
        'See the message.',
        ['pasv_min_port', 'pasv_max_port'],
        [],
      );
  }
}

export function transferRefused(ctx: DiagnosisContext, mode: string, command: string, reply: Reply, collected?: Collected): Diagnosis {
  const text = printable(reply.text);
  if (/Bad IP connecting/i.test(reply.text)) {
    return diagnose(ctx, 
      'data-bad-ip',
      'error',
      `${command} after ${mode}: ${text}`,
      'The data connection reached vsftpd from another address than the control connection: a NAT ' +
        'or proxy with several outgoing addresses, or a load balancer. vsftpd refuses that unless ' +
        'pasv_promiscuous=YES, which lets anyone who guesses the port take the transfer: prefer making ' +
        'both connections leave from one address.',
      ['pasv_promiscuous'],
      ['pasv-promiscuous'],
    );
  }
  if (reply.code === 522 && /session reuse/i.test(reply.text)) {
    return diagnose(ctx, 
      'data-tls-failed',
      'error',
      `${command} after ${mode}: ${text}`,
      'vsftpd requires the data connection\'s TLS session to reuse the control connection\'s ' +
        '(require_ssl_reuse=YES, the default) and this client did not. Most clients do; the setting ' +
        'can be turned off for those that do not.',
      ['require_ssl_reuse'],
      [],
    );
  }
  if (reply.code === 522) {
    return diagnose(ctx, 
      'data-encryption-required',
      'error',
      `${command} after ${mode}: ${text}`,
      'The server requires encrypted data connections (force_local_data_ssl / force_anon_data_ssl): probe with TLS (--tls).',
      ['force_local_data_ssl', 'force_anon_data_ssl'],
      [],
    );
  }
  if (reply.code === 550) {
    return diagnose(ctx, 
      'listing-refused',
      'error',
      `${command} refused: ${text}`,
      'The data connection was fine but the listing was refused: dirlist_enable=NO, cmds_allowed/' +
        'cmds_denied, or the directory is not readable (anonymous: anon_world_readable_only and the ' +
        'permissions of anon_root).',
      ['dirlist_enable', 'cmds_allowed', 'cmds_denied', 'anon_world_readable_only'],
      ['data-commands-denied'],
    );
  }
  if (reply.code === 425) {
    return diagnose(ctx, 
      'data-failed',
      'error',
      `${command} after ${mode}: ${text}`,
      'vsftpd did not see the data connection the probe opened: the advertised address and port lead ' +
        'to another machine or program (a wrong pasv_address, or port forwarding to the wrong host).',
      ['pasv_address'],
      ['pasv-address-unreachable'],
    );
  }
  return diagnose(ctx, 
    'listing-incomplete',
    'error',
    `${command} after ${mode} did not complete: ${text}${collected?.error ? ` (${collected.error.message})` : ''}`,
    'The transfer started but did not end with 226: the data connection was cut (a firewall or NAT ' +
      'timeout, an MTU problem) or the server hit data_connection_timeout.',
    ['data_connection_timeout'],
    [],
  );
}

export function lostSession(ctx: DiagnosisContext, error: unknown): StepResult {
  const message = error instanceof Error ? error.message : String(error);
  return {
    status: 'fail',
    detail: `could not log in again after the session ended: ${message}`,
    diagnoses: [
      diagnose(ctx, 
        'connection-closed',
        'error',
        `the server ended the session and a new one could not be started: ${message}`,
        'See the previous step\'s diagnosis; vsftpd ends a session after a "500 OOPS".',
        [],
        [],
      ),
    ],
  };
}

export function activeRefused(ctx: DiagnosisContext, command: string, reply: Reply, announced: Endpoint): StepResult {
  const text = printable(reply.text);
  if (reply.code === 550) {
    return {
      status: 'fail',
      detail: text,
      diagnoses: [
        diagnose(ctx, 
          'active-refused',
          'warning',
          `${command} refused: ${text}: active mode is off (port_enable=NO)`,
          'vsftpd answers PORT and EPRT with "550 Permission denied." when port_enable=NO. That is the ' +
            'recommended setting when every client uses passive mode (rule active-mode); clients that ' +
            'insist on active mode must switch to passive (ftp -p, "passive on"), or set port_enable=YES.',
          ['port_enable'],
          ['active-mode'],
        ),
      ],
    };
  }
  if (/Illegal (PORT|EPRT)/i.test(reply.text)) {
    return {
      status: 'fail',
      detail: text,
      diagnoses: [
        diagnose(ctx, 
          'active-illegal',
          'error',
          `${command} ${formatEndpoint(announced.host, announced.port)} refused: ${text}`,
          'vsftpd accepts PORT/EPRT only for the client\'s own address (the source of the control ' +
            'connection) and a port of 1024 or more. A client behind NAT announces its private address, ' +
            'which differs from the address the server sees: use passive mode, or an FTP helper on the ' +
            'client\'s NAT router that rewrites PORT. port_promiscuous=YES would accept it but allows FTP ' +
            'bounce attacks and still cannot reach a private address.',
          ['port_promiscuous'],
          ['port-promiscuous', 'active-mode'],
          'on the client\'s NAT router: a conntrack FTP helper (nf_nat_ftp) rewrites PORT to the public address',
        ),
      ],
    };
  }
  if (/^500 OOPS/.test(reply.text)) return serverOops(ctx, reply, `at ${command}`);
  return {
    status: 'fail',
    detail: text,
    diagnoses: [
      diagnose(ctx, 'active-refused', 'error', `${command} got "${text}" instead of 200`, 'The server does not accept active mode.', ['port_enable'], ['active-mode']),
    ],
  };
}

export function activeTransferFailure(ctx: DiagnosisContext, command: string, listCommand: string, reply: Reply, announced: Endpoint): Diagnosis {
  const text = printable(reply.text);
  if (/^500 OOPS: vsf_sysutil_bind/.test(reply.text)) {
    return diagnose(ctx, 
      'active-oops',
      'error',
      `${listCommand} after ${command} killed the session: ${text}`,
      'With port_promiscuous=YES the unprivileged session process opens the data socket and cannot ' +
        'bind the privileged source port of connect_from_port_20=YES: every active transfer dies.',
      ['port_promiscuous', 'connect_from_port_20'],
      ['port-promiscuous-port-20'],
    );
  }
  if (/^500 OOPS/.test(reply.text)) return serverOops(ctx, reply, `at ${listCommand}`).diagnoses![0];
  if (reply.code === 425) {
    return diagnose(
      ctx,
      'active-unreachable',
      'error',
      `${command} was accepted, then ${listCommand}: ${text}: the server cannot connect to this client at ${formatEndpoint(announced.host, announced.port)}`,
      'In active mode the server opens the data connection to the client. "200 PORT command successful. ' +
        'Consider using PASV." followed by "425 Failed to establish connection." means that connection ' +
        'failed or timed out (connect_timeout). ' +
        ACTIVE_BLOCKED_EITHER_SIDE +
        ' Use passive mode (recommended); otherwise the client\'s firewall needs a conntrack FTP helper on ' +
        'its connection to the server\'s control port so the data connection is RELATED.',
      ['port_enable', 'connect_timeout', 'connect_from_port_20', 'ftp_data_port'],
      ['active-mode'],
      ACTIVE_FIREWALL,
    );
  }
  return diagnose(ctx, 'active-unreachable', 'error', `${listCommand} after ${command}: ${text}`, 'The active-mode transfer did not start.', ['port_enable'], ['active-mode']);
}

/** No greeting within the timeout; `implicitTls`: a TLS handshake on the same port succeeded. */
export function noBanner(ctx: DiagnosisContext, implicitTls: boolean): StepResult {
  const where = formatEndpoint(ctx.host, ctx.port);
  if (implicitTls) {
    return {
      status: 'fail',
      detail: `no banner within ${ctx.timeoutMs} ms; this port speaks implicit FTPS: use ftps://`,
      diagnoses: [
        diagnose(
          ctx,
          'implicit-ftps',
          'error',
          `this port speaks implicit FTPS: use ftps://${where}`,
          `${where} sent no greeting but completed a TLS handshake: it expects TLS from the first byte ` +
            '(vsftpd implicit_ssl=YES, usually port 990), so neither a plain probe nor explicit FTPS ' +
            '(AUTH TLS, --tls) can talk to it. Probe it as ftps://host[:port].',
          ['implicit_ssl', 'listen_port'],
          [],
        ),
      ],
    };
  }
  return {
    status: 'fail',
    detail: `no banner within ${ctx.timeoutMs} ms`,
    diagnoses: [
      diagnose(
        ctx,
        'no-banner',
        'error',
        `${where} accepted the connection but sent no greeting within ${ctx.timeoutMs} ms`,
        'An FTP server greets at once ("220 ..."). This is another kind of service that waits for the ' +
          'client to speak first, or a server that hangs before its greeting (overloaded, or stuck on a ' +
          'reverse DNS lookup), or a proxy or load balancer with no server behind it.',
        ['listen_port'],
        [],
      ),
    ],
  };
}

/** A greeting other than 220 (and other than a 500 OOPS). */
export function greetingRefused(ctx: DiagnosisContext, reply: Reply): StepResult {
  const text = printable(reply.text);
  if (reply.code === 421) {
    return {
      status: 'fail',
      detail: text,
      diagnoses: [
        diagnose(
          ctx,
          'service-refused',
          'error',
          `the server refused the session: ${text}`,
          'vsftpd sends 421 before closing when max_clients or max_per_ip is reached ("There are too ' +
            'many connected users" / "too many connections from your internet address"), or when ' +
            'tcp_wrappers or a deny file refuses the client.',
          ['max_clients', 'max_per_ip', 'tcp_wrappers'],
          [],
        ),
      ],
    };
  }
  return {
    status: 'fail',
    detail: `unexpected greeting: ${text}`,
    diagnoses: [
      diagnose(
        ctx,
        'service-refused',
        'error',
        `the greeting is not "220": ${text}`,
        'The service on this port is not ready for an FTP session (or is not an FTP server).',
        [],
        [],
      ),
    ],
  };
}

/** AUTH TLS answered with something else than 234. */
export function tlsRefused(ctx: DiagnosisContext, reply: Reply, features: readonly string[] | undefined): StepResult {
  const text = printable(reply.text);
  const offered = features?.some((f) => /^AUTH\b.*\bTLS\b/i.test(f));
  return {
    status: 'fail',
    detail: `TLS refused: ${text}${features ? ` (FEAT ${offered ? 'lists' : 'does not list'} AUTH TLS)` : ''}`,
    diagnoses: [
      diagnose(
        ctx,
        'tls-not-offered',
        'error',
        `the server does not offer explicit FTPS: AUTH TLS got "${text}"`,
        'vsftpd answers AUTH TLS only with ssl_enable=YES and a usable certificate (rsa_cert_file, ' +
          'rsa_private_key_file). The probe does not log in without TLS when TLS was asked for, so the ' +
          'password never travels in clear text.',
        ['ssl_enable', 'rsa_cert_file', 'rsa_private_key_file'],
        ['ssl-without-cert', 'cleartext-logins'],
      ),
    ],
  };
}

/** The TLS handshake on the control connection failed. */
export function tlsHandshakeFailed(ctx: DiagnosisContext, err: NetError): StepResult {
  const message = printable(err.message, 300);
  const untrusted = /CERT|SELF_SIGNED|UNABLE_TO|ALTNAME|HOSTNAME/i.test(`${err.code ?? ''} ${err.message}`);
  return {
    status: 'fail',
    detail: message,
    diagnoses: [
      untrusted
        ? diagnose(
            ctx,
            'tls-untrusted',
            'error',
            `the server's certificate is not trusted: ${message}`,
            'The certificate is self-signed, expired, issued by an unknown CA, or for another name. ' +
              'Install a certificate clients trust (rsa_cert_file), or give the probe the CA ' +
              '(or turn certificate verification off to test the rest anyway).',
            ['rsa_cert_file', 'rsa_private_key_file'],
            ['ssl-without-cert'],
          )
        : diagnose(
            ctx,
            'tls-failed',
            'error',
            `the TLS handshake failed: ${message}`,
            'No protocol version or cipher in common (ssl_tlsv1_2, ssl_tlsv1_1, ssl_tlsv1, ssl_ciphers), ' +
              'or an unreadable certificate or key on the server.',
            ['ssl_tlsv1_2', 'ssl_ciphers', 'rsa_cert_file', 'rsa_private_key_file'],
            ['ssl-without-cert'],
          ),
    ],
  };
}

/** PBSZ 0 / PROT P refused after TLS: data connections stay in clear text. */
export function protectionRefused(ctx: DiagnosisContext, prot: Reply): StepResult {
  const text = printable(prot.text);
  return {
    status: 'warn',
    detail: `PROT P refused (${text}): data connections stay in clear text`,
    diagnoses: [
      diagnose(
        ctx,
        'protection-refused',
        'warning',
        `the server refused encrypted data connections: ${text}`,
        'Listings and files travel unencrypted although the control connection is protected.',
        ['ssl_enable'],
        [],
      ),
    ],
  };
}

/** PASV over an IPv6 control connection: it cannot carry the address; EPSV is the test. */
export function pasvOverIpv6(ctx: DiagnosisContext, reply: Reply, data: DataReport): StepResult {
  return {
    status: 'warn',
    detail: `${printable(reply.text)}; PASV cannot carry the IPv6 address of this control connection: see EPSV`,
    data,
    diagnoses: [
      diagnose(
        ctx,
        'pasv-address-ipv6-client',
        'info',
        `PASV over an IPv6 control connection advertises ${data.advertised?.host}`,
        'PASV can only carry IPv4 addresses; IPv6 clients must use EPSV, which every current client does.',
        [],
        [],
      ),
    ],
  };
}

/** "40000, 40003-40005" for a list of ports. */
export function portList(ports: readonly number[]): string {
  const sorted = [...new Set(ports)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j;
  }
  return parts.join(', ');
}

/** What the sampled ports say about the range: every port tried worked, some, or none. */
export type SampleVerdict = 'all' | 'some' | 'none';

export function sampleVerdict(sample: PortSample): SampleVerdict {
  const worked = sample.ports.filter((p) => p.ok).length;
  return worked === sample.ports.length ? 'all' : worked === 0 ? 'none' : 'some';
}

/** One line: how many ports were tried, which worked and which failed. */
export function describeSample(sample: PortSample): string {
  const distinct = new Set(sample.ports.map((p) => p.port)).size;
  const size = sample.range ? sample.range.hi - sample.range.lo + 1 : undefined;
  const of = size !== undefined ? ` of the ${size} in ${sample.range!.lo}-${sample.range!.hi}` : '';
  const worked = sample.ports.filter((p) => p.ok).map((p) => p.port);
  const failed = sample.ports.filter((p) => !p.ok).map((p) => p.port);
  const head = `${sample.ports.length} ${sample.command} offer${sample.ports.length === 1 ? '' : 's'} tried (${distinct} distinct port${distinct === 1 ? '' : 's'}${of})`;
  const parts = [worked.length ? `worked: ${portList(worked)}` : 'none worked'];
  if (failed.length) parts.push(`failed: ${portList(failed)}`);
  return `${head}: ${parts.join('; ')}`;
}

/** The passive range only partly open: some sampled ports worked, others failed. */
function partlyBlocked(ctx: DiagnosisContext, sample: PortSample): Diagnosis {
  const failed = sample.ports.filter((p) => !p.ok);
  const kinds = [...new Set(failed.map((p) => p.error ?? 'failed'))].join('/');
  const range = sample.range ? `${sample.range.lo}-${sample.range.hi}` : 'pasv_min_port-pasv_max_port';
  return diagnose(
    ctx,
    'passive-range-partly-blocked',
    'error',
    `only part of the passive range answers: ${describeSample(sample)} (${kinds})`,
    'vsftpd picks every passive port at random from its whole range, so a firewall that opens only ' +
      'part of it makes transfers fail at random ("425 Failed to establish connection." after ' +
      'accept_timeout, or a client timeout) while others work. The firewall opens fewer ports than ' +
      `the range vsftpd uses${sample.range?.source ? ` (${sample.range.source})` : ''}: open all of ${range}, or narrow ` +
      'pasv_min_port/pasv_max_port to the ports that are open.',
    ['pasv_min_port', 'pasv_max_port'],
    ['pasv-range-invalid'],
    `open TCP ${range} inbound on the server, the whole range (and forward all of it on a NAT router); ${FIREWALL_COMMAND_HINT}`,
  );
}

/**
 * The passive step's verdict from what it observed: the advertised address, the data
 * connection (and the fallback to the control host), the listing, and the sampled ports.
 */
export function passiveVerdict(ctx: DiagnosisContext, o: PassiveObservation): StepResult {
  const { command, reply, advertised, control } = o;
  const matches = advertised.host === control;
  const diagnoses: Diagnosis[] = [];
  const range = ctx.range;
  if (range && (advertised.port < range.lo || advertised.port > range.hi)) diagnoses.push(outsideRange(ctx, command, advertised.port, range));
  const connected = o.first.ok || o.fallback?.ok === true;
  const data: DataReport = {
    command,
    reply: printable(reply.text),
    advertised,
    controlAddress: control,
    addressMatches: matches,
    connect: o.first,
    ...(o.fallback ? { fallback: o.fallback } : {}),
    ...(o.listing ? { listing: o.listing.report } : {}),
    ...(o.sample ? { sample: o.sample } : {}),
  };

  let addressProblem = false;
  let addressFine = false;
  if (command === 'PASV' && !matches) {
    const address = pasvAddressVerdict(ctx, o);
    diagnoses.push(address.diagnosis);
    addressProblem = address.problem;
    addressFine = !address.problem && !o.first.ok;
  }

  const verdict = o.sample ? sampleVerdict(o.sample) : undefined;
  if (verdict === 'some') diagnoses.push(partlyBlocked(ctx, o.sample!));
  else if (!connected) diagnoses.push(dataConnectFailure(ctx, command, (o.fallback ?? o.first), addressProblem));
  if (o.listing) diagnoses.push(...o.listing.diagnoses);

  const ok = connected && o.listing?.report.ok === true && !addressProblem && (o.first.ok || addressFine) && verdict !== 'some' && verdict !== 'none';
  const warn = diagnoses.some((d) => d.severity === 'warning');
  return {
    status: ok ? (warn ? 'warn' : 'pass') : 'fail',
    detail: passiveDetail(o, data),
    data,
    diagnoses,
  };
}

function passiveDetail(o: PassiveObservation, data: DataReport): string[] {
  const parts = [printable(o.reply.text)];
  const c = o.first;
  const to = formatEndpoint(c.endpoint.host, c.endpoint.port);
  const differs = o.command === 'PASV' && data.addressMatches === false ? ` (not the control connection's ${o.control})` : '';
  parts.push(c.ok ? `data connection to ${to}${differs}: connected in ${c.ms} ms` : `data connection to ${to}${differs}: ${c.error} after ${c.ms} ms`);
  if (o.fallback) {
    const f = o.fallback;
    parts.push(`same port at ${formatEndpoint(f.endpoint.host, f.endpoint.port)}: ${f.ok ? `connected in ${f.ms} ms` : `${f.error} after ${f.ms} ms`}`);
  }
  if (o.listing) parts.push(o.listing.summary);
  if (o.sample && o.sample.ports.length > 1) parts.push(`passive range: ${describeSample(o.sample)}`);
  return parts;
}

function outsideRange(ctx: DiagnosisContext, command: string, port: number, range: ExpectedPassiveRange): Diagnosis {
  return diagnose(
    ctx,
    'passive-port-outside-range',
    'warning',
    `${command} offered port ${port}, outside the expected passive range ${range.lo}-${range.hi}`,
    `The running server does not use the configuration given to the probe${range.source ? ` (${range.source})` : ''}: ` +
      'it was started with another file, was not restarted after the change, or the range is read ' +
      'differently than intended (an inverted range makes vsftpd ignore pasv_max_port).',
    ['pasv_min_port', 'pasv_max_port'],
    ['pasv-range-invalid'],
  );
}

/**
 * A 227 address other than the one the control connection reached. Two vantage points give the
 * same observation (the advertised address fails, the control host's works): a client outside a
 * NAT router that forwards to a server advertising its internal address (pasv_address is wrong),
 * and a probe on the server or inside its network while pasv_address is the public address the
 * clients outside use (pasv_address is right; the router does not loop back). Changing
 * pasv_address is advised only when the evidence points to the first.
 */
function pasvAddressVerdict(ctx: DiagnosisContext, o: PassiveObservation): { diagnosis: Diagnosis; problem: boolean } {
  const { advertised, control, reply } = o;
  const aClass = classifyAddress(advertised.host);
  const cClass = classifyAddress(control);
  if (advertised.host === '0.0.0.0') {
    return {
      problem: true,
      diagnosis: diagnose(
        ctx,
        'pasv-address-zero',
        'error',
        `the 227 reply advertises 0.0.0.0 (${printable(reply.text)})`,
        'vsftpd writes 0,0,0,0 when it has an IPv6 control connection and cannot put an IPv4 address ' +
          'in the reply: pasv_address set while it runs an IPv6 listener (listen_ipv6=YES, Debian\'s ' +
          'shipped setting). Switch to listen=YES and listen_ipv6=NO, keeping pasv_address. EPSV ' +
          'clients are not affected.',
        ['pasv_address', 'listen', 'listen_ipv6'],
        ['pasv-address-ipv6'],
      ),
    };
  }
  const where = formatEndpoint(advertised.host, advertised.port);
  if (!o.first.ok) {
    const works = o.fallback?.ok === true;
    const observed =
      `the 227 reply advertises ${advertised.host}, but the control connection reached the server at ${control}; ` +
      `connecting to ${where} failed (${o.first.error})` +
      (works ? `, while the same port at ${control} ${o.listing?.report.ok ? 'works' : 'accepts the connection'}` : '');
    // On the server itself (it connected to its own address), or told by the config that
    // pasv_address is this address on purpose: this probe stands where the clients do not.
    const onServer = (o.local === control || cClass === 'loopback') && aClass !== 'loopback';
    const inside = onServer || ctx.pasvAddress === advertised.host;
    if (inside && works) {
      return {
        problem: false,
        diagnosis: diagnose(
          ctx,
          'pasv-address-other-side',
          'warning',
          `${observed}; this probe runs ${onServer ? 'on the server itself' : 'inside the server\'s network'}, not where its clients are`,
          `${advertised.host} is ${ADDRESS_CLASS_WORDS[aClass]}${ctx.pasvAddress === advertised.host ? ', and the server\'s vsftpd.conf sets pasv_address to it' : ''}: ` +
            `the address clients outside reach the server at through NAT. From here (connected to ${control}) it does not ` +
            'answer because the router does not loop connections back (no hairpin NAT); that does not show it is ' +
            `wrong for the clients it serves. Do NOT set pasv_address to ${control}: that breaks every client outside. ` +
            `To see what they see, probe ftp://${advertised.host} from outside. Clients inside work with EPSV (every current ` +
            'client tries it first) or with hairpin NAT on the router.',
          ['pasv_address'],
          [],
        ),
      };
    }
    return {
      problem: true,
      diagnosis: diagnose(
        ctx,
        'pasv-address-mismatch',
        'error',
        observed,
        `${advertised.host} is ${ADDRESS_CLASS_WORDS[aClass]}; vsftpd advertises pasv_address when it is set, ` +
          'and otherwise the address the client connected to as the server sees it, which behind a NAT ' +
          'router or port forwarding is the server\'s internal address. Set pasv_address to the address clients connect to' +
          `${cClass === 'public' || cClass === 'private' ? ` (here ${control})` : ''}, or remove a wrong pasv_address, ` +
          'if this probe runs where the clients are (they connect through NAT or port forwarding); ' +
          'with listen_ipv6=YES switch to listen=YES/listen_ipv6=NO. If instead this probe runs inside the ' +
          `server's network and clients outside connect to ${advertised.host} (pasv_address set to the public address ` +
          'on purpose), that setting is right for them: probe from outside before changing it. ' +
          'curl (>= 7.74), Python\'s ftplib and every client that uses EPSV first ignore the 227 address, ' +
          'which is why some clients work and others fail with a timeout or "425 Failed to establish connection.".',
        ['pasv_address', 'pasv_addr_resolve'],
        ['pasv-address-unreachable', 'pasv-address-nat'],
        'a NAT router with an FTP helper (conntrack "ftp") rewrites the 227 address itself, but not for FTPS; pasv_address is the fix that always works',
      ),
    };
  }
  const risky = (aClass === 'private' || aClass === 'loopback' || aClass === 'link-local') && cClass !== aClass;
  return {
    problem: false,
    diagnosis: diagnose(
      ctx,
      'pasv-address-differs',
      risky ? 'warning' : 'info',
      `the 227 reply advertises ${advertised.host}, not ${control} (the address the control connection reached); it is reachable from here`,
      risky
        ? `${advertised.host} is ${ADDRESS_CLASS_WORDS[aClass]}: it works from this machine, but clients that ` +
            `reach the server at ${control} from elsewhere (through NAT) cannot connect to it. Set pasv_address ` +
            'to the public address if the server is behind NAT.'
        : 'pasv_address is set to another address of this server (or a NAT router rewrote the reply). Fine as long as every client can reach it.',
      ['pasv_address'],
      risky ? ['pasv-address-nat'] : [],
    ),
  };
}

/** What keeps the server's active-mode connection from reaching the client, on either side. */
const ACTIVE_BLOCKED_EITHER_SIDE =
  'A firewall on the client side or a NAT router in front of the client drops the server\'s connection; ' +
  'or the server\'s own firewall drops its outgoing connections: an output chain with policy drop and ' +
  'no rule for connections from ftp_data_port (20, with connect_from_port_20=YES) or, with ' +
  'connect_from_port_20=NO, from an ephemeral port to the client (`vsftpd-lint firewall` prints the ' +
  'server\'s rules for both).';

/** The firewall advice for active mode, on both sides. */
const ACTIVE_FIREWALL =
  'on the client: a conntrack FTP helper for the control connection (nft: ct helper "ftp"; iptables: -t raw -j CT --helper ftp), ' +
  'or allow inbound TCP from the server; on the server: allow outgoing connections from ftp_data_port (20) ' +
  '(or, with connect_from_port_20=NO, related to the control connection) in its output chain';

/** After PORT/EPRT, the listing got no reply within the timeout: the server is still connecting. */
export function activeNoReply(ctx: DiagnosisContext, command: string, listCommand: string, announced: Endpoint): StepResult {
  const where = formatEndpoint(announced.host, announced.port);
  return {
    status: 'fail',
    detail: `${listCommand}: no reply within ${ctx.timeoutMs} ms; the server has not connected to ${where}`,
    diagnoses: [
      diagnose(
        ctx,
        'active-no-reply',
        'error',
        `after ${command}, ${listCommand} got no reply within ${ctx.timeoutMs} ms and the server never connected to ${where}`,
        'vsftpd is still trying to open the data connection to this client (it gives up after ' +
          'connect_timeout, 60 s by default, with "425 Failed to establish connection."). ' +
          ACTIVE_BLOCKED_EITHER_SIDE +
          ' Use passive mode; for active clients behind a stateful firewall, a conntrack FTP helper on the client\'s ' +
          'firewall lets the connection in.',
        ['port_enable', 'connect_timeout', 'connect_from_port_20', 'ftp_data_port'],
        ['active-mode'],
        ACTIVE_FIREWALL,
      ),
    ],
  };
}

/**
 * Diagnosis table, session rows: connecting, the greeting, TLS, login (observations in, step
 * results out; pure).
 */
import type { NetError } from '../connection';
import { formatEndpoint } from '../connection';
import type { Diagnosis } from '../diagnosis';
import { printable, Reply } from '../reply';
import type { StepResult } from '../types';
import { diagnose, DiagnosisContext } from './context';

export function controlConnectFailure(ctx: DiagnosisContext, error: NetError, where: string): StepResult {
  const fw = `allow TCP ${ctx.port} inbound on the server's firewall (and forward it on a NAT router)`;
  switch (error.kind) {
    case 'refused':
      return {
        status: 'fail',
        detail: `${where}: connection refused`,
        diagnoses: [
          diagnose(
            ctx,
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
          diagnose(
            ctx,
            'control-timeout',
            'error',
            `no answer from ${where} within ${ctx.timeoutMs} ms`,
            'The connection attempt got no answer at all: a firewall drops the packets (on the server, on ' +
              "a router, or on this client's outgoing side), or the host is down or not at this address.",
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
          diagnose(
            ctx,
            'control-unreachable',
            'error',
            `no route to ${where}`,
            "This machine has no route to the server's address: a wrong address, or a network problem on the client side.",
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
          diagnose(
            ctx,
            'host-unknown',
            'error',
            `the host name ${ctx.host} does not resolve`,
            'Check the name, or use the address.',
            [],
            [],
          ),
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
      diagnose(
        ctx,
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
        diagnose(
          ctx,
          'closed-mid-reply',
          'error',
          `the server closed the connection ${when} in the middle of a reply ("${printable(error.partial)}")`,
          'A reply line was cut off: the server process crashed or was killed, or something between ' +
            'client and server (a proxy, an FTP-aware firewall or NAT helper) broke the connection. ' +
            "Check the server's log and its kernel log for a crashed vsftpd session.",
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
        diagnose(
          ctx,
          'connection-closed',
          'error',
          `the server ${error.kind === 'reset' ? 'reset' : 'closed'} the control connection ${when} without a reply`,
          'vsftpd closes without a word when its session process cannot start (a broken ' +
            'secure_chroot_dir, seccomp problems, resource limits) or when tcp_wrappers refuses the ' +
            "client; a firewall or an idle timeout in between can do the same. Check the server's log.",
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
        diagnose(
          ctx,
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
      diagnose(
        ctx,
        'server-oops',
        'error',
        `vsftpd ended the session ${when}: ${text}`,
        chroot
          ? 'vsftpd refuses to chroot a user into a directory the user can write to (chroot_local_user / ' +
              'chroot_list_enable); make the root non-writable or set allow_writeable_chroot=YES.'
          : '"500 OOPS" is vsftpd dying on a configuration or system problem; the text names it. ' +
              "`vsftpd-lint` on the server's vsftpd.conf reports most of them.",
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
    d = diagnose(
      ctx,
      'login-needs-tls',
      'error',
      `login refused without TLS: ${text}`,
      'The server requires explicit FTPS for this login (force_local_logins_ssl / force_anon_logins_ssl): probe with TLS (--tls).',
      ['force_local_logins_ssl', 'force_anon_logins_ssl'],
      [],
    );
  } else if (/may not use encryption/i.test(reply.text)) {
    d = diagnose(
      ctx,
      'login-failed',
      'error',
      `login refused over TLS: ${text}`,
      'vsftpd refuses anonymous logins over TLS unless allow_anon_ssl=YES.',
      ['allow_anon_ssl'],
      [],
    );
  } else {
    d = diagnose(
      ctx,
      'login-failed',
      'error',
      `login as ${ctx.user} failed: ${text}`,
      anonymous
        ? 'Anonymous login is refused: anonymous_enable=NO (the compiled default), or the user list ' +
            '(userlist_enable with userlist_deny) or ftpusers refuses "anonymous"/"ftp".'
        : 'Wrong user or password, or the account is refused: local_enable=NO, the user list ' +
            '(userlist_enable, userlist_deny, userlist_file), /etc/ftpusers, or a shell not in /etc/shells (pam_shells).',
      anonymous
        ? ['anonymous_enable', 'userlist_enable', 'userlist_deny']
        : ['local_enable', 'userlist_enable', 'userlist_deny', 'userlist_file', 'pam_service_name'],
      ['no-login-possible', 'userlist-denies-all'],
    );
  }
  return { status: 'fail', detail: text, diagnoses: [d] };
}

export function lostSession(ctx: DiagnosisContext, error: unknown): StepResult {
  const message = error instanceof Error ? error.message : String(error);
  return {
    status: 'fail',
    detail: `could not log in again after the session ended: ${message}`,
    diagnoses: [
      diagnose(
        ctx,
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

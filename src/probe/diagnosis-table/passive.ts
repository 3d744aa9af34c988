/**
 * Diagnosis table, passive rows: PASV/EPSV replies, the advertised address seen from either side
 * of a NAT, the data connection, the sampled passive range, the transfer (pure).
 */
import type { Collected } from '../connection';
import { formatEndpoint } from '../connection';
import { Diagnosis, FIREWALL_COMMAND_HINT } from '../diagnosis';
import { ADDRESS_CLASS_WORDS, classifyAddress, printable, Reply } from '../reply';
import type { AttemptReport, DataReport, ExpectedPassiveRange, PassiveObservation, PortSample, StepResult } from '../types';
import { diagnose, DiagnosisContext } from './context';
import { serverOops } from './session';

export function passiveRefused(ctx: DiagnosisContext, command: 'PASV' | 'EPSV', reply: Reply): StepResult {
  const text = printable(reply.text);
  if (/^500 OOPS: invalid pasv_address/.test(reply.text)) {
    return {
      status: 'fail',
      detail: text,
      diagnoses: [
        diagnose(
          ctx,
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
        diagnose(
          ctx,
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
        diagnose(
          ctx,
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
        diagnose(
          ctx,
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
      diagnose(
        ctx,
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
      diagnose(
        ctx,
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

function dataConnectFailure(ctx: DiagnosisContext, command: string, attempt: AttemptReport, addressKnownBad: boolean): Diagnosis {
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
      return diagnose(
        ctx,
        'data-timeout',
        'error',
        `the ${command} data connection to ${where} timed out after ${attempt.ms} ms: a firewall drops ${rangeText}`,
        'The control connection works but nothing answered on the passive port: a firewall silently ' +
          'drops it, on the server or on a router in front of it. vsftpd then answers the transfer with ' +
          '"425 Failed to establish connection." after accept_timeout. Without a configured range ' +
          'vsftpd picks any port from 5001 up, which no firewall can open safely.' +
          (addressKnownBad ? " (This is the port at the control connection's address: the port is blocked too.)" : ''),
        ['pasv_min_port', 'pasv_max_port', 'accept_timeout'],
        ['pasv-range-missing', 'pasv-range-invalid'],
        firewall,
      );
    case 'refused':
      return diagnose(
        ctx,
        'data-refused',
        'error',
        `the ${command} data connection to ${where} was refused`,
        'Nothing accepted the connection at the advertised address and port: the address is not the ' +
          "server's (pasv_address), a firewall rejects the passive range, or a NAT router forwards the " +
          'control port but not the passive range.',
        ['pasv_address', 'pasv_min_port', 'pasv_max_port'],
        ['pasv-address-unreachable', 'pasv-range-missing'],
        firewall,
      );
    case 'unreachable':
      return diagnose(
        ctx,
        'data-unreachable',
        'error',
        `no route to ${where} for the ${command} data connection`,
        'The advertised address is not reachable from this client at all: typically a private address ' +
          "sent to a client outside the server's network. Set pasv_address to the address clients use.",
        ['pasv_address'],
        ['pasv-address-unreachable', 'pasv-address-nat'],
      );
    default:
      return diagnose(
        ctx,
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
    return diagnose(
      ctx,
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
    return diagnose(
      ctx,
      'data-tls-failed',
      'error',
      `${command} after ${mode}: ${text}`,
      "vsftpd requires the data connection's TLS session to reuse the control connection's " +
        '(require_ssl_reuse=YES, the default) and this client did not. Most clients do; the setting ' +
        'can be turned off for those that do not.',
      ['require_ssl_reuse'],
      [],
    );
  }
  if (reply.code === 522) {
    return diagnose(
      ctx,
      'data-encryption-required',
      'error',
      `${command} after ${mode}: ${text}`,
      'The server requires encrypted data connections (force_local_data_ssl / force_anon_data_ssl): probe with TLS (--tls).',
      ['force_local_data_ssl', 'force_anon_data_ssl'],
      [],
    );
  }
  if (reply.code === 550) {
    return diagnose(
      ctx,
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
    return diagnose(
      ctx,
      'data-failed',
      'error',
      `${command} after ${mode}: ${text}`,
      'vsftpd did not see the data connection the probe opened: the advertised address and port lead ' +
        'to another machine or program (a wrong pasv_address, or port forwarding to the wrong host).',
      ['pasv_address'],
      ['pasv-address-unreachable'],
    );
  }
  return diagnose(
    ctx,
    'listing-incomplete',
    'error',
    `${command} after ${mode} did not complete: ${text}${collected?.error ? ` (${collected.error.message})` : ''}`,
    'The transfer started but did not end with 226: the data connection was cut (a firewall or NAT ' +
      'timeout, an MTU problem) or the server hit data_connection_timeout.',
    ['data_connection_timeout'],
    [],
  );
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
  if (range && (advertised.port < range.lo || advertised.port > range.hi))
    diagnoses.push(outsideRange(ctx, command, advertised.port, range));
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
  else if (!connected) diagnoses.push(dataConnectFailure(ctx, command, o.fallback ?? o.first, addressProblem));
  if (o.listing) diagnoses.push(...o.listing.diagnoses);

  const ok =
    connected &&
    o.listing?.report.ok === true &&
    !addressProblem &&
    (o.first.ok || addressFine) &&
    verdict !== 'some' &&
    verdict !== 'none';
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
  parts.push(
    c.ok
      ? `data connection to ${to}${differs}: connected in ${c.ms} ms`
      : `data connection to ${to}${differs}: ${c.error} after ${c.ms} ms`,
  );
  if (o.fallback) {
    const f = o.fallback;
    parts.push(
      `same port at ${formatEndpoint(f.endpoint.host, f.endpoint.port)}: ${f.ok ? `connected in ${f.ms} ms` : `${f.error} after ${f.ms} ms`}`,
    );
  }
  if (o.listing) parts.push(o.listing.summary);
  // The sample is shown under the step that took it (the other passive step's diagnosis uses it too).
  if (o.sample && o.sample.command === o.command && o.sample.ports.length > 1) parts.push(`passive range: ${describeSample(o.sample)}`);
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
          "in the reply: pasv_address set while it runs an IPv6 listener (listen_ipv6=YES, Debian's " +
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
          `${observed}; this probe runs ${onServer ? 'on the server itself' : "inside the server's network"}, not where its clients are`,
          `${advertised.host} is ${ADDRESS_CLASS_WORDS[aClass]}${ctx.pasvAddress === advertised.host ? ", and the server's vsftpd.conf sets pasv_address to it" : ''}: ` +
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
          "router or port forwarding is the server's internal address. Set pasv_address to the address clients connect to" +
          `${cClass === 'public' || cClass === 'private' || cClass === 'loopback' ? ` (here ${control})` : ''}, or remove a wrong pasv_address, ` +
          'if this probe runs where the clients are (they connect through NAT or port forwarding); ' +
          'with listen_ipv6=YES switch to listen=YES/listen_ipv6=NO. If instead this probe runs inside the ' +
          `server's network and clients outside connect to ${advertised.host} (pasv_address set to the public address ` +
          'on purpose), that setting is right for them: probe from outside before changing it. ' +
          "curl (>= 7.74), Python's ftplib and every client that uses EPSV first ignore the 227 address, " +
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

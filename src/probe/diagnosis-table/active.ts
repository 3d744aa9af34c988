/**
 * Diagnosis table, active rows: PORT/EPRT refused, and the server's connection to the client
 * failing on either side's firewall (pure).
 */
import { formatEndpoint } from '../connection';
import type { Diagnosis } from '../diagnosis';
import { Endpoint, printable, Reply } from '../reply';
import type { StepResult } from '../types';
import { diagnose, DiagnosisContext } from './context';
import { serverOops } from './session';

export function activeRefused(ctx: DiagnosisContext, command: string, reply: Reply, announced: Endpoint): StepResult {
  const text = printable(reply.text);
  if (reply.code === 550) {
    return {
      status: 'fail',
      detail: text,
      diagnoses: [
        diagnose(
          ctx,
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
        diagnose(
          ctx,
          'active-illegal',
          'error',
          `${command} ${formatEndpoint(announced.host, announced.port)} refused: ${text}`,
          "vsftpd accepts PORT/EPRT only for the client's own address (the source of the control " +
            'connection) and a port of 1024 or more. A client behind NAT announces its private address, ' +
            'which differs from the address the server sees: use passive mode, or an FTP helper on the ' +
            "client's NAT router that rewrites PORT. port_promiscuous=YES would accept it but allows FTP " +
            'bounce attacks and still cannot reach a private address.',
          ['port_promiscuous'],
          ['port-promiscuous', 'active-mode'],
          "on the client's NAT router: a conntrack FTP helper (nf_nat_ftp) rewrites PORT to the public address",
        ),
      ],
    };
  }
  if (/^500 OOPS/.test(reply.text)) return serverOops(ctx, reply, `at ${command}`);
  return {
    status: 'fail',
    detail: text,
    diagnoses: [
      diagnose(
        ctx,
        'active-refused',
        'error',
        `${command} got "${text}" instead of 200`,
        'The server does not accept active mode.',
        ['port_enable'],
        ['active-mode'],
      ),
    ],
  };
}

export function activeTransferFailure(
  ctx: DiagnosisContext,
  command: string,
  listCommand: string,
  reply: Reply,
  announced: Endpoint,
): Diagnosis {
  const text = printable(reply.text);
  if (/^500 OOPS: vsf_sysutil_bind/.test(reply.text)) {
    return diagnose(
      ctx,
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
        " Use passive mode (recommended); otherwise the client's firewall needs a conntrack FTP helper on " +
        "its connection to the server's control port so the data connection is RELATED.",
      ['port_enable', 'connect_timeout', 'connect_from_port_20', 'ftp_data_port'],
      ['active-mode'],
      ACTIVE_FIREWALL,
    );
  }
  return diagnose(
    ctx,
    'active-unreachable',
    'error',
    `${listCommand} after ${command}: ${text}`,
    'The active-mode transfer did not start.',
    ['port_enable'],
    ['active-mode'],
  );
}

/** What keeps the server's active-mode connection from reaching the client, on either side. */
const ACTIVE_BLOCKED_EITHER_SIDE =
  "A firewall on the client side or a NAT router in front of the client drops the server's connection; " +
  "or the server's own firewall drops its outgoing connections: an output chain with policy drop and " +
  'no rule for connections from ftp_data_port (20, with connect_from_port_20=YES) or, with ' +
  'connect_from_port_20=NO, from an ephemeral port to the client (`vsftpd-lint firewall` prints the ' +
  "server's rules for both).";

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
          " Use passive mode; for active clients behind a stateful firewall, a conntrack FTP helper on the client's " +
          'firewall lets the connection in.',
        ['port_enable', 'connect_timeout', 'connect_from_port_20', 'ftp_data_port'],
        ['active-mode'],
        ACTIVE_FIREWALL,
      ),
    ],
  };
}

/**
 * `parseProbeTarget("ftp://[user@]host[:port]")` for the CLI, and `expectedPassiveRange(config)`:
 * the passive range a vsftpd.conf makes the server use, for the probe's diagnosis.
 */
import * as net from 'net';
import type { EffectiveConfig } from '../engine/effective-config';
import { passiveRangeSettings } from '../engine/passive-range';
import type { ExpectedPassiveRange } from './types';

export interface ProbeTarget {
  readonly host: string;
  readonly port: number;
  /** Undefined when the URL names no user (the probe then logs in anonymously). */
  readonly user?: string;
}

export class ProbeTargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProbeTargetError';
  }
}

/**
 * Reads "ftp://[user@]host[:port][/]", "host[:port]" or "[v6addr]:port". A password in the URL
 * is refused (it would sit in the shell history and the process list); so are other schemes
 * (implicit FTPS "ftps://" is not supported: use explicit FTPS with the tls option).
 */
export function parseProbeTarget(text: string): ProbeTarget {
  const input = text.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(input) ? input : `ftp://${input}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new ProbeTargetError(`not a URL: "${text}" (expected ftp://[user@]host[:port])`);
  }
  if (url.protocol !== 'ftp:') {
    throw new ProbeTargetError(`unsupported scheme "${url.protocol.replace(/:$/, '')}": use ftp://host (and --tls for explicit FTPS)`);
  }
  if (url.password) {
    throw new ProbeTargetError('a password in the URL is refused: pass it in an environment variable (--password-env VAR) or at the prompt');
  }
  if ((url.pathname && url.pathname !== '/') || url.search || url.hash) {
    throw new ProbeTargetError(`only ftp://[user@]host[:port] is accepted, not a path: "${text}"`);
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!host) throw new ProbeTargetError(`no host in "${text}"`);
  if (host.includes(':') && !net.isIPv6(host)) throw new ProbeTargetError(`bad host "${host}"`);
  const port = url.port ? Number(url.port) : 21;
  const user = url.username ? decodeURIComponent(url.username) : undefined;
  return user === undefined ? { host, port } : { host, port, user };
}

/**
 * The passive range `config` makes vsftpd use, for `ProbeOptions.expectedPassiveRange`; undefined
 * when passive mode is off or no range is configured (both options at their compiled defaults).
 */
export function expectedPassiveRange(config: EffectiveConfig): ExpectedPassiveRange | undefined {
  const settings = passiveRangeSettings(config);
  if (!settings || (!settings.min.source && !settings.max.source)) return undefined;
  if (config.isOff('pasv_enable')) return undefined;
  return {
    lo: settings.range.lo,
    hi: settings.range.hi,
    source: config.describePair(settings.min, settings.max),
  };
}

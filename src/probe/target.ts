/**
 * `parseProbeTarget("ftp://[user@]host[:port]")` for the CLI, and `expectedPassiveRange(config)`:
 * the passive range a vsftpd.conf makes the server use, for the probe's diagnosis.
 */
import * as net from 'net';
import type { EffectiveConfig } from '../engine/effective-config';
import { passiveRangeSettings } from '../engine/passive-range';
import { escapeText } from '../engine/text';
import type { ExpectedPassiveRange } from './types';

export interface ProbeTarget {
  readonly host: string;
  readonly port: number;
  /** ftps://: implicit FTPS, TLS from the first byte (default port 990). */
  readonly implicitTls?: boolean;
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
 * Reads "ftp://[user@]host[:port][/]", "ftps://..." (implicit FTPS, port 990 by default),
 * "host[:port]" or "[v6addr]:port". A password in the URL is refused (it would sit in the shell
 * history and the process list), and no message repeats it; so is a user name with a line break
 * or NUL (it would inject FTP commands), and any other scheme.
 */
export function parseProbeTarget(text: string): ProbeTarget {
  const input = text.trim();
  const shown = redactUrl(input);
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(input) ? input : `ftp://${input}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new ProbeTargetError(`not a URL: "${shown}" (expected ftp://[user@]host[:port] or ftps://[user@]host[:port])`);
  }
  if (url.password) {
    throw new ProbeTargetError(
      'a password in the URL is refused: pass it in an environment variable (--password-env VAR) or at the prompt',
    );
  }
  if (url.protocol !== 'ftp:' && url.protocol !== 'ftps:') {
    throw new ProbeTargetError(
      `unsupported scheme "${escapeText(url.protocol.replace(/:$/, ''))}": use ftp://host (with --tls for explicit FTPS) or ftps://host (implicit FTPS)`,
    );
  }
  if ((url.pathname && url.pathname !== '/') || url.search || url.hash) {
    throw new ProbeTargetError(`only ftp://[user@]host[:port] is accepted, not a path: "${shown}"`);
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!host) throw new ProbeTargetError(`no host in "${shown}"`);
  if (host.includes(':') && !net.isIPv6(host)) throw new ProbeTargetError(`bad host "${escapeText(host)}"`);
  const implicitTls = url.protocol === 'ftps:';
  const port = url.port ? Number(url.port) : implicitTls ? 990 : 21;
  let user: string | undefined;
  try {
    user = url.username ? decodeURIComponent(url.username) : undefined;
  } catch {
    throw new ProbeTargetError(`bad percent-encoding in the user name of "${shown}"`);
  }
  if (user !== undefined && /[\r\n\0]/.test(user)) {
    throw new ProbeTargetError('the user name in the URL contains a line break (CR/LF) or NUL, which would inject FTP commands: refused');
  }
  return { host, port, ...(user !== undefined ? { user } : {}), ...(implicitTls ? { implicitTls } : {}) };
}

/**
 * `text` fit to repeat in a message: the password of a "scheme://user:password@host" replaced by
 * "****", and control characters escaped.
 */
function redactUrl(text: string): string {
  return escapeText(text.replace(/^((?:[a-z][a-z0-9+.-]*:\/\/)?[^/@:]*:)[^@]*@/i, '$1****@'));
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

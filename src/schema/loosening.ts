/**
 * Which direction of an option's value grants more: the contract every fix keeps is that it never
 * moves an option that way (issue 11, "Fix safety" in the README). Rules ask `loosens` before they
 * offer a fix that sets a value.
 */
import type { OptionSpec, OptionValue } from './options';
import { formatValue } from './values';

/** Booleans whose YES grants more: access, writing, promiscuous data connections, old protocols. */
export const LOOSER_WHEN_YES: Readonly<Record<string, string>> = {
  anonymous_enable: 'anonymous logins',
  local_enable: 'local logins',
  write_enable: 'write access',
  anon_upload_enable: 'anonymous uploads',
  anon_mkdir_write_enable: 'anonymous directory creation',
  anon_other_write_enable: 'anonymous deletes and renames',
  chmod_enable: 'SITE CHMOD',
  no_anon_password: 'anonymous logins without a password',
  allow_writeable_chroot: 'writable chroots',
  allow_anon_ssl: 'anonymous TLS sessions',
  pasv_promiscuous: 'passive connections from any address',
  port_promiscuous: 'active connections to any address',
  ssl_sslv2: 'SSLv2',
  ssl_sslv3: 'SSLv3',
  ssl_tlsv1: 'TLS 1.0',
  ssl_tlsv1_1: 'TLS 1.1',
};

/** Booleans whose NO grants more: chroot, TLS, required TLS, hidden ids, logging, read-only anonymous. */
export const LOOSER_WHEN_NO: Readonly<Record<string, string>> = {
  chroot_local_user: 'chroot for local users',
  ssl_enable: 'TLS',
  force_local_logins_ssl: 'TLS for local logins',
  force_local_data_ssl: 'TLS for local data',
  force_anon_logins_ssl: 'TLS for anonymous logins',
  force_anon_data_ssl: 'TLS for anonymous data',
  require_ssl_reuse: 'TLS session reuse on data connections',
  hide_ids: 'hidden owner names',
  xferlog_enable: 'the transfer log',
  log_ftp_protocol: 'the protocol log',
  anon_world_readable_only: 'world-readable-only anonymous downloads',
  tcp_wrappers: 'hosts.allow/hosts.deny filtering',
  userlist_enable: 'the user list',
};

/** Modes (file_open_mode, chown_upload_mode) grant bits; umasks take them away. */
function isUmask(option: OptionSpec): boolean {
  return option.name.endsWith('_umask');
}

/**
 * What setting `option` from `before` to `after` would grant that `before` does not, e.g.
 * "turns on write access" or "leaves bits 004 unmasked", or undefined when it grants nothing more.
 * `before` null (unset) counts as nothing granted for booleans.
 */
export function loosening(option: OptionSpec, before: OptionValue, after: OptionValue): string | undefined {
  if (option.type === 'bool') {
    if (before === after) return undefined;
    const onWhenYes = LOOSER_WHEN_YES[option.name];
    if (onWhenYes !== undefined && after === true) return `turns on ${onWhenYes}`;
    const offWhenNo = LOOSER_WHEN_NO[option.name];
    if (offWhenNo !== undefined && after === false) return `turns off ${offWhenNo}`;
    return undefined;
  }
  if (option.unit === 'mode' && typeof before === 'number' && typeof after === 'number') {
    const granted = isUmask(option) ? before & ~after : after & ~before;
    if (granted === 0) return undefined;
    const bits = formatValue(option, granted);
    return isUmask(option) ? `leaves bits ${bits} unmasked` : `adds permission bits ${bits}`;
  }
  return undefined;
}

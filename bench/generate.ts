/**
 * Deterministic vsftpd.conf texts for the in-process benchmarks.
 *
 * - `realisticConfig(bytes)`: what a long hand-maintained file looks like: prose comments,
 *   settings of the Debian build's options with plausible values, commented-out settings, blank
 *   lines and options set more than once. Every line is one vsftpd accepts, so the file "parses"
 *   and every rule (not only the syntax ones) runs on it.
 * - The pathological inputs of issue 7: one very long line, thousands of duplicates of one
 *   option, thousands of distinct misspelt option names (each needs a "did you mean" search).
 */
import { OPTIONS } from '../src/index';
import type { OptionSpec } from '../src/index';
import { Rng } from './lib';

const BUILD = 'debian-3.0.3';
const KNOWN: readonly OptionSpec[] = OPTIONS.filter((o) => !o.builds || o.builds.includes(BUILD));
const KNOWN_NAMES = new Set(KNOWN.map((o) => o.name));

const STRING_VALUES: Readonly<Record<string, string>> = {
  anon_root: '/srv/ftp',
  banned_email_file: '/etc/vsftpd.banned_emails',
  banner_file: '/etc/vsftpd/banner.txt',
  ca_certs_file: '/etc/ssl/certs/ca-certificates.crt',
  chown_username: 'ftpupload',
  chroot_list_file: '/etc/vsftpd.chroot_list',
  cmds_allowed: 'ABOR,CWD,LIST,MDTM,NLST,PASS,PASV,PWD,QUIT,RETR,SIZE,TYPE,USER',
  cmds_denied: 'DELE,RMD,SITE',
  deny_file: '{*.exe,*.bat}',
  hide_file: '{.*}',
  email_password_file: '/etc/vsftpd.email_passwords',
  ftp_username: 'ftp',
  ftpd_banner: 'Authorised users only. All activity is logged.',
  guest_username: 'ftpguest',
  listen_address: '192.0.2.10',
  listen_address6: '2001:db8::10',
  local_root: '/srv/ftp/$USER',
  message_file: '.message',
  nopriv_user: 'ftpsecure',
  pam_service_name: 'vsftpd',
  pasv_address: '203.0.113.10',
  rsa_cert_file: '/etc/ssl/certs/ssl-cert-snakeoil.pem',
  rsa_private_key_file: '/etc/ssl/private/ssl-cert-snakeoil.key',
  secure_chroot_dir: '/var/run/vsftpd/empty',
  ssl_ciphers: 'HIGH',
  user_config_dir: '/etc/vsftpd/users',
  user_sub_token: '$USER',
  userlist_file: '/etc/vsftpd.user_list',
  vsftpd_log_file: '/var/log/vsftpd.log',
  xferlog_file: '/var/log/xferlog',
};

const UINT_VALUES: Readonly<Record<string, readonly string[]>> = {
  listen_port: ['21', '2121'],
  ftp_data_port: ['20'],
  pasv_min_port: ['40000'],
  pasv_max_port: ['40100'],
  max_clients: ['50', '200'],
  max_per_ip: ['5', '10'],
  max_login_fails: ['3'],
  trans_chunk_size: ['0', '8192'],
};
const BY_UNIT: Readonly<Record<string, readonly string[]>> = {
  seconds: ['30', '60', '120', '300', '600'],
  'bytes-per-second': ['0', '512000', '1048576'],
  mode: ['022', '077', '0644'],
  port: ['21'],
  count: ['0', '10'],
};

const PROSE = [
  'Settings below were reviewed during the last audit.',
  'Keep this in step with the firewall rules for the FTP host.',
  'Changed after a user reported slow directory listings.',
  'Do not enable this without talking to the security team first.',
  'The passive port range must match what the NAT gateway forwards.',
  'Local accounts come from LDAP through PAM.',
  'Uploads land in a staging area that a cron job sweeps.',
  'See vsftpd.conf(5) for what this does and its default.',
  'Timeouts are in seconds.',
  'Legacy clients on the shop floor still need this.',
  'TLS material is deployed by configuration management.',
  'This host serves mirrors to the public, read-only.',
];

function valueFor(rng: Rng, option: OptionSpec): string {
  switch (option.type) {
    case 'bool':
      return rng.chance(0.5) ? 'YES' : 'NO';
    case 'uint':
      return rng.pick(UINT_VALUES[option.name] ?? BY_UNIT[option.unit ?? 'count'] ?? ['0']);
    case 'string':
      return STRING_VALUES[option.name] ?? `/etc/vsftpd/${option.name.replace(/_/g, '-')}`;
  }
}

/**
 * A config of at most `bytes` bytes (and within a line of it) that vsftpd accepts: blocks of
 * prose comments, settings, commented-out settings, separators, and duplicates (about one
 * setting in ten re-sets an option set earlier).
 */
export function realisticConfig(bytes: number, seed = 7): string {
  const rng = new Rng(seed);
  const lines: string[] = ['# vsftpd.conf for ftp.example.net (generated for benchmarking)', '#'];
  let size = lines.reduce((n, l) => n + l.length + 1, 0);
  const used: OptionSpec[] = [];
  const push = (line: string): boolean => {
    if (size + line.length + 1 > bytes) return false;
    lines.push(line);
    size += line.length + 1;
    return true;
  };
  for (;;) {
    const block: string[] = [];
    for (let i = rng.int(1, 3); i > 0; i--) block.push(`# ${rng.pick(PROSE)}`);
    for (let i = rng.int(1, 3); i > 0; i--) {
      const kind = rng.float();
      if (kind < 0.1 && used.length > 0) {
        const option = rng.pick(used);
        block.push(`${option.name}=${valueFor(rng, option)}`);
      } else if (kind < 0.3) {
        const option = rng.pick(KNOWN);
        block.push(`#${option.name}=${valueFor(rng, option)}`);
      } else {
        const option = rng.pick(KNOWN);
        used.push(option);
        block.push(`${option.name}=${valueFor(rng, option)}`);
      }
    }
    block.push(rng.chance(0.6) ? '#' : '');
    for (const line of block) if (!push(line)) return lines.join('\n') + '\n';
  }
}

/** One line of `bytes` bytes (no newline): a long string value. */
export function longValueLine(bytes: number): string {
  const head = 'ftpd_banner=';
  return head + 'x'.repeat(bytes - head.length);
}

/** One line of `bytes` bytes: a long option name vsftpd does not know (a "did you mean" lookup). */
export function longNameLine(bytes: number): string {
  return 'a'.repeat(bytes - 4) + '=YES';
}

/** One comment line of `bytes` bytes. */
export function longCommentLine(bytes: number): string {
  return '#' + ' comment'.repeat(Math.ceil(bytes / 8)).slice(0, bytes - 1);
}

/** `count` lines setting the same option (10 bytes each: 10,000 fill vsftpd's 100,000-byte limit). */
export function duplicateOptions(count: number): string {
  return 'listen=NO\n'.repeat(count);
}

/**
 * `count` lines, each a distinct option name one edit away from a real one (deleted, inserted,
 * replaced or swapped letter), so each needs its own "did you mean" search. With `warmUp`, names
 * from a disjoint set (digits inserted or substituted), to warm the code up without filling the
 * suggestion cache with the names measured afterwards.
 */
export function unknownOptions(count: number, warmUp = false): string {
  const bases = KNOWN.map((o) => o.name).filter((n) => n.length >= 6);
  const letters = warmUp ? '0123456789' : 'abcdefghijklmnopqrstuvwxyz';
  const ops = warmUp ? [1, 2] : [0, 1, 2, 3];
  const seen = new Set(KNOWN_NAMES);
  const out: string[] = [];
  for (let i = 0; out.length < count; i++) {
    if (i > count * 100) throw new Error('unknownOptions: cannot make enough distinct names');
    const base = bases[i % bases.length];
    const k = Math.floor(i / bases.length);
    const at = k % base.length;
    const letter = letters[(k * 7 + i) % letters.length];
    let name: string;
    switch (ops[Math.floor(k / base.length) % ops.length]) {
      case 0:
        name = base.slice(0, at) + base.slice(at + 1);
        break;
      case 1:
        name = base.slice(0, at) + letter + base.slice(at);
        break;
      case 2:
        name = base.slice(0, at) + letter + base.slice(at + 1);
        break;
      default:
        name = base.slice(0, at) + base.slice(at + 1, at + 2) + base[at] + base.slice(at + 2);
    }
    if (seen.has(name)) continue;
    seen.add(name);
    out.push(`${name}=YES`);
  }
  return out.join('\n') + '\n';
}

/** The typical file as linted N times over: the Debian-like fixture with a per-host header. */
export function fleetConfig(typical: string, index: number): string {
  return `# ftp-${String(index).padStart(4, '0')}.example.net\n${typical}`;
}

/**
 * `lines` lines that each have a safe fix (12 bytes a line on average: 8,000 lines are 96 kB,
 * inside vsftpd's read limit), alternately an indented setting and a lower-case boolean.
 */
export function fixableLines(lines: number): string {
  return Array.from({ length: lines }, (_, i) => (i % 2 ? 'listen=yes\n' : ' hide_ids=NO\n')).join('');
}

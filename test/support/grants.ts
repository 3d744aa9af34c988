/**
 * What a vsftpd.conf grants, read the way vsftpd 3.0.x reads it, for the fix-safety property
 * test. It deliberately shares no code with src/ or rules/ (a bug there must not hide here): its
 * own line splitting, boolean and number parsing, and its own table of compiled defaults
 * (vsftpd 3.0.x tunables.c; these options have the same defaults in every build the linter
 * knows).
 */

/** Booleans that loosen security when turned on. */
const MUST_NOT_TURN_ON = [
  'write_enable',
  'anon_upload_enable',
  'anon_mkdir_write_enable',
  'anon_other_write_enable',
  'anonymous_enable',
  'local_enable',
  'pasv_promiscuous',
  'port_promiscuous',
  'allow_writeable_chroot',
  'ssl_sslv2',
  'ssl_sslv3',
  'ssl_tlsv1',
  'no_anon_password',
  'virtual_use_local_privs',
] as const;

/** Booleans that loosen security (or lose the record of what happened) when turned off. */
const MUST_NOT_TURN_OFF = [
  'chroot_local_user',
  'chroot_list_enable',
  'ssl_enable',
  'force_local_logins_ssl',
  'force_local_data_ssl',
  'force_anon_logins_ssl',
  'force_anon_data_ssl',
  'hide_ids',
  'xferlog_enable',
  'log_ftp_protocol',
  'anon_world_readable_only',
] as const;

/** Masks: a fix may add bits, never remove one. */
const UMASKS = ['local_umask', 'anon_umask'] as const;
/** Modes: a fix may remove bits, never add one. */
const MODES = ['file_open_mode', 'chown_upload_mode'] as const;

const BOOL_DEFAULTS: Record<string, boolean> = {
  write_enable: false,
  anon_upload_enable: false,
  anon_mkdir_write_enable: false,
  anon_other_write_enable: false,
  anonymous_enable: true,
  local_enable: false,
  pasv_promiscuous: false,
  port_promiscuous: false,
  allow_writeable_chroot: false,
  ssl_sslv2: false,
  ssl_sslv3: false,
  ssl_tlsv1: true,
  no_anon_password: false,
  virtual_use_local_privs: false,
  chroot_local_user: false,
  chroot_list_enable: false,
  ssl_enable: false,
  force_local_logins_ssl: true,
  force_local_data_ssl: true,
  force_anon_logins_ssl: false,
  force_anon_data_ssl: false,
  hide_ids: false,
  xferlog_enable: false,
  log_ftp_protocol: false,
  anon_world_readable_only: true,
};
const NUMBER_DEFAULTS: Record<string, number> = {
  local_umask: 0o77,
  anon_umask: 0o77,
  file_open_mode: 0o666,
  chown_upload_mode: 0o600,
};

export interface Grants {
  readonly bools: Record<string, boolean>;
  readonly numbers: Record<string, number>;
}

const READ_LIMIT = 100_000;
const SPACE = ' \t\r\v\f';

/**
 * `strict`: exactly as vsftpd, so undefined for a file vsftpd refuses (it grants nothing).
 * Lenient (for the input of a fix): what the text evidently says. A line vsftpd reads is taken as
 * it reads it; a line it would refuse counts with a byte order mark, blanks, case, hyphens and a
 * "# comment" after the value put right, and a line that still says nothing readable is skipped.
 * A fix may make a refused line mean what it evidently means, never more.
 */
export function readGrants(text: string, mode: 'strict' | 'lenient'): Grants | undefined {
  const bools: Record<string, boolean> = { ...BOOL_DEFAULTS };
  const numbers: Record<string, number> = { ...NUMBER_DEFAULTS };
  // vsftpd reads at most 100,000 bytes; the text is one character per byte or UTF-8.
  const bytes = Buffer.from(text, /[^\x00-\xff]/.test(text) ? 'utf8' : 'latin1').subarray(0, READ_LIMIT);
  for (const raw of bytes.toString('latin1').split('\n')) {
    let line = raw;
    let i = 0;
    while (i < line.length && SPACE.includes(line[i])) i++;
    if (i === line.length || raw[0] === '#') continue;
    line = line.slice(i);
    const nul = line.indexOf('\0');
    if (nul !== -1) line = line.slice(0, nul);
    const eq = line.indexOf('=');
    const name = eq === -1 ? line : line.slice(0, eq);
    const value = eq === -1 ? '' : line.slice(eq + 1);
    const read = take(name, value, bools, numbers);
    if (read === 'taken') continue;
    if (mode === 'strict') {
      // Other lines vsftpd refuses are not judged here (the output's loading is tested apart).
      if (read === 'refused') return undefined;
      continue;
    }
    const evidentName = name
      .replace(/^\xEF\xBB\xBF/, '')
      .trim()
      .toLowerCase()
      .replace(/-/g, '_');
    const evidentValue = value
      .replace(/\s#.*$/, '')
      .trim()
      .replace(/^(["'])(.*)\1$/, '$2');
    take(evidentName, evidentValue, bools, numbers);
  }
  return { bools, numbers };
}

/** Records NAME=VALUE of a tracked option as vsftpd reads it ('refused' when vsftpd stops there). */
function take(
  name: string,
  value: string,
  bools: Record<string, boolean>,
  numbers: Record<string, number>,
): 'taken' | 'refused' | 'untracked' {
  if (name in BOOL_DEFAULTS) {
    const upper = value.toUpperCase();
    if (['YES', 'TRUE', '1'].includes(upper)) bools[name] = true;
    else if (['NO', 'FALSE', '0'].includes(upper)) bools[name] = false;
    else return 'refused';
    return 'taken';
  }
  if (name in NUMBER_DEFAULTS) {
    if (value === '') return 'refused';
    numbers[name] = readNumber(value);
    return 'taken';
  }
  return 'untracked';
}

/** vsftpd's numbers: octal digits after a leading 0, else atoi (digits after blanks and a sign). */
function readNumber(value: string): number {
  if (value[0] === '0') {
    let n = 0;
    for (const c of value) {
      if (c < '0' || c > '7') break;
      n = (n * 8 + Number(c)) % 2 ** 32;
    }
    return n;
  }
  const m = /^[ \t\n\v\f\r]*([+-]?)(\d*)/.exec(value)!;
  const n = m[2] === '' ? 0 : Number(m[2]);
  return (((m[1] === '-' ? -n : n) % 2 ** 32) + 2 ** 32) % 2 ** 32;
}

/** How `after` grants more than `before`: one line per loosening, empty when none. */
export function loosenings(before: Grants, after: Grants): string[] {
  const found: string[] = [];
  for (const name of MUST_NOT_TURN_ON) if (after.bools[name] && !before.bools[name]) found.push(`${name} turned on`);
  for (const name of MUST_NOT_TURN_OFF) if (!after.bools[name] && before.bools[name]) found.push(`${name} turned off`);
  for (const name of UMASKS) {
    const lost = before.numbers[name] & ~after.numbers[name] & 0o7777;
    if (lost)
      found.push(`${name} lost bits 0${lost.toString(8)} (${before.numbers[name].toString(8)} -> ${after.numbers[name].toString(8)})`);
  }
  for (const name of MODES) {
    const gained = after.numbers[name] & ~before.numbers[name] & 0o7777;
    if (gained) found.push(`${name} gained bits 0${gained.toString(8)}`);
  }
  return found;
}

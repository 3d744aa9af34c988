/**
 * Every option a supported vsftpd build knows: its type, compiled default per build and a
 * one-line meaning. Transcribed from the option tables compiled into each build (see
 * docs/vsftpd-reference notes in the README); the rules, the effective-config index and the
 * generated docs all read this one table.
 */
export type OptionType = 'bool' | 'uint' | 'string';

export const BUILD_IDS = ['upstream-3.0.2', 'upstream-3.0.3', 'debian-3.0.3', 'upstream-3.0.5', 'rhel7', 'fedora', 'opensuse'] as const;
export type BuildId = (typeof BUILD_IDS)[number];

/** A compiled default: a boolean, a number, a string, or null for "unset". */
export type OptionValue = boolean | number | string | null;

/** What an unsigned integer means, where the rules need to know it. */
type UintUnit = 'port' | 'mode' | 'seconds' | 'bytes-per-second' | 'count';

export interface OptionSpec {
  readonly name: string;
  readonly type: OptionType;
  /** For uint options: what the number means ('mode' = umask/file mode, written in octal). */
  readonly unit?: UintUnit;
  /** Compiled default of upstream 3.0.2 (the base every other build starts from). */
  readonly default: OptionValue;
  /** Builds whose compiled default differs from `default`. */
  readonly defaultIn?: Partial<Record<BuildId, OptionValue>>;
  /** Builds that know the name; absent means every build. */
  readonly builds?: readonly BuildId[];
  /** One line, present tense, what the option does (from the reference's "meaning" column, tightened). */
  readonly description: string;
  /**
   * Why the option has no effect in a per-user file (user_config_dir); absent when the session
   * reads it after login. See PER_USER_SOURCE.
   */
  readonly noEffectPerUser?: string;
}

/**
 * Per-user files: after a successful login, the privileged parent reads
 * `<user_config_dir>/<user>` into the same tunables (twoprocess.c common_do_login calls
 * handle_per_user_config, which calls vsf_parseconf_load_file(..., 1): parse errors are fatal
 * for that login), then forks the session. What the session process (postlogin.c), the
 * post-login privileged parent (postprivparent.c, privops.c: PASV/PORT sockets, chown) and the
 * chroot/credential change after the file (twoprocess.c: guest_enable, local_root, anon_root,
 * user_sub_token, passwd_chroot_enable, allow_writeable_chroot, isolate_network) read takes
 * effect. An option read only before that point keeps the server's value whatever the file
 * says; the reasons below name where it is read (vsftpd 3.0.x source: main.c, standalone.c,
 * prelogin.c, privops.c, twoprocess.c, ssl.c, logging.c). Options read both before and after
 * login (nopriv_user, secure_chroot_dir, setproctitle_enable, syslog_enable, chown_uploads) are
 * not listed: the file changes part of what they do.
 */
export const PER_USER_SOURCE = 'twoprocess.c handle_per_user_config (vsftpd 3.0.x)';
const LISTENER = 'the listener reads it when vsftpd starts or a connection arrives (main.c, standalone.c), before any login';
const CONNECTION = 'it is read when the connection starts, before login (main.c)';
const PRE_LOGIN = 'the pre-login process checks it while the client logs in (prelogin.c, privops.c handle_login)';
const LOGIN = 'the login itself uses it (privops.c, sysdeputil.c), before the per-user file is read';
const CHROOT_DECIDED = 'twoprocess.c decides whether to chroot the user (process_login_req) before it reads the per-user file';
const FILE_CHOSEN = 'the per-user file is found through it, so the file cannot change it';
const TLS_CONTEXT =
  'TLS is set up when vsftpd starts or the connection starts (ssl.c ssl_init, twoprocess.c) and AUTH TLS is answered before login';
const LOG_FILES =
  'the log files are opened when the connection starts (logging.c vsf_log_init), so the file neither starts nor stops logging';

export const OPTIONS: readonly OptionSpec[] = [
  {
    name: 'accept_timeout',
    type: 'uint',
    unit: 'seconds',
    default: 60,
    description: 'Seconds to wait for the client to connect to a PASV/EPSV port (then 425 Failed to establish connection.).',
  },
  {
    name: 'address_space_limit',
    type: 'uint',
    unit: 'count',
    default: 0,
    builds: ['opensuse'],
    description: 'Overrides the session address-space rlimit.',
  },
  {
    name: 'allow_anon_ssl',
    type: 'bool',
    noEffectPerUser: PRE_LOGIN,
    default: false,
    description: 'Lets anonymous users use TLS (otherwise AUTH + anonymous gets 530 "Anonymous sessions may not use encryption.").',
  },
  {
    name: 'allow_root_squashed_chroot',
    type: 'bool',
    default: false,
    builds: ['opensuse'],
    description: "Chroots with the user's credentials (for NFS root_squash homes).",
  },
  {
    name: 'allow_writeable_chroot',
    type: 'bool',
    default: false,
    description:
      'Lets a chrooted non-anonymous user have a root dir writable by them (suppresses the writable-root OOPS); no effect for anonymous.',
  },
  {
    name: 'anon_max_rate',
    type: 'uint',
    unit: 'bytes-per-second',
    default: 0,
    description: 'Bytes/s cap for anonymous sessions (0 = unlimited).',
  },
  {
    name: 'anon_mkdir_write_enable',
    type: 'bool',
    default: false,
    description: 'Allows anonymous MKD/XMKD (needs write_enable=YES and filesystem permission).',
  },
  {
    name: 'anon_other_write_enable',
    type: 'bool',
    default: false,
    description: 'Allows anonymous DELE, RMD/XRMD, RNFR/RNTO and APPE (needs write_enable=YES).',
  },
  {
    name: 'anon_root',
    type: 'string',
    default: null,
    description:
      "Directory anonymous users are chrooted into (default: ftp_username's home); must exist and not be writable by the ftp user.",
  },
  {
    name: 'anon_umask',
    type: 'uint',
    unit: 'mode',
    default: 0o077,
    description: 'umask for anonymous uploads (octal only with a leading 0: 22 is decimal 22 = 026).',
  },
  {
    name: 'anon_upload_enable',
    type: 'bool',
    default: false,
    description: 'Allows anonymous STOR/STOU (needs write_enable=YES and a directory writable by the ftp user).',
  },
  {
    name: 'anon_world_readable_only',
    type: 'bool',
    default: true,
    description: 'Restricts anonymous downloads to world-readable files.',
  },
  {
    name: 'anonymous_enable',
    type: 'bool',
    noEffectPerUser: PRE_LOGIN,
    default: true,
    description: 'Accepts USER ftp / anonymous logins.',
  },
  {
    name: 'ascii_download_enable',
    type: 'bool',
    default: false,
    description: 'Honours TYPE A (LF -> CRLF) on downloads.',
  },
  {
    name: 'ascii_upload_enable',
    type: 'bool',
    default: false,
    description: 'Honours TYPE A on uploads.',
  },
  {
    name: 'async_abor_enable',
    type: 'bool',
    default: false,
    description: 'Handles ABOR sent as urgent (OOB) data.',
  },
  {
    name: 'background',
    type: 'bool',
    noEffectPerUser: LISTENER,
    default: false,
    defaultIn: { rhel7: true, fedora: true },
    description: 'In listen mode, forks the listener and returns 0 to the shell at once (later bind errors are then invisible).',
  },
  {
    name: 'banned_email_file',
    type: 'string',
    noEffectPerUser: CONNECTION,
    default: '/etc/vsftpd.banned_emails',
    defaultIn: { rhel7: '/etc/vsftpd/banned_emails', fedora: '/etc/vsftpd/banned_emails' },
    description: 'List of banned anonymous passwords for deny_email_enable.',
  },
  {
    name: 'banner_file',
    type: 'string',
    noEffectPerUser: CONNECTION,
    default: null,
    description: 'File whose contents are the 220 greeting (overrides ftpd_banner; unreadable -> per-session OOPS).',
  },
  {
    name: 'better_stou',
    type: 'bool',
    default: false,
    builds: ['rhel7', 'fedora'],
    description: 'Uses a random 6-character suffix for STOU names.',
  },
  {
    name: 'bind_retries',
    type: 'uint',
    unit: 'count',
    default: 9,
    builds: ['rhel7', 'fedora'],
    description: 'Number of PASV bind attempts (upstream is fixed at 9).',
  },
  {
    name: 'ca_certs_file',
    type: 'string',
    noEffectPerUser: TLS_CONTEXT,
    default: null,
    description: 'CA bundle for validating client certificates (unloadable -> startup OOPS when a certificate is requested).',
  },
  {
    name: 'check_shell',
    type: 'bool',
    noEffectPerUser: LOGIN,
    default: true,
    description: "Requires the user's shell to be in /etc/shells (non-PAM builds only; no effect in PAM builds such as Debian and Fedora).",
  },
  {
    name: 'chmod_enable',
    type: 'bool',
    default: true,
    description: 'Allows SITE CHMOD (needs write_enable=YES; local users only, never anonymous).',
  },
  {
    name: 'chown_upload_mode',
    type: 'uint',
    unit: 'mode',
    default: 0o600,
    description: 'Mode of chowned anonymous uploads (octal with a leading 0).',
  },
  {
    name: 'chown_uploads',
    type: 'bool',
    default: false,
    description: 'Chowns anonymous uploads to chown_username (with mode chown_upload_mode).',
  },
  {
    name: 'chown_username',
    type: 'string',
    noEffectPerUser: CONNECTION,
    default: 'root',
    description: 'Owner of anonymous uploads when chown_uploads=YES (must exist then).',
  },
  {
    name: 'chroot_list_enable',
    type: 'bool',
    noEffectPerUser: CHROOT_DECIDED,
    default: false,
    description: 'Uses chroot_list_file: listed users are chrooted, or, with chroot_local_user=YES, listed users are NOT chrooted.',
  },
  {
    name: 'chroot_list_file',
    type: 'string',
    noEffectPerUser: CHROOT_DECIDED,
    default: '/etc/vsftpd.chroot_list',
    defaultIn: { rhel7: '/etc/vsftpd/chroot_list', fedora: '/etc/vsftpd/chroot_list' },
    description: 'User list for chroot_list_enable (unreadable -> OOPS at local login).',
  },
  {
    name: 'chroot_local_user',
    type: 'bool',
    noEffectPerUser: CHROOT_DECIDED,
    default: false,
    description: 'Chroots local users into their home (or local_root) after login.',
  },
  {
    name: 'cmds_allowed',
    type: 'string',
    default: null,
    description: 'Comma-separated whitelist of post-login commands (exact, case-sensitive tokens, no spaces).',
  },
  {
    name: 'cmds_denied',
    type: 'string',
    default: null,
    description: 'Comma-separated blacklist of post-login commands; wins over cmds_allowed.',
  },
  {
    name: 'connect_from_port_20',
    type: 'bool',
    default: false,
    description: 'Binds active-mode (PORT/EPRT) data connections to source port ftp_data_port (default 20) in the privileged parent.',
  },
  {
    name: 'connect_timeout',
    type: 'uint',
    unit: 'seconds',
    default: 60,
    description: 'Seconds to wait for an active-mode (PORT/EPRT) connect (then 425).',
  },
  {
    name: 'data_connection_timeout',
    type: 'uint',
    unit: 'seconds',
    default: 300,
    description: 'Seconds a data transfer may stall (then 421 Data timeout. Reconnect. Sorry.).',
  },
  {
    name: 'debug_ssl',
    type: 'bool',
    default: false,
    description: 'Dumps OpenSSL diagnostics into the vsftpd log.',
  },
  {
    name: 'delay_failed_login',
    type: 'uint',
    noEffectPerUser: PRE_LOGIN,
    unit: 'seconds',
    default: 1,
    description: 'Seconds to sleep before reporting a failed login.',
  },
  {
    name: 'delay_successful_login',
    type: 'uint',
    noEffectPerUser: LOGIN,
    unit: 'seconds',
    default: 0,
    description: 'Seconds to sleep before a successful login.',
  },
  {
    name: 'delete_failed_uploads',
    type: 'bool',
    default: false,
    description: 'Deletes partial files when an upload fails.',
  },
  {
    name: 'deny_email_enable',
    type: 'bool',
    noEffectPerUser: CONNECTION,
    default: false,
    description: 'Rejects anonymous passwords listed in banned_email_file (the file must be readable, else per-session OOPS).',
  },
  {
    name: 'deny_file',
    type: 'string',
    default: null,
    description: 'Glob-like pattern(s), {a,b}, of names that may not be accessed at all.',
  },
  {
    name: 'dh_param_file',
    type: 'string',
    noEffectPerUser: TLS_CONTEXT,
    default: null,
    builds: ['rhel7', 'fedora'],
    description: 'DH parameters file for TLS.',
  },
  {
    name: 'dirlist_enable',
    type: 'bool',
    default: true,
    description: 'Allows LIST/NLST/STAT of a directory; NO gives 550 Permission denied.',
  },
  {
    name: 'dirmessage_enable',
    type: 'bool',
    default: false,
    description: 'Shows the message_file contents when entering a directory.',
  },
  {
    name: 'download_enable',
    type: 'bool',
    default: true,
    description: 'Allows RETR; NO gives 550 Permission denied.',
  },
  {
    name: 'download_file',
    type: 'string',
    default: null,
    builds: ['debian-3.0.3'],
    description: 'Only names matching this pattern may be downloaded (deny_file wins).',
  },
  {
    name: 'dsa_cert_file',
    type: 'string',
    noEffectPerUser: TLS_CONTEXT,
    default: null,
    description: 'DSA certificate for TLS.',
  },
  {
    name: 'dsa_private_key_file',
    type: 'string',
    noEffectPerUser: TLS_CONTEXT,
    default: null,
    description: 'DSA private key for TLS (default: inside dsa_cert_file).',
  },
  {
    name: 'dual_log_enable',
    type: 'bool',
    noEffectPerUser: LOG_FILES,
    default: false,
    description: 'Writes both xferlog_file (wu-ftpd format) and vsftpd_log_file.',
  },
  {
    name: 'ecdh_param_file',
    type: 'string',
    noEffectPerUser: TLS_CONTEXT,
    default: null,
    builds: ['rhel7', 'fedora'],
    description: 'ECDH parameters file for TLS.',
  },
  {
    name: 'email_password_file',
    type: 'string',
    noEffectPerUser: CONNECTION,
    default: '/etc/vsftpd.email_passwords',
    defaultIn: { rhel7: '/etc/vsftpd/email_passwords', fedora: '/etc/vsftpd/email_passwords' },
    description: 'List of accepted anonymous passwords for secure_email_list_enable.',
  },
  {
    name: 'file_open_mode',
    type: 'uint',
    unit: 'mode',
    default: 0o666,
    description: 'Creation mode of uploaded files before the umask (octal with a leading 0; 666 without it means 01232).',
  },
  {
    name: 'force_anon_data_ssl',
    type: 'bool',
    default: false,
    description: 'With ssl_enable, anonymous data connections must be TLS (else 522 "Data connections must be encrypted.").',
  },
  {
    name: 'force_anon_logins_ssl',
    type: 'bool',
    noEffectPerUser: PRE_LOGIN,
    default: false,
    description:
      'With ssl_enable, anonymous logins must use TLS (else 530 "Anonymous sessions must use encryption." and the connection closes).',
  },
  {
    name: 'force_dot_files',
    type: 'bool',
    default: false,
    description: 'Lists dot-files even without -a.',
  },
  {
    name: 'force_local_data_ssl',
    type: 'bool',
    default: true,
    description: "With ssl_enable, local users' data connections must be TLS.",
  },
  {
    name: 'force_local_logins_ssl',
    type: 'bool',
    noEffectPerUser: PRE_LOGIN,
    default: true,
    description:
      'With ssl_enable, local users must AUTH TLS before USER (else 530 "Non-anonymous sessions must use encryption." and the connection closes).',
  },
  {
    name: 'ftp_data_port',
    type: 'uint',
    unit: 'port',
    default: 20,
    description: 'Source port of active-mode connections when connect_from_port_20=YES (cast to 16 bits).',
  },
  {
    name: 'ftp_enable',
    type: 'bool',
    noEffectPerUser: CONNECTION,
    default: true,
    description: 'Speaks FTP at all (undocumented; NO together with http_enable=NO -> OOPS).',
  },
  {
    name: 'ftp_username',
    type: 'string',
    noEffectPerUser: LOGIN,
    default: 'ftp',
    description: 'Local user anonymous sessions run as; its home is the anonymous root (must exist when anonymous_enable=YES).',
  },
  {
    name: 'ftpd_banner',
    type: 'string',
    noEffectPerUser: CONNECTION,
    default: null,
    description: 'Text of the 220 greeting (unset = "(vsFTPd VERSION)").',
  },
  {
    name: 'guest_enable',
    type: 'bool',
    default: false,
    description: 'Maps every non-anonymous login to guest_username (virtual users).',
  },
  {
    name: 'guest_username',
    type: 'string',
    default: 'ftp',
    description: 'Real user that guest/virtual logins map to (must exist when guest_enable=YES).',
  },
  {
    name: 'hide_file',
    type: 'string',
    default: null,
    description: 'Pattern of names hidden from listings (they stay accessible).',
  },
  {
    name: 'hide_ids',
    type: 'bool',
    default: false,
    description: 'Shows owner and group as ftp in listings.',
  },
  {
    name: 'http_enable',
    type: 'bool',
    noEffectPerUser: CONNECTION,
    default: false,
    description: 'Serves experimental HTTP GET (undocumented; requires one_process_model=YES).',
  },
  {
    name: 'idle_session_timeout',
    type: 'uint',
    unit: 'seconds',
    default: 300,
    description: 'Seconds allowed between commands before 421 Timeout.',
  },
  {
    name: 'implicit_ssl',
    type: 'bool',
    noEffectPerUser: PRE_LOGIN,
    default: false,
    description: 'Starts the TLS handshake immediately on connect (implicit FTPS, usually port 990).',
  },
  {
    name: 'isolate',
    type: 'bool',
    noEffectPerUser: LISTENER,
    default: true,
    description: 'Forks each session with CLONE_NEWPID + CLONE_NEWIPC when the kernel allows (silent fallback to a plain fork).',
  },
  {
    name: 'isolate_network',
    type: 'bool',
    default: true,
    description:
      'Puts the unprivileged session process in its own network namespace (silent fallback; forced off when port_promiscuous=YES).',
  },
  {
    name: 'listen',
    type: 'bool',
    noEffectPerUser: LISTENER,
    default: true,
    defaultIn: { 'debian-3.0.3': false },
    description: 'Runs a standalone IPv4 listener (listen_address, listen_port); mutually exclusive with listen_ipv6.',
  },
  {
    name: 'listen_address',
    type: 'string',
    noEffectPerUser: LISTENER,
    default: null,
    description: 'IPv4 address for listen=YES (numeric only, inet_aton syntax; bad -> startup OOPS).',
  },
  {
    name: 'listen_address6',
    type: 'string',
    noEffectPerUser: LISTENER,
    default: null,
    description: 'IPv6 address for listen_ipv6=YES (bad -> startup OOPS).',
  },
  {
    name: 'listen_ipv6',
    type: 'bool',
    noEffectPerUser: LISTENER,
    default: false,
    description: 'Runs a standalone IPv6 listener (listen_address6; :: also accepts v4-mapped IPv4); mutually exclusive with listen.',
  },
  {
    name: 'listen_port',
    type: 'uint',
    noEffectPerUser: LISTENER,
    unit: 'port',
    default: 21,
    description: 'Control port in standalone mode (truncated to 16 bits; 0 = kernel-chosen port).',
  },
  {
    name: 'local_enable',
    type: 'bool',
    noEffectPerUser: PRE_LOGIN,
    default: false,
    description: 'Allows local (PAM / passwd) logins; needed for guest/virtual users too.',
  },
  {
    name: 'local_max_rate',
    type: 'uint',
    unit: 'bytes-per-second',
    default: 0,
    description: 'Bytes/s cap for local users (0 = unlimited).',
  },
  {
    name: 'local_root',
    type: 'string',
    default: null,
    description: 'Directory local users start in / are chrooted to (missing: ignored unless chrooted, then OOPS); supports user_sub_token.',
  },
  {
    name: 'local_umask',
    type: 'uint',
    unit: 'mode',
    default: 0o077,
    description: "umask for local users' uploads (octal only with a leading 0).",
  },
  {
    name: 'lock_upload_files',
    type: 'bool',
    default: true,
    description: 'Takes a write lock on uploads and a shared lock on downloads.',
  },
  {
    name: 'log_die',
    type: 'bool',
    default: false,
    builds: ['rhel7', 'fedora'],
    description: 'Also sends die()/bug() messages to syslog.',
  },
  {
    name: 'log_ftp_protocol',
    type: 'bool',
    default: false,
    description: 'Logs every FTP command and reply (vsftpd log format only, i.e. not with xferlog_std_format=YES).',
  },
  {
    name: 'ls_recurse_enable',
    type: 'bool',
    default: false,
    description: 'Allows ls -R.',
  },
  {
    name: 'max_clients',
    type: 'uint',
    noEffectPerUser: LISTENER,
    unit: 'count',
    default: 2000,
    description: 'Standalone: maximum concurrent sessions (0 = unlimited); excess get 421 There are too many connected users.',
  },
  {
    name: 'max_login_fails',
    type: 'uint',
    noEffectPerUser: PRE_LOGIN,
    unit: 'count',
    default: 3,
    description: 'Failed logins before the session is shut down.',
  },
  {
    name: 'max_per_ip',
    type: 'uint',
    noEffectPerUser: LISTENER,
    unit: 'count',
    default: 50,
    description:
      'Standalone: maximum sessions per source IP (0 = unlimited); excess get 421 There are too many connections from your internet address.',
  },
  {
    name: 'mdtm_write',
    type: 'bool',
    default: true,
    description: 'Allows MDTM with a time argument to set the mtime.',
  },
  {
    name: 'message_file',
    type: 'string',
    default: '.message',
    description: 'Name of the per-directory message file for dirmessage_enable.',
  },
  {
    name: 'no_anon_password',
    type: 'bool',
    noEffectPerUser: PRE_LOGIN,
    default: false,
    description: 'Does not ask anonymous users for a password.',
  },
  {
    name: 'no_log_lock',
    type: 'bool',
    default: false,
    description: 'Does not lock log files while writing.',
  },
  {
    name: 'nopriv_user',
    type: 'string',
    default: 'nobody',
    description: 'Unprivileged user for the pre-login process (must exist).',
  },
  {
    name: 'one_process_model',
    type: 'bool',
    noEffectPerUser: LISTENER,
    default: false,
    description: 'Uses a single process per session (anonymous only; local_enable=YES -> OOPS).',
  },
  {
    name: 'pam_service_name',
    type: 'string',
    noEffectPerUser: LOGIN,
    default: 'ftp',
    defaultIn: { 'debian-3.0.3': 'vsftpd' },
    description: 'PAM service for local logins (unset/empty -> every local login fails).',
  },
  {
    name: 'passwd_chroot_enable',
    type: 'bool',
    default: false,
    description: 'With chroot_local_user, chroots at the /./ marker in the passwd home path.',
  },
  {
    name: 'pasv_addr_resolve',
    type: 'bool',
    noEffectPerUser: LISTENER,
    default: false,
    description: 'Resolves pasv_address as a host name once at startup (failure is fatal at startup).',
  },
  {
    name: 'pasv_address',
    type: 'string',
    default: null,
    description: 'Address put in the 227 reply (numeric IPv4 unless pasv_addr_resolve); broken with listen_ipv6=YES (227 shows 0,0,0,0).',
  },
  {
    name: 'pasv_enable',
    type: 'bool',
    default: true,
    description: 'Allows PASV/EPSV; NO gives 550 Permission denied.',
  },
  {
    name: 'pasv_max_port',
    type: 'uint',
    unit: 'port',
    default: 0,
    description: 'Upper bound of PASV ports; used only if >= the effective minimum and < 65535.',
  },
  {
    name: 'pasv_min_port',
    type: 'uint',
    unit: 'port',
    default: 5001,
    description: 'Lower bound of PASV ports; used only if > 1024 and <= 65535, else 1024.',
  },
  {
    name: 'pasv_promiscuous',
    type: 'bool',
    default: false,
    description: "Disables the check that the passive data connection comes from the control connection's IP.",
  },
  {
    name: 'port_enable',
    type: 'bool',
    default: true,
    description: 'Allows PORT/EPRT; NO gives 550 Permission denied.',
  },
  {
    name: 'port_promiscuous',
    type: 'bool',
    default: false,
    description: "Disables the checks that PORT/EPRT target the client's own IP and a port >= 1024.",
  },
  {
    name: 'ptrace_sandbox',
    type: 'bool',
    default: false,
    description: 'Enables the experimental ptrace sandbox (only used with one_process_model).',
  },
  {
    name: 'require_cert',
    type: 'bool',
    noEffectPerUser: TLS_CONTEXT,
    default: false,
    description: 'Requires a TLS client certificate.',
  },
  {
    name: 'require_ssl_reuse',
    type: 'bool',
    default: true,
    description: 'Requires TLS session reuse on data connections (else 522 and the session ends).',
  },
  {
    name: 'reverse_lookup_enable',
    type: 'bool',
    noEffectPerUser: LOGIN,
    default: true,
    builds: ['rhel7', 'fedora'],
    description: 'Reverse-resolves the client IP before PAM (for pam_access host rules).',
  },
  {
    name: 'rsa_cert_file',
    type: 'string',
    noEffectPerUser: TLS_CONTEXT,
    default: '/usr/share/ssl/certs/vsftpd.pem',
    description: 'RSA certificate (chain) for TLS; must load at startup when ssl_enable=YES.',
  },
  {
    name: 'rsa_private_key_file',
    type: 'string',
    noEffectPerUser: TLS_CONTEXT,
    default: null,
    description: 'RSA private key for TLS (default: inside rsa_cert_file).',
  },
  {
    name: 'run_as_launching_user',
    type: 'bool',
    noEffectPerUser: LISTENER,
    default: false,
    description:
      'Runs as the invoking user instead of root; forces one_process_model and disables connect_from_port_20/chown_uploads when not root.',
  },
  {
    name: 'seccomp_sandbox',
    type: 'bool',
    default: true,
    defaultIn: { 'debian-3.0.3': false, rhel7: false, fedora: false },
    description: 'Applies a seccomp-bpf syscall filter to session processes (on Debian 12 it kills sessions at the first file operation).',
  },
  {
    name: 'secure_chroot_dir',
    type: 'string',
    default: '/usr/share/empty',
    defaultIn: { 'debian-3.0.3': '/var/run/vsftpd/empty' },
    description: 'Empty directory the pre-login process chroots into; must exist, be a directory and not be writable by nopriv_user.',
  },
  {
    name: 'secure_email_list_enable',
    type: 'bool',
    noEffectPerUser: CONNECTION,
    default: false,
    description: 'Requires anonymous passwords to appear in email_password_file.',
  },
  {
    name: 'session_support',
    type: 'bool',
    noEffectPerUser: LOGIN,
    default: false,
    description: 'Maintains utmp/wtmp and a PAM session for local logins.',
  },
  {
    name: 'setproctitle_enable',
    type: 'bool',
    default: false,
    description: 'Shows the session state in ps.',
  },
  {
    name: 'ssl_ciphers',
    type: 'string',
    noEffectPerUser: TLS_CONTEXT,
    default: 'AES128-SHA:DES-CBC3-SHA',
    defaultIn: {
      'upstream-3.0.3': 'ECDHE-RSA-AES256-GCM-SHA384',
      'debian-3.0.3': 'ECDHE-RSA-AES256-GCM-SHA384',
      'upstream-3.0.5': 'ECDHE-RSA-AES256-GCM-SHA384',
      fedora: 'PROFILE=SYSTEM',
      opensuse: 'ECDHE-RSA-AES256-GCM-SHA384',
    },
    description: 'OpenSSL cipher list (invalid -> startup OOPS).',
  },
  {
    name: 'ssl_enable',
    type: 'bool',
    noEffectPerUser: TLS_CONTEXT,
    default: false,
    description: 'Enables AUTH TLS/SSL (the certificate must load at startup).',
  },
  {
    name: 'ssl_request_cert',
    type: 'bool',
    noEffectPerUser: TLS_CONTEXT,
    default: true,
    description: 'Asks clients for a certificate.',
  },
  {
    name: 'ssl_sni_hostname',
    type: 'string',
    default: null,
    builds: ['upstream-3.0.5', 'fedora'],
    description: 'Rejects TLS handshakes whose SNI host name differs from this one.',
  },
  {
    name: 'ssl_sslv2',
    type: 'bool',
    noEffectPerUser: TLS_CONTEXT,
    default: false,
    description: 'Permits SSLv2 (OpenSSL 1.1+/3 cannot do SSLv2 at all).',
  },
  {
    name: 'ssl_sslv3',
    type: 'bool',
    noEffectPerUser: TLS_CONTEXT,
    default: false,
    description: 'Permits SSLv3.',
  },
  {
    name: 'ssl_tlsv1',
    type: 'bool',
    noEffectPerUser: TLS_CONTEXT,
    default: true,
    defaultIn: { 'upstream-3.0.5': false, fedora: false },
    description: 'Permits TLS 1.0 (in 3.0.2/3.0.3/Debian it also governs whether AUTH TLS is advertised in FEAT).',
  },
  {
    name: 'ssl_tlsv1_1',
    type: 'bool',
    noEffectPerUser: TLS_CONTEXT,
    default: false,
    builds: ['rhel7', 'fedora'],
    description: 'Permits TLS 1.1.',
  },
  {
    name: 'ssl_tlsv1_2',
    type: 'bool',
    noEffectPerUser: TLS_CONTEXT,
    default: true,
    builds: ['rhel7', 'fedora'],
    description: 'Permits TLS 1.2.',
  },
  {
    name: 'ssl_tlsv1_3',
    type: 'bool',
    noEffectPerUser: TLS_CONTEXT,
    default: true,
    builds: ['fedora'],
    description: 'Permits TLS 1.3.',
  },
  {
    name: 'strict_ssl_read_eof',
    type: 'bool',
    default: false,
    defaultIn: {
      'upstream-3.0.3': true,
      'debian-3.0.3': true,
      'upstream-3.0.5': true,
      fedora: true,
      opensuse: true,
    },
    description: 'Requires TLS uploads to end with a TLS close_notify, not a bare TCP FIN.',
  },
  {
    name: 'strict_ssl_write_shutdown',
    type: 'bool',
    default: false,
    description: 'Requires TLS downloads to end with a TLS shutdown from the client.',
  },
  {
    name: 'syslog_enable',
    type: 'bool',
    default: false,
    description: 'Sends the vsftpd-format log to syslog (FTP facility) instead of vsftpd_log_file.',
  },
  {
    name: 'tcp_wrappers',
    type: 'bool',
    noEffectPerUser: LISTENER,
    default: false,
    description:
      'Checks hosts.allow/deny via libwrap (may set VSFTPD_LOAD_CONF for per-IP config); compiled out on Fedora (-> OOPS per connection).',
  },
  {
    name: 'text_userdb_names',
    type: 'bool',
    default: false,
    description: 'Shows user and group names instead of numeric ids in listings.',
  },
  {
    name: 'tilde_user_enable',
    type: 'bool',
    default: false,
    description: 'Resolves ~user paths.',
  },
  {
    name: 'trans_chunk_size',
    type: 'uint',
    unit: 'count',
    default: 0,
    description: 'Transfer chunk size (0 = automatic); smaller values smooth rate limiting.',
  },
  {
    name: 'upload_file',
    type: 'string',
    default: null,
    builds: ['debian-3.0.3'],
    description: 'Only names matching this pattern may be uploaded (deny_file wins).',
  },
  {
    name: 'use_localtime',
    type: 'bool',
    default: false,
    description: 'Shows listings and MDTM in local time instead of GMT.',
  },
  {
    name: 'use_sendfile',
    type: 'bool',
    default: true,
    description: 'Uses sendfile() for binary downloads.',
  },
  {
    name: 'user_config_dir',
    type: 'string',
    noEffectPerUser: FILE_CHOSEN,
    default: null,
    description:
      'Directory of per-user config files named after the login name (parsed at login, errors fatal for that session; files must be owned by root).',
  },
  {
    name: 'user_sub_token',
    type: 'string',
    default: null,
    description: 'Token replaced by the login name in local_root and the guest home directory.',
  },
  {
    name: 'userlist_deny',
    type: 'bool',
    noEffectPerUser: PRE_LOGIN,
    default: true,
    description: 'With userlist_enable: YES refuses listed users; NO lets only listed users log in.',
  },
  {
    name: 'userlist_enable',
    type: 'bool',
    noEffectPerUser: PRE_LOGIN,
    default: false,
    description: 'Loads userlist_file (must be readable when local_enable=YES, else per-session OOPS).',
  },
  {
    name: 'userlist_file',
    type: 'string',
    noEffectPerUser: PRE_LOGIN,
    default: '/etc/vsftpd.user_list',
    defaultIn: { rhel7: '/etc/vsftpd/user_list', fedora: '/etc/vsftpd/user_list' },
    description: 'User list for userlist_enable.',
  },
  {
    name: 'userlist_log',
    type: 'bool',
    noEffectPerUser: PRE_LOGIN,
    default: false,
    builds: ['rhel7', 'fedora'],
    description: 'Logs userlist denials.',
  },
  {
    name: 'utf8_filesystem',
    type: 'bool',
    default: false,
    builds: ['debian-3.0.3'],
    description: 'Advertises UTF8 in FEAT.',
  },
  {
    name: 'validate_cert',
    type: 'bool',
    default: false,
    description: 'Requires client certificates to verify (no self-signed ones).',
  },
  {
    name: 'virtual_use_local_privs',
    type: 'bool',
    default: false,
    description: 'Gives guest/virtual users local-user privileges instead of anonymous ones.',
  },
  {
    name: 'vsftpd_log_file',
    type: 'string',
    noEffectPerUser: LOG_FILES,
    default: '/var/log/vsftpd.log',
    description:
      'vsftpd-format log (written with xferlog_enable=YES and xferlog_std_format=NO, or dual_log_enable=YES; not with syslog_enable=YES).',
  },
  {
    name: 'wc_logs_enable',
    type: 'bool',
    default: false,
    builds: ['rhel7', 'fedora'],
    description: 'Filters unprintable characters in logs in a wide-character-aware way.',
  },
  {
    name: 'write_enable',
    type: 'bool',
    default: false,
    description: 'Master switch for STOR, STOU, APPE, DELE, MKD, RMD, RNFR/RNTO, SITE CHMOD and the like.',
  },
  {
    name: 'xferlog_enable',
    type: 'bool',
    noEffectPerUser: LOG_FILES,
    default: false,
    description: 'Logs transfers (to vsftpd_log_file, or to xferlog_file with xferlog_std_format=YES).',
  },
  {
    name: 'xferlog_file',
    type: 'string',
    noEffectPerUser: LOG_FILES,
    default: '/var/log/xferlog',
    description: 'wu-ftpd-format transfer log (written only with xferlog_std_format=YES or dual_log_enable=YES).',
  },
  {
    name: 'xferlog_std_format',
    type: 'bool',
    noEffectPerUser: LOG_FILES,
    default: false,
    description: 'Writes the transfer log in wu-ftpd xferlog format to xferlog_file.',
  },
];

/**
 * Per-user config files (user_config_dir, read after login): only what applies to them is
 * checked, options read before login are reported as having no effect, and no fix adds
 * server-wide settings.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fix, getTarget, lint, OPTIONS, RULES } from '../src';
import { BUILD_IDS } from '../src/schema/options';
import { lintOptionsFor } from '../src/cli/lint-flags';
import { configForFile, parseProjectConfig } from '../src/engine/config/validate';

const ALICE = fs.readFileSync(path.resolve(__dirname, '../fixtures/per-user/users/alice'), 'utf8');

describe('a per-user file', () => {
  it('gets the server-only findings when linted as a server config, and none per user', () => {
    const asServer = lint(ALICE).map((f) => f.name);
    // What the issue saw: missing passive range, listener, anonymous default, banner, logging...
    expect(asServer).toEqual(expect.arrayContaining(['pasv-range-missing', 'inetd-mode', 'anonymous-enabled', 'no-banner', 'no-xferlog']));
    expect(asServer.length).toBeGreaterThanOrEqual(8);
    const perUser = lint(ALICE, { perUser: true });
    expect(perUser.map((f) => [f.name, f.line, f.option])).toEqual([['per-user-no-effect', 6, 'chroot_local_user']]);
  });

  it('gets no fix that appends server-wide settings, even unsafe ones', () => {
    expect(fix(ALICE, { unsafe: true }).output).not.toBe(ALICE); // the server reading appends lines
    const result = fix(ALICE, { unsafe: true, perUser: true });
    expect(result.output).toBe(ALICE);
    expect(result.applied).toEqual([]);
  });

  it('still gets the syntax errors that end the login, with their fixes', () => {
    const text = 'local_root=/srv/ftp/bob\nwrite_enable=YES \n';
    const findings = lint(text, { perUser: true });
    expect(findings.map((f) => [f.name, f.severity, f.line])).toEqual([['bad-bool-value', 'error', 2]]);
    expect(fix(text, { perUser: true }).output).toBe('local_root=/srv/ftp/bob\nwrite_enable=YES\n');
  });

  it('runs only the rules marked for per-user files', () => {
    // Both switches off stops every connection in a server config; per user they have no effect.
    const text = 'anonymous_enable=NO\nlocal_enable=NO\nlisten=YES\nlisten_ipv6=YES\n';
    expect(lint(text).some((f) => f.name === 'no-login-possible')).toBe(true);
    const perUser = lint(text, { perUser: true, rules: RULES });
    expect(new Set(perUser.map((f) => f.name))).toEqual(new Set(['per-user-no-effect']));
    expect(perUser.map((f) => f.option)).toEqual(['anonymous_enable', 'local_enable', 'listen', 'listen_ipv6']);
  });

  it.each(BUILD_IDS.map((id) => [id] as const))('reports exactly the options the schema marks as read before login (%s)', (id) => {
    const options = [...getTarget(id).options.values()];
    const sample = { bool: 'YES', uint: '1', string: 'x' } as const;
    const text = options.map((o) => `${o.name}=${sample[o.type]}\n`).join('');
    const reported = lint(text, { target: id, perUser: true })
      .filter((f) => f.name === 'per-user-no-effect')
      .map((f) => f.option);
    expect(reported).toEqual(options.filter((o) => o.noEffectPerUser).map((o) => o.name));
  });

  it('marks the options vsftpd decides before login, and not those the session reads', () => {
    const noEffect = new Set(OPTIONS.filter((o) => o.noEffectPerUser).map((o) => o.name));
    // twoprocess.c process_login_req decides the chroot before handle_per_user_config.
    for (const name of ['chroot_local_user', 'chroot_list_enable', 'chroot_list_file', 'listen', 'userlist_enable', 'xferlog_enable']) {
      expect(noEffect).toContain(name);
    }
    // Read after the file: the session (postlogin.c), the chroot target and the PASV sockets.
    for (const name of [
      'local_root',
      'write_enable',
      'local_umask',
      'cmds_allowed',
      'guest_enable',
      'allow_writeable_chroot',
      'pasv_min_port',
      'anon_upload_enable',
      'user_sub_token',
    ]) {
      expect(noEffect).not.toContain(name);
    }
  });
});

describe('per-user mode in .vsftpd-lint.json', () => {
  const config = parseProjectConfig(
    '{ "target": "fedora", "overrides": [ { "files": ["users/"], "perUser": true } ] }',
    '/srv/conf/.vsftpd-lint.json',
    { rules: RULES },
  );

  it('is chosen by path through an override', () => {
    expect(configForFile(config, '/srv/conf/users/alice').perUser).toBe(true);
    expect(lintOptionsFor(config, '/srv/conf/users/alice')).toMatchObject({ perUser: true, target: 'fedora' });
    expect(lintOptionsFor(config, '/srv/conf/vsftpd.conf').perUser).toBeUndefined();
  });

  it('is set for every file by the --per-user flag', () => {
    expect(lintOptionsFor(config, '/srv/conf/vsftpd.conf', { perUser: true }).perUser).toBe(true);
    expect(lintOptionsFor(null, 'vsftpd.conf', { perUser: true }).perUser).toBe(true);
  });

  it('must be a boolean', () => {
    expect(() => parseProjectConfig('{ "overrides": [ { "files": ["u/"], "perUser": "yes" } ] }', 'c.json', { rules: RULES })).toThrow(
      /overrides\[0\]\.perUser/,
    );
  });

  it('at the top level applies to every file, and an override can say false', () => {
    const all = parseProjectConfig(
      '{ "perUser": true, "overrides": [ { "files": ["vsftpd.conf"], "perUser": false } ] }',
      '/c/.vsftpd-lint.json',
      { rules: RULES },
    );
    expect(lintOptionsFor(all, '/c/users/bob').perUser).toBe(true);
    expect(lintOptionsFor(all, '/c/vsftpd.conf').perUser).toBe(false);
    // --per-user wins over the config file.
    expect(lintOptionsFor(all, '/c/vsftpd.conf', { perUser: true }).perUser).toBe(true);
  });
});

/**
 * Per-user files against the real vsftpd (Debian 3.0.3) on 127.0.0.1: what vsftpd does with a
 * line of `<user_config_dir>/<user>` matches what the per-user lint says. The anonymous user's
 * file is named after ftp_username ("ftp"), so anonymous logins exercise the same code path
 * (twoprocess.c handle_per_user_config) as local users, without creating accounts.
 *
 * Needs root and the vsftpd package (./scripts/test.sh installs it).
 */
import * as fs from 'fs';
import * as path from 'path';
import { lint } from '../src';
import { closeAllClients, FtpClient } from './support/ftp-client';
import { freePort, makeWorkDir, stopAllServers, vsftpdConfig, vsftpdUnavailable, Vsftpd } from './support/ftp-server';

jest.setTimeout(45000);

let work: { dir: string; root: string };
let usersDir: string;
let logFile: string;

beforeAll(() => {
  const unavailable = vsftpdUnavailable();
  if (unavailable) throw new Error(unavailable);
  work = makeWorkDir('vsftpd-lint-per-user-');
  usersDir = path.join(work.dir, 'users');
  fs.mkdirSync(usersDir, { mode: 0o755 });
  logFile = path.join(work.dir, 'vsftpd.log');
});

afterEach(async () => {
  closeAllClients();
  await stopAllServers();
  fs.rmSync(logFile, { force: true });
});

afterAll(() => {
  if (work) fs.rmSync(work.dir, { recursive: true, force: true });
});

/** Starts vsftpd with user_config_dir set and `perUser` as the anonymous user's file (undefined: none). */
async function serverWith(perUser: string | undefined, extra: readonly string[] = []): Promise<number> {
  const file = path.join(usersDir, 'ftp');
  if (perUser === undefined) fs.rmSync(file, { force: true });
  else fs.writeFileSync(file, perUser, { mode: 0o644 });
  const port = await freePort();
  const config = vsftpdConfig({
    address: '127.0.0.1',
    port,
    root: work.root,
    extra: [`user_config_dir=${usersDir}`, `vsftpd_log_file=${logFile}`, ...extra],
  });
  await Vsftpd.start({ dir: work.dir, name: 'per-user', config, port });
  return port;
}

const logged = () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '');

describe('per-user files with the real vsftpd', () => {
  it('a setting the session reads takes effect, and the per-user lint leaves it alone', async () => {
    const perUser = 'cmds_allowed=PWD,QUIT\n';
    expect(lint(perUser, { perUser: true })).toEqual([]);
    const client = await FtpClient.connect(await serverWith(perUser));
    await client.loginAnonymously();
    expect((await client.command('SYST')).text).toBe('550 Permission denied.');
    expect((await client.command('PWD')).code).toBe(257);

    const without = await FtpClient.connect(await serverWith(undefined));
    await without.loginAnonymously();
    expect((await without.command('SYST')).code).toBe(215);
  });

  it('a setting read before login has no effect, as per-user-no-effect says', async () => {
    const perUser = 'xferlog_enable=YES\nlog_ftp_protocol=YES\n';
    expect(lint(perUser, { perUser: true }).map((f) => [f.name, f.line])).toEqual([['per-user-no-effect', 1]]);
    const client = await FtpClient.connect(await serverWith(perUser));
    await client.loginAnonymously();
    expect((await client.command('PWD')).code).toBe(257);
    expect((await client.command('QUIT')).code).toBe(221);
    expect(logged()).not.toContain('"PWD"');

    // The same two lines in the server config do log the session's commands.
    const logging = await FtpClient.connect(await serverWith(undefined, ['xferlog_enable=YES', 'log_ftp_protocol=YES']));
    await logging.loginAnonymously();
    expect((await logging.command('PWD')).code).toBe(257);
    expect((await logging.command('QUIT')).code).toBe(221);
    expect(logged()).toContain('"PWD"');
  });

  it('a line vsftpd refuses ends the login, and the per-user lint calls it an error', async () => {
    const perUser = 'local_root=/srv/ftp\nwrite_enable=YES \n';
    expect(lint(perUser, { perUser: true }).map((f) => [f.name, f.severity, f.line])).toEqual([['bad-bool-value', 'error', 2]]);
    const client = await FtpClient.connect(await serverWith(perUser));
    expect((await client.command('USER anonymous')).code).toBe(331);
    expect((await client.command('PASS lint@example.com')).text).toBe('500 OOPS: bad bool value in config file for: write_enable');
  });
});

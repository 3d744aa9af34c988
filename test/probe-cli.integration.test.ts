/**
 * `vsftpd-lint probe` end to end: the built CLI (dist/src/cli/main.js; `npm run build` first,
 * `npm test` does) spawned as a user runs it, against Debian's vsftpd 3.0.3 on free ports of
 * 127.0.0.1 (test/support/ftp-server.ts) and small fake servers where the test must see what the
 * client sends (the password). The probe library itself is tested in test/probe.integration.test.ts; this
 * file tests the wiring: flags, exit statuses, the password's paths (environment variable,
 * prompt without echo on a terminal, refused on the command line and in the URL, never printed),
 * and one-line errors without stack traces.
 *
 * Packets go only to 127.0.0.1. Every vsftpd and fake server is stopped after each test.
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import {
  fakeFtpServer,
  FakeServer,
  freePort,
  makeWorkDir,
  stopAllServers,
  Vsftpd,
  vsftpdConfig,
  vsftpdUnavailable,
} from './support/ftp-server';

jest.setTimeout(30000);

const ROOT = path.resolve(__dirname, '..');
const CLI = path.join(ROOT, 'dist/src/cli/main.js');
const SECRET = 'S3cret-Cli-Pw';
const ESC = '\u001b[';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** The colour variables jest or the caller's shell may set, which would make results vary. */
const COLOR_ENV = ['NO_COLOR', 'FORCE_COLOR', 'NODE_DISABLE_COLORS', 'TERM'];

/**
 * Runs the CLI asynchronously (the fake servers live in this process, so it must not block),
 * killed after `limitMs`: a probe that hangs fails the test instead of stalling it.
 */
function cli(args: readonly string[], options: { env?: NodeJS.ProcessEnv; limitMs?: number } = {}): Promise<Run> {
  const env = { ...process.env };
  for (const name of COLOR_ENV) delete env[name];
  return runProcess(process.execPath, [CLI, ...args], { ...env, ...options.env }, options.limitMs ?? 20000);
}

function runProcess(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  limitMs: number,
  onStdout?: (all: string, child: ReturnType<typeof spawn>) => void,
): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      onStdout?.(stdout, child);
    });
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr, ms: Date.now() - started });
    });
    if (!onStdout) child.stdin.end();
  });
}

let work: { dir: string; root: string };

beforeAll(() => {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first`);
  const why = vsftpdUnavailable();
  if (why) throw new Error(why);
  work = makeWorkDir('vsftpd-lint-probe-cli-');
});

afterEach(async () => {
  await stopAllServers();
});

afterAll(() => {
  if (work) fs.rmSync(work.dir, { recursive: true, force: true });
});

let serial = 0;

/** vsftpd on 127.0.0.1:PORT with `extra` config lines; returns the port. */
async function loopbackServer(extra: readonly string[]): Promise<number> {
  const port = await freePort();
  const config = vsftpdConfig({ address: '127.0.0.1', port, root: work.root, extra });
  await Vsftpd.start({ dir: work.dir, name: `c${++serial}`, config, port });
  return port;
}

function writeConfig(name: string, text: string): string {
  const file = path.join(work.dir, name);
  fs.writeFileSync(file, text);
  return file;
}

/** A fake server that accepts only SECRET as the password, recording every command it gets. */
async function passwordServer(): Promise<{ server: FakeServer; commands: string[] }> {
  const commands: string[] = [];
  const record = (verb: string, reply: string) => (arg: string) => {
    commands.push(`${verb} ${arg}`);
    return reply;
  };
  const server = await fakeFtpServer({
    replies: {
      USER: record('USER', '331 Please specify the password.'),
      PASS: (arg) => {
        commands.push(`PASS ${arg}`);
        return arg === SECRET ? '230 Login successful.' : '530 Login incorrect.';
      },
      PASV: record('PASV', '550 Permission denied.'),
      EPSV: record('EPSV', '550 Permission denied.'),
    },
  });
  return { server, commands };
}

const stackTrace = /\n\s+at .+\(.*:\d+:\d+\)/;

/** A usage error: exit 2, one line on stderr naming the CLI, nothing on stdout. */
function expectUsageError(run: Run, pattern: RegExp): void {
  expect(run.status).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^vsftpd-lint: [^\n]+\n$/);
  expect(run.stderr).toMatch(pattern);
}

describe('probe against the real vsftpd', () => {
  it('a healthy server: every step passes, exit 0', async () => {
    const port = await loopbackServer([]);
    const run = await cli(['probe', `ftp://127.0.0.1:${port}`, '--timeout', '3']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`probe ftp://anonymous@127.0.0.1:${port}\n`);
    for (const step of ['connect', 'banner ', 'FEAT', 'login', 'PASV', 'EPSV']) {
      expect(run.stdout).toMatch(new RegExp(`^✓ ${step}`, 'm'));
    }
    expect(run.stdout).toMatch(/^ +LIST: 1 entry/m);
    expect(run.stdout).toContain('Diagnosis: no problem found.');
    expect(run.stdout).toMatch(/^Result: passive listing works \(exit 0\), \d+ ms$/m);
    expect(run.stdout).not.toContain(ESC); // not a terminal
  });

  it('--active tests active mode too; --transcript shows the commands and replies', async () => {
    const port = await loopbackServer([]);
    const run = await cli(['probe', '--active', '--transcript', `ftp://127.0.0.1:${port}`, '--timeout', '3']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^✓ active/m);
    expect(run.stdout).toMatch(/> PORT 127,0,0,1,\d+,\d+/);
    expect(run.stdout).toContain('< 200 PORT command successful. Consider using PASV.');
  });

  it('pasv_enable=NO: exit 1, the diagnosis names pasv_enable and VSF201', async () => {
    const port = await loopbackServer(['pasv_enable=NO']);
    const run = await cli(['probe', `ftp://127.0.0.1:${port}`, '--timeout', '3']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^✗ PASV +550 Permission denied\./m);
    expect(run.stdout).toContain('vsftpd.conf: pasv_enable');
    expect(run.stdout).toContain('VSF201 pasv-disabled');
    expect(run.stdout).toMatch(/^Result: data-connection problem \(exit 1\)/m);
  });

  it('pasv_address of another machine (127.0.0.2): exit 1, the diagnosis names pasv_address', async () => {
    const port = await loopbackServer(['pasv_address=127.0.0.2']);
    const run = await cli(['probe', `ftp://127.0.0.1:${port}`, '--timeout', '2']);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^✗ PASV +227 Entering Passive Mode \(127,0,0,2,\d+,\d+\)\./m);
    expect(run.stdout).toMatch(/^✓ EPSV/m); // EPSV carries no address: exactly how clients hide it
    expect(run.stdout).toContain('pasv-address-mismatch');
    expect(run.stdout).toContain('vsftpd.conf: pasv_address');
  });

  it("--config: the advertised port is checked against the config's passive range", async () => {
    const port = await loopbackServer(['pasv_min_port=42010', 'pasv_max_port=42019']);
    const config = writeConfig('other-range.conf', 'listen=YES\npasv_min_port=40010\npasv_max_port=40019\n');
    const run = await cli(['probe', '--config', config, `ftp://127.0.0.1:${port}`, '--timeout', '3']);
    expect(run.status).toBe(0); // listings work; the server just does not run this config
    expect(run.stdout).toMatch(/passive-port-outside-range: PASV offered port 420\d\d, outside the expected passive range 40010-40019/);
    expect(run.stdout.replace(/\s+/g, ' ')).toContain('pasv_min_port=40010 (line 2) and pasv_max_port=40019 (line 3)');
  });

  it('--config with a file that cannot be read: one line, exit 2, no probe', async () => {
    const run = await cli(['probe', '--config', path.join(work.dir, 'missing.conf'), 'ftp://127.0.0.1:1']);
    expectUsageError(run, /missing\.conf: no such file/);
  });

  it('--format json: the report parses, with the exit status in it', async () => {
    const port = await loopbackServer(['pasv_enable=NO']);
    const run = await cli(['probe', '--format', 'json', `ftp://127.0.0.1:${port}`, '--timeout', '3']);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ format: 'vsftpd-lint-probe', version: 1, exitCode: 1, outcome: 'data-connection-problem' });
    expect(report.target).toMatchObject({ host: '127.0.0.1', port, user: 'anonymous', timeoutMs: 3000 });
    expect(report.diagnoses[0]).toMatchObject({ id: 'passive-refused', options: expect.arrayContaining(['pasv_enable']) });
    expect(report.diagnoses[0].rules).toContainEqual({ id: 'VSF201', name: 'pasv-disabled' });
  });

  it('colour: --no-color wins over FORCE_COLOR, FORCE_COLOR colours a pipe', async () => {
    const port = await loopbackServer([]);
    const forced = await cli(['probe', `ftp://127.0.0.1:${port}`], { env: { FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain(ESC);
    const plain = await cli(['probe', '--no-color', `ftp://127.0.0.1:${port}`], { env: { FORCE_COLOR: '1' } });
    expect(plain.stdout).not.toContain(ESC);
    expect(plain.status).toBe(0);
  });

  describe('explicit FTPS (--tls, --insecure)', () => {
    const opensslMissing = spawnSync('sh', ['-c', 'command -v openssl']).status !== 0;
    const itTls = opensslMissing ? it.skip : it;
    if (opensslMissing) console.warn('FTPS CLI tests skipped: openssl is missing (apt-get install -y openssl)');

    itTls('a self-signed certificate: exit 2 without --insecure, listings work with it', async () => {
      const cert = path.join(work.dir, 'cert.pem');
      const key = path.join(work.dir, 'key.pem');
      const made = spawnSync(
        'openssl',
        ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=localhost'],
        { timeout: 20000 },
      );
      if (made.status !== 0) throw new Error(`openssl req failed: ${made.stderr.toString()}`);
      fs.chmodSync(key, 0o600);
      const port = await loopbackServer(['ssl_enable=YES', 'allow_anon_ssl=YES', `rsa_cert_file=${cert}`, `rsa_private_key_file=${key}`]);
      const strict = await cli(['probe', '--tls', `ftp://127.0.0.1:${port}`, '--timeout', '3']);
      expect(strict.status).toBe(2);
      expect(strict.stdout).toContain('tls-untrusted');
      const lax = await cli(['probe', '--tls', '--insecure', `ftp://127.0.0.1:${port}`, '--timeout', '3']);
      expect(lax.status).toBe(0);
      expect(lax.stdout).toContain('certificate NOT verified');
      expect(lax.stdout).toContain('(explicit FTPS)');
    });
  });
});

describe('probe: servers that cannot be reached or logged into', () => {
  it('a closed port: exit 2 with one clear diagnosis, no stack trace', async () => {
    const port = await freePort();
    const run = await cli(['probe', `ftp://127.0.0.1:${port}`, '--timeout', '2']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^✗ connect +127\.0\.0\.1:\d+: connection refused/m);
    expect(
      run.stdout.match(/^✗ \[connect\] control-refused: nothing accepts connections on 127\.0\.0\.1:\d+ \(connection refused\)$/gm),
    ).toHaveLength(1);
    expect(run.stdout).toMatch(/^Result: server not reachable \(exit 2\)/m);
    expect(run.stdout).not.toMatch(stackTrace);
  });

  it('a server that never greets: --timeout bounds the wait, exit 2', async () => {
    const silent = await FakeServer.start(() => undefined);
    const run = await cli(['probe', `ftp://127.0.0.1:${silent.port}`, '--timeout', '0.5'], { limitMs: 10000 });
    expect(run.status).toBe(2);
    expect(run.ms).toBeLessThan(5000);
    expect(run.stdout).toContain('no-banner');
  });
});

describe('probe: the password', () => {
  it('--password-env: the password is sent to the server and never printed, human or JSON', async () => {
    const { server, commands } = await passwordServer();
    for (const format of ['human', 'json']) {
      const run = await cli(
        ['probe', '--format', format, '--transcript', '--password-env', 'FTP_PW', `ftp://bob@127.0.0.1:${server.port}`],
        {
          env: { FTP_PW: SECRET },
        },
      );
      expect(run.status).toBe(1); // logged in; the fake server refuses PASV/EPSV
      expect(run.stdout + run.stderr).not.toContain(SECRET);
      expect(run.stdout).toContain('bob');
    }
    expect(commands.filter((c) => c.startsWith('PASS'))).toEqual([`PASS ${SECRET}`, `PASS ${SECRET}`]);
  });

  it('a wrong password: exit 2 (login failed), and it is not printed either', async () => {
    const { server } = await passwordServer();
    const run = await cli(['probe', '--password-env', 'FTP_PW', `ftp://bob@127.0.0.1:${server.port}`], { env: { FTP_PW: 'not-it-42' } });
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(/^Result: login failed \(exit 2\)/m);
    expect(run.stdout + run.stderr).not.toContain('not-it-42');
  });

  it('--password-env naming an unset variable: one line, exit 2', async () => {
    const run = await cli(['probe', '--password-env', 'NO_SUCH_PW_VAR', 'ftp://bob@127.0.0.1:1'], { env: { NO_SUCH_PW_VAR: undefined } });
    expectUsageError(run, /NO_SUCH_PW_VAR is not set/);
  });

  it('--password-env given a password instead of a name: refused without echoing it', async () => {
    const run = await cli(['probe', '--password-env', 'hunter2!', 'ftp://bob@127.0.0.1:1']);
    expectUsageError(run, /takes the NAME of an environment variable/);
    expect(run.stderr).not.toContain('hunter2');
  });

  it('a password in the URL is refused before any connection, and not echoed', async () => {
    const connections: net.Socket[] = [];
    const server = await FakeServer.start((socket) => connections.push(socket));
    for (const url of [
      `ftp://bob:${SECRET}@127.0.0.1:${server.port}`,
      `bob:${SECRET}@127.0.0.1:${server.port}`,
      `ftp://bob:${SECRET}@127.0.0.1:notaport`,
    ]) {
      const run = await cli(['probe', url]);
      expectUsageError(run, /a password in the URL is refused/);
      expect(run.stderr).not.toContain(SECRET);
    }
    expect(connections).toHaveLength(0);
  });

  it('a password option on the command line is refused, and not echoed', async () => {
    for (const args of [['--password', SECRET], [`--password=${SECRET}`], ['-p', SECRET], ['--pass', SECRET]]) {
      const run = await cli(['probe', ...args, 'ftp://bob@127.0.0.1:1']);
      expectUsageError(run, /a password on the command line is refused/);
      expect(run.stderr).not.toContain(SECRET);
    }
  });

  it('a named user without --password-env and without a terminal: one line, exit 2', async () => {
    const run = await cli(['probe', 'ftp://bob@127.0.0.1:1']);
    expectUsageError(run, /user "bob" needs a password and standard input is not a terminal.*--password-env/);
  });

  it('anonymous and ftp need no password', async () => {
    const port = await loopbackServer([]);
    for (const user of ['anonymous', 'ftp']) {
      const run = await cli(['probe', `ftp://${user}@127.0.0.1:${port}`, '--timeout', '3']);
      expect(run.status).toBe(0);
    }
  });

  const scriptMissing = spawnSync('sh', ['-c', 'command -v script']).status !== 0;
  if (scriptMissing) console.warn('prompt test skipped: script(1) is missing (apt-get install -y bsdutils)');
  (scriptMissing ? it.skip : it)('on a terminal, it is asked for without echo (script(1) provides the terminal)', async () => {
    const { server, commands } = await passwordServer();
    const env = { ...process.env };
    for (const name of COLOR_ENV) delete env[name];
    const command = `'${process.execPath}' '${CLI}' probe --no-color ftp://bob@127.0.0.1:${server.port}`;
    let typed = false;
    const run = await runProcess('script', ['-qec', command, '/dev/null'], env, 20000, (out, child) => {
      if (!typed && out.includes('Password for bob: ')) {
        typed = true;
        child.stdin?.write(`${SECRET}\r`);
      }
    });
    expect(typed).toBe(true);
    expect(run.status).toBe(1); // logged in; PASV/EPSV refused by the fake server
    expect(run.stdout).toMatch(/✓ login +230 Login successful\. \(as bob\)/);
    expect(run.stdout).not.toContain(SECRET); // the terminal did not echo it
    expect(commands).toContain(`PASS ${SECRET}`);
  });
});

describe('probe: usage errors are one line, exit 2', () => {
  it.each([
    [[], /probe needs a server/],
    [['ftp://a', 'ftp://b'], /probe takes one server/],
    [['https://example.invalid'], /unsupported scheme "https"/],
    [['ftp://127.0.0.1/pub'], /not a path/],
    [['--timeout', '0', 'ftp://127.0.0.1'], /--timeout takes a number of seconds/],
    [['--timeout', 'soon', 'ftp://127.0.0.1'], /--timeout takes a number of seconds/],
    [['--format', 'xml', 'ftp://127.0.0.1'], /Invalid values: Argument: format/],
    [['--insecure', 'ftp://127.0.0.1'], /--insecure only applies with --tls or ftps:\/\//],
    [['--bogus', 'ftp://127.0.0.1'], /Unknown argument: bogus/],
  ])('%j', async (args, pattern) => {
    expectUsageError(await cli(['probe', ...args]), pattern);
  });

  it('--help: usage, examples and the exit statuses, exit 0', async () => {
    const run = await cli(['probe', '--help']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('vsftpd-lint probe ftp://[user@]host[:port] | ftps://[user@]host[:port] [options]');
    expect(run.stdout).toContain('Examples:');
    expect(run.stdout).toContain('--password-env');
    // what report() decides: 0 every data step that ran worked, 1 one failed, 2 no session
    expect(run.stdout).toMatch(
      /Exit status:\n +0 +logged in, and every data-connection step that ran worked \(PASV, EPSV, and with --active\n +PORT\/EPRT/,
    );
    expect(run.stdout).toMatch(/\n +1 +logged in, but at least one of those steps failed/);
    expect(run.stdout).toMatch(
      /\n +2 +no FTP session: the server could not be reached, is not FTP \(or speaks implicit FTPS\), the\n +TLS handshake or the login failed; or a usage error/,
    );
    expect(run.stdout).not.toContain('passive listing works (PASV or EPSV)');
  });
});

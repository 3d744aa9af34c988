/**
 * Servers for the probe and firewall tests: the real vsftpd (Debian 3.0.3, /usr/sbin/vsftpd)
 * started on a free port of 127.0.0.1 or inside a network namespace of our own, and small fake
 * servers on Node's `net` for what vsftpd never does (an HTTP server on the port, a connection
 * dropped mid-reply, an unparseable 227 reply).
 *
 * Every server is registered when started and stopped by `stopAllServers()` (call it in
 * afterEach), by PID for vsftpd, so a failing test leaves nothing running. vsftpd writes its
 * fatal "500 OOPS" lines to fd 0, so fd 0, 1 and 2 are a log file (shared/ftp-scenarios' lesson).
 * Recipe: shared/ftp-scenarios lib.sh (read, not used at run time).
 */
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';

const VSFTPD = '/usr/sbin/vsftpd';
const SECURE_CHROOT_DIR = '/var/run/vsftpd/empty';
/** Longest wait for vsftpd to listen. */
const START_MS = 5000;
/** Longest life of a vsftpd started here. */
const VSFTPD_LIFETIME_S = 120;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Why the real-server tests cannot run here, or undefined when they can. */
export function vsftpdUnavailable(): string | undefined {
  if (!fs.existsSync(VSFTPD)) return `${VSFTPD} is missing: run ./scripts/test.sh, which installs Debian's vsftpd package`;
  if (process.getuid?.() !== 0) return 'the real-vsftpd tests need root (vsftpd chroots): run ./scripts/test.sh as root';
  return undefined;
}

/** A TCP port nothing listens on right now, on `host`. */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, resolve);
  });
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Whether a process's network namespace has a TCP listener on `port` (any address), read from
 * /proc/PID/net/tcp, which shows the namespace of PID: no connection is made.
 */
function listensOn(pid: number, port: number): boolean {
  const hexPort = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  let table: string;
  try {
    table = fs.readFileSync(`/proc/${pid}/net/tcp`, 'utf8');
  } catch {
    return false;
  }
  return table.split('\n').some((row) => {
    const cols = row.trim().split(/\s+/);
    return cols[1]?.endsWith(hexPort) && cols[3] === '0A';
  });
}

function execPath(pid: number): string | undefined {
  try {
    return fs.readlinkSync(`/proc/${pid}/exe`);
  } catch {
    return undefined;
  }
}

/** A temp dir (0755) with an anonymous root "root/" (root-owned, 0755) holding hello.txt. */
export function makeWorkDir(prefix: string): { dir: string; root: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.chmodSync(dir, 0o755);
  const root = path.join(dir, 'root');
  fs.mkdirSync(root, { mode: 0o755 });
  fs.writeFileSync(path.join(root, 'hello.txt'), 'hello\n', { mode: 0o644 });
  fs.mkdirSync(SECURE_CHROOT_DIR, { recursive: true });
  return { dir, root };
}

/**
 * An anonymous, read-only standalone vsftpd config on ADDRESS:PORT with short timeouts
 * (connect_timeout and accept_timeout 2 s instead of 60), plus `extra` lines.
 */
export function vsftpdConfig(options: { address: string; port: number; root: string; extra?: readonly string[] }): string {
  return [
    'listen=YES',
    'listen_ipv6=NO',
    `listen_address=${options.address}`,
    `listen_port=${options.port}`,
    'background=NO',
    'anonymous_enable=YES',
    'local_enable=NO',
    'write_enable=NO',
    `anon_root=${options.root}`,
    `secure_chroot_dir=${SECURE_CHROOT_DIR}`,
    'seccomp_sandbox=NO',
    'xferlog_enable=NO',
    'connect_timeout=2',
    'accept_timeout=2',
    'data_connection_timeout=5',
    'idle_session_timeout=20',
    ...(options.extra ?? []),
    '',
  ].join('\n');
}

/** Anything a test started that must be stopped afterwards. */
interface Stoppable {
  stop(): Promise<void>;
}

const running = new Set<Stoppable>();

/** Stops every server started through this module and not yet stopped (call in afterEach). */
export async function stopAllServers(): Promise<void> {
  const all = [...running];
  running.clear();
  await Promise.all(all.map((server) => server.stop().catch(() => undefined)));
}

export class Vsftpd implements Stoppable {
  private constructor(
    readonly child: ChildProcess,
    readonly logPath: string,
  ) {}

  /**
   * Writes `config` to DIR/NAME.conf (0600, ours, as vsftpd requires) and starts vsftpd on it,
   * in network namespace `netns` when given (`ip netns exec` execs vsftpd, so the PID is
   * vsftpd's own); resolves once it listens on `port`, or throws with its log.
   */
  static async start(options: { dir: string; name: string; config: string; port: number; netns?: string }): Promise<Vsftpd> {
    const confPath = path.join(options.dir, `${options.name}.conf`);
    const logPath = path.join(options.dir, `${options.name}.log`);
    fs.writeFileSync(confPath, options.config, { mode: 0o600 });
    const log = fs.openSync(logPath, 'w+');
    let child: ChildProcess;
    try {
      // Under `timeout`, so a vsftpd outlives a SIGKILLed test run by two minutes at most
      // (`timeout` passes SIGTERM on to it).
      const bounded = ['timeout', '-k', '5', String(VSFTPD_LIFETIME_S), VSFTPD, confPath];
      const [command, ...args] = options.netns ? ['ip', 'netns', 'exec', options.netns, ...bounded] : bounded;
      child = spawn(command, args, { stdio: [log, log, log], cwd: '/' });
    } finally {
      fs.closeSync(log);
    }
    const server = new Vsftpd(child, logPath);
    running.add(server);
    const deadline = Date.now() + START_MS;
    // In a namespace, /proc/PID/net shows the namespace only once `ip` has exec'ed `timeout`.
    const ready = () =>
      child.pid !== undefined &&
      (!options.netns || /\/(timeout|vsftpd)$/.test(execPath(child.pid) ?? '')) &&
      listensOn(child.pid, options.port);
    while (!ready()) {
      if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
        await server.stop();
        throw new Error(`vsftpd did not start listening on port ${options.port}: ${server.log() || '(no output)'}`);
      }
      await sleep(20);
    }
    return server;
  }

  log(): string {
    return fs.existsSync(this.logPath) ? fs.readFileSync(this.logPath, 'utf8').trim() : '';
  }

  /** SIGTERM, then SIGKILL after a second. Its session processes end with it. */
  async stop(): Promise<void> {
    running.delete(this);
    const { child } = this;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 1000);
    let limit: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise((resolve) => (limit = setTimeout(resolve, 3000)))]);
    clearTimeout(timer);
    clearTimeout(limit);
  }
}

/** A fake server on 127.0.0.1 driven by `onConnection`; every socket is destroyed on stop. */
export class FakeServer implements Stoppable {
  private readonly sockets = new Set<net.Socket>();

  private constructor(
    private readonly server: net.Server,
    readonly port: number,
  ) {}

  static async start(onConnection: (socket: net.Socket) => void): Promise<FakeServer> {
    const server = net.createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', resolve);
    });
    const fake = new FakeServer(server, (server.address() as net.AddressInfo).port);
    server.on('connection', (socket) => {
      fake.sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => fake.sockets.delete(socket));
      onConnection(socket);
    });
    running.add(fake);
    return fake;
  }

  async stop(): Promise<void> {
    running.delete(this);
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

/**
 * A scripted FTP server: greets with `banner`, then answers each command line with
 * `replies[VERB]` (a string, or a function of the argument; undefined → "502 Not implemented.").
 * USER/PASS/QUIT/FEAT have defaults that let an anonymous login succeed.
 */
export function fakeFtpServer(script: {
  banner?: string;
  replies?: Record<string, string | ((arg: string, socket: net.Socket) => string | undefined)>;
}): Promise<FakeServer> {
  const defaults: Record<string, string> = {
    USER: '331 Please specify the password.',
    PASS: '230 Login successful.',
    FEAT: '211-Features:\r\n PASV\r\n211 End',
    QUIT: '221 Goodbye.',
  };
  return FakeServer.start((socket) => {
    socket.write(`${script.banner ?? '220 fake FTP'}\r\n`);
    let buffer = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\r\n')) !== -1) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const [verb, ...rest] = line.split(' ');
        const reply = script.replies?.[verb.toUpperCase()] ?? defaults[verb.toUpperCase()] ?? '502 Not implemented.';
        const text = typeof reply === 'function' ? reply(rest.join(' '), socket) : reply;
        if (text !== undefined && !socket.destroyed) socket.write(`${text}\r\n`);
        if (verb.toUpperCase() === 'QUIT') socket.end();
      }
    });
  });
}

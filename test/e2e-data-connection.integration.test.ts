/**
 * End to end, against the real vsftpd (Debian 3.0.3, /usr/sbin/vsftpd) on 127.0.0.1: a config a
 * data-connection rule flags really breaks passive transfers, and the config after applying the
 * rule's own fix really works. The FTP client is a few lines over Node's `net` module, so nothing
 * hides a wrong 227 address the way curl or Python's ftplib do.
 *
 * Needs root (vsftpd chroots) and the vsftpd package: the README's test command
 * (./scripts/test.sh) installs it. Every step has a timeout, and every vsftpd started here is
 * stopped by PID after each test, also on failure. Recipe: shared/ftp-scenarios (01, 03).
 */
import * as fs from 'fs';
import * as net from 'net';
import { lint, RULES } from '../src';
import type { Finding } from '../src';
import { applyEdits } from '../src/fix/apply-edits';
import { freePort, makeWorkDir, stopAllServers, vsftpdConfig, vsftpdUnavailable, Vsftpd } from './support/ftp-server';

/** Longest wait for any single step (a reply, a connect). */
const STEP_MS = 5000;

jest.setTimeout(45000);

// ---------------------------------------------------------------------------------------------
// Helpers: timeouts and a minimal FTP client (the server side is test/support/ftp-server.ts)
// ---------------------------------------------------------------------------------------------

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

interface Reply {
  readonly code: number;
  /** The last line of the reply, e.g. "227 Entering Passive Mode (127,0,0,1,156,64)." */
  readonly text: string;
}

/** A control connection: one reply at a time, each read with a timeout. */
class FtpClient {
  private buffer = '';
  private readonly lines: string[] = [];
  private waiting: (() => void) | undefined;
  private closed = false;

  private constructor(private readonly socket: net.Socket) {
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      let end: number;
      while ((end = this.buffer.indexOf('\r\n')) !== -1) {
        this.lines.push(this.buffer.slice(0, end));
        this.buffer = this.buffer.slice(end + 2);
      }
      this.waiting?.();
    });
    socket.on('close', () => {
      this.closed = true;
      this.waiting?.();
    });
    socket.on('error', () => undefined);
  }

  static async connect(port: number): Promise<FtpClient> {
    const socket = await connect('127.0.0.1', port);
    const client = new FtpClient(socket);
    clients.push(client);
    const greeting = await client.reply();
    expect(greeting.code).toBe(220);
    return client;
  }

  private async line(): Promise<string> {
    while (this.lines.length === 0) {
      if (this.closed) throw new Error('the server closed the control connection');
      await within(new Promise<void>((resolve) => (this.waiting = resolve)), STEP_MS, 'a reply line');
      this.waiting = undefined;
    }
    return this.lines.shift()!;
  }

  /** One reply; a multi-line reply ("230-...") is read up to its "230 " line. */
  async reply(): Promise<Reply> {
    let last = await this.line();
    const multi = /^(\d{3})-/.exec(last);
    if (multi) while (!last.startsWith(`${multi[1]} `)) last = await this.line();
    return { code: Number(last.slice(0, 3)), text: last };
  }

  async command(command: string): Promise<Reply> {
    this.socket.write(`${command}\r\n`);
    return this.reply();
  }

  async loginAnonymously(): Promise<void> {
    expect((await this.command('USER anonymous')).code).toBe(331);
    expect((await this.command('PASS lint@example.com')).text).toBe('230 Login successful.');
  }

  close(): void {
    this.socket.destroy();
  }
}

const clients: FtpClient[] = [];

function connect(host: string, port: number): Promise<net.Socket> {
  return within(
    new Promise<net.Socket>((resolve, reject) => {
      const socket = net.connect({ host, port });
      socket.once('connect', () => resolve(socket));
      socket.once('error', reject);
    }),
    STEP_MS,
    `connect to ${host}:${port}`,
  );
}

/** Everything the server sends on a data connection, until it closes it. */
function readAll(socket: net.Socket): Promise<string> {
  return within(
    new Promise<string>((resolve, reject) => {
      let data = '';
      socket.setEncoding('latin1');
      socket.on('data', (chunk: string) => (data += chunk));
      socket.once('end', () => resolve(data));
      socket.once('error', reject);
    }),
    STEP_MS,
    'the directory listing',
  );
}

/** The address and port of "227 Entering Passive Mode (h1,h2,h3,h4,p1,p2)." */
function parse227(reply: Reply): { host: string; port: number } {
  const m = /\((\d+),(\d+),(\d+),(\d+),(\d+),(\d+)\)/.exec(reply.text);
  if (reply.code !== 227 || !m) throw new Error(`not a 227 reply: ${reply.text}`);
  return { host: m.slice(1, 5).join('.'), port: Number(m[5]) * 256 + Number(m[6]) };
}

/** PASV, connect where the 227 reply says, LIST, and return the listing (150 ... 226). */
async function passiveList(client: FtpClient): Promise<{ pasv: Reply; listing: string }> {
  const pasv = await client.command('PASV');
  const { host, port } = parse227(pasv);
  const data = await connect(host, port);
  const listing = readAll(data);
  expect((await client.command('LIST')).code).toBe(150);
  const text = await listing;
  expect((await client.reply()).text).toBe('226 Directory send OK.');
  return { pasv, listing: text };
}

// ---------------------------------------------------------------------------------------------
// Set-up: a temp dir with the anonymous root and the configs
// ---------------------------------------------------------------------------------------------


let work: { dir: string; root: string };

beforeAll(() => {
  const unavailable = vsftpdUnavailable();
  if (unavailable) throw new Error(unavailable);
  work = makeWorkDir('vsftpd-lint-e2e-');
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await stopAllServers();
});

afterAll(() => {
  if (work) fs.rmSync(work.dir, { recursive: true, force: true });
});

/** An anonymous, read-only standalone server on 127.0.0.1:port with short timeouts, plus `extra`. */
function config(port: number, extra: string): string {
  return vsftpdConfig({ address: '127.0.0.1', port, root: work.root, extra: [extra] });
}

/** Starts vsftpd on `text` (as NAME.conf in the work dir) and waits until it listens on `port`. */
function startVsftpd(name: string, text: string, port: number): Promise<Vsftpd> {
  return Vsftpd.start({ dir: work.dir, name, config: text, port });
}

function findingOf(ruleName: string, text: string): Finding {
  const rule = RULES.find((r) => r.name === ruleName);
  expect(rule).toBeDefined();
  const findings = lint(text, { rules: [rule!] });
  expect(findings).toHaveLength(1);
  expect(findings[0].fix).toBeDefined();
  return findings[0];
}

function lintsClean(ruleName: string, text: string): void {
  const rule = RULES.find((r) => r.name === ruleName)!;
  expect(lint(text, { rules: [rule] })).toEqual([]);
}

// ---------------------------------------------------------------------------------------------
// The scenarios
// ---------------------------------------------------------------------------------------------

describe('data connections with the real vsftpd on 127.0.0.1', () => {
  it('pasv-disabled: PASV and EPSV get "550 Permission denied."; after the fix PASV + LIST work', async () => {
    const port = await freePort();
    const broken = config(port, 'pasv_enable=NO\n');
    const finding = findingOf('pasv-disabled', broken);
    expect(finding).toMatchObject({ ruleId: 'VSF201', severity: 'warning', fixable: 'unsafe' });

    const before = await startVsftpd('pasv-disabled', broken, port);
    const client = await FtpClient.connect(port);
    await client.loginAnonymously();
    expect((await client.command('PASV')).text).toBe('550 Permission denied.');
    expect((await client.command('EPSV')).text).toBe('550 Permission denied.');
    client.close();
    await before.stop();

    const fixed = applyEdits(broken, finding.fix!.edits);
    expect(fixed).toContain('pasv_enable=YES\n');
    lintsClean('pasv-disabled', fixed);
    await startVsftpd('pasv-disabled.fixed', fixed, port);
    const again = await FtpClient.connect(port);
    await again.loginAnonymously();
    const { pasv, listing } = await passiveList(again);
    expect(pasv.text).toMatch(/^227 Entering Passive Mode \(127,0,0,1,\d+,\d+\)\.$/);
    expect(listing).toContain('hello.txt');
  });

  it('pasv-address-unreachable: 227 advertises 127.0.0.9, where nothing listens; after the fix PASV + LIST work', async () => {
    const port = await freePort();
    const broken = config(port, 'pasv_address=127.0.0.9\n');
    const finding = findingOf('pasv-address-unreachable', broken);
    expect(finding).toMatchObject({ ruleId: 'VSF206', severity: 'error', fixable: 'unsafe', option: 'pasv_address' });

    const before = await startVsftpd('pasv-address', broken, port);
    const client = await FtpClient.connect(port);
    await client.loginAnonymously();
    const pasv = await client.command('PASV');
    const advertised = parse227(pasv);
    expect(advertised.host).toBe('127.0.0.9');
    // vsftpd listens on the control connection's address (127.0.0.1), not on pasv_address.
    await expect(connect(advertised.host, advertised.port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    // The server gives up after accept_timeout (2 s here).
    expect((await client.command('LIST')).text).toBe('425 Failed to establish connection.');
    client.close();
    await before.stop();

    const fixed = applyEdits(broken, finding.fix!.edits);
    expect(fixed).not.toContain('pasv_address');
    lintsClean('pasv-address-unreachable', fixed);
    await startVsftpd('pasv-address.fixed', fixed, port);
    const again = await FtpClient.connect(port);
    await again.loginAnonymously();
    const { pasv: fixedPasv, listing } = await passiveList(again);
    expect(parse227(fixedPasv).host).toBe('127.0.0.1');
    expect(listing).toContain('hello.txt');
  });
});

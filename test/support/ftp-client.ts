/**
 * A minimal FTP client over Node's `net` module for the tests against the real vsftpd, so
 * nothing hides a wrong 227 address the way curl or Python's ftplib do. Every client is
 * registered when connected; `closeAllClients()` (call it in afterEach) closes them.
 */
import * as net from 'net';

/** Longest wait for any single step (a reply, a connect). */
const STEP_MS = 5000;

// ---------------------------------------------------------------------------------------------
// Helpers: timeouts and a minimal FTP client (the server side is test/support/ftp-server.ts)
// ---------------------------------------------------------------------------------------------

export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export interface Reply {
  readonly code: number;
  /** The last line of the reply, e.g. "227 Entering Passive Mode (127,0,0,1,156,64)." */
  readonly text: string;
}

/** A control connection: one reply at a time, each read with a timeout. */
export class FtpClient {
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

/** Closes every client connected through this module. */
export function closeAllClients(): void {
  for (const client of clients.splice(0)) client.close();
}

export function connect(host: string, port: number): Promise<net.Socket> {
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
export function readAll(socket: net.Socket): Promise<string> {
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
export function parse227(reply: Reply): { host: string; port: number } {
  const m = /\((\d+),(\d+),(\d+),(\d+),(\d+),(\d+)\)/.exec(reply.text);
  if (reply.code !== 227 || !m) throw new Error(`not a 227 reply: ${reply.text}`);
  return { host: m.slice(1, 5).join('.'), port: Number(m[5]) * 256 + Number(m[6]) };
}

/** PASV, connect where the 227 reply says, LIST, and return the listing (150 ... 226). */
export async function passiveList(client: FtpClient): Promise<{ pasv: Reply; listing: string }> {
  const pasv = await client.command('PASV');
  const { host, port } = parse227(pasv);
  const data = await connect(host, port);
  const listing = readAll(data);
  expect((await client.command('LIST')).code).toBe(150);
  const text = await listing;
  expect((await client.reply()).text).toBe('226 Directory send OK.');
  return { pasv, listing: text };
}

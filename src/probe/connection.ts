/**
 * The probe's FTP control-channel client, written directly on Node's `net` and `tls` modules.
 *
 * Why not an FTP client library (basic-ftp, ftp, jsftp, ...): a probe has to observe exactly the
 * things a client library exists to smooth over. It must see every raw reply line, including
 * malformed ones and the text of a connection that is not FTP at all; it must connect the data
 * connection to the address the 227 reply ADVERTISES (libraries, like curl >= 7.74 and Python's
 * ftplib, quietly substitute the control connection's host and so hide the NAT
 * misconfiguration users suffer from); it must send PASV and EPSV separately instead of
 * "EPSV, and PASV if that fails"; it must own every socket so that each connect and each read
 * has its own deadline and nothing can hang; and it must tell a refused connection from a
 * dropped one (a timeout) from an unreachable network. The libraries expose none of this, or
 * only by reaching into their internals, so the ~300 lines here are the smaller risk.
 *
 * Nothing here reads the terminal, the environment or the process: the CLI is a shell over it.
 */
import * as net from 'net';
import * as tls from 'tls';
import { normalizeAddress, printable, Reply, ReplyReader } from './reply';

/** What went wrong on a socket, in the terms the diagnosis needs. */
export type NetErrorKind =
  /** No answer within the deadline: a firewall dropping packets, or a silent peer. */
  | 'timeout'
  /** Connection refused (RST): nothing listens there, or a firewall rejects. */
  | 'refused'
  /** No route: ENETUNREACH / EHOSTUNREACH. */
  | 'unreachable'
  /** The peer reset an established connection. */
  | 'reset'
  /** The peer closed the connection (before or in the middle of a reply). */
  | 'closed'
  /** The host name does not resolve. */
  | 'dns'
  /** TLS handshake or certificate failure. */
  | 'tls'
  /** The peer does not speak FTP (a line that cannot start an FTP reply). */
  | 'garbled'
  | 'error';

export class NetError extends Error {
  constructor(
    readonly kind: NetErrorKind,
    message: string,
    /** The system error code (ECONNREFUSED, ...) when there is one. */
    readonly code?: string,
    /** Text received before the failure (a reply cut off, the first line of a non-FTP server). */
    readonly partial?: string,
  ) {
    super(message);
    this.name = 'NetError';
  }
}

/** Maps a socket error to a NetError. */
export function netError(error: unknown, what: string): NetError {
  if (error instanceof NetError) return error;
  const err = error as NodeJS.ErrnoException;
  const code = typeof err?.code === 'string' ? err.code : undefined;
  const text = err?.message ?? String(error);
  switch (code) {
    case 'ECONNREFUSED':
      return new NetError('refused', `${what}: connection refused`, code);
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
    case 'EADDRNOTAVAIL':
      return new NetError('unreachable', `${what}: ${code === 'ENETUNREACH' ? 'network' : 'host'} unreachable (${code})`, code);
    case 'ETIMEDOUT':
      return new NetError('timeout', `${what}: timed out (${code})`, code);
    case 'ECONNRESET':
    case 'EPIPE':
      return new NetError('reset', `${what}: connection reset by the peer`, code);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return new NetError('dns', `${what}: the host name does not resolve (${code})`, code);
  }
  if (code && (code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS') || /CERT|SELF_SIGNED|UNABLE_TO/.test(code))) {
    return new NetError('tls', `${what}: TLS failed: ${text}`, code);
  }
  return new NetError('error', `${what}: ${text}`, code);
}

/** One line of the transcript: sent, received, or something that happened locally. */
export interface TranscriptEntry {
  /** Milliseconds since the probe started. */
  readonly t: number;
  readonly dir: 'sent' | 'received' | 'event';
  readonly text: string;
}

/** Where transcript lines go (a step's transcript); `mask` hides secrets in anything logged. */
export interface Log {
  (dir: TranscriptEntry['dir'], text: string): void;
}

/** Runs `start` with a deadline; `cancel` is called when the deadline passes first. */
function withDeadline<T>(ms: number, what: string, start: (settle: (error: Error | null, value?: T) => void) => () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let done = false;
    let cleanup: (() => void) | undefined;
    const settle = (error: Error | null, value?: T) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      cleanup?.();
      if (error) reject(error);
      else resolve(value as T);
    };
    const timer = setTimeout(() => settle(new NetError('timeout', `${what}: no answer within ${ms} ms`)), ms);
    try {
      const stop = start(settle);
      if (done) stop();
      else cleanup = stop;
    } catch (error) {
      settle(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

/**
 * Makes sure a socket's late 'error' event (a reset while nobody is reading) is never an
 * uncaught exception; the real handlers still see it.
 */
function guard<S extends net.Socket>(socket: S): S {
  socket.on('error', () => undefined);
  return socket;
}

/**
 * Opens a TCP connection with a deadline. The socket is destroyed on any failure, so a
 * firewall that drops the SYN costs exactly `timeoutMs`.
 */
export function connectTcp(host: string, port: number, timeoutMs: number, localAddress?: string): Promise<net.Socket> {
  const what = `connect to ${formatEndpoint(host, port)}`;
  let socket: net.Socket | undefined;
  return withDeadline<net.Socket>(timeoutMs, what, (settle) => {
    socket = guard(net.connect({ host, port, localAddress }));
    const onConnect = () => settle(null, socket);
    const onError = (error: Error) => settle(netError(error, what));
    socket.once('connect', onConnect);
    socket.once('error', onError);
    return () => {
      socket!.off('connect', onConnect);
      socket!.off('error', onError);
    };
  }).catch((error: Error) => {
    socket?.destroy();
    throw error;
  });
}

/**
 * Whether host:port completes a TLS handshake (certificate not checked): tells an implicit-FTPS
 * port, silent until the client's TLS hello, from other silent services. Never rejects.
 */
export async function speaksTls(host: string, port: number, timeoutMs: number): Promise<boolean> {
  let socket: tls.TLSSocket | undefined;
  try {
    await withDeadline<void>(timeoutMs, 'TLS handshake', (settle) => {
      socket = guard(tls.connect({ host, port, rejectUnauthorized: false, servername: net.isIP(host) ? undefined : host }));
      const onSecure = () => settle(null);
      const onError = (error: Error) => settle(error);
      socket.once('secureConnect', onSecure);
      socket.once('error', onError);
      socket.once('close', onError);
      return () => {
        socket!.off('secureConnect', onSecure);
        socket!.off('error', onError);
        socket!.off('close', onError);
      };
    });
    return true;
  } catch {
    return false;
  } finally {
    socket?.destroy();
  }
}

/** "127.0.0.1:21", "[::1]:21". */
export function formatEndpoint(host: string, port: number): string {
  return net.isIPv6(host) ? `[${host}]:${port}` : `${host}:${port}`;
}

/** TLS options of the probe (explicit FTPS, AUTH TLS). */
export interface TlsSettings {
  /** Verify the server's certificate against the system CAs (default true). */
  readonly rejectUnauthorized: boolean;
  /** Name to check the certificate against and to send as SNI (default: the host, if a name). */
  readonly servername?: string;
  /** Extra trusted CA certificates (PEM). */
  readonly ca?: string | Buffer | readonly (string | Buffer)[];
}

/** What the TLS handshake produced. */
export interface TlsInfo {
  readonly protocol: string | null;
  readonly cipher: string;
  /** Whether the certificate verified (always reported, also when verification is off). */
  readonly authorized: boolean;
  readonly authorizationError?: string;
  /** Subject CN of the server's certificate, when it has one. */
  readonly subject?: string;
}

/**
 * The control connection: one reply at a time, each awaited with a deadline. After a deadline
 * passes the channel is closed: a reply arriving later would be taken for the answer to the
 * next command, so a late server is never trusted again.
 */
export class ControlChannel {
  private reader = new ReplyReader();
  private readonly replies: Reply[] = [];
  private failure: NetError | undefined;
  /** A "500 OOPS" arrived: later replies belong to no command. */
  private ended = false;
  private wake: (() => void) | undefined;
  private socket: net.Socket;
  private session: Buffer | undefined;
  private readonly onData = (chunk: string | Buffer) => this.receive(typeof chunk === 'string' ? chunk : chunk.toString('latin1'));
  private readonly onClose = () => this.fail(this.closedError());
  private readonly onError = (error: Error) => this.fail(netError(error, 'control connection'));
  /** The server's address as this connection reached it (the address a 227 should carry). */
  readonly remoteAddress: string;
  readonly remotePort: number;
  /** This side's address (what PORT must carry). */
  readonly localAddress: string;
  readonly localPort: number;

  private constructor(
    socket: net.Socket,
    private readonly log: Log,
    private readonly mask: (text: string) => string,
  ) {
    this.socket = socket;
    this.remoteAddress = normalizeAddress(socket.remoteAddress ?? '');
    this.remotePort = socket.remotePort ?? 0;
    this.localAddress = normalizeAddress(socket.localAddress ?? '');
    this.localPort = socket.localPort ?? 0;
    this.attach(socket);
  }

  static async open(host: string, port: number, timeoutMs: number, log: Log, mask: (text: string) => string): Promise<ControlChannel> {
    const socket = await connectTcp(host, port, timeoutMs);
    socket.setNoDelay(true);
    return new ControlChannel(socket, log, mask);
  }

  get closed(): boolean {
    return this.failure !== undefined;
  }

  /** Whether the control connection is TLS-protected (after AUTH TLS). */
  get secure(): boolean {
    return this.socket instanceof tls.TLSSocket;
  }

  /** The TLS session, for data connections that must reuse it (vsftpd require_ssl_reuse). */
  get tlsSession(): Buffer | undefined {
    return this.session ?? (this.socket instanceof tls.TLSSocket ? this.socket.getSession() : undefined);
  }

  private attach(socket: net.Socket): void {
    socket.on('data', this.onData);
    socket.on('close', this.onClose);
    socket.on('error', this.onError);
  }

  private detach(socket: net.Socket): void {
    socket.off('data', this.onData);
    socket.off('close', this.onClose);
    socket.off('error', this.onError);
  }

  private receive(chunk: string): void {
    for (const event of this.reader.push(chunk)) {
      if (event.kind === 'garbled') {
        this.log('received', event.line);
        this.fail(new NetError('garbled', `not an FTP reply: "${event.line}"`, undefined, event.line));
        this.socket.destroy();
        return;
      }
      for (const line of event.reply.lines)
        this.log('received', `${this.mask(printable(line, 500))}${this.ended ? ' (after the session ended: ignored)' : ''}`);
      if (this.ended) continue;
      this.replies.push(event.reply);
      if (/^500 OOPS/.test(event.reply.text)) {
        // vsftpd ends the session after every "500 OOPS" (often with a second OOPS line from its
        // other process): nothing after it answers a later command.
        this.ended = true;
        this.fail(new NetError('closed', `the server ended the session with "${this.mask(printable(event.reply.text))}"`));
        this.socket.destroy();
      }
    }
    this.wake?.();
  }

  private closedError(): NetError {
    const partial = this.reader.partial;
    if (partial) {
      this.log('received', `${this.mask(printable(partial, 500))} (incomplete)`);
      return new NetError(
        'closed',
        `the server closed the connection in the middle of a reply: "${this.mask(printable(partial))}"`,
        undefined,
        partial,
      );
    }
    return new NetError('closed', 'the server closed the control connection');
  }

  private fail(error: NetError): void {
    if (this.failure) return;
    this.failure = error;
    this.log('event', error.message);
    this.wake?.();
  }

  /**
   * The next reply, within `timeoutMs`; on a timeout the channel is closed (see the class doc)
   * unless `closeOnTimeout` is false (waiting for a banner that may never come).
   */
  read(timeoutMs: number, closeOnTimeout = true): Promise<Reply> {
    const next = this.replies.shift();
    if (next) return Promise.resolve(next);
    if (this.failure) return Promise.reject(this.failure);
    return withDeadline<Reply>(timeoutMs, 'waiting for a reply', (settle) => {
      this.wake = () => {
        const reply = this.replies.shift();
        if (reply) settle(null, reply);
        else if (this.failure) settle(this.failure);
      };
      return () => (this.wake = undefined);
    }).catch((error: NetError) => {
      if (error.kind === 'timeout' && closeOnTimeout) {
        this.fail(new NetError('timeout', `no reply within ${timeoutMs} ms`));
        this.socket.destroy();
      }
      throw error;
    });
  }

  /** Sends one command line; `shown` is what the transcript records instead (e.g. "PASS ****"). */
  send(line: string, shown?: string): void {
    if (this.failure) return;
    this.log('sent', shown ?? this.mask(line));
    // UTF-8, as clients send non-ASCII user names and passwords (RFC 2640); commands are ASCII.
    this.socket.write(`${line}\r\n`, 'utf8');
  }

  async command(line: string, timeoutMs: number, shown?: string): Promise<Reply> {
    if (this.failure) throw this.failure;
    this.send(line, shown);
    return this.read(timeoutMs);
  }

  /**
   * Starts TLS on the control connection (after "234" to AUTH TLS). Any reply bytes the server
   * sent after 234 in clear text would be an attack (STARTTLS command injection) and are dropped.
   */
  async startTls(settings: TlsSettings, host: string, timeoutMs: number): Promise<TlsInfo> {
    const plain = this.socket;
    this.detach(plain);
    guard(plain);
    this.reader = new ReplyReader();
    this.replies.length = 0;
    const servername = settings.servername ?? (net.isIP(host) ? undefined : host);
    let secure: tls.TLSSocket | undefined;
    try {
      secure = await withDeadline<tls.TLSSocket>(timeoutMs, 'TLS handshake', (settle) => {
        const socket = guard(
          tls.connect({
            socket: plain,
            servername,
            rejectUnauthorized: settings.rejectUnauthorized,
            ca: settings.ca as tls.ConnectionOptions['ca'],
          }),
        );
        secure = socket;
        const onSecure = () => settle(null, socket);
        const onError = (error: Error) => settle(netError(error, 'TLS handshake'));
        const onClose = () => settle(new NetError('closed', 'TLS handshake: the server closed the connection'));
        socket.once('secureConnect', onSecure);
        socket.once('error', onError);
        socket.once('close', onClose);
        return () => {
          socket.off('secureConnect', onSecure);
          socket.off('error', onError);
          socket.off('close', onClose);
        };
      });
    } catch (error) {
      secure?.destroy();
      plain.destroy();
      this.fail(error as NetError);
      throw error;
    }
    secure.on('session', (session: Buffer) => (this.session = session));
    this.socket = secure;
    this.attach(secure);
    const cert = secure.getPeerCertificate();
    const subject = cert && cert.subject ? cert.subject.CN : undefined;
    return {
      protocol: secure.getProtocol(),
      cipher: secure.getCipher().name,
      authorized: secure.authorized,
      authorizationError: secure.authorizationError ? String(secure.authorizationError) : undefined,
      subject: typeof subject === 'string' ? subject : undefined,
    };
  }

  /** QUIT politely (bounded), then close. */
  async quit(timeoutMs: number): Promise<void> {
    if (!this.failure) {
      try {
        await this.command('QUIT', timeoutMs);
      } catch {
        // the session is over either way
      }
    }
    this.close();
  }

  close(): void {
    if (!this.failure) this.failure = new NetError('closed', 'closed by the probe');
    this.socket.destroy();
  }
}

/** A data connection's outcome: what arrived, and how it ended. */
export interface Collected {
  readonly bytes: number;
  /** The first bytes as text (latin1), at most MAX_SAMPLE characters. */
  readonly sample: string;
  /** Set when the connection did not end normally (timeout, reset, TLS error). */
  readonly error?: NetError;
  readonly ms: number;
}

const MAX_SAMPLE = 16 * 1024;
/** A listing longer than this is cut off: the probe has seen the data flow. */
const MAX_DATA = 1024 * 1024;

/**
 * Reads a data connection until the server closes it, with `idleMs` the longest silence
 * allowed. Stops (and destroys the socket) after MAX_DATA bytes.
 */
export function collect(socket: net.Socket, idleMs: number): Promise<Collected> {
  const started = Date.now();
  return new Promise<Collected>((resolve) => {
    let bytes = 0;
    let sample = '';
    let done = false;
    const finish = (error?: NetError) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ bytes, sample, error, ms: Date.now() - started });
    };
    let timer = setTimeout(() => finish(new NetError('timeout', `data connection: silent for ${idleMs} ms`)), idleMs);
    socket.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (sample.length < MAX_SAMPLE) sample += chunk.toString('latin1').slice(0, MAX_SAMPLE - sample.length);
      clearTimeout(timer);
      timer = setTimeout(() => finish(new NetError('timeout', `data connection: silent for ${idleMs} ms`)), idleMs);
      if (bytes >= MAX_DATA) finish();
    });
    socket.once('end', () => finish());
    socket.once('close', () => finish());
    socket.once('error', (error) => finish(netError(error, 'data connection')));
  });
}

/** Wraps a connected data socket in TLS, reusing the control connection's session. */
export function secureData(socket: net.Socket, settings: TlsSettings, host: string, session: Buffer | undefined): tls.TLSSocket {
  const servername = settings.servername ?? (net.isIP(host) ? undefined : host);
  return guard(
    tls.connect({
      socket,
      session,
      servername,
      rejectUnauthorized: settings.rejectUnauthorized,
      ca: settings.ca as tls.ConnectionOptions['ca'],
    }),
  );
}

/** A one-connection listener for active mode, on the given local address. */
export class ActiveListener {
  private accepted: net.Socket | undefined;
  private waiter: ((socket: net.Socket) => void) | undefined;

  private constructor(private readonly server: net.Server) {
    server.on('connection', (socket) => {
      guard(socket);
      if (this.accepted) {
        socket.destroy();
        return;
      }
      this.accepted = socket;
      server.close();
      this.waiter?.(socket);
    });
  }

  static listen(address: string): Promise<ActiveListener> {
    const server = net.createServer();
    return new Promise<ActiveListener>((resolve, reject) => {
      server.once('error', (error) => reject(netError(error, `listen on ${address}`)));
      server.listen(0, address, () => {
        server.on('error', () => undefined);
        resolve(new ActiveListener(server));
      });
    });
  }

  get port(): number {
    return (this.server.address() as net.AddressInfo).port;
  }

  /** The server's data connection if it has already arrived. */
  get connection(): net.Socket | undefined {
    return this.accepted;
  }

  accept(timeoutMs: number): Promise<net.Socket> {
    if (this.accepted) return Promise.resolve(this.accepted);
    return withDeadline<net.Socket>(timeoutMs, 'waiting for the server to connect', (settle) => {
      this.waiter = (socket) => settle(null, socket);
      return () => (this.waiter = undefined);
    });
  }

  close(): void {
    this.server.close();
    this.accepted?.destroy();
  }
}

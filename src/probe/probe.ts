/**
 * `probe(options)`: tests a live FTP server the way an expert does by hand (`quote PASV`,
 * `ftp -p`, watching where the data connection goes) and explains what fails in vsftpd terms.
 *
 * Steps, each with its own deadline (`timeoutMs` per network wait, so the whole probe is
 * bounded): connect and banner; FEAT; AUTH TLS (with `tls`); login; PBSZ/PROT (with `tls`);
 * PASV, then a data connection to the address the 227 reply ADVERTISES and a listing; EPSV the
 * same way (the 229 reply carries no address: the control connection's host is used); with
 * `active`, PORT/EPRT to a local listener and a listing over the server's connection.
 *
 * The report has every step (status, detail, timings, the raw transcript) and a diagnosis list
 * mapping each symptom to vsftpd options, firewall changes and linter rule ids; `exitCode` is
 * 0 when passive listing works, 1 when a data-connection problem was found, 2 when the server
 * could not be reached or logged into. The password never appears in the report.
 *
 * No process, terminal or environment access: the CLI reads the password and prints the report.
 */
import * as net from 'net';
import {
  ActiveListener,
  Collected,
  collect,
  connectTcp,
  ControlChannel,
  formatEndpoint,
  NetError,
  netError,
  secureData,
  speaksTls,
  TlsInfo,
} from './connection';
import { checkCredential } from './credentials';
import { ProbeRun, Stop } from './probe-run';
import { Diagnosis } from './diagnosis';
import {
  DEFAULT_PROBE_TIMEOUT_MS,
  AttemptReport,
  DataReport,
  ListingReport,
  ListingResult,
  MAX_FAILED_SAMPLES,
  MAX_RANGE_SAMPLES,
  PortSample,
  SampledPort,
  oneLine,
  ProbeOptions,
  ProbeReport,
  stop,
  StepResult,
} from './types';
import {
  activeNoReply,
  activeRefused,
  activeTransferFailure,
  controlBroken,
  controlConnectFailure,
  greetingRefused,
  lostSession,
  loginFailure,
  noBanner,
  notFtp,
  passiveRefused,
  passiveVerdict,
  pasvOverIpv6,
  protectionRefused,
  serverOops,
  tlsHandshakeFailed,
  tlsRefused,
  transferRefused,
  unparseable,
} from './diagnosis-table';
import { classifyAddress, Endpoint, eprtArgument, parse227, parse229, portArgument, printable, Reply } from './reply';

/**
 * Probes the server. Never rejects for anything the server or the network does (that is what
 * the report is for); throws a RangeError at once for options that cannot work (no host, a port
 * outside 1-65535, a timeout that is not a positive number).
 */
export async function probe(options: ProbeOptions): Promise<ProbeReport> {
  if (typeof options.host !== 'string' || options.host.trim() === '') throw new RangeError('probe: no host');
  const port = options.port ?? 21;
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new RangeError(`probe: port ${port} is not in 1-65535`);
  const timeout = options.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
  if (!Number.isFinite(timeout) || timeout <= 0) throw new RangeError(`probe: timeoutMs ${timeout} is not a positive number`);
  checkCredential('user', options.user);
  checkCredential('password', options.password);
  return new Prober(options).run();
}

class Prober extends ProbeRun {
  /** Whether this port answers a TLS handshake (an implicit-FTPS port waiting for one). */
  private async speaksTls(): Promise<boolean> {
    this.log('event', 'trying a TLS handshake on a new connection: an implicit-FTPS port greets only after one');
    const answered = await speaksTls(this.host, this.port, Math.min(this.timeoutMs, 3000));
    this.log('event', answered ? 'the port completed a TLS handshake' : 'no TLS handshake either');
    return answered;
  }

  async run(): Promise<ProbeReport> {
    try {
      await this.step('connect', () => this.connect());
      if (this.options.implicitTls) await this.step('auth-tls', () => this.handshake(this.channel!));
      await this.step('banner', () => this.readBanner());
      await this.step('feat', () => this.feat());
      if (this.options.tls && !this.options.implicitTls) await this.step('auth-tls', () => this.authTls());
      await this.step('login', () => this.login());
      if (this.secured) await this.step('protection', () => this.protection());
      await this.step('pasv', () => this.passive('PASV'));
      await this.step('epsv', () => this.passive('EPSV'));
      if (this.options.active) await this.step('active', () => this.activeMode());
    } catch (error) {
      if (!(error instanceof Stop)) throw error;
    } finally {
      if (this.channel) await this.channel.quit(Math.min(this.timeoutMs, 1000));
    }
    return this.report();
  }

  // -------------------------------------------------------------------------------------------
  // Control connection, banner, FEAT, TLS, login
  // -------------------------------------------------------------------------------------------

  private async connect(): Promise<StepResult> {
    const where = formatEndpoint(this.host, this.port);
    try {
      this.channel = await this.current!.time('connect', () =>
        ControlChannel.open(this.host, this.port, this.timeoutMs, this.log, this.mask),
      );
    } catch (error) {
      return stop(controlConnectFailure(this.ctx(), netError(error, `connect to ${where}`), where));
    }
    const c = this.channel;
    this.control = { remote: { host: c.remoteAddress, port: c.remotePort }, local: { host: c.localAddress, port: c.localPort } };
    this.log('event', `connected to ${formatEndpoint(c.remoteAddress, c.remotePort)} from ${formatEndpoint(c.localAddress, c.localPort)}`);
    return {
      status: 'pass',
      detail: `${formatEndpoint(c.remoteAddress, c.remotePort)} in ${this.current!.timings.connect} ms (from ${formatEndpoint(c.localAddress, c.localPort)})`,
    };
  }

  private async readBanner(): Promise<StepResult> {
    const channel = this.channel!;
    let reply: Reply;
    try {
      reply = await this.current!.time('reply', () => channel.read(this.timeoutMs, false));
    } catch (error) {
      const err = error as NetError;
      if (err.kind !== 'timeout') return stop(controlBroken(this.ctx(), err, 'before the banner'));
      // A silent peer: an FTP server greets first, an HTTP server waits for a request. Nudge it
      // once to tell the two apart.
      this.log('event', `no banner within ${this.timeoutMs} ms; sending a line to see what answers`);
      try {
        const late = await channel.command('FEAT', Math.min(this.timeoutMs, 2000));
        this.log('event', `answer to the nudge: ${printable(late.text)}`);
      } catch (nudgeError) {
        const nudge = nudgeError as NetError;
        if (nudge.kind === 'garbled') return stop(notFtp(this.ctx(), nudge.partial ?? ''));
      }
      channel.close();
      // An implicit-FTPS port waits for a TLS handshake before it greets (RFC 4217's port 990).
      const implicit = await this.speaksTls();
      return stop(noBanner(this.ctx(), implicit));
    }
    this.reachedServer = true;
    this.banner = reply.lines.map((line) => printable(line, 500)).join(' | ');
    if (reply.code === 220) return { status: 'pass', detail: printable(reply.text) };
    if (/^500 OOPS/.test(reply.text)) return stop(serverOops(this.ctx(), reply, 'at the start of the session'));
    return stop(greetingRefused(this.ctx(), reply));
  }

  private async feat(): Promise<StepResult> {
    const channel = this.channel!;
    let reply: Reply;
    try {
      reply = await this.current!.time('reply', () => channel.command('FEAT', this.timeoutMs));
    } catch (error) {
      return stop(controlBroken(this.ctx(), error as NetError, 'after FEAT'));
    }
    if (reply.code === 211) {
      this.features = reply.lines
        .slice(1, -1)
        .map((l) => printable(l.trim()))
        .filter((l) => l !== '');
      return { status: 'pass', detail: this.features.length ? this.features.join(', ') : '(no features listed)' };
    }
    return { status: 'pass', detail: `not answered before login: ${printable(reply.text)}` };
  }

  private async authTls(): Promise<StepResult> {
    const channel = this.channel!;
    let reply: Reply;
    try {
      reply = await this.current!.time('reply', () => channel.command('AUTH TLS', this.timeoutMs));
    } catch (error) {
      return stop(controlBroken(this.ctx(), error as NetError, 'after AUTH TLS'));
    }
    if (reply.code !== 234) return stop(tlsRefused(this.ctx(), reply, this.features));
    return this.handshake(channel);
  }

  /** The TLS handshake on the control connection: after 234 (explicit) or at once (implicit). */
  private async handshake(channel: ControlChannel): Promise<StepResult> {
    let info: TlsInfo;
    try {
      info = await this.current!.time('handshake', () => channel.startTls(this.tlsSettings, this.host, this.timeoutMs));
    } catch (error) {
      return stop(tlsHandshakeFailed(this.ctx(), netError(error, 'TLS handshake')));
    }
    const trust = info.authorized ? 'certificate verified' : `certificate NOT verified (${info.authorizationError ?? 'unknown'})`;
    return {
      status: info.authorized ? 'pass' : 'warn',
      detail: `${info.protocol ?? 'TLS'} ${info.cipher}, ${trust}${info.subject ? `, CN=${info.subject}` : ''}`,
      tls: info,
    };
  }

  private async login(): Promise<StepResult> {
    const channel = this.channel!;
    let reply: Reply;
    try {
      reply = await this.current!.time('reply', async () => {
        let r = await channel.command(`USER ${this.user}`, this.timeoutMs);
        if (r.code === 331 || r.code === 332) r = await channel.command(`PASS ${this.password}`, this.timeoutMs, 'PASS ****');
        return r;
      });
    } catch (error) {
      return stop(controlBroken(this.ctx(), error as NetError, 'during login'));
    }
    if (reply.code === 230) {
      this.loggedIn = true;
      return { status: 'pass', detail: `${printable(reply.text)} (as ${this.user})` };
    }
    if (/^500 OOPS/.test(reply.text)) return stop(serverOops(this.ctx(), reply, 'at login'));
    return stop(loginFailure(this.ctx(), reply));
  }

  private async protection(): Promise<StepResult> {
    const channel = this.channel!;
    try {
      const pbsz = await channel.command('PBSZ 0', this.timeoutMs);
      const prot = await channel.command('PROT P', this.timeoutMs);
      if (pbsz.code === 200 && prot.code === 200) {
        this.protectedData = true;
        return { status: 'pass', detail: 'data connections encrypted (PROT P)' };
      }
      return protectionRefused(this.ctx(), prot);
    } catch (error) {
      return stop(controlBroken(this.ctx(), error as NetError, 'after PBSZ/PROT'));
    }
  }

  /**
   * A logged-in control connection for a data step: the current one, or a new one when the
   * server ended the session (a "500 OOPS" at PASV kills only that session; the next step is
   * still worth testing).
   */
  private async session(): Promise<ControlChannel> {
    if (this.channel && !this.channel.closed) return this.channel;
    this.log('event', 'the previous control connection has ended: reconnecting and logging in again');
    const channel = await ControlChannel.open(this.host, this.port, this.timeoutMs, this.log, this.mask);
    this.channel = channel;
    const expect = (reply: Reply, ...codes: number[]) => {
      if (!codes.includes(reply.code)) throw new NetError('error', `reconnecting: ${printable(reply.text)}`);
      return reply;
    };
    if (this.options.implicitTls) await channel.startTls(this.tlsSettings, this.host, this.timeoutMs);
    expect(await channel.read(this.timeoutMs), 220);
    if (this.options.tls && !this.options.implicitTls) {
      expect(await channel.command('AUTH TLS', this.timeoutMs), 234);
      await channel.startTls(this.tlsSettings, this.host, this.timeoutMs);
    }
    let r = await channel.command(`USER ${this.user}`, this.timeoutMs);
    if (r.code === 331 || r.code === 332) r = await channel.command(`PASS ${this.password}`, this.timeoutMs, 'PASS ****');
    expect(r, 230);
    if (this.protectedData) {
      await channel.command('PBSZ 0', this.timeoutMs);
      expect(await channel.command('PROT P', this.timeoutMs), 200);
    }
    return channel;
  }

  // -------------------------------------------------------------------------------------------
  // Passive mode: PASV and EPSV
  // -------------------------------------------------------------------------------------------

  private async passive(command: 'PASV' | 'EPSV'): Promise<StepResult> {
    let channel: ControlChannel;
    try {
      channel = await this.session();
    } catch (error) {
      return lostSession(this.ctx(), error);
    }
    const offer = await this.passiveOffer(channel, command);
    if (!offer.ok) return offer.result;
    const { reply, advertised } = offer;
    const control = channel.remoteAddress;
    const matches = advertised.host === control;
    if (command === 'PASV' && classifyAddress(control) === 'ipv6') {
      return pasvOverIpv6(this.ctx(), reply, {
        command,
        reply: printable(reply.text),
        advertised,
        controlAddress: control,
        addressMatches: matches,
      });
    }

    // The data connection goes where the reply says, as a client that trusts it would (but
    // never to 0.0.0.0, which Linux would turn into a connection to this very machine).
    const first: Attempt =
      advertised.host === '0.0.0.0'
        ? { report: { endpoint: advertised, ok: false, error: 'unspecified address', ms: 0 } }
        : await this.attempt(advertised);
    let socket = first.socket;
    let fallback: Attempt | undefined;
    if (!socket && !matches) {
      // What curl >= 7.74 and Python's ftplib do silently: the same port at the control host.
      this.log('event', `trying the same port at the control connection's address ${control}, as clients that ignore the 227 address do`);
      fallback = await this.attempt({ host: control, port: advertised.port });
      socket = fallback.socket;
    }
    let listing: ListingResult | undefined;
    if (socket) listing = await this.listing(channel, socket, command);

    // More ports of the range, once per probe, from the host that answered (or that should have).
    const reachable = first.socket ? advertised.host : fallback?.socket || matches ? control : undefined;
    if (!this.sample && reachable !== undefined) {
      this.sample = await this.sampleRange(channel, command, reachable, {
        port: advertised.port,
        ok: socket !== undefined,
        error: (fallback ?? first).report.error,
      });
    }

    return passiveVerdict(this.ctx(), {
      command,
      reply,
      advertised,
      control,
      local: channel.localAddress,
      first: first.report,
      ...(fallback ? { fallback: fallback.report } : {}),
      ...(listing ? { listing } : {}),
      ...(this.sample ? { sample: this.sample } : {}),
    });
  }

  /** PASV or EPSV and its reply, parsed; or the step's result when there is no port to try. */
  private async passiveOffer(
    channel: ControlChannel,
    command: 'PASV' | 'EPSV',
  ): Promise<{ ok: true; reply: Reply; advertised: Endpoint } | { ok: false; result: StepResult }> {
    let reply: Reply;
    try {
      reply = await this.current!.time('reply', () => channel.command(command, this.timeoutMs));
    } catch (error) {
      return { ok: false, result: controlBroken(this.ctx(), error as NetError, `after ${command}`) };
    }
    const expected = command === 'PASV' ? 227 : 229;
    if (reply.code !== expected)
      return { ok: false, result: { ...passiveRefused(this.ctx(), command, reply), data: { command, reply: printable(reply.text) } } };
    if (command === 'PASV') {
      const parsed = parse227(reply.text);
      if (!parsed.ok) return { ok: false, result: unparseable(this.ctx(), command, reply, parsed.reason) };
      return { ok: true, reply, advertised: parsed.endpoint };
    }
    const parsed = parse229(reply.text);
    if (!parsed.ok) return { ok: false, result: unparseable(this.ctx(), command, reply, parsed.reason) };
    return { ok: true, reply, advertised: { host: channel.remoteAddress, port: parsed.port } };
  }

  /**
   * Asks for more passive ports (vsftpd picks each at random from its range) and connects to
   * each, without a transfer, until every port of a known range of at most MAX_RANGE_SAMPLES
   * ports was seen, or MAX_RANGE_SAMPLES offers were tried, or MAX_FAILED_SAMPLES connections
   * failed (each costs up to the timeout): the difference between "every port", "some ports"
   * and "none" at a bounded cost.
   */
  private async sampleRange(channel: ControlChannel, command: 'PASV' | 'EPSV', host: string, seen: SampledPort): Promise<PortSample> {
    const range = this.options.expectedPassiveRange;
    const rangeSize = range ? range.hi - range.lo + 1 : undefined;
    const ports: SampledPort[] = [seen];
    const distinct = () => new Set(ports.map((p) => p.port)).size;
    const failures = () => ports.filter((p) => !p.ok).length;
    while (
      ports.length < MAX_RANGE_SAMPLES &&
      failures() < MAX_FAILED_SAMPLES &&
      !(rangeSize !== undefined && rangeSize <= MAX_RANGE_SAMPLES && distinct() >= rangeSize) &&
      !channel.closed
    ) {
      const offer = await this.passiveOffer(channel, command);
      if (!offer.ok) break;
      const attempt = await this.attempt({ host, port: offer.advertised.port }, 'sample');
      attempt.socket?.destroy();
      ports.push({ port: offer.advertised.port, ok: attempt.report.ok, ...(attempt.report.error ? { error: attempt.report.error } : {}) });
    }
    return { command, host, ports, ...(range ? { range } : {}) };
  }

  /** One data connection attempt; never throws. */
  private async attempt(endpoint: Endpoint, timing?: string): Promise<Attempt> {
    const where = formatEndpoint(endpoint.host, endpoint.port);
    this.log('event', `data connection to ${where}`);
    const start = this.clock();
    const label = timing ?? (this.current!.timings['data-connect'] === undefined ? 'data-connect' : 'data-connect-fallback');
    try {
      const socket = await connectTcp(endpoint.host, endpoint.port, this.timeoutMs);
      const ms = this.clock() - start;
      this.current!.timings[label] = ms;
      this.log('event', `data connection to ${where} established in ${ms} ms`);
      return { socket, report: { endpoint, ok: true, ms } };
    } catch (error) {
      const err = netError(error, `data connection to ${where}`);
      const ms = this.clock() - start;
      this.current!.timings[label] = ms;
      this.log('event', `data connection to ${where} failed after ${ms} ms: ${err.kind}`);
      return { report: { endpoint, ok: false, error: err.kind, message: err.message, ms } };
    }
  }

  /**
   * LIST (or NLST) over a connected data socket: 150, the data until the server closes it, 226.
   */
  private async listing(channel: ControlChannel, socket: net.Socket, mode: string): Promise<ListingResult> {
    const command = this.options.listCommand ?? 'LIST';
    const start = this.clock();
    const data = this.dataStream(channel, socket);
    const collecting = collect(data, this.timeoutMs);
    let first: Reply;
    try {
      first = await channel.command(command, this.timeoutMs);
    } catch (error) {
      data.destroy();
      const broken = controlBroken(this.ctx(), error as NetError, `after ${command}`);
      return this.listingResult(command, start, [], undefined, false, `${command}: ${oneLine(broken.detail)}`, broken.diagnoses ?? []);
    }
    if (first.code !== 150 && first.code !== 125) {
      data.destroy();
      return this.listingResult(command, start, [first], undefined, false, `${command}: ${printable(first.text)}`, [
        transferRefused(this.ctx(), mode, command, first),
      ]);
    }
    return this.finishListing(channel, data, collecting, command, mode, first, start);
  }

  /** The data connection as the listing reads it: TLS-wrapped after PROT P. */
  private dataStream(channel: ControlChannel, socket: net.Socket): net.Socket {
    return this.protectedData ? secureData(socket, this.tlsSettings, this.host, channel.tlsSession) : socket;
  }

  /** After 150: the data until the server closes it, then 226 (or what went wrong). */
  private async finishListing(
    channel: ControlChannel,
    data: net.Socket,
    collecting: Promise<Collected>,
    command: string,
    mode: string,
    first: Reply,
    start: number,
  ): Promise<ListingResult> {
    const collected = await collecting;
    data.destroy();
    if (collected.error) this.log('event', `${collected.error.message} (${collected.bytes} bytes received)`);
    else this.log('event', `received ${collected.bytes} bytes in ${collected.ms} ms`);
    let final: Reply;
    try {
      final = await channel.read(this.timeoutMs);
    } catch (error) {
      const broken = controlBroken(this.ctx(), error as NetError, `after the ${command} data`);
      return this.listingResult(command, start, [first], collected, false, `${command}: ${oneLine(broken.detail)}`, broken.diagnoses ?? []);
    }
    if (final.code === 226 || final.code === 250) {
      const entries = entriesOf(collected);
      const summary = `${command}: ${entries} entr${entries === 1 ? 'y' : 'ies'}, ${collected.bytes} bytes in ${this.clock() - start} ms (${printable(final.text)})`;
      return this.listingResult(command, start, [first, final], collected, true, summary, []);
    }
    return this.listingResult(command, start, [first, final], collected, false, `${command}: ${printable(final.text)}`, [
      transferRefused(this.ctx(), mode, command, final, collected),
    ]);
  }

  private listingResult(
    command: string,
    start: number,
    replies: readonly Reply[],
    collected: Collected | undefined,
    ok: boolean,
    summary: string,
    diagnoses: Diagnosis[],
  ): ListingResult {
    const ms = this.clock() - start;
    this.current!.timings.listing = ms;
    const report: ListingReport = {
      command,
      replies: replies.map((r) => printable(r.text)),
      bytes: collected?.bytes ?? 0,
      entries: collected ? entriesOf(collected) : 0,
      ok,
      ms,
    };
    return { report, summary, diagnoses };
  }

  // -------------------------------------------------------------------------------------------
  // Active mode: PORT / EPRT
  // -------------------------------------------------------------------------------------------

  private async activeMode(): Promise<StepResult> {
    let channel: ControlChannel;
    try {
      channel = await this.session();
    } catch (error) {
      return lostSession(this.ctx(), error);
    }
    const local = channel.localAddress;
    const announce = this.options.activeAddress ?? local;
    let listener: ActiveListener;
    try {
      listener = await ActiveListener.listen(local);
    } catch (error) {
      return { status: 'fail', detail: `cannot listen on ${local}: ${(error as Error).message}` };
    }
    try {
      const ipv6 = net.isIPv6(announce);
      const command = ipv6 ? 'EPRT' : 'PORT';
      const line = ipv6 ? `EPRT ${eprtArgument(announce, listener.port)}` : `PORT ${portArgument(announce, listener.port)}`;
      const announced = { host: announce, port: listener.port };
      this.log('event', `listening on ${formatEndpoint(local, listener.port)} for the server's data connection`);
      let reply: Reply;
      try {
        reply = await this.current!.time('reply', () => channel.command(line, this.timeoutMs));
      } catch (error) {
        return controlBroken(this.ctx(), error as NetError, `after ${command}`);
      }
      const data: DataReport = { command, reply: printable(reply.text), announced };
      if (reply.code !== 200) return { ...activeRefused(this.ctx(), command, reply, announced), data };

      const listCommand = this.options.listCommand ?? 'LIST';
      const start = this.clock();
      let first: Reply;
      try {
        // vsftpd connects before it answers: 150 once connected, 425 after connect_timeout.
        first = await channel.command(listCommand, this.timeoutMs);
      } catch (error) {
        const err = error as NetError;
        if (err.kind === 'timeout')
          return { ...activeNoReply(this.ctx(), command, listCommand, { host: announce, port: listener.port }), data };
        return controlBroken(this.ctx(), err, `after ${listCommand}`);
      }
      if (first.code !== 150 && first.code !== 125) {
        return {
          status: 'fail',
          detail: [printable(reply.text), `${listCommand}: ${printable(first.text)}`],
          data: {
            ...data,
            listing: { command: listCommand, replies: [printable(first.text)], bytes: 0, entries: 0, ok: false, ms: this.clock() - start },
          },
          diagnoses: [activeTransferFailure(this.ctx(), command, listCommand, first, announced)],
        };
      }
      let socket: net.Socket;
      try {
        socket = await listener.accept(this.timeoutMs);
      } catch {
        return { status: 'fail', detail: `${printable(first.text)} but the server did not connect`, data };
      }
      const source = { host: socket.remoteAddress ?? '', port: socket.remotePort ?? 0 };
      this.log('event', `the server connected from ${formatEndpoint(source.host, source.port)}`);
      const stream = this.dataStream(channel, socket);
      const listing = await this.finishListing(channel, stream, collect(stream, this.timeoutMs), listCommand, command, first, start);
      const result: DataReport = { ...data, serverSource: source, listing: listing.report };
      return {
        status: listing.report.ok ? 'pass' : 'fail',
        detail: [printable(reply.text), `the server connected from ${formatEndpoint(source.host, source.port)}`, listing.summary],
        data: result,
        diagnoses: listing.diagnoses,
      };
    } finally {
      listener.close();
    }
  }
}

/** Non-empty lines of a listing. */
function entriesOf(collected: Collected): number {
  return collected.sample.split(/\r?\n/).filter((l) => l.trim() !== '').length;
}

interface Attempt {
  readonly socket?: net.Socket;
  readonly report: AttemptReport;
}

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
  TlsInfo,
  TlsSettings,
  TranscriptEntry,
} from './connection';
import { Diagnosis, diagnosis, DiagnosisId, FIREWALL_COMMAND_HINT, mergeDiagnoses, StepName } from './diagnosis';
import {
  ADDRESS_CLASS_WORDS,
  classifyAddress,
  Endpoint,
  eprtArgument,
  parse227,
  parse229,
  portArgument,
  printable,
  Reply,
} from './reply';

export const DEFAULT_PROBE_TIMEOUT_MS = 5000;
export const DEFAULT_ANONYMOUS_PASSWORD = 'probe@vsftpd-lint.invalid';

export interface ProbeOptions {
  readonly host: string;
  /** Control port; default 21. */
  readonly port?: number;
  /** Default "anonymous". */
  readonly user?: string;
  /** Default: an e-mail-like anonymous password. Never written to the report. */
  readonly password?: string;
  /** Longest wait for any single network event (connect, reply, data); default 5000 ms. */
  readonly timeoutMs?: number;
  /** Also test active mode (PORT, or EPRT on IPv6). */
  readonly active?: boolean;
  /** Explicit FTPS: AUTH TLS before login, then PBSZ 0 / PROT P. */
  readonly tls?: boolean;
  /** Verify the server's certificate (default true); false still reports whether it verified. */
  readonly tlsRejectUnauthorized?: boolean;
  /** Extra CA certificates (PEM) to trust for TLS. */
  readonly tlsCa?: string | Buffer | readonly (string | Buffer)[];
  /** Certificate name to check and send as SNI (default: `host` when it is a name). */
  readonly tlsServername?: string;
  /** Listing command for the data connections; default LIST. */
  readonly listCommand?: 'LIST' | 'NLST';
  /** Address to announce in PORT/EPRT; default the control connection's local address. */
  readonly activeAddress?: string;
  /**
   * The passive range the server is expected to use (e.g. `expectedPassiveRange()` of its
   * vsftpd.conf): lets a timeout diagnosis name the whole range, and flags ports outside it.
   */
  readonly expectedPassiveRange?: ExpectedPassiveRange;
}

export interface ExpectedPassiveRange {
  readonly lo: number;
  readonly hi: number;
  /** Where it comes from, for messages, e.g. "pasv_min_port=40000 (line 3), pasv_max_port=40009 (line 4)". */
  readonly source?: string;
}

export type StepStatus = 'pass' | 'fail' | 'warn' | 'skip';

/** What a data step (PASV, EPSV, active) did. */
export interface DataReport {
  readonly command: string;
  /** The reply to PASV/EPSV/PORT/EPRT. */
  readonly reply?: string;
  /** Passive: where the reply says to connect (227: its address; 229: the control host). */
  readonly advertised?: Endpoint;
  /** Passive: the server address the control connection reached. */
  readonly controlAddress?: string;
  /** Passive: whether the advertised address is the control connection's. */
  readonly addressMatches?: boolean;
  /** The data connection attempt to the advertised endpoint. */
  readonly connect?: AttemptReport;
  /** When the advertised address failed: the same port at the control host (what curl does). */
  readonly fallback?: AttemptReport;
  /** Active: what was announced and where the server connected from. */
  readonly announced?: Endpoint;
  readonly serverSource?: Endpoint;
  readonly listing?: ListingReport;
}

export interface AttemptReport {
  readonly endpoint: Endpoint;
  readonly ok: boolean;
  /** refused, timeout, unreachable, ... when it failed. */
  readonly error?: string;
  readonly message?: string;
  readonly ms: number;
}

export interface ListingReport {
  readonly command: string;
  /** Preliminary reply (150) and final reply (226), or the refusal. */
  readonly replies: readonly string[];
  readonly bytes: number;
  /** Non-empty lines received. */
  readonly entries: number;
  readonly ok: boolean;
  readonly ms: number;
}

export interface ProbeStep {
  readonly name: StepName;
  readonly status: StepStatus;
  /** status is not 'fail'. */
  readonly ok: boolean;
  /** What happened, in one line. */
  readonly detail: string;
  /** The same in parts (reply; data connection; listing), for output on several lines. */
  readonly lines: readonly string[];
  /** Milliseconds from the probe's start to the step's start, and the step's duration. */
  readonly startMs: number;
  readonly durationMs: number;
  /** Named durations inside the step (connect, reply, data-connect, listing). */
  readonly timings: Readonly<Record<string, number>>;
  /** Every reply line received during the step, as received. */
  readonly replies: readonly string[];
  /** Everything sent, received and observed during the step, in order. */
  readonly transcript: readonly TranscriptEntry[];
  readonly data?: DataReport;
  readonly tls?: TlsInfo;
}

export type ProbeOutcome = 'passive-ok' | 'data-connection-problem' | 'unreachable' | 'login-failed';

export interface ProbeReport {
  readonly target: {
    readonly host: string;
    readonly port: number;
    readonly user: string;
    readonly tls: boolean;
    readonly active: boolean;
    readonly timeoutMs: number;
  };
  /** The control connection's endpoints as the probe saw them. */
  readonly control?: { readonly remote: Endpoint; readonly local: Endpoint };
  readonly banner?: string;
  /** FEAT lines (trimmed), when the server answered FEAT. */
  readonly features?: readonly string[];
  readonly steps: readonly ProbeStep[];
  readonly diagnoses: readonly Diagnosis[];
  readonly outcome: ProbeOutcome;
  /** 0 passive listing works; 1 a data-connection problem; 2 unreachable or login failed. */
  readonly exitCode: 0 | 1 | 2;
  readonly startedAt: string;
  readonly durationMs: number;
}

/** Order of the steps in a report. */
export const STEP_ORDER: readonly StepName[] = ['connect', 'banner', 'feat', 'auth-tls', 'login', 'protection', 'pasv', 'epsv', 'active'];

/** Stops the probe after a step that leaves nothing to test (no connection, no login). */
class Stop extends Error {}

/** Collects one step's transcript, replies and timings. */
class StepRecorder {
  readonly transcript: TranscriptEntry[] = [];
  readonly replies: string[] = [];
  readonly timings: Record<string, number> = {};
  readonly startMs: number;

  constructor(
    readonly name: StepName,
    private readonly clock: () => number,
  ) {
    this.startMs = clock();
  }

  readonly log = (dir: TranscriptEntry['dir'], text: string): void => {
    this.transcript.push({ t: this.clock(), dir, text });
    if (dir === 'received') this.replies.push(text);
  };

  /** Runs `work`, recording its duration under `label`. */
  async time<T>(label: string, work: () => Promise<T>): Promise<T> {
    const start = this.clock();
    try {
      return await work();
    } finally {
      this.timings[label] = this.clock() - start;
    }
  }
}

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
  return new Prober(options).run();
}

class Prober {
  private readonly started = Date.now();
  private readonly host: string;
  private readonly port: number;
  private readonly user: string;
  private readonly password: string;
  private readonly timeoutMs: number;
  private readonly tlsSettings: TlsSettings;
  private readonly steps: ProbeStep[] = [];
  private readonly diagnoses: Diagnosis[] = [];
  private channel: ControlChannel | undefined;
  private banner: string | undefined;
  private features: string[] | undefined;
  private control: ProbeReport['control'];
  private loggedIn = false;
  private reachedServer = false;
  /** PROT P accepted: data connections use TLS. */
  private protectedData = false;

  constructor(private readonly options: ProbeOptions) {
    this.host = options.host.replace(/^\[(.*)\]$/, '$1');
    this.port = options.port ?? 21;
    this.user = options.user ?? 'anonymous';
    this.password = options.password ?? DEFAULT_ANONYMOUS_PASSWORD;
    this.timeoutMs = Math.ceil(options.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS);
    this.tlsSettings = {
      rejectUnauthorized: options.tlsRejectUnauthorized ?? true,
      servername: options.tlsServername,
      ca: options.tlsCa,
    };
  }

  private readonly clock = () => Date.now() - this.started;

  /** Hides the password in anything that goes into the report. */
  private readonly mask = (text: string): string => (this.password ? text.split(this.password).join('****') : text);

  async run(): Promise<ProbeReport> {
    try {
      await this.step('connect', () => this.connect());
      await this.step('banner', () => this.readBanner());
      await this.step('feat', () => this.feat());
      if (this.options.tls) await this.step('auth-tls', () => this.authTls());
      await this.step('login', () => this.login());
      if (this.options.tls) await this.step('protection', () => this.protection());
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
  // Bookkeeping
  // -------------------------------------------------------------------------------------------

  private current: StepRecorder | undefined;

  private get log() {
    return this.route;
  }

  /** Transcript lines go to whichever step is running (the control channel outlives steps). */
  private readonly route = (dir: TranscriptEntry['dir'], text: string): void => this.current?.log(dir, text);

  private async step(name: StepName, work: () => Promise<StepResult>): Promise<void> {
    const recorder = new StepRecorder(name, this.clock);
    this.current = recorder;
    let result: StepResult;
    try {
      result = await work();
    } catch (error) {
      // A bug or an unexpected error is still a reported step, never a stack trace.
      const message = error instanceof Error ? error.message : String(error);
      result = { status: 'fail', detail: `unexpected error: ${message}`, stop: true };
    }
    this.record(recorder, result);
    if (result.stop) throw new Stop();
  }

  private record(recorder: StepRecorder, result: StepResult): void {
    this.steps.push({
      name: recorder.name,
      status: result.status,
      ok: result.status !== 'fail',
      detail: this.mask(typeof result.detail === 'string' ? result.detail : result.detail.join('; ')),
      lines: (typeof result.detail === 'string' ? [result.detail] : result.detail).map(this.mask),
      startMs: recorder.startMs,
      durationMs: this.clock() - recorder.startMs,
      timings: { ...recorder.timings },
      replies: recorder.replies.map(this.mask),
      transcript: recorder.transcript.map((entry) => ({ ...entry, text: this.mask(entry.text) })),
      ...(result.data ? { data: result.data } : {}),
      ...(result.tls ? { tls: result.tls } : {}),
    });
    for (const d of result.diagnoses ?? []) this.diagnoses.push(d);
  }

  private diagnose(
    id: DiagnosisId,
    severity: Diagnosis['severity'],
    summary: string,
    explanation: string,
    options: Parameters<typeof diagnosis>[5],
    rules: Parameters<typeof diagnosis>[6],
    firewall?: string,
  ): Diagnosis {
    return diagnosis(id, this.current!.name, severity, this.mask(summary), this.mask(explanation), options, rules, firewall);
  }

  private report(): ProbeReport {
    const ran = new Set(this.steps.map((s) => s.name));
    const stopped = this.steps.find((s) => s.status === 'fail' && !isDataStep(s.name));
    for (const name of STEP_ORDER) {
      if (ran.has(name) || ((name === 'auth-tls' || name === 'protection') && !this.options.tls)) continue;
      const detail =
        name === 'active' && !this.options.active
          ? 'not requested (active mode is tested with the active option, --active)'
          : stopped
            ? `not run: ${stopped.name} failed`
            : 'not run';
      this.steps.push({ name, status: 'skip', ok: true, detail, lines: [detail], startMs: this.clock(), durationMs: 0, timings: {}, replies: [], transcript: [] });
    }
    let outcome: ProbeOutcome;
    let exitCode: 0 | 1 | 2;
    if (!this.loggedIn) {
      outcome = this.reachedServer ? 'login-failed' : 'unreachable';
      exitCode = 2;
    } else if (this.steps.some((s) => isDataStep(s.name) && s.status === 'fail')) {
      outcome = 'data-connection-problem';
      exitCode = 1;
    } else {
      outcome = 'passive-ok';
      exitCode = 0;
    }
    const report: ProbeReport = {
      target: {
        host: this.host,
        port: this.port,
        user: this.user,
        tls: this.options.tls === true,
        active: this.options.active === true,
        timeoutMs: this.timeoutMs,
      },
      ...(this.control ? { control: this.control } : {}),
      ...(this.banner !== undefined ? { banner: this.mask(this.banner) } : {}),
      ...(this.features ? { features: this.features.map(this.mask) } : {}),
      steps: this.steps,
      diagnoses: mergeDiagnoses(this.diagnoses),
      outcome,
      exitCode,
      startedAt: new Date(this.started).toISOString(),
      durationMs: this.clock(),
    };
    return scrub(report, this.mask);
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
      return stop(this.controlConnectFailure(netError(error, `connect to ${where}`), where));
    }
    const c = this.channel;
    this.control = { remote: { host: c.remoteAddress, port: c.remotePort }, local: { host: c.localAddress, port: c.localPort } };
    this.log('event', `connected to ${formatEndpoint(c.remoteAddress, c.remotePort)} from ${formatEndpoint(c.localAddress, c.localPort)}`);
    return {
      status: 'pass',
      detail: `${formatEndpoint(c.remoteAddress, c.remotePort)} in ${this.current!.timings.connect} ms (from ${formatEndpoint(c.localAddress, c.localPort)})`,
    };
  }

  private controlConnectFailure(error: NetError, where: string): StepResult {
    const fw = `allow TCP ${this.port} inbound on the server's firewall (and forward it on a NAT router)`;
    switch (error.kind) {
      case 'refused':
        return {
          status: 'fail',
          detail: `${where}: connection refused`,
          diagnoses: [
            this.diagnose(
              'control-refused',
              'error',
              `nothing accepts connections on ${where} (connection refused)`,
              'vsftpd is not running, or listens on another port or address (listen_port, listen_address; ' +
                'with listen=NO and listen_ipv6=NO it only runs from inetd or a socket unit), or a firewall ' +
                'rejects the port. Check `ss -ltnp` on the server and its log for a "500 OOPS" at start-up.',
              ['listen', 'listen_ipv6', 'listen_port', 'listen_address'],
              ['inetd-mode', 'bad-listen-address'],
              fw,
            ),
          ],
        };
      case 'timeout':
        return {
          status: 'fail',
          detail: `${where}: no answer within ${this.timeoutMs} ms`,
          diagnoses: [
            this.diagnose(
              'control-timeout',
              'error',
              `no answer from ${where} within ${this.timeoutMs} ms`,
              'The connection attempt got no answer at all: a firewall drops the packets (on the server, on ' +
                'a router, or on this client\'s outgoing side), or the host is down or not at this address.',
              ['listen_port', 'listen_address'],
              [],
              fw,
            ),
          ],
        };
      case 'unreachable':
        return {
          status: 'fail',
          detail: `${where}: ${error.message}`,
          diagnoses: [
            this.diagnose(
              'control-unreachable',
              'error',
              `no route to ${where}`,
              'This machine has no route to the server\'s address: a wrong address, or a network problem on the client side.',
              [],
              [],
            ),
          ],
        };
      case 'dns':
        return {
          status: 'fail',
          detail: error.message,
          diagnoses: [
            this.diagnose('host-unknown', 'error', `the host name ${this.host} does not resolve`, 'Check the name, or use the address.', [], []),
          ],
        };
      default:
        return {
          status: 'fail',
          detail: error.message,
          diagnoses: [this.diagnose('control-error', 'error', `cannot connect to ${where}: ${error.message}`, 'See the message.', [], [])],
        };
    }
  }

  private async readBanner(): Promise<StepResult> {
    const channel = this.channel!;
    let reply: Reply;
    try {
      reply = await this.current!.time('reply', () => channel.read(this.timeoutMs, false));
    } catch (error) {
      const err = error as NetError;
      if (err.kind !== 'timeout') return stop(this.controlBroken(err, 'before the banner'));
      // A silent peer: an FTP server greets first, an HTTP server waits for a request. Nudge it
      // once to tell the two apart.
      this.log('event', `no banner within ${this.timeoutMs} ms; sending a line to see what answers`);
      try {
        const late = await channel.command('FEAT', Math.min(this.timeoutMs, 2000));
        this.log('event', `answer to the nudge: ${printable(late.text)}`);
      } catch (nudgeError) {
        const nudge = nudgeError as NetError;
        if (nudge.kind === 'garbled') return stop(this.notFtp(nudge.partial ?? ''));
      }
      channel.close();
      return stop({
        status: 'fail',
        detail: `no banner within ${this.timeoutMs} ms`,
        diagnoses: [
          this.diagnose(
            'no-banner',
            'error',
            `${formatEndpoint(this.host, this.port)} accepted the connection but sent no greeting within ${this.timeoutMs} ms`,
            'An FTP server greets at once ("220 ..."). This is another kind of service that waits for the ' +
              'client to speak first, or a server that hangs before its greeting (overloaded, or stuck on a ' +
              'reverse DNS lookup), or a proxy or load balancer with no server behind it.',
            ['listen_port'],
            [],
          ),
        ],
      });
    }
    this.reachedServer = true;
    this.banner = reply.lines.join('\n');
    if (reply.code === 220) return { status: 'pass', detail: printable(reply.text) };
    if (/^500 OOPS/.test(reply.text)) return stop(this.serverOops(reply, 'at the start of the session'));
    if (reply.code === 421) {
      return stop({
        status: 'fail',
        detail: printable(reply.text),
        diagnoses: [
          this.diagnose(
            'service-refused',
            'error',
            `the server refused the session: ${printable(reply.text)}`,
            'vsftpd sends 421 before closing when max_clients or max_per_ip is reached ("There are too ' +
              'many connected users" / "too many connections from your internet address"), or when ' +
              'tcp_wrappers or a deny file refuses the client.',
            ['max_clients', 'max_per_ip', 'tcp_wrappers'],
            [],
          ),
        ],
      });
    }
    return stop({
      status: 'fail',
      detail: `unexpected greeting: ${printable(reply.text)}`,
      diagnoses: [
        this.diagnose(
          'service-refused',
          'error',
          `the greeting is not "220": ${printable(reply.text)}`,
          'The service on this port is not ready for an FTP session (or is not an FTP server).',
          [],
          [],
        ),
      ],
    });
  }

  private notFtp(line: string): StepResult {
    const what = /^HTTP\//i.test(line)
      ? 'an HTTP server'
      : /^SSH-/.test(line)
        ? 'an SSH server (use sftp for it)'
        : /^\x16\x03/.test(line) || /\\x16\\x03/.test(line)
          ? 'a TLS server (implicit FTPS on port 990, or HTTPS)'
          : 'a service that is not FTP';
    return {
      status: 'fail',
      detail: `not an FTP server: "${printable(line)}"`,
      diagnoses: [
        this.diagnose(
          'not-ftp',
          'error',
          `${formatEndpoint(this.host, this.port)} answers like ${what}: "${printable(line)}"`,
          'Another program listens on this port. Point the probe at the port vsftpd listens on ' +
            '(listen_port, 21 by default), or move one of the two services.',
          ['listen_port', 'listen_address'],
          [],
        ),
      ],
    };
  }

  /** The control connection failed while waiting: not FTP, closed, reset, or silent. */
  private controlBroken(error: NetError, when: string): StepResult {
    if (error.kind === 'garbled') return this.notFtp(error.partial ?? '');
    if (error.kind === 'closed' && error.partial) {
      return {
        status: 'fail',
        detail: `connection closed ${when}, in the middle of a reply: "${printable(error.partial)}"`,
        diagnoses: [
          this.diagnose(
            'closed-mid-reply',
            'error',
            `the server closed the connection ${when} in the middle of a reply ("${printable(error.partial)}")`,
            'A reply line was cut off: the server process crashed or was killed, or something between ' +
              'client and server (a proxy, an FTP-aware firewall or NAT helper) broke the connection. ' +
              'Check the server\'s log and its kernel log for a crashed vsftpd session.',
            [],
            [],
          ),
        ],
      };
    }
    if (error.kind === 'closed' || error.kind === 'reset') {
      return {
        status: 'fail',
        detail: `connection ${error.kind === 'reset' ? 'reset' : 'closed'} by the server ${when}`,
        diagnoses: [
          this.diagnose(
            'connection-closed',
            'error',
            `the server ${error.kind === 'reset' ? 'reset' : 'closed'} the control connection ${when} without a reply`,
            'vsftpd closes without a word when its session process cannot start (a broken ' +
              'secure_chroot_dir, seccomp problems, resource limits) or when tcp_wrappers refuses the ' +
              'client; a firewall or an idle timeout in between can do the same. Check the server\'s log.',
            ['secure_chroot_dir', 'seccomp_sandbox', 'tcp_wrappers'],
            [],
          ),
        ],
      };
    }
    if (error.kind === 'timeout') {
      return {
        status: 'fail',
        detail: `no reply within ${this.timeoutMs} ms ${when}`,
        diagnoses: [
          this.diagnose(
            'no-reply',
            'error',
            `no reply within ${this.timeoutMs} ms ${when}`,
            'The server did not answer in time. Retry with a longer timeout; a server that is slow on ' +
              'every command is overloaded or waits for DNS.',
            [],
            [],
          ),
        ],
      };
    }
    return {
      status: 'fail',
      detail: `${when}: ${error.message}`,
      diagnoses: [this.diagnose('control-error', 'error', `${when}: ${error.message}`, 'See the message.', [], [])],
    };
  }

  private serverOops(reply: Reply, when: string): StepResult {
    const text = printable(reply.text);
    const chroot = /writable root inside chroot|chroot/i.test(reply.text);
    return {
      status: 'fail',
      detail: text,
      diagnoses: [
        this.diagnose(
          'server-oops',
          'error',
          `vsftpd ended the session ${when}: ${text}`,
          chroot
            ? 'vsftpd refuses to chroot a user into a directory the user can write to (chroot_local_user / ' +
                'chroot_list_enable); make the root non-writable or set allow_writeable_chroot=YES.'
            : '"500 OOPS" is vsftpd dying on a configuration or system problem; the text names it. ' +
                '`vsftpd-lint` on the server\'s vsftpd.conf reports most of them.',
          chroot ? ['chroot_local_user', 'allow_writeable_chroot'] : [],
          chroot ? ['writable-chroot'] : [],
        ),
      ],
    };
  }

  private async feat(): Promise<StepResult> {
    const channel = this.channel!;
    let reply: Reply;
    try {
      reply = await this.current!.time('reply', () => channel.command('FEAT', this.timeoutMs));
    } catch (error) {
      return stop(this.controlBroken(error as NetError, 'after FEAT'));
    }
    if (reply.code === 211) {
      this.features = reply.lines.slice(1, -1).map((l) => l.trim()).filter((l) => l !== '');
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
      return stop(this.controlBroken(error as NetError, 'after AUTH TLS'));
    }
    if (reply.code !== 234) {
      const offered = this.features?.some((f) => /^AUTH\b.*\bTLS\b/i.test(f));
      return stop({
        status: 'fail',
        detail: `TLS refused: ${printable(reply.text)}${this.features ? ` (FEAT ${offered ? 'lists' : 'does not list'} AUTH TLS)` : ''}`,
        diagnoses: [
          this.diagnose(
            'tls-not-offered',
            'error',
            `the server does not offer explicit FTPS: AUTH TLS got "${printable(reply.text)}"`,
            'vsftpd answers AUTH TLS only with ssl_enable=YES and a usable certificate (rsa_cert_file, ' +
              'rsa_private_key_file). The probe does not log in without TLS when TLS was asked for, so the ' +
              'password never travels in clear text.',
            ['ssl_enable', 'rsa_cert_file', 'rsa_private_key_file'],
            ['ssl-without-cert', 'cleartext-logins'],
          ),
        ],
      });
    }
    let info: TlsInfo;
    try {
      info = await this.current!.time('handshake', () => channel.startTls(this.tlsSettings, this.host, this.timeoutMs));
    } catch (error) {
      const err = netError(error, 'TLS handshake');
      const untrusted = /CERT|SELF_SIGNED|UNABLE_TO|ALTNAME|HOSTNAME/i.test(`${err.code ?? ''} ${err.message}`);
      return stop({
        status: 'fail',
        detail: err.message,
        diagnoses: [
          untrusted
            ? this.diagnose(
                'tls-untrusted',
                'error',
                `the server's certificate is not trusted: ${err.message}`,
                'The certificate is self-signed, expired, issued by an unknown CA, or for another name. ' +
                  'Install a certificate clients trust (rsa_cert_file), or give the probe the CA ' +
                  '(or turn certificate verification off to test the rest anyway).',
                ['rsa_cert_file', 'rsa_private_key_file'],
                ['ssl-without-cert'],
              )
            : this.diagnose(
                'tls-failed',
                'error',
                `the TLS handshake failed: ${err.message}`,
                'No protocol version or cipher in common (ssl_tlsv1_2, ssl_tlsv1_1, ssl_tlsv1, ssl_ciphers), ' +
                  'or an unreadable certificate or key on the server.',
                ['ssl_tlsv1_2', 'ssl_ciphers', 'rsa_cert_file', 'rsa_private_key_file'],
                ['ssl-without-cert'],
              ),
        ],
      });
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
      return stop(this.controlBroken(error as NetError, 'during login'));
    }
    if (reply.code === 230) {
      this.loggedIn = true;
      return { status: 'pass', detail: `${printable(reply.text)} (as ${this.user})` };
    }
    if (/^500 OOPS/.test(reply.text)) return stop(this.serverOops(reply, 'at login'));
    return stop(this.loginFailure(reply));
  }

  private loginFailure(reply: Reply): StepResult {
    const text = printable(reply.text);
    const anonymous = this.user === 'anonymous' || this.user === 'ftp';
    let d: Diagnosis;
    if (/must use encryption/i.test(reply.text)) {
      d = this.diagnose(
        'login-needs-tls',
        'error',
        `login refused without TLS: ${text}`,
        'The server requires explicit FTPS for this login (force_local_logins_ssl / force_anon_logins_ssl): probe with TLS (--tls).',
        ['force_local_logins_ssl', 'force_anon_logins_ssl'],
        [],
      );
    } else if (/may not use encryption/i.test(reply.text)) {
      d = this.diagnose(
        'login-failed',
        'error',
        `login refused over TLS: ${text}`,
        'vsftpd refuses anonymous logins over TLS unless allow_anon_ssl=YES.',
        ['allow_anon_ssl'],
        [],
      );
    } else {
      d = this.diagnose(
        'login-failed',
        'error',
        `login as ${this.user} failed: ${text}`,
        anonymous
          ? 'Anonymous login is refused: anonymous_enable=NO (the compiled default), or the user list ' +
              '(userlist_enable with userlist_deny) or ftpusers refuses "anonymous"/"ftp".'
          : 'Wrong user or password, or the account is refused: local_enable=NO, the user list ' +
              '(userlist_enable, userlist_deny, userlist_file), /etc/ftpusers, or a shell not in /etc/shells (pam_shells).',
        anonymous ? ['anonymous_enable', 'userlist_enable', 'userlist_deny'] : ['local_enable', 'userlist_enable', 'userlist_deny', 'userlist_file', 'pam_service_name'],
        ['no-login-possible', 'userlist-denies-all'],
      );
    }
    return { status: 'fail', detail: text, diagnoses: [d] };
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
      return {
        status: 'warn',
        detail: `PROT P refused (${printable(prot.text)}): data connections stay in clear text`,
        diagnoses: [
          this.diagnose(
            'protection-refused',
            'warning',
            `the server refused encrypted data connections: ${printable(prot.text)}`,
            'Listings and files travel unencrypted although the control connection is protected.',
            ['ssl_enable'],
            [],
          ),
        ],
      };
    } catch (error) {
      return stop(this.controlBroken(error as NetError, 'after PBSZ/PROT'));
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
    expect(await channel.read(this.timeoutMs), 220);
    if (this.options.tls) {
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
      return this.lostSession(error);
    }
    let reply: Reply;
    try {
      reply = await this.current!.time('reply', () => channel.command(command, this.timeoutMs));
    } catch (error) {
      return this.controlBroken(error as NetError, `after ${command}`);
    }
    const expected = command === 'PASV' ? 227 : 229;
    if (reply.code !== expected) return { ...this.passiveRefused(command, reply), data: { command, reply: printable(reply.text) } };

    const control = channel.remoteAddress;
    let advertised: Endpoint;
    const diagnoses: Diagnosis[] = [];
    if (command === 'PASV') {
      const parsed = parse227(reply.text);
      if (!parsed.ok) return this.unparseable(command, reply, parsed.reason);
      advertised = parsed.endpoint;
    } else {
      const parsed = parse229(reply.text);
      if (!parsed.ok) return this.unparseable(command, reply, parsed.reason);
      advertised = { host: control, port: parsed.port };
    }
    const matches = advertised.host === control;
    const range = this.options.expectedPassiveRange;
    if (range && (advertised.port < range.lo || advertised.port > range.hi)) {
      diagnoses.push(
        this.diagnose(
          'passive-port-outside-range',
          'warning',
          `${command} offered port ${advertised.port}, outside the expected passive range ${range.lo}-${range.hi}`,
          `The running server does not use the configuration given to the probe${range.source ? ` (${range.source})` : ''}: ` +
            'it was started with another file, was not restarted after the change, or the range is read ' +
            'differently than intended (an inverted range makes vsftpd ignore pasv_max_port).',
          ['pasv_min_port', 'pasv_max_port'],
          ['pasv-range-invalid'],
        ),
      );
    }

    if (command === 'PASV' && classifyAddress(control) === 'ipv6') {
      return {
        status: 'warn',
        detail: `${printable(reply.text)}; PASV cannot carry the IPv6 address of this control connection: see EPSV`,
        data: { command, reply: printable(reply.text), advertised, controlAddress: control, addressMatches: matches },
        diagnoses: [
          this.diagnose(
            'pasv-address-ipv6-client',
            'info',
            `PASV over an IPv6 control connection advertises ${advertised.host}`,
            'PASV can only carry IPv4 addresses; IPv6 clients must use EPSV, which every current client does.',
            [],
            [],
          ),
        ],
      };
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

    const data: DataReport = {
      command,
      reply: printable(reply.text),
      advertised,
      controlAddress: control,
      addressMatches: matches,
      connect: first.report,
      ...(fallback ? { fallback: fallback.report } : {}),
      ...(listing ? { listing: listing.report } : {}),
    };

    // Address checks (PASV only: EPSV has no address).
    let addressProblem = false;
    if (command === 'PASV' && !matches) {
      const aClass = classifyAddress(advertised.host);
      const cClass = classifyAddress(control);
      if (advertised.host === '0.0.0.0') {
        addressProblem = true;
        diagnoses.push(
          this.diagnose(
            'pasv-address-zero',
            'error',
            `the 227 reply advertises 0.0.0.0 (${printable(reply.text)})`,
            'vsftpd writes 0,0,0,0 when it has an IPv6 control connection and cannot put an IPv4 address ' +
              'in the reply: pasv_address set while it runs an IPv6 listener (listen_ipv6=YES, Debian\'s ' +
              'shipped setting). Switch to listen=YES and listen_ipv6=NO, keeping pasv_address. EPSV ' +
              'clients are not affected.',
            ['pasv_address', 'listen', 'listen_ipv6'],
            ['pasv-address-ipv6'],
          ),
        );
      } else if (!first.socket) {
        addressProblem = true;
        const works = fallback?.socket !== undefined;
        diagnoses.push(
          this.diagnose(
            'pasv-address-mismatch',
            'error',
            `the 227 reply advertises ${advertised.host}, but the control connection reached the server at ${control}; ` +
              `connecting to ${formatEndpoint(advertised.host, advertised.port)} failed (${first.report.error})` +
              (works ? `, while the same port at ${control} ${listing?.report.ok ? 'works' : 'accepts the connection'}` : ''),
            `${advertised.host} is ${ADDRESS_CLASS_WORDS[aClass]}; vsftpd advertises pasv_address when it is set, ` +
              'and otherwise the address the client connected to as the server sees it, which behind a NAT ' +
              'router or port forwarding is the server\'s internal address. Set pasv_address to the address ' +
              `clients connect to${cClass === 'public' || cClass === 'private' || cClass === 'loopback' ? ` (here ${control})` : ''}, ` +
              'or remove a wrong pasv_address; with listen_ipv6=YES switch to listen=YES/listen_ipv6=NO. ' +
              'curl (>= 7.74), Python\'s ftplib and every client that uses EPSV first ignore the 227 address, ' +
              'which is why some clients work and others fail with a timeout or "425 Failed to establish connection.".',
            ['pasv_address', 'pasv_addr_resolve'],
            ['pasv-address-unreachable', 'pasv-address-nat'],
            'a NAT router with an FTP helper (conntrack "ftp") rewrites the 227 address itself, but not for FTPS; pasv_address is the fix that always works',
          ),
        );
      } else {
        const risky = (aClass === 'private' || aClass === 'loopback' || aClass === 'link-local') && cClass !== aClass;
        diagnoses.push(
          this.diagnose(
            'pasv-address-differs',
            risky ? 'warning' : 'info',
            `the 227 reply advertises ${advertised.host}, not ${control} (the address the control connection reached); it is reachable from here`,
            risky
              ? `${advertised.host} is ${ADDRESS_CLASS_WORDS[aClass]}: it works from this machine, but clients that ` +
                  `reach the server at ${control} from elsewhere (through NAT) cannot connect to it. Set pasv_address ` +
                  'to the public address if the server is behind NAT.'
              : 'pasv_address is set to another address of this server (or a NAT router rewrote the reply). Fine as long as every client can reach it.',
            ['pasv_address'],
            risky ? ['pasv-address-nat'] : [],
          ),
        );
      }
    }

    // The data connection itself.
    const failed = fallback ?? first;
    if (!socket) diagnoses.push(this.dataConnectFailure(command, failed.report, addressProblem));
    if (listing) diagnoses.push(...listing.diagnoses);

    const ok = socket !== undefined && listing?.report.ok === true && !addressProblem && first.socket !== undefined;
    const warn = diagnoses.some((d) => d.severity === 'warning');
    return {
      status: ok ? (warn ? 'warn' : 'pass') : 'fail',
      detail: this.passiveDetail(command, reply, data, listing),
      data,
      diagnoses,
    };
  }

  private passiveDetail(command: string, reply: Reply, data: DataReport, listing: ListingResult | undefined): string[] {
    const parts = [printable(reply.text)];
    const c = data.connect!;
    const to = formatEndpoint(c.endpoint.host, c.endpoint.port);
    const differs = command === 'PASV' && data.addressMatches === false ? ` (not the control connection's ${data.controlAddress})` : '';
    parts.push(c.ok ? `data connection to ${to}${differs}: connected in ${c.ms} ms` : `data connection to ${to}${differs}: ${c.error} after ${c.ms} ms`);
    if (data.fallback) {
      const f = data.fallback;
      parts.push(`same port at ${formatEndpoint(f.endpoint.host, f.endpoint.port)}: ${f.ok ? `connected in ${f.ms} ms` : `${f.error} after ${f.ms} ms`}`);
    }
    if (listing) parts.push(listing.summary);
    return parts;
  }

  private passiveRefused(command: 'PASV' | 'EPSV', reply: Reply): StepResult {
    const text = printable(reply.text);
    if (/^500 OOPS: invalid pasv_address/.test(reply.text)) {
      return {
        status: 'fail',
        detail: text,
        diagnoses: [
          this.diagnose(
            'pasv-address-invalid',
            'error',
            `${command} killed the session: ${text}`,
            'pasv_address is not a numeric IPv4 address (a host name needs pasv_addr_resolve=YES); vsftpd ' +
              'parses it at every PASV and ends the session. EPSV is not affected.',
            ['pasv_address', 'pasv_addr_resolve'],
            ['pasv-address-invalid', 'pasv-address-unresolvable'],
          ),
        ],
      };
    }
    if (/^500 OOPS: (vsf_sysutil_bind|priv_sock_get_int)/.test(reply.text)) {
      return {
        status: 'fail',
        detail: text,
        diagnoses: [
          this.diagnose(
            'passive-ports-exhausted',
            'error',
            `${command} killed the session: ${text}`,
            'vsftpd tried 9 random ports of the passive range and found all busy (other sessions between ' +
              'PASV and the end of their transfer, or other programs). Widen pasv_min_port-pasv_max_port ' +
              '(and the firewall with it).',
            ['pasv_min_port', 'pasv_max_port', 'max_clients'],
            ['pasv-range-small', 'pasv-range-invalid'],
          ),
        ],
      };
    }
    if (/^500 OOPS/.test(reply.text)) return this.serverOops(reply, `at ${command}`);
    if (reply.code === 550) {
      return {
        status: 'fail',
        detail: text,
        diagnoses: [
          this.diagnose(
            'passive-refused',
            'error',
            `${command} refused: ${text}`,
            'vsftpd answers PASV and EPSV with "550 Permission denied." when pasv_enable=NO (or when ' +
              'cmds_allowed/cmds_denied exclude them, or after EPSV ALL). Without passive mode every client ' +
              'behind NAT or a firewall fails: set pasv_enable=YES with a pasv_min_port-pasv_max_port ' +
              'range open in the firewall.',
            ['pasv_enable', 'pasv_min_port', 'pasv_max_port', 'cmds_allowed', 'cmds_denied'],
            ['pasv-disabled', 'data-commands-denied'],
          ),
        ],
      };
    }
    if (command === 'EPSV' && (reply.code === 500 || reply.code === 502 || reply.code === 504)) {
      return {
        status: 'warn',
        detail: `EPSV not supported: ${text}`,
        diagnoses: [
          this.diagnose(
            'passive-unsupported',
            'info',
            `the server does not implement EPSV: ${text}`,
            'Clients fall back to PASV, so this only matters for IPv6 and for clients behind NAT ' +
              'helpers; vsftpd supports EPSV, so this is another FTP server or a proxy in front of it.',
            [],
            [],
          ),
        ],
      };
    }
    return {
      status: 'fail',
      detail: text,
      diagnoses: [
        this.diagnose(
          'passive-refused',
          'error',
          `${command} got "${text}" instead of ${command === 'PASV' ? 227 : 229}`,
          'The server did not enter passive mode.',
          ['pasv_enable'],
          ['pasv-disabled'],
        ),
      ],
    };
  }

  private unparseable(command: 'PASV' | 'EPSV', reply: Reply, reason: string): StepResult {
    const text = printable(reply.text);
    return {
      status: 'fail',
      detail: `cannot parse the ${reply.code} reply (${reason}): ${text}`,
      data: { command, reply: text },
      diagnoses: [
        this.diagnose(
          'passive-reply-unparseable',
          'error',
          `the ${command} reply cannot be parsed (${reason}): "${text}"`,
          `A client cannot know where to connect. vsftpd always sends ${command === 'PASV' ? '"227 Entering Passive Mode (h1,h2,h3,h4,p1,p2)."' : '"229 Entering Extended Passive Mode (|||port|)"'}; ` +
            'a different text comes from another server, or from a firewall or NAT helper that rewrites FTP ' +
            'replies (an "FTP ALG") and breaks them. Turn the rewriting off on that device and set ' +
            'pasv_address instead.',
          ['pasv_address'],
          [],
          'disable FTP reply rewriting ("FTP ALG", "fixup protocol ftp") on firewalls and routers between client and server',
        ),
      ],
    };
  }

  private dataConnectFailure(command: string, attempt: AttemptReport, addressKnownBad: boolean): Diagnosis {
    const where = formatEndpoint(attempt.endpoint.host, attempt.endpoint.port);
    const range = this.options.expectedPassiveRange;
    const rangeText = range
      ? `the passive range ${range.lo}-${range.hi}${range.source ? ` (${range.source})` : ''}`
      : `the passive port range (pasv_min_port-pasv_max_port; this reply used port ${attempt.endpoint.port})`;
    const openRange = range ? `TCP ${range.lo}-${range.hi}` : 'TCP pasv_min_port-pasv_max_port';
    const firewall =
      `open ${openRange} inbound on the server (and forward it to the server on a NAT router), as precisely ` +
      `as the control port; ${FIREWALL_COMMAND_HINT}. A conntrack FTP helper on port ${this.port} can open the ` +
      'ports on demand instead, but cannot see inside FTPS';
    switch (attempt.error) {
      case 'timeout':
        return this.diagnose(
          'data-timeout',
          'error',
          `the ${command} data connection to ${where} timed out after ${attempt.ms} ms: a firewall drops ${rangeText}`,
          'The control connection works but nothing answered on the passive port: a firewall silently ' +
            'drops it, on the server or on a router in front of it. vsftpd then answers the transfer with ' +
            '"425 Failed to establish connection." after accept_timeout. Without a configured range ' +
            'vsftpd picks any port from 5001 up, which no firewall can open safely.' +
            (addressKnownBad ? ' (This is the port at the control connection\'s address: the port is blocked too.)' : ''),
          ['pasv_min_port', 'pasv_max_port', 'accept_timeout'],
          ['pasv-range-missing', 'pasv-range-invalid'],
          firewall,
        );
      case 'refused':
        return this.diagnose(
          'data-refused',
          'error',
          `the ${command} data connection to ${where} was refused`,
          'Nothing accepted the connection at the advertised address and port: the address is not the ' +
            'server\'s (pasv_address), a firewall rejects the passive range, or a NAT router forwards the ' +
            'control port but not the passive range.',
          ['pasv_address', 'pasv_min_port', 'pasv_max_port'],
          ['pasv-address-unreachable', 'pasv-range-missing'],
          firewall,
        );
      case 'unreachable':
        return this.diagnose(
          'data-unreachable',
          'error',
          `no route to ${where} for the ${command} data connection`,
          'The advertised address is not reachable from this client at all: typically a private address ' +
            'sent to a client outside the server\'s network. Set pasv_address to the address clients use.',
          ['pasv_address'],
          ['pasv-address-unreachable', 'pasv-address-nat'],
        );
      default:
        return this.diagnose(
          'data-failed',
          'error',
          `the ${command} data connection to ${where} failed: ${attempt.message ?? attempt.error}`,
          'See the message.',
          ['pasv_min_port', 'pasv_max_port'],
          [],
        );
    }
  }

  /** One data connection attempt; never throws. */
  private async attempt(endpoint: Endpoint): Promise<Attempt> {
    const where = formatEndpoint(endpoint.host, endpoint.port);
    this.log('event', `data connection to ${where}`);
    const start = this.clock();
    try {
      const socket = await connectTcp(endpoint.host, endpoint.port, this.timeoutMs);
      const ms = this.clock() - start;
      this.current!.timings[this.current!.timings['data-connect'] === undefined ? 'data-connect' : 'data-connect-fallback'] = ms;
      this.log('event', `data connection to ${where} established in ${ms} ms`);
      return { socket, report: { endpoint, ok: true, ms } };
    } catch (error) {
      const err = netError(error, `data connection to ${where}`);
      const ms = this.clock() - start;
      this.current!.timings[this.current!.timings['data-connect'] === undefined ? 'data-connect' : 'data-connect-fallback'] = ms;
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
    const data = this.protectedData ? secureData(socket, this.tlsSettings, this.host, channel.tlsSession) : socket;
    const collecting = collect(data, this.timeoutMs);
    const replies: string[] = [];
    const done = (ok: boolean, collected: Collected | undefined, summary: string, diagnoses: Diagnosis[]): ListingResult => {
      data.destroy();
      const bytes = collected?.bytes ?? 0;
      const entries = collected ? collected.sample.split(/\r?\n/).filter((l) => l.trim() !== '').length : 0;
      const ms = this.clock() - start;
      this.current!.timings.listing = ms;
      return { report: { command, replies, bytes, entries, ok, ms }, summary, diagnoses };
    };
    let first: Reply;
    try {
      first = await channel.command(command, this.timeoutMs);
    } catch (error) {
      const broken = this.controlBroken(error as NetError, `after ${command}`);
      return done(false, undefined, `${command}: ${oneLine(broken.detail)}`, broken.diagnoses ?? []);
    }
    replies.push(printable(first.text));
    if (first.code !== 150 && first.code !== 125) {
      return done(false, undefined, `${command}: ${printable(first.text)}`, [this.transferRefused(mode, command, first)]);
    }
    const collected = await collecting;
    if (collected.error) this.log('event', `${collected.error.message} (${collected.bytes} bytes received)`);
    else this.log('event', `received ${collected.bytes} bytes in ${collected.ms} ms`);
    let final: Reply;
    try {
      final = await channel.read(this.timeoutMs);
    } catch (error) {
      const broken = this.controlBroken(error as NetError, `after the ${command} data`);
      return done(false, collected, `${command}: ${oneLine(broken.detail)}`, broken.diagnoses ?? []);
    }
    replies.push(printable(final.text));
    const entriesText = (n: number) => `${n} entr${n === 1 ? 'y' : 'ies'}`;
    const entries = collected.sample.split(/\r?\n/).filter((l) => l.trim() !== '').length;
    if (final.code === 226 || final.code === 250) {
      return done(true, collected, `${command}: ${entriesText(entries)}, ${collected.bytes} bytes in ${this.clock() - start} ms (${printable(final.text)})`, []);
    }
    return done(false, collected, `${command}: ${printable(final.text)}`, [this.transferRefused(mode, command, final, collected)]);
  }

  private transferRefused(mode: string, command: string, reply: Reply, collected?: Collected): Diagnosis {
    const text = printable(reply.text);
    if (/Bad IP connecting/i.test(reply.text)) {
      return this.diagnose(
        'data-bad-ip',
        'error',
        `${command} after ${mode}: ${text}`,
        'The data connection reached vsftpd from another address than the control connection: a NAT ' +
          'or proxy with several outgoing addresses, or a load balancer. vsftpd refuses that unless ' +
          'pasv_promiscuous=YES, which lets anyone who guesses the port take the transfer: prefer making ' +
          'both connections leave from one address.',
        ['pasv_promiscuous'],
        ['pasv-promiscuous'],
      );
    }
    if (reply.code === 522 && /session reuse/i.test(reply.text)) {
      return this.diagnose(
        'data-tls-failed',
        'error',
        `${command} after ${mode}: ${text}`,
        'vsftpd requires the data connection\'s TLS session to reuse the control connection\'s ' +
          '(require_ssl_reuse=YES, the default) and this client did not. Most clients do; the setting ' +
          'can be turned off for those that do not.',
        ['require_ssl_reuse'],
        [],
      );
    }
    if (reply.code === 522) {
      return this.diagnose(
        'data-encryption-required',
        'error',
        `${command} after ${mode}: ${text}`,
        'The server requires encrypted data connections (force_local_data_ssl / force_anon_data_ssl): probe with TLS (--tls).',
        ['force_local_data_ssl', 'force_anon_data_ssl'],
        [],
      );
    }
    if (reply.code === 550) {
      return this.diagnose(
        'listing-refused',
        'error',
        `${command} refused: ${text}`,
        'The data connection was fine but the listing was refused: dirlist_enable=NO, cmds_allowed/' +
          'cmds_denied, or the directory is not readable (anonymous: anon_world_readable_only and the ' +
          'permissions of anon_root).',
        ['dirlist_enable', 'cmds_allowed', 'cmds_denied', 'anon_world_readable_only'],
        ['data-commands-denied'],
      );
    }
    if (reply.code === 425) {
      return this.diagnose(
        'data-failed',
        'error',
        `${command} after ${mode}: ${text}`,
        'vsftpd did not see the data connection the probe opened: the advertised address and port lead ' +
          'to another machine or program (a wrong pasv_address, or port forwarding to the wrong host).',
        ['pasv_address'],
        ['pasv-address-unreachable'],
      );
    }
    return this.diagnose(
      'listing-incomplete',
      'error',
      `${command} after ${mode} did not complete: ${text}${collected?.error ? ` (${collected.error.message})` : ''}`,
      'The transfer started but did not end with 226: the data connection was cut (a firewall or NAT ' +
        'timeout, an MTU problem) or the server hit data_connection_timeout.',
      ['data_connection_timeout'],
      [],
    );
  }

  private lostSession(error: unknown): StepResult {
    const message = error instanceof Error ? error.message : String(error);
    return {
      status: 'fail',
      detail: `could not log in again after the session ended: ${message}`,
      diagnoses: [
        this.diagnose(
          'connection-closed',
          'error',
          `the server ended the session and a new one could not be started: ${message}`,
          'See the previous step\'s diagnosis; vsftpd ends a session after a "500 OOPS".',
          [],
          [],
        ),
      ],
    };
  }

  // -------------------------------------------------------------------------------------------
  // Active mode: PORT / EPRT
  // -------------------------------------------------------------------------------------------

  private async activeMode(): Promise<StepResult> {
    let channel: ControlChannel;
    try {
      channel = await this.session();
    } catch (error) {
      return this.lostSession(error);
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
        return this.controlBroken(error as NetError, `after ${command}`);
      }
      const data: DataReport = { command, reply: printable(reply.text), announced };
      if (reply.code !== 200) return { ...this.activeRefused(command, reply, announced), data };

      const listCommand = this.options.listCommand ?? 'LIST';
      const start = this.clock();
      let first: Reply;
      try {
        // vsftpd connects before it answers: 150 once connected, 425 after connect_timeout.
        first = await channel.command(listCommand, this.timeoutMs);
      } catch (error) {
        const err = error as NetError;
        if (err.kind === 'timeout') {
          return {
            status: 'fail',
            detail: `${listCommand}: no reply within ${this.timeoutMs} ms; the server has not connected to ${formatEndpoint(announce, listener.port)}`,
            data,
            diagnoses: [
              this.diagnose(
                'active-no-reply',
                'error',
                `after ${command}, ${listCommand} got no reply within ${this.timeoutMs} ms and the server never connected to ${formatEndpoint(announce, listener.port)}`,
                'vsftpd is still trying to open the data connection to this client (it gives up after ' +
                  'connect_timeout, 60 s by default, with "425 Failed to establish connection."): a firewall ' +
                  'on the client side or a NAT router drops the server\'s connection. Use passive mode; ' +
                  'for active clients behind a stateful firewall, a conntrack FTP helper on the client\'s ' +
                  'firewall lets the connection in.',
                ['port_enable', 'connect_timeout'],
                ['active-mode'],
                'on the client side: allow inbound connections from the server (source port ftp_data_port, 20, with connect_from_port_20=YES) or use a conntrack FTP helper for the control connection',
              ),
            ],
          };
        }
        return this.controlBroken(err, `after ${listCommand}`);
      }
      if (first.code !== 150 && first.code !== 125) {
        return {
          status: 'fail',
          detail: [printable(reply.text), `${listCommand}: ${printable(first.text)}`],
          data: { ...data, listing: { command: listCommand, replies: [printable(first.text)], bytes: 0, entries: 0, ok: false, ms: this.clock() - start } },
          diagnoses: [this.activeTransferFailure(command, listCommand, first, announced)],
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
      const listing = await this.finishActiveListing(channel, socket, listCommand, first, start);
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

  private async finishActiveListing(channel: ControlChannel, socket: net.Socket, command: string, first: Reply, start: number): Promise<ListingResult> {
    const data = this.protectedData ? secureData(socket, this.tlsSettings, this.host, channel.tlsSession) : socket;
    const collected = await collect(data, this.timeoutMs);
    data.destroy();
    const replies = [printable(first.text)];
    const entries = collected.sample.split(/\r?\n/).filter((l) => l.trim() !== '').length;
    const report = (ok: boolean): ListingReport => ({ command, replies, bytes: collected.bytes, entries, ok, ms: this.clock() - start });
    let final: Reply;
    try {
      final = await channel.read(this.timeoutMs);
    } catch (error) {
      const broken = this.controlBroken(error as NetError, `after the ${command} data`);
      return { report: report(false), summary: oneLine(broken.detail), diagnoses: broken.diagnoses ?? [] };
    }
    replies.push(printable(final.text));
    this.current!.timings.listing = this.clock() - start;
    if (final.code === 226 || final.code === 250) {
      return { report: report(true), summary: `${command}: ${entries} entr${entries === 1 ? 'y' : 'ies'}, ${collected.bytes} bytes (${printable(final.text)})`, diagnoses: [] };
    }
    return { report: report(false), summary: `${command}: ${printable(final.text)}`, diagnoses: [this.transferRefused('PORT', command, final, collected)] };
  }

  private activeRefused(command: string, reply: Reply, announced: Endpoint): StepResult {
    const text = printable(reply.text);
    if (reply.code === 550) {
      return {
        status: 'fail',
        detail: text,
        diagnoses: [
          this.diagnose(
            'active-refused',
            'warning',
            `${command} refused: ${text}: active mode is off (port_enable=NO)`,
            'vsftpd answers PORT and EPRT with "550 Permission denied." when port_enable=NO. That is the ' +
              'recommended setting when every client uses passive mode (rule active-mode); clients that ' +
              'insist on active mode must switch to passive (ftp -p, "passive on"), or set port_enable=YES.',
            ['port_enable'],
            ['active-mode'],
          ),
        ],
      };
    }
    if (/Illegal (PORT|EPRT)/i.test(reply.text)) {
      return {
        status: 'fail',
        detail: text,
        diagnoses: [
          this.diagnose(
            'active-illegal',
            'error',
            `${command} ${formatEndpoint(announced.host, announced.port)} refused: ${text}`,
            'vsftpd accepts PORT/EPRT only for the client\'s own address (the source of the control ' +
              'connection) and a port of 1024 or more. A client behind NAT announces its private address, ' +
              'which differs from the address the server sees: use passive mode, or an FTP helper on the ' +
              'client\'s NAT router that rewrites PORT. port_promiscuous=YES would accept it but allows FTP ' +
              'bounce attacks and still cannot reach a private address.',
            ['port_promiscuous'],
            ['port-promiscuous', 'active-mode'],
            'on the client\'s NAT router: a conntrack FTP helper (nf_nat_ftp) rewrites PORT to the public address',
          ),
        ],
      };
    }
    if (/^500 OOPS/.test(reply.text)) return this.serverOops(reply, `at ${command}`);
    return {
      status: 'fail',
      detail: text,
      diagnoses: [
        this.diagnose('active-refused', 'error', `${command} got "${text}" instead of 200`, 'The server does not accept active mode.', ['port_enable'], ['active-mode']),
      ],
    };
  }

  private activeTransferFailure(command: string, listCommand: string, reply: Reply, announced: Endpoint): Diagnosis {
    const text = printable(reply.text);
    if (/^500 OOPS: vsf_sysutil_bind/.test(reply.text)) {
      return this.diagnose(
        'active-oops',
        'error',
        `${listCommand} after ${command} killed the session: ${text}`,
        'With port_promiscuous=YES the unprivileged session process opens the data socket and cannot ' +
          'bind the privileged source port of connect_from_port_20=YES: every active transfer dies.',
        ['port_promiscuous', 'connect_from_port_20'],
        ['port-promiscuous-port-20'],
      );
    }
    if (/^500 OOPS/.test(reply.text)) return this.serverOops(reply, `at ${listCommand}`).diagnoses![0];
    if (reply.code === 425) {
      return this.diagnose(
        'active-unreachable',
        'error',
        `${command} was accepted, then ${listCommand}: ${text}: the server cannot connect to this client at ${formatEndpoint(announced.host, announced.port)}`,
        'In active mode the server opens the data connection to the client. "200 PORT command successful. ' +
          'Consider using PASV." followed by "425 Failed to establish connection." means that connection ' +
          'failed or timed out (connect_timeout): a firewall on the client side, or NAT in front of the ' +
          'client, keeps it out. Use passive mode (recommended); otherwise the client\'s firewall needs a ' +
          'conntrack FTP helper on its connection to the server\'s control port so the data connection ' +
          'is RELATED.',
        ['port_enable', 'connect_timeout', 'connect_from_port_20', 'ftp_data_port'],
        ['active-mode'],
        'on the client: a conntrack FTP helper for the control connection (nft: ct helper "ftp"; iptables: -t raw -j CT --helper ftp), or allow inbound TCP from the server',
      );
    }
    return this.diagnose('active-unreachable', 'error', `${listCommand} after ${command}: ${text}`, 'The active-mode transfer did not start.', ['port_enable'], ['active-mode']);
  }
}

function isDataStep(name: StepName): boolean {
  return name === 'pasv' || name === 'epsv' || name === 'active';
}

interface StepResult {
  readonly status: StepStatus;
  /** One line, or several (the human format prints them on separate lines; JSON joins them with "; "). */
  readonly detail: string | readonly string[];
  readonly diagnoses?: Diagnosis[];
  readonly data?: DataReport;
  readonly tls?: TlsInfo;
  /** Nothing after this step can run. */
  readonly stop?: boolean;
}

function oneLine(detail: string | readonly string[]): string {
  return typeof detail === 'string' ? detail : detail.join('; ');
}

function stop(result: StepResult): StepResult {
  return { ...result, stop: true };
}

interface Attempt {
  readonly socket?: net.Socket;
  readonly report: AttemptReport;
}

interface ListingResult {
  readonly report: ListingReport;
  readonly summary: string;
  readonly diagnoses: Diagnosis[];
}

/** Every string in the report with the password masked (a last line of defence). */
function scrub<T>(value: T, mask: (text: string) => string): T {
  if (typeof value === 'string') return mask(value) as unknown as T;
  if (Array.isArray(value)) return value.map((v) => scrub(v, mask)) as unknown as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = scrub(v, mask);
    return out as T;
  }
  return value;
}

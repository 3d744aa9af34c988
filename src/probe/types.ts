/**
 * The probe's data types: its options, its report (steps, data connections, diagnoses), and the
 * result of one step as the session driver (probe.ts) and the diagnosis table (diagnosis-table/)
 * exchange it.
 */
import type { TlsInfo, TranscriptEntry } from './connection';
import type { Diagnosis, StepName } from './diagnosis';
import type { Endpoint, Reply } from './reply';

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
  /**
   * The server's pasv_address from its vsftpd.conf, when known: a 227 address that equals it is
   * deliberate, so failing to reach it from here says where the probe stands, not that it is wrong.
   */
  readonly pasvAddress?: string;
  /** Implicit FTPS (ftps://): TLS from the first byte, before the banner. */
  readonly implicitTls?: boolean;
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
  /** The ports sampled from the passive range (by the first passive step that reached one). */
  readonly sample?: PortSample;
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
    /** TLS on the control connection (explicit or implicit). */
    readonly tls: boolean;
    /** Implicit FTPS (ftps://). */
    readonly implicitTls: boolean;
    readonly active: boolean;
    readonly timeoutMs: number;
  };
  /** The control connection's endpoints as the probe saw them. */
  readonly control?: { readonly remote: Endpoint; readonly local: Endpoint };
  /** The greeting's lines, escaped, joined by " | ". */
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

/** What a step found: its status, what happened, and what it means. */
export interface StepResult {
  readonly status: StepStatus;
  /** One line, or several (the human format prints them on separate lines; JSON joins them with "; "). */
  readonly detail: string | readonly string[];
  readonly diagnoses?: Diagnosis[];
  readonly data?: DataReport;
  readonly tls?: TlsInfo;
  /** Nothing after this step can run. */
  readonly stop?: boolean;
}

export function oneLine(detail: string | readonly string[]): string {
  return typeof detail === 'string' ? detail : detail.join('; ');
}

export function stop(result: StepResult): StepResult {
  return { ...result, stop: true };
}

export function isDataStep(name: StepName): boolean {
  return name === 'pasv' || name === 'epsv' || name === 'active';
}

/** A listing over a data connection: its report, one line for the step, and what went wrong. */
export interface ListingResult {
  readonly report: ListingReport;
  readonly summary: string;
  readonly diagnoses: Diagnosis[];
}

/** Most passive offers the probe tries per run, and most failed connections it waits for. */
export const MAX_RANGE_SAMPLES = 16;
export const MAX_FAILED_SAMPLES = 3;

/** One port a passive reply offered and whether a data connection to it worked. */
export interface SampledPort {
  readonly port: number;
  readonly ok: boolean;
  /** timeout, refused, ... when it failed. */
  readonly error?: string;
}

/** The ports sampled from the passive range (the first is the step's own data connection). */
export interface PortSample {
  readonly command: 'PASV' | 'EPSV';
  /** Where the data connections went. */
  readonly host: string;
  readonly ports: readonly SampledPort[];
  /** The range from the server's config, when the probe was given it. */
  readonly range?: ExpectedPassiveRange;
}

/** What one passive step (PASV or EPSV with a parseable reply) observed. */
export interface PassiveObservation {
  readonly command: 'PASV' | 'EPSV';
  readonly reply: Reply;
  /** Where the reply says to connect (229: the control host). */
  readonly advertised: Endpoint;
  /** The server address the control connection reached, and this side's address. */
  readonly control: string;
  readonly local: string;
  readonly first: AttemptReport;
  /** The same port at the control host, when the advertised address failed. */
  readonly fallback?: AttemptReport;
  readonly listing?: ListingResult;
  readonly sample?: PortSample;
}

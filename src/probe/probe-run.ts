/**
 * The bookkeeping of one probe run, under the session driver (probe.ts): its settings, each
 * step's transcript, replies and timings, and the report built from them (password masked,
 * every string escaped).
 */
import { escapeText } from '../engine/text';
import { ControlChannel, TlsSettings, TranscriptEntry } from './connection';
import { secretMask } from './credentials';
import { Diagnosis, mergeDiagnoses, StepName } from './diagnosis';
import {
  DEFAULT_ANONYMOUS_PASSWORD,
  DEFAULT_PROBE_TIMEOUT_MS,
  isDataStep,
  PortSample,
  ProbeOptions,
  ProbeOutcome,
  ProbeReport,
  ProbeStep,
  STEP_ORDER,
  StepResult,
} from './types';
import { DiagnosisContext } from './diagnosis-table';

/** Stops the probe after a step that leaves nothing to test (no connection, no login). */
export class Stop extends Error {}

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

/** A probe run's state and report; the steps themselves are the subclass's. */
export abstract class ProbeRun {
  protected readonly started = Date.now();
  protected readonly host: string;
  protected readonly port: number;
  protected readonly user: string;
  protected readonly password: string;
  protected readonly timeoutMs: number;
  protected readonly tlsSettings: TlsSettings;
  protected readonly steps: ProbeStep[] = [];
  protected readonly diagnoses: Diagnosis[] = [];
  protected channel: ControlChannel | undefined;
  protected banner: string | undefined;
  protected features: string[] | undefined;
  protected control: ProbeReport['control'];
  protected loggedIn = false;
  protected reachedServer = false;
  /** PROT P accepted: data connections use TLS. */
  protected protectedData = false;
  /** The passive ports sampled by the first passive step that reached a data port. */
  protected sample: PortSample | undefined;

  constructor(protected readonly options: ProbeOptions) {
    this.host = options.host.replace(/^\[(.*)\]$/, '$1');
    this.port = options.port ?? 21;
    this.user = options.user ?? 'anonymous';
    this.password = options.password ?? DEFAULT_ANONYMOUS_PASSWORD;
    this.mask = secretMask(this.password);
    this.timeoutMs = Math.ceil(options.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS);
    this.tlsSettings = {
      rejectUnauthorized: options.tlsRejectUnauthorized ?? true,
      servername: options.tlsServername,
      ca: options.tlsCa,
    };
  }

  protected readonly clock = () => Date.now() - this.started;

  /** TLS on the control connection: explicit (AUTH TLS) or implicit (ftps://). */
  protected get secured(): boolean {
    return this.options.tls === true || this.options.implicitTls === true;
  }

  /** What the diagnosis table needs to know about this probe, for the running step. */
  protected ctx(): DiagnosisContext {
    const range = this.options.expectedPassiveRange;
    const pasvAddress = this.options.pasvAddress;
    return {
      step: this.current!.name,
      host: this.host,
      port: this.port,
      timeoutMs: this.timeoutMs,
      user: this.user,
      ...(range ? { range } : {}),
      ...(pasvAddress ? { pasvAddress } : {}),
    };
  }

  /** Hides the password in anything that goes into the report. */
  protected readonly mask: (text: string) => string;

  // -------------------------------------------------------------------------------------------
  // Bookkeeping
  // -------------------------------------------------------------------------------------------

  protected current: StepRecorder | undefined;

  protected get log() {
    return this.route;
  }

  /** Transcript lines go to whichever step is running (the control channel outlives steps). */
  protected readonly route = (dir: TranscriptEntry['dir'], text: string): void => this.current?.log(dir, text);

  protected async step(name: StepName, work: () => Promise<StepResult>): Promise<void> {
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

  protected record(recorder: StepRecorder, result: StepResult): void {
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

  protected report(): ProbeReport {
    const ran = new Set(this.steps.map((s) => s.name));
    const stopped = this.steps.find((s) => s.status === 'fail' && !isDataStep(s.name));
    for (const name of STEP_ORDER) {
      if (ran.has(name) || ((name === 'auth-tls' || name === 'protection') && !this.secured)) continue;
      const detail =
        name === 'active' && !this.options.active
          ? 'not requested (active mode is tested with the active option, --active)'
          : stopped
            ? `not run: ${stopped.name} failed`
            : 'not run';
      this.steps.push({
        name,
        status: 'skip',
        ok: true,
        detail,
        lines: [detail],
        startMs: this.clock(),
        durationMs: 0,
        timings: {},
        replies: [],
        transcript: [],
      });
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
        tls: this.secured,
        implicitTls: this.options.implicitTls === true,
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
}

/**
 * Every string in the report with the password masked and control characters escaped (a last
 * line of defence: no text a server sent can start a line of the output or drive the terminal).
 */
function scrub<T>(value: T, mask: (text: string) => string): T {
  if (typeof value === 'string') return mask(escapeText(mask(value))) as unknown as T;
  if (Array.isArray(value)) return (value as unknown[]).map((v) => scrub(v, mask)) as unknown as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = scrub(v, mask);
    return out as T;
  }
  return value;
}

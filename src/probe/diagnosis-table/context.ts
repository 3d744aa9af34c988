/**
 * The probe's diagnosis table: what each observation means for a vsftpd server. Pure functions
 * from what the session driver (probe.ts) observed (a socket error, a reply, a data-connection
 * attempt, the ports sampled from the passive range) to a step result with its diagnoses: the
 * vsftpd.conf options and the firewall to change, and the linter rules that catch the same
 * problem. No sockets, timers or clock here, so every row is a unit test (test/probe-verdicts.test.ts).
 *
 * The replies are those of Debian's vsftpd 3.0.3 (shared reference sections 3.5 and 4, reproduced
 * by the ftp-scenarios scripts and the namespace tests).
 */
import { Diagnosis, diagnosis, DiagnosisId, StepName } from '../diagnosis';
import type { ExpectedPassiveRange } from '../types';

/** What a diagnosis needs to know about the probe besides the observation itself. */
export interface DiagnosisContext {
  /** The step that made the observation. */
  readonly step: StepName;
  readonly host: string;
  readonly port: number;
  readonly timeoutMs: number;
  readonly user: string;
  readonly range?: ExpectedPassiveRange;
  /** The server's pasv_address as its vsftpd.conf sets it, when the probe was given the file. */
  readonly pasvAddress?: string;
}

export function diagnose(
  ctx: DiagnosisContext,
  id: DiagnosisId,
  severity: Diagnosis['severity'],
  summary: string,
  explanation: string,
  options: Parameters<typeof diagnosis>[5],
  rules: Parameters<typeof diagnosis>[6],
  firewall?: string,
): Diagnosis {
  return diagnosis(id, ctx.step, severity, summary, explanation, options, rules, firewall);
}

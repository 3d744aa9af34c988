/**
 * The probe: tests a live FTP server's control and data connections and explains failures in
 * vsftpd terms. `probe(options)` runs it; `formatProbeHuman` / `formatProbeJson` render the
 * report; `parseProbeTarget` reads "ftp://[user@]host[:port]"; `expectedPassiveRange` takes
 * the passive range from a vsftpd.conf for sharper diagnoses.
 */
export { probe } from './probe';
export { DEFAULT_PROBE_TIMEOUT_MS, DEFAULT_ANONYMOUS_PASSWORD, STEP_ORDER } from './types';
export type {
  ProbeOptions,
  ProbeReport,
  ProbeStep,
  ProbeOutcome,
  StepStatus,
  DataReport,
  AttemptReport,
  ListingReport,
  ExpectedPassiveRange,
} from './types';
export type { Diagnosis, DiagnosisId, DiagnosisSeverity, RuleRef, StepName } from './diagnosis';
export { DIAGNOSIS_IDS, RULE_REFS } from './diagnosis';
export type { TranscriptEntry, TlsInfo } from './connection';
export type { Endpoint } from './reply';
export { formatProbeHuman, formatProbeJson, STEP_MARKS } from './format';
export type { HumanFormatOptions, ProbeStyle } from './format';
export { parseProbeTarget, ProbeTargetError, expectedPassiveRange } from './target';
export type { ProbeTarget } from './target';

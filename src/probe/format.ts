/**
 * Output of a probe report: `formatProbeHuman` (steps with ✓/✗ and a final diagnosis) and
 * `formatProbeJson`. Pure functions from a report to a string; the CLI prints them. A report
 * never contains the password (probe() masks it), so neither does its output.
 */
import { formatEndpoint } from './connection';
import type { Diagnosis } from './diagnosis';
import type { ProbeReport, ProbeStep, StepStatus } from './types';

/** Optional colouring hooks (the CLI passes kleur's); identity by default. */
export interface ProbeStyle {
  readonly pass: (text: string) => string;
  readonly fail: (text: string) => string;
  readonly warn: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly bold: (text: string) => string;
}

export interface HumanFormatOptions {
  /** Print each step's transcript (sent >, received <, events *) under it. */
  readonly transcript?: boolean;
  readonly style?: Partial<ProbeStyle>;
}

const plain = (text: string) => text;

export const STEP_MARKS: Readonly<Record<StepStatus, string>> = { pass: '✓', fail: '✗', warn: '!', skip: '-' };

const STEP_TITLES: Readonly<Record<ProbeStep['name'], string>> = {
  connect: 'connect',
  banner: 'banner',
  feat: 'FEAT',
  'auth-tls': 'AUTH TLS',
  login: 'login',
  protection: 'PBSZ/PROT',
  pasv: 'PASV',
  epsv: 'EPSV',
  active: 'active',
};

const OUTCOME_WORDS: Readonly<Record<ProbeReport['outcome'], string>> = {
  'passive-ok': 'passive listing works',
  'data-connection-problem': 'data-connection problem',
  unreachable: 'server not reachable',
  'login-failed': 'login failed',
};

export function formatProbeHuman(report: ProbeReport, options: HumanFormatOptions = {}): string {
  const s: ProbeStyle = { pass: plain, fail: plain, warn: plain, dim: plain, bold: plain, ...options.style };
  const paint = (status: StepStatus, text: string) =>
    status === 'pass' ? s.pass(text) : status === 'fail' ? s.fail(text) : status === 'warn' ? s.warn(text) : s.dim(text);
  const out: string[] = [];
  const t = report.target;
  out.push(
    s.bold(
      `probe ${t.implicitTls ? 'ftps' : 'ftp'}://${t.user}@${formatEndpoint(t.host, t.port)}${t.implicitTls ? ' (implicit FTPS)' : t.tls ? ' (explicit FTPS)' : ''}`,
    ),
  );
  const title = (name: ProbeStep['name']) => (name === 'auth-tls' && t.implicitTls ? 'TLS' : STEP_TITLES[name]);
  const width = Math.max(...report.steps.map((step) => title(step.name).length));
  for (const step of report.steps) {
    const name = title(step.name).padEnd(width);
    const time = step.status === 'skip' ? '' : s.dim(` (${step.durationMs} ms)`);
    const [first, ...rest] = step.lines.length ? step.lines : [step.detail];
    out.push(`${paint(step.status, STEP_MARKS[step.status])} ${s.bold(name)}  ${first}${time}`);
    for (const line of rest) out.push(`${' '.repeat(width + 4)}${line}`);
    if (options.transcript) {
      for (const entry of step.transcript) {
        const mark = entry.dir === 'sent' ? '>' : entry.dir === 'received' ? '<' : '*';
        out.push(s.dim(`    ${(entry.t / 1000).toFixed(3).padStart(7)}s ${mark} ${entry.text}`));
      }
    }
  }
  out.push('');
  if (report.diagnoses.length === 0) {
    out.push(s.pass('Diagnosis: no problem found.'));
  } else {
    out.push(s.bold('Diagnosis:'));
    for (const d of report.diagnoses) out.push(...formatDiagnosis(d, s));
  }
  out.push('');
  const resultText = `Result: ${OUTCOME_WORDS[report.outcome]} (exit ${report.exitCode}), ${report.durationMs} ms`;
  out.push(report.exitCode === 0 ? s.pass(resultText) : s.fail(resultText));
  return `${out.join('\n')}\n`;
}

function formatDiagnosis(d: Diagnosis, s: ProbeStyle): string[] {
  const mark = d.severity === 'error' ? s.fail('✗') : d.severity === 'warning' ? s.warn('!') : s.dim('i');
  const lines = [`${mark} ${s.bold(`[${d.steps.join(', ')}] ${d.id}`)}: ${d.summary}`];
  lines.push(...wrap(d.explanation, 96).map((line) => `    ${line}`));
  if (d.options.length) lines.push(`    vsftpd.conf: ${d.options.join(', ')}`);
  if (d.firewall) lines.push(...wrap(`firewall: ${d.firewall}`, 96).map((line) => `    ${line}`));
  if (d.rules.length) lines.push(`    rules: ${d.rules.map((r) => `${r.id} ${r.name}`).join(', ')}`);
  return lines;
}

/** Greedy word wrap. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** The report as JSON (two-space indented, newline-terminated), with a format tag and version. */
export function formatProbeJson(report: ProbeReport): string {
  return `${JSON.stringify({ format: 'vsftpd-lint-probe', version: 1, ...report }, null, 2)}\n`;
}

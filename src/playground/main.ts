/**
 * The browser playground (dist/playground/): a CodeMirror editor with lint markers, the findings
 * list, the build selector and per-user toggle, safe and unsafe fixing with the unified diff of
 * the fixes, and share links in the URL fragment. Everything runs in the page on the engine the
 * CLI uses; it imports only pure modules (no probe, firewall or file I/O), and makes no request.
 */
import { history, defaultKeymap, historyKeymap } from '@codemirror/commands';
import { Diagnostic, lintGutter, setDiagnostics } from '@codemirror/lint';
import { EditorState, Text } from '@codemirror/state';
import { EditorView, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import { ruleHelpUri } from '../format/links';
import type { Finding } from '../engine/finding';
import { lintResult, LintOptions } from '../lint';
import { fix } from '../fix/fix';
import { BUILD_IDS } from '../schema/options';
import { DEFAULT_TARGET, getTarget } from '../schema/targets';
import { fromFragment, toFragment } from './share';

/**
 * The lint options the page sets. `perUser` is the per-user mode of issue 11 (the lint option
 * the CLI sets with --per-user); passed through as the CLI passes it.
 */
type PlaygroundOptions = LintOptions & { readonly target: string; readonly perUser?: boolean };

/** The name fixes and diffs give the text (the default config path of most builds). */
const FILE_NAME = 'vsftpd.conf';

const EXAMPLE = `# Paste a vsftpd.conf here. Example: two lines vsftpd 3.0.3 refuses.
listen = YES
anonymous_enable=NO
local_enable=YES
write_enable=YES 
pasv_enable=YES
`;

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const targetSelect = element<HTMLSelectElement>('target');
const perUserBox = element<HTMLInputElement>('per-user');
const findingsList = element<HTMLOListElement>('findings');
const summary = element<HTMLElement>('summary');
const diffTitle = element<HTMLElement>('diff-title');
const diffView = element<HTMLPreElement>('diff');

for (const id of BUILD_IDS) targetSelect.add(new Option(`${getTarget(id).label} (${id})`, id));

const shared = fromFragment(location.hash);
/** The build a link names, or the default for none or one this page does not know. */
function knownTarget(target: string | undefined): string {
  return target !== undefined && (BUILD_IDS as readonly string[]).includes(target) ? target : DEFAULT_TARGET;
}

targetSelect.value = knownTarget(shared?.target);
perUserBox.checked = shared?.perUser ?? false;

/** The diff of the fixes last applied, shown until the text is edited by hand. */
let applied: { diff: string; unsafe: boolean } | undefined;
let scheduled: ReturnType<typeof setTimeout> | undefined;

const view = new EditorView({
  parent: element('editor'),
  state: EditorState.create({
    doc: shared?.config ?? EXAMPLE,
    extensions: [
      // Only "\n" ends a line, as for vsftpd: a "\r" stays in the text (CRLF files are a finding).
      EditorState.lineSeparator.of('\n'),
      lineNumbers(),
      highlightActiveLine(),
      history(),
      keymap.of([...defaultKeymap, ...historyKeymap]),
      lintGutter(),
      EditorView.updateListener.of((update) => {
        if (!update.docChanged) return;
        if (!update.transactions.some((tr) => tr.isUserEvent('fix'))) applied = undefined;
        schedule();
      }),
    ],
  }),
});

function options(): PlaygroundOptions {
  return { target: targetSelect.value, perUser: perUserBox.checked };
}

/** Re-lints soon: typing a word re-lints once. */
function schedule(): void {
  if (scheduled !== undefined) clearTimeout(scheduled);
  scheduled = setTimeout(refresh, 50);
}

/** Lints the text and shows the markers, the findings, the fixes' diff and the share link. */
function refresh(): void {
  scheduled = undefined;
  const text = view.state.doc.toString();
  const { findings } = lintResult(text, options());
  view.dispatch(
    setDiagnostics(
      view.state,
      findings.map((f) => toDiagnostic(view.state.doc, f)),
    ),
  );
  showFindings(findings);
  showDiff(text);
  window.history.replaceState(
    null,
    '',
    `#${toFragment({ config: text, target: targetSelect.value, perUser: perUserBox.checked }, DEFAULT_TARGET)}`,
  );
  document.body.dataset.linted = String(Number(document.body.dataset.linted ?? 0) + 1);
}

function offset(doc: Text, line: number, column: number): number {
  const at = doc.line(Math.min(Math.max(line, 1), doc.lines));
  return Math.min(at.from + column - 1, at.to);
}

function toDiagnostic(doc: Text, finding: Finding): Diagnostic {
  const from = offset(doc, finding.line, finding.column);
  return {
    from,
    to: Math.max(from, offset(doc, finding.endLine, finding.endColumn)),
    severity: finding.severity,
    source: `${finding.ruleId} ${finding.name}`,
    message: finding.message,
  };
}

function showFindings(findings: readonly Finding[]): void {
  const counts = (['error', 'warning', 'info'] as const).map((s) => [s, findings.filter((f) => f.severity === s).length] as const);
  summary.textContent =
    findings.length === 0
      ? 'No findings.'
      : counts
          .filter(([, n]) => n > 0)
          .map(([s, n]) => `${n} ${s}${n === 1 ? '' : 's'}`)
          .join(', ');
  findingsList.replaceChildren(
    ...findings.map((f) => {
      const item = document.createElement('li');
      item.className = `finding ${f.severity}`;
      Object.assign(item.dataset, {
        ruleId: f.ruleId,
        severity: f.severity,
        line: String(f.line),
        column: String(f.column),
        endLine: String(f.endLine),
        endColumn: String(f.endColumn),
      });
      const where = document.createElement('button');
      where.className = 'where';
      where.textContent = `${f.line}:${f.column}`;
      where.title = 'Go to the line';
      where.addEventListener('click', () => {
        const at = offset(view.state.doc, f.line, f.column);
        view.dispatch({ selection: { anchor: at }, scrollIntoView: true });
        view.focus();
      });
      const severity = document.createElement('span');
      severity.className = 'severity';
      severity.textContent = f.severity;
      const rule = document.createElement('a');
      rule.className = 'rule';
      rule.href = ruleHelpUri(f.name);
      rule.target = '_blank';
      rule.rel = 'noopener noreferrer';
      rule.textContent = `${f.ruleId} ${f.name}`;
      const fixable = document.createElement('span');
      fixable.className = 'fixable';
      fixable.textContent = f.fixable === 'none' ? '' : `${f.fixable} fix`;
      const message = document.createElement('div');
      message.className = 'message';
      message.textContent = f.message;
      item.append(where, severity, rule, fixable, message);
      return item;
    }),
  );
}

/** The diff of the fixes just applied, else a preview of what the safe fixes would change. */
function showDiff(text: string): void {
  if (applied) {
    diffTitle.textContent = applied.unsafe ? 'Applied fixes (safe and unsafe)' : 'Applied safe fixes';
    renderDiff(applied.diff);
    return;
  }
  const { diff } = fixText(text, false);
  diffTitle.textContent = diff === '' ? 'No safe fix to apply' : 'What "Apply safe fixes" would change';
  renderDiff(diff);
}

/** The diff's lines, coloured by kind; the element's text is the diff exactly. */
function renderDiff(diff: string): void {
  const kind = (line: string) =>
    line.startsWith('+++') || line.startsWith('---')
      ? 'file'
      : line.startsWith('@@')
        ? 'hunk'
        : line.startsWith('+')
          ? 'add'
          : line.startsWith('-')
            ? 'del'
            : 'context';
  diffView.replaceChildren(
    ...(diff.match(/[^\n]*\n|[^\n]+$/g) ?? []).map((line) => {
      const span = document.createElement('span');
      span.className = kind(line);
      span.textContent = line;
      return span;
    }),
  );
}

function fixText(text: string, unsafe: boolean): { output: string; diff: string } {
  try {
    return fix(text, { ...options(), unsafe, path: FILE_NAME });
  } catch (err) {
    // A rule whose fix does not converge: the text stays as it is, and the page says why.
    return { output: text, diff: `# fixing stopped: ${(err as Error).message}\n` };
  }
}

function applyFixes(unsafe: boolean): void {
  const text = view.state.doc.toString();
  const { output, diff } = fixText(text, unsafe);
  applied = { diff: diff === '' ? '# nothing to fix\n' : diff, unsafe };
  if (output === text) refresh();
  else view.dispatch({ changes: { from: 0, to: text.length, insert: output }, userEvent: 'fix' });
}

element('apply-safe').addEventListener('click', () => applyFixes(false));
element('apply-unsafe').addEventListener('click', () => applyFixes(true));
targetSelect.addEventListener('change', schedule);
perUserBox.addEventListener('change', schedule);
// A share link pasted into the address bar of an open page.
window.addEventListener('hashchange', () => {
  const state = fromFragment(location.hash);
  if (!state) return;
  targetSelect.value = knownTarget(state.target);
  perUserBox.checked = state.perUser;
  if (state.config === view.state.doc.toString()) schedule();
  else view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: state.config } });
});
refresh();

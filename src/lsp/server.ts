/**
 * `vsftpd-lint lsp`: a Language Server Protocol server on standard input and output.
 *
 * - Diagnostics on open, change and save: the findings `lint` returns (suppressed ones are left
 *   out), each with its rule id as `code` and its docs page as `codeDescription`.
 * - Code actions: a quick fix per safe fix, unsafe fixes as separately labelled actions, and
 *   `source.fixAll.vsftpd-lint`, which applies every safe fix as `vsftpd-lint --fix` does.
 * - Completion of the option names the target build knows, and of YES/NO for booleans; hover
 *   on an option name with its type, compiled default and the rules concerned.
 *
 * Every document is linted with the options the CLI would use for a file at its path (the
 * `.vsftpd-lint.json` that applies there, with the command-line flags given after `lsp`).
 */
import { fileURLToPath } from 'node:url';
import {
  CodeAction,
  CodeActionKind,
  CodeActionParams,
  CompletionItem,
  CompletionItemKind,
  Connection,
  createConnection,
  Diagnostic,
  DiagnosticSeverity,
  Hover,
  MarkupKind,
  TextDocumentPositionParams,
  TextDocuments,
  TextDocumentSyncKind,
  TextEdit as LspTextEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CliOptions } from '../cli/args';
import { MAX_INPUT_BYTES, tooLarge } from '../cli/read-source';
import { FileLintOptions, isConfigProblem, LintSettings } from '../cli/settings';
import { ruleHelpUri } from '../format/links';
import type { Finding, Severity, TextEdit } from '../engine/finding';
import { lintResult } from '../lint';
import { fix } from '../fix/fix';
import { byteLength } from '../parser/document';
import { parse } from '../parser/parse';
import { getTarget } from '../schema/targets';
import { BOOLEAN_VALUES, completionSite, optionHover, optionSummary, rulesConcerning, settingNameAt } from './language';

/** The code action kind that applies every safe fix (editors run it on save when asked to). */
const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.vsftpd-lint`;

const SEVERITIES: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/**
 * The CLI's lint settings for the server's flags: the one call into the CLI's config loading
 * (flag validation, `.vsftpd-lint.json` lookup and trust), shared with `vsftpd-lint lsp`'s
 * start-up check. Made anew per request, so an edited config file applies at once (a settings
 * object caches the files it has read).
 */
export function loadSettings(options: CliOptions, warn: (message: string) => void, cwd: string = process.cwd()): LintSettings {
  return new LintSettings(options, warn, cwd);
}

/** Serves the protocol on stdin/stdout until the client says exit (the library then exits the process). */
export function serveLanguageServer(options: CliOptions): void {
  const connection = createConnection(process.stdin, process.stdout);
  const documents = new TextDocuments(TextDocument);
  const server = new VsftpdLanguageServer(connection, options);

  connection.onInitialize(() => ({
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      completionProvider: { triggerCharacters: ['='] },
      hoverProvider: true,
    },
    serverInfo: { name: 'vsftpd-lint' },
  }));
  documents.onDidChangeContent(({ document }) => server.publishDiagnostics(document));
  documents.onDidSave(({ document }) => server.publishDiagnostics(document));
  documents.onDidClose(({ document }) => connection.sendDiagnostics({ uri: document.uri, diagnostics: [] }));
  const withDocument =
    <P extends { textDocument: { uri: string } }, R>(handler: (document: TextDocument, params: P) => R, none: R) =>
    (params: P): R => {
      const document = documents.get(params.textDocument.uri);
      return document ? handler(document, params) : none;
    };
  connection.onCodeAction(withDocument((document, params: CodeActionParams) => server.codeActions(document, params), []));
  connection.onCompletion(withDocument((document, params: TextDocumentPositionParams) => server.completions(document, params), []));
  connection.onHover(withDocument((document, params: TextDocumentPositionParams) => server.hover(document, params), null));
  documents.listen(connection);
  connection.listen();
}

class VsftpdLanguageServer {
  constructor(
    private readonly connection: Connection,
    private readonly options: CliOptions,
  ) {}

  publishDiagnostics(document: TextDocument): void {
    const linted = this.lint(document);
    const diagnostics = 'error' in linted ? [problemDiagnostic(linted.error)] : linted.findings.map(toDiagnostic);
    void this.connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
  }

  codeActions(document: TextDocument, params: CodeActionParams): CodeAction[] {
    const linted = this.lint(document);
    if ('error' in linted) return [];
    const wanted = (kind: string) => !params.context.only || params.context.only.some((k) => kind === k || kind.startsWith(`${k}.`));
    const actions: CodeAction[] = [];
    if (wanted(CodeActionKind.QuickFix)) {
      for (const finding of linted.findings) {
        if (!finding.fix || !overlaps(toDiagnostic(finding).range, params.range)) continue;
        const safe = finding.fix.safety === 'safe';
        actions.push({
          title: safe ? `Fix ${finding.ruleId} ${finding.name}` : `Unsafe fix ${finding.ruleId} ${finding.name} (changes what vsftpd does)`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [toDiagnostic(finding)],
          isPreferred: safe,
          edit: { changes: { [document.uri]: finding.fix.edits.map((edit) => toLspEdit(document, edit)) } },
        });
      }
    }
    if (wanted(FIX_ALL_KIND)) {
      const fixed = this.fixAll(document, linted.options);
      if (fixed !== undefined) {
        const whole = { start: 0, end: document.getText().length, text: fixed };
        actions.push({
          title: 'Apply all safe vsftpd-lint fixes',
          kind: FIX_ALL_KIND,
          edit: { changes: { [document.uri]: [toLspEdit(document, whole)] } },
        });
      }
    }
    return actions;
  }

  completions(document: TextDocument, params: TextDocumentPositionParams): CompletionItem[] {
    const target = getTarget(this.lintOptionsOrDefault(document).target);
    const before = document.getText({ start: { line: params.position.line, character: 0 }, end: params.position });
    const site = completionSite(before, target);
    if (site.kind === 'value') return BOOLEAN_VALUES.map((value) => ({ label: value, kind: CompletionItemKind.Value }));
    if (site.kind === 'none') return [];
    return [...target.options.values()].map((option) => ({
      label: option.name,
      kind: CompletionItemKind.Property,
      detail: optionSummary(option, target),
      documentation: option.description,
    }));
  }

  hover(document: TextDocument, params: TextDocumentPositionParams): Hover | null {
    if (tooLargeToRead(document)) return null;
    const target = getTarget(this.lintOptionsOrDefault(document).target);
    const line = settingNameAt(parse(document.getText()), params.position.line + 1, params.position.character);
    const option = line && target.options.get(line.name);
    if (!line || !option) return null;
    const linted = this.lint(document);
    const rules = rulesConcerning(option.name, 'error' in linted ? [] : linted.findings);
    const start = { line: params.position.line, character: line.nameColumn };
    return {
      contents: { kind: MarkupKind.Markdown, value: optionHover(option, target, rules, (rule) => ruleHelpUri(rule.name)) },
      range: { start, end: { line: start.line, character: line.nameColumn + line.name.length } },
    };
  }

  /** The findings for a document with the options for its path, or the config problem that prevents linting. */
  private lint(document: TextDocument): { findings: Finding[]; options: FileLintOptions } | { error: string } {
    if (tooLargeToRead(document)) return { error: tooLarge(document.uri).reason };
    try {
      const options = this.lintOptionsFor(document.uri);
      return { findings: lintResult(document.getText(), options).findings, options };
    } catch (err) {
      if (!isConfigProblem(err)) throw err;
      return { error: err.message };
    }
  }

  /** The text with every safe fix applied, or undefined when nothing changes (or a fix misbehaves). */
  private fixAll(document: TextDocument, options: FileLintOptions): string | undefined {
    const text = document.getText();
    try {
      const { output } = fix(text, { ...options, path: pathOf(document.uri) ?? 'vsftpd.conf' });
      return output === text ? undefined : output;
    } catch (err) {
      this.connection.console.error(`vsftpd-lint: ${(err as Error).message}`);
      return undefined;
    }
  }

  /** The options the CLI uses for a file at the document's path. */
  private lintOptionsFor(uri: string): FileLintOptions {
    // A config file found by lookup but not trusted (see settings.ts) is named in the client's log.
    const warn = (message: string) => this.connection.console.warn(`vsftpd-lint: ${message}`);
    return loadSettings(this.options, warn).forFile(pathOf(uri));
  }

  /** The document's options, or the default build's when its config file is broken. */
  private lintOptionsOrDefault(document: TextDocument): FileLintOptions | { target?: undefined } {
    try {
      return this.lintOptionsFor(document.uri);
    } catch (err) {
      if (!isConfigProblem(err)) throw err;
      return {};
    }
  }
}

/** The CLI's bound on an input: an editor can hold far more than vsftpd would ever read. */
function tooLargeToRead(document: TextDocument): boolean {
  return byteLength(document.getText(), 'utf8') > MAX_INPUT_BYTES;
}

/** The file path of a file: URI; null for other schemes (an unsaved buffer: config looked up from the cwd). */
function pathOf(uri: string): string | null {
  return uri.startsWith('file:') ? fileURLToPath(uri) : null;
}

function toDiagnostic(finding: Finding): Diagnostic {
  return {
    range: {
      start: { line: finding.line - 1, character: finding.column - 1 },
      end: { line: finding.endLine - 1, character: finding.endColumn - 1 },
    },
    severity: SEVERITIES[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: ruleHelpUri(finding.name) },
    source: 'vsftpd-lint',
    message: finding.message,
  };
}

/**
 * What stops the lint (a broken `.vsftpd-lint.json`, a document too large) is shown on the
 * document's first line, as the CLI would print it.
 */
function problemDiagnostic(message: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Error,
    source: 'vsftpd-lint',
    message: `vsftpd-lint: ${message}`,
  };
}

function toLspEdit(document: TextDocument, edit: TextEdit): LspTextEdit {
  return { range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) }, newText: edit.text };
}

type Range = Diagnostic['range'];

function overlaps(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

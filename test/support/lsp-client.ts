/**
 * A plain JSON-RPC client for `vsftpd-lint lsp` over stdio: Content-Length framing, requests
 * matched to responses by id, notifications collected for waiting on. No LSP library, so the
 * tests see the bytes a real editor would.
 */
import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { builtCli } from './integration';

interface Message {
  readonly id?: number;
  readonly method?: string;
  readonly params?: unknown;
  readonly result?: unknown;
  readonly error?: { message: string };
}

export interface PublishedDiagnostics {
  readonly uri: string;
  readonly version?: number;
  readonly diagnostics: LspDiagnostic[];
}

export interface LspDiagnostic {
  readonly range: { start: { line: number; character: number }; end: { line: number; character: number } };
  readonly severity: number;
  readonly code?: string;
  readonly codeDescription?: { href: string };
  readonly source: string;
  readonly message: string;
}

export class LspClient {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (err: Error) => void }>();
  private readonly notifications: Message[] = [];
  private readonly waiters: (() => void)[] = [];
  stderr = '';

  constructor(args: readonly string[] = [], options: { cwd?: string } = {}) {
    this.child = spawn(process.execPath, [builtCli(), 'lsp', '--stdio', ...args], { cwd: options.cwd });
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
  }

  async initialize(): Promise<{ capabilities: Record<string, unknown> }> {
    const result = await this.request('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    this.notify('initialized', {});
    return result as { capabilities: Record<string, unknown> };
  }

  request(method: string, params: unknown): Promise<unknown> {
    const id = this.nextId++;
    this.send({ jsonrpc: '2.0', id, method, params });
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** Opens a document (its text read from `file` unless given) and waits for its first diagnostics. */
  async open(file: string, text = fs.readFileSync(file, 'utf8')): Promise<PublishedDiagnostics> {
    const uri = pathToFileURL(file).href;
    const waited = this.diagnosticsFor(uri, 1);
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'vsftpd', version: 1, text } });
    return waited;
  }

  /** Replaces a document's whole text and waits for the diagnostics of that version. */
  async change(uri: string, version: number, text: string): Promise<PublishedDiagnostics> {
    const waited = this.diagnosticsFor(uri, version);
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return waited;
  }

  /** The next diagnostics published for `uri` at `version` (already received ones count). */
  async diagnosticsFor(uri: string, version?: number): Promise<PublishedDiagnostics> {
    const matches = (m: Message) => {
      const p = m.params as PublishedDiagnostics;
      return m.method === 'textDocument/publishDiagnostics' && p.uri === uri && (version === undefined || p.version === version);
    };
    for (;;) {
      const index = this.notifications.findIndex(matches);
      if (index !== -1) return this.notifications.splice(index, 1)[0].params as PublishedDiagnostics;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** shutdown + exit, then the process's exit code. */
  async close(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.child.on('exit', (code) => resolve(code)));
    await this.request('shutdown', null);
    this.notify('exit', null);
    return exited;
  }

  private send(message: object): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd === -1) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')) as Message;
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      if (message.id !== undefined && message.method === undefined) {
        const waiting = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.error) waiting?.reject(new Error(message.error.message));
        else waiting?.resolve(message.result);
      } else if (message.id !== undefined) {
        // A request from the server (e.g. window/workDoneProgress/create): answer it.
        this.send({ jsonrpc: '2.0', id: message.id, result: null });
      } else {
        this.notifications.push(message);
        this.waiters.splice(0).forEach((wake) => wake());
      }
    }
  }
}

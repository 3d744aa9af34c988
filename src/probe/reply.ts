/**
 * Pure parsing for the probe: FTP replies as they arrive on the wire (RFC 959 section 4.2), the
 * address in a 227 reply, the port in a 229 reply, and address helpers. No I/O here, so every
 * odd reply a server can send is a unit test.
 */
import * as net from 'net';
import { escapeText } from '../engine/text';

/** One complete FTP reply. */
export interface Reply {
  /** The three-digit code, e.g. 227. */
  readonly code: number;
  /** Every line of the reply as received, without the line ending. */
  readonly lines: readonly string[];
  /** The last line, which carries the code and, for one-line replies, the whole text. */
  readonly text: string;
}

/** What the reply reader did with a chunk: replies completed, or the stream is not FTP. */
export type ReaderEvent =
  | { readonly kind: 'reply'; readonly reply: Reply }
  /** A line that cannot start an FTP reply (e.g. "HTTP/1.1 400 Bad Request", "SSH-2.0-..."). */
  | { readonly kind: 'garbled'; readonly line: string };

/** Longest line or multi-line reply accepted before the stream is judged not to be FTP. */
const MAX_REPLY_CHARS = 64 * 1024;

const FIRST_LINE = /^(\d{3})([ -]|$)/;

/**
 * Incremental reply reader: feed it text (latin1, one char per byte) as it arrives, get
 * complete replies. Lines end in CRLF per RFC 959; a bare LF is accepted too. A multi-line reply
 * starts "ddd-" and ends at a line starting "ddd " (same code).
 */
export class ReplyReader {
  private buffer = '';
  private pending: string[] | undefined;
  private pendingCode = '';
  private broken = false;

  /** Text received that does not yet form a complete reply (for "closed mid-reply"). */
  get partial(): string {
    return [...(this.pending ?? []), this.buffer].filter((s) => s !== '').join('\n');
  }

  push(chunk: string): ReaderEvent[] {
    if (this.broken) return [];
    this.buffer += chunk;
    const events: ReaderEvent[] = [];
    let end: number;
    while ((end = this.buffer.indexOf('\n')) !== -1) {
      const line = this.buffer.slice(0, end).replace(/\r$/, '');
      this.buffer = this.buffer.slice(end + 1);
      const event = this.line(line);
      if (event) {
        events.push(event);
        if (event.kind === 'garbled') return events;
      }
    }
    const size = this.buffer.length + (this.pending ?? []).reduce((n, l) => n + l.length + 1, 0);
    if (size > MAX_REPLY_CHARS) {
      this.broken = true;
      events.push({ kind: 'garbled', line: clip(this.partial) });
    } else if (!this.pending && this.buffer.length >= 4 && !/^\d{0,3}([ -].*)?$/s.test(this.buffer.slice(0, 4))) {
      // An unterminated first line that already cannot be a reply (a binary or HTTP greeting).
      this.broken = true;
      events.push({ kind: 'garbled', line: clip(this.buffer) });
    }
    return events;
  }

  private line(line: string): ReaderEvent | undefined {
    if (!this.pending) {
      const m = FIRST_LINE.exec(line);
      if (!m) {
        this.broken = true;
        return { kind: 'garbled', line: clip(line) };
      }
      if (m[2] !== '-') return { kind: 'reply', reply: { code: Number(m[1]), lines: [line], text: line } };
      this.pending = [line];
      this.pendingCode = m[1];
      return undefined;
    }
    this.pending.push(line);
    if (line.startsWith(`${this.pendingCode} `) || line === this.pendingCode) {
      const lines = this.pending;
      this.pending = undefined;
      return { kind: 'reply', reply: { code: Number(this.pendingCode), lines, text: line } };
    }
    return undefined;
  }
}

function clip(text: string, max = 200): string {
  const printable = escapeText(text);
  return printable.length > max ? `${printable.slice(0, max)}...` : printable;
}

/**
 * Printable form of untrusted text for messages: one line (C0, C1 and bidi controls escaped by
 * escapeText, newlines included), clipped to `max` characters.
 */
export function printable(text: string, max = 200): string {
  return clip(text, max);
}

/** A host and port to connect a data connection to. */
export interface Endpoint {
  readonly host: string;
  readonly port: number;
}

export type Parsed227 = { readonly ok: true; readonly endpoint: Endpoint } | { readonly ok: false; readonly reason: string };

/**
 * The address and port of "227 Entering Passive Mode (h1,h2,h3,h4,p1,p2)." RFC 959 does not fix
 * the wording around the six numbers, so any text is accepted around them (with or without the
 * parentheses, as some servers send); each number must be 0-255.
 */
export function parse227(text: string): Parsed227 {
  const m = /(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)/.exec(text.slice(3));
  if (!m) return { ok: false, reason: 'no six comma-separated numbers h1,h2,h3,h4,p1,p2 in it' };
  const n = m.slice(1, 7).map(Number);
  const bad = n.find((x) => x > 255);
  if (bad !== undefined) return { ok: false, reason: `${bad} is not a byte (0-255)` };
  const port = n[4] * 256 + n[5];
  if (port === 0) return { ok: false, reason: 'port 0' };
  return { ok: true, endpoint: { host: n.slice(0, 4).join('.'), port } };
}

export type Parsed229 = { readonly ok: true; readonly port: number } | { readonly ok: false; readonly reason: string };

/**
 * The port of "229 Entering Extended Passive Mode (|||port|)" (RFC 2428: the delimiter is any
 * printable character, "|" normally; the address fields are empty).
 */
export function parse229(text: string): Parsed229 {
  const m = /\(([!-~])\1\1(\d+)\1\)/.exec(text);
  if (!m) return { ok: false, reason: 'no "(|||port|)" in it' };
  const port = Number(m[2]);
  if (port < 1 || port > 65535) return { ok: false, reason: `port ${m[2]} out of range` };
  return { ok: true, port };
}

/** "::ffff:127.0.0.1" (an IPv4 client of a dual-stack socket) becomes "127.0.0.1". */
export function normalizeAddress(address: string): string {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return m ? m[1] : address;
}

/**
 * What kind of IPv4 address it is, for whether a client elsewhere can reach it (the same classes
 * as the linter's passive-range.ts, for dotted quads).
 */
export type AddressClass = 'unspecified' | 'loopback' | 'link-local' | 'private' | 'public' | 'other' | 'ipv6';

export function classifyAddress(address: string): AddressClass {
  if (net.isIPv6(address)) return 'ipv6';
  if (!net.isIPv4(address)) return 'other';
  const [a, b] = address.split('.').map(Number);
  if (a === 0) return 'unspecified';
  if (a === 127) return 'loopback';
  if (a === 169 && b === 254) return 'link-local';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
  if (a === 100 && b >= 64 && b <= 127) return 'private';
  if (a >= 224) return 'other';
  return 'public';
}

/** Words for an address class in messages. */
export const ADDRESS_CLASS_WORDS: Readonly<Record<AddressClass, string>> = {
  unspecified: 'the unspecified address 0.0.0.0/8, which nobody can connect to',
  loopback: "a loopback address (the client's own machine, for every client)",
  'link-local': 'a link-local address',
  private: 'a private (RFC 1918 / carrier-grade NAT) address',
  public: 'a public address',
  other: 'a multicast or reserved address',
  ipv6: 'an IPv6 address',
};

/** The "PORT h1,h2,h3,h4,p1,p2" argument for an IPv4 address and a port. */
export function portArgument(address: string, port: number): string {
  return `${address.split('.').join(',')},${port >> 8},${port & 255}`;
}

/** The "EPRT |proto|address|port|" argument (proto 1 = IPv4, 2 = IPv6). */
export function eprtArgument(address: string, port: number): string {
  return `|${net.isIPv6(address) ? 2 : 1}|${address}|${port}|`;
}

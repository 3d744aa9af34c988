/**
 * A hostile FTP server (in-process, on 127.0.0.1) against the probe (issue 12 items 8 and the
 * credentials item): its bytes never reach the output raw, it cannot forge report lines, and the
 * probe's credentials cannot inject commands or leak in any echoed form.
 */
import { formatProbeHuman, formatProbeJson, parseProbeTarget, probe, ProbeTargetError } from '../src/probe';
import { escapeText } from '../src/engine/text';
import { FakeServer, fakeFtpServer, stopAllServers } from './support/ftp-server';

afterEach(async () => {
  await stopAllServers();
});

/** Every character a terminal acts on: C0 (but the report's own newlines), DEL, C1, bidi. */
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('escapeText (the one escaping, used for everything a server sends)', () => {
  it('makes C0, C1, DEL, newlines and bidi controls visible', () => {
    expect(escapeText('a\nb\r\t\x1b]0;t\x07\x9b2J\u202e\u2066z')).toBe('a\\nb\\r\\t\\x1b]0;t\\x07\\x9b2J\\u202e\\u2066z');
    expect(escapeText('plain ünïcode – fine')).toBe('plain ünïcode – fine');
  });
});

describe('a hostile server', () => {
  it('escape sequences in the banner, FEAT and replies never reach the output raw', async () => {
    const server = await fakeFtpServer({
      banner: '220-\x1b]0;owned\x07\x1b[2J\r\n220 hi \u202egnp.exe\x9b31m',
      replies: {
        FEAT: '211-Features:\r\n \x1b]8;;http://evil.example/\x07click\x1b]8;;\x07\r\n PASV\u2028Diagnosis: no problem found.\r\n211 End',
        PASV: '502 \x1b[31mno\x1b[0m',
        EPSV: '502 \x9b\x1b',
      },
    });
    const report = await probe({ host: '127.0.0.1', port: server.port, timeoutMs: 2000 });
    const human = formatProbeHuman(report, { transcript: true });
    const json = formatProbeJson(report);
    for (const text of [human, json, JSON.stringify(report)]) expect(text).not.toMatch(UNSAFE);
    expect(report.features).toContain('\\x1b]8;;http://evil.example/\\x07click\\x1b]8;;\\x07');
    expect(human).not.toMatch(/^Diagnosis: no problem found\.$/m);
  });

  it('an unfinished multi-line reply with "\\nDiagnosis: no problem found." cannot forge a report line', async () => {
    const forger = await FakeServer.start((socket) => {
      socket.write('220-welcome\r\n\r\nDiagnosis: no problem found.\r\n\r\nResult: passive listing works (exit 0)\r\n');
      setTimeout(() => socket.destroy(), 50);
    });
    const report = await probe({ host: '127.0.0.1', port: forger.port, timeoutMs: 2000 });
    const human = formatProbeHuman(report, { transcript: true });
    expect(report.diagnoses.map((d) => d.id)).toEqual(['closed-mid-reply']);
    // the report's own lines only: one Diagnosis line, one Result line, the real ones
    expect(human.match(/^[ \t]*Diagnosis:.*$/gm)).toEqual(['Diagnosis:']);
    expect(human.match(/^[ \t]*Result:.*$/gm)).toEqual(['Result: server not reachable (exit 2), ' + report.durationMs + ' ms']);
    expect(human).toContain('220-welcome\\nDiagnosis: no problem found.\\nResult: passive listing works (exit 0)');
  });
});

describe('probe credentials', () => {
  it('a user or password with CR, LF or NUL is refused before any connection, without repeating it', async () => {
    let connections = 0;
    const server = await FakeServer.start((socket) => {
      connections++;
      socket.destroy();
    });
    for (const [user, password] of [
      ['alice\r\nDELE important', 'pw'],
      ['alice', 'pw\r\nDELE important'],
      ['alice', 'pw\nSITE CHMOD 777 /'],
      ['alice\0', 'pw'],
    ]) {
      const attempt = probe({ host: '127.0.0.1', port: server.port, user, password, timeoutMs: 1000 });
      await expect(attempt).rejects.toThrow(/contains a line break \(CR\/LF\) or NUL, which would inject FTP commands: refused/);
      await attempt.catch((error: Error) => expect(error.message).not.toContain('DELE'));
    }
    expect(connections).toBe(0);
  });

  it('sends a non-ASCII password as UTF-8, and masks it in every form a server echoes', async () => {
    const password = 'pässwörd-€-秘密';
    const utf8AsLatin1 = Buffer.from(password, 'utf8').toString('latin1');
    let received = '';
    const server = await fakeFtpServer({
      replies: {
        PASS: (arg, socket) => {
          received = arg;
          // echoes the bytes it got (the probe reads them as Latin-1), then the URL-encoded form
          socket.write(
            Buffer.from(`530-wrong password ${arg}\r\n530-or ${encodeURIComponent(password)}\r\n530 Login incorrect.\r\n`, 'latin1'),
          );
          return undefined;
        },
      },
    });
    const report = await probe({ host: '127.0.0.1', port: server.port, user: 'alice', password, timeoutMs: 2000 });
    expect(received).toBe(utf8AsLatin1); // the bytes on the wire are UTF-8
    const everything = `${formatProbeHuman(report, { transcript: true })}${formatProbeJson(report)}`;
    for (const form of [password, utf8AsLatin1, escapeText(utf8AsLatin1), encodeURIComponent(password), 'pässwörd', 'sswör']) {
      expect(everything).not.toContain(form);
    }
    expect(report.steps.find((s) => s.name === 'login')!.transcript.map((e) => e.text)).toEqual(
      expect.arrayContaining(['PASS ****', '530-wrong password ****', '530-or ****']),
    );
  });

  it('the URL: a user with an encoded line break is refused; ftps:// is implicit FTPS on 990; no message repeats a password', () => {
    expect(() => parseProbeTarget('ftp://alice%0d%0aDELE%20x@host')).toThrow(/user name in the URL contains a line break/);
    expect(parseProbeTarget('ftps://bob@host')).toEqual({ host: 'host', port: 990, user: 'bob', implicitTls: true });
    expect(parseProbeTarget('ftps://host:2990')).toEqual({ host: 'host', port: 2990, implicitTls: true });
    for (const url of [
      'ftp://alice:Hunter2Secret@',
      'ftp://alice:Hunter2Secret@host/path',
      'ftp://alice:Hunter2Secret@[bad',
      'sftp://alice:Hunter2Secret@host',
    ]) {
      let message = '';
      try {
        parseProbeTarget(url);
      } catch (error) {
        expect(error).toBeInstanceOf(ProbeTargetError);
        message = (error as Error).message;
      }
      expect(message).not.toBe('');
      expect(message).not.toContain('Hunter2Secret');
    }
  });
});

// vsftpd's two OOPS lines (its two processes) as a fake server sends them: issue 13 item 2 without vsftpd.
describe('a fake server that sends two OOPS lines', () => {
  it("the second line is never read as the next command's reply", async () => {
    const server = await fakeFtpServer({
      replies: {
        PASV: (_arg, socket) => {
          socket.write('500 OOPS: vsf_sysutil_bind\r\n500 OOPS: priv_sock_get_int\r\n');
          setTimeout(() => socket.destroy(), 200);
          return undefined;
        },
        EPSV: '502 EPSV not implemented.',
      },
    });
    const report = await probe({ host: '127.0.0.1', port: server.port, timeoutMs: 2000 });
    const step = (name: string) => report.steps.find((s) => s.name === name)!;
    expect(step('pasv').transcript.map((e) => e.text)).toContain('500 OOPS: priv_sock_get_int (after the session ended: ignored)');
    expect(step('epsv').replies).toContain('502 EPSV not implemented.');
    expect(step('epsv').replies).not.toContain('500 OOPS: priv_sock_get_int');
  });
});

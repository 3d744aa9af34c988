/**
 * The probe against real servers: Debian's vsftpd 3.0.3 on free ports of 127.0.0.1 (one config
 * per scenario), small fake servers for what vsftpd never does, and network namespaces of our
 * own for a firewall dropping the passive range, a client firewall refusing active mode, and a
 * server behind DNAT (the NAT misconfiguration, then the pasv_address fix the diagnosis names).
 *
 * Packets go only to 127.0.0.0/8 and to 10.203.x.x addresses that exist only inside the
 * namespaces created here (see test/support/netns.ts). Every vsftpd, fake server and namespace
 * is stopped or deleted after each test, also when it fails. Short timeouts throughout:
 * vsftpd's connect_timeout/accept_timeout are 2 s, the probe's per-step timeout 1.5-4 s.
 * Recipes: shared/ftp-scenarios 01, 03, 04, 06, 10, 11, 13 (read, not used at run time).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { parse, RULES } from '../src';
import { EffectiveConfig } from '../src/engine/effective-config';
import {
  expectedPassiveRange,
  formatProbeHuman,
  formatProbeJson,
  parseProbeTarget,
  probe,
  type ProbeReport,
  RULE_REFS,
} from '../src/probe';
import { parse227, parse229, ReplyReader } from '../src/probe/reply';
import { getTarget } from '../src/schema/targets';
import {
  FakeServer,
  fakeFtpServer,
  freePort,
  makeWorkDir,
  stopAllServers,
  Vsftpd,
  vsftpdConfig,
  vsftpdUnavailable,
} from './support/ftp-server';
import {
  cleanStaleNetns,
  createNetns,
  deleteAllNetns,
  dnatTopology,
  netnsUnavailable,
  nft,
  nsRun,
  probeInNetns,
  veth,
} from './support/netns';

// namespace tests start a node per probe (the sources transpiled) and sample the passive range: slow on a busy machine
jest.setTimeout(90000);

const SECRET = 'S3cret-Probe-Pw';

let work: { dir: string; root: string };

beforeAll(() => {
  const why = vsftpdUnavailable();
  if (why) throw new Error(why);
  work = makeWorkDir('vsftpd-lint-probe-');
});

afterEach(async () => {
  await stopAllServers();
  await deleteAllNetns();
});

afterAll(() => {
  if (work) fs.rmSync(work.dir, { recursive: true, force: true });
});

let serial = 0;

/** vsftpd on 127.0.0.1:PORT with `extra` config lines; returns the port. */
async function loopbackServer(extra: readonly string[]): Promise<number> {
  const port = await freePort();
  await Vsftpd.start({
    dir: work.dir,
    name: `s${++serial}`,
    config: vsftpdConfig({ address: '127.0.0.1', port, root: work.root, extra }),
    port,
  });
  return port;
}

function step(report: ProbeReport, name: string) {
  const found = report.steps.find((s) => s.name === name);
  if (!found) throw new Error(`no step ${name} in ${report.steps.map((s) => s.name).join(', ')}`);
  return found;
}

function diagnosisIds(report: ProbeReport): string[] {
  return report.diagnoses.map((d) => d.id);
}

/**
 * The report's human and JSON output never contain the password, and always render. With
 * PROBE_OUTPUT_DIR set, the human output (without transcript) is kept there as NAME.txt, e.g.
 * for the README's "Debugging 425 and PASV problems".
 */
function outputs(report: ProbeReport, name?: string): { human: string; json: string } {
  const human = formatProbeHuman(report, { transcript: true });
  const json = formatProbeJson(report);
  const dir = process.env.PROBE_OUTPUT_DIR;
  if (dir && name) fs.writeFileSync(`${dir}/${name}.txt`, formatProbeHuman(report));
  expect(human).not.toContain(SECRET);
  expect(json).not.toContain(SECRET);
  expect(JSON.parse(json).exitCode).toBe(report.exitCode);
  return { human, json };
}

// ---------------------------------------------------------------------------------------------
// Pure parts
// ---------------------------------------------------------------------------------------------

describe('reply parsing', () => {
  it('reads one-line, multi-line and CRLF-split replies', () => {
    const reader = new ReplyReader();
    expect(reader.push('220 (vsFTPd 3.0.3)\r\n211-Features:\r\n EPSV\r\n')).toEqual([
      { kind: 'reply', reply: { code: 220, lines: ['220 (vsFTPd 3.0.3)'], text: '220 (vsFTPd 3.0.3)' } },
    ]);
    expect(reader.partial).toBe('211-Features:\n EPSV');
    expect(reader.push('211 End\r')).toEqual([]);
    expect(reader.push('\n')).toEqual([
      { kind: 'reply', reply: { code: 211, lines: ['211-Features:', ' EPSV', '211 End'], text: '211 End' } },
    ]);
  });

  it('recognises a stream that is not FTP, even before its first line ends', () => {
    expect(new ReplyReader().push('HTTP/1.1 400 Bad Request\r\n')).toEqual([{ kind: 'garbled', line: 'HTTP/1.1 400 Bad Request' }]);
    expect(new ReplyReader().push('SSH-2.0-OpenSSH_9.2')).toEqual([{ kind: 'garbled', line: 'SSH-2.0-OpenSSH_9.2' }]);
  });

  it.each([
    ['227 Entering Passive Mode (127,0,0,1,156,64).', { ok: true, endpoint: { host: '127.0.0.1', port: 40000 } }],
    ['227 Entering Passive Mode 10,200,3,2,156,65', { ok: true, endpoint: { host: '10.200.3.2', port: 40001 } }],
    ['227 Entering Passive Mode (127,0,0,1,999,1).', { ok: false, reason: '999 is not a byte (0-255)' }],
    ['227 Entering Passive Mode.', { ok: false, reason: 'no six comma-separated numbers h1,h2,h3,h4,p1,p2 in it' }],
  ])('parse227(%s)', (text, expected) => {
    expect(parse227(text)).toEqual(expected);
  });

  it('parse229 takes the port between the delimiters', () => {
    expect(parse229('229 Entering Extended Passive Mode (|||40009|)')).toEqual({ ok: true, port: 40009 });
    expect(parse229('229 Entering Extended Passive Mode (!!!21!)')).toEqual({ ok: true, port: 21 });
    expect(parse229('229 Entering Extended Passive Mode')).toMatchObject({ ok: false });
  });
});

describe('parseProbeTarget', () => {
  it.each([
    ['ftp://127.0.0.1', { host: '127.0.0.1', port: 21 }],
    ['ftp://alice@ftp.example.org:2121', { host: 'ftp.example.org', port: 2121, user: 'alice' }],
    ['127.0.0.1:2121', { host: '127.0.0.1', port: 2121 }],
    ['ftp://[::1]:2121/', { host: '::1', port: 2121 }],
  ])('%s', (text, expected) => {
    expect(parseProbeTarget(text)).toEqual(expected);
  });

  it('refuses a password in the URL, other schemes and paths', () => {
    expect(() => parseProbeTarget('ftp://alice:secret@host')).toThrow(/password in the URL is refused/);
    expect(() => parseProbeTarget('http://host')).toThrow(/unsupported scheme "http"/);
    expect(() => parseProbeTarget('ftp://host/pub')).toThrow(/not a path/);
  });
});

describe('expectedPassiveRange', () => {
  const of = (text: string) => expectedPassiveRange(new EffectiveConfig(parse(text), getTarget()));
  it('is the effective range with its sources, or undefined without a configured range', () => {
    expect(of('pasv_min_port=40000\npasv_max_port=40009\n')).toEqual({
      lo: 40000,
      hi: 40009,
      source: 'pasv_min_port=40000 (line 1) and pasv_max_port=40009 (line 2)',
    });
    expect(of('pasv_min_port=50000\npasv_max_port=40000\n')).toMatchObject({ lo: 50000, hi: 65535 });
    expect(of('')).toBeUndefined();
    expect(of('pasv_enable=NO\npasv_min_port=40000\npasv_max_port=40009\n')).toBeUndefined();
  });
});

describe('probe options', () => {
  it('refuses options that cannot work, at once', async () => {
    await expect(probe({ host: '' })).rejects.toThrow(RangeError);
    await expect(probe({ host: '127.0.0.1', port: 70000 })).rejects.toThrow(/port 70000 is not in 1-65535/);
    await expect(probe({ host: '127.0.0.1', port: 21, timeoutMs: 0 })).rejects.toThrow(/timeoutMs 0/);
  });
});

describe('rule references', () => {
  it('name rules that exist, with their ids', () => {
    for (const ref of Object.values(RULE_REFS)) {
      expect(RULES.find((rule) => rule.name === ref.name)?.id).toBe(ref.id);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The real vsftpd on 127.0.0.1
// ---------------------------------------------------------------------------------------------

describe('probe against the real vsftpd on 127.0.0.1', () => {
  it('healthy server: every step passes, active mode too, exit 0; the password never shows', async () => {
    const port = await loopbackServer(['pasv_min_port=40000', 'pasv_max_port=40999']);
    const report = await probe({ host: '127.0.0.1', port, password: SECRET, timeoutMs: 3000, active: true });
    expect(report.steps.map((s) => [s.name, s.status])).toEqual([
      ['connect', 'pass'],
      ['banner', 'pass'],
      ['feat', 'pass'],
      ['login', 'pass'],
      ['pasv', 'pass'],
      ['epsv', 'pass'],
      ['active', 'pass'],
    ]);
    expect(report).toMatchObject({ exitCode: 0, outcome: 'passive-ok', banner: '220 (vsFTPd 3.0.3)', diagnoses: [] });
    expect(report.features).toEqual(expect.arrayContaining(['EPSV', 'PASV']));
    const pasv = step(report, 'pasv');
    expect(pasv.data).toMatchObject({ addressMatches: true, advertised: { host: '127.0.0.1' }, listing: { ok: true, entries: 1 } });
    expect(pasv.data!.advertised!.port).toBeGreaterThanOrEqual(40000);
    expect(pasv.replies.slice(0, 3)).toEqual([
      '227 ' + pasv.replies[0].slice(4),
      '150 Here comes the directory listing.',
      '226 Directory send OK.',
    ]);
    // then more PASV offers, each connected to: the range sample (no range given: the most offers)
    expect(pasv.replies.slice(3).every((r) => r.startsWith('227 '))).toBe(true);
    expect(pasv.data!.sample!.ports).toHaveLength(16);
    expect(pasv.data!.sample!.ports.every((p) => p.ok)).toBe(true);
    expect(pasv.lines.join('\n')).toMatch(/passive range: 16 PASV offers tried \(\d+ distinct ports\): worked: /);
    expect(step(report, 'active').data).toMatchObject({
      command: 'PORT',
      reply: '200 PORT command successful. Consider using PASV.',
      listing: { ok: true },
    });
    expect(step(report, 'login').transcript.map((e) => e.text)).toContain('PASS ****');
    const { human } = outputs(report, 'healthy');
    expect(human).toMatch(/^✓ PASV +227 Entering Passive Mode \(127,0,0,1,\d+,\d+\)\./m);
    expect(human).toContain('Diagnosis: no problem found.');
    expect(human).toContain('Result: passive listing works (exit 0)');
  });

  it('pasv_enable=NO: PASV and EPSV get 550, the diagnosis names pasv_enable and VSF201, exit 1', async () => {
    const port = await loopbackServer(['pasv_enable=NO']);
    const report = await probe({ host: '127.0.0.1', port, timeoutMs: 3000 });
    expect(step(report, 'pasv')).toMatchObject({ status: 'fail', detail: '550 Permission denied.' });
    expect(step(report, 'epsv')).toMatchObject({ status: 'fail', detail: '550 Permission denied.' });
    expect(report.exitCode).toBe(1);
    const d = report.diagnoses.find((x) => x.id === 'passive-refused' && x.step === 'pasv')!;
    expect(d.options).toContain('pasv_enable');
    expect(d.rules).toContainEqual({ id: 'VSF201', name: 'pasv-disabled' });
    expect(outputs(report, 'pasv-disabled').human).toMatch(/rules: VSF201 pasv-disabled/);
  });

  it("pasv_address=127.0.0.2 (not the server's): PASV fails at the advertised address, the diagnosis names pasv_address, EPSV works", async () => {
    const port = await loopbackServer(['pasv_address=127.0.0.2']);
    const report = await probe({ host: '127.0.0.1', port, timeoutMs: 3000 });
    const pasv = step(report, 'pasv');
    expect(pasv.status).toBe('fail');
    expect(pasv.data).toMatchObject({
      advertised: { host: '127.0.0.2' },
      controlAddress: '127.0.0.1',
      addressMatches: false,
      connect: { ok: false, error: 'refused' },
      // what curl and ftplib do silently: the same port at the control host works
      fallback: { ok: true, endpoint: { host: '127.0.0.1' } },
      listing: { ok: true },
    });
    expect(step(report, 'epsv').status).toBe('pass');
    expect(report.exitCode).toBe(1);
    const d = report.diagnoses.find((x) => x.id === 'pasv-address-mismatch')!;
    expect(d.summary).toContain('advertises 127.0.0.2');
    expect(d.options).toContain('pasv_address');
    expect(d.rules).toEqual([
      { id: 'VSF206', name: 'pasv-address-unreachable' },
      { id: 'VSF207', name: 'pasv-address-nat' },
    ]);
    const { human } = outputs(report, 'pasv-address');
    expect(human).toContain('✗ PASV');
    expect(human).toContain('vsftpd.conf: pasv_address');
  });

  it('port_enable=NO: PORT gets 550 and the diagnosis explains active mode is off (port_enable); passive still works', async () => {
    const port = await loopbackServer(['port_enable=NO']);
    const report = await probe({ host: '127.0.0.1', port, timeoutMs: 3000, active: true });
    expect(step(report, 'pasv').status).toBe('pass');
    expect(step(report, 'active')).toMatchObject({ status: 'fail', detail: '550 Permission denied.' });
    const d = report.diagnoses.find((x) => x.id === 'active-refused')!;
    expect(d.options).toEqual(['port_enable']);
    expect(d.rules).toContainEqual({ id: 'VSF212', name: 'active-mode' });
    expect(d.explanation).toContain('passive');
    expect(report.exitCode).toBe(1);
    outputs(report, 'port-disabled');
  });

  it('the range given from the config flags a server that uses another one', async () => {
    const port = await loopbackServer(['pasv_min_port=41000', 'pasv_max_port=41009']);
    const report = await probe({ host: '127.0.0.1', port, timeoutMs: 3000, expectedPassiveRange: { lo: 40000, hi: 40009 } });
    expect(diagnosisIds(report)).toEqual(['passive-port-outside-range']);
    expect(report.diagnoses[0].steps).toEqual(['pasv', 'epsv']);
    expect(step(report, 'pasv').status).toBe('warn');
    expect(report.exitCode).toBe(0);
  });
});

describe('probe with explicit FTPS (AUTH TLS) against the real vsftpd', () => {
  const opensslMissing = spawnSync('sh', ['-c', 'command -v openssl']).status !== 0;
  const itTls = opensslMissing ? it.skip : it;
  if (opensslMissing) console.warn('FTPS probe tests skipped: openssl is missing (apt-get install -y openssl)');
  let cert = '';
  let key = '';

  beforeAll(() => {
    if (opensslMissing) return;
    cert = path.join(work.dir, 'cert.pem');
    key = path.join(work.dir, 'key.pem');
    const made = spawnSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=localhost'],
      { timeout: 20000 },
    );
    if (made.status !== 0) throw new Error(`openssl req failed: ${made.stderr.toString()}`);
    fs.chmodSync(key, 0o600);
  });

  const tlsConfig = () => [
    'ssl_enable=YES',
    'allow_anon_ssl=YES',
    'force_anon_logins_ssl=YES',
    'force_anon_data_ssl=YES',
    `rsa_cert_file=${cert}`,
    `rsa_private_key_file=${key}`,
  ];

  itTls("with the CA: TLS verified, encrypted listings over PASV, EPSV and PORT (vsftpd's session reuse satisfied), exit 0", async () => {
    const port = await loopbackServer(tlsConfig());
    const report = await probe({
      host: '127.0.0.1',
      port,
      timeoutMs: 3000,
      tls: true,
      active: true,
      tlsCa: fs.readFileSync(cert),
      tlsServername: 'localhost',
      password: SECRET,
    });
    expect(report.steps.map((s) => [s.name, s.status])).toEqual([
      ['connect', 'pass'],
      ['banner', 'pass'],
      ['feat', 'pass'],
      ['auth-tls', 'pass'],
      ['login', 'pass'],
      ['protection', 'pass'],
      ['pasv', 'pass'],
      ['epsv', 'pass'],
      ['active', 'pass'],
    ]);
    expect(step(report, 'auth-tls').tls).toMatchObject({ authorized: true, subject: 'localhost' });
    expect(report.exitCode).toBe(0);
    outputs(report, 'tls');
  });

  itTls('a self-signed certificate is refused unless verification is off (then reported as a warning)', async () => {
    const port = await loopbackServer(tlsConfig());
    const strict = await probe({ host: '127.0.0.1', port, timeoutMs: 3000, tls: true });
    expect(strict.diagnoses.map((d) => d.id)).toEqual(['tls-untrusted']);
    expect(strict.exitCode).toBe(2);
    expect(step(strict, 'login').status).toBe('skip');
    const lax = await probe({ host: '127.0.0.1', port, timeoutMs: 3000, tls: true, tlsRejectUnauthorized: false });
    expect(step(lax, 'auth-tls')).toMatchObject({ status: 'warn', detail: expect.stringContaining('certificate NOT verified') });
    expect(lax.exitCode).toBe(0);
  });

  itTls('without TLS against a server that requires it: the login diagnosis says so', async () => {
    const port = await loopbackServer(tlsConfig());
    const report = await probe({ host: '127.0.0.1', port, timeoutMs: 3000 });
    expect(report.diagnoses[0]).toMatchObject({ id: 'login-needs-tls', options: ['force_local_logins_ssl', 'force_anon_logins_ssl'] });
    expect(report.exitCode).toBe(2);
  });

  it('TLS asked of a server without it: tls-not-offered, and no password is sent in clear text', async () => {
    const port = await loopbackServer([]);
    const report = await probe({ host: '127.0.0.1', port, timeoutMs: 3000, tls: true, password: SECRET });
    expect(step(report, 'auth-tls').status).toBe('fail');
    expect(report.diagnoses[0]).toMatchObject({ id: 'tls-not-offered', options: ['ssl_enable', 'rsa_cert_file', 'rsa_private_key_file'] });
    expect(report.steps.flatMap((s) => s.transcript).some((e) => e.dir === 'sent' && e.text.startsWith('PASS'))).toBe(false);
    expect(report.exitCode).toBe(2);
  });
});

// ---------------------------------------------------------------------------------------------
// What is not vsftpd: clear diagnoses, never a hang or a stack trace
// ---------------------------------------------------------------------------------------------

describe('probe against broken or foreign servers', () => {
  it('a closed port: connection refused, exit 2', async () => {
    const port = await freePort();
    const report = await probe({ host: '127.0.0.1', port, timeoutMs: 2000 });
    expect(step(report, 'connect')).toMatchObject({ status: 'fail', detail: `127.0.0.1:${port}: connection refused` });
    expect(step(report, 'login')).toMatchObject({ status: 'skip', detail: 'not run: connect failed' });
    expect(diagnosisIds(report)).toEqual(['control-refused']);
    expect(report.diagnoses[0].options).toContain('listen_port');
    expect(report).toMatchObject({ exitCode: 2, outcome: 'unreachable' });
    expect(outputs(report, 'closed-port').human).toContain('Result: server not reachable (exit 2)');
  });

  it('an HTTP server on the port: "not an FTP server", exit 2, within the timeout plus the nudge', async () => {
    const http = await FakeServer.start((socket) => {
      // like a real HTTP server: silent until a request line arrives, then 400
      socket.once('data', () => socket.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n'));
    });
    const started = Date.now();
    const report = await probe({ host: '127.0.0.1', port: http.port, timeoutMs: 1000 });
    expect(Date.now() - started).toBeLessThan(4000);
    expect(step(report, 'banner')).toMatchObject({ status: 'fail', detail: 'not an FTP server: "HTTP/1.1 400 Bad Request"' });
    expect(report.diagnoses[0]).toMatchObject({ id: 'not-ftp', summary: expect.stringContaining('an HTTP server') });
    expect(report.exitCode).toBe(2);
    outputs(report, 'http');
  });

  it('an SSH-like server that speaks first: "not an FTP server" at once', async () => {
    const ssh = await FakeServer.start((socket) => socket.write('SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n'));
    const report = await probe({ host: '127.0.0.1', port: ssh.port, timeoutMs: 2000 });
    expect(report.diagnoses[0]).toMatchObject({ id: 'not-ftp', summary: expect.stringContaining('an SSH server') });
    expect(step(report, 'banner').durationMs).toBeLessThan(1000);
  });

  it('a silent server: no banner within the timeout, exit 2, no hang', async () => {
    const silent = await FakeServer.start(() => undefined);
    const started = Date.now();
    const report = await probe({ host: '127.0.0.1', port: silent.port, timeoutMs: 800 });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(report.diagnoses.map((d) => d.id)).toEqual(['no-banner']);
    expect(report.exitCode).toBe(2);
  });

  it('a server that drops the connection in the middle of a reply', async () => {
    const dropper = await FakeServer.start((socket) => {
      socket.write('220-Welcome to the\r\n220-FTP ser');
      setTimeout(() => socket.destroy(), 50);
    });
    const report = await probe({ host: '127.0.0.1', port: dropper.port, timeoutMs: 2000 });
    expect(step(report, 'banner').status).toBe('fail');
    expect(report.diagnoses[0]).toMatchObject({ id: 'closed-mid-reply' });
    expect(report.diagnoses[0].summary).toContain('220-FTP ser');
    expect(report.exitCode).toBe(2);
    outputs(report, 'mid-reply');
  });

  it('a server that dies at PASV mid-reply: the PASV step fails clearly, EPSV is tested on a new session', async () => {
    const server = await fakeFtpServer({
      replies: {
        PASV: (_arg, socket) => {
          socket.write('227 Entering Pass');
          setTimeout(() => socket.destroy(), 20);
          return undefined;
        },
        EPSV: '502 Not implemented.',
      },
    });
    const report = await probe({ host: '127.0.0.1', port: server.port, timeoutMs: 2000 });
    expect(step(report, 'pasv')).toMatchObject({ status: 'fail' });
    expect(diagnosisIds(report)).toEqual(['closed-mid-reply', 'passive-unsupported']);
    expect(step(report, 'epsv').transcript.map((e) => e.text)).toContain(
      'the previous control connection has ended: reconnecting and logging in again',
    );
    expect(report.exitCode).toBe(1);
  });

  it('an unparseable 227 reply: a clear diagnosis, exit 1', async () => {
    const server = await fakeFtpServer({
      replies: { PASV: '227 Entering Passive Mode (127,0,0,1,999,1).', EPSV: '502 EPSV not implemented.' },
    });
    const report = await probe({ host: '127.0.0.1', port: server.port, timeoutMs: 2000 });
    expect(step(report, 'pasv')).toMatchObject({
      status: 'fail',
      detail: 'cannot parse the 227 reply (999 is not a byte (0-255)): 227 Entering Passive Mode (127,0,0,1,999,1).',
    });
    expect(step(report, 'epsv').status).toBe('warn');
    expect(diagnosisIds(report)).toEqual(['passive-reply-unparseable', 'passive-unsupported']);
    expect(report.exitCode).toBe(1);
    expect(outputs(report, 'unparseable-227').human).toContain('passive-reply-unparseable');
  });

  it('a server that echoes the password: masked everywhere', async () => {
    const server = await fakeFtpServer({ replies: { PASS: (arg) => `530 Login incorrect for password ${arg}.` } });
    const report = await probe({ host: '127.0.0.1', port: server.port, user: 'alice', password: SECRET, timeoutMs: 2000 });
    expect(report).toMatchObject({ exitCode: 2, outcome: 'login-failed' });
    expect(report.diagnoses[0]).toMatchObject({ id: 'login-failed' });
    expect(JSON.stringify(report)).not.toContain(SECRET);
    expect(step(report, 'login').detail).toBe('530 Login incorrect for password ****.');
    outputs(report, 'password-echo');
  });
});

// ---------------------------------------------------------------------------------------------
// Separate hosts: network namespaces of our own
// ---------------------------------------------------------------------------------------------

const netnsWhy = netnsUnavailable();
const describeNetns = netnsWhy ? describe.skip : describe;
if (netnsWhy) console.warn(`probe netns tests skipped: ${netnsWhy}`);

describeNetns('probe across network namespaces', () => {
  beforeAll(() => cleanStaleNetns());

  /** srv 10.203.0.1/24 <-> cli 10.203.0.2/24, vsftpd on srv:21 with `extra`. */
  async function twoHosts(extra: readonly string[]): Promise<{ srv: string; cli: string; config: string }> {
    const srv = createNetns('srv');
    const cli = createNetns('cli');
    veth({ ns: srv, dev: 'veth-s', cidr: '10.203.0.1/24' }, { ns: cli, dev: 'veth-c', cidr: '10.203.0.2/24' });
    const config = vsftpdConfig({ address: '10.203.0.1', port: 21, root: work.root, extra });
    await Vsftpd.start({ dir: work.dir, name: `ns${++serial}`, config, port: 21, netns: srv });
    return { srv, cli, config };
  }

  it('a server firewall that drops the passive range: timeouts naming the range and the firewall; opening it fixes it', async () => {
    const { srv, cli, config } = await twoHosts(['pasv_min_port=40000', 'pasv_max_port=40009']);
    nft(
      srv,
      'table inet filter {\n chain input {\n  type filter hook input priority filter; policy drop;\n  ct state established,related accept\n  iif "lo" accept\n  tcp dport 21 accept\n }\n}\n',
    );
    const range = expectedPassiveRange(new EffectiveConfig(parse(config), getTarget()));
    const report = await probeInNetns(cli, { host: '10.203.0.1', timeoutMs: 1500, expectedPassiveRange: range });
    expect(step(report, 'login').status).toBe('pass');
    expect(step(report, 'pasv').data).toMatchObject({ addressMatches: true, connect: { ok: false, error: 'timeout' } });
    expect(step(report, 'epsv').data).toMatchObject({ connect: { ok: false, error: 'timeout' } });
    expect(report.exitCode).toBe(1);
    const d = report.diagnoses.find((x) => x.id === 'data-timeout')!;
    expect(d.steps).toEqual(['pasv', 'epsv']);
    expect(d.summary).toMatch(/timed out after 1[5-9]\d\d ms: a firewall drops the passive range 40000-40009/);
    expect(d.firewall).toContain('open TCP 40000-40009 inbound on the server');
    expect(d.rules).toContainEqual({ id: 'VSF202', name: 'pasv-range-missing' });
    outputs(report, 'firewall-drops-range');

    nsRun(srv, 'nft', ['add', 'rule', 'inet', 'filter', 'input', 'tcp', 'dport', '40000-40009', 'accept']);
    const fixed = await probeInNetns(cli, { host: '10.203.0.1', timeoutMs: 1500 });
    expect(fixed.exitCode).toBe(0);
    outputs(fixed, 'firewall-range-opened');
  });

  it('a client firewall that drops inbound connections: PORT 200, then 425 after connect_timeout, explained', async () => {
    const { cli } = await twoHosts(['pasv_min_port=40000', 'pasv_max_port=40009']);
    nft(
      cli,
      'table inet clientfw {\n chain input {\n  type filter hook input priority filter; policy drop;\n  ct state established,related accept\n  iif "lo" accept\n }\n}\n',
    );
    const report = await probeInNetns(cli, { host: '10.203.0.1', timeoutMs: 4000, active: true });
    expect(step(report, 'pasv').status).toBe('pass');
    const active = step(report, 'active');
    expect(active).toMatchObject({ status: 'fail' });
    expect(active.replies).toEqual(['200 PORT command successful. Consider using PASV.', '425 Failed to establish connection.']);
    const d = report.diagnoses.find((x) => x.id === 'active-unreachable')!;
    expect(d.explanation).toContain('Use passive mode');
    expect(d.firewall).toContain('conntrack FTP helper');
    expect(d.rules).toContainEqual({ id: 'VSF212', name: 'active-mode' });
    expect(report.exitCode).toBe(1);
    outputs(report, 'client-firewall-active');
  });

  it("a server behind DNAT advertises its internal address; pasv_address (the diagnosis's fix) makes PASV work", async () => {
    // cli 10.203.4.2 --- 10.203.4.1 rtr (DNAT :21 and :40000-40009) 10.203.3.1 --- 10.203.3.2 srv
    const { cli, srv } = dnatTopology(
      'table ip rfw {\n chain fw { type filter hook forward priority filter; policy drop;\n  ct state established,related accept\n  ct status dnat accept\n  iifname "veth-ri" accept\n }\n}\n',
    );
    const base = ['pasv_min_port=40000', 'pasv_max_port=40009'];
    const broken = await Vsftpd.start({
      dir: work.dir,
      name: `nat${++serial}`,
      config: vsftpdConfig({ address: '10.203.3.2', port: 21, root: work.root, extra: base }),
      port: 21,
      netns: srv,
    });
    const report = await probeInNetns(cli, { host: '10.203.4.1', timeoutMs: 1500 });
    const pasv = step(report, 'pasv');
    expect(pasv.data).toMatchObject({
      advertised: { host: '10.203.3.2' },
      controlAddress: '10.203.4.1',
      connect: { ok: false, error: 'timeout' },
      fallback: { ok: true },
      listing: { ok: true },
    });
    expect(step(report, 'epsv').status).toBe('pass');
    const d = report.diagnoses.find((x) => x.id === 'pasv-address-mismatch')!;
    expect(d.explanation).toContain('Set pasv_address to the address clients connect to (here 10.203.4.1)');
    expect(report.exitCode).toBe(1);
    outputs(report, 'dnat-pasv-address');
    await broken.stop();

    await Vsftpd.start({
      dir: work.dir,
      name: `nat${++serial}`,
      config: vsftpdConfig({ address: '10.203.3.2', port: 21, root: work.root, extra: [...base, 'pasv_address=10.203.4.1'] }),
      port: 21,
      netns: srv,
    });
    const fixed = await probeInNetns(cli, { host: '10.203.4.1', timeoutMs: 1500 });
    expect(step(fixed, 'pasv').data).toMatchObject({ advertised: { host: '10.203.4.1' }, addressMatches: true, listing: { ok: true } });
    expect(fixed.exitCode).toBe(0);
  });
});

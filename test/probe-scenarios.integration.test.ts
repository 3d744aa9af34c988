/**
 * Issue 13's probe cases, each against the real vsftpd (Debian 3.0.3), real nftables and network
 * namespaces of our own where the case needs separate hosts. Before the probe's verdict is
 * checked, an independent client (curl) confirms the ground truth of the setup: which passive
 * ports the firewall passes, that PASV dies while EPSV works, that the outside clients of a NATed
 * server work, that the port speaks implicit FTPS, that active mode fails while passive works.
 *
 * Packets go only to 127.0.0.0/8 and to 10.203.x.x addresses inside our namespaces
 * (test/support/netns.ts). CPU-heavy: run this file on its own.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { probe, type ProbeReport } from '../src/probe';
import { freePort, makeWorkDir, stopAllServers, Vsftpd, vsftpdConfig, vsftpdUnavailable } from './support/ftp-server';
import { requireProgram } from './support/integration';
import { cleanStaleNetns, createNetns, deleteAllNetns, dnatTopology, netnsUnavailable, nft, probeInNetns, veth } from './support/netns';

jest.setTimeout(90000);

const why = vsftpdUnavailable() ?? netnsUnavailable();
const haveCurl = requireProgram('curl', 'curl', __filename);
const describeReal = why || !haveCurl ? describe.skip : describe;
if (why) console.warn(`probe scenario tests skipped: ${why}`);

let work: { dir: string; root: string };
let serial = 0;

beforeAll(() => {
  if (why || !haveCurl) return;
  cleanStaleNetns();
  work = makeWorkDir('vsftpd-lint-scn-');
});
afterEach(async () => {
  await stopAllServers();
  await deleteAllNetns();
});
afterAll(() => {
  if (work) fs.rmSync(work.dir, { recursive: true, force: true });
});

/** curl (in namespace `ns` when given): its exit status and output, bounded. */
function curl(ns: string | undefined, args: readonly string[]): { status: number | null; out: string } {
  const command = ['curl', '-sS', '--connect-timeout', '2', '-m', '8', ...args];
  const result = ns
    ? spawnSync('ip', ['netns', 'exec', ns, ...command], { encoding: 'utf8', timeout: 15000 })
    : spawnSync(command[0], command.slice(1), { encoding: 'utf8', timeout: 15000 });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

function step(report: ProbeReport, name: string) {
  const found = report.steps.find((s) => s.name === name);
  if (!found) throw new Error(`no step ${name}`);
  return found;
}

async function loopbackServer(extra: readonly string[]): Promise<number> {
  const port = await freePort();
  await Vsftpd.start({
    dir: work.dir,
    name: `l${++serial}`,
    config: vsftpdConfig({ address: '127.0.0.1', port, root: work.root, extra }),
    port,
  });
  return port;
}

/** srv 10.203.0.1/24 <-> cli 10.203.0.2/24, vsftpd on srv:21. */
async function twoHosts(extra: readonly string[]): Promise<{ srv: string; cli: string }> {
  const srv = createNetns('srv');
  const cli = createNetns('cli');
  veth({ ns: srv, dev: 'veth-s', cidr: '10.203.0.1/24' }, { ns: cli, dev: 'veth-c', cidr: '10.203.0.2/24' });
  await Vsftpd.start({
    dir: work.dir,
    name: `n${++serial}`,
    config: vsftpdConfig({ address: '10.203.0.1', port: 21, root: work.root, extra }),
    port: 21,
    netns: srv,
  });
  return { srv, cli };
}

const RANGE = ['pasv_min_port=40000', 'pasv_max_port=40009'];
const RANGE_OPTION = { lo: 40000, hi: 40009, source: 'pasv_min_port=40000 and pasv_max_port=40009' };

describeReal('issue 13: the probe in real setups', () => {
  it('1. a passive range the firewall opens only in part: "some", naming which ports worked and which did not; bounded', async () => {
    const { srv, cli } = await twoHosts(RANGE);
    nft(
      srv,
      'table inet filter {\n chain input {\n  type filter hook input priority filter; policy drop;\n  ct state established,related accept\n  iif "lo" accept\n  tcp dport { 21, 40000-40004 } accept\n }\n}\n',
    );
    // Ground truth, port by port: an open port with no listener answers RST at once (curl exit 7),
    // a dropped one times out (exit 28).
    const open: number[] = [];
    const dropped: number[] = [];
    for (const port of [40000, 40004, 40005, 40009]) {
      const result = curl(cli, ['--connect-timeout', '1', `telnet://10.203.0.1:${port}`]);
      (result.status === 7 ? open : dropped).push(port);
    }
    expect({ open, dropped }).toEqual({ open: [40000, 40004], dropped: [40005, 40009] });

    const report = await probeInNetns(cli, { host: '10.203.0.1', timeoutMs: 1000, expectedPassiveRange: RANGE_OPTION });
    const sample = step(report, 'pasv').data!.sample!;
    const worked = sample.ports.filter((p) => p.ok).map((p) => p.port);
    const failed = sample.ports.filter((p) => !p.ok).map((p) => p.port);
    // Bounded: at most 16 offers, at most 3 failed connections (each costs the timeout).
    expect(sample.ports.length).toBeLessThanOrEqual(16);
    expect(failed.length).toBeLessThanOrEqual(3);
    expect(worked.every((p) => p <= 40004)).toBe(true);
    expect(failed.every((p) => p >= 40005)).toBe(true);
    if (worked.length > 0 && failed.length > 0) {
      expect(report.diagnoses.map((d) => d.id)).toContain('passive-range-partly-blocked');
      const d = report.diagnoses.find((x) => x.id === 'passive-range-partly-blocked')!;
      expect(d.summary).toMatch(
        /only part of the passive range answers: \d+ PASV offers tried \(\d+ distinct ports? of the 10 in 40000-40009\): worked: .*; failed: /,
      );
    }
    // Never "no problem" after a failed data connection, never "the whole range" when one worked.
    expect(report.exitCode).toBe(1);
    expect(report.diagnoses.length).toBeGreaterThan(0);
    if (worked.length > 0) expect(JSON.stringify(report.diagnoses)).not.toContain('a firewall drops the passive range');
  });

  it('2. a session killed by "500 OOPS" (passive port busy): the cause named, the next step on a new session', async () => {
    const busy = await freePort();
    const holder = net.createServer().listen(busy, '127.0.0.1');
    await new Promise((resolve) => holder.once('listening', resolve));
    try {
      const port = await loopbackServer([`pasv_min_port=${busy}`, `pasv_max_port=${busy}`]);
      const truth = curl(undefined, ['-v', '--disable-epsv', `ftp://127.0.0.1:${port}/`]);
      expect(truth.status).not.toBe(0);
      expect(truth.out).toContain('500 OOPS: vsf_sysutil_bind');

      const report = await probe({ host: '127.0.0.1', port, timeoutMs: 2000 });
      expect(step(report, 'pasv').replies[0]).toMatch(/^500 OOPS: vsf_sysutil_bind/);
      const epsv = step(report, 'epsv');
      const texts = epsv.transcript.map((e) => e.text);
      expect(texts).toContain('the previous control connection has ended: reconnecting and logging in again');
      // EPSV's reply comes from the new session: never the dead session's second OOPS line
      expect(epsv.replies.filter((r) => /^(227|229|500)/.test(r))[0]).toMatch(/^500 OOPS: vsf_sysutil_bind/);
      expect(epsv.replies).not.toContain('500 OOPS: priv_sock_get_int');
      const d = report.diagnoses.find((x) => x.id === 'passive-ports-exhausted')!;
      expect(d.steps).toEqual(['pasv', 'epsv']);
      expect(d.explanation).toContain('found all busy');
    } finally {
      holder.close();
    }
  });

  it('3. NAT seen from inside: pasv_address is the public address; probed on the server, never told to set its internal one', async () => {
    // cli 10.203.4.2 --- 10.203.4.1 rtr (DNAT :21, :40000-40009) 10.203.3.1 --- 10.203.3.2 srv
    const { cli, srv } = dnatTopology();
    await Vsftpd.start({
      dir: work.dir,
      name: `nat${++serial}`,
      config: vsftpdConfig({ address: '10.203.3.2', port: 21, root: work.root, extra: [...RANGE, 'pasv_address=10.203.4.1'] }),
      port: 21,
      netns: srv,
    });
    // Ground truth: a client outside that trusts the 227 address works; on the server it does not.
    const strictPasv = ['--disable-epsv', '--no-ftp-skip-pasv-ip'];
    expect(curl(cli, [...strictPasv, 'ftp://10.203.4.1/']).out).toContain('hello.txt');
    // (the router answers for 10.203.4.1 itself: no loop back to the server, so refused)
    expect(curl(srv, [...strictPasv, 'ftp://10.203.3.2/']).status).toBe(7);

    const inside = await probeInNetns(srv, { host: '10.203.3.2', timeoutMs: 1500 });
    const d = inside.diagnoses.find((x) => x.id === 'pasv-address-other-side')!;
    expect(d.summary).toContain('this probe runs on the server itself');
    expect(d.explanation).toContain('Do NOT set pasv_address to 10.203.3.2');
    expect(JSON.stringify(inside)).not.toMatch(/set pasv_address to the address clients connect to \(here 10\.203\.3\.2\)/i);
    expect(inside.diagnoses.map((x) => x.id)).not.toContain('pasv-address-mismatch');
    // From outside: every step works
    const outside = await probeInNetns(cli, { host: '10.203.4.1', timeoutMs: 1500 });
    expect(outside.exitCode).toBe(0);
  });

  it('4. pasv_address set to a host name without pasv_addr_resolve: PASV flagged, EPSV not', async () => {
    const port = await loopbackServer(['pasv_address=localhost']);
    expect(curl(undefined, ['-v', '--disable-epsv', `ftp://127.0.0.1:${port}/`]).out).toContain('500 OOPS: invalid pasv_address');
    expect(curl(undefined, [`ftp://127.0.0.1:${port}/`]).out).toContain('hello.txt');

    const report = await probe({ host: '127.0.0.1', port, timeoutMs: 2000 });
    expect(step(report, 'pasv').status).toBe('fail');
    expect(step(report, 'epsv').status).toBe('pass');
    expect(report.diagnoses.map((d) => [d.id, d.steps])).toEqual([['pasv-address-invalid', ['pasv']]]);
  });

  it('5. implicit FTPS: ftps:// works; a plain or explicit-TLS probe says "this port speaks implicit FTPS: use ftps://"', async () => {
    const cert = path.join(work.dir, 'implicit-cert.pem');
    const key = path.join(work.dir, 'implicit-key.pem');
    const made = spawnSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=localhost'],
      { timeout: 20000 },
    );
    expect(made.status).toBe(0);
    fs.chmodSync(key, 0o600);
    const port = await loopbackServer([
      'ssl_enable=YES',
      'implicit_ssl=YES',
      'allow_anon_ssl=YES',
      `rsa_cert_file=${cert}`,
      `rsa_private_key_file=${key}`,
    ]);
    expect(curl(undefined, ['-k', `ftps://127.0.0.1:${port}/`]).out).toContain('hello.txt');
    expect(curl(undefined, ['-m', '3', `ftp://127.0.0.1:${port}/`]).status).not.toBe(0);

    for (const tls of [false, true]) {
      const plain = await probe({ host: '127.0.0.1', port, timeoutMs: 1500, tls, tlsRejectUnauthorized: false });
      expect(plain.exitCode).toBe(2);
      expect(plain.diagnoses.map((d) => [d.id, d.summary])).toEqual([
        ['implicit-ftps', `this port speaks implicit FTPS: use ftps://127.0.0.1:${port}`],
      ]);
    }
    const implicit = await probe({ host: '127.0.0.1', port, timeoutMs: 3000, implicitTls: true, tlsRejectUnauthorized: false });
    expect(implicit.steps.map((s) => [s.name, s.status]).slice(0, 3)).toEqual([
      ['connect', 'pass'],
      ['auth-tls', 'warn'],
      ['banner', 'pass'],
    ]);
    expect(step(implicit, 'protection').status).toBe('pass');
    expect(step(implicit, 'pasv').status).toBe('pass');
    expect(implicit.exitCode).toBe(0);
  });

  it("6. active mode blocked by the server's own egress firewall: the diagnosis names the server side too", async () => {
    const { srv, cli } = await twoHosts([...RANGE, 'port_enable=YES', 'connect_from_port_20=YES']);
    nft(
      srv,
      'table inet filter {\n chain output {\n  type filter hook output priority filter; policy drop;\n  ct state established,related accept\n  oif "lo" accept\n }\n}\n',
    );
    expect(curl(cli, ['ftp://10.203.0.1/']).out).toContain('hello.txt');
    expect(curl(cli, ['--disable-eprt', '-P', '10.203.0.2', 'ftp://10.203.0.1/']).status).not.toBe(0);

    const report = await probeInNetns(cli, { host: '10.203.0.1', timeoutMs: 4000, active: true });
    expect(step(report, 'pasv').status).toBe('pass');
    expect(step(report, 'active').status).toBe('fail');
    const d = report.diagnoses.find((x) => x.id === 'active-unreachable' || x.id === 'active-no-reply')!;
    expect(d.explanation).toContain("the server's own firewall drops its outgoing connections");
    expect(d.firewall).toContain('on the server: allow outgoing connections from ftp_data_port (20)');
    expect(report.exitCode).toBe(1);
  });
});

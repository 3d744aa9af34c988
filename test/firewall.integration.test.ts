/**
 * `firewallRules`: what each backend prints for the effective configuration, checked by the real
 * tool where it has a check mode (`nft -c -f FILE`, `iptables-restore --test` and
 * `ip6tables-restore --test`, `ufw --dry-run` for each ufw command; Debian packages nftables,
 * iptables and, optionally, ufw; the firewalld script is run for real by
 * test/firewalld.integration.test.ts), and, in network namespaces of our own, proof that the printed
 * nftables rules let passive mode through a default-drop firewall while the same firewall
 * without them reproduces the failure (control port dropped: unreachable; passive range
 * dropped: the data-connection timeout).
 *
 * The tool checks run inside a fresh namespace of our own, so nothing touches the host's
 * ruleset. Packets go only to 10.203.x.x addresses inside our namespaces.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from '../src';
import { EffectiveConfig } from '../src/engine/effective-config';
import { FIREWALL_BACKENDS, FirewallError, firewallPlan, firewallRules } from '../src/firewall';
import { formatProbeHuman } from '../src/probe';
import { getTarget } from '../src/schema/targets';
import { makeWorkDir, stopAllServers, Vsftpd, vsftpdConfig, vsftpdUnavailable } from './support/ftp-server';
import {
  cleanStaleNetns,
  clientServerPair,
  createNetns,
  deleteAllNetns,
  netnsUnavailable,
  nft,
  nsRun,
  probeInNetns,
  run,
} from './support/netns';

jest.setTimeout(30000);

const RANGE = 'pasv_min_port=40000\npasv_max_port=40009\n';
const ACTIVE = 'port_enable=YES\nconnect_from_port_20=YES\n';

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vsftpd-lint-fw-'));
});
afterEach(async () => {
  await stopAllServers();
  await deleteAllNetns();
});
afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

function write(name: string, text: string): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, text);
  return file;
}

/** The lines that are not comments (what the tool reads). */
function body(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
}

describe('firewallPlan', () => {
  it('takes the control port, the effective passive range and the active source port, with their sources', () => {
    const plan = firewallPlan(`listen=YES\nlisten_port=2121\n${RANGE}${ACTIVE}ftp_data_port=2020\n`);
    expect(plan.control).toEqual({ port: 2121, source: 'listen_port=2121 (line 2)' });
    expect(plan.passive).toEqual({ lo: 40000, hi: 40009, source: 'pasv_min_port=40000 (line 3) and pasv_max_port=40009 (line 4)' });
    expect(plan.active).toEqual({ sourcePort: 2020, source: 'connect_from_port_20=YES (line 6), ftp_data_port=2020 (line 7)' });
  });

  it('uses the range vsftpd really uses: an inverted range runs from pasv_min_port to 65535', () => {
    const plan = firewallPlan('listen=YES\npasv_min_port=50000\npasv_max_port=40000\n');
    expect(plan.passive).toMatchObject({ lo: 50000, hi: 65535 });
    expect(plan.notes.join('\n')).toContain('pasv-range-invalid, VSF203');
  });

  it('refuses passive mode without a range, naming rule pasv-range-missing', () => {
    expect(() => firewallPlan('listen=YES\n')).toThrow(FirewallError);
    try {
      firewallPlan('listen=YES\n');
    } catch (error) {
      expect((error as FirewallError).rule).toEqual({ id: 'VSF202', name: 'pasv-range-missing' });
      expect((error as Error).message).toMatch(
        /no pasv_min_port\/pasv_max_port is set, so vsftpd picks any port in 5001-65535.*pasv-range-missing, VSF202/,
      );
    }
  });

  it('needs no range when passive mode is off, and no source port without connect_from_port_20', () => {
    const plan = firewallPlan('listen=YES\npasv_enable=NO\nport_enable=YES\n');
    expect(plan.passive).toBeNull();
    expect(plan.active).toEqual({ sourcePort: null, source: 'connect_from_port_20=NO (the compiled default of Debian vsftpd 3.0.3)' });
    expect(firewallPlan(`listen=YES\n${RANGE}port_enable=NO\n`).active).toBeNull();
  });

  it('notes that a conntrack helper cannot read FTPS, and the inetd case', () => {
    expect(firewallPlan(`listen=YES\n${RANGE}ssl_enable=YES\n`).notes.join('\n')).toContain(
      'with ssl_enable=YES the control connection is encrypted',
    );
    const inetd = firewallPlan(`listen=NO\nlisten_port=2121\n${RANGE}`);
    expect(inetd.control.port).toBe(21);
    expect(inetd.notes.join('\n')).toContain('inetd');
  });

  it('refuses a file vsftpd would not start with', () => {
    expect(() => firewallPlan(`listen=YES\n${RANGE}pasv_enable=maybe\n`)).toThrow(/stops at line 4 .*pasv_enable=maybe/);
  });

  it('accepts text, a Document or an EffectiveConfig', () => {
    const text = `listen=YES\n${RANGE}`;
    const fromText = firewallRules(text, 'nftables');
    expect(firewallRules(parse(text), 'nftables')).toBe(fromText);
    expect(firewallRules(new EffectiveConfig(parse(text), getTarget()), 'nftables')).toBe(fromText);
    expect(() => firewallRules(text, 'pf' as never)).toThrow(/unknown firewall backend "pf"/);
  });
});

describe('each backend', () => {
  const config = `listen=YES\nlisten_port=2121\n${RANGE}${ACTIVE}`;

  it('nftables: add-rule lines for both directions (replies too), so a policy of drop on either chain is fine', () => {
    expect(body(firewallRules(config, 'nftables'))).toEqual([
      'add rule inet filter input tcp dport 2121 accept comment "vsftpd control connection (listen_port)"',
      'add rule inet filter input tcp dport 40000-40009 accept comment "vsftpd passive data connections (pasv_min_port-pasv_max_port)"',
      'add rule inet filter input tcp dport 20 ct state established accept comment "replies to vsftpd active-mode data connections"',
      'add rule inet filter output tcp sport 2121 ct state established accept comment "vsftpd control connection replies"',
      'add rule inet filter output tcp sport 40000-40009 ct state established accept comment "vsftpd passive data connection replies"',
      'add rule inet filter output tcp sport 20 accept comment "vsftpd active-mode data connections (connect_from_port_20, ftp_data_port)"',
    ]);
    expect(body(firewallRules(config, 'nftables', { nftTable: 'ip fw', nftInputChain: 'in' }))[0]).toMatch(
      /^add rule ip fw in tcp dport 2121 /,
    );
    expect(() => firewallRules(config, 'nftables', { nftTable: 'inet x; flush ruleset' })).toThrow(/bad nftables table/);
  });

  it('nftables and iptables: active mode from ephemeral ports goes through the FTP helper on the control port', () => {
    const ephemeral = `listen=YES\nlisten_port=2121\n${RANGE}port_enable=YES\nconnect_from_port_20=NO\n`;
    expect(body(firewallRules(ephemeral, 'nftables'))).toEqual([
      'add ct helper inet filter vsftpd-ftp { type "ftp" protocol tcp; }',
      'add rule inet filter input tcp dport 2121 ct helper set "vsftpd-ftp" accept comment "vsftpd control connection (listen_port)"',
      'add rule inet filter input tcp dport 40000-40009 accept comment "vsftpd passive data connections (pasv_min_port-pasv_max_port)"',
      'add rule inet filter input meta l4proto tcp ct status expected accept comment "vsftpd active-mode data connections from ephemeral ports (expected by the FTP helper)"',
      'add rule inet filter output tcp sport 2121 ct state established accept comment "vsftpd control connection replies"',
      'add rule inet filter output tcp sport 40000-40009 ct state established accept comment "vsftpd passive data connection replies"',
      'add rule inet filter output meta l4proto tcp ct status expected accept comment "vsftpd active-mode data connections from ephemeral ports (expected by the FTP helper)"',
    ]);
    expect(body(firewallRules(ephemeral, 'iptables')).slice(0, 3)).toEqual([
      '*raw',
      '-A PREROUTING -p tcp --dport 2121 -m comment --comment "vsftpd control connection (listen_port): FTP helper" -j CT --helper ftp',
      'COMMIT',
    ]);
    expect(firewallRules(`${ephemeral}ssl_enable=YES\n`, 'nftables')).toMatch(
      /cannot read the encrypted\n?#? *PORT commands|cannot read the encrypted PORT/,
    );
  });

  it('iptables', () => {
    expect(body(firewallRules(config, 'iptables'))).toEqual([
      '*filter',
      '-A INPUT -p tcp --dport 2121 -m comment --comment "vsftpd control connection (listen_port)" -j ACCEPT',
      '-A INPUT -p tcp --dport 40000:40009 -m comment --comment "vsftpd passive data connections (pasv_min_port-pasv_max_port)" -j ACCEPT',
      '-A INPUT -p tcp --dport 20 -m conntrack --ctstate ESTABLISHED -m comment --comment "replies to vsftpd active-mode data connections" -j ACCEPT',
      '-A OUTPUT -p tcp --sport 2121 -m conntrack --ctstate ESTABLISHED -m comment --comment "vsftpd control connection replies" -j ACCEPT',
      '-A OUTPUT -p tcp --sport 40000:40009 -m conntrack --ctstate ESTABLISHED -m comment --comment "vsftpd passive data connection replies" -j ACCEPT',
      '-A OUTPUT -p tcp --sport 20 -m comment --comment "vsftpd active-mode data connections (connect_from_port_20, ftp_data_port)" -j ACCEPT',
      'COMMIT',
    ]);
    expect(firewallRules(config, 'iptables')).toContain('iptables-restore --noflush FILE');
  });

  it('passive ranges vsftpd ignores (below 1025, 0/0) are refused like an unset one; a lower bound below 1025 is raised to 1024, as vsftpd does', () => {
    for (const range of [
      'pasv_min_port=100\npasv_max_port=200\n',
      'pasv_min_port=0\npasv_max_port=0\n',
      'pasv_min_port=1024\npasv_max_port=65535\n',
    ]) {
      let error: unknown;
      try {
        firewallPlan(`listen=YES\n${range}`);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(FirewallError);
      expect((error as FirewallError).rule).toEqual({ id: 'VSF203', name: 'pasv-range-invalid' });
      expect((error as Error).message).toMatch(/vsftpd ignores both .* so it picks any port in 1024-65535, which no firewall should open/);
    }
    const raised = firewallPlan('listen=YES\npasv_min_port=500\npasv_max_port=1100\n');
    expect(raised.passive).toMatchObject({ lo: 1024, hi: 1100 });
    expect(raised.notes.join('\n')).toContain(
      'pasv_min_port is not used (1024 or below): vsftpd never picks a port below 1024, so the range starts at 1024',
    );
  });

  it('a file name or config text with newlines or escapes cannot add a line to any output', () => {
    const name = 'x.conf\nufw disable\n\x1b]0;t\x07\u202e';
    const text = `listen=YES\nlisten_port=2121\n${RANGE}${ACTIVE}ftp_data_port=20\x1b[2J\n`;
    for (const backend of FIREWALL_BACKENDS) {
      const out = firewallRules(text, backend, { path: name });
      expect(out).not.toMatch(/^ufw disable/m);
      expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
      expect(out).toContain('x.conf\\nufw disable\\n\\x1b]0;t\\x07\\u202e');
      // every line is a comment, or one the backend itself writes
      for (const line of out.split('\n')) expect(line).toMatch(/^(#|\*|-A |COMMIT|add |set -e|ufw |\$fw |if firewall-cmd --state |$)/);
    }
  });

  it('ufw', () => {
    expect(body(firewallRules(config, 'ufw'))).toEqual([
      'set -e',
      "ufw allow 2121/tcp comment 'vsftpd control connection (listen_port)'",
      "ufw allow 40000:40009/tcp comment 'vsftpd passive data connections (pasv_min_port-pasv_max_port)'",
      "ufw allow out proto tcp from any port 20 comment 'vsftpd active-mode data connections (connect_from_port_20, ftp_data_port)'",
    ]);
  });

  it('firewalld: firewall-cmd --permanent while firewalld runs, else firewall-offline-cmd; a policy from HOST for active mode', () => {
    expect(body(firewallRules(config, 'firewalld', { firewalldZone: 'public' }))).toEqual([
      'set -e',
      "if firewall-cmd --state >/dev/null 2>&1; then fw='firewall-cmd --permanent'; else fw=firewall-offline-cmd; fi",
      '$fw --zone=public --add-port=2121/tcp',
      '$fw --zone=public --add-port=40000-40009/tcp',
      '$fw --info-policy=vsftpd-active-out >/dev/null 2>&1 || $fw --new-policy=vsftpd-active-out',
      '$fw --policy=vsftpd-active-out --set-priority=-32768',
      '$fw --policy=vsftpd-active-out --add-ingress-zone=HOST',
      '$fw --policy=vsftpd-active-out --add-egress-zone=ANY',
      '$fw --policy=vsftpd-active-out --add-source-port=20/tcp',
      'if firewall-cmd --state >/dev/null 2>&1; then firewall-cmd --reload; fi',
    ]);
    const ephemeral = `listen=YES\nlisten_port=2121\n${RANGE}port_enable=YES\nconnect_from_port_20=NO\n`;
    expect(body(firewallRules(ephemeral, 'firewalld')).slice(4, -1)).toEqual([
      '$fw --info-helper=vsftpd-ftp >/dev/null 2>&1 || $fw --new-helper=vsftpd-ftp --module=nf_conntrack_ftp',
      '$fw --helper=vsftpd-ftp --add-port=2121/tcp',
      '$fw --info-service=vsftpd-ftp >/dev/null 2>&1 || $fw --new-service=vsftpd-ftp',
      '$fw --service=vsftpd-ftp --add-helper=vsftpd-ftp',
      '$fw --add-service=vsftpd-ftp',
    ]);
  });

  it('every backend starts with a header naming the ports and their sources', () => {
    for (const backend of FIREWALL_BACKENDS) {
      const text = firewallRules(config, backend, { path: '/etc/vsftpd.conf' });
      expect(text).toContain('# vsftpd-lint firewall rules for /etc/vsftpd.conf (Debian vsftpd 3.0.3)');
      expect(text).toContain('TCP 40000-40009 inbound, from pasv_min_port=40000 (line 3)');
      for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(160);
    }
  });

  it('shell backends quote nothing from the file: only numbers and fixed words reach the commands', () => {
    for (const backend of ['ufw', 'firewalld'] as const) {
      const commands = body(firewallRules(`listen=YES\n${RANGE}ftpd_banner=$(reboot)\n`, backend));
      expect(commands.join('\n')).not.toContain('reboot');
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The real tools
// ---------------------------------------------------------------------------------------------

const netnsWhy = netnsUnavailable();
const describeNetns = netnsWhy ? describe.skip : describe;
if (netnsWhy) console.warn(`firewall tool and netns tests skipped: ${netnsWhy}`);

const CONFIGS: Record<string, string> = {
  'range + active from port 20': `listen=YES\nlisten_port=2121\n${RANGE}${ACTIVE}`,
  'one-port range, no active': 'listen=YES\npasv_min_port=40000\npasv_max_port=40000\nport_enable=NO\n',
  'passive off, active from ephemeral ports': 'listen=YES\npasv_enable=NO\n',
  'inverted range, ssl': 'listen=YES\npasv_min_port=50000\npasv_max_port=40000\nssl_enable=YES\n',
  'listen_port=2121, active from ephemeral ports (FTP helper)': `listen=YES\nlisten_port=2121\n${RANGE}port_enable=YES\nconnect_from_port_20=NO\n`,
  'lower bound below 1025 raised to 1024': 'listen=YES\npasv_min_port=500\npasv_max_port=1100\n',
};

/** Debian's /etc/nftables.conf: table inet filter with base chains input, forward, output, all accepting. */
const DEBIAN_NFTABLES_CONF =
  'table inet filter {\n chain input { type filter hook input priority filter; }\n chain forward { type filter hook forward priority filter; }\n chain output { type filter hook output priority filter; }\n}\n';

/** A server firewall that drops everything new except loopback: Debian's nftables.conf plus a policy. */
const DEFAULT_DROP =
  'table inet filter {\n chain input {\n  type filter hook input priority filter; policy drop;\n  ct state established,related accept\n  iif "lo" accept\n }\n chain output {\n  type filter hook output priority filter;\n }\n}\n';

describeNetns('the real tools accept every backend output they can check', () => {
  beforeAll(() => cleanStaleNetns());

  it.each(Object.entries(CONFIGS))('%s: nft -c -f and iptables-restore --test', (_name, config) => {
    const ns = createNetns('chk');
    nft(ns, DEBIAN_NFTABLES_CONF);
    const nftFile = write('rules.nft', firewallRules(config, 'nftables'));
    expect(nsRun(ns, 'nft', ['-c', '-f', nftFile], { check: false })).toMatchObject({ status: 0, stderr: '' });
    const iptFile = write('rules.ipt', firewallRules(config, 'iptables'));
    expect(nsRun(ns, 'iptables-restore', ['--test', '--noflush', iptFile], { check: false })).toMatchObject({ status: 0, stderr: '' });
    expect(nsRun(ns, 'ip6tables-restore', ['--test', '--noflush', iptFile], { check: false })).toMatchObject({ status: 0, stderr: '' });
  });

  const ufwMissing = spawnSync('sh', ['-c', 'command -v ufw']).status !== 0;
  if (ufwMissing) console.warn('ufw check skipped: ufw is not installed (apt-get install -y ufw)');
  (ufwMissing ? it.skip : it).each(Object.entries(CONFIGS))('%s: every ufw command passes ufw --dry-run', (_name, config) => {
    const ns = createNetns('chk');
    const commands = body(firewallRules(config, 'ufw')).filter((line) => line.startsWith('ufw '));
    expect(commands.length).toBeGreaterThan(0);
    for (const command of commands) {
      // the shell's word splitting for these lines: bare words and '...' strings
      const words = [...command.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]);
      const result = nsRun(ns, 'ufw', ['--dry-run', ...words.slice(1)], { check: false });
      expect({ command, status: result.status, stderr: result.stderr }).toEqual({ command, status: 0, stderr: '' });
    }
  });

  it('nft loads the rules into an existing default-drop chain, after its own rules', () => {
    const ns = createNetns('chk');
    nft(ns, DEFAULT_DROP);
    nsRun(ns, 'nft', ['-f', write('load.nft', firewallRules(CONFIGS['range + active from port 20'], 'nftables'))]);
    const listed = nsRun(ns, 'nft', ['list', 'chain', 'inet', 'filter', 'input']).stdout;
    expect(listed).toMatch(
      /policy drop;[\s\S]*ct state established,related accept[\s\S]*tcp dport 2121 accept[\s\S]*tcp dport 40000-40009 accept/,
    );
  });

  it('nft -f into a table or chain that does not exist fails loudly and loads nothing', () => {
    const ns = createNetns('chk');
    const file = write('missing.nft', firewallRules(CONFIGS['range + active from port 20'], 'nftables'));
    const missingTable = nsRun(ns, 'nft', ['-f', file], { check: false });
    expect(missingTable.status).not.toBe(0);
    expect(missingTable.stderr).toContain('No such file or directory');
    expect(nsRun(ns, 'nft', ['list', 'ruleset']).stdout.trim()).toBe('');
    nft(ns, 'table inet filter {\n chain input { type filter hook input priority filter; }\n}\n');
    const missingChain = nsRun(ns, 'nft', ['-f', file], { check: false });
    expect(missingChain.status).not.toBe(0);
    expect(nsRun(ns, 'nft', ['list', 'chain', 'inet', 'filter', 'input']).stdout).not.toContain('dport 2121');
    expect(firewallRules(CONFIGS['range + active from port 20'], 'nftables')).toContain(
      'otherwise nft -f stops with "No such file or directory" and loads nothing',
    );
  });

  it('iptables-restore --noflush appends to an existing ruleset without replacing it', () => {
    const ns = createNetns('chk');
    nsRun(ns, 'iptables', ['-P', 'INPUT', 'DROP']);
    nsRun(ns, 'iptables', ['-A', 'INPUT', '-i', 'lo', '-j', 'ACCEPT']);
    nsRun(ns, 'iptables-restore', ['--noflush', write('load.ipt', firewallRules(CONFIGS['range + active from port 20'], 'iptables'))]);
    const rules = nsRun(ns, 'iptables', ['-S', 'INPUT']).stdout;
    expect(rules).toMatch(
      /-P INPUT DROP\n-A INPUT -i lo -j ACCEPT\n-A INPUT -p tcp -m tcp --dport 2121 .*-j ACCEPT\n-A INPUT -p tcp -m tcp --dport 40000:40009 /,
    );
  });
});

describeNetns('the printed nftables rules against a default-drop firewall, with the real vsftpd and the probe', () => {
  const vsftpdWhy = vsftpdUnavailable();
  let work: { dir: string; root: string };
  beforeAll(() => {
    if (vsftpdWhy) throw new Error(vsftpdWhy);
    cleanStaleNetns();
    work = makeWorkDir('vsftpd-lint-fw-');
  });
  afterAll(() => {
    if (work) fs.rmSync(work.dir, { recursive: true, force: true });
  });

  it('without them: no control connection; with only the control port: the passive timeout; with them: passive works', async () => {
    // three probes in a namespace, each a node start that transpiles the sources: slow on a busy machine
    const { srv, cli } = clientServerPair();
    const config = vsftpdConfig({
      address: '10.203.0.1',
      port: 21,
      root: work.root,
      extra: ['pasv_min_port=40000', 'pasv_max_port=40009', 'port_enable=NO'],
    });
    await Vsftpd.start({ dir: work.dir, name: 'fw', config, port: 21, netns: srv });
    nft(srv, DEFAULT_DROP);
    const options = { host: '10.203.0.1', timeoutMs: 1500 };

    const closed = await probeInNetns(cli, options);
    expect(closed.exitCode).toBe(2);
    expect(closed.diagnoses[0].id).toBe('control-timeout');

    // The rules as printed, minus the passive line: what a firewall opening only port 21 does.
    const printed = firewallRules(config, 'nftables');
    const controlOnly = printed
      .split('\n')
      .filter((line) => !line.includes('dport 40000-40009'))
      .join('\n');
    nsRun(srv, 'nft', ['-f', write('control-only.nft', controlOnly)]);
    const blocked = await probeInNetns(cli, options);
    expect(blocked.exitCode).toBe(1);
    expect(blocked.diagnoses.map((d) => d.id)).toEqual(['data-timeout']);
    expect(blocked.diagnoses[0].steps).toEqual(['pasv', 'epsv']);

    // The same default-drop firewall with exactly the printed rules.
    run('ip', ['netns', 'exec', srv, 'nft', 'flush', 'ruleset']);
    nft(srv, DEFAULT_DROP);
    nsRun(srv, 'nft', ['-f', write('printed.nft', printed)]);
    const open = await probeInNetns(cli, options);
    expect(formatProbeHuman(open)).toContain('Result: passive listing works (exit 0)');
    expect(open.steps.filter((s) => s.name === 'pasv' || s.name === 'epsv').map((s) => s.status)).toEqual(['pass', 'pass']);
  }, 90000);
});

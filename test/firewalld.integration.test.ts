/**
 * Issue 13 item 9: the firewalld script `vsftpd-lint firewall --backend firewalld` prints, run for
 * real (Debian package firewalld; test/support/firewalld.ts keeps the machine's firewalld and its
 * /etc/firewalld untouched):
 *
 *  - offline (firewall-offline-cmd, as on a machine where firewalld is not running), for the
 *    cases of item 8: every command is accepted with exit 0 and no warning, and firewalld's own
 *    queries show that exactly the needed ports are open, that the only other objects are the
 *    active-mode policy and the FTP helper where the config needs them, and that a second run
 *    changes nothing; the configs vsftpd would run with an ignored passive range get no script;
 *  - with the firewalld daemon (nftables backend) in a network namespace, behind a policy that
 *    drops the server's outgoing connections: curl lists in no mode before the script, in the
 *    passive modes only with the script minus its active-mode lines, and in every mode with the
 *    whole script, for active mode from port 20 and from ephemeral ports.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FirewallError, firewallRules, type FirewallOptions } from '../src/firewall';
import { freshConfigDir, offline, runOffline, startFirewalld } from './support/firewalld';
import { ACTIVE_VARIANTS, EVERY_MODE, listInEveryMode, proofServer } from './support/firewall-proof';
import { makeWorkDir, stopAllServers, vsftpdUnavailable } from './support/ftp-server';
import { requireProgram } from './support/integration';
import { cleanStaleNetns, deleteAllNetns, netnsUnavailable, nsRun } from './support/netns';

jest.setTimeout(120000);

const haveFirewalld = requireProgram('firewall-offline-cmd', 'firewalld', __filename);
const describeOffline = haveFirewalld ? describe : describe.skip;

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vsftpd-lint-fwd-'));
});
afterEach(async () => {
  await stopAllServers();
  await deleteAllNetns();
});
afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

function script(config: string, options: FirewallOptions = {}): string {
  const file = path.join(fs.mkdtempSync(path.join(tmp, 'script-')), 'firewalld.sh');
  fs.writeFileSync(file, firewallRules(config, 'firewalld', options));
  return file;
}

/** `--list-all-zones` / `--list-all-policies` output as name -> { key: value }. */
function parseListing(text: string): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const block of text.split(/\n\s*\n/)) {
    const [head, ...rest] = block.split('\n');
    if (!head.trim()) continue;
    const fields: Record<string, string> = {};
    for (const line of rest) {
      const m = /^\s+([^:]+):\s*(.*)$/.exec(line);
      if (m) fields[m[1]] = m[2].trim();
    }
    out[head.trim().replace(/ \(.*\)$/, '')] = fields;
  }
  return out;
}

/** Everything the permanent configuration in `dir` holds that can open anything. */
function snapshot(dir: string) {
  return {
    zones: parseListing(offline(dir, '--list-all-zones')),
    policies: parseListing(offline(dir, '--list-all-policies')),
    helpers: offline(dir, '--get-helpers').split(' ').sort(),
    services: offline(dir, '--get-services').split(' ').sort(),
  };
}

/** A policy with nothing in it but what `fields` says. */
const EMPTY_POLICY = {
  priority: '-1',
  target: 'CONTINUE',
  'ingress-zones': '',
  'egress-zones': '',
  services: '',
  ports: '',
  protocols: '',
  masquerade: 'no',
  'forward-ports': '',
  'source-ports': '',
  'icmp-blocks': '',
  'rich rules': '',
};

const RANGE = 'pasv_min_port=40000\npasv_max_port=40009\n';

interface Case {
  readonly config: string;
  readonly zone?: string;
  /** What the zone's ports must be afterwards. */
  readonly ports: string;
  /** Active mode from a fixed port: the source port the policy lets out. */
  readonly activeSourcePort?: number;
  /** Active mode from ephemeral ports: the control port the FTP helper watches. */
  readonly helperPort?: number;
}

/** Item 8's cases, and the other configs firewall.integration.test.ts checks the other tools with. */
const CASES: Record<string, Case> = {
  'listen_port=2121, passive + active from port 20': {
    config: `listen=YES\nlisten_port=2121\n${RANGE}port_enable=YES\nconnect_from_port_20=YES\n`,
    ports: '2121/tcp 40000-40009/tcp',
    activeSourcePort: 20,
  },
  'listen_port=2121, passive + active from ephemeral ports (connect_from_port_20=NO), zone internal': {
    config: `listen=YES\nlisten_port=2121\n${RANGE}port_enable=YES\nconnect_from_port_20=NO\n`,
    zone: 'internal',
    ports: '2121/tcp 40000-40009/tcp',
    helperPort: 2121,
  },
  'active from ftp_data_port=2020': {
    config: `listen=YES\n${RANGE}port_enable=YES\nconnect_from_port_20=YES\nftp_data_port=2020\n`,
    ports: '21/tcp 40000-40009/tcp',
    activeSourcePort: 2020,
  },
  'one-port range, no active': {
    config: 'listen=YES\npasv_min_port=40000\npasv_max_port=40000\nport_enable=NO\n',
    ports: '21/tcp 40000/tcp',
  },
  'passive off, active from ephemeral ports': { config: 'listen=YES\npasv_enable=NO\n', ports: '21/tcp', helperPort: 21 },
  'inverted range (vsftpd uses 50000-65535), ssl, no active': {
    config: 'listen=YES\npasv_min_port=50000\npasv_max_port=40000\nssl_enable=YES\nport_enable=NO\n',
    ports: '21/tcp 50000-65535/tcp',
  },
  'lower bound below 1025 (vsftpd uses 1024-1100), no active': {
    config: 'listen=YES\npasv_min_port=500\npasv_max_port=1100\nport_enable=NO\n',
    ports: '21/tcp 1024-1100/tcp',
  },
  'inetd (listen=NO): port 21, no active': { config: `listen=NO\n${RANGE}port_enable=NO\n`, ports: '21/tcp 40000-40009/tcp' },
};

/** Every file under the machine's /etc/firewalld with its size and modification time. */
function machineConfig(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      const stat = fs.lstatSync(file);
      out.push(`${file} ${stat.size} ${stat.mtimeMs}`);
      if (entry.isDirectory()) walk(file);
    }
  };
  walk('/etc/firewalld');
  return out.sort();
}

describeOffline('the firewalld script with firewall-offline-cmd', () => {
  let machineBefore: string[];
  beforeAll(() => {
    machineBefore = machineConfig();
  });
  it.each(Object.entries(CASES))('%s', (_name, c) => {
    const dir = freshConfigDir(tmp);
    const before = snapshot(dir);
    const file = script(c.config, c.zone ? { firewalldZone: c.zone } : {});
    const ran = runOffline(file, dir);
    expect({ status: ran.status, stderr: ran.stderr }).toEqual({ status: 0, stderr: '' });
    expect(ran.stdout.trim().split('\n')).toEqual(expect.arrayContaining(['success']));
    expect(
      ran.stdout
        .trim()
        .split('\n')
        .every((line) => line === 'success'),
    ).toBe(true);
    offline(dir, '--check-config'); // throws unless firewalld finds the configuration valid

    const zone = c.zone ?? offline(dir, '--get-default-zone');
    expect(zone).toBe(c.zone ?? 'public');
    for (const port of c.ports.split(' ')) expect(offline(dir, `--zone=${zone}`, `--query-port=${port}`)).toBe('yes');
    const after = snapshot(dir);
    // Exactly the needed ports in the zone (and the helper's service where needed); nothing else anywhere.
    const services = [before.zones[zone].services, c.helperPort ? 'vsftpd-ftp' : ''].filter(Boolean).join(' ').split(' ').sort();
    expect({ ...after.zones[zone], services: after.zones[zone].services.split(' ').sort() }).toEqual({
      ...before.zones[zone],
      ports: c.ports,
      services,
    });
    expect({ ...after.zones, [zone]: before.zones[zone] }).toEqual(before.zones);
    expect(after.policies).toEqual({
      ...before.policies,
      ...(c.activeSourcePort
        ? {
            'vsftpd-active-out': {
              ...EMPTY_POLICY,
              priority: '-32768',
              'ingress-zones': 'HOST',
              'egress-zones': 'ANY',
              'source-ports': `${c.activeSourcePort}/tcp`,
            },
          }
        : {}),
    });
    expect(after.helpers).toEqual([...before.helpers, ...(c.helperPort ? ['vsftpd-ftp'] : [])].sort());
    expect(after.services).toEqual([...before.services, ...(c.helperPort ? ['vsftpd-ftp'] : [])].sort());
    if (c.helperPort) {
      expect(parseListing(offline(dir, '--info-helper=vsftpd-ftp'))['vsftpd-ftp']).toMatchObject({
        module: 'nf_conntrack_ftp',
        ports: `${c.helperPort}/tcp`,
      });
      expect(parseListing(offline(dir, '--info-service=vsftpd-ftp'))['vsftpd-ftp']).toMatchObject({ ports: '', helpers: 'vsftpd-ftp' });
    }

    // A second run succeeds (objects it made are not made again) and changes nothing.
    expect(runOffline(file, dir).status).toBe(0);
    expect(snapshot(dir)).toEqual(after);
  });

  it("left the machine's /etc/firewalld as it was (each script wrote only its own directory)", () => {
    expect(machineConfig()).toEqual(machineBefore);
  });

  it('the configs whose passive range vsftpd ignores or lacks get no script to run', () => {
    for (const [range, rule] of [
      ['pasv_min_port=100\npasv_max_port=200\n', 'VSF203'],
      ['pasv_min_port=0\npasv_max_port=0\n', 'VSF203'],
      ['', 'VSF202'],
    ]) {
      expect(() => firewallRules(`listen=YES\n${range}`, 'firewalld')).toThrow(FirewallError);
      try {
        firewallRules(`listen=YES\n${range}`, 'firewalld');
      } catch (error) {
        expect((error as FirewallError).rule?.id).toBe(rule);
      }
    }
  });
});

const why = vsftpdUnavailable() ?? netnsUnavailable();
const haveCurl = requireProgram('curl', 'curl', __filename);
const describeDaemon = why || !haveCurl || !haveFirewalld ? describe.skip : describe;
if (why) console.warn(`firewalld daemon tests skipped: ${why}`);

describeDaemon('the firewalld script with the firewalld daemon, behind a policy that drops outgoing connections', () => {
  let work: { dir: string; root: string };
  let serial = 0;
  beforeAll(() => {
    cleanStaleNetns();
    work = makeWorkDir('vsftpd-lint-fwd-');
  });
  afterAll(() => {
    if (work) fs.rmSync(work.dir, { recursive: true, force: true });
  });

  it.each(Object.entries(ACTIVE_VARIANTS))(
    '%s: no mode before, passive without the active lines, every mode after',
    async (_name, active) => {
      const { srv, cli, config } = await proofServer(work, `fwd${++serial}`, active);
      // Ground truth without a firewall: every mode works.
      expect(listInEveryMode(cli)).toEqual(EVERY_MODE);

      const firewalld = await startFirewalld(srv, freshConfigDir(tmp));
      for (const step of [
        '--new-policy=drop-out',
        '--policy=drop-out --add-ingress-zone=HOST',
        '--policy=drop-out --add-egress-zone=ANY',
        '--policy=drop-out --set-target=DROP',
      ]) {
        firewalld.cmd('--permanent', ...step.split(' '));
      }
      firewalld.cmd('--reload');
      expect(listInEveryMode(cli).works).toEqual({ epsv: false, pasv: false, active: false });

      // The script minus its active-mode lines (a policy, or the FTP helper): the passive modes only.
      const whole = firewallRules(config, 'firewalld');
      const withoutActive = whole
        .split('\n')
        .filter((line) => !/vsftpd-active-out|vsftpd-ftp/.test(line))
        .join('\n');
      expect(withoutActive).not.toBe(whole);
      const partial = path.join(fs.mkdtempSync(path.join(tmp, 'script-')), 'passive-only.sh');
      fs.writeFileSync(partial, withoutActive);
      expect(firewalld.sh(partial)).toMatchObject({ status: 0, stderr: '' });
      expect(listInEveryMode(cli).works).toEqual({ epsv: true, pasv: true, active: false });

      // The whole script, as printed (firewall-cmd --permanent, then a reload).
      const ran = firewalld.sh(script(config));
      expect(ran.status).toBe(0);
      // The ports the partial script opened already: firewall-cmd says so, and nothing else.
      expect(ran.stderr.split('\n').filter((line) => line && !line.startsWith('Warning: ALREADY_ENABLED: '))).toEqual([]);
      expect(listInEveryMode(cli)).toEqual(EVERY_MODE);
      // The daemon answering is the one in the server's namespace: its rules are there.
      expect(nsRun(srv, 'nft', ['list', 'table', 'inet', 'firewalld']).stdout).toMatch(
        /tcp dport 2121 accept[\s\S]*tcp dport 40000-40009 accept/,
      );
    },
  );
});

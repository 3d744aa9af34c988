/**
 * Issue 13 item 8: the printed firewall rules, loaded into a server whose input AND output chains
 * have a policy of drop, make every data-connection mode the config enables work: vsftpd on a
 * non-standard listen_port (2121), passive mode, active mode from port 20 and from ephemeral
 * ports (connect_from_port_20=NO), for nftables and for iptables. curl is the independent client:
 * it fails in every mode before the rules are loaded (the firewall really drops) and works after.
 *
 * Namespaces of our own only (srv 10.203.0.1, cli 10.203.0.2; test/support/netns.ts).
 * CPU-heavy: run this file on its own.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { firewallRules, type FirewallBackend } from '../src/firewall';
import { ACTIVE_VARIANTS, EVERY_MODE, listInEveryMode, proofServer } from './support/firewall-proof';
import { makeWorkDir, stopAllServers, vsftpdUnavailable } from './support/ftp-server';
import { requireProgram } from './support/integration';
import { cleanStaleNetns, deleteAllNetns, netnsUnavailable, nft, nsRun } from './support/netns';

jest.setTimeout(90000);

const why = vsftpdUnavailable() ?? netnsUnavailable();
const haveCurl = requireProgram('curl', 'curl', __filename);
const describeReal = why || !haveCurl ? describe.skip : describe;
if (why) console.warn(`firewall proof tests skipped: ${why}`);

let work: { dir: string; root: string };
let serial = 0;
beforeAll(() => {
  if (why || !haveCurl) return;
  cleanStaleNetns();
  work = makeWorkDir('vsftpd-lint-fwp-');
});
afterEach(async () => {
  await stopAllServers();
  await deleteAllNetns();
});
afterAll(() => {
  if (work) fs.rmSync(work.dir, { recursive: true, force: true });
});

/** Both chains with a policy of drop, only loopback allowed: the strictest server firewall. */
const DROP_BOTH: Record<FirewallBackend, (ns: string) => void> = {
  nftables: (ns) =>
    nft(
      ns,
      'table inet filter {\n chain input {\n  type filter hook input priority filter; policy drop;\n  iif "lo" accept\n }\n chain output {\n  type filter hook output priority filter; policy drop;\n  oif "lo" accept\n }\n}\n',
    ),
  iptables: (ns) => {
    for (const chain of ['INPUT', 'OUTPUT']) nsRun(ns, 'iptables', ['-P', chain, 'DROP']);
    nsRun(ns, 'iptables', ['-A', 'INPUT', '-i', 'lo', '-j', 'ACCEPT']);
    nsRun(ns, 'iptables', ['-A', 'OUTPUT', '-o', 'lo', '-j', 'ACCEPT']);
  },
  ufw: () => undefined,
  firewalld: () => undefined,
};

function load(ns: string, backend: FirewallBackend, rules: string): void {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vsftpd-lint-fwp-rules-')), 'rules');
  fs.writeFileSync(file, rules);
  if (backend === 'nftables') nsRun(ns, 'nft', ['-f', file]);
  else nsRun(ns, 'iptables-restore', ['--noflush', file]);
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

describeReal('the printed rules against input and output policies of drop', () => {
  for (const backend of ['nftables', 'iptables'] as const) {
    it.each(Object.entries(ACTIVE_VARIANTS))(`${backend}: %s: every mode fails before, works after`, async (_name, active) => {
      const { srv, cli, config } = await proofServer(work, `fw${++serial}`, active);
      // Ground truth without a firewall: every mode works.
      expect(listInEveryMode(cli)).toEqual(EVERY_MODE);
      DROP_BOTH[backend](srv);
      expect(listInEveryMode(cli).works).toEqual({ epsv: false, pasv: false, active: false });
      load(srv, backend, firewallRules(config, backend));
      expect(listInEveryMode(cli)).toEqual(EVERY_MODE);
    });
  }
});

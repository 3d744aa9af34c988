/**
 * The setup of the firewall proofs (test/firewall-proof.integration.test.ts for nftables and
 * iptables, test/firewalld.integration.test.ts for firewalld): the real vsftpd on 10.203.0.1:2121
 * in a server namespace with a client namespace beside it (`proofServer`), and curl as the
 * independent FTP client that lists the server's root in each data-connection mode.
 */
import { spawnSync } from 'child_process';
import { Vsftpd, vsftpdConfig } from './ftp-server';
import { clientServerPair } from './netns';

/** The active-mode variants every backend is proven with, as vsftpd.conf lines. */
export const ACTIVE_VARIANTS: Record<string, readonly string[]> = {
  'listen_port=2121, passive + active from port 20': ['port_enable=YES', 'connect_from_port_20=YES'],
  'listen_port=2121, passive + active from ephemeral ports (connect_from_port_20=NO)': ['port_enable=YES', 'connect_from_port_20=NO'],
};

/**
 * vsftpd listening on 10.203.0.1:2121 in a new server namespace `srv`, passive range
 * 40000-40009, plus the `active` lines; `cli` is the client namespace. `config` is the file's
 * text, for the rule generator.
 */
export async function proofServer(
  work: { dir: string; root: string },
  name: string,
  active: readonly string[],
): Promise<{ srv: string; cli: string; config: string }> {
  const { srv, cli } = clientServerPair();
  const config = vsftpdConfig({
    address: '10.203.0.1',
    port: 2121,
    root: work.root,
    extra: ['pasv_min_port=40000', 'pasv_max_port=40009', ...active],
  });
  await Vsftpd.start({ dir: work.dir, name, config, port: 2121, netns: srv });
  return { srv, cli, config };
}

/** Every mode lists. */
export const EVERY_MODE = { works: { epsv: true, pasv: true, active: true }, failures: {} };

/** curl's arguments for each mode's listing: its own passive (EPSV), PASV, and active (PORT). */
const DATA_MODES: Record<string, readonly string[]> = {
  epsv: [],
  pasv: ['--disable-epsv'],
  active: ['--disable-eprt', '-P', '10.203.0.2'],
};

/** One listing from namespace `ns`: whether it shows hello.txt, and curl's output. */
function curlList(ns: string, args: readonly string[]): { ok: boolean; out: string } {
  const result = spawnSync(
    'ip',
    ['netns', 'exec', ns, 'curl', '-sS', '--connect-timeout', '2', '-m', '6', ...args, 'ftp://10.203.0.1:2121/'],
    { encoding: 'utf8', timeout: 15000 },
  );
  const out = `${result.stdout}${result.stderr}`;
  return { ok: result.status === 0 && out.includes('hello.txt'), out };
}

/** Which modes list from `ns` (mode -> works), with curl's output for the ones that fail. */
export function listInEveryMode(ns: string): { works: Record<string, boolean>; failures: Record<string, string> } {
  const works: Record<string, boolean> = {};
  const failures: Record<string, string> = {};
  for (const [mode, args] of Object.entries(DATA_MODES)) {
    const result = curlList(ns, args);
    works[mode] = result.ok;
    if (!result.ok) failures[mode] = result.out;
  }
  return { works, failures };
}

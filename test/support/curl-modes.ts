/**
 * curl as the independent FTP client of the firewall proofs: it lists the server's root in each
 * data-connection mode, from the client namespace (10.203.0.2) to the server (10.203.0.1:2121)
 * that `clientServerPair()` (test/support/netns.ts) connects.
 */
import { spawnSync } from 'child_process';

/** curl's arguments for each mode's listing: its own passive (EPSV), PASV, and active (PORT). */
export const DATA_MODES: Record<string, readonly string[]> = {
  epsv: [],
  pasv: ['--disable-epsv'],
  active: ['--disable-eprt', '-P', '10.203.0.2'],
};

/** One listing from namespace `ns`: whether it shows hello.txt, and curl's output. */
export function curlList(ns: string, args: readonly string[]): { ok: boolean; out: string } {
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

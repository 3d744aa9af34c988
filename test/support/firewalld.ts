/**
 * The real firewalld, isolated from the machine's, for the tests of the firewalld rules:
 *
 *  - `runOffline(script)`: runs a generated script with `sh` where firewalld is not running, so it
 *    takes its firewall-offline-cmd branch, in a mount namespace of its own (`unshare -m`) where a
 *    fresh configuration directory is bound over /etc/firewalld: the machine's /etc/firewalld is
 *    never written. `offline(dir, ...args)` then asks firewall-offline-cmd about that directory.
 *  - `startFirewalld(ns)`: the firewalld daemon itself (nftables backend) inside one of our
 *    network namespaces, on a D-Bus daemon of its own (DBUS_SYSTEM_BUS_ADDRESS points
 *    firewall-cmd at it), with its permanent configuration in a directory of its own
 *    (--system-config) and a private /run. Its rules are the namespace's; deleteAllNetns() kills
 *    both daemons.
 *
 * The D-Bus system bus address is always set to our own socket (or to one that does not exist),
 * so no command here can reach a firewalld the machine may be running.
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { nsRun, run, type RunResult } from './netns';

/** A fresh permanent configuration: the package's defaults (zone public, nftables backend). */
export function freshConfigDir(parent: string): string {
  const dir = fs.mkdtempSync(path.join(parent, 'firewalld-'));
  fs.writeFileSync(path.join(dir, 'firewalld.conf'), 'DefaultZone=public\nFirewallBackend=nftables\n');
  return dir;
}

/** The environment for firewall-cmd and sh: the system bus is the one at `socket`. */
function busEnv(socket: string): NodeJS.ProcessEnv {
  return { ...process.env, DBUS_SYSTEM_BUS_ADDRESS: `unix:path=${socket}` };
}

/** Runs `sh script` with firewalld unreachable and `dir` bound over /etc/firewalld. */
export function runOffline(script: string, dir: string): RunResult {
  const result = spawnSync(
    'unshare',
    ['-m', '--propagation', 'private', 'sh', '-c', 'mount --bind "$1" /etc/firewalld && exec sh "$2"', 'sh', dir, script],
    { encoding: 'utf8', timeout: 120000, env: busEnv(path.join(dir, 'no-bus')) },
  );
  return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

/** firewall-offline-cmd about the configuration in `dir` (throws when it fails). */
export function offline(dir: string, ...args: string[]): string {
  return run('firewall-offline-cmd', ['--system-config', dir, ...args], { timeoutMs: 60000 }).stdout.trim();
}

/** A running firewalld: `cmd` runs firewall-cmd against it, `sh` runs a script that uses it. */
export interface Firewalld {
  cmd(...args: string[]): string;
  sh(script: string): RunResult;
}

/**
 * Starts D-Bus and firewalld inside namespace `ns`, with their files in `dir` (a fresh
 * configuration directory), and waits until firewalld answers.
 */
export async function startFirewalld(ns: string, dir: string): Promise<Firewalld> {
  const socket = path.join(dir, 'bus');
  const busConfig = path.join(dir, 'bus.conf');
  fs.writeFileSync(
    busConfig,
    '<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN" ' +
      '"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">\n' +
      `<busconfig><type>system</type><listen>unix:path=${socket}</listen><auth>EXTERNAL</auth>` +
      '<policy context="default"><allow user="root"/><allow own="*"/><allow send_destination="*"/>' +
      '<allow receive_sender="*"/></policy></busconfig>\n',
  );
  nsRun(ns, 'dbus-daemon', [`--config-file=${busConfig}`, '--fork']);
  const env = busEnv(socket);
  const log = fs.openSync(path.join(dir, 'firewalld.log'), 'a');
  // A private /run (firewalld makes /run/firewalld) in a mount namespace of its own.
  spawn(
    'ip',
    [
      ...['netns', 'exec', ns, 'unshare', '-m', '--propagation', 'private', 'sh', '-c'],
      'mount -t tmpfs tmpfs /run && exec firewalld --nofork --nopid --system-config "$0" --log-target console',
      dir,
    ],
    { env, stdio: ['ignore', log, log], detached: true },
  ).unref();
  fs.closeSync(log);
  const cmd = (...args: string[]) => {
    const result = spawnSync('firewall-cmd', args, { encoding: 'utf8', timeout: 60000, env });
    if (result.status !== 0) throw new Error(`firewall-cmd ${args.join(' ')} failed (exit ${result.status}): ${result.stderr.trim()}`);
    return result.stdout.trim();
  };
  for (let waited = 0; ; waited += 250) {
    if (spawnSync('firewall-cmd', ['--state'], { env, timeout: 10000 }).status === 0) break;
    if (waited > 60000) {
      throw new Error(`firewalld did not start in ${ns}: ${fs.readFileSync(path.join(dir, 'firewalld.log'), 'utf8').trim()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    cmd,
    sh: (script) => {
      const result = spawnSync('sh', [script], { encoding: 'utf8', timeout: 120000, env });
      return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
    },
  };
}

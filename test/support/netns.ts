/**
 * Network namespaces for tests that need separate hosts (a client, a server behind a firewall,
 * a NAT router) on one machine, after shared/ftp-scenarios lib.sh (read, not used at run time).
 *
 * Safety: every namespace is created here, named vlt-ROLE-PID-N, and joined to the others only
 * by veth pairs whose BOTH ends are inside our namespaces: nothing is ever added to the host's
 * namespace, so no packet can leave the machine, and the addresses used (10.203.x.x in the tests)
 * exist only inside them. `deleteAllNetns()` (call it in afterEach/afterAll) kills the processes
 * inside our namespaces and deletes them, also after a failure; `cleanStaleNetns()` removes
 * namespaces left by an earlier run that was SIGKILLed (its PID is gone).
 *
 * `probeInNetns` runs the probe inside a namespace: a child `node` started with
 * `ip netns exec`, loading the TypeScript sources through TypeScript's transpiler (no build
 * needed), printing the report as JSON.
 */
import { spawn, spawnSync } from 'child_process';
import * as path from 'path';
import type { ProbeOptions, ProbeReport } from '../../src/probe';

const NAME = /^vlt-[a-z]+-(\d+)-\d+$/;
let counter = 0;
const created = new Set<string>();

export interface RunResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command (bounded by `timeoutMs`), returning its output; throws when it fails. */
export function run(
  command: string,
  args: readonly string[],
  options: { input?: string; timeoutMs?: number; check?: boolean } = {},
): RunResult {
  const result = spawnSync(command, args, { input: options.input, encoding: 'utf8', timeout: options.timeoutMs ?? 10000 });
  const out = { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
  if ((options.check ?? true) && (result.error || result.status !== 0)) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`}): ${out.stderr.trim()}`);
  }
  return out;
}

let availability: string | undefined | null = null;

/**
 * Why namespace tests cannot run here (not root, no `ip` or `nft`, namespaces refused by the
 * sandbox), or undefined when they can. Tries once to create and delete a namespace.
 */
export function netnsUnavailable(): string | undefined {
  if (availability !== null) return availability;
  availability = check();
  return availability;
}

function check(): string | undefined {
  if (process.getuid?.() !== 0) return 'network namespaces need root';
  for (const tool of ['ip', 'nft']) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) {
      return `${tool} is missing (apt-get install -y ${tool === 'ip' ? 'iproute2' : 'nftables'})`;
    }
  }
  const name = `vlt-check-${process.pid}-0`;
  const added = spawnSync('ip', ['netns', 'add', name], { encoding: 'utf8', timeout: 5000 });
  if (added.status !== 0) return `cannot create a network namespace: ${(added.stderr || added.error?.message || '').trim()}`;
  const nft = spawnSync('ip', ['netns', 'exec', name, 'nft', 'list', 'ruleset'], { encoding: 'utf8', timeout: 5000 });
  spawnSync('ip', ['netns', 'del', name], { timeout: 5000 });
  if (nft.status !== 0) return `nftables does not work inside a namespace: ${(nft.stderr || '').trim()}`;
  return undefined;
}

/** Deletes namespaces named like ours whose creating process is gone (a SIGKILLed run). */
export function cleanStaleNetns(): void {
  const list = run('ip', ['netns', 'list'], { check: false }).stdout;
  for (const line of list.split('\n')) {
    const name = line.split(' ')[0];
    const m = NAME.exec(name);
    if (!m || Number(m[1]) === process.pid) continue;
    try {
      process.kill(Number(m[1]), 0);
    } catch {
      killInside(name);
      run('ip', ['netns', 'del', name], { check: false });
    }
  }
}

/** A new namespace with `lo` up, registered for `deleteAllNetns`. */
export function createNetns(role: string): string {
  const name = `vlt-${role}-${process.pid}-${++counter}`;
  run('ip', ['netns', 'add', name]);
  created.add(name);
  run('ip', ['-n', name, 'link', 'set', 'lo', 'up']);
  return name;
}

/** Runs a command inside a namespace. */
export function nsRun(ns: string, command: string, args: readonly string[], options: { input?: string; check?: boolean } = {}): RunResult {
  return run('ip', ['netns', 'exec', ns, command, ...args], options);
}

/** Loads an nftables ruleset (nft -f -) inside a namespace. */
export function nft(ns: string, ruleset: string): void {
  nsRun(ns, 'nft', ['-f', '-'], { input: ruleset });
}

/** A veth pair between two of our namespaces, each end with an address (CIDR) and up. */
export function veth(a: { ns: string; dev: string; cidr: string }, b: { ns: string; dev: string; cidr: string }): void {
  run('ip', ['-n', a.ns, 'link', 'add', a.dev, 'type', 'veth', 'peer', 'name', b.dev, 'netns', b.ns]);
  for (const end of [a, b]) {
    run('ip', ['-n', end.ns, 'addr', 'add', end.cidr, 'dev', end.dev]);
    run('ip', ['-n', end.ns, 'link', 'set', end.dev, 'up']);
  }
}

/** Two hosts on one link: the server `srv` at 10.203.0.1/24 (veth-s), the client `cli` at 10.203.0.2/24 (veth-c). */
export function clientServerPair(): { srv: string; cli: string } {
  const srv = createNetns('srv');
  const cli = createNetns('cli');
  veth({ ns: srv, dev: 'veth-s', cidr: '10.203.0.1/24' }, { ns: cli, dev: 'veth-c', cidr: '10.203.0.2/24' });
  return { srv, cli };
}

/**
 * Three hosts with a DNAT router between them, as in ftp-scenarios' 13-netns-dnat-server-pasv-address:
 * cli 10.203.4.2 --- 10.203.4.1 rtr (DNAT :21 and :40000-40009 to srv) 10.203.3.1 --- 10.203.3.2 srv.
 * `routerRules` is loaded on the router with the DNAT table (e.g. a forward filter).
 */
export function dnatTopology(routerRules = ''): { cli: string; rtr: string; srv: string } {
  const cli = createNetns('cli');
  const rtr = createNetns('rtr');
  const srv = createNetns('srv');
  veth({ ns: cli, dev: 'veth-c', cidr: '10.203.4.2/24' }, { ns: rtr, dev: 'veth-ro', cidr: '10.203.4.1/24' });
  veth({ ns: rtr, dev: 'veth-ri', cidr: '10.203.3.1/24' }, { ns: srv, dev: 'veth-s', cidr: '10.203.3.2/24' });
  nsRun(cli, 'ip', ['route', 'add', 'default', 'via', '10.203.4.1']);
  nsRun(srv, 'ip', ['route', 'add', 'default', 'via', '10.203.3.1']);
  nsRun(rtr, 'sysctl', ['-qw', 'net.ipv4.ip_forward=1']);
  nft(
    rtr,
    'table ip rnat {\n chain pre { type nat hook prerouting priority dstnat;\n  iifname "veth-ro" ip daddr 10.203.4.1 tcp dport { 21, 40000-40009 } dnat to 10.203.3.2\n }\n}\n' +
      routerRules,
  );
  return { cli, rtr, srv };
}

function killInside(ns: string): void {
  const pids = run('ip', ['netns', 'pids', ns], { check: false }).stdout.split(/\s+/).filter(Boolean);
  for (const pid of pids) {
    try {
      process.kill(Number(pid), 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** Kills every process inside our namespaces and deletes them. */
export async function deleteAllNetns(): Promise<void> {
  const names = [...created];
  created.clear();
  for (const ns of names) killInside(ns);
  if (names.length) await new Promise((resolve) => setTimeout(resolve, 100));
  for (const ns of names) run('ip', ['netns', 'del', ns], { check: false });
}

/** Loads .ts files through TypeScript's transpiler in the child (no type check, no build). */
const TS_HOOK =
  `const ts=require(${JSON.stringify(require.resolve('typescript'))});const fs=require('fs');` +
  `require.extensions['.ts']=(m,f)=>{m._compile(ts.transpileModule(fs.readFileSync(f,'utf8'),{fileName:f,` +
  `compilerOptions:{module:ts.ModuleKind.CommonJS,target:ts.ScriptTarget.ES2022,esModuleInterop:true}}).outputText,f)};`;

const PROBE_MODULE = path.resolve(__dirname, '../../src/probe');

/**
 * Runs `probe(options)` in a child node inside namespace `ns` and returns its report. The child
 * is killed after `limitMs` (the probe's own timeouts should end it long before).
 */
export function probeInNetns(ns: string, options: ProbeOptions, limitMs = 30000): Promise<ProbeReport> {
  const script =
    `${TS_HOOK}const {probe}=require(${JSON.stringify(PROBE_MODULE)});` +
    'probe(JSON.parse(process.argv[1])).then((r)=>process.stdout.write(JSON.stringify(r)),(e)=>{console.error(e);process.exit(3)});';
  return new Promise<ProbeReport>((resolve, reject) => {
    const child = spawn('ip', ['netns', 'exec', ns, process.execPath, '-e', script, JSON.stringify(options)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code !== 0) {
        reject(new Error(`probe in ${ns} ended with ${signal ?? `exit ${code}`}: ${stderr.trim()}`));
        return;
      }
      try {
        resolve(JSON.parse(stdout) as ProbeReport);
      } catch {
        reject(new Error(`probe in ${ns} printed no report: ${stdout.slice(0, 200)} ${stderr.trim()}`));
      }
    });
  });
}

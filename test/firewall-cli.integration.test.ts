/**
 * `vsftpd-lint firewall FILE --backend ...` end to end: the built CLI (dist/src/cli/main.js;
 * `npm run build` first, `npm test` does) spawned as a user runs it. What each backend's rules
 * say is tested in test/firewall.integration.test.ts; this file tests the wiring: every backend prints rules
 * the real tool accepts where it has a check mode (`nft -c -f`, `iptables-restore --test`, run
 * inside a network namespace of our own so the host's ruleset is never touched), the options
 * reach the library, refusals and unreadable files are one line with exit 2, and the README's
 * "Firewall rules" example is the real output.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cleanStaleNetns, createNetns, deleteAllNetns, netnsUnavailable, nft, nsRun } from './support/netns';

const ROOT = path.resolve(__dirname, '..');
const CLI = path.join(ROOT, 'dist/src/cli/main.js');
const BACKENDS = ['nftables', 'iptables', 'ufw', 'firewalld'] as const;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: readonly string[], options: { input?: string; cwd?: string } = {}): Run {
  const env = { ...process.env };
  for (const name of ['NO_COLOR', 'FORCE_COLOR', 'NODE_DISABLE_COLORS', 'TERM']) delete env[name];
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    env,
    encoding: 'utf8',
    timeout: 20000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A refusal: exit 2, one line on stderr naming the CLI, nothing on stdout. */
function expectRefusal(run: Run, pattern: RegExp): void {
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^vsftpd-lint: [^\n]+\n$/);
  expect(run.stderr).toMatch(pattern);
  expect(run.status).toBe(2);
}

const CONFIG = 'listen=YES\nlisten_port=2121\npasv_min_port=40000\npasv_max_port=40009\nport_enable=YES\nconnect_from_port_20=YES\n';

let tmp: string;
let conf: string;
beforeAll(() => {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first`);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vsftpd-lint-fw-cli-'));
  conf = write('vsftpd.conf', CONFIG);
});
afterEach(async () => {
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

describe('every backend prints the rules', () => {
  it.each(BACKENDS)('%s', (backend) => {
    const run = cli(['firewall', conf, '--backend', backend]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`# vsftpd-lint firewall rules for ${conf} (Debian vsftpd 3.0.3)`);
    const expected = {
      nftables: ['tcp dport 2121 accept', 'tcp dport 40000-40009 accept', 'tcp sport 20 accept'],
      iptables: [
        '*filter',
        '-A INPUT -p tcp --dport 2121 ',
        '-A INPUT -p tcp --dport 40000:40009 ',
        '-A OUTPUT -p tcp --sport 20 ',
        'COMMIT',
      ],
      ufw: ['ufw allow 2121/tcp', 'ufw allow 40000:40009/tcp', 'ufw allow out proto tcp from any port 20'],
      firewalld: [
        "then fw='firewall-cmd --permanent'; else fw=firewall-offline-cmd; fi",
        '$fw --add-port=2121/tcp',
        '$fw --add-port=40000-40009/tcp',
        '$fw --policy=vsftpd-active-out --add-source-port=20/tcp',
        'then firewall-cmd --reload; fi',
      ],
    }[backend];
    for (const text of expected) expect(run.stdout).toContain(text);
  });

  it('reads standard input for "-", naming it <stdin>', () => {
    const run = cli(['firewall', '-', '--backend', 'ufw'], { input: CONFIG });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('# vsftpd-lint firewall rules for <stdin>');
    expect(run.stdout).toContain('ufw allow 40000:40009/tcp');
  });

  it('--table, --input-chain, --output-chain and --zone reach the rules', () => {
    const nft = cli(['firewall', conf, '--backend', 'nftables', '--table', 'ip fw', '--input-chain', 'in', '--output-chain', 'out']);
    expect(nft.status).toBe(0);
    expect(nft.stdout).toMatch(/^add rule ip fw in tcp dport 2121 accept /m);
    expect(nft.stdout).toMatch(/^add rule ip fw out tcp sport 20 accept /m);
    const ipt = cli(['firewall', conf, '--backend', 'iptables', '--input-chain', 'FTP_IN', '--output-chain', 'FTP_OUT']);
    expect(ipt.stdout).toContain('-A FTP_IN -p tcp --dport 2121 ');
    expect(ipt.stdout).toContain('-A FTP_OUT -p tcp --sport 20 ');
    const fwd = cli(['firewall', conf, '--backend', 'firewalld', '--zone', 'public']);
    expect(fwd.stdout).toContain('$fw --zone=public --add-port=40000-40009/tcp');
  });

  it('--target reads the file as another build', () => {
    const run = cli(['firewall', '-', '--backend', 'ufw', '--target', 'fedora'], { input: CONFIG });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^# vsftpd-lint firewall rules for <stdin> \(.*(Fedora|RHEL).*\)$/m);
  });
});

const netnsWhy = netnsUnavailable();
const describeNetns = netnsWhy ? describe.skip : describe;
if (netnsWhy) console.warn(`firewall CLI tool checks skipped: ${netnsWhy}`);

describeNetns('the real tools accept the printed rules (in a namespace of our own)', () => {
  beforeAll(() => cleanStaleNetns());

  it('nft -c -f accepts the nftables output, with default and custom names', () => {
    const ns = createNetns('fwc');
    // the table and chains must exist (Debian's nftables.conf, and a custom table): the rules never create them
    nft(
      ns,
      'table inet filter {\n chain input { type filter hook input priority filter; }\n chain output { type filter hook output priority filter; }\n}\n',
    );
    nft(
      ns,
      'table ip fw {\n chain in { type filter hook input priority filter; }\n chain out { type filter hook output priority filter; }\n}\n',
    );
    for (const extra of [[], ['--table', 'ip fw', '--input-chain', 'in', '--output-chain', 'out']]) {
      const run = cli(['firewall', conf, '--backend', 'nftables', ...extra]);
      expect(run.status).toBe(0);
      const file = write('rules.nft', run.stdout);
      expect(nsRun(ns, 'nft', ['-c', '-f', file], { check: false })).toMatchObject({ status: 0, stderr: '' });
    }
  });

  it('iptables-restore --test accepts the iptables output', () => {
    const ns = createNetns('fwc');
    const file = write('rules.ipt', cli(['firewall', conf, '--backend', 'iptables']).stdout);
    expect(nsRun(ns, 'iptables-restore', ['--test', '--noflush', file], { check: false })).toMatchObject({ status: 0, stderr: '' });
  });
});

describe('refusals: one line, exit 2, no rules', () => {
  it('passive mode without a range names pasv-range-missing (VSF202)', () => {
    const file = write('no-range.conf', 'listen=YES\n');
    const run = cli(['firewall', file, '--backend', 'nftables']);
    expectRefusal(run, /no-range\.conf: passive mode is on .*no pasv_min_port\/pasv_max_port is set.*rule pasv-range-missing, VSF202/);
  });

  it('without a range but with passive mode off, there is nothing to refuse', () => {
    const file = write('pasv-off.conf', 'listen=YES\npasv_enable=NO\n');
    const run = cli(['firewall', file, '--backend', 'nftables']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('passive data:       none (pasv_enable=NO)');
  });

  it('a line vsftpd stops at', () => {
    const file = write('fatal.conf', 'listen = YES\npasv_min_port=40000\npasv_max_port=40009\n');
    expectRefusal(cli(['firewall', file, '--backend', 'ufw']), /fatal\.conf: vsftpd stops at line 1 .*run vsftpd-lint on it first/);
  });

  it.each([
    [['missing.conf', '--backend', 'nftables'], /^vsftpd-lint: missing\.conf: no such file\n$/],
    [['.', '--backend', 'nftables'], /^vsftpd-lint: \.: is a directory\n$/],
    [['--backend', 'nftables'], /firewall needs a config file/],
    [['a.conf', 'b.conf', '--backend', 'nftables'], /firewall takes one config file/],
    [['a.conf'], /firewall needs --backend nftables\|iptables\|ufw\|firewalld/],
    [['a.conf', '--backend', 'pf'], /Invalid values: Argument: backend, Given: "pf"/],
    [['a.conf', '--backend', 'ufw', '--table', 'inet filter'], /--table applies to --backend nftables only/],
    [['a.conf', '--backend', 'ufw', '--input-chain', 'in'], /--input-chain applies to --backend nftables or iptables only/],
    [['a.conf', '--backend', 'nftables', '--zone', 'public'], /--zone applies to --backend firewalld only/],
    [['a.conf', '--backend', 'nftables', '--bogus'], /Unknown argument: bogus/],
  ])('%j', (args, pattern) => {
    expectRefusal(cli(['firewall', ...args]), pattern);
  });

  it('a name the backend cannot take: one line naming the file', () => {
    expectRefusal(cli(['firewall', conf, '--backend', 'nftables', '--table', 'filter']), /vsftpd\.conf: bad nftables table "filter"/);
    expectRefusal(cli(['firewall', conf, '--backend', 'firewalld', '--zone', 'a zone']), /bad firewalld zone name "a zone"/);
  });

  it('--help: usage, examples and the exit statuses (refusals are 2), exit 0', () => {
    const run = cli(['firewall', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('vsftpd-lint firewall FILE --backend nftables|iptables|ufw|firewalld [options]');
    expect(run.stdout).toContain('Examples:');
    expect(run.stdout).toContain('pasv-range-missing, VSF202');
    expect(run.stdout).toMatch(/Exit status:\n +0 +the rules were printed\n +2 +no rules/);
  });
});

describe('README', () => {
  it('the "Firewall rules" example is the real output for the config it shows', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const start = readme.indexOf('\n## Firewall rules\n');
    expect(start).toBeGreaterThan(-1);
    const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
    const config = /```ini\n([\s\S]*?)```/.exec(section)?.[1];
    const example = /```console\n\$ (vsftpd-lint firewall [^\n]+)\n([\s\S]*?)```/.exec(section);
    if (config === undefined || !example) throw new Error('README "Firewall rules" has no ```ini config or ```console example');
    const dir = fs.mkdtempSync(path.join(tmp, 'readme-'));
    fs.writeFileSync(path.join(dir, 'vsftpd.conf'), config);
    const args = example[1].split(' ').slice(1);
    const run = cli(args, { cwd: dir });
    expect(run.status).toBe(0);
    expect(example[2]).toBe(run.stdout);
  });
});

describe('the bundled CLI', () => {
  const bundle = path.join(ROOT, 'dist/vsftpd-lint.js');
  (fs.existsSync(bundle) ? it : it.skip)('prints the same rules and refusals as the modular build', () => {
    const both = (args: string[]) => {
      const run = (entry: string) => spawnSync(process.execPath, [entry, ...args], { cwd: ROOT, encoding: 'utf8' });
      const [a, b] = [run(CLI), run(bundle)];
      expect({ status: b.status, stdout: b.stdout, stderr: b.stderr }).toEqual({ status: a.status, stdout: a.stdout, stderr: a.stderr });
    };
    both(['firewall', conf, '--backend', 'nftables']);
    both(['firewall', write('bundle-no-range.conf', 'listen=YES\n'), '--backend', 'iptables']);
    both(['firewall', '--help']);
  });
});

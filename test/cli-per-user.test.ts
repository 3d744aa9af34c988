/**
 * --per-user, the "perUser" override, the JSON "mode" field and --list-targets, end to end
 * (run in this process with captured streams: test/support/run-cli.ts).
 */
import { cli } from './support/run-cli';

const ALICE = 'fixtures/per-user/users/alice';
const SERVER = 'fixtures/per-user/vsftpd.conf';

interface JsonFile {
  path: string;
  mode: string;
  target: string;
  findings: { name: string; line: number; option: string | null }[];
}
const filesOf = (stdout: string): JsonFile[] => (JSON.parse(stdout) as { files: JsonFile[] }).files;

describe('per-user mode on the command line', () => {
  it('--per-user lints every file as a per-user file, and JSON says so', async () => {
    const run = await cli(['--no-config', '--per-user', '--format', 'json', ALICE]);
    expect(run.stderr).toBe('');
    const [file] = filesOf(run.stdout);
    expect(file.mode).toBe('per-user');
    expect(file.findings.map((f) => [f.name, f.line])).toEqual([['per-user-no-effect', 6]]);
  });

  it('without it (and without a config) the file is a server config', async () => {
    const [file] = filesOf((await cli(['--no-config', '--format', 'json', ALICE])).stdout);
    expect(file.mode).toBe('server');
    expect(file.findings.length).toBeGreaterThanOrEqual(8);
  });

  it('an override with "perUser": true selects the mode by path', async () => {
    const run = await cli(['--format', 'json', ALICE, SERVER]);
    const [alice, server] = filesOf(run.stdout);
    expect([alice.mode, server.mode]).toEqual(['per-user', 'server']);
    expect(alice.findings.map((f) => f.name)).toEqual(['per-user-no-effect']);
    expect(server.findings.map((f) => f.name)).not.toContain('per-user-no-effect');
  });

  it('a --diff with unsafe fixes appends nothing to a per-user file', async () => {
    const run = await cli(['--diff', '--unsafe-fixes', ALICE]);
    expect(run.stdout).toBe('');
    expect((await cli(['--no-config', '--diff', '--unsafe-fixes', ALICE])).stdout).toContain('+pasv_min_port=');
  });
});

describe('--list-targets', () => {
  it('names every build, its aliases and the releases it stands for', async () => {
    const run = await cli(['--list-targets']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('rhel7 (also centos7): RHEL/CentOS 7 vsftpd 3.0.2; RHEL 7, CentOS 7');
    expect(run.stdout).toMatch(/^fedora \(also rhel, rhel8, rhel9, centos\): Fedora\/RHEL 8-9 .*built without tcp_wrappers$/m);
    expect(run.stdout).toMatch(/^debian-3\.0\.3 \(also debian, ubuntu\): Debian vsftpd 3\.0\.3; Debian 10, 11 and 12/m);
  });

  it('--target centos7 accepts the CentOS 7 tcp_wrappers=YES that --target centos refuses', async () => {
    const text = 'listen=YES\ntcp_wrappers=YES\n';
    const accepted = await cli(['--no-config', '--quiet', '--target', 'centos7', '--format', 'json', '-'], { input: text });
    expect(filesOf(accepted.stdout)[0]).toMatchObject({ target: 'rhel7', findings: [] });
    const refused = await cli(['--no-config', '--quiet', '--target', 'centos', '--format', 'json', '-'], { input: text });
    expect(refused.status).toBe(1);
    expect(filesOf(refused.stdout)[0].findings.map((f) => f.name)).toEqual(['tcp-wrappers-unsupported']);
  });
});

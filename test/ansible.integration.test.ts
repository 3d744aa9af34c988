/**
 * The Ansible example (examples/ansible/) with the real ansible-playbook (Debian's ansible-core),
 * against several local hosts: an inventory of host1..hostN, all `ansible_connection: local`, each
 * with its own vsftpd_conf_path in a temporary directory. `vsftpd-lint` on PATH is a shim running
 * this repository's built CLI (run `npm run build` first).
 *
 * One playbook run per scenario, with the commands of the README:
 *
 *  - deploy (`ansible-playbook -i inventory.yml site.yml`): a host whose rendered template has an
 *    error is refused by `validate` and its installed file is left byte for byte and mtime as it
 *    was; the others get the template, and the check step passes on them. A .vsftpd-lint.json
 *    above Ansible's temporary directory that turns the rule off changes nothing (--no-config);
 *  - check (`--tags lint`): the check step fails on the hosts whose deployed config has an error,
 *    naming file, line, rule id and name; passes on a clean one and one with only warnings; fails
 *    with vsftpd-lint's message where the file is missing (exit 2); never reports a change;
 *  - dry run (`--check --diff`): nothing is written; the template task shows its diff (Ansible
 *    runs no `validate` in check mode, so a bad template shows as a change); the check step still
 *    runs, on the deployed files.
 *
 * The default callback prints each result as one line of JSON (ANSIBLE_CALLBACK_RESULT_FORMAT=json,
 * ANSIBLE_CALLBACK_FORMAT_PRETTY=false), which the test parses per task and host.
 *
 * Fails in CI when ansible-playbook is missing; elsewhere skips with a warning.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CLEAN_CONFIG, builtCli, cleanEnv, cliShimDir, requireProgram, ROOT, runProgram } from './support/integration';

const AVAILABLE = requireProgram('ansible-playbook', 'ansible-core', __filename);
const PLAYBOOK = path.join(ROOT, 'examples/ansible/site.yml');

/** A config vsftpd-lint finds nothing in (not what the template renders). */
const CLEAN = CLEAN_CONFIG;
/** An error: a trailing blank after YES (line 5, VSF102 bad-bool-value). */
const BROKEN = CLEAN.replace('write_enable=YES\n', 'write_enable=YES \n');
/** Only a warning: a umask without its leading 0 (VSF109 octal-integer). */
const WARNINGS = CLEAN.replace('local_umask=022\n', 'local_umask=22\n');
/** Host variables whose rendering has an error: a misspelt option (VSF101 unknown-option). */
const BAD_TEMPLATE_VARS = { vsftpd_options: { pasv_enabled: true } };

/** A time long past, to see that a file was not rewritten. */
const OLD_TIME = new Date('2020-01-02T03:04:05Z');

interface HostSpec {
  /** Relative to the scenario directory. */
  readonly conf: string;
  /** The file's content before the run (undefined: no file). */
  readonly existing?: string;
  readonly vars?: Record<string, unknown>;
}

interface HostResult {
  readonly status: 'ok' | 'changed' | 'fatal' | 'skipping';
  readonly result: Record<string, unknown> | undefined;
  /** What the callback printed for this host before its status line (diffs). */
  readonly before: string;
}

interface PlaybookRun {
  readonly status: number | null;
  readonly output: string;
  /** Task name (without the "role : " prefix) -> host -> result. */
  readonly tasks: Map<string, Map<string, HostResult>>;
  /** Host -> counters of the PLAY RECAP. */
  readonly recap: Map<string, Record<string, number>>;
}

let tmp: string;
let shimDir: string;
let scenarioCount = 0;

function parsePlaybookOutput(output: string): Pick<PlaybookRun, 'tasks' | 'recap'> {
  const tasks = new Map<string, Map<string, HostResult>>();
  const recap = new Map<string, Record<string, number>>();
  let current: Map<string, HostResult> | undefined;
  let pending: string[] = [];
  let inRecap = false;
  for (const line of output.split('\n')) {
    const header = /^(TASK|RUNNING HANDLER) \[(?:[^\]:]+ : )?(.*)\] \**$/.exec(line);
    if (header) {
      current = new Map();
      tasks.set(header[2], current);
      pending = [];
      continue;
    }
    if (/^PLAY RECAP \**$/.test(line)) {
      inRecap = true;
      current = undefined;
      continue;
    }
    if (inRecap) {
      const m = /^(\S+)\s+: (.*)$/.exec(line);
      if (m) recap.set(m[1], Object.fromEntries([...m[2].matchAll(/(\w+)=(\d+)/g)].map((c) => [c[1], Number(c[2])])));
      continue;
    }
    const hostLine = /^(ok|changed|fatal|skipping): \[([^\]]+)\](?:: FAILED!)?(?: => (\{.*\}))?$/.exec(line);
    if (hostLine && current) {
      current.set(hostLine[2], {
        status: hostLine[1] as HostResult['status'],
        result: hostLine[3] ? (JSON.parse(hostLine[3]) as Record<string, unknown>) : undefined,
        before: pending.join('\n'),
      });
      pending = [];
    } else {
      pending.push(line);
    }
  }
  return { tasks, recap };
}

/** A scenario directory with its inventory and the hosts' files; returns the absolute paths. */
function scenario(hosts: Record<string, HostSpec>): { dir: string; conf: Record<string, string> } {
  const dir = path.join(tmp, `scenario-${scenarioCount++}`);
  const conf: Record<string, string> = {};
  const inventoryHosts: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(hosts)) {
    conf[name] = path.join(dir, spec.conf);
    fs.mkdirSync(path.dirname(conf[name]), { recursive: true });
    if (spec.existing !== undefined) {
      fs.writeFileSync(conf[name], spec.existing, { mode: 0o644 });
      fs.utimesSync(conf[name], OLD_TIME, OLD_TIME);
    }
    inventoryHosts[name] = { vsftpd_conf_path: conf[name], ...spec.vars };
  }
  const inventory = {
    vsftpd: {
      vars: {
        ansible_connection: 'local',
        ansible_python_interpreter: '{{ ansible_playbook_python }}',
        vsftpd_service: '', // no service to restart here
      },
      hosts: inventoryHosts,
    },
  };
  fs.writeFileSync(path.join(dir, 'inventory.yml'), JSON.stringify(inventory, null, 2)); // JSON is YAML
  // A config file above Ansible's temporary directory that would let every broken template
  // through if validate looked for one (the role passes --no-config).
  fs.mkdirSync(path.join(dir, 'remote'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'remote/.vsftpd-lint.json'),
    JSON.stringify({ rules: { 'unknown-option': 'off', 'bad-bool-value': 'off' } }),
  );
  return { dir, conf };
}

function playbook(dir: string, args: string[]): PlaybookRun {
  const run = runProgram('ansible-playbook', ['-i', 'inventory.yml', PLAYBOOK, ...args], {
    cwd: dir,
    timeoutMs: 120_000,
    env: cleanEnv({
      PATH: `${shimDir}${path.delimiter}${process.env.PATH ?? ''}`,
      ANSIBLE_NOCOLOR: '1',
      ANSIBLE_CALLBACK_RESULT_FORMAT: 'json',
      ANSIBLE_CALLBACK_FORMAT_PRETTY: 'false',
      ANSIBLE_HOME: path.join(dir, 'ansible-home'),
      ANSIBLE_LOCAL_TEMP: path.join(dir, 'ansible-local'),
      ANSIBLE_REMOTE_TEMP: path.join(dir, 'remote/tmp'),
      ANSIBLE_RETRY_FILES_ENABLED: 'false',
      ANSIBLE_DEPRECATION_WARNINGS: 'false',
    }),
  });
  console.log(`ansible-playbook ${args.join(' ') || '(deploy)'}: exit ${run.status} in ${run.seconds.toFixed(1)} s`);
  return { status: run.status, output: run.output, ...parsePlaybookOutput(run.stdout) };
}

/** The result of `task` on `host`, failing with the playbook's output when there is none. */
function result(run: PlaybookRun, task: string, host: string): HostResult {
  const found = run.tasks.get(task)?.get(host);
  if (!found) throw new Error(`no result of task "${task}" for ${host} in:\n${run.output}`);
  return found;
}

const INSTALL = 'Install vsftpd.conf (validated by vsftpd-lint)';
const LINT = 'Lint the deployed vsftpd.conf';
const SHOW = 'Show the findings';
const ASSERT = 'Fail on errors';
const COPY_BUNDLE = 'Link the vsftpd-lint command';

function unchanged(file: string, content: string): void {
  expect([file, fs.readFileSync(file, 'utf8')]).toEqual([file, content]);
  expect([file, fs.statSync(file).mtimeMs]).toEqual([file, OLD_TIME.getTime()]);
}

(AVAILABLE ? describe : describe.skip)('Ansible example (real ansible-playbook)', () => {
  beforeAll(() => {
    const help = runProgram(process.execPath, [builtCli(), '--help'], { cwd: ROOT });
    // The role lints with --no-config (see roles/vsftpd/defaults/main.yml).
    if (!help.stdout.includes('--no-config')) throw new Error('vsftpd-lint --help lists no --no-config, which the example uses');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vsftpd-lint-ansible-'));
    shimDir = cliShimDir(tmp);
  });

  afterAll(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('installs good templates and refuses a bad one, leaving the installed file untouched', () => {
    const { dir, conf } = scenario({
      host1: { conf: 'host1/vsftpd.conf', vars: { vsftpd_pasv_address: '198.51.100.7' } },
      host2: { conf: 'host2/vsftpd.conf', existing: CLEAN, vars: BAD_TEMPLATE_VARS },
      host3: {
        conf: 'host3/vsftpd/vsftpd.conf',
        existing: BROKEN,
        vars: { vsftpd_lint_target: 'fedora', vsftpd_options: { max_clients: 50, hide_ids: true } },
      },
    });

    const run = playbook(dir, []);

    expect(run.status).toBe(2); // a host failed
    expect(result(run, INSTALL, 'host1').status).toBe('changed');
    expect(result(run, INSTALL, 'host3').status).toBe('changed');
    const refused = result(run, INSTALL, 'host2');
    expect(refused.status).toBe('fatal');
    expect(refused.result).toMatchObject({ msg: 'failed to validate', exit_status: 1 });
    expect(refused.result?.stdout).toMatch(/:\d+:1 +error .*'pasv_enabled' is not an option.* VSF101 unknown-option/);

    // The refused host keeps its file (content and mtime), and no temporary file is left there.
    unchanged(conf.host2, CLEAN);
    expect(fs.readdirSync(path.dirname(conf.host2))).toEqual(['vsftpd.conf']);

    const installed1 = fs.readFileSync(conf.host1, 'utf8');
    expect(installed1).toMatch(/^# Ansible managed\n/);
    expect(installed1).toContain('\npasv_address=198.51.100.7\n');
    expect(fs.statSync(conf.host1).mode & 0o777).toBe(0o644);
    const installed3 = fs.readFileSync(conf.host3, 'utf8');
    expect(installed3).toContain('\nhide_ids=YES\nmax_clients=50\n');
    // What was installed lints clean with the CLI itself.
    const lint = runProgram(process.execPath, [builtCli(), '--no-config', conf.host1], { cwd: dir });
    expect([lint.status, lint.stdout.trim()]).toEqual([0, 'no problems']);

    // The check step ran on the installed hosts and passed; the refused host left the play.
    expect(result(run, SHOW, 'host1').result).toEqual({ msg: [`${conf.host1}: no findings`] });
    expect(result(run, ASSERT, 'host1').status).toBe('ok');
    expect(result(run, ASSERT, 'host3').status).toBe('ok');
    expect(run.tasks.get(LINT)?.has('host2')).toBe(false);
    expect(run.recap.get('host1')).toMatchObject({ failed: 0, changed: 1 });
    expect(run.recap.get('host2')).toMatchObject({ failed: 1, changed: 0 });
    expect(run.recap.get('host3')).toMatchObject({ failed: 0, changed: 1 });
  }, 120_000);

  it('the check step fails on the hosts with errors, naming the rule, and passes on the others', () => {
    const { dir, conf } = scenario({
      host1: { conf: 'host1/vsftpd.conf', existing: CLEAN },
      host2: { conf: 'host2/vsftpd.conf', existing: BROKEN },
      host3: { conf: 'host3/vsftpd.conf', existing: WARNINGS },
      host4: { conf: 'host4/vsftpd.conf' }, // missing
    });

    const run = playbook(dir, ['--tags', 'lint']);

    expect(run.status).toBe(2);
    expect(run.tasks.has(INSTALL)).toBe(false);
    for (const host of ['host1', 'host2', 'host3']) expect([host, result(run, LINT, host).status]).toEqual([host, 'ok']);

    expect(result(run, ASSERT, 'host1').status).toBe('ok');
    const failed = result(run, ASSERT, 'host2');
    expect(failed.status).toBe('fatal');
    expect(failed.result?.msg).toEqual([
      expect.stringMatching(new RegExp(`^${conf.host2}:5:14 error VSF102 bad-bool-value: 'YES ' is not a boolean`)),
    ]);
    // Warnings are reported and do not fail the host.
    expect(result(run, SHOW, 'host3').result?.msg).toEqual([
      expect.stringMatching(new RegExp(`^${conf.host3}:6:13 warning VSF109 octal-integer: `)),
    ]);
    expect(result(run, ASSERT, 'host3').status).toBe('ok');
    // A file vsftpd-lint cannot read: exit 2, and the lint task itself fails with the reason.
    const missing = result(run, LINT, 'host4');
    expect(missing.status).toBe('fatal');
    expect(missing.result).toMatchObject({ rc: 2 });
    expect(JSON.stringify(missing.result)).toContain('no such file');

    for (const host of ['host1', 'host2', 'host3']) {
      expect([host, run.recap.get(host)?.changed]).toEqual([host, 0]);
    }
    expect(run.recap.get('host2')).toMatchObject({ failed: 1 });
    expect(run.recap.get('host4')).toMatchObject({ failed: 1 });
    expect(run.recap.get('host1')).toMatchObject({ failed: 0 });
    expect(run.recap.get('host3')).toMatchObject({ failed: 0 });
    unchanged(conf.host1, CLEAN);
    unchanged(conf.host2, BROKEN);
    unchanged(conf.host3, WARNINGS);
  }, 120_000);

  it('copies the bundle to the hosts that have no vsftpd-lint, then uses it; once', () => {
    const { dir, conf } = scenario({
      // An absolute path that does not exist: installed there.
      host1: {
        conf: 'host1/vsftpd.conf',
        vars: {
          vsftpd_lint: '{{ vsftpd_conf_path | dirname }}/bin/vsftpd-lint',
          vsftpd_lint_lib_dir: '{{ vsftpd_conf_path | dirname }}/lib',
        },
      },
      // A name that is not on PATH: installed into vsftpd_lint_install_dir.
      host2: {
        conf: 'host2/vsftpd.conf',
        vars: {
          vsftpd_lint: 'vsftpd-lint-not-on-path',
          vsftpd_lint_install_dir: '{{ vsftpd_conf_path | dirname }}/sbin',
          vsftpd_lint_lib_dir: '{{ vsftpd_conf_path | dirname }}/lib',
        },
      },
      // On PATH (the shim): nothing is copied.
      host3: { conf: 'host3/vsftpd.conf' },
    });
    const installedAt = {
      host1: path.join(path.dirname(conf.host1), 'bin/vsftpd-lint'),
      host2: path.join(path.dirname(conf.host2), 'sbin/vsftpd-lint-not-on-path'),
    };
    const dist = (name: string) => fs.readFileSync(path.join(ROOT, 'dist', name));

    const first = playbook(dir, []);
    if (first.status !== 0) throw new Error(`ansible-playbook failed:\n${first.output}`);
    for (const [host, file] of Object.entries(installedAt)) {
      expect([host, result(first, COPY_BUNDLE, host).status]).toEqual([host, 'changed']);
      // The command links to the one self-contained file, copied as built (nothing beside it).
      const lib = path.join(path.dirname(conf[host]), 'lib');
      expect(fs.realpathSync(file)).toBe(path.join(lib, 'vsftpd-lint.js'));
      expect(fs.readFileSync(path.join(lib, 'vsftpd-lint.js')).equals(dist('vsftpd-lint.js'))).toBe(true);
      expect(fs.readdirSync(lib)).toEqual(['vsftpd-lint.js']);
      expect(fs.statSync(file).mode & 0o777).toBe(0o755);
      // The installed copy validated the template and ran the check step (host2's command is not
      // on PATH, so only the installed path can have run).
      expect([host, result(first, INSTALL, host).status]).toEqual([host, 'changed']);
      expect([host, result(first, LINT, host).status]).toEqual([host, 'ok']);
      expect(result(first, ASSERT, host).status).toBe('ok');
    }
    expect(result(first, COPY_BUNDLE, 'host3').status).toBe('skipping');
    expect(fs.readdirSync(path.dirname(conf.host3))).toEqual(['vsftpd.conf']);

    // Installed once: a second run finds it and copies nothing.
    const second = playbook(dir, ['--tags', 'lint']);
    expect(second.status).toBe(0);
    for (const host of ['host1', 'host2']) expect([host, result(second, COPY_BUNDLE, host).status]).toEqual([host, 'skipping']);
    for (const host of ['host1', 'host2']) expect([host, result(second, ASSERT, host).status]).toEqual([host, 'ok']);
  }, 180_000);

  it('--check --diff shows the changes, writes nothing, and still lints the deployed files', () => {
    const { dir, conf } = scenario({
      host1: { conf: 'host1/vsftpd.conf', existing: CLEAN },
      host2: { conf: 'host2/vsftpd.conf', existing: BROKEN },
      host3: { conf: 'host3/vsftpd.conf', existing: CLEAN, vars: BAD_TEMPLATE_VARS },
    });

    const run = playbook(dir, ['--check', '--diff']);

    expect(run.status).toBe(2);
    for (const host of ['host1', 'host2', 'host3']) {
      const install = result(run, INSTALL, host);
      expect([host, install.status]).toEqual([host, 'changed']);
      expect(install.before).toContain(`--- before: ${conf[host]}`);
      expect(install.before).toContain('+# Ansible managed');
      expect(install.before).toContain(`-${CLEAN.split('\n')[0]}`);
    }
    // Ansible runs no validate in check mode: the bad template shows as a change like the others.
    expect(result(run, INSTALL, 'host3').before).toContain('+pasv_enabled=YES');

    // The check step runs in check mode (check_mode: false), on what is deployed.
    for (const host of ['host1', 'host2', 'host3']) expect([host, result(run, LINT, host).status]).toEqual([host, 'ok']);
    expect(result(run, ASSERT, 'host1').status).toBe('ok');
    expect(result(run, ASSERT, 'host3').status).toBe('ok');
    const failed = result(run, ASSERT, 'host2');
    expect(failed.status).toBe('fatal');
    expect(String((failed.result?.msg as string[])[0])).toContain('VSF102 bad-bool-value');

    unchanged(conf.host1, CLEAN);
    unchanged(conf.host2, BROKEN);
    unchanged(conf.host3, CLEAN);
  }, 120_000);
});

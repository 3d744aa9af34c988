import { at, fixWith, Rule, setValue } from '../src/engine/rule';

/** The namespace switches, each with what turning it off gives a session. */
const SWITCHES: readonly (readonly [option: string, lost: string])[] = [
  ['isolate', "sessions share the host's PID and IPC namespaces, so a compromised session sees the host's processes and IPC objects"],
  ['isolate_network', "session processes share the host's network namespace, so a compromised session can open connections of its own"],
];

const isolationDisabled: Rule = {
  id: 'VSF419',
  name: 'isolation-disabled',
  category: 'security',
  severity: 'info',
  fixable: 'unsafe',
  summary: 'isolate=NO or isolate_network=NO takes sessions out of their own namespaces.',
  sources: ['vsftpd.conf(5) (Fedora/RHEL): isolate, isolate_network', 'vsftpd-reference 2.1, 4.5'],
  docs: {
    what:
      'isolate=NO or isolate_network=NO (both YES by default in every build; undocumented in ' +
      'the 3.0.2 and Debian man pages). isolate_network=NO is not reported with ' +
      'port_promiscuous=YES, which turns it off per session anyway.',
    why:
      'With isolate, vsftpd forks each session into new PID and IPC namespaces; with ' +
      'isolate_network, the unprivileged session process gets an empty network namespace, ' +
      'so even a compromised session cannot reach the network (the privileged helper opens ' +
      'data connections). isolate_network=NO is sometimes used as a workaround for slow logins ' +
      'on kernels where setting up and tearing down a network namespace per session is slow.',
    prevents: 'sessions that can reach the network or other processes directly',
    example: { bad: 'isolate_network=NO', good: 'isolate_network=YES' },
    fix:
      'Unsafe (logins may become slower where namespace creation is slow): the value is set ' +
      'to YES. Where the kernel refuses the namespaces vsftpd falls back silently.',
  },
  check({ document, config, report }) {
    for (const [name, lost] of SWITCHES) {
      const option = config.get(name);
      if (option?.value !== false) continue;
      if (name === 'isolate_network' && config.isOn('port_promiscuous')) continue;
      report({
        ...at(option),
        message: `${config.describe(option)}: ${lost}; set ${name}=YES unless logins are too slow with it`,
        fix: fixWith('unsafe', setValue(document, option, 'YES')),
      });
    }
  },
};

export default isolationDisabled;

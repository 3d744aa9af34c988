import { at, Rule } from '../src/engine/rule';

/** The switches that give up vsftpd's privilege separation, with what each costs. */
const SWITCHES: readonly (readonly [option: string, cost: string])[] = [
  [
    'run_as_launching_user',
    'vsftpd runs as whoever started it and cannot chroot() anyone (the man page\'s "MASSIVE ' +
      'WARNING"); start vsftpd as root and set run_as_launching_user=NO',
  ],
  [
    'one_process_model',
    'each session runs in one process with no privileged helper, "a less pure security model" ' +
      '(vsftpd.conf(5)); set one_process_model=NO unless you serve huge numbers of anonymous sessions',
  ],
];

const weakPrivilegeSeparation: Rule = {
  id: 'VSF415',
  name: 'weak-privilege-separation',
  category: 'security',
  severity: 'warning',
  fixable: 'none',
  summary: 'run_as_launching_user or one_process_model gives up privilege separation.',
  sources: ['vsftpd.conf(5): run_as_launching_user, one_process_model'],
  docs: {
    what:
      'run_as_launching_user=YES, or one_process_model=YES on an anonymous-only server (with ' +
      'local_enable=YES vsftpd refuses every session, which one-process-local reports).',
    why:
      'vsftpd normally splits each session into an unprivileged process that talks to the ' +
      'client and a small privileged helper, and chroots anonymous (and optionally local) ' +
      'users. run_as_launching_user=YES runs everything as the launching user and disables ' +
      'chroot altogether (the man page: "naive use of this option can create massive security ' +
      'problems"); it also forces one_process_model. one_process_model=YES drops the helper ' +
      'process and only works for anonymous-only servers.',
    prevents: "sessions with more privilege, or less confinement, than vsftpd's design gives them",
    example: { bad: 'anonymous_enable=YES\none_process_model=YES', good: 'anonymous_enable=YES\none_process_model=NO' },
    fix:
      'No automatic fix: run_as_launching_user=NO requires starting vsftpd as root ("500 ' +
      'OOPS: vsftpd: must be started as root (see run_as_launching_user option)" otherwise), ' +
      'and http_enable=YES requires one_process_model=YES.',
  },
  check({ config, report }) {
    for (const [name, cost] of SWITCHES) {
      const option = config.get(name);
      if (option?.value !== true) continue;
      // With local logins one_process_model is fatal, which one-process-local reports.
      if (name === 'one_process_model' && config.isOn('local_enable')) continue;
      report({ ...at(option), message: `${config.describe(option)}: ${cost}` });
    }
  },
};

export default weakPrivilegeSeparation;

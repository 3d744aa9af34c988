import { fixWith, lineOf, Rule, settingSpan, setValue } from '../src/engine/rule';
import { oops } from '../src/engine/text';
import type { BuildId } from '../src/schema/options';

/** Builds compiled without libwrap (builddefs.h without VSF_BUILD_TCPWRAPPERS). */
const WITHOUT_LIBWRAP: readonly BuildId[] = ['fedora'];

const tcpWrappersUnsupported: Rule = {
  id: 'VSF313',
  name: 'tcp-wrappers-unsupported',
  category: 'startup',
  severity: 'error',
  fixable: 'unsafe',
  summary: 'tcp_wrappers=YES on Fedora/RHEL, built without libwrap: every connection is refused.',
  sources: ['vsftpd.conf(5): tcp_wrappers', 'tcpwrap.c, builddefs.h (Fedora/RHEL tree)'],
  docs: {
    what: 'tcp_wrappers=YES for a build compiled without TCP wrappers support (Fedora, RHEL 8+ and their rebuilds).',
    why:
      'Fedora dropped libwrap, and its vsftpd is built without it. vsftpd checks the option for ' +
      'each new connection and ends it with the OOPS (on Fedora written to fd 1). Debian\'s build ' +
      'has libwrap, so the same file works there.',
    prevents: '500 OOPS: tcp_wrappers is set to YES but no tcp wrapper support compiled in',
    example: { bad: 'tcp_wrappers=YES', good: 'tcp_wrappers=NO', target: 'fedora' },
    fix:
      'Unsafe: tcp_wrappers is set to NO, so /etc/hosts.allow and /etc/hosts.deny no longer ' +
      'filter clients; restrict access with the firewall or pam_access instead.',
  },
  check({ document, target, config, report }) {
    if (!WITHOUT_LIBWRAP.includes(target.id)) return;
    const wrappers = config.flag('tcp_wrappers');
    if (!wrappers?.value) return;
    const line = lineOf(wrappers);
    report({
      line,
      ...(line ? settingSpan(line) : {}),
      option: 'tcp_wrappers',
      message:
        `${config.describe(wrappers)}, but ${target.label} is built without libwrap: every connection gets ` +
        `${oops('tcp_wrappers is set to YES but no tcp wrapper support compiled in')}; write tcp_wrappers=NO ` +
        'and filter clients with the firewall',
      fix: fixWith('unsafe', setValue(document, wrappers, 'NO')),
    });
  },
};

export default tcpWrappersUnsupported;

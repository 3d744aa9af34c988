import { lineOf, Rule, settingSpan } from '../src/engine/rule';
import { oops } from '../src/engine/text';

const tcpWrappersUnsupported: Rule = {
  id: 'VSF313',
  name: 'tcp-wrappers-unsupported',
  category: 'startup',
  severity: 'error',
  fixable: 'none',
  summary: 'tcp_wrappers=YES for a build without libwrap (Fedora, RHEL 8+): every connection is refused.',
  sources: ['vsftpd.conf(5): tcp_wrappers', 'tcpwrap.c, builddefs.h (Fedora/RHEL tree)'],
  docs: {
    what:
      'tcp_wrappers=YES for a build compiled without TCP wrappers support (Fedora, RHEL 8 and 9 ' +
      'and their rebuilds). RHEL/CentOS 7 (--target rhel7) and Debian have libwrap.',
    why:
      'Fedora dropped libwrap, and its vsftpd is built without it. vsftpd reads the file without ' +
      'complaint, then ends each new connection with the OOPS (on Fedora written to fd 1), so ' +
      'nobody can connect. A file written for CentOS 7, where the option worked, fails this way ' +
      'after a move to RHEL 8 or later.',
    prevents: '500 OOPS: tcp_wrappers is set to YES but no tcp wrapper support compiled in',
    example: { bad: 'tcp_wrappers=YES', good: 'tcp_wrappers=NO', target: 'fedora' },
    fix:
      'None: setting tcp_wrappers=NO would let in every client that /etc/hosts.allow and ' +
      '/etc/hosts.deny keep out today. Move those rules to the firewall or pam_access first, ' +
      'then set tcp_wrappers=NO. If the file is for RHEL/CentOS 7, lint it with --target rhel7.',
  },
  check({ target, config, report }) {
    if (target.libwrap) return;
    const wrappers = config.flag('tcp_wrappers');
    if (!wrappers?.value) return;
    const line = lineOf(wrappers);
    report({
      line,
      ...(line ? settingSpan(line) : {}),
      option: 'tcp_wrappers',
      message:
        `${config.describe(wrappers)}, but ${target.label} is built without libwrap: every connection gets ` +
        `${oops('tcp_wrappers is set to YES but no tcp wrapper support compiled in')}. Move the ` +
        'hosts.allow/hosts.deny rules to the firewall or pam_access, then write tcp_wrappers=NO ' +
        '(no fix: turning it off alone would let those clients in); for RHEL/CentOS 7 use --target rhel7',
    });
  },
};

export default tcpWrappersUnsupported;

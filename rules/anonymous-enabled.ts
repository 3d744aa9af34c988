import { at, fixWith, Rule, setValue } from '../src/engine/rule';

const anonymousEnabled: Rule = {
  id: 'VSF401',
  name: 'anonymous-enabled',
  category: 'security',
  severity: 'info',
  fixable: 'unsafe',
  summary: 'Anonymous FTP is on, often only because anonymous_enable defaults to YES.',
  sources: ['vsftpd.conf(5): anonymous_enable', 'vsftpd-reference 2.4 (compiled default YES in every build)'],
  docs: {
    what:
      'anonymous_enable is effectively YES: either a line sets it, or no line does and the ' +
      "build's compiled default applies, which is YES in every vsftpd build (Debian's man page " +
      'says NO; only the shipped /etc/vsftpd.conf sets NO).',
    why:
      'Anyone can log in as "ftp" or "anonymous" with any password and read the anonymous root ' +
      "(the ftp user's home or anon_root). A config file written from scratch, or one that lost " +
      'its anonymous_enable=NO line, serves anonymous FTP without saying so.',
    prevents: 'an unintended public "230 Login successful." for USER anonymous',
    example: { bad: 'listen=YES\nlocal_enable=YES', good: 'listen=YES\nlocal_enable=YES\nanonymous_enable=NO' },
    fix:
      'Unsafe (anonymous logins stop working): the value is set to NO, or anonymous_enable=NO is ' +
      'appended when the compiled default is in force. No fix is offered when local_enable is NO: ' +
      'vsftpd would then refuse every session with "500 OOPS: vsftpd: both local and anonymous ' +
      'access disabled!".',
  },
  check({ document, config, report }) {
    const anonymous = config.get('anonymous_enable');
    if (anonymous?.value !== true) return;
    const anonymousOnly = config.isOff('local_enable');
    const fix = anonymousOnly ? undefined : fixWith('unsafe', setValue(document, anonymous, 'NO'));
    const consequence = 'anyone can log in as "ftp" or "anonymous" and download from the anonymous root';
    const advice = anonymousOnly
      ? 'this is an anonymous-only server (local_enable=NO); make sure that is intended'
      : 'write anonymous_enable=NO unless you mean to serve anonymous FTP';
    const message = anonymous.source
      ? `${config.describe(anonymous)}: ${consequence}; ${advice}`
      : `anonymous_enable is not set, and ${config.describeSource(anonymous)} is YES (as in every ` +
        `build, whatever the man page says): ${consequence}; ${advice}`;
    report({ ...at(anonymous), message, fix });
  },
};

export default anonymousEnabled;

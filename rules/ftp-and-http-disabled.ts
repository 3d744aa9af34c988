import { fixWith, lineOf, Rule, settingSpan, setValue } from '../src/engine/rule';
import { oops } from '../src/engine/text';

const ftpAndHttpDisabled: Rule = {
  id: 'VSF308',
  name: 'ftp-and-http-disabled',
  category: 'startup',
  severity: 'error',
  fixable: 'unsafe',
  summary: 'ftp_enable=NO with http_enable=NO: vsftpd refuses every connection.',
  sources: ['main.c do_sanity_checks (ftp_enable and http_enable are undocumented)'],
  docs: {
    what: 'The undocumented ftp_enable switched off while http_enable is off too.',
    why: 'With neither protocol on, vsftpd has nothing to serve and sends the OOPS to every client instead of the greeting.',
    prevents: '500 OOPS: vsftpd: both FTP and HTTP disabled!',
    example: { bad: 'ftp_enable=NO', good: '# (no ftp_enable line: FTP is on by default)' },
    fix: 'Unsafe (the server starts serving FTP): ftp_enable is set to YES, its compiled default.',
  },
  check({ document, config, report }) {
    const ftp = config.flag('ftp_enable');
    const http = config.flag('http_enable');
    if (!ftp || !http || ftp.value || http.value) return;
    const line = lineOf(ftp) ?? lineOf(http);
    report({
      line,
      ...(line ? settingSpan(line) : {}),
      option: 'ftp_enable',
      message:
        `${config.describePair(ftp, http)}: every connection gets ` +
        `${oops('vsftpd: both FTP and HTTP disabled!')}; write ftp_enable=YES`,
      fix: fixWith('unsafe', setValue(document, ftp, 'YES')),
    });
  },
};

export default ftpAndHttpDisabled;

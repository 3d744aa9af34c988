import { appendLines, fixWith, Rule } from '../src/engine/rule';
import type { Target } from '../src/schema/targets';

/** The banner text to add: a warning, with nothing about the software. */
const WARNING_BANNER = 'Authorized users only. All activity may be monitored and reported.';

/** The version vsftpd puts in its default greeting (vsftpver.h), where one build has one. */
function versionOf(target: Target): string | undefined {
  const version: Partial<Record<Target['id'], string>> = {
    'upstream-3.0.2': '3.0.2',
    'upstream-3.0.3': '3.0.3',
    'debian-3.0.3': '3.0.3',
    opensuse: '3.0.3',
    'upstream-3.0.5': '3.0.5',
  };
  return version[target.id];
}

const noBanner: Rule = {
  id: 'VSF411',
  name: 'no-banner',
  category: 'security',
  severity: 'info',
  fixable: 'unsafe',
  summary: 'No ftpd_banner or banner_file: the greeting names vsftpd and its version.',
  sources: ['vsftpd.conf(5): ftpd_banner, banner_file', 'SSG: ftp_present_banner'],
  docs: {
    what: 'Neither ftpd_banner nor banner_file is set (both are unset by default in every build).',
    why:
      'vsftpd then greets every client, before login, with "220 (vsFTPd 3.0.3)", telling ' +
      'scanners which software and version to try. The SCAP Security Guide ' +
      '(ftp_present_banner) asks for a warning banner instead, e.g. banner_file=/etc/issue; its ' +
      'check looks for that literal line, while vsftpd-lint accepts any effective ftpd_banner or ' +
      'banner_file, as vsftpd does.',
    prevents: '220 (vsFTPd 3.0.3)',
    example: { bad: 'listen=YES', good: `listen=YES\nftpd_banner=${WARNING_BANNER}` },
    fix:
      `Unsafe (the greeting changes): ftpd_banner=${WARNING_BANNER} is appended. A banner_file ` +
      'must be readable, or every session ends with "500 OOPS: cannot read banner file:PATH", ' +
      'so the fix uses ftpd_banner.',
  },
  check({ document, target, config, report }) {
    const banner = config.get('ftpd_banner');
    const bannerFile = config.get('banner_file');
    if (!banner || banner.value !== null || bannerFile?.value !== null) return;
    const version = versionOf(target);
    const greeting = `220 (vsFTPd ${version ?? '<version>'})`;
    report({
      option: 'ftpd_banner',
      message:
        `neither ftpd_banner nor banner_file is set, so every client is greeted with "${greeting}", ` +
        'which names the server software and version; set ftpd_banner to a warning banner (SSG ftp_present_banner)',
      fix: fixWith('unsafe', appendLines(document, [`ftpd_banner=${WARNING_BANNER}`])),
    });
  },
};

export default noBanner;

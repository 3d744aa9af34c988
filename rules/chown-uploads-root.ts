import { at, lineOf, Rule } from '../src/engine/rule';

const chownUploadsRoot: Rule = {
  id: 'VSF416',
  name: 'chown-uploads-root',
  category: 'security',
  severity: 'warning',
  fixable: 'none',
  summary: 'chown_uploads gives anonymous uploads to root (chown_username defaults to root).',
  sources: ['vsftpd.conf(5): chown_uploads, chown_username'],
  docs: {
    what: 'chown_uploads=YES while the effective chown_username is root, its compiled default.',
    why:
      'vsftpd then makes root the owner of every anonymously uploaded file (mode ' +
      "chown_upload_mode). Files from strangers that look like root's own are trusted by " +
      'scripts and people that should not trust them; a dedicated unprivileged account keeps ' +
      "uploads out of other users' reach without that.",
    prevents: 'anonymous uploads owned by root',
    example: {
      bad: 'anon_upload_enable=YES\nchown_uploads=YES',
      good: 'anon_upload_enable=YES\nchown_uploads=YES\nchown_username=ftpupload',
    },
    fix:
      'No automatic fix: the account must exist, or every session ends with "500 OOPS: ' +
      "vsftpd: cannot locate user specified in 'chown_username':NAME\". Create a dedicated " +
      'user and set chown_username to it.',
  },
  check({ config, report }) {
    const chown = config.get('chown_uploads');
    const owner = config.get('chown_username');
    if (chown?.value !== true || owner?.value !== 'root') return;
    // Point at chown_username when a line names root, else at the chown_uploads line.
    const where = lineOf(owner) ? at(owner) : { ...at(chown), option: 'chown_username' };
    report({
      ...where,
      message:
        `${config.describe(chown)} with ${config.describe(owner)}: every anonymous upload ` +
        'becomes a root-owned file; set chown_username to a dedicated unprivileged account',
    });
  },
};

export default chownUploadsRoot;

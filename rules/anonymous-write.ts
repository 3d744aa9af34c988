import { at, fixWith, Rule, setValue } from '../src/engine/rule';

/** The anonymous write permissions, each with what it lets a stranger do. */
const WRITE_OPTIONS: readonly (readonly [name: string, grants: string])[] = [
  ['anon_upload_enable', 'upload files'],
  ['anon_mkdir_write_enable', 'create directories'],
  ['anon_other_write_enable', 'delete, rename and append to files'],
];

const anonymousWrite: Rule = {
  id: 'VSF402',
  name: 'anonymous-write',
  category: 'security',
  severity: 'error',
  fixable: 'unsafe',
  summary: 'Anonymous users may upload, create directories, delete or rename.',
  sources: ['vsftpd.conf(5): anon_upload_enable, anon_mkdir_write_enable, anon_other_write_enable, write_enable'],
  docs: {
    what:
      'anonymous_enable=YES and write_enable=YES together with anon_upload_enable, ' +
      'anon_mkdir_write_enable or anon_other_write_enable set to YES (effective values, so an ' +
      'anonymous_enable left at its compiled default YES counts).',
    why:
      'Anyone on the network can then write to the server without a password: the classic ' +
      '"warez drop". vsftpd still needs a directory writable by the ftp user below a ' +
      'non-writable anonymous root, so the exposure is exactly as wide as that directory.',
    prevents: 'strangers storing, overwriting or deleting files (STOR/MKD/DELE/RNFR answered 2xx for USER anonymous)',
    example: {
      bad: 'anonymous_enable=YES\nwrite_enable=YES\nanon_upload_enable=YES',
      good: 'anonymous_enable=YES\nwrite_enable=YES\nanon_upload_enable=NO',
    },
    fix:
      'Unsafe (anonymous uploads stop working): the anon_* write option is set to NO. If an ' +
      'anonymous drop box is intended, keep it and restrict it instead (a write-only incoming ' +
      'directory, anon_umask, chown_uploads with a dedicated user).',
  },
  check({ document, config, report }) {
    const anonymous = config.get('anonymous_enable');
    const write = config.get('write_enable');
    if (anonymous?.value !== true || write?.value !== true) return;
    for (const [name, grants] of WRITE_OPTIONS) {
      const option = config.get(name);
      if (!option || !config.isOn(name)) continue;
      report({
        ...at(option),
        message:
          `${config.describe(option)} with ${config.describe(write)} and ` +
          `${config.describe(anonymous)} lets anyone ${grants} without a password; ` +
          `set ${name}=NO unless an anonymous drop box is intended`,
        fix: fixWith('unsafe', setValue(document, option, 'NO')),
      });
    }
  },
};

export default anonymousWrite;

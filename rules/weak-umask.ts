import { at, fixWith, Rule, setValue } from '../src/engine/rule';
import type { EffectiveConfig } from '../src/engine/effective-config';
import { hasAnonymousSessions } from '../src/engine/sessions';
import { formatValue } from '../src/schema/values';

/** Whether anonymous sessions (or virtual users with anonymous privileges) can create files. */
function anonymousCreates(config: EffectiveConfig): boolean {
  return hasAnonymousSessions(config) && (config.isOn('anon_upload_enable') || config.isOn('anon_mkdir_write_enable'));
}

/** The umasks, each with who it applies to and whether those users can create files at all. */
const UMASKS: readonly (readonly [option: string, whose: string, creates: (config: EffectiveConfig) => boolean])[] = [
  ['local_umask', "local users'", (config) => config.isOn('local_enable')],
  ['anon_umask', 'anonymous', anonymousCreates],
];

const weakUmask: Rule = {
  id: 'VSF414',
  name: 'weak-umask',
  category: 'security',
  severity: 'warning',
  fixable: 'unsafe',
  summary: 'Uploads are created world-writable (umask) or executable (file_open_mode).',
  sources: ['vsftpd.conf(5): local_umask, anon_umask, file_open_mode'],
  docs: {
    what:
      'With write_enable=YES: a local_umask or anon_umask (for users who can create files) that ' +
      'does not mask the "others write" bit (000, 020, ...), reported as a warning; one that ' +
      'masks it but not "group write" (002), reported as info; or a file_open_mode with execute ' +
      'bits (0777). The values are read as vsftpd reads them: octal only with a leading 0, so ' +
      '"local_umask=22" is decimal 22, i.e. 026.',
    why:
      'vsftpd creates uploaded files with file_open_mode (default 0666) and directories with ' +
      '0777, minus the umask. A umask of 000 makes every upload and new directory writable by ' +
      'every account on the host; 002 makes them group-writable; file_open_mode=0777 makes ' +
      'uploaded files executable.',
    prevents: 'uploaded files other local accounts can overwrite, or upload-and-run files',
    example: { bad: 'write_enable=YES\nlocal_enable=YES\nlocal_umask=000', good: 'write_enable=YES\nlocal_enable=YES\nlocal_umask=022' },
    fix:
      'Unsafe (new files get different permissions): the missing bits are added to the umask ' +
      '(000 becomes 022, 002 becomes 022), and the execute bits are removed from file_open_mode ' +
      '(0777 becomes 0666).',
  },
  check({ document, config, report }) {
    if (!config.isOn('write_enable')) return;
    let anyoneCreates = false;
    for (const [name, whose, creates] of UMASKS) {
      const umask = config.get(name);
      if (!umask || typeof umask.value !== 'number' || !creates(config)) continue;
      anyoneCreates = true;
      const mask = umask.value;
      const open = (mask & 0o002) === 0 ? 'world' : (mask & 0o020) === 0 ? 'group' : undefined;
      if (!open) continue;
      const stronger = formatValue(umask.option, mask | 0o022);
      report({
        ...at(umask),
        severity: open === 'world' ? 'warning' : 'info',
        message: `${config.describe(umask)} leaves ${whose} uploads and new directories ${open}-writable; ` + `use ${name}=${stronger}`,
        fix: fixWith('unsafe', setValue(document, umask, stronger)),
      });
    }
    const mode = config.get('file_open_mode');
    if (!anyoneCreates || !mode || typeof mode.value !== 'number' || (mode.value & 0o111) === 0) return;
    const safer = formatValue(mode.option, mode.value & ~0o111);
    report({
      ...at(mode),
      message:
        `${config.describe(mode)} creates uploaded files with execute permission; ` +
        `use file_open_mode=${safer} unless uploads must be runnable`,
      fix: fixWith('unsafe', setValue(document, mode, safer)),
    });
  },
};

export default weakUmask;

import { at, fixWith, Rule, setValue } from '../src/engine/rule';

const anonWorldReadableOnly: Rule = {
  id: 'VSF403',
  name: 'anon-world-readable-only',
  category: 'security',
  severity: 'warning',
  fixable: 'unsafe',
  summary: 'Anonymous users may download files that are not world-readable.',
  sources: ['vsftpd.conf(5): anon_world_readable_only'],
  docs: {
    what: 'anon_world_readable_only=NO while anonymous logins are enabled.',
    why:
      'With the default (YES) anonymous users can only download files readable by everyone. ' +
      'With NO they can also download files readable only by the ftp user or its group, which ' +
      'is how private files below the anonymous root leak.',
    prevents:
      'anonymous downloads of files meant only for the ftp account ("150 Opening BINARY mode data connection" instead of "550 Failed to open file.")',
    example: {
      bad: 'anonymous_enable=YES\nanon_world_readable_only=NO',
      good: 'anonymous_enable=YES\nanon_world_readable_only=YES',
    },
    fix:
      'Unsafe (downloads of files that are not world-readable start failing with "550 Failed to ' +
      'open file."): the value is set to YES. Make the files meant for anonymous users ' +
      'world-readable instead.',
  },
  check({ document, config, report }) {
    const anonymous = config.get('anonymous_enable');
    const readable = config.get('anon_world_readable_only');
    if (anonymous?.value !== true || readable?.value !== false) return;
    report({
      ...at(readable),
      message:
        `${config.describe(readable)}: anonymous users (${config.describe(anonymous)}) may ` +
        'download every file the ftp user can read, not only world-readable ones; ' +
        'set anon_world_readable_only=YES and make public files world-readable',
      fix: fixWith('unsafe', setValue(document, readable, 'YES')),
    });
  },
};

export default anonWorldReadableOnly;

import { at, fixWith, Rule, setValue } from '../src/engine/rule';

const hideIds: Rule = {
  id: 'VSF412',
  name: 'hide-ids',
  category: 'security',
  severity: 'info',
  fixable: 'unsafe',
  enabledByDefault: false,
  summary: 'Directory listings show the real owner and group of every file.',
  sources: ['vsftpd.conf(5): hide_ids, text_userdb_names'],
  docs: {
    what: 'hide_ids is effectively NO (the compiled default in every build).',
    why:
      "Listings then show each file's numeric uid and gid, or, with text_userdb_names=YES, the " +
      'account and group names, which tells a client which accounts exist. With hide_ids=YES ' +
      'every owner and group is shown as "ftp". Opinionated advice, so off by default.',
    prevents: 'LIST output such as "-rw-r--r-- 1 1001 1001 ..." revealing account ids',
    example: { bad: 'local_enable=YES', good: 'local_enable=YES\nhide_ids=YES' },
    fix:
      'Unsafe (listings change; tools that read owners from listings see "ftp"): hide_ids is ' +
      'set to YES, or hide_ids=YES is appended when the compiled default is in force.',
  },
  check({ document, config, report }) {
    const hide = config.get('hide_ids');
    if (hide?.value !== false) return;
    const shown = config.isOn('text_userdb_names') ? 'the owning account and group names' : 'the numeric uid and gid';
    report({
      ...at(hide),
      message: `${config.describe(hide)}: directory listings show ${shown} of every file; set hide_ids=YES to show them as ftp`,
      fix: fixWith('unsafe', setValue(document, hide, 'YES')),
    });
  },
};

export default hideIds;

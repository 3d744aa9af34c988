import { at, fixWith, Rule, setValue } from '../src/engine/rule';
import { oops } from '../src/engine/text';
import { asPort } from '../src/schema/values';

const portPromiscuousPort20: Rule = {
  id: 'VSF211',
  name: 'port-promiscuous-port-20',
  category: 'data-connection',
  severity: 'error',
  fixable: 'unsafe',
  summary: 'port_promiscuous=YES with connect_from_port_20=YES kills every active-mode transfer.',
  sources: ['vsftpd.conf(5): connect_from_port_20, port_promiscuous', 'vsftpd 3.0.3 ftpdataio.c, privops.c'],
  docs: {
    what:
      "connect_from_port_20=YES (set by Debian's shipped file) together with port_promiscuous=YES, " +
      'with active mode on and ftp_data_port a privileged port (below 1024; 20 by default).',
    why:
      'connect_from_port_20 binds active-mode data connections to source port ftp_data_port ' +
      '(20), a privileged port, which normally the privileged parent process does. ' +
      'port_promiscuous=YES moves socket creation into the unprivileged session process, which ' +
      'cannot bind a port below 1024: PORT/EPRT are accepted with 200, then the LIST/RETR/STOR that follows ends ' +
      'the session.',
    prevents: '"500 OOPS: vsf_sysutil_bind" at the first LIST, RETR or STOR after PORT/EPRT',
    example: {
      bad: 'port_promiscuous=YES\nconnect_from_port_20=YES',
      good: 'port_promiscuous=YES\nconnect_from_port_20=NO',
    },
    fix:
      'Unsafe: sets connect_from_port_20=NO, the only way active transfers work while ' +
      'port_promiscuous=YES; data connections then come from an ephemeral port, which a client ' +
      'firewall expecting source port 20 may drop. Alternatively set port_promiscuous=NO, or an ' +
      'ftp_data_port of 1024 or above, by hand.',
  },
  check({ document, config, report }) {
    const from20 = config.get('connect_from_port_20');
    const promiscuous = config.get('port_promiscuous');
    if (!from20 || from20.value !== true || !from20.source || !promiscuous || promiscuous.value !== true) return;
    if (!config.isOn('port_enable')) return;
    // Only a privileged port needs the parent: ftp_data_port=2020 (or 0, any port) binds fine.
    const dataPort = config.get('ftp_data_port');
    if (!dataPort || typeof dataPort.value !== 'number') return;
    const port = asPort(dataPort.value);
    if (port === 0 || port >= 1024) return;
    report({
      ...at(from20),
      message:
        `connect_from_port_20=YES with ${config.describe(promiscuous)}: the unprivileged session ` +
        `cannot bind the privileged source port ${config.describe(dataPort)}, so every active-mode transfer dies with ${oops('vsf_sysutil_bind')}; ` +
        'write connect_from_port_20=NO',
      fix: fixWith('unsafe', setValue(document, from20, 'NO')),
    });
  },
};

export default portPromiscuousPort20;

import { at, fixWith, Rule, setValue } from '../src/engine/rule';
import { shown } from '../src/engine/text';
import type { Severity } from '../src/engine/finding';
import { compiledDefault } from '../src/schema/targets';

/** Above this many seconds a passive port waits long enough to be worth a remark. */
const LONG_ACCEPT_WAIT = 600;

const dataConnectTimeout: Rule = {
  id: 'VSF213',
  name: 'data-connect-timeout',
  category: 'data-connection',
  severity: 'warning',
  fixable: 'unsafe',
  summary: 'accept_timeout=0 lets a client hold a passive port and its session forever; connect_timeout=0 waits for the kernel.',
  sources: [
    'vsftpd.conf(5): accept_timeout, connect_timeout',
    'vsftpd 3.0.3 sysutil.c vsf_sysutil_accept_timeout, vsf_sysutil_connect_timeout',
  ],
  docs: {
    what:
      'A data-connection wait without a useful limit. accept_timeout=0 (a warning): vsftpd waits ' +
      'forever for the client to connect to the passive port. accept_timeout above ' +
      `${LONG_ACCEPT_WAIT} s (info): the same for a long time. connect_timeout=0 (info): an active-mode ` +
      'connect waits until the kernel gives up (about two minutes with Linux defaults) instead of ' +
      'connect_timeout seconds. Graded per finding.',
    why:
      'vsftpd passes 0 on to its socket helpers as "no timeout". A client that sends PASV and a ' +
      'transfer command but never connects leaves a session process blocked in accept(), holding ' +
      'one port of the passive range, for good: vsftpd does not read the control connection ' +
      'meanwhile, so neither idle_session_timeout, data_connection_timeout, the client going away ' +
      'nor stopping the listener ends it (observed on Debian 3.0.3). A few such clients exhaust a ' +
      'narrow passive range, and then every PASV fails.',
    prevents:
      'sessions stuck without any reply after PASV + RETR (instead of "425 Failed to establish ' +
      'connection." after accept_timeout), then "500 OOPS: vsf_sysutil_bind" once the range is used up',
    example: { bad: 'accept_timeout=0', good: 'accept_timeout=60' },
    fix: 'Unsafe: sets the value to the compiled default (60 s), so slow clients get 425 after a minute.',
  },
  check({ document, config, target, report }) {
    const checks: { name: string; applies: boolean }[] = [
      { name: 'accept_timeout', applies: config.isOn('pasv_enable') },
      { name: 'connect_timeout', applies: config.isOn('port_enable') },
    ];
    for (const { name, applies } of checks) {
      const option = config.get(name);
      if (!applies || !option || typeof option.value !== 'number' || !option.source) continue;
      const seconds = option.value;
      let severity: Severity;
      let problem: string;
      if (name === 'accept_timeout' && seconds === 0) {
        severity = 'warning';
        problem =
          'vsftpd waits forever for the client to connect to the passive port: a client that never ' +
          'connects leaves a session process holding a port of the passive range for good, even after ' +
          'it has gone';
      } else if (name === 'accept_timeout' && seconds > LONG_ACCEPT_WAIT) {
        severity = 'info';
        problem = `a client that never connects holds its session and a port of the passive range for ${seconds} s`;
      } else if (name === 'connect_timeout' && seconds === 0) {
        severity = 'info';
        problem = 'an active-mode connect waits until the kernel gives up (about two minutes on Linux), not ' + 'a set number of seconds';
      } else {
        continue;
      }
      const fallback = String(compiledDefault(option.option, target));
      const line = option.source.line;
      const text = line.value.replace(/\r$/, '');
      report({
        ...at(option),
        severity,
        message: `${name}=${shown(text)}: ${problem}; write ${name}=${fallback} (the compiled default) or another limit`,
        fix: fixWith('unsafe', setValue(document, option, fallback)),
      });
    }
  },
};

export default dataConnectTimeout;

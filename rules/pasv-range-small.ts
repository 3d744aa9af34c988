import type { Rule } from '../src/engine/rule';
import { formatRange, passiveRangeSettings, portsNeeded, rangeSize } from '../src/engine/passive-range';

const pasvRangeSmall: Rule = {
  id: 'VSF204',
  name: 'pasv-range-small',
  category: 'data-connection',
  severity: 'info',
  fixable: 'none',
  summary: 'A passive port range with fewer ports than max_clients can run out under load.',
  sources: ['vsftpd 3.0.3 privops.c vsf_privop_pasv_listen, postlogin.c'],
  docs: {
    what:
      "The effective passive range (after vsftpd's own adjustments, see pasv-range-invalid) has " +
      'fewer ports than the max_clients the configuration sets: the number of sessions the ' +
      'standalone listener accepts. Not checked when max_clients is left at its compiled default ' +
      '(2000, which nobody chose and which would flag every firewall-friendly range), is 0 ' +
      '(unlimited) or when vsftpd runs from inetd (no limit). A one-port range is always ' +
      'reported: it serves one session at a time.',
    why:
      'Every session between PASV/EPSV and the end of its transfer holds one port of the range, ' +
      'and two listeners cannot share a port. vsftpd draws a random port up to 9 times; when they ' +
      'are all busy the session dies. This is rare while the range is mostly free and abrupt once ' +
      'it is nearly full (many parallel downloads, clients that PASV and then stall for ' +
      'accept_timeout). Active-mode transfers use no range port.',
    prevents: '"500 OOPS: vsf_sysutil_bind" then "500 OOPS: priv_sock_get_int" at PASV; the session ends',
    example: {
      bad: 'listen=YES\nmax_clients=200\npasv_min_port=40000\npasv_max_port=40009',
      good: 'listen=YES\nmax_clients=200\npasv_min_port=40000\npasv_max_port=40199',
    },
    fix:
      'By hand: widen the range (and the firewall rule) to at least the number of simultaneous ' +
      'transfers you expect, or lower max_clients (and max_per_ip) to what the range can serve.',
  },
  check({ config, report }) {
    if (!config.isOn('pasv_enable')) return;
    const settings = passiveRangeSettings(config);
    if (!settings) return;
    const { min, max, range } = settings;
    const size = rangeSize(range);
    const line = (max.source ?? min.source)?.line;
    if (size === 1) {
      report({
        line,
        option: line?.name ?? 'pasv_max_port',
        message:
          `the passive range is the single port ${formatRange(range)}: one session at a time can be ` +
          'between PASV and the end of its transfer; a second PASV meanwhile dies with ' +
          '"500 OOPS: vsf_sysutil_bind"',
      });
      return;
    }
    const needed = portsNeeded(config);
    if (needed === undefined || size >= needed) return;
    const clients = config.get('max_clients')!;
    report({
      line,
      option: line?.name ?? 'pasv_max_port',
      message:
        `the passive range ${formatRange(range)} has ${size} ports for ${config.describe(clients)}: ` +
        `once ${size} sessions are between PASV and the end of their transfers, the next PASV dies ` +
        'with "500 OOPS: vsf_sysutil_bind"; widen the range or lower max_clients',
    });
  },
};

export default pasvRangeSmall;

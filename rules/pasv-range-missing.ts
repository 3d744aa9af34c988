import { appendLines, fixWith, Rule } from '../src/engine/rule';
import { formatRange, passiveRangeSettings, rangeToWrite, SUGGESTED_PASV_RANGE } from '../src/engine/passive-range';

const { min: SUGGESTED_MIN, max: SUGGESTED_MAX } = SUGGESTED_PASV_RANGE;

const pasvRangeMissing: Rule = {
  id: 'VSF202',
  name: 'pasv-range-missing',
  category: 'data-connection',
  severity: 'warning',
  fixable: 'unsafe',
  summary: 'Passive mode without pasv_min_port/pasv_max_port uses ports 5001-65535, which no firewall should open.',
  sources: ['vsftpd.conf(5): pasv_min_port, pasv_max_port', 'vsftpd 3.0.3 privops.c vsf_privop_pasv_listen'],
  docs: {
    what:
      'Passive mode is on and neither pasv_min_port nor pasv_max_port is set, so vsftpd picks ' +
      'each PASV/EPSV port at random from its whole default range: 5001-65535 with the compiled ' +
      'default pasv_min_port=5001 (the man page\'s "0, any port" is wrong about the default).',
    why:
      'A server behind a firewall or a NAT router only works in passive mode when the ports vsftpd ' +
      'advertises are open or forwarded. Opening sixty thousand ports is not an option, so in ' +
      'practice most PASV replies point at a closed port: the client times out and vsftpd answers ' +
      'the transfer with "425 Failed to establish connection." after accept_timeout.',
    prevents: '227 Entering Passive Mode (...) to a port the firewall drops, then "425 Failed to establish connection."',
    example: {
      bad: 'pasv_enable=YES',
      good: `pasv_enable=YES\npasv_min_port=${SUGGESTED_MIN}\npasv_max_port=${SUGGESTED_MAX}`,
    },
    fix:
      `Unsafe: appends pasv_min_port=${SUGGESTED_MIN} and pasv_max_port=${SUGGESTED_MAX} (or the ` +
      'range set by --pasv-range or "pasvRange" in .vsftpd-lint.json). The ' +
      'firewall (and any NAT port forwarding) must be changed to open exactly that range, or ' +
      'passive transfers stop working. Where a standalone server sets max_clients above the ' +
      "range's size, the range written is widened to max_clients ports, so that it cannot run out " +
      'under load (see pasv-range-small).',
  },
  check({ document, config, options, report }) {
    if (!config.isOn('pasv_enable')) return;
    const settings = passiveRangeSettings(config);
    if (!settings || settings.min.source || settings.max.source) return;
    const { min, max } = rangeToWrite(config, options.pasvRange);
    report({
      option: 'pasv_min_port',
      message:
        `no pasv_min_port/pasv_max_port: PASV and EPSV use any port in ${formatRange(settings.range)} ` +
        `(the compiled default pasv_min_port=${settings.min.value} of ${config.target.label}), which a ` +
        `firewall cannot open; set a narrow range such as pasv_min_port=${min} and ` +
        `pasv_max_port=${max} and open it`,
      fix: fixWith('unsafe', appendLines(document, [`pasv_min_port=${min}`, `pasv_max_port=${max}`])),
    });
  },
};

export default pasvRangeMissing;

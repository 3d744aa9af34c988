import type { EffectiveValue } from '../src/engine/effective-config';
import { at, fixWith, Rule, setValue } from '../src/engine/rule';
import {
  formatRange,
  passiveRangeSettings,
  PASV_PORT_CEILING,
  PASV_PORT_FLOOR,
  rangeContains,
  rangeSize,
} from '../src/engine/passive-range';
import { quote } from '../src/engine/text';
import { asPort } from '../src/schema/values';

/** "pasv_min_port=500", or "pasv_min_port='-1' (read as 4294967295)" when the text reads otherwise. */
function shown(option: EffectiveValue): string {
  const text = option.source ? option.source.line.value.replace(/\r$/, '') : String(option.value);
  const name = option.option.name;
  return text === String(option.value) ? `${name}=${text}` : `${name}=${quote(text)} (read as ${option.value})`;
}

const pasvRangeInvalid: Rule = {
  id: 'VSF203',
  name: 'pasv-range-invalid',
  category: 'data-connection',
  severity: 'warning',
  fixable: 'unsafe',
  summary:
    'A passive port range vsftpd silently reads differently: one bound missing, inverted, out of 1025-65535, or overlapping a busy port.',
  sources: ['vsftpd.conf(5): pasv_min_port, pasv_max_port', 'vsftpd 3.0.3 privops.c vsf_privop_pasv_listen'],
  docs: {
    what:
      'A pasv_min_port/pasv_max_port pair vsftpd does not use as written. vsftpd starts from ' +
      '1024-65535, takes pasv_min_port only if it is above 1024 and at most 65535, then takes ' +
      'pasv_max_port only if it is at least that minimum and below 65535, all without a word. So: ' +
      'only one bound set (the other is 5001 or 65535); min > max (vsftpd uses min-65535); a min ' +
      'of 1024 or less, e.g. 0 meant as "any" (becomes 1024); a bound above 65535 after vsftpd\'s ' +
      'number parsing (-1 is 4294967295); and a range containing listen_port or, with ' +
      'connect_from_port_20=YES, ftp_data_port. Each message states the range vsftpd really uses. ' +
      'Graded per finding: an error when every port of the range is taken by such a port, a ' +
      'warning otherwise.',
    why:
      'The firewall is opened for the range that was written, vsftpd advertises ports from the ' +
      'range it computed: PASV replies point at closed ports and transfers time out. A port held ' +
      "by vsftpd's own listener can never be bound, and an overlap with ftp_data_port makes " +
      'passive and active transfers take the port from each other.',
    prevents:
      '"425 Failed to establish connection." after the client timed out on a closed port; ' +
      '"500 OOPS: vsf_sysutil_bind" when no port of the range can be bound',
    example: {
      bad: 'pasv_min_port=50000\npasv_max_port=40000',
      good: 'pasv_min_port=40000\npasv_max_port=50000',
    },
    fix:
      'A pasv_max_port above 65535 is rewritten as 65535 (safe: vsftpd already uses 65535). An ' +
      'inverted pair is swapped (unsafe: vsftpd starts using ports it did not use before, which the ' +
      'firewall must allow). Other cases need a decision about the intended range: no fix.',
  },
  check({ document, config, report }) {
    if (!config.isOn('pasv_enable')) return;
    const settings = passiveRangeSettings(config);
    if (!settings) return;
    const { min, max, range } = settings;
    const minValue = min.value as number;
    const maxValue = max.value as number;
    const uses = `vsftpd uses passive ports ${formatRange(range)}`;
    const reported = new Set<EffectiveValue>();

    if (min.source) {
      let problem: string | undefined;
      if (minValue > PASV_PORT_CEILING) problem = 'is above 65535';
      else if (minValue < PASV_PORT_FLOOR) problem = 'is not above 1024';
      if (problem) {
        reported.add(min);
        report({
          ...at(min),
          message: `${shown(min)} ${problem}, so vsftpd ignores it and uses passive ports ${formatRange(range)}; write a port in 1025-65535`,
        });
      }
    }

    if (max.source) {
      if (maxValue > PASV_PORT_CEILING) {
        reported.add(max);
        report({
          ...at(max),
          message: `${shown(max)} is above 65535: ${uses}; write 65535 or the intended upper bound`,
          fix: fixWith('safe', setValue(document, max, String(PASV_PORT_CEILING))),
        });
      } else if (maxValue < range.lo) {
        reported.add(max);
        const floor = range.minUsed ? config.describe(min) : "vsftpd's floor of 1024";
        const swappable = min.source !== null && range.minUsed && maxValue > PASV_PORT_FLOOR;
        report({
          ...at(max),
          message:
            `${shown(max)} is below ${floor}, so vsftpd ignores it and uses passive ports ${formatRange(range)}` +
            (swappable ? `; swap the two values to get ${maxValue}-${minValue}` : ''),
          fix: swappable
            ? fixWith('unsafe', setValue(document, min, String(maxValue)), setValue(document, max, String(minValue)))
            : undefined,
        });
      }
    }

    // Only one bound written: the other comes from the compiled defaults (5001 / "none", i.e. 65535).
    const onlyOne = min.source && !max.source ? min : max.source && !min.source ? max : undefined;
    if (onlyOne && !reported.has(onlyOne)) {
      const line = onlyOne.source!.line;
      const missing = onlyOne === min ? 'pasv_max_port' : 'pasv_min_port';
      const other = onlyOne === min ? `up to 65535` : `from the compiled default pasv_min_port=${minValue}`;
      report({
        line,
        option: onlyOne.option.name,
        message: `${shown(onlyOne)} without ${missing}: ${uses} (${rangeSize(range)} ports, ${other}); ` + `set ${missing} too`,
      });
    }

    if (!min.source && !max.source) return; // no range written: pasv-range-missing
    const busy: string[] = [];
    const busyPorts = new Set<number>();
    const listenPort = config.get('listen_port');
    if (config.isStandalone() && listenPort && typeof listenPort.value === 'number') {
      const port = asPort(listenPort.value);
      if (rangeContains(range, port)) {
        busy.push(`listen_port ${port} (${config.describeSource(listenPort)}), held by vsftpd's own listener`);
        busyPorts.add(port);
      }
    }
    const dataPort = config.get('ftp_data_port');
    const activeFrom20 = config.isOn('connect_from_port_20') && config.isOn('port_enable');
    if (activeFrom20 && dataPort && typeof dataPort.value === 'number') {
      const port = asPort(dataPort.value);
      if (rangeContains(range, port)) {
        busy.push(
          `ftp_data_port ${port} (${config.describeSource(dataPort)}), the source port of active-mode ` +
            'connections: while a passive listener holds it, active transfers die with "500 OOPS: vsf_sysutil_bind"',
        );
        busyPorts.add(port);
      }
    }
    if (busy.length === 0) return;
    const allBusy = busyPorts.size >= rangeSize(range);
    const line = (max.source ?? min.source)!.line;
    report({
      line,
      option: line.name,
      severity: allBusy ? 'error' : 'warning',
      message:
        `the passive range ${formatRange(range)} contains ${busy.join(' and ')}` +
        (allBusy ? '; no port is left, so every PASV/EPSV dies with "500 OOPS: vsf_sysutil_bind"' : '; move the range off that port'),
    });
  },
};

export default pasvRangeInvalid;

import { at, fixWith, Rule, setValue } from '../src/engine/rule';
import type { EffectiveConfig } from '../src/engine/effective-config';
import { formatValue } from '../src/schema/values';
import { compiledDefault } from '../src/schema/targets';

interface Limit {
  readonly option: string;
  /** What a 0 lets a client do. */
  readonly effect: string;
  /** Whether the limit applies with this configuration at all. */
  readonly applies: (config: EffectiveConfig) => boolean;
}

/** Limits whose 0 means "none" (standalone.c, ftpcmdio.c, ftpdataio.c, prelogin.c). */
const LIMITS: readonly Limit[] = [
  { option: 'max_clients', effect: 'any number of concurrent sessions, each a process', applies: (config) => config.isStandalone() },
  { option: 'max_per_ip', effect: 'one address any number of sessions', applies: (config) => config.isStandalone() },
  { option: 'idle_session_timeout', effect: 'idle sessions stay open for ever', applies: () => true },
  { option: 'data_connection_timeout', effect: 'stalled transfers hold their session for ever', applies: () => true },
  {
    option: 'delay_failed_login',
    effect: 'a wrong password is answered at once, which speeds up password guessing',
    applies: (config) => config.isOn('local_enable'),
  },
];

const unlimitedLimits: Rule = {
  id: 'VSF413',
  name: 'unlimited-limits',
  category: 'security',
  severity: 'info',
  fixable: 'unsafe',
  summary: 'A connection limit, timeout or login delay is set to 0, which means none.',
  sources: ['vsftpd.conf(5): max_clients, max_per_ip, idle_session_timeout, data_connection_timeout, delay_failed_login'],
  docs: {
    what:
      'max_clients=0 or max_per_ip=0 in standalone mode, idle_session_timeout=0, ' +
      'data_connection_timeout=0, or delay_failed_login=0 with local logins. The compiled ' +
      'defaults are 2000, 50, 300, 300 and 1 (the man page wrongly gives 0 for max_clients and ' +
      'max_per_ip).',
    why:
      'For these options 0 switches the limit off: a connection flood from one or many ' +
      'addresses can exhaust processes and memory, idle or stalled sessions are never reaped, ' +
      'and failed logins are not slowed down.',
    prevents:
      'the limits that would answer "421 There are too many connected users, please try later.", ' +
      '"421 There are too many connections from your internet address." and "421 Timeout."',
    example: { bad: 'listen=YES\nmax_clients=0\nmax_per_ip=0', good: 'listen=YES\nmax_clients=200\nmax_per_ip=10' },
    fix: "Unsafe (the limit starts to apply): the value is set to the target build's compiled default.",
  },
  check({ document, target, config, report }) {
    for (const { option: name, effect, applies } of LIMITS) {
      const limit = config.get(name);
      if (limit?.value !== 0 || !applies(config)) continue;
      const fallback = compiledDefault(limit.option, target);
      const restore = typeof fallback === 'number' && fallback !== 0 ? formatValue(limit.option, fallback) : undefined;
      report({
        ...at(limit),
        message:
          `${config.describe(limit)} means no limit: ${effect}; ` +
          (restore ? `set a limit (the compiled default is ${restore})` : 'set a limit'),
        fix: restore ? fixWith('unsafe', setValue(document, limit, restore)) : undefined,
      });
    }
  },
};

export default unlimitedLimits;

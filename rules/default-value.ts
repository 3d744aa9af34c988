import { deleteLine, fixWith, Rule } from '../src/engine/rule';
import { formatValue, readingNote } from '../src/schema/values';
import { compiledDefault } from '../src/schema/targets';

/**
 * Options whose explicit line documents something the man page gets wrong (vsftpd-reference
 * 2.4) or that are undocumented: writing their default out is useful, not noise.
 */
const WORTH_WRITING = new Set([
  'anonymous_enable',
  'listen',
  'listen_ipv6',
  'max_clients',
  'max_per_ip',
  'pasv_min_port',
  'ssl_ciphers',
  'strict_ssl_read_eof',
  'allow_writeable_chroot',
  'isolate',
  'isolate_network',
  'seccomp_sandbox',
  'ftp_enable',
  'http_enable',
  'ptrace_sandbox',
  'utf8_filesystem',
]);

const defaultValue: Rule = {
  id: 'VSF502',
  name: 'default-value',
  category: 'hygiene',
  severity: 'info',
  fixable: 'unsafe',
  enabledByDefault: false,
  summary: "An option is set to the target build's compiled default.",
  sources: ['vsftpd-reference 2.1-2.4 (compiled defaults per build)'],
  docs: {
    what:
      "The line that sets an option (the last one) gives it the target build's compiled " +
      'default. Not reported: options whose default differs between builds, options whose ' +
      'default the man page gets wrong or does not document (anonymous_enable, listen and ' +
      'its twin listen_ipv6, ' +
      'max_clients, max_per_ip, pasv_min_port, ssl_ciphers, strict_ssl_read_eof, isolate, ...), ' +
      'where the explicit line is worth keeping.',
    why:
      'A file that repeats defaults is longer than it needs to be and hides the settings that ' +
      'matter. Opinionated advice, so off by default: some teams keep defaults written out on ' +
      'purpose, e.g. for compliance scanners that look for literal lines.',
    prevents: 'nothing at run time; a shorter file that shows what differs from the defaults',
    example: { bad: 'listen_port=21\npasv_enable=YES\nlocal_umask=022', good: 'local_umask=022' },
    fix:
      'Unsafe only in edge cases: the line is deleted, which leaves vsftpd on the same value in ' +
      'this build, but lets a "-o" option given before the file on the command line take ' +
      'effect. No fix is offered while an earlier line sets the same option (deleting the last ' +
      'line would let that one win; see duplicate-option).',
  },
  check({ target, config, settings, report }) {
    for (const setting of settings) {
      const { line, outcome } = setting;
      if (outcome.kind !== 'set' && outcome.kind !== 'unset') continue;
      const { option } = outcome;
      if (option.defaultIn || WORTH_WRITING.has(option.name)) continue;
      const effective = config.get(option.name);
      if (!effective || effective.source !== setting) continue;
      const fallback = compiledDefault(option, target);
      if (effective.value !== fallback) continue;
      const written = line.value.replace(/\r$/, '');
      const reading = readingNote(option, written, fallback);
      const shown =
        fallback === null
          ? `${option.name} unset`
          : reading
            ? `${option.name}=${written} (${reading})`
            : `${option.name}=${formatValue(option, fallback)}`;
      const alone = config.occurrences(option.name).length === 1;
      report({
        line,
        column: line.nameColumn,
        option: option.name,
        message: `${shown} is the compiled default of ${target.label}; the line can go`,
        fix: alone ? fixWith('unsafe', deleteLine(line)) : undefined,
        cause: `settings that repeat the compiled defaults of ${target.label}; the lines can go`,
      });
    }
  },
};

export default defaultValue;

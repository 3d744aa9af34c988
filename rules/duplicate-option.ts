import { deleteLine, fixWith, Rule } from '../src/engine/rule';
import { quote } from '../src/engine/text';

const duplicateOption: Rule = {
  id: 'VSF501',
  name: 'duplicate-option',
  category: 'hygiene',
  severity: 'warning',
  fixable: 'safe',
  perUser: 'also',
  summary: 'An option is set more than once; vsftpd uses the last line and ignores the others.',
  sources: ['vsftpd parseconf.c (each line overwrites the tunable)', 'vsftpd-reference 0.10'],
  docs: {
    what:
      'An option set by more than one accepted line. Each earlier line is reported and points ' +
      'at the line that wins. Lines vsftpd rejects are left to the syntax rules.',
    why:
      'vsftpd reads the file top to bottom and every line overwrites the option, so only the ' +
      'last one counts. A reader (or a grep-based scanner) who finds the first line believes ' +
      'it is in force; this is how "anonymous_enable=NO" near the top gets silently undone by a ' +
      'default block appended at the bottom.',
    prevents: 'a setting that looks active but is overridden further down',
    example: { bad: 'anonymous_enable=NO\nlocal_enable=YES\nanonymous_enable=YES', good: 'local_enable=YES\nanonymous_enable=YES' },
    fix:
      'Safe: the earlier line is deleted. vsftpd never used its value, so the server behaves ' +
      'exactly as before; only the misleading line goes.',
  },
  check({ config, settings, report }) {
    // One message per winning line: a file may repeat an option thousands of times.
    const messages = new Map<string, string>();
    for (const { line, outcome } of settings) {
      if (outcome.kind !== 'set' && outcome.kind !== 'unset') continue;
      const name = outcome.option.name;
      const all = config.occurrences(name);
      const winner = all[all.length - 1];
      if (!winner || winner.line === line) continue;
      let message = messages.get(name);
      if (message === undefined) {
        const again = winner.line.text.slice(winner.line.nameColumn).replace(/\r$/, '');
        message =
          `${name} is set again on line ${winner.line.line} (${quote(again)}), and the ` +
          'last line wins: vsftpd ignores this one; delete it';
        messages.set(name, message);
      }
      report({ line, column: line.nameColumn, option: name, message, fix: fixWith('safe', deleteLine(line)) });
    }
  },
};

export default duplicateOption;

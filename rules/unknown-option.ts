import { OPTIONS } from '../src/schema/options';
import { suggestOption } from '../src/schema/suggest';
import { fixWith, replaceInLine, Rule } from '../src/engine/rule';
import type { EffectiveConfig } from '../src/engine/effective-config';
import type { SettingLine } from '../src/parser/document';
import type { Target } from '../src/schema/targets';
import { isExplainedByLayout, oops, quote } from '../src/engine/text';
import { loosening } from '../src/schema/loosening';
import { readSetting, vsftpdMessage } from '../src/schema/setting';

/**
 * What the line would grant, spelt `option`, that vsftpd grants without it ("turns on write
 * access"), or undefined. vsftpd refuses the line today, so the author's text is the only
 * evidence of intent; a misspelt "write_enabel=YES" may still have been left broken on purpose.
 */
function grantedBy(line: SettingLine, option: string, target: Target, config: EffectiveConfig): string | undefined {
  const outcome = readSetting({ ...line, name: option }, target);
  const current = config.get(option);
  if (outcome.kind !== 'set' || !current) return undefined;
  return loosening(outcome.option, current.value, outcome.value);
}

const unknownOption: Rule = {
  id: 'VSF101',
  name: 'unknown-option',
  category: 'syntax',
  severity: 'error',
  fixable: 'unsafe',
  perUser: 'also',
  summary: 'An option name the target build does not know stops vsftpd at start-up.',
  docs: {
    what:
      "A setting whose name is not one of the target build's options: a typo, a wrong case " +
      '(names are case-sensitive), a hyphen for an underscore, or an option of another build ' +
      '(e.g. the Fedora-only `ssl_tlsv1_2` on Debian).',
    why:
      'vsftpd compares names byte for byte against the options compiled into the binary and ' +
      'refuses to start at the first name it does not know.',
    prevents: '500 OOPS: unrecognised variable in config file: NAME',
    example: { bad: 'pasv_enabled=YES\nListen=YES', good: 'pasv_enable=YES\nlisten=YES' },
    fix:
      'When the name differs from an option only in case, hyphens or surrounding blanks, the fix ' +
      "writes the option's name (safe: vsftpd refuses the line, and that is evidently what was " +
      'meant). A spelling suggestion ("did you mean") is applied only as an unsafe fix, since ' +
      'the nearest name may not be the intended option. Neither fix is offered when the ' +
      'corrected line would grant more than vsftpd grants without it (it would turn on write ' +
      'access, anonymous or local logins, promiscuous modes, writable chroots or old TLS ' +
      'versions, turn off chroot, TLS, hide_ids or logging, or mask fewer umask bits): the ' +
      'message then names the option, and you decide. Lines that are comments in another ' +
      'syntax ("// write_enable=YES", "; listen=NO") are foreign-comment\'s, and a name with ' +
      'characters no option has ("REM write_enable", "! listen") gets no suggestion: no fix ' +
      'ever uncomments a line.',
  },
  check({ document, target, config, settings, report }) {
    for (const { line, outcome } of settings) {
      if (outcome.kind !== 'unrecognised' || isExplainedByLayout(document, line)) continue;
      if (line.name !== line.name.trimEnd() && target.options.has(line.name.trimEnd())) continue;
      const reason =
        line.name === '' ? 'the line has no option name before "="' : `${quote(line.name)} is not an option of ${target.label}`;
      // Only a name made of name characters can be a misspelt name: "REM write_enable" or
      // "! write_enable" is commented-out text, which no suggestion may uncomment.
      const suggestion = /^[A-Za-z0-9_-]+[ \t]*$/.test(line.name) ? suggestOption(line.name, target) : undefined;
      const otherBuilds = OPTIONS.find((o) => o.name === line.name)?.builds;
      const granted = suggestion && grantedBy(line, suggestion.option, target, config);
      const hint = otherBuilds
        ? ` (it exists only in: ${otherBuilds.join(', ')})`
        : suggestion
          ? `; did you mean '${suggestion.option}'?` + (granted ? ` (not fixed automatically: it ${granted})` : '')
          : '';
      report({
        line,
        column: line.nameColumn,
        endColumn: line.nameColumn + Math.max(line.name.length, 1),
        option: line.name,
        message: `${reason}, so vsftpd stops with ${oops(vsftpdMessage(line, outcome)!)}${hint}`,
        fix:
          suggestion === undefined || otherBuilds || granted
            ? undefined
            : fixWith(
                suggestion.variant ? 'safe' : 'unsafe',
                replaceInLine(line, line.nameColumn, line.nameColumn + line.name.length, suggestion.option),
              ),
      });
    }
  },
};

export default unknownOption;

import type { Rule } from '../src/engine/rule';
import { VSFTPD_READ_LIMIT } from '../src/parser/document';
import { quote } from '../src/engine/text';

const MAX_NAMES_SHOWN = 10;

const fileTooLarge: Rule = {
  id: 'VSF113',
  name: 'file-too-large',
  category: 'hygiene',
  severity: 'warning',
  fixable: 'none',
  perUser: 'also',
  summary: 'vsftpd reads only the first 100,000 bytes; settings after that are silently lost.',
  docs: {
    what: 'A file longer than 100,000 bytes with settings after that point, or a setting line that ' + 'the limit cuts in two.',
    why:
      'vsftpd reads at most 100,000 bytes of its config file and ignores the rest without a ' +
      'word. A setting that crosses the limit is read cut short: "listen_port=2121" may become ' +
      '"listen_port=21" (silently) or "listen_por" (fatal). vsftpd starts (unless what it reads of ' +
      'a cut line is fatal, reported as an error by the rule for what it reads), so this is a warning: ' +
      'the file does not mean what it says.',
    prevents: 'options that silently keep their defaults; "missing value" for a cut name',
    example: { bad: '(100 kB of comments)\nanonymous_enable=NO', good: 'anonymous_enable=NO\n(100 kB of comments)' },
    fix: 'Remove comments or move the settings before byte 100,000.',
  },
  check({ document, report }) {
    if (document.byteLength <= VSFTPD_READ_LIMIT) return;
    const cut = document.lines.find((l) => l.reach === 'cut' && l.kind === 'setting');
    const lost = document.lines.filter((l) => l.reach === 'unread' && l.kind === 'setting');
    const first = cut ?? lost[0];
    if (!first) return;
    const names = [...new Set(lost.map((l) => (l.kind === 'setting' ? l.name : '')))];
    const listed = names.slice(0, MAX_NAMES_SHOWN).join(', ') + (names.length > MAX_NAMES_SHOWN ? ', …' : '');
    const parts = [
      cut ? `line ${cut.line} is cut at byte ${VSFTPD_READ_LIMIT}: vsftpd reads it as ${quote(cut.read)}` : '',
      lost.length ? `${lost.length} setting line(s) after byte ${VSFTPD_READ_LIMIT} are never read (${listed})` : '',
    ].filter(Boolean);
    report({
      line: first,
      column: first.read.length,
      endColumn: first.text.length,
      message: `vsftpd reads only the first ${VSFTPD_READ_LIMIT} bytes of the file: ${parts.join('; ')}`,
    });
  },
};

export default fileTooLarge;

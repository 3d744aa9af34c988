import type { Rule } from '../src/engine/rule';
import { reportDirectiveProblems } from '../src/engine/suppressions';

const unusedSuppression: Rule = {
  id: 'VSF506',
  name: 'unused-suppression',
  category: 'hygiene',
  severity: 'info',
  fixable: 'safe',
  perUser: 'also',
  summary: 'A "# vsftpd-lint" directive that suppresses nothing, names no rule, or is misspelt.',
  sources: ["ESLint's --report-unused-disable-directives", "ruff's RUF100 (unused-noqa)"],
  docs: {
    what:
      'A `# vsftpd-lint disable...` or `enable` comment that hides no finding (the problem was ' +
      'fixed, or the rule never fires there), names a rule that does not exist, or is not a ' +
      'directive at all (e.g. `disable-line`). Misspelt directives and unknown names are warnings.',
    why:
      'A stale suppression hides the next real problem on that line, and a misspelt one hides ' +
      'nothing while its author believes otherwise. A directive cannot hide an error that stops ' +
      'vsftpd while it reads the file, so one aimed at such an error is reported here too.',
    prevents: 'problems silently hidden by a suppression nobody remembers',
    example: {
      bad: '# vsftpd-lint disable-next-line pasv-disabled\npasv_enable=YES',
      good: 'pasv_enable=YES',
    },
    fix:
      'Safe: the unused rule names are removed from the directive, or the whole directive line ' +
      'when none is left. Nothing vsftpd reads changes: directives are comments to it.',
  },
  check: reportDirectiveProblems,
};

export default unusedSuppression;

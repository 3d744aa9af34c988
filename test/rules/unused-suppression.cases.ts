import { lint, RULES } from '../../src';
import { testRule } from '../support/rule-tester';

testRule('unused-suppression', {
  valid: ['# vsftpd-lint: notes about the linter are prose, not directives\nlisten=YES\n', 'listen=YES\n'],
  invalid: [
    {
      code: '# vsftpd-lint disable-next-line\nlisten=YES\n',
      line: 1,
      column: 1,
      message: 'suppress',
      output: 'listen=YES\n',
    },
    {
      code: '# vsftpd-lint disable-next-line pasv-adress-nat\nlisten=YES\n',
      line: 1,
      column: 33,
      message: 'pasv-address-nat',
      severity: 'warning',
    },
    { code: '# vsftpd-lint disable-line VSF101\nlisten=YES\n', line: 1, column: 15, message: 'disable-line', severity: 'warning' },
  ],
});

describe('rule unused-suppression with every rule running', () => {
  const defaults = RULES.filter((r) => r.enabledByDefault !== false);
  const unused = (text: string) => lint(text, { rules: defaults }).filter((f) => f.name === 'unused-suppression');

  it('reports a directive whose finding is gone, and removes just that name', () => {
    const text =
      'listen=YES\nanonymous_enable=NO\nlocal_enable=YES\n# vsftpd-lint disable-next-line bad-bool-value, pasv-disabled\npasv_enable=NO\n';
    const [finding] = unused(text);
    expect(finding).toMatchObject({ line: 4, severity: 'info' });
    expect(finding.message).toContain('bad-bool-value');
  });

  it('cannot hide an error that stops vsftpd, so a directive aimed at one is unused', () => {
    const text = '# vsftpd-lint disable-next-line bad-bool-value\nlisten=YES \n';
    const findings = lint(text, { rules: defaults });
    expect(findings.filter((f) => f.category === 'syntax').map((f) => f.name)).toEqual(['bad-bool-value']);
    expect(unused(text)).toMatchObject([{ line: 1, message: expect.stringContaining('bad-bool-value') }]);
  });
});

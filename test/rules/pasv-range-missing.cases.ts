import { fix, lint, RULES } from '../../src';
import { testRule } from '../support/rule-tester';

testRule('pasv-range-missing', {
  valid: [
    'pasv_enable=NO\n',
    'pasv_min_port=40000\npasv_max_port=40100\n',
    // one bound written: pasv-range-invalid explains what vsftpd does with it
    'pasv_min_port=40000\n',
    'pasv_max_port=50000\n',
  ],
  invalid: [
    {
      code: '',
      line: 1,
      column: 1,
      option: 'pasv_min_port',
      message: 'PASV and EPSV use any port in 5001-65535 (the compiled default pasv_min_port=5001 of Debian vsftpd 3.0.3)',
      output: 'pasv_min_port=40000\npasv_max_port=40100\n',
    },
    {
      code: 'listen=YES\nanonymous_enable=NO',
      line: 1,
      column: 1,
      message: 'set a narrow range such as pasv_min_port=40000 and pasv_max_port=40100',
      output: 'listen=YES\nanonymous_enable=NO\npasv_min_port=40000\npasv_max_port=40100\n',
    },
    {
      code: 'pasv_enable=YES\n',
      target: 'fedora',
      line: 1,
      column: 1,
      message: 'of Fedora/RHEL 8-9 vsftpd 3.0.x',
      output: 'pasv_enable=YES\npasv_min_port=40000\npasv_max_port=40100\n',
    },
  ],
});

describe('the range pasv-range-missing writes', () => {
  const rangeRules = RULES.filter((r) => r.name === 'pasv-range-missing');
  it.each([
    ['listen=YES\nmax_clients=200\n', 'pasv_min_port=40000\npasv_max_port=40199\n'],
    ['listen=YES\nmax_clients=50\n', 'pasv_min_port=40000\npasv_max_port=40100\n'],
    ['listen=YES\nmax_clients=30000\n', 'pasv_min_port=35535\npasv_max_port=65534\n'],
    ['max_clients=200\n', 'pasv_min_port=40000\npasv_max_port=40100\n'], // inetd: no limit enforced
  ])('for %j is %j, which pasv-range-small accepts', (text, appended) => {
    const { output } = fix(text, { unsafe: true, rules: rangeRules });
    expect(output).toBe(text + appended);
    expect(lint(output).map((f) => f.name)).not.toContain('pasv-range-small');
  });
});

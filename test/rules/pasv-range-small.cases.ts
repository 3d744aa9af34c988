import { testRule } from '../support/rule-tester';

testRule('pasv-range-small', {
  valid: [
    '', // Debian's compiled default is inetd mode, where max_clients is not enforced
    'listen=YES\n', // 5001-65535
    'listen=YES\npasv_min_port=40000\npasv_max_port=42000\n',
    'listen=YES\nmax_clients=0\npasv_min_port=40000\npasv_max_port=40009\n',
    'listen=YES\nmax_clients=10\npasv_min_port=40000\npasv_max_port=40009\n',
    'pasv_min_port=40000\npasv_max_port=40009\n',
    'listen=YES\npasv_enable=NO\npasv_min_port=40000\npasv_max_port=40000\n',
    // max_clients at its compiled default (2000) is nobody's statement about load
    'listen=YES\npasv_min_port=40000\npasv_max_port=40100\n',
    { code: 'pasv_min_port=40000\npasv_max_port=40100\n', target: 'upstream-3.0.5' },
  ],
  invalid: [
    {
      code: 'listen=YES\nmax_clients=200\npasv_min_port=40000\npasv_max_port=40009\n',
      line: 4,
      column: 1,
      option: 'pasv_max_port',
      message: 'the passive range 40000-40009 has 10 ports for max_clients=200 (line 2)',
      output: null,
    },
    {
      code: 'pasv_min_port=40000\npasv_max_port=40000\n',
      line: 2,
      column: 1,
      message: 'the passive range is the single port 40000: one session at a time',
    },
    {
      // inverted: vsftpd uses 65535-65535 (max ignored)
      code: 'pasv_min_port=65535\npasv_max_port=1000\n',
      line: 2,
      column: 1,
      message: 'the single port 65535',
    },
    {
      code: 'max_clients=500\npasv_min_port=40000\npasv_max_port=40100\n',
      target: 'upstream-3.0.5', // listen=YES by compiled default
      line: 3,
      column: 1,
      message: 'has 101 ports for max_clients=500 (line 1)',
    },
  ],
});

import { testRule } from '../support/rule-tester';

testRule('bad-bool-value', {
  valid: ['listen=yes\n', 'listen=True\n', 'listen=0\n', 'listen_port=21 \n'],
  invalid: [
    { code: 'pasv_enable=YES \n', line: 1, column: 13, message: 'trailing whitespace', output: 'pasv_enable=YES\n' },
    { code: 'listen=YES\r\n', line: 1, column: 8, message: 'CRLF', output: 'listen=YES\n' },
    { code: 'listen=NO # off\n', line: 1, column: 8, message: 'no inline comments', output: '# off\nlisten=NO\n' },
    { code: 'listen=NO# off\n', line: 1, column: 8, message: 'no inline comments', output: '# off\nlisten=NO\n' },
    { code: '  listen=no # off\r\n', line: 1, column: 10, message: 'no inline comments', output: '# off\r\n  listen=NO\r\n' },
    { code: 'listen="YES"\n', line: 1, column: 8, message: 'quotes', output: 'listen=YES\n' },
    { code: 'listen=on\n', line: 1, column: 8, message: 'write YES', output: 'listen=YES\n' },
    { code: 'listen=maybe\n', line: 1, column: 8, message: 'write YES or NO', output: null },
    { code: 'listen=YES=NO\n', line: 1, column: 8, message: 'bad bool value in config file for: listen' },
  ],
});

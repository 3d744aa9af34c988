import { testRule } from '../support/rule-tester';

testRule('nul-byte', {
  valid: ['listen=YES\n', '# a\0b\n'],
  invalid: [
    { code: 'anonymous_enable=NO\0YES\n', line: 1, column: 20, message: "ignores '\\0YES' and reads the line as 'anonymous_enable=NO'" },
  ],
});

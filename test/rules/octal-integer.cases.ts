import { fix, lint, RULES } from '../../src';
import { testRule } from '../support/rule-tester';

testRule('octal-integer', {
  valid: ['local_umask=022\n', 'anon_umask=0\n', 'local_umask=7\n', 'pasv_min_port=40000\n', 'max_clients=0\n', 'file_open_mode=0666\n'],
  invalid: [
    { code: 'pasv_min_port=040000\n', line: 1, column: 15, message: 'octal: 16384', output: 'pasv_min_port=40000\n' },
    { code: 'listen_port=08\n', line: 1, column: 13, message: 'octal: 0', output: 'listen_port=8\n' },
    { code: 'local_umask=0089\n', line: 1, column: 13, message: '8/9 are not octal digits', output: null },
    // A template that renders octal 077 in decimal writes 63: the fix keeps the value vsftpd reads.
    {
      code: 'local_umask=63\n',
      line: 1,
      column: 13,
      message: 'vsftpd reads it as decimal 63, which is octal 077; read as octal it would be 063. Write 077',
      output: 'local_umask=077\n',
    },
    // Never the octal reading when it masks fewer bits: 22 is 026, and 022 would unmask 004.
    {
      code: 'anon_umask=22\n',
      line: 1,
      column: 12,
      message: 'octal 026; read as octal it would be 022. Write 026, the value vsftpd uses (022 leaves bits 004 unmasked)',
      output: 'anon_umask=026\n',
    },
    { code: 'local_umask=18\n', line: 1, column: 13, message: 'decimal 18, which is octal 022. Write 022', output: 'local_umask=022\n' },
    { code: 'file_open_mode=438\n', line: 1, column: 16, message: 'octal 0666. Write 0666', output: 'file_open_mode=0666\n' },
    {
      code: 'chown_upload_mode=384\n',
      line: 1,
      column: 19,
      message: 'decimal 384, which is octal 0600. Write 0600',
      output: 'chown_upload_mode=0600\n',
    },
    { code: 'local_umask=63\r\n', line: 1, column: 13, message: 'octal 077', output: 'local_umask=077\r\n' },
    { code: 'local_umask=63 # template\n', line: 1, column: 13, message: 'octal 077', output: 'local_umask=077 # template\n' },
    // Intent unclear: message gives both readings, no fix.
    {
      code: 'local_umask=300\n',
      line: 1,
      column: 13,
      message: "octal 0454; read as octal it would be 0300. vsftpd's reading leaves bits 0300 unmasked",
      output: null,
    },
    { code: 'local_umask=77\n', line: 1, column: 13, message: 'octal 0115; read as octal it would be 077', output: null },
    { code: 'file_open_mode=420\n', line: 1, column: 16, message: 'adds permission bits 0244 compared with 0420', output: null },
    {
      code: 'file_open_mode=666\n',
      line: 1,
      column: 16,
      message: 'octal 01232; read as octal it would be 0666. 01232 is above 0777',
      output: null,
    },
    { code: 'local_umask=1000\n', line: 1, column: 13, message: 'above 0777', output: null },
  ],
});

describe('octal-integer with the other rules (fix)', () => {
  // Before: octal-integer's fix wrote 0300, which removes every bit of 0454, and weak-umask's
  // fix then wrote 0322 while its message had proposed 0476.
  test('local_umask=300: the fix writes what the message proposes, and removes no umask bit', () => {
    const text = 'write_enable=YES\nlocal_enable=YES\nlocal_umask=300\n';
    const proposals = lint(text).flatMap((f) => /use local_umask=(0[0-7]+)/.exec(f.message)?.[1] ?? []);
    expect(proposals).toEqual(['0476']);
    const { output } = fix(text, { unsafe: true });
    expect(output).toMatch(/^local_umask=0476$/m);
    expect(0o454 & ~0o476).toBe(0);
  });

  test.each([
    ['local_umask=63\n', 'local_umask=077\n'],
    ['anon_umask=22 # template\n', '# template\nanon_umask=026\n'],
  ])('%j: --fix keeps the value vsftpd reads', (text, expected) => {
    const { output } = fix(text, { rules: RULES.filter((r) => r.name === 'octal-integer' || r.name === 'inline-comment') });
    expect(output).toBe(expected);
  });
});

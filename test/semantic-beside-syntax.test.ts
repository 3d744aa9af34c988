/**
 * Issue 11 item 6: while a line stops vsftpd, the other rules still report, about the file as
 * vsftpd would read it once the refused lines are fixed, and say so.
 */
import { fix, lint } from '../src';

const byName = (text: string) => lint(text).map((f) => [f.line, f.name, f.message] as const);

describe('semantic findings beside syntax errors', () => {
  it('reports the syntax error and that nobody can log in, in one run', () => {
    const findings = byName('listen=YES \nanonymous_enable=NO\nlocal_enable=NO\n');
    expect(findings).toContainEqual([1, 'bad-bool-value', expect.stringContaining('bad bool value')]);
    expect(findings).toContainEqual([3, 'no-login-possible', expect.stringMatching(/leave no way to log in.*\(once line 1 is fixed\)$/)]);
  });

  it('reads a refused line as its safe fix makes it: "NO " is NO', () => {
    const text = 'listen=YES\nanonymous_enable=NO \nlocal_enable=YES\n';
    expect(lint(text).map((f) => f.name)).not.toContain('anonymous-enabled');
  });

  it('reads a refused line without an evident meaning as absent, and names every refused line', () => {
    const text = 'listen=YES\nanonymous_enable=NOPE\nlocal_enable=YES\nfoo=bar\n';
    const anonymous = lint(text).find((f) => f.name === 'anonymous-enabled');
    expect(anonymous?.message).toMatch(/compiled default.*\(once lines 2 and 4 are fixed\)$/);
  });

  it('offers no unsafe fix that edits a refused line; the pass after the repair does', () => {
    // no-anon-password's fix rewrites its line, which is refused until its blank is removed.
    const text = 'listen=YES\nanonymous_enable=YES\nno_anon_password=YES \n';
    const finding = lint(text).find((f) => f.name === 'no-anon-password');
    expect(finding).toMatchObject({ line: 3, fixable: 'none' });
    const { output } = fix(text, { unsafe: true });
    expect(output).toContain('no_anon_password=NO\n');
  });

  it('a syntax finding says nothing about the other lines', () => {
    const [syntax] = lint('listen=YES \n').filter((f) => f.category === 'syntax');
    expect(syntax.message).not.toContain('once line');
  });
});

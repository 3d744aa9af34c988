/** Issue 11 item 7: one cause repeated line after line is one finding listing the lines. */
import { fix, lint, RULES } from '../src';
import { GROUP_MIN } from '../src/engine/lint';

const only = (...names: string[]) => RULES.filter((r) => names.includes(r.name));

describe('findings of one cause are grouped', () => {
  it(`groups ${GROUP_MIN} or more, at the first line, and its fix edits every line`, () => {
    const text = ' listen=YES\n\tanonymous_enable=NO\nlocal_enable=YES\n  write_enable=NO\n  xferlog_enable=YES\n';
    const findings = lint(text, { rules: only('indented-setting') });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 1, column: 1, fixable: 'safe' });
    expect(findings[0].message).toMatch(/^lines 1-2 and 4-5: indented settings/);
    expect(fix(text, { rules: only('indented-setting') })).toMatchObject({
      output: 'listen=YES\nanonymous_enable=NO\nlocal_enable=YES\nwrite_enable=NO\nxferlog_enable=YES\n',
      applied: [expect.objectContaining({ name: 'indented-setting' })],
    });
  });

  it('keeps fewer than GROUP_MIN apart', () => {
    expect(lint(' listen=YES\n anonymous_enable=NO\n', { rules: only('indented-setting') })).toHaveLength(GROUP_MIN - 1);
  });

  it('groups after the suppressions: a directive still silences one line', () => {
    const text =
      ' listen=YES\n# vsftpd-lint disable-next-line indented-setting\n anonymous_enable=NO\n local_enable=YES\n write_enable=NO\n';
    const findings = lint(text, { rules: only('indented-setting') });
    expect(findings.map((f) => [f.line, f.message.split(':')[0]])).toEqual([[1, 'lines 1 and 4-5']]);
  });

  it('a grouped syntax error sits on the line vsftpd stops at and names what vsftpd names', () => {
    const text = 'listen=YES\n<% if @x %>\n<% end %>\nfoo bar\n';
    const [finding] = lint(text).filter((f) => f.category === 'syntax');
    expect(finding).toMatchObject({ name: 'missing-equals', line: 2, option: '<% if @x %>', severity: 'error' });
    expect(finding.message).toMatch(/^lines 2-4: lines without "="/);
  });

  it('does not group findings of another fixability', () => {
    // default-value: deleting a line that occurs twice is no fix, so that finding stays apart
    const text = 'local_enable=NO\nwrite_enable=NO\nxferlog_enable=NO\nwrite_enable=NO\nanon_upload_enable=NO\n';
    const findings = lint(text, { rules: only('default-value') });
    expect(findings.map((f) => [f.line, f.fixable, f.message.split(':')[0]])).toEqual([
      [1, 'unsafe', 'lines 1, 3 and 5'],
      [4, 'none', 'write_enable=NO is the compiled default of Debian vsftpd 3.0.3; the line can go'],
    ]);
  });
});

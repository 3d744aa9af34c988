import * as fs from 'fs';
import * as path from 'path';
import { lint, RULES } from '../src';
import { applyEdits } from '../src/fix/apply-edits';

interface Invalid {
  readonly code: string;
  /** 1-based line and column of the expected finding. */
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly severity?: 'error' | 'warning' | 'info';
  readonly option?: string;
  /** The text after applying this finding's fix; null when it must have none; undefined: not checked. */
  readonly output?: string | null;
  readonly target?: string;
}

interface RuleCases {
  readonly valid: readonly string[];
  readonly invalid: readonly Invalid[];
}

/** Per rule: texts it must accept, and texts it must report (position, message, fix). */
const CASES: Record<string, RuleCases> = {
  'unknown-option': {
    valid: ['listen=YES\n', 'ftpd_banner=hi\n', 'utf8_filesystem=YES\n', 'listen = YES\n'],
    invalid: [
      { code: 'pasv_enabled=YES\n', line: 1, column: 1, message: "did you mean 'pasv_enable'?", option: 'pasv_enabled', output: 'pasv_enable=YES\n' },
      { code: 'listen_port=1\nListen=YES\n', line: 2, column: 1, message: "did you mean 'listen'?", output: 'listen_port=1\nlisten=YES\n' },
      { code: 'anonymous-enable=NO\n', line: 1, column: 1, message: "'anonymous-enable' is not an option", output: 'anonymous_enable=NO\n' },
      { code: '=YES\n', line: 1, column: 1, message: 'no option name', option: '' },
      { code: 'ssl_tlsv1_2=YES\n', line: 1, column: 1, message: 'exists only in: fedora', output: null },
      { code: 'utf8_filesystem=YES\n', line: 1, column: 1, message: 'not an option of upstream vsftpd 3.0.5', target: 'upstream-3.0.5' },
    ],
  },
  'bad-bool-value': {
    valid: ['listen=yes\n', 'listen=True\n', 'listen=0\n', 'listen_port=21 \n'],
    invalid: [
      { code: 'pasv_enable=YES \n', line: 1, column: 13, message: 'trailing whitespace', output: 'pasv_enable=YES\n' },
      { code: 'listen=YES\r\n', line: 1, column: 8, message: 'CRLF', output: 'listen=YES\n' },
      { code: 'listen=NO # off\n', line: 1, column: 8, message: 'no inline comments', output: '# off\nlisten=NO\n' },
      { code: 'listen="YES"\n', line: 1, column: 8, message: 'quotes', output: 'listen=YES\n' },
      { code: 'listen=on\n', line: 1, column: 8, message: 'write YES', output: 'listen=YES\n' },
      { code: 'listen=maybe\n', line: 1, column: 8, message: 'write YES or NO', output: null },
      { code: 'listen=YES=NO\n', line: 1, column: 8, message: "bad bool value in config file for: listen" },
    ],
  },
  'missing-value': {
    valid: ['listen=YES\n', 'ftpd_banner=\n', 'listen\n'],
    invalid: [
      { code: 'listen_port=\n', line: 1, column: 1, message: 'missing value in config file for: listen_port', output: null },
      { code: 'foo=\n', line: 1, column: 1, message: "'foo' has no value" },
      { code: '=\n', line: 1, column: 1, message: 'no name or value', option: '' },
      { code: 'listen=\0YES\n', line: 1, column: 1, message: 'a NUL byte ends' },
    ],
  },
  'missing-equals': {
    valid: ['listen=YES\n', 'ftpd_banner\n', '# listen\n'],
    invalid: [
      { code: 'listen\n', line: 1, column: 1, message: 'missing value in config file for: listen' },
      { code: 'listen YES\n', line: 1, column: 1, message: 'write NAME=VALUE', option: 'listen YES' },
      { code: '; comment\n', line: 1, column: 1, message: "'; comment' has no" },
      { code: 'ftpd_banner \n', line: 1, column: 1, message: "for: ftpd_banner ", option: 'ftpd_banner ' },
      { code: '\0\n', line: 1, column: 1, message: 'missing value in config file for: "', option: '' },
    ],
  },
  'space-around-equals': {
    valid: ['listen=YES\n', 'listen_port= 21\n', 'fooo = YES\n'],
    invalid: [
      { code: 'listen = YES\n', line: 1, column: 7, message: 'unrecognised variable in config file: listen ', option: 'listen ', output: 'listen=YES\n' },
      { code: 'listen= YES\n', line: 1, column: 7, message: 'bad bool value', output: 'listen=YES\n' },
      { code: 'ftpd_banner\t=hello\n', line: 1, column: 12, message: "write 'ftpd_banner=hello'", output: 'ftpd_banner=hello\n' },
    ],
  },
  'indented-comment': {
    valid: ['# comment\n', '\tlisten=YES\n'],
    invalid: [
      { code: 'listen=YES\n  # comment\n', line: 2, column: 1, message: 'missing value in config file for: # comment', output: 'listen=YES\n# comment\n' },
      { code: '\t#a=b\n', line: 1, column: 1, message: 'unrecognised variable in config file: #a', output: '#a=b\n' },
      { code: '  # vsftpd-lint disable-next-line VSF201\n', line: 1, column: 1, message: 'suppression comment is ignored' },
    ],
  },
  'utf8-bom': {
    valid: ['listen=YES\n', 'ftpd_banner=\uFEFF\n'],
    invalid: [
      { code: '\uFEFFanonymous_enable=NO\n', line: 1, column: 1, message: 'unrecognised variable in config file: <BOM>anonymous_enable', option: '\uFEFFanonymous_enable', output: 'anonymous_enable=NO\n' },
      { code: '\uFEFF# comment\n', line: 1, column: 1, message: 'missing value in config file for: <BOM># comment', output: '# comment\n' },
    ],
  },
  'invalid-integer': {
    valid: ['listen_port=2121\n', 'listen_port=2121\r\n', 'max_clients=0\n', 'local_umask=022\n'],
    invalid: [
      { code: 'listen_port=2121 # ftp\n', line: 1, column: 13, message: 'vsftpd silently uses 2121' },
      { code: 'max_clients=abc\n', line: 1, column: 13, message: 'silently uses 0' },
      { code: 'max_clients=-1\n', line: 1, column: 13, message: 'silently uses 4294967295' },
      { code: 'max_clients=4294967296\n', line: 1, column: 13, message: 'wraps around: vsftpd silently uses 0' },
      { code: 'listen_port=67657\n', line: 1, column: 13, message: 'cut to 16 bits: vsftpd silently uses 2121' },
    ],
  },
  'octal-integer': {
    valid: ['local_umask=022\n', 'anon_umask=0\n', 'local_umask=7\n', 'pasv_min_port=40000\n', 'max_clients=0\n'],
    invalid: [
      { code: 'pasv_min_port=040000\n', line: 1, column: 15, message: 'octal: 16384', output: 'pasv_min_port=40000\n' },
      { code: 'local_umask=22\n', line: 1, column: 13, message: 'decimal 22 (octal 026)', output: 'local_umask=022\n' },
      { code: 'file_open_mode=666\n', line: 1, column: 16, message: 'not octal 0666', output: 'file_open_mode=0666\n' },
      { code: 'listen_port=08\n', line: 1, column: 13, message: 'octal: 0', output: 'listen_port=8\n' },
      { code: 'local_umask=0089\n', line: 1, column: 13, message: '8/9 are not octal digits' },
    ],
  },
  'string-whitespace': {
    valid: ['pam_service_name=vsftpd\n', 'ftpd_banner=hello world\n', 'ftpd_banner= \n'],
    invalid: [
      { code: 'pam_service_name=vsftpd \n', line: 1, column: 18, message: 'Debian vsftpd 3.0.3 trims them', severity: 'warning', output: 'pam_service_name=vsftpd\n' },
      { code: 'pam_service_name=vsftpd \n', line: 1, column: 18, message: 'keeps in the value', severity: 'error', target: 'upstream-3.0.3', output: 'pam_service_name=vsftpd\n' },
      { code: 'ftpd_banner=\thi there\r\n', line: 1, column: 13, message: 'surrounding blanks', severity: 'warning', output: 'ftpd_banner=hi there\n' },
    ],
  },
  'blank-string-value': {
    valid: ['ftpd_banner=hi\n', 'ftpd_banner=\n', 'ftpd_banner=\0 \n'],
    invalid: [
      { code: 'ftpd_banner= \n', line: 1, column: 13, message: 'crashes with SIGSEGV', severity: 'error', output: 'ftpd_banner=\n' },
      { code: 'banner_file=\r\n', line: 1, column: 13, message: "'\\r'", severity: 'error' },
      { code: 'ftpd_banner=\t\n', line: 1, column: 13, message: 'unsets the option', severity: 'warning', target: 'fedora' },
      { code: 'ftpd_banner=  \n', line: 1, column: 13, message: 'uses the blanks as the value', severity: 'error', target: 'upstream-3.0.2' },
    ],
  },
  'crlf-line-endings': {
    valid: ['listen=YES\n', 'listen=YES\rx\n'],
    invalid: [
      { code: '# a\r\nlisten_port=21\r\n\r\n', line: 1, column: 4, message: '3 lines end with CRLF', output: '# a\nlisten_port=21\n\n' },
    ],
  },
  'file-too-large': {
    valid: ['listen=YES\n', '#'.repeat(99_999) + '\n' + '# more comments\n'],
    invalid: [
      { code: '#'.repeat(99_999) + '\nanonymous_enable=NO\nlisten=YES\n', line: 2, column: 1, message: '2 setting line(s) after byte 100000 are never read (anonymous_enable, listen)' },
      { code: '#'.repeat(99_987) + '\nlisten_port=2121\n', line: 2, column: 13, message: "line 2 is cut at byte 100000: vsftpd reads it as 'listen_port='" },
    ],
  },
  'nul-byte': {
    valid: ['listen=YES\n', '# a\0b\n'],
    invalid: [{ code: 'anonymous_enable=NO\0YES\n', line: 1, column: 20, message: "ignores '\\0YES' and reads the line as 'anonymous_enable=NO'" }],
  },
  'empty-string-value': {
    valid: ['ftpd_banner=\n', 'secure_chroot_dir=/var/empty\n'],
    invalid: [
      { code: 'secure_chroot_dir=\n', line: 1, column: 1, message: "no longer uses the default '/var/run/vsftpd/empty'" },
      { code: 'pam_service_name\n', line: 1, column: 1, message: "without \"=\" unsets the option" },
    ],
  },
};

describe.each(RULES.map((rule) => [rule.name, rule] as const))('%s', (name, rule) => {
  const cases = CASES[name];

  it('has test cases', () => {
    expect(cases).toBeDefined();
  });

  it.each(cases?.valid ?? [])('accepts %j', (code) => {
    expect(lint(code).filter((f) => f.ruleId === rule.id)).toEqual([]);
  });

  it.each((cases?.invalid ?? []).map((c) => [JSON.stringify(c.code).slice(0, 60), c] as const))('reports %s', (_, c) => {
    const findings = lint(c.code, { target: c.target }).filter((f) => f.ruleId === rule.id);
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding).toMatchObject({ line: c.line, column: c.column, name, category: rule.category });
    expect(finding.message).toContain(c.message);
    expect(finding.severity).toBe(c.severity ?? rule.severity);
    if (c.option !== undefined) expect(finding.option).toBe(c.option);
    if (c.output === null) expect(finding.fix).toBeUndefined();
    if (typeof c.output === 'string') {
      expect(finding.fix).toBeDefined();
      expect(applyEdits(c.code, finding.fix!.edits)).toBe(c.output);
    }
  });
});

describe('fixtures', () => {
  const root = path.resolve(__dirname, '../fixtures');
  it.each(RULES.map((r) => [r.name, r.id]))('fixtures/%s: bad.conf triggers %s and good.conf does not', (name, id) => {
    const read = (file: string) => fs.readFileSync(path.join(root, name, file), 'utf8');
    expect(lint(read('bad.conf')).map((f) => f.ruleId)).toContain(id);
    expect(lint(read('good.conf'))).toEqual([]);
  });
});

describe('every rule is documented', () => {
  it.each(RULES.map((r) => [r.id, r]))('%s has complete docs and a unique id and name', (_, rule) => {
    for (const text of [rule.summary, rule.docs.what, rule.docs.why, rule.docs.prevents, rule.docs.fix, rule.docs.example.bad, rule.docs.example.good]) {
      expect(text.trim().length).toBeGreaterThan(0);
    }
    expect(RULES.filter((r) => r.id === rule.id || r.name === rule.name)).toHaveLength(1);
    expect(rule.id).toMatch(/^VSF\d{3}$/);
  });
});

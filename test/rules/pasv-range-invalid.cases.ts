import { lint, RULES } from '../../src';
import { testRule } from '../support/rule-tester';

testRule('pasv-range-invalid', {
  valid: [
    '',
    'pasv_min_port=40000\npasv_max_port=40100\n',
    'pasv_min_port=1024\npasv_max_port=2000\n',
    'pasv_min_port=40000\npasv_max_port=65535\n',
    'pasv_min_port=40000\npasv_max_port=40000\n',
    'pasv_enable=NO\npasv_min_port=50000\npasv_max_port=40000\n',
    // inetd mode (Debian's compiled default): listen_port is not vsftpd's to hold
    'listen_port=40050\npasv_min_port=40000\npasv_max_port=40100\n',
    // ftp_data_port is used only with connect_from_port_20=YES
    'ftp_data_port=40020\npasv_min_port=40000\npasv_max_port=40100\n',
    'connect_from_port_20=YES\nport_enable=NO\nftp_data_port=40020\npasv_min_port=40000\npasv_max_port=40100\n',
    // no range written: pasv-range-missing's business
    'listen=YES\nlisten_port=10021\n',
  ],
  invalid: [
    {
      code: 'pasv_min_port=50000\npasv_max_port=40000\n',
      line: 2,
      column: 15,
      option: 'pasv_max_port',
      message: 'pasv_max_port=40000 is below pasv_min_port=50000 (line 1), so vsftpd ignores it and uses passive ports 50000-65535',
      output: 'pasv_min_port=40000\npasv_max_port=50000\n',
    },
    {
      code: 'pasv_min_port=50000\r\npasv_max_port=40000\r\n',
      line: 2,
      column: 15,
      message: 'swap the two values to get 40000-50000',
      output: 'pasv_min_port=40000\r\npasv_max_port=50000\r\n',
    },
    {
      code: 'pasv_min_port=060000\npasv_max_port=050000\n',
      line: 2,
      column: 15,
      message: "pasv_max_port='050000' (read as 20480) is below pasv_min_port=24576 (line 1)",
      output: 'pasv_min_port=20480\npasv_max_port=24576\n',
    },
    {
      code: 'pasv_max_port=3000\n',
      line: 1,
      column: 15,
      message:
        'below pasv_min_port=5001 (the compiled default of Debian vsftpd 3.0.3), so vsftpd ignores it and uses passive ports 5001-65535',
      output: null,
    },
    {
      code: 'pasv_min_port=0\npasv_max_port=40000\n',
      line: 1,
      column: 15,
      option: 'pasv_min_port',
      message: 'pasv_min_port=0 is not above 1024, so vsftpd ignores it and uses passive ports 1024-40000',
      output: null,
    },
    {
      code: 'pasv_min_port=500\npasv_max_port=1100\n',
      line: 1,
      column: 15,
      message: 'uses passive ports 1024-1100',
      output: null,
    },
    {
      code: 'pasv_min_port=70000\npasv_max_port=1030\n',
      line: 1,
      column: 15,
      message: 'pasv_min_port=70000 is above 65535, so vsftpd ignores it and uses passive ports 1024-1030',
    },
    {
      code: 'pasv_min_port=-1\npasv_max_port=40000\n',
      line: 1,
      column: 15,
      message: "pasv_min_port='-1' (read as 4294967295) is above 65535",
    },
    {
      code: 'pasv_min_port=40000\npasv_max_port=70000\n',
      line: 2,
      column: 15,
      option: 'pasv_max_port',
      message: 'pasv_max_port=70000 is above 65535: vsftpd uses passive ports 40000-65535',
      output: 'pasv_min_port=40000\npasv_max_port=65535\n',
    },
    {
      code: 'pasv_min_port=40000\n',
      line: 1,
      column: 1,
      option: 'pasv_min_port',
      message: 'pasv_min_port=40000 without pasv_max_port: vsftpd uses passive ports 40000-65535 (25536 ports, up to 65535)',
      output: null,
    },
    {
      code: 'pasv_max_port=6000\n',
      line: 1,
      column: 1,
      option: 'pasv_max_port',
      message: 'vsftpd uses passive ports 5001-6000 (1000 ports, from the compiled default pasv_min_port=5001); set pasv_min_port too',
    },
    {
      code: 'listen=YES\nlisten_port=40050\npasv_min_port=40000\npasv_max_port=40100\n',
      line: 4,
      column: 1,
      severity: 'warning',
      message: "the passive range 40000-40100 contains listen_port 40050 (line 2), held by vsftpd's own listener",
    },
    {
      code: 'listen=YES\nlisten_port=2121\npasv_min_port=2121\npasv_max_port=2121\n',
      line: 4,
      column: 1,
      severity: 'error',
      message: 'every PASV/EPSV dies with "500 OOPS: vsf_sysutil_bind"',
    },
  ],
});

describe('pasv-range-invalid beyond one finding', () => {
  const rule = RULES.find((r) => r.name === 'pasv-range-invalid')!;

  it('reports both bounds when vsftpd ignores both ("0 .. 1000" meant as "any")', () => {
    const findings = lint('pasv_min_port=0\npasv_max_port=1000\n', { rules: [rule] });
    expect(findings.map((f) => [f.line, f.option])).toEqual([
      [1, 'pasv_min_port'],
      [2, 'pasv_max_port'],
    ]);
    expect(findings[1].message).toContain("below vsftpd's floor of 1024");
  });

  it('reports a range holding ftp_data_port while active mode binds it', () => {
    const findings = lint('connect_from_port_20=YES\nftp_data_port=40020\npasv_min_port=40000\npasv_max_port=40100\n', { rules: [rule] });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 4, severity: 'warning' });
    expect(findings[0].message).toContain('ftp_data_port 40020 (line 2), the source port of active-mode connections');
  });

  it("takes listen_port from the upstream build's default listener (listen=YES)", () => {
    const findings = lint('pasv_min_port=21\npasv_max_port=21\n', { target: 'upstream-3.0.5', rules: [rule] });
    // both bounds are ignored (range 1024-65535), so port 21 is not inside: nothing about listen_port
    expect(findings.map((f) => f.line)).toEqual([1, 2]);
    const busy = lint('pasv_min_port=40000\npasv_max_port=40100\nlisten_port=40000\n', { target: 'upstream-3.0.5', rules: [rule] });
    expect(busy).toHaveLength(1);
    expect(busy[0].message).toContain('listen_port 40000 (line 3)');
  });
});

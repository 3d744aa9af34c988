import { testRule } from '../support/rule-tester';

testRule('inline-comment', {
  valid: [
    'rsa_cert_file=/etc/ssl/x.pem\n',
    'anon_root=/srv/ftp#1\n', // no blank before "#": part of the name
    'ftpd_banner= # only a comment\n', // nothing before the "#": the value is the text
    'listen=YES # on\n', // booleans: bad-bool-value (fatal)
    'max_clients=50\n',
  ],
  invalid: [
    {
      code: 'rsa_cert_file=/etc/ssl/x.pem # cert\n',
      line: 1,
      column: 29,
      message: "rsa_cert_file is the whole text '/etc/ssl/x.pem # cert', comment included, not '/etc/ssl/x.pem'",
      severity: 'warning',
      output: '# cert\nrsa_cert_file=/etc/ssl/x.pem\n',
    },
    {
      code: 'xferlog_file=/var/log/xfer.log\t# transfers\r\n',
      line: 1,
      column: 31,
      message: "the whole text '/var/log/xfer.log\\t# transfers'",
      output: '# transfers\r\nxferlog_file=/var/log/xfer.log\r\n',
    },
    {
      code: 'userlist_file=/etc/list\t# allowed\n',
      line: 1,
      column: 24,
      message: 'not fixed automatically, since userlist_file decides who may log in',
      severity: 'warning',
      output: null,
    },
    { code: 'cmds_allowed=PASV,RETR # read-only\n', line: 1, column: 23, message: "not 'PASV,RETR'", output: null },
    { code: 'local_root=/home/$USER # per user\n', line: 1, column: 23, message: 'not fixed automatically', output: null },
    {
      code: 'max_clients=50 # per host\n',
      line: 1,
      column: 15,
      message: "reads '50 # per host' as 50",
      severity: 'info',
      output: '# per host\nmax_clients=50\n',
    },
    { code: 'local_umask=022# umask\n', line: 1, column: 16, message: 'as 022', severity: 'info', output: '# umask\nlocal_umask=022\n' },
    {
      code: '  listen_port=2121 # ftp\n',
      line: 1,
      column: 19,
      message: 'as 2121',
      severity: 'info',
      output: '# ftp\n  listen_port=2121\n',
    },
    {
      code: 'ftpd_banner=Welcome # to the server\n',
      line: 1,
      column: 20,
      message: `ftpd_banner shows 'Welcome # to the server', "# to the server" included`,
      severity: 'info',
      output: null,
    },
    // upstream keeps blanks in strings; the comment is still part of the value
    {
      code: 'banner_file=/etc/issue.ftp # text\n',
      line: 1,
      column: 27,
      message: "'/etc/issue.ftp # text'",
      output: '# text\nbanner_file=/etc/issue.ftp\n',
      target: 'upstream-3.0.5',
    },
  ],
});

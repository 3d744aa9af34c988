import { testRule } from '../support/rule-tester';

testRule('data-commands-denied', {
  valid: [
    '',
    'cmds_allowed=PASV,LIST,RETR,QUIT\n',
    'cmds_allowed=EPSV,LIST,RETR\n',
    'cmds_allowed=CWD,PWD,QUIT\n', // no transfer commands wanted
    'cmds_denied=PORT,EPRT\n', // passive only: fine
    'pasv_enable=NO\ncmds_allowed=PORT,LIST\n', // pasv-disabled's business
    'cmds_allowed=LIST,RETR\ncmds_allowed=\n', // unset again: everything allowed
  ],
  invalid: [
    {
      code: 'cmds_allowed=FEAT,TYPE,CWD,PWD,LIST,RETR,QUIT\n',
      line: 1,
      column: 14,
      severity: 'error',
      option: 'cmds_allowed',
      message:
        'cmds_allowed=FEAT,TYPE,CWD,PWD,LIST,RETR,QUIT (line 1) lets through LIST, RETR but none of PASV, EPSV, PORT, EPRT: every listing and transfer fails with "425 Use PORT or PASV first."',
      output: 'cmds_allowed=FEAT,TYPE,CWD,PWD,LIST,RETR,QUIT,PASV,EPSV\n',
    },
    {
      code: 'cmds_allowed=PORT,LIST,RETR   \r\n',
      line: 1,
      column: 14,
      severity: 'warning',
      message: 'lets through LIST, RETR but not PASV or EPSV: passive mode gets "550 Permission denied."',
      output: 'cmds_allowed=PORT,LIST,RETR,PASV,EPSV   \r\n',
    },
    {
      code: 'cmds_allowed=pasv,LIST\n', // tokens are compared exactly: "pasv" never matches
      line: 1,
      column: 14,
      severity: 'error',
      message: 'lets through LIST but none of PASV',
    },
    {
      code: 'cmds_denied=PASV,EPSV,DELE\n',
      line: 1,
      column: 13,
      severity: 'warning',
      option: 'cmds_denied',
      message: 'cmds_denied=PASV,EPSV,DELE (line 1) lets through LIST, NLST, RETR, STOR, STOU, APPE but not PASV or EPSV',
      output: null,
    },
  ],
});

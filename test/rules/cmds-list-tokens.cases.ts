import { testRule } from '../support/rule-tester';

testRule('cmds-list-tokens', {
  valid: [
    'cmds_allowed=PASV,RETR,QUIT,USER,PASS,LIST,CWD,PWD,TYPE,SYST,FEAT\n',
    'cmds_denied=DELE,RMD,RNFR,RNTO,SITE,\n', // a trailing comma is harmless
    'cmds_allowed=\n',
    'ftpd_banner=get, put\n',
  ],
  invalid: [
    {
      code: 'cmds_allowed=PASV, SYST\n',
      line: 1,
      column: 19,
      option: 'cmds_allowed',
      message: `' SYST' has blanks and never equals a command (vsftpd compares the upper-cased command byte for byte): the command stays denied; write SYST`,
      output: 'cmds_allowed=PASV,SYST\n',
    },
    {
      code: 'cmds_denied=dele\n',
      line: 1,
      column: 13,
      option: 'cmds_denied',
      message: "'dele' is not upper case and never equals a command",
      output: 'cmds_denied=DELE\n',
    },
    {
      code: 'cmds_denied=DELE,put\n',
      line: 1,
      column: 18,
      message: "'put' is a client command, not an FTP command: the client sends STOR, so the command stays allowed; write STOR",
      output: 'cmds_denied=DELE,STOR\n',
    },
    {
      code: 'cmds_allowed=RETR,,LIST,NLST\n',
      line: 1,
      column: 18,
      message: `an empty item ends the cmds_allowed list: vsftpd never reads 'LIST', 'NLST', so those commands get "550 Permission denied."`,
      output: 'cmds_allowed=RETR,LIST,NLST\n',
    },
    {
      code: 'cmds_allowed=,RETR\n',
      line: 1,
      column: 14,
      message: "never reads 'RETR'",
      output: 'cmds_allowed=RETR\n',
    },
    {
      code: 'cmds_denied=SITE CHMOD\n',
      line: 1,
      column: 13,
      message: 'the lists name commands only, not their arguments, so the command stays allowed; write SITE',
      output: 'cmds_denied=SITE\n',
    },
    {
      code: 'cmds_allowed=RETR,MLSD\n',
      line: 1,
      column: 19,
      message: "'MLSD' is not a command vsftpd handles after login",
      output: null,
    },
    {
      code: 'cmds_allowed= RETR,LIST\n',
      target: 'upstream',
      line: 1,
      column: 14,
      message: "' RETR' has blanks",
      output: 'cmds_allowed=RETR,LIST\n',
    },
  ],
});

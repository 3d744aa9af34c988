import { fixWith, lineOf, replaceInLine, Rule } from '../src/engine/rule';
import type { Fix } from '../src/engine/finding';
import { quote } from '../src/engine/text';

/** Every command vsftpd 3.0.x dispatches after login (postlogin.c process_post_login). */
const COMMANDS = new Set([
  'ABOR',
  'ACCT',
  'ALLO',
  'APPE',
  'CDUP',
  'CWD',
  'DELE',
  'EPRT',
  'EPSV',
  'FEAT',
  'HELP',
  'LIST',
  'MDTM',
  'MKD',
  'MODE',
  'NLST',
  'NOOP',
  'OPTS',
  'P@SW',
  'PASS',
  'PASV',
  'PBSZ',
  'PORT',
  'PROT',
  'PWD',
  'QUIT',
  'REIN',
  'REST',
  'RETR',
  'RMD',
  'RNFR',
  'RNTO',
  'SITE',
  'SIZE',
  'SMNT',
  'STAT',
  'STOR',
  'STOU',
  'STRU',
  'SYST',
  'TYPE',
  'USER',
  'XCUP',
  'XCWD',
  'XMKD',
  'XPWD',
  'XRMD',
]);

/** Client-side command names people write, and the protocol commands they send. */
const CLIENT_WORDS: Readonly<Record<string, string>> = {
  GET: 'RETR',
  MGET: 'RETR',
  PUT: 'STOR',
  MPUT: 'STOR',
  SEND: 'STOR',
  LS: 'LIST,NLST',
  DIR: 'LIST,NLST',
  CD: 'CWD',
  MKDIR: 'MKD',
  RMDIR: 'RMD',
  DELETE: 'DELE',
  MDELETE: 'DELE',
  RENAME: 'RNFR,RNTO',
  BYE: 'QUIT',
  EXIT: 'QUIT',
  CHMOD: 'SITE',
  APPEND: 'APPE',
};

interface Token {
  readonly text: string;
  /** 0-based offset in the value. */
  readonly at: number;
}

function tokens(value: string): Token[] {
  const out: Token[] = [];
  let at = 0;
  for (const text of value.split(',')) {
    out.push({ text, at });
    at += text.length + 1;
  }
  return out;
}

const cmdsListTokens: Rule = {
  id: 'VSF318',
  name: 'cmds-list-tokens',
  category: 'startup',
  severity: 'warning',
  fixable: 'unsafe',
  perUser: 'also',
  summary: 'cmds_allowed/cmds_denied items with blanks, lower case or client words never match.',
  sources: ['vsftpd.conf(5): cmds_allowed, cmds_denied', 'postlogin.c process_post_login'],
  docs: {
    what:
      'An item of cmds_allowed or cmds_denied that can never equal a command: one with blanks ' +
      '("PASV, SYST"), in lower case ("retr"), a client-side word ("get", "put", "ls", "mkdir") ' +
      'or a name vsftpd does not know; and an empty item in the middle (",,"), which ends the list.',
    why:
      'vsftpd upper-cases the command the client sends and compares it byte for byte with each ' +
      'item, split on "," without trimming; it stops at the first empty item. An item that never ' +
      'matches silently denies a command you meant to allow (cmds_allowed: "550 Permission ' +
      'denied.") or allows one you meant to deny (cmds_denied).',
    prevents: '550 Permission denied. for an allowed command, or a denied command that still works',
    example: { bad: 'cmds_allowed=PASV, RETR,quit,get', good: 'cmds_allowed=PASV,RETR,QUIT' },
    fix:
      'Unsafe (it changes which commands are allowed or denied): blanks are removed and the item ' +
      'is upper-cased, a client word is replaced by the command it sends, an empty item is removed.',
  },
  check({ config, report }) {
    for (const name of ['cmds_allowed', 'cmds_denied']) {
      const value = config.get(name);
      const line = lineOf(value);
      if (!value || !line || typeof value.value !== 'string') continue;
      // Debian and Fedora trim the value; find where the effective text sits in the line.
      const base = line.valueColumn + Math.max(0, line.value.indexOf(value.value));
      const list = tokens(value.value);
      list.forEach((token, index) => {
        const from = base + token.at;
        const to = from + token.text.length;
        const replace = (text: string): Fix => fixWith('unsafe', replaceInLine(line, from, to, text));
        const shownToken = quote(token.text);
        if (token.text === '') {
          if (index === list.length - 1) return; // a trailing comma is harmless
          const dropped = list
            .slice(index + 1)
            .map((t) => t.text)
            .filter((t) => t !== '');
          // Remove the comma before the empty item, or after it when the list starts with one.
          const comma = index === 0 ? from : from - 1;
          report({
            line,
            column: comma,
            endColumn: comma + 1,
            option: name,
            message:
              `an empty item ends the ${name} list: vsftpd never reads ${dropped.length ? dropped.map((t) => quote(t)).join(', ') : 'the rest'}` +
              `${name === 'cmds_allowed' ? ', so those commands get "550 Permission denied."' : ', so those commands stay allowed'}; remove the extra comma`,
            fix: fixWith('unsafe', replaceInLine(line, comma, comma + 1, '')),
          });
          return;
        }
        const cleaned = token.text.replace(/[ \t\r\v\f]/g, '').toUpperCase();
        const effect = name === 'cmds_allowed' ? 'the command stays denied' : 'the command stays allowed';
        const words = token.text.trim().split(/[ \t\r\v\f]+/);
        const verb = words[0].toUpperCase();
        if (words.length > 1 && COMMANDS.has(verb)) {
          report({
            line,
            column: from,
            endColumn: to,
            option: name,
            message: `${shownToken} never equals a command: the lists name commands only, not their arguments, so ${effect}; write ${verb} (it covers every ${verb} command)`,
            fix: replace(verb),
          });
          return;
        }
        if (cleaned !== token.text && COMMANDS.has(cleaned)) {
          const why = /[ \t\r\v\f]/.test(token.text) ? 'has blanks' : 'is not upper case';
          report({
            line,
            column: from,
            endColumn: Math.max(to, from + 1),
            option: name,
            message: `${shownToken} ${why} and never equals a command (vsftpd compares the upper-cased command byte for byte): ${effect}; write ${cleaned}`,
            fix: replace(cleaned),
          });
          return;
        }
        if (COMMANDS.has(cleaned)) return;
        const sent = CLIENT_WORDS[cleaned];
        report({
          line,
          column: from,
          endColumn: Math.max(to, from + 1),
          option: name,
          message: sent
            ? `${shownToken} is a client command, not an FTP command: the client sends ${sent}, so ${effect}; write ${sent}`
            : `${shownToken} is not a command vsftpd handles after login (the lists apply only then), so this item never matches; check the spelling (e.g. RETR, STOR, LIST, DELE)`,
          fix: sent ? replace(sent) : undefined,
        });
      });
    }
  },
};

export default cmdsListTokens;

import { fixWith, moveCommentAbove, Rule } from '../src/engine/rule';
import { quote } from '../src/engine/text';
import { formatValue, inlineComment } from '../src/schema/values';

/**
 * String options whose comment is moved by an (unsafe) fix: files vsftpd opens and addresses it
 * binds or advertises, where the whole text cannot be what was meant and the shorter text grants
 * nobody anything. Lists, patterns, directories, user names and the PAM service decide who may
 * log in or what they may do: there the comment is reported but left to the author.
 */
const FIXABLE_STRINGS = new Set([
  'rsa_cert_file',
  'rsa_private_key_file',
  'dsa_cert_file',
  'dsa_private_key_file',
  'dh_param_file',
  'ecdh_param_file',
  'xferlog_file',
  'vsftpd_log_file',
  'banner_file',
  'message_file',
  'nopriv_user',
  'secure_chroot_dir',
  'listen_address',
  'listen_address6',
  'pasv_address',
]);

/** Text shown to clients: a "#" there is probably meant to be shown. */
const SHOWN_TEXT = new Set(['ftpd_banner']);

const inlineCommentRule: Rule = {
  id: 'VSF117',
  name: 'inline-comment',
  category: 'syntax',
  severity: 'warning',
  fixable: 'unsafe',
  perUser: 'also',
  summary: 'vsftpd has no inline comments: "# text" after a value is part of the value.',
  docs: {
    what:
      'A number or string option whose value ends in what looks like a comment: "#" after the ' +
      'value (for strings, after a blank). Booleans are reported by bad-bool-value, since the ' +
      'comment makes them fatal.',
    why:
      'vsftpd comments are whole lines starting with "#"; text after a value belongs to it. A ' +
      'number is read up to the first character that is not a digit, so "max_clients=50 # per ' +
      'host" is 50 and the comment is harmless (info; octal-integer and invalid-integer judge the ' +
      'number before it). A string keeps the whole text: "rsa_cert_file=/etc/ssl/x.pem # cert" ' +
      'makes vsftpd open a file named "/etc/ssl/x.pem # cert", and "userlist_file=/etc/list # ' +
      'allowed" reads a list that does not exist (warning). In ftpd_banner the text is shown to ' +
      'clients, which is probably what was meant (info).',
    prevents: '500 OOPS: SSL: cannot load RSA certificate, a missing user list or log file, or a 220 ' + 'greeting that shows a comment',
    example: {
      bad: 'max_clients=50 # per host\nrsa_cert_file=/etc/ssl/certs/vsftpd.pem # certificate',
      good: '# per host\nmax_clients=50\n# certificate\nrsa_cert_file=/etc/ssl/certs/vsftpd.pem',
    },
    fix:
      'Numbers, safe: the comment moves to its own line above the setting; vsftpd reads the ' +
      'same number before and after. Certificate, key, parameter and log files, banner_file, ' +
      'message_file, nopriv_user, secure_chroot_dir and the listen and passive addresses, ' +
      'unsafe: moving the comment changes the text vsftpd uses, which it accepts today, to the ' +
      'text the line evidently means. Other strings (user and command lists, file patterns, ' +
      'directories, user names, the PAM service) have no fix: the value decides who may log in ' +
      'or what they may do, so the shorter reading could grant more than vsftpd grants today. ' +
      'ftpd_banner has no fix: the text is probably meant to be shown.',
  },
  check({ settings, report }) {
    for (const { line, outcome } of settings) {
      if (outcome.kind !== 'set' || outcome.option.type === 'bool') continue;
      const option = outcome.option;
      const comment = inlineComment(line.value, option.type);
      if (!comment || line.reach !== 'whole') continue;
      const span = { column: line.valueColumn + comment.start, endColumn: line.valueColumn + comment.end };
      const shown = quote(line.value.slice(0, comment.end));
      if (option.type === 'uint') {
        report({
          line,
          ...span,
          option: line.name,
          severity: 'info',
          message:
            `vsftpd has no inline comments: it reads ${shown} as ${formatValue(option, outcome.value)} (the number ` +
            `before the comment); move ${quote(comment.comment)} to its own line`,
          fix: fixWith('safe', ...moveCommentAbove(line, comment, comment.before)),
        });
      } else if (SHOWN_TEXT.has(option.name)) {
        report({
          line,
          ...span,
          option: line.name,
          severity: 'info',
          message:
            `${line.name} shows ${quote(String(outcome.value))}, "${comment.comment}" included ` +
            `(vsftpd has no inline comments); if that part is a comment, move it to its own line`,
        });
      } else {
        const fixable = FIXABLE_STRINGS.has(option.name);
        report({
          line,
          ...span,
          option: line.name,
          message:
            `vsftpd has no inline comments: ${line.name} is the whole text ` +
            `${quote(String(outcome.value))}, comment included, not ${quote(comment.before.trim())}` +
            (fixable
              ? ''
              : `; not fixed automatically, since ${line.name} decides who may log in or what ` +
                'they may do: move the comment to its own line if it is one'),
          fix: fixable ? fixWith('unsafe', ...moveCommentAbove(line, comment, comment.before)) : undefined,
        });
      }
    }
  },
};

export default inlineCommentRule;

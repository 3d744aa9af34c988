import { at, Rule } from '../src/engine/rule';
import { andList } from '../src/engine/text';

/** Families of cipher suites no server should offer, with what is wrong with each. */
const WEAKNESS = {
  eNULL: 'unencrypted (eNULL)',
  aNULL: 'anonymous (aNULL, no certificate)',
  EXPORT: 'export-grade',
  LOW: 'LOW-strength',
  DES: 'single-DES',
  '3DES': '3DES (Sweet32)',
  RC4: 'RC4 (RFC 7465)',
} as const;
type Weakness = keyof typeof WEAKNESS;

/** OpenSSL keywords that select whole weak families (OpenSSL ciphers(1)). */
const KEYWORDS: Readonly<Record<string, readonly Weakness[]>> = {
  ALL: ['aNULL', 'EXPORT', 'LOW', 'DES', '3DES', 'RC4'],
  COMPLEMENTOFALL: ['eNULL'],
  HIGH: ['aNULL'],
  MEDIUM: ['aNULL', '3DES', 'RC4'],
  LOW: ['LOW', 'DES'],
  aNULL: ['aNULL'],
  ADH: ['aNULL'],
  AECDH: ['aNULL'],
  eNULL: ['eNULL'],
  NULL: ['eNULL'],
  EXP: ['EXPORT'],
  EXPORT: ['EXPORT'],
  EXPORT40: ['EXPORT'],
  EXPORT56: ['EXPORT'],
  DES: ['DES'],
  '3DES': ['3DES'],
  RC4: ['RC4'],
};

/** The weak families one word of a cipher string selects: a keyword or a cipher suite name. */
function weaknessesOf(word: string): readonly Weakness[] {
  const keyword = KEYWORDS[word];
  if (keyword) return keyword;
  const found: Weakness[] = [];
  if (/^(ADH|AECDH)-/.test(word)) found.push('aNULL');
  if (/(^|-)NULL(-|$)/.test(word)) found.push('eNULL');
  if (/^EXP1?0?2?4?-/.test(word)) found.push('EXPORT');
  if (/RC4/.test(word)) found.push('RC4');
  if (/DES-CBC3|3DES/.test(word)) found.push('3DES');
  else if (/(^|-)DES-CBC-/.test(word)) found.push('DES');
  return found;
}

/**
 * The weak families an OpenSSL cipher string leaves enabled, each with the word that brought it
 * in. "!X" removes X for good, "-X" removes it until something adds it back, "+X" only reorders,
 * "A+B" selects suites matching both (approximated by the families of either part).
 */
function weakCiphers(list: string): Map<Weakness, string> {
  const enabled = new Map<Weakness, string>();
  const banned = new Set<Weakness>();
  for (const token of list.split(/[:, ]+/).filter(Boolean)) {
    if (token.startsWith('@') || token.startsWith('+')) continue;
    const op = token[0] === '!' || token[0] === '-' ? token[0] : '';
    const families = token.slice(op.length).split('+').flatMap(weaknessesOf);
    for (const family of families) {
      if (op === '!') {
        banned.add(family);
        enabled.delete(family);
      } else if (op === '-') {
        enabled.delete(family);
      } else if (!banned.has(family) && !enabled.has(family)) {
        enabled.set(family, token);
      }
    }
  }
  return enabled;
}

const weakSslCiphers: Rule = {
  id: 'VSF407',
  name: 'weak-ssl-ciphers',
  category: 'security',
  severity: 'warning',
  fixable: 'none',
  summary: 'ssl_ciphers lets clients choose null, anonymous, export, DES, 3DES or RC4 suites.',
  sources: ['vsftpd.conf(5): ssl_ciphers', 'OpenSSL ciphers(1)', 'RFC 7465'],
  docs: {
    what:
      'ssl_enable=YES and the effective ssl_ciphers (OpenSSL cipher string) keeps a weak family ' +
      'enabled: ALL, LOW, EXP/EXPORT, NULL/eNULL, aNULL/ADH, RC4, DES, 3DES or a suite such as ' +
      'DES-CBC3-SHA, unless the string also excludes it with "!". Upstream 3.0.2 compiles in ' +
      '"AES128-SHA:DES-CBC3-SHA" (3DES; the man page says DES-CBC3-SHA); 3.0.3 ' +
      'and later use ECDHE-RSA-AES256-GCM-SHA384, Fedora/RHEL PROFILE=SYSTEM.',
    why:
      'vsftpd hands the string to OpenSSL unchanged; every family it enables is one a client, ' +
      'or an attacker in the middle, may pick. Anonymous (aNULL) suites, which "HIGH" alone ' +
      'includes, only matter to clients that offer them, so a list whose only weakness is ' +
      'aNULL is reported as info; the rest are warnings. Whether the linked OpenSSL still implements a ' +
      'family (OpenSSL 3 drops most of them) is not visible in the config, so the rule goes by ' +
      'the string.',
    prevents: 'TLS sessions negotiated with a broken or unauthenticated cipher suite',
    example: { bad: 'ssl_enable=YES\nssl_ciphers=ALL', good: 'ssl_enable=YES\nssl_ciphers=HIGH:!aNULL:!MD5:!3DES' },
    fix:
      'No automatic fix: the right list depends on the certificate type and the clients. ' +
      'HIGH:!aNULL:!MD5:!3DES is a reasonable start; an invalid list stops vsftpd with ' +
      '"500 OOPS: SSL: could not set cipher list".',
  },
  check({ config, report }) {
    if (config.get('ssl_enable')?.value !== true) return;
    const ciphers = config.get('ssl_ciphers');
    if (!ciphers || typeof ciphers.value !== 'string') return;
    const weak = weakCiphers(ciphers.value);
    if (weak.size === 0) return;
    const byToken = new Map<string, string[]>();
    for (const [family, token] of weak) byToken.set(token, [...(byToken.get(token) ?? []), WEAKNESS[family]]);
    const list = [...byToken].map(([token, families]) => `${andList(families)} suites (via '${token}')`).join(', ');
    // Anonymous suites alone (the "HIGH" case) only matter to clients that offer them: advice.
    const onlyAnonymous = weak.size === 1 && weak.has('aNULL');
    report({
      ...at(ciphers),
      severity: onlyAnonymous ? 'info' : 'warning',
      message: `${config.describe(ciphers)} allows ${list}; exclude them, e.g. ssl_ciphers=HIGH:!aNULL:!MD5:!3DES`,
    });
  },
};

export default weakSslCiphers;

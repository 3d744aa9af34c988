/**
 * A seeded generator of small vsftpd.conf texts for the differential test against the real
 * binary. Files mix valid settings of all three option types (with the odd-but-accepted
 * spellings vsftpd allows: leading whitespace, any-case booleans, strange numbers, padded or empty
 * string values, NUL-cut values, duplicates) with at most a few lines vsftpd rejects (typos, other
 * builds' options, bad booleans, missing values, blanks around "=", indented or ";" comments,
 * empty names, whitespace-only string values, BOM, CRLF), so that accepted and rejected files are
 * both common. Deterministic for a given seed; no dependencies.
 */
import { OPTIONS, OptionSpec } from '../../src/schema/options';

/** mulberry32: a tiny 32-bit PRNG, good enough for test generation. Returns floats in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** Integer in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  /** Picks a key of `table` with probability proportional to its weight. */
  weighted<K extends string>(table: Readonly<Record<K, number>>): K {
    const entries = Object.entries(table) as [K, number][];
    let r = this.next() * entries.reduce((sum, [, w]) => sum + w, 0);
    for (const [key, weight] of entries) {
      r -= weight;
      if (r < 0) return key;
    }
    return entries[entries.length - 1][0];
  }
}

export const GENERATOR_BUILD = 'debian-3.0.3';

const KNOWN = OPTIONS.filter((o) => !o.builds || o.builds.includes(GENERATOR_BUILD));
const KNOWN_NAMES = new Set(KNOWN.map((o) => o.name));
const BY_TYPE = {
  bool: KNOWN.filter((o) => o.type === 'bool'),
  uint: KNOWN.filter((o) => o.type === 'uint'),
  string: KNOWN.filter((o) => o.type === 'string'),
};
/** Options other builds have and Debian 3.0.3 does not (e.g. Fedora's ssl_tlsv1_2). */
const OTHER_BUILDS = OPTIONS.filter((o) => o.builds && !o.builds.includes(GENERATOR_BUILD));

/** Booleans vsftpd accepts (case-insensitive YES/TRUE/1/NO/FALSE/0). */
const GOOD_BOOLS = ['YES', 'NO', 'yes', 'no', 'Yes', 'nO', 'True', 'FALSE', 'tRuE', 'false', '1', '0'];
/** Boolean spellings vsftpd rejects. */
const BAD_BOOLS = [
  'Y',
  'N',
  'ON',
  'off',
  'enable',
  '"YES"',
  "'NO'",
  'YES ',
  'NO\t',
  ' YES',
  '\tNO',
  '01',
  '00',
  '2',
  'YES # comment',
  'yes\v',
  'NO\f',
  '=YES',
  'YES=NO',
  'YES\u00a0',
  '\u00a0NO',
  'YESS',
  'TRUE\r',
];
/** Unsigned-integer values: none is an error as long as the value is not empty (atoi / octal). */
const UINT_VALUES = [
  '21',
  '2121',
  '0',
  '022',
  '077',
  '040000',
  '08',
  '09',
  '-1',
  '12abc',
  '99999999999',
  '0x10',
  ' 21',
  '21 # comment',
  '1e3',
  '+0100',
  'abc',
  '4294967296',
  '21\t',
  '\v30',
  ' ',
  '\t',
  '-2147483648',
  '037777777777',
  '1 2',
  '\u0661\u0662',
];
/** String values that are not whitespace-only (Debian trims them; '' unsets the option). */
const STRING_VALUES = [
  'hello',
  'Welcome to the FTP service',
  '/srv/ftp',
  '/var/run/vsftpd/empty',
  '  padded  ',
  '\thello\tworld\t',
  'a=b=c',
  'x\v',
  '\fvalue',
  'NO',
  'PASV,SYST,  RETR',
  'caf\u00e9 \u2603',
  '#not-a-comment',
  '',
  '',
];
/** Whitespace-only string values: Debian's vsftpd crashes with SIGSEGV on each. */
const BLANK_STRINGS = [' ', '  ', '\t', '\v', '\f', '\r', ' \t '];
const INDENTS = [' ', '  ', '\t', '\v', '\f', '\r', ' \t', '\f\v\r '];
const COMMENTS = ['# a comment', '#', '#listen=YES', '# vsftpd.conf: example', '#\tindented text', '##'];
const WORDS = ['hello', 'listen YES', 'anonymous_enable YES', 'foo bar baz', 'x', '[global]', 'include other'];

function valueFor(rng: Rng, option: OptionSpec): string {
  switch (option.type) {
    case 'bool':
      return rng.pick(GOOD_BOOLS);
    case 'uint':
      return rng.pick(UINT_VALUES);
    case 'string':
      return rng.pick(STRING_VALUES.filter((v) => v !== ''));
  }
}

function typo(rng: Rng, name: string): string {
  for (let attempt = 0; attempt < 10; attempt++) {
    const i = rng.int(0, name.length - 1);
    let out: string;
    switch (rng.int(0, 5)) {
      case 0: // drop a character
        out = name.slice(0, i) + name.slice(i + 1);
        break;
      case 1: // swap two adjacent characters
        out = i + 1 < name.length ? name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2) : name;
        break;
      case 2: // duplicate a character
        out = name.slice(0, i) + name[i] + name.slice(i);
        break;
      case 3: // whole name in upper case
        out = name.toUpperCase();
        break;
      case 4: // first letter in upper case
        out = name[0].toUpperCase() + name.slice(1);
        break;
      default: // hyphens for underscores
        out = name.includes('_') ? name.replace(/_/g, '-') : name + 's';
    }
    if (out !== '' && !KNOWN_NAMES.has(out)) return out;
  }
  return `${name}_x`;
}

/** A line vsftpd accepts (in an LF file). */
function goodLine(rng: Rng, used: OptionSpec[]): string {
  const indent = rng.chance(0.12) ? rng.pick(INDENTS) : '';
  const kind = rng.weighted({
    bool: 30,
    uint: 20,
    string: 20,
    stringEmpty: 5,
    comment: 9,
    blank: 7,
    duplicate: 6,
    nulTail: 3,
    nulOther: 1,
  });
  switch (kind) {
    case 'comment':
      return rng.pick(COMMENTS);
    case 'blank':
      return rng.pick(['', '', ' ', '\t', '   ', '\r', '\v\f']);
    case 'duplicate':
      if (used.length > 0) {
        const option = rng.pick(used);
        return `${indent}${option.name}=${valueFor(rng, option)}`;
      }
      return `${indent}${rng.pick(BY_TYPE.bool).name}=${rng.pick(GOOD_BOOLS)}`;
    case 'stringEmpty': {
      // "name=" and "name" both unset a string option: accepted.
      const option = rng.pick(BY_TYPE.string);
      used.push(option);
      return rng.chance(0.5) ? `${indent}${option.name}=` : `${indent}${option.name}`;
    }
    case 'nulTail': {
      // A NUL ends what vsftpd reads: "listen=NO\0junk" is "listen=NO".
      const option = rng.pick(KNOWN.filter((o) => o.type !== 'string'));
      used.push(option);
      return `${indent}${option.name}=${valueFor(rng, option)}\0${rng.pick(['junk', 'YES', ' ', '=x'])}`;
    }
    case 'nulOther': {
      // Cut to "name" or "name=" by the NUL: a string option is then unset; a comment stays one.
      const option = rng.pick(BY_TYPE.string);
      return rng.pick([`${option.name}=\0 `, `${option.name}\0=x`, '#\0junk', `${option.name}=\0`]);
    }
    default: {
      const option = rng.pick(BY_TYPE[kind]);
      used.push(option);
      return `${indent}${option.name}=${valueFor(rng, option)}`;
    }
  }
}

/** A line vsftpd usually rejects (or, for whitespace-only strings, crashes on). */
function badLine(rng: Rng): string {
  const indent = rng.chance(0.1) ? rng.pick(INDENTS) : '';
  const any = () => rng.pick(KNOWN);
  const kind = rng.weighted({
    typo: 14,
    otherBuild: 6,
    badBool: 14,
    missingValue: 10,
    noEquals: 6,
    spaceAroundEquals: 10,
    indentedComment: 6,
    semicolon: 4,
    words: 4,
    emptyName: 5,
    nulStart: 3,
    nulInName: 2,
    blankString: 10,
    stringTrailingBlank: 4,
    nbsp: 2,
    nulOther: 3,
  });
  switch (kind) {
    case 'typo': {
      const option = any();
      return `${indent}${typo(rng, option.name)}=${valueFor(rng, option)}`;
    }
    case 'otherBuild': {
      const option = rng.pick(OTHER_BUILDS);
      return `${indent}${option.name}=${valueFor(rng, option)}`;
    }
    case 'badBool':
      return `${indent}${rng.pick(BY_TYPE.bool).name}=${rng.pick(BAD_BOOLS)}`;
    case 'missingValue': {
      const option = rng.pick(KNOWN.filter((o) => o.type !== 'string'));
      return `${indent}${option.name}${rng.pick(['=', '', '=\0YES', ''])}`;
    }
    case 'noEquals':
      return `${indent}${rng.pick(BY_TYPE.bool).name} ${rng.pick(['YES', 'NO'])}`;
    case 'spaceAroundEquals': {
      const option = any();
      const [before, after] = rng.pick([
        [' ', ''],
        [' ', ' '],
        ['\t', ''],
        ['', ' '],
        ['  ', '\t'],
        ['\r', ''],
        ['\v', ''],
        ['', '\f'],
      ] as const);
      return `${indent}${option.name}${before}=${after}${valueFor(rng, option)}`;
    }
    case 'indentedComment':
      return `${rng.pick(INDENTS)}${rng.pick(['# comment', '#foo=bar', '#', '#listen=YES'])}`;
    case 'semicolon':
      return rng.pick(['; a comment', ';listen=YES', '// comment']);
    case 'words':
      return `${indent}${rng.pick(WORDS)}`;
    case 'emptyName':
      return `${indent}${rng.pick(['=YES', '=', '=NO', '= '])}`;
    case 'nulStart':
      return `\0${any().name}=YES`;
    case 'nulInName': {
      const name = any().name;
      const cut = rng.int(1, name.length - 1);
      return `${indent}${name.slice(0, cut)}\0${name.slice(cut)}=YES`;
    }
    case 'blankString':
      return `${indent}${rng.pick(BY_TYPE.string).name}=${rng.pick(BLANK_STRINGS)}`;
    case 'stringTrailingBlank':
      return `${indent}${rng.pick(BY_TYPE.string).name}${rng.pick([' ', '\t', '\r'])}`;
    case 'nbsp': // neither NBSP nor a BOM in mid-file is whitespace to vsftpd
      return `${rng.pick(['\u00a0', '\ufeff'])}${any().name}=${rng.pick(['YES', '21', 'x'])}`;
    case 'nulOther': {
      const option = rng.pick(BY_TYPE.string);
      return rng.pick(['\0', ' \0', '\0# comment', '\u00a0', `${option.name}= \0x`, `${rng.pick(BY_TYPE.bool).name}=YES \0`]);
    }
  }
}

/** The seed of config number `index` of a run started with `seed`. */
export function configSeed(seed: number, index: number): number {
  return (seed ^ Math.imul(index + 1, 0x9e3779b9)) >>> 0;
}

/** One config text (5 to 30 lines) from one seed. */
export function generateConfig(seed: number): string {
  const rng = new Rng(seed);
  const lineCount = rng.int(5, 30);
  const used: OptionSpec[] = [];
  const lines: string[] = [];
  for (let i = 0; i < lineCount; i++) lines.push(goodLine(rng, used));
  // Most files get no or one bad line, some two or three.
  const badCount = { none: 0, one: 1, two: 2, three: 3 }[rng.weighted({ none: 62, one: 26, two: 9, three: 3 })];
  for (let i = 0; i < badCount; i++) {
    lines.splice(rng.int(0, lines.length), 0, badLine(rng));
  }
  // A lone-CR file is one long line to vsftpd.
  const ending = rng.weighted({ lf: 85, crlf: 8, mixed: 6, cr: 1 });
  const eols = lines.map((): string =>
    ending === 'cr' ? '\r' : ending === 'crlf' || (ending === 'mixed' && rng.chance(0.3)) ? '\r\n' : '\n',
  );
  if (rng.chance(0.15)) eols[eols.length - 1] = ''; // no newline at the end of the file
  let text = lines.map((line, i) => line + eols[i]).join('');
  if (rng.chance(0.04)) text = `\ufeff${text}`;
  return text;
}

/**
 * The globs of `.vsftpd-lint.json` overrides, matched in time linear in the path for a given glob
 * (no backtracking regular expression: `*a*a*a*a*a*b` against a 240-character name, or ten
 * `**\/` against a deep path, must not run for minutes; SECURITY.md).
 *
 * Why not a library: picomatch (the well-kept choice) compiles to a backtracking RegExp, and
 * `*a*a*a*a*a*b` against "aaa…" takes 0.06 s at 40 characters, 0.6 s at 80 and 5.9 s at 120
 * (picomatch 4.0.7, Node 20): exponential in the number of stars. Node's `path.matchesGlob` is
 * experimental on the Node versions this package supports. So a glob is expanded ({a,b}) into at
 * most 256 plain globs, split into "/" segments, and matched segment by segment: a set of
 * positions in the glob advances over the path's segments (as an NFA), and each segment is
 * matched by the classic two-pointer wildcard algorithm. The work is at most (path segments x
 * glob segments x segment length x segment glob length) per alternative, never exponential.
 *
 * Syntax: `*` (any characters but "/"), `**` (any number of whole path segments, only as a segment
 * of its own), `?` (one character but "/"), `{a,b}` (alternatives, nestable), `\` (escapes the
 * next character). `*` and `?` match a leading "." too. Character classes and negation ("[...]",
 * a leading "!") are rejected rather than read literally. As in .gitignore, a glob with no "/" but
 * at its end matches at any depth ("*.conf" matches "a/b/x.conf"), a glob with a "/" is anchored
 * at the config file's directory ("/vsftpd.conf" and "./vsftpd.conf" are the one beside the
 * config), and a trailing "/" matches everything below a directory ("vsftpd.d/").
 */
import * as path from 'path';

/** A compiled glob: `test` takes a "/"-separated path relative to the config's directory. */
export interface GlobMatcher {
  readonly glob: string;
  test(relativePath: string): boolean;
}

/** At most this many plain globs after expanding {a,b} groups ({a,b}{c,d} is four). */
const MAX_ALTERNATIVES = 256;

type Token =
  { readonly t: 'char'; readonly c: string } | { readonly t: 'star' | 'globstar' | 'any' | 'open' | 'comma' | 'close' | 'slash' };

/** One path segment of a glob: `**`, or characters, `?` and `*`. */
type Segment = { readonly globstar: true } | { readonly globstar: false; readonly parts: readonly Token[] };

const GLOBSTAR: Segment = { globstar: true };
/** Any one segment (what "dir/" adds, and what a trailing "**" needs at least). */
const ANY_SEGMENT: Segment = { globstar: false, parts: [{ t: 'star' }] };

/** Compiles a glob; throws an Error with a one-line message for a bad glob. */
export function compileGlob(glob: string): GlobMatcher {
  if (glob === '') throw new Error('empty glob');
  const bad = (why: string): never => {
    throw new Error(`bad glob ${JSON.stringify(glob)}: ${why}`);
  };
  if (glob.startsWith('!')) throw new Error(`negated globs are not supported: ${JSON.stringify(glob)}`);
  const dotSlash = glob.startsWith('./');
  let pattern = dotSlash ? glob.slice(2) : glob;
  const directory = pattern.endsWith('/') && !pattern.endsWith('\\/');
  if (directory) pattern = pattern.slice(0, -1);
  const anchored = dotSlash || pattern.includes('/');
  pattern = pattern.replace(/^\/+/, '');
  if (pattern === '') throw new Error(`glob matches no file: ${JSON.stringify(glob)}`);
  const alternatives = expandBraces(tokenize(pattern, bad), bad).map((tokens) => {
    const segments = toSegments(tokens, bad);
    if (segments[segments.length - 1].globstar) segments.splice(segments.length - 1, 1, ANY_SEGMENT, GLOBSTAR);
    if (!anchored) segments.unshift(GLOBSTAR);
    if (directory) segments.push(ANY_SEGMENT, GLOBSTAR);
    return segments;
  });
  return {
    glob,
    test: (relativePath) => {
      const names = relativePath.split('/');
      return alternatives.some((segments) => matchSegments(segments, names));
    },
  };
}

/** Whether a file path is matched by a glob of a config whose globs start at `baseDir`. */
export function matchesGlob(matcher: GlobMatcher, filePath: string, baseDir: string): boolean {
  const relative = path.relative(path.resolve(baseDir), path.resolve(filePath));
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return false;
  return matcher.test(relative.split(path.sep).join('/'));
}

function tokenize(pattern: string, bad: (why: string) => never): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      if (i + 1 >= pattern.length) bad('"\\" at the end');
      const next = pattern[++i];
      tokens.push(next === '/' ? { t: 'slash' } : { t: 'char', c: next });
    } else if (ch === '[' || ch === ']') {
      bad('character classes ("[...]") are not supported; use {a,b} or escape the bracket with "\\"');
    } else if (ch === '*' && pattern[i + 1] === '*') {
      const startsSegment = i === 0 || pattern[i - 1] === '/';
      const endsSegment = i + 2 === pattern.length || pattern[i + 2] === '/';
      if (!startsSegment || !endsSegment) bad('"**" must be a whole path segment, as in "a/**/b"');
      tokens.push({ t: 'globstar' });
      i++;
    } else {
      const special = SPECIAL[ch];
      tokens.push(special ? { t: special } : { t: 'char', c: ch });
    }
  }
  return tokens;
}

const SPECIAL: Readonly<Record<string, 'star' | 'any' | 'open' | 'comma' | 'close' | 'slash' | undefined>> = {
  '*': 'star',
  '?': 'any',
  '{': 'open',
  ',': 'comma',
  '}': 'close',
  '/': 'slash',
};

/** The plain token lists a glob's {a,b} groups stand for (a "," outside braces is literal). */
function expandBraces(tokens: readonly Token[], bad: (why: string) => never): Token[][] {
  const cross = (heads: Token[][], tails: Token[][]): Token[][] => {
    if (heads.length * tails.length > MAX_ALTERNATIVES) bad(`more than ${MAX_ALTERNATIVES} alternatives`);
    return heads.flatMap((head) => tails.map((tail) => [...head, ...tail]));
  };
  /** A sequence up to a "," or "}" of the enclosing group (depth > 0) or the end. */
  const sequence = (start: number, depth: number): [Token[][], number] => {
    let results: Token[][] = [[]];
    let i = start;
    while (i < tokens.length) {
      const token = tokens[i];
      if (depth > 0 && (token.t === 'comma' || token.t === 'close')) break;
      if (token.t === 'close') bad('"}" without "{"');
      if (token.t === 'open') {
        const options: Token[][] = [];
        i++;
        for (;;) {
          const [alternatives, next] = sequence(i, depth + 1);
          options.push(...alternatives);
          if (options.length > MAX_ALTERNATIVES) bad(`more than ${MAX_ALTERNATIVES} alternatives`);
          i = next;
          if (tokens[i]?.t === 'comma') i++;
          else if (tokens[i]?.t === 'close') break;
          else bad('"{" without "}"');
        }
        results = cross(results, options);
      } else {
        results = cross(results, [[token.t === 'comma' ? { t: 'char', c: ',' } : token]]);
      }
      i++;
    }
    return [results, i];
  };
  return sequence(0, 0)[0];
}

function toSegments(tokens: readonly Token[], bad: (why: string) => never): Segment[] {
  const segments: Segment[] = [];
  let parts: Token[] = [];
  const end = () => {
    // tokenize lets "**" through only as a whole segment of the text; this keeps it so after braces.
    const globstar = parts.some((p) => p.t === 'globstar');
    if (globstar && parts.length > 1) bad('"**" must be a whole path segment, as in "a/**/b"');
    segments.push(globstar ? GLOBSTAR : { globstar: false, parts });
    parts = [];
  };
  for (const token of tokens) {
    if (token.t === 'slash') end();
    else parts.push(token);
  }
  end();
  return segments;
}

/**
 * Whether the path's segments match the glob's: the set of glob positions reachable after each
 * path segment (a `**` position stays reachable and lets the next one be reached too).
 */
function matchSegments(segments: readonly Segment[], names: readonly string[]): boolean {
  const close = (positions: Set<number>): Set<number> => {
    for (const j of positions) if (j < segments.length && segments[j].globstar) positions.add(j + 1);
    return positions;
  };
  let current = close(new Set([0]));
  for (const name of names) {
    const next = new Set<number>();
    for (const j of current) {
      if (j >= segments.length) continue;
      const segment = segments[j];
      if (segment.globstar) next.add(j);
      else if (matchSegment(segment.parts, name)) next.add(j + 1);
    }
    if (next.size === 0) return false;
    current = close(next);
  }
  return current.has(segments.length);
}

/**
 * One segment against a glob segment of characters, `?` and `*`: the two-pointer algorithm that
 * returns to the last `*` only (enough, since a `*` matches any run), O(name x glob) at worst.
 */
function matchSegment(parts: readonly Token[], name: string): boolean {
  let p = 0;
  let n = 0;
  let star = -1;
  let starName = 0;
  while (n < name.length) {
    const part = parts[p];
    if (part && (part.t === 'any' || (part.t === 'char' && part.c === name[n]))) {
      p++;
      n++;
    } else if (part && part.t === 'star') {
      star = p++;
      starName = n;
    } else if (star >= 0) {
      p = star + 1;
      n = ++starName;
    } else {
      return false;
    }
  }
  while (parts[p]?.t === 'star') p++;
  return p === parts.length;
}

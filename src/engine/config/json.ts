/**
 * Strict JSON with positions, for `.vsftpd-lint.json`: every error has a line and column (on every
 * Node version), a key given twice is an error (JSON.parse silently keeps the last), a
 * "__proto__" key is plain data, and nesting is bounded.
 */

/** A JSON syntax error at a 1-based line and column. */
export class JsonSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${line}:${column}: ${reason}`);
  }
}

/**
 * Strict JSON (RFC 8259; a leading BOM is skipped). Unlike JSON.parse it reports the line and
 * column of every error on every Node version, and rejects a key given twice in one object
 * (JSON.parse silently keeps the last), which in a config file is always a mistake.
 */
export function parseJson(text: string): unknown {
  return new JsonParser(text.startsWith('\uFEFF') ? text.slice(1) : text).document();
}

const JSON_STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const JSON_NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const JSON_LITERALS: readonly [string, unknown][] = [
  ['true', true],
  ['false', false],
  ['null', null],
];

/**
 * Deeper nesting is an error rather than a stack overflow (a config needs four levels; a
 * 10,000-deep file must give one line naming it).
 */
const MAX_JSON_DEPTH = 64;

class JsonParser {
  private pos = 0;
  private depth = 0;

  constructor(private readonly text: string) {}

  document(): unknown {
    const value = this.value();
    this.space();
    if (this.pos < this.text.length) this.fail('unexpected text after the JSON value');
    return value;
  }

  private value(): unknown {
    this.space();
    const ch = this.text[this.pos];
    if (ch === '{') return this.object();
    if (ch === '[') return this.array();
    if (ch === '"') return this.string();
    if (ch === '-' || (ch >= '0' && ch <= '9')) return this.number();
    for (const [word, value] of JSON_LITERALS) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return value;
      }
    }
    if (ch === undefined) this.fail('unexpected end of input, expected a value');
    this.fail(`unexpected ${describeChar(ch)}, expected a value`);
  }

  private nest(): void {
    if (++this.depth > MAX_JSON_DEPTH) this.fail(`nested deeper than ${MAX_JSON_DEPTH} levels`);
  }

  private object(): Record<string, unknown> {
    const object: Record<string, unknown> = {};
    this.nest();
    this.pos++;
    this.space();
    if (this.text[this.pos] === '}') {
      this.pos++;
      this.depth--;
      return object;
    }
    for (;;) {
      this.space();
      if (this.text[this.pos] !== '"') this.fail(this.unexpected('a double-quoted property name'));
      const keyAt = this.pos;
      const key = this.string();
      if (Object.prototype.hasOwnProperty.call(object, key)) this.fail(`duplicate key ${JSON.stringify(key)}`, keyAt);
      this.space();
      if (this.text[this.pos] !== ':') this.fail(this.unexpected("':' after a property name"));
      this.pos++;
      // defineProperty: a "__proto__" key is data, not the object's prototype.
      Object.defineProperty(object, key, { value: this.value(), enumerable: true, writable: true, configurable: true });
      this.space();
      const ch = this.text[this.pos];
      if (ch === '}') {
        this.pos++;
        this.depth--;
        return object;
      }
      if (ch !== ',') this.fail(this.unexpected("',' or '}' after a property value"));
      const comma = this.pos++;
      this.space();
      if (this.text[this.pos] === '}') this.fail("trailing comma before '}'", comma);
    }
  }

  private array(): unknown[] {
    const array: unknown[] = [];
    this.nest();
    this.pos++;
    this.space();
    if (this.text[this.pos] === ']') {
      this.pos++;
      this.depth--;
      return array;
    }
    for (;;) {
      array.push(this.value());
      this.space();
      const ch = this.text[this.pos];
      if (ch === ']') {
        this.pos++;
        this.depth--;
        return array;
      }
      if (ch !== ',') this.fail(this.unexpected("',' or ']' after an array element"));
      const comma = this.pos++;
      this.space();
      if (this.text[this.pos] === ']') this.fail("trailing comma before ']'", comma);
    }
  }

  private string(): string {
    JSON_STRING.lastIndex = this.pos;
    const match = JSON_STRING.exec(this.text);
    if (!match) {
      // Find the offending character for the message.
      let at = this.pos + 1;
      while (at < this.text.length) {
        const ch = this.text[at];
        if (ch === '"') break;
        if (ch < ' ') this.fail(`${describeChar(ch)} in a string (escape it)`, at);
        if (ch === '\\') {
          if (!/^(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/.test(this.text.slice(at + 1, at + 6))) this.fail('invalid escape in a string', at);
          at += this.text[at + 1] === 'u' ? 6 : 2;
          continue;
        }
        at++;
      }
      this.fail('unterminated string', this.pos);
    }
    this.pos += match[0].length;
    return JSON.parse(match[0]) as string;
  }

  private number(): number {
    JSON_NUMBER.lastIndex = this.pos;
    const match = JSON_NUMBER.exec(this.text);
    if (!match) this.fail('invalid number');
    this.pos += match[0].length;
    return Number(match[0]);
  }

  private space(): void {
    while (this.pos < this.text.length && ' \t\n\r'.includes(this.text[this.pos])) this.pos++;
  }

  private unexpected(expected: string): string {
    const ch = this.text[this.pos];
    return ch === undefined ? `unexpected end of input, expected ${expected}` : `unexpected ${describeChar(ch)}, expected ${expected}`;
  }

  private fail(reason: string, at = this.pos): never {
    const before = this.text.slice(0, at);
    const line = before.split('\n').length;
    const column = at - (before.lastIndexOf('\n') + 1) + 1;
    throw new JsonSyntaxError(reason, line, column);
  }
}

function describeChar(ch: string): string {
  if (ch === '\n') return 'end of line';
  const code = ch.charCodeAt(0);
  if (code < 0x20 || code === 0x7f) return `control character U+${code.toString(16).padStart(4, '0').toUpperCase()}`;
  return `'${ch}'`;
}

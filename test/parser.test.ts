import * as fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { parse, print } from '../src';
import type { SettingLine } from '../src';
import { CORPUS_DIR, corpusFiles } from './support/corpus';
import { expectSame } from './support/hot-expect';
import { byteLength } from '../src/parser/document';

/** Characters that stress a vsftpd.conf parser: separators, all C whitespace, NUL, CR, BOM. */
const trickyChar = fc.constantFrom(
  '\n',
  '\r',
  '\t',
  '\v',
  '\f',
  ' ',
  '=',
  '#',
  '\0',
  '\uFEFF',
  'a',
  'Y',
  '0',
  '\u00e9',
  '\ud83d',
  '\ude00',
);
const trickyText = fc
  .array(fc.oneof(trickyChar, fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 60 })
  .map((parts) => parts.join(''));

describe('round trip: print(parse(x)) === x', () => {
  it('holds for 10,000 random strings, control characters, CR, NUL and lone surrogates included', () => {
    fc.assert(
      fc.property(fc.oneof(trickyText, fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme-composite' })), (text) => {
        expectSame(print(parse(text)), text);
      }),
      { numRuns: 10_000 },
    );
  });

  it('holds for latin1-decoded bytes (files that are not UTF-8)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = Buffer.from(bytes).toString('latin1');
        // Compared as latin1 strings (one character per byte): toEqual walks a Buffer byte by byte.
        expectSame(
          Buffer.from(print(parse(text, { encoding: 'latin1' })), 'latin1').toString('latin1'),
          Buffer.from(bytes).toString('latin1'),
        );
      }),
      { numRuns: 2_000 },
    );
  });

  it('line nodes partition the text and know their offsets', () => {
    fc.assert(
      fc.property(trickyText, (text) => {
        const doc = parse(text);
        let offset = 0;
        doc.lines.forEach((line, i) => {
          expectSame(line.line, i + 1);
          expectSame(line.start, offset);
          expectSame(line.byteStart, Buffer.byteLength(text.slice(0, offset)));
          offset += line.text.length + line.eol.length;
        });
        expectSame(offset, text.length);
        expectSame(doc.byteLength, Buffer.byteLength(text));
      }),
      { numRuns: 2_000 },
    );
  });

  const files = corpusFiles();
  (files.length ? it.each(files) : it.skip.each(['(no corpus on this machine)']))('is byte-exact for corpus file %s', (file) => {
    const bytes = fs.readFileSync(path.join(CORPUS_DIR!, file));
    const text = bytes.toString('utf8');
    const encoding = Buffer.from(text, 'utf8').equals(bytes) ? 'utf8' : 'latin1';
    const decoded = encoding === 'utf8' ? text : bytes.toString('latin1');
    // Compared as latin1 strings (one character per byte): toEqual walks a Buffer byte by byte.
    expect(Buffer.from(print(parse(decoded, { encoding })), encoding).toString('latin1')).toBe(bytes.toString('latin1'));
  });
});

const settingOf = (text: string): SettingLine => {
  const line = parse(text).lines[0];
  if (line.kind !== 'setting') throw new Error(`expected a setting, got ${line.kind}`);
  return line;
};

describe('lines are read as vsftpd reads them', () => {
  it.each([
    ['', 0],
    ['a', 1],
    ['a\n', 1],
    ['a\nb', 2],
    ['a\r\nb\r\n', 2],
    ['a\rb\rc', 1], // a lone CR does not end a line
  ])('%j has %i lines', (text, count) => {
    expect(parse(text).lines).toHaveLength(count);
  });

  it.each([
    ['', 'blank'],
    ['   ', 'blank'],
    ['\t\r', 'blank'],
    ['\r', 'blank'],
    ['\v\f', 'blank'],
    ['# comment', 'comment'],
    ['#', 'comment'],
    ['  # indented', 'setting'],
    ['\t#x=y', 'setting'],
    ['; not a comment', 'setting'],
    ['\uFEFF# comment', 'setting'],
    ['\u00A0', 'setting'], // NBSP is not C whitespace
    ['\0', 'setting'], // a NUL is not whitespace: an empty name
  ])('%j is a %s line', (text, kind) => {
    expect(parse(text + '\n').lines[0].kind).toBe(kind);
  });

  it('skips leading whitespace but trims nothing around "="', () => {
    const line = settingOf('\t listen = YES \r');
    expect(line.indent).toBe('\t ');
    expect(line.name).toBe('listen ');
    expect(line.value).toBe(' YES \r');
    expect(line.nameColumn).toBe(2);
    expect(line.valueColumn).toBe(10);
  });

  it('splits at the first "=" only', () => {
    const line = settingOf('ftpd_banner=a=b=c');
    expect([line.name, line.value]).toEqual(['ftpd_banner', 'a=b=c']);
  });

  it('reads a line without "=" as a name with an empty value', () => {
    const line = settingOf('listen YES');
    expect([line.name, line.hasEquals, line.value]).toEqual(['listen YES', false, '']);
  });

  it('stops reading a line at a NUL byte', () => {
    const line = settingOf('anonymous_enable=YES\0junk');
    expect([line.name, line.value, line.nulColumn]).toEqual(['anonymous_enable', 'YES', 20]);
    expect(settingOf('list\0en=YES').name).toBe('list');
  });

  it('keeps a BOM as part of the first name', () => {
    const doc = parse('\uFEFFlisten=YES\n');
    expect(doc.hasBom).toBe(true);
    expect((doc.lines[0] as SettingLine).name).toBe('\uFEFFlisten');
  });
});

describe('the 100,000-byte read limit', () => {
  const padding = (bytes: number) => '#'.padEnd(bytes - 1, '-') + '\n';

  it.each([
    [99_988, 'listen_port=', 'cut'],
    [99_990, 'listen_por', 'cut'],
    [99_984, 'listen_port=2121', 'whole'],
    [100_000, '', 'unread'],
  ])('a line starting at byte %i is read as %j', (at, read, reach) => {
    const doc = parse(padding(at) + 'listen_port=2121\n');
    const line = doc.lines[1];
    expect(line.byteStart).toBe(at);
    expect(line.reach).toBe(reach);
    expect(line.read).toBe(read);
  });

  it('counts bytes, not characters, in UTF-8 text', () => {
    const doc = parse('#' + 'é'.repeat(49_999) + '\nlisten=YES\n');
    expect(doc.lines[1].byteStart).toBe(100_000);
    expect(doc.lines[1].reach).toBe('unread');
  });

  it('drops a multi-byte character split by the limit', () => {
    const doc = parse(padding(99_998) + 'a€b\n');
    expect(doc.lines[1].read).toBe('a');
  });
});

describe('byteLength', () => {
  it('counts bytes as Buffer.byteLength does (lone surrogates included)', () => {
    const text = fc.string({ unit: fc.oneof(fc.constantFrom('\ud800', '\udc00', '€', '😀', 'é'), fc.string({ unit: 'grapheme' })) });
    fc.assert(
      fc.property(text, (s) => {
        expect(byteLength(s, 'utf8')).toBe(Buffer.byteLength(s, 'utf8'));
        expect(byteLength(s, 'latin1')).toBe(Buffer.byteLength(s, 'latin1'));
      }),
    );
  });
});

import { readBool, readUint } from '../src/schema/values';

describe('readUint reproduces vsftpd 3.0.3 (reference table 1.6, confirmed on the binary)', () => {
  it.each([
    ['2121', 2121],
    ['02121', 1105],
    ['08', 0],
    ['09', 0],
    ['012abc', 10],
    ['12abc', 12],
    ['1e3', 1],
    ['1 2', 1],
    ['2121\r', 2121],
    ['-1', 4294967295],
    ['4294967296', 0],
    ['9223372036854775807', 4294967295],
    ['99999999999999999999999', 4294967295],
    ['0100', 64],
    [' 0100', 100],
    ['+0100', 100],
    ['0x10', 0],
    ['abc', 0],
    ['١٢', 0],
    ['0100\r', 64],
    ['-2147483648', 2147483648],
    ['4294969417', 2121],
    ['-9223372036854775809', 0],
    ['037777777777', 4294967295],
    ['040000000000', 0],
  ])('%j is %i', (text, value) => {
    expect(readUint(text)).toBe(value);
  });
});

describe('readBool accepts exactly YES/NO/TRUE/FALSE/1/0 in any case', () => {
  it.each([
    ['YES', true],
    ['yes', true],
    ['tRuE', true],
    ['1', true],
    ['NO', false],
    ['No', false],
    ['false', false],
    ['0', false],
  ])('%j is %s', (text, value) => {
    expect(readBool(text)).toBe(value);
  });

  it.each(['YES ', ' YES', 'YES\r', 'Y', 'ON', '01', '"YES"', 'YES # c', '', 'ＹＥＳ', 'ı'])('%j is not a boolean', (text) => {
    expect(readBool(text)).toBeUndefined();
  });
});

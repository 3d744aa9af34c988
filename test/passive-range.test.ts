/**
 * The passive port range and the 227 address, as vsftpd computes them: every row of the
 * reference's tables (sections 4.1 and 4.2, observed on Debian's vsftpd 3.0.3).
 */
import { parse } from '../src';
import { EffectiveConfig } from '../src/engine/effective-config';
import { effectivePassiveRange, formatRange, passiveRangeSettings, rangeSize, SUGGESTED_PASV_RANGE } from '../src/engine/passive-range';
import { classifyIPv4, formatIPv4, parseInetAton } from '../src/schema/addresses';
import { getTarget } from '../src/schema/targets';

function rangeOf(text: string, target?: string): string {
  const settings = passiveRangeSettings(new EffectiveConfig(parse(text), getTarget(target)));
  if (!settings) throw new Error('target lacks pasv_min_port/pasv_max_port');
  return formatRange(settings.range);
}

describe('effective passive range (reference 4.1, sampled with 150 PASV each on Debian)', () => {
  it.each([
    ['(none)', '', '5001-65535'],
    ['pasv_min_port=0', 'pasv_min_port=0\n', '1024-65535'],
    ['pasv_min_port=0, pasv_max_port=0', 'pasv_min_port=0\npasv_max_port=0\n', '1024-65535'],
    ['pasv_min_port=0, pasv_max_port=1000 (max < lo ignored)', 'pasv_min_port=0\npasv_max_port=1000\n', '1024-65535'],
    ['pasv_min_port=500, pasv_max_port=1100 (min <= 1024 becomes 1024)', 'pasv_min_port=500\npasv_max_port=1100\n', '1024-1100'],
    ['pasv_min_port=1025, pasv_max_port=1030', 'pasv_min_port=1025\npasv_max_port=1030\n', '1025-1030'],
    ['pasv_min_port=50000, pasv_max_port=40000 (inverted: max ignored)', 'pasv_min_port=50000\npasv_max_port=40000\n', '50000-65535'],
    ['pasv_min_port=40000, pasv_max_port=40000', 'pasv_min_port=40000\npasv_max_port=40000\n', '40000'],
    ['only pasv_min_port=40000', 'pasv_min_port=40000\n', '40000-65535'],
    ['only pasv_max_port=6000', 'pasv_max_port=6000\n', '5001-6000'],
    ['pasv_min_port=70000, pasv_max_port=1030 (min > 65535 ignored)', 'pasv_min_port=70000\npasv_max_port=1030\n', '1024-1030'],
    ['pasv_max_port=65535', 'pasv_max_port=65535\n', '5001-65535'],
    ['pasv_max_port=70000 (behaves as 65535)', 'pasv_max_port=70000\n', '5001-65535'],
    ['pasv_min_port=060000, pasv_max_port=060010 (octal!)', 'pasv_min_port=060000\npasv_max_port=060010\n', '24576-24584'],
  ])('%s gives %s', (_, text, expected) => {
    expect(rangeOf(text)).toBe(expected);
  });

  it('compares as unsigned ints: "-1" is 4294967295, too large for either bound', () => {
    expect(rangeOf('pasv_min_port=-1\npasv_max_port=-1\n')).toBe('1024-65535');
  });

  it('uses 1024 when pasv_min_port is exactly 1024 or 65536 (the boundaries)', () => {
    expect(effectivePassiveRange(1024, 2000)).toEqual({ lo: 1024, hi: 2000, minUsed: false, maxUsed: true });
    expect(effectivePassiveRange(1025, 2000)).toEqual({ lo: 1025, hi: 2000, minUsed: true, maxUsed: true });
    expect(effectivePassiveRange(65535, 0)).toEqual({ lo: 65535, hi: 65535, minUsed: true, maxUsed: false });
    expect(effectivePassiveRange(65536, 0)).toEqual({ lo: 1024, hi: 65535, minUsed: false, maxUsed: false });
    expect(effectivePassiveRange(5001, 65534)).toEqual({ lo: 5001, hi: 65534, minUsed: true, maxUsed: true });
  });

  it('takes the compiled defaults of the selected build', () => {
    expect(rangeOf('', 'upstream-3.0.5')).toBe('5001-65535');
    expect(rangeOf('', 'fedora')).toBe('5001-65535');
  });

  it('counts ports inclusively; the suggested range is a narrow one', () => {
    expect(rangeSize(effectivePassiveRange(40000, 40000))).toBe(1);
    expect(rangeSize(effectivePassiveRange(SUGGESTED_PASV_RANGE.min, SUGGESTED_PASV_RANGE.max))).toBe(101);
  });
});

describe('pasv_address as inet_aton reads it (reference 4.2; each row run against Debian vsftpd 3.0.3)', () => {
  it.each([
    ['127.1', '127.0.0.1'],
    ['0x7f.1', '127.0.0.1'],
    ['2130706433', '127.0.0.1'],
    ['017700000001', '127.0.0.1'],
    ['1.2.65535', '1.2.255.255'],
    ['0x1.0x2.0x3.0x4', '1.2.3.4'],
    ['1.2.3.0377', '1.2.3.255'],
    ['00000000000000000000000000001.1.1.1', '1.1.1.1'],
    ['1.2.3.4\tx', '1.2.3.4'],
    ['127.0.0.1 junk', '127.0.0.1'],
    ['0.0.0.0', '0.0.0.0'],
    ['0', '0.0.0.0'],
    ['4294967295', '255.255.255.255'],
    ['203.0.113.7', '203.0.113.7'],
  ])('accepts %j as %s (227 shows it)', (text, dotted) => {
    const address = parseInetAton(text);
    expect(address).toBeDefined();
    expect(formatIPv4(address!)).toBe(dotted);
  });

  it.each([
    '127.0.0.256',
    '1.2.3.4.5',
    '127.0.0.1.',
    '::1',
    'localhost',
    '127.0.0.1#x',
    '1.2.65536',
    '4294967296',
    '08.1.1.1',
    '0x',
    '1.256.3',
    '99999999999999999999',
  ])('rejects %j ("500 OOPS: invalid pasv_address" at PASV)', (text) => {
    expect(parseInetAton(text)).toBeUndefined();
  });

  it.each(['', ' 1.2.3.4', 'ftp.example.com'])('rejects %j: inet_aton wants a digit first (upstream keeps blanks)', (text) => {
    expect(parseInetAton(text)).toBeUndefined();
  });

  it.each([
    ['0.0.0.0', 'unspecified'],
    ['127.0.0.9', 'loopback'],
    ['169.254.1.1', 'link-local'],
    ['224.0.0.1', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'broadcast'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.1', 'public'],
    ['192.168.1.10', 'private'],
    ['100.64.0.1', 'private'],
    ['100.128.0.1', 'public'],
    ['203.0.113.7', 'public'],
  ])('classifies %s as %s', (text, kind) => {
    expect(classifyIPv4(parseInetAton(text)!)).toBe(kind);
  });
});

/**
 * The inet_aton cases on which the two former copies of the parser disagreed (one in the
 * start-up helpers, one in the passive-range module). Each row was run against Debian's vsftpd
 * 3.0.3 as listen_address with listen=YES: "bad listen_address: X" for a rejected text, a bind
 * error or a running listener for an accepted one. The other rows live in
 * test/passive-range.test.ts and test/rules/bad-listen-address.cases.ts.
 */
import { formatIPv4, parseInetAton } from '../src/schema/addresses';

describe('inet_aton: "0x" is a hex prefix only before a hex digit (strtoul)', () => {
  it.each(['0x.1.2.3', '1.0x.1', '0X.1'])('rejects %j (vsftpd: "bad listen_address")', (text) => {
    expect(parseInetAton(text)).toBeUndefined();
  });

  it('accepts "0x1.1" as 1.0.0.1', () => {
    expect(formatIPv4(parseInetAton('0x1.1')!)).toBe('1.0.0.1');
  });
});

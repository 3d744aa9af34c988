import { OPTIONS } from '../src';
import { LOOSER_WHEN_NO, LOOSER_WHEN_YES, loosening } from '../src/schema/loosening';

const option = (name: string) => OPTIONS.find((o) => o.name === name)!;

describe('loosening: what a change of value grants', () => {
  test('every boolean listed is a boolean option', () => {
    for (const name of [...Object.keys(LOOSER_WHEN_YES), ...Object.keys(LOOSER_WHEN_NO)]) {
      expect({ name, type: OPTIONS.find((o) => o.name === name)?.type }).toEqual({ name, type: 'bool' });
    }
  });

  test.each([
    ['write_enable', false, true, 'turns on write access'],
    ['write_enable', true, false, undefined],
    ['anonymous_enable', null, true, 'turns on anonymous logins'],
    ['chroot_local_user', true, false, 'turns off chroot for local users'],
    ['ssl_enable', false, true, undefined],
    ['force_local_logins_ssl', true, false, 'turns off TLS for local logins'],
    ['hide_ids', true, false, 'turns off hidden owner names'],
    ['pasv_enable', true, false, undefined], // not a security setting
    ['local_umask', 0o077, 0o022, 'leaves bits 055 unmasked'],
    ['local_umask', 0o022, 0o077, undefined],
    ['anon_umask', 0o454, 0o476, undefined],
    ['anon_umask', 0o454, 0o300, 'leaves bits 0454 unmasked'],
    ['file_open_mode', 0o666, 0o644, undefined],
    ['file_open_mode', 0o644, 0o666, 'adds permission bits 022'],
    ['chown_upload_mode', 0o600, 0o640, 'adds permission bits 040'],
    ['ftpd_banner', 'a', 'b', undefined],
  ] as const)('%s: %p -> %p', (name, before, after, expected) => {
    expect(loosening(option(name), before, after)).toBe(expected);
  });
});

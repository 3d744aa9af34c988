/**
 * The configs distributions ship (found in the real-world corpus) must lint without an error,
 * each with the build it belongs to, unless the config really is broken for that build.
 */
import * as fs from 'fs';
import * as path from 'path';
import { lint } from '../src';
import { CORPUS_DIR } from './support/corpus';

interface DistroDefault {
  readonly file: string;
  readonly target: string;
  /** Error-level rules that are right about this file, and why. */
  readonly expectedErrors?: readonly string[];
  readonly why?: string;
}

const DEFAULTS: readonly DistroDefault[] = [
  { file: '001-debian-vsftpd-package-vsftpd.conf', target: 'debian-3.0.3' },
  { file: '006-openSUSE-vsftpd-vsftpd.conf', target: 'opensuse' },
  { file: '008-gentoo-gentoo-vsftpd.conf', target: 'upstream-3.0.3' },
  { file: '009-openwrt-packages-vsftpd.conf', target: 'upstream-3.0.3' },
  { file: '010-openwrt-packages-vsftpd.conf', target: 'upstream-3.0.3' },
  { file: '011-openembedded-meta-openembedded-vsftpd.conf', target: 'upstream-3.0.3' },
  { file: '012-openembedded-meta-openembedded-vsftpd.conf', target: 'upstream-3.0.3' },
  { file: '013-openembedded-meta-openembedded-vsftpd.conf', target: 'upstream-3.0.3' },
  { file: '002-dagwieers-vsftpd-vsftpd.conf', target: 'upstream-3.0.2' },
  { file: '018-remotelyqueued-rhel-vsftpd.conf', target: 'fedora' },
  // CentOS 7's own build has libwrap, so its shipped tcp_wrappers=YES is fine there.
  { file: '017-dcompiled-centos7-vsftpd.conf', target: 'rhel7' },
  { file: '017-dcompiled-centos7-vsftpd.conf', target: 'centos7' },
  {
    file: '017-dcompiled-centos7-vsftpd.conf',
    target: 'fedora',
    expectedErrors: ['tcp-wrappers-unsupported'],
    why:
      "CentOS 7's file sets tcp_wrappers=YES, which its own build supported; the Fedora/RHEL 8+ " +
      'build has no libwrap, so the same file refuses every connection there.',
  },
];

(CORPUS_DIR ? describe : describe.skip)('distribution default configs', () => {
  it.each(DEFAULTS.map((d) => [d.file, d.target, d] as const))('%s (%s) has no unexpected error', (file, _target, d) => {
    const text = fs.readFileSync(path.join(CORPUS_DIR!, file), 'latin1');
    const errors = lint(text, { target: d.target, encoding: 'latin1' }).filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.name)).toEqual(d.expectedErrors ?? []);
  });
});

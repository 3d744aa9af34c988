/**
 * End to end, against the real vsftpd (Debian 3.0.3, /usr/sbin/vsftpd) on 127.0.0.1: a config a
 * data-connection rule flags really breaks passive transfers, and the config after applying the
 * rule's own fix really works. The FTP client is a few lines over Node's `net` module, so nothing
 * hides a wrong 227 address the way curl or Python's ftplib do.
 *
 * Needs root (vsftpd chroots) and the vsftpd package: the README's test command
 * (./scripts/test.sh) installs it. Every step has a timeout, and every vsftpd started here is
 * stopped by PID after each test, also on failure. Recipe: shared/ftp-scenarios (01, 03).
 */
import * as fs from 'fs';
import { lint, RULES } from '../src';
import type { Finding } from '../src';
import { applyEdits } from '../src/fix/apply-edits';
import { closeAllClients, connect, FtpClient, parse227, passiveList } from './support/ftp-client';
import { freePort, makeWorkDir, stopAllServers, vsftpdConfig, vsftpdUnavailable, Vsftpd } from './support/ftp-server';

jest.setTimeout(45000);

// ---------------------------------------------------------------------------------------------
// Set-up: a temp dir with the anonymous root and the configs
// ---------------------------------------------------------------------------------------------

let work: { dir: string; root: string };

beforeAll(() => {
  const unavailable = vsftpdUnavailable();
  if (unavailable) throw new Error(unavailable);
  work = makeWorkDir('vsftpd-lint-e2e-');
});

afterEach(async () => {
  closeAllClients();
  await stopAllServers();
});

afterAll(() => {
  if (work) fs.rmSync(work.dir, { recursive: true, force: true });
});

/** An anonymous, read-only standalone server on 127.0.0.1:port with short timeouts, plus `extra`. */
function config(port: number, extra: string): string {
  return vsftpdConfig({ address: '127.0.0.1', port, root: work.root, extra: [extra] });
}

/** Starts vsftpd on `text` (as NAME.conf in the work dir) and waits until it listens on `port`. */
function startVsftpd(name: string, text: string, port: number): Promise<Vsftpd> {
  return Vsftpd.start({ dir: work.dir, name, config: text, port });
}

function findingOf(ruleName: string, text: string): Finding {
  const rule = RULES.find((r) => r.name === ruleName);
  expect(rule).toBeDefined();
  const findings = lint(text, { rules: [rule!] });
  expect(findings).toHaveLength(1);
  expect(findings[0].fix).toBeDefined();
  return findings[0];
}

function lintsClean(ruleName: string, text: string): void {
  const rule = RULES.find((r) => r.name === ruleName)!;
  expect(lint(text, { rules: [rule] })).toEqual([]);
}

// ---------------------------------------------------------------------------------------------
// The scenarios
// ---------------------------------------------------------------------------------------------

describe('data connections with the real vsftpd on 127.0.0.1', () => {
  it('pasv-disabled: PASV and EPSV get "550 Permission denied."; after the fix PASV + LIST work', async () => {
    const port = await freePort();
    const broken = config(port, 'pasv_enable=NO\n');
    const finding = findingOf('pasv-disabled', broken);
    expect(finding).toMatchObject({ ruleId: 'VSF201', severity: 'warning', fixable: 'unsafe' });

    const before = await startVsftpd('pasv-disabled', broken, port);
    const client = await FtpClient.connect(port);
    await client.loginAnonymously();
    expect((await client.command('PASV')).text).toBe('550 Permission denied.');
    expect((await client.command('EPSV')).text).toBe('550 Permission denied.');
    client.close();
    await before.stop();

    const fixed = applyEdits(broken, finding.fix!.edits);
    expect(fixed).toContain('pasv_enable=YES\n');
    lintsClean('pasv-disabled', fixed);
    await startVsftpd('pasv-disabled.fixed', fixed, port);
    const again = await FtpClient.connect(port);
    await again.loginAnonymously();
    const { pasv, listing } = await passiveList(again);
    expect(pasv.text).toMatch(/^227 Entering Passive Mode \(127,0,0,1,\d+,\d+\)\.$/);
    expect(listing).toContain('hello.txt');
  });

  it('pasv-address-unreachable: 227 advertises 127.0.0.9, where nothing listens; after the fix PASV + LIST work', async () => {
    const port = await freePort();
    const broken = config(port, 'pasv_address=127.0.0.9\n');
    const finding = findingOf('pasv-address-unreachable', broken);
    expect(finding).toMatchObject({ ruleId: 'VSF206', severity: 'error', fixable: 'unsafe', option: 'pasv_address' });

    const before = await startVsftpd('pasv-address', broken, port);
    const client = await FtpClient.connect(port);
    await client.loginAnonymously();
    const pasv = await client.command('PASV');
    const advertised = parse227(pasv);
    expect(advertised.host).toBe('127.0.0.9');
    // vsftpd listens on the control connection's address (127.0.0.1), not on pasv_address.
    await expect(connect(advertised.host, advertised.port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    // The server gives up after accept_timeout (2 s here).
    expect((await client.command('LIST')).text).toBe('425 Failed to establish connection.');
    client.close();
    await before.stop();

    const fixed = applyEdits(broken, finding.fix!.edits);
    expect(fixed).not.toContain('pasv_address');
    lintsClean('pasv-address-unreachable', fixed);
    await startVsftpd('pasv-address.fixed', fixed, port);
    const again = await FtpClient.connect(port);
    await again.loginAnonymously();
    const { pasv: fixedPasv, listing } = await passiveList(again);
    expect(parse227(fixedPasv).host).toBe('127.0.0.1');
    expect(listing).toContain('hello.txt');
  });
});

/**
 * Writes the README's screenshot of the playground (docs/playground.png): `npm run
 * playground:screenshot`. The page shows a share link of a config with errors, warnings and fixes.
 */
import * as path from 'node:path';
import { encodeConfig } from '../../src/playground/share';
import { launchChromium, playgroundUrl } from './chromium';

const CONFIG = `# /etc/vsftpd.conf
listen = YES
anonymous_enable=NO
local_enable=YES
write_enable=YES 
local_umask=022
chroot_local_user=YES
pasv_enable=YES
pasv_min_port=40000
pasv_max_port=40100
pasv_address=192.168.1.10
local_umask=22
`;

async function main(out: string): Promise<void> {
  const chromium = await launchChromium();
  try {
    const page = await chromium.browser.newPage();
    await page.setViewport({ width: 1280, height: 760 });
    await page.goto(playgroundUrl(`#config=${encodeConfig(CONFIG)}`));
    await page.waitForSelector('#findings li');
    await page.screenshot({ path: out, fullPage: true });
  } finally {
    await chromium.close();
  }
}

main(path.resolve(process.argv[2] ?? 'docs/playground.png')).catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});

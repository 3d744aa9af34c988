import type { EffectiveValue } from '../src/engine/effective-config';
import { at, fixWith, replaceInLine, Rule } from '../src/engine/rule';

/** Commands that need a data connection (vsftpd 3.0.3 has no MLSD/MLST). */
const TRANSFERS = ['LIST', 'NLST', 'RETR', 'STOR', 'STOU', 'APPE'];

/** cmds_allowed/cmds_denied as vsftpd reads them: split on ",", nothing trimmed, compared exactly. */
function tokens(option: EffectiveValue | undefined): string[] | undefined {
  return option && typeof option.value === 'string' ? option.value.split(',') : undefined;
}

const dataCommandsDenied: Rule = {
  id: 'VSF214',
  name: 'data-commands-denied',
  category: 'data-connection',
  severity: 'error',
  fixable: 'unsafe',
  summary: 'cmds_allowed/cmds_denied allow LIST or RETR but no way to open a data connection.',
  sources: ['vsftpd.conf(5): cmds_allowed, cmds_denied', 'vsftpd 3.0.3 postlogin.c'],
  docs: {
    what:
      'A command whitelist (cmds_allowed) or blacklist (cmds_denied) that lets through a transfer ' +
      'command (LIST, NLST, RETR, STOR, STOU, APPE) but not the commands that set up its data ' +
      'connection: neither PASV/EPSV nor PORT/EPRT (an error), or PORT/EPRT only while ' +
      'pasv_enable=YES (a warning: passive mode was evidently wanted, and clients behind NAT ' +
      'need it). Graded per finding. Items are compared exactly as vsftpd does: "PASV" only, not ' +
      '"pasv" or " PASV" (see cmds-list-tokens).',
    why:
      'After login vsftpd answers every command outside cmds_allowed, or inside cmds_denied, with ' +
      '"550 Permission denied.". A client that cannot send PASV, EPSV, PORT or EPRT gets "425 Use ' +
      'PORT or PASV first." for every listing and transfer: it logs in and can do nothing.',
    prevents: '"550 Permission denied." to PASV/EPSV, then "425 Use PORT or PASV first." to LIST/RETR/STOR',
    example: {
      bad: 'cmds_allowed=FEAT,TYPE,CWD,PWD,LIST,RETR,QUIT',
      good: 'cmds_allowed=FEAT,TYPE,CWD,PWD,PASV,EPSV,LIST,RETR,QUIT',
    },
    fix:
      'Unsafe, for cmds_allowed: ",PASV,EPSV" is appended to the list, so that passive transfers ' +
      'work (it changes what clients may do). A cmds_denied that blocks them is left to you.',
  },
  check({ config, report }) {
    const allowedOption = config.get('cmds_allowed');
    const deniedOption = config.get('cmds_denied');
    const allowList = tokens(allowedOption);
    const denyList = tokens(deniedOption);
    if (!allowList && !denyList) return;
    const permitted = (command: string) => (!allowList || allowList.includes(command)) && !(denyList && denyList.includes(command));
    const transfers = TRANSFERS.filter(permitted);
    if (transfers.length === 0) return; // no transfers wanted (or cmds-list-tokens' business)

    const pasvOn = config.isOn('pasv_enable');
    const portOn = config.isOn('port_enable');
    const passive = pasvOn && (permitted('PASV') || permitted('EPSV'));
    const active = portOn && (permitted('PORT') || permitted('EPRT'));
    // Only what the lists block is this rule's business (pasv_enable=NO is pasv-disabled's).
    if (passive || !pasvOn) return;

    // Point at the list that blocks PASV/EPSV: cmds_denied when it names one, else cmds_allowed.
    const blockedByDeny = denyList !== undefined && (denyList.includes('PASV') || denyList.includes('EPSV'));
    const blocker = (blockedByDeny ? deniedOption : allowedOption)!;
    const line = blocker.source?.line;
    if (!line) return;
    const named = transfers.join(', ');
    let fix;
    if (blocker === allowedOption) {
      // Insert after the last non-blank character (Debian trims the value; a blank inside breaks a token).
      const end = line.valueColumn + line.value.replace(/[ \t\r\v\f]+$/, '').length;
      fix = fixWith('unsafe', replaceInLine(line, end, end, ',PASV,EPSV'));
    }
    const remedy = fix ? 'add PASV,EPSV to the list' : 'remove PASV and EPSV from the list';
    report({
      ...at(blocker),
      severity: active ? 'warning' : 'error',
      message: active
        ? `${config.describe(blocker)} lets through ${named} but not PASV or EPSV: passive mode ` +
          `gets "550 Permission denied.", so clients behind NAT or a firewall cannot list or transfer; ${remedy}`
        : `${config.describe(blocker)} lets through ${named} but none of PASV, EPSV, PORT, EPRT: ` +
          `every listing and transfer fails with "425 Use PORT or PASV first."; ${remedy}`,
      fix,
    });
  },
};

export default dataCommandsDenied;

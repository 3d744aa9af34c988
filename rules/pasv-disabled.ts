import { at, fixWith, Rule, setValue } from '../src/engine/rule';

const pasvDisabled: Rule = {
  id: 'VSF201',
  name: 'pasv-disabled',
  category: 'data-connection',
  severity: 'error',
  fixable: 'unsafe',
  summary: 'pasv_enable=NO refuses PASV/EPSV: clients behind NAT or a firewall cannot list or transfer.',
  sources: ['vsftpd.conf(5): pasv_enable, port_enable', 'vsftpd 3.0.3 postlogin.c (PASV/EPSV handling)'],
  docs: {
    what:
      'pasv_enable=NO. vsftpd then answers PASV and EPSV with "550 Permission denied.", so only ' +
      'active mode (PORT/EPRT) is left. Graded per finding: an error when port_enable=NO as well ' +
      '(no data connection of any kind), a warning otherwise.',
    why:
      'Passive mode is the one that works through NAT and firewalls: the client opens the data ' +
      'connection. Without it, clients behind a home router or a corporate firewall log in but ' +
      'every LIST, RETR and STOR fails; browsers and curl try EPSV and PASV only and give up. With ' +
      'port_enable=NO too, no client anywhere can transfer anything.',
    prevents: '"550 Permission denied." in reply to PASV and EPSV; curl: "Bad PASV/EPSV response: 550"',
    example: { bad: 'pasv_enable=NO', good: 'pasv_enable=YES\npasv_min_port=40000\npasv_max_port=40100' },
    fix:
      'Unsafe: the value is set to YES (the compiled default). That changes what the server ' +
      'accepts, and other passive settings that had no effect until now (a pasv_address, a port ' +
      'range) start to matter; open the passive port range in the firewall (see ' +
      'pasv-range-missing). No fix is offered while pasv_address is set: passive mode would start ' +
      'advertising it, so check it first.',
  },
  check({ document, config, report }) {
    const pasv = config.get('pasv_enable');
    if (!pasv || pasv.value !== false || !pasv.source) return;
    const port = config.get('port_enable');
    const noActive = port?.value === false;
    report({
      ...at(pasv),
      severity: noActive ? 'error' : 'warning',
      message: noActive
        ? `pasv_enable=NO with ${config.describe(port)}: no data connection is possible, ` +
          'PASV/EPSV and PORT/EPRT all get "550 Permission denied." and every LIST, RETR and STOR ' +
          'fails; write pasv_enable=YES'
        : 'pasv_enable=NO: PASV and EPSV get "550 Permission denied.", so clients behind NAT or a ' +
          'firewall cannot list or transfer files (only active mode is left); write pasv_enable=YES',
      // Turning passive mode on starts advertising pasv_address: that needs a person's review.
      fix: config.get('pasv_address')?.value ? undefined : fixWith('unsafe', setValue(document, pasv, 'YES')),
    });
  },
};

export default pasvDisabled;

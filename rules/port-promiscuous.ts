import { at, fixWith, Rule, setValue } from '../src/engine/rule';

const portPromiscuous: Rule = {
  id: 'VSF210',
  name: 'port-promiscuous',
  category: 'data-connection',
  severity: 'warning',
  fixable: 'unsafe',
  summary: 'port_promiscuous=YES allows FTP bounce attacks and turns off network isolation.',
  sources: ['vsftpd.conf(5): port_promiscuous', 'vsftpd 3.0.3 postlogin.c handle_port, ftpdataio.c, twoprocess.c'],
  docs: {
    what: 'port_promiscuous=YES.',
    why:
      "Normally PORT/EPRT must name the client's own IP address and a port of 1024 or above, " +
      'else "500 Illegal PORT command.". With port_promiscuous=YES vsftpd connects wherever a ' +
      'client says: the server can be used to scan or send data to third hosts from its own ' +
      'address (the FTP bounce attack), e.g. hosts behind the same firewall. It also makes ' +
      'vsftpd create data sockets in the unprivileged session process, which turns off the ' +
      'post-login network namespace (isolate_network) for every session, and it makes ' +
      'connect_from_port_20=YES fail (see port-promiscuous-port-20).',
    prevents: 'the server connecting to arbitrary hosts on a client\'s behalf instead of "500 Illegal PORT command."',
    example: { bad: 'port_promiscuous=YES', good: 'port_promiscuous=NO' },
    fix:
      'Unsafe: sets port_promiscuous=NO (the compiled default). Server-to-server transfers (FXP) ' +
      'and clients behind NAT that send their private address in PORT stop working in active mode.',
  },
  check({ document, config, report }) {
    const option = config.get('port_promiscuous');
    if (!option || option.value !== true || !option.source) return;
    const portOn = config.isOn('port_enable');
    report({
      ...at(option),
      message: portOn
        ? "port_promiscuous=YES lets PORT/EPRT send vsftpd's data connections to any host and port " +
          '(FTP bounce) and turns off isolate_network; write port_promiscuous=NO'
        : 'port_promiscuous=YES has no use with port_enable=NO but still turns off isolate_network ' +
          'for every session; write port_promiscuous=NO',
      fix: fixWith('unsafe', setValue(document, option, 'NO')),
    });
  },
};

export default portPromiscuous;

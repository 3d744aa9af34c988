import { at, fixWith, Rule, setValue } from '../src/engine/rule';

const pasvPromiscuous: Rule = {
  id: 'VSF209',
  name: 'pasv-promiscuous',
  category: 'data-connection',
  severity: 'warning',
  fixable: 'unsafe',
  summary: 'pasv_promiscuous=YES lets any host take over a passive data connection.',
  sources: ['vsftpd.conf(5): pasv_promiscuous', 'vsftpd 3.0.3 postlogin.c / ftpdataio.c (remote IP check)'],
  docs: {
    what: 'pasv_promiscuous=YES while passive mode is on.',
    why:
      'vsftpd normally closes a passive data connection that comes from another IP address than ' +
      'the control connection ("425 Security: Bad IP connecting."). With pasv_promiscuous=YES, ' +
      'whoever connects to the advertised port first gets the data: an attacker who guesses or ' +
      'scans the port can read a download or inject an upload (data-connection theft). The man ' +
      'page reserves it for setups where data really comes from another host, such as some ' +
      'tunnelling proxies.',
    prevents: 'a foreign host reading or writing a user\'s transfer instead of "425 Security: Bad IP connecting."',
    example: { bad: 'pasv_promiscuous=YES', good: 'pasv_promiscuous=NO' },
    fix:
      'Unsafe: sets pasv_promiscuous=NO (the compiled default). A setup whose data connections ' +
      'genuinely come from another address (a proxy) then gets 425 and needs another solution.',
  },
  check({ document, config, report }) {
    const option = config.get('pasv_promiscuous');
    if (!option || option.value !== true || !option.source || !config.isOn('pasv_enable')) return;
    report({
      ...at(option),
      message:
        'pasv_promiscuous=YES turns off the check that a passive data connection comes from the ' +
        "client's IP: any host that reaches the port first gets the transfer; write pasv_promiscuous=NO",
      fix: fixWith('unsafe', setValue(document, option, 'NO')),
    });
  },
};

export default pasvPromiscuous;

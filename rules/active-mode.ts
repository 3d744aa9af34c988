import { at, fixWith, Rule, setValue } from '../src/engine/rule';

const activeMode: Rule = {
  id: 'VSF212',
  name: 'active-mode',
  category: 'data-connection',
  severity: 'info',
  fixable: 'unsafe',
  enabledByDefault: false,
  summary: 'Active mode (port_enable=YES, the default) fails for clients behind NAT or a firewall.',
  sources: ['vsftpd.conf(5): port_enable, connect_from_port_20, ftp_data_port', 'vsftpd 3.0.3 postlogin.c handle_port'],
  docs: {
    what:
      'Advice, off by default because it concerns the compiled default: active mode ' +
      '(PORT/EPRT) is allowed while passive mode is available too.',
    why:
      'In active mode the server opens the data connection back to the client. Clients behind a ' +
      'NAT router or a stateful firewall without an FTP helper never receive it: PORT is ' +
      'accepted, then the transfer fails after connect_timeout (60 s by default). Behind client ' +
      'NAT the PORT command even carries a private address ("500 Illegal PORT command."). ' +
      "connect_from_port_20=YES (Debian's shipped file) binds the source port ftp_data_port (20), " +
      "a privileged port that only vsftpd's root parent can bind: with run_as_launching_user=YES " +
      'it is silently not used.',
    prevents: '"200 PORT command successful. Consider using PASV." then "425 Failed to establish connection."',
    example: { bad: 'port_enable=YES\npasv_enable=YES', good: 'port_enable=NO\npasv_enable=YES' },
    fix:
      'Unsafe: sets port_enable=NO, so PORT/EPRT get "550 Permission denied." and clients must use ' +
      'passive mode (all current clients can; lftp and some older clients fall back to active ' +
      'mode only after a passive failure). Keep active mode if clients need it, e.g. behind a ' +
      'server-side firewall that cannot open a passive range.',
  },
  check({ document, config, report }) {
    const port = config.get('port_enable');
    if (!port || port.value !== true || !config.isOn('pasv_enable')) return;
    const from20 = config.isOn('connect_from_port_20');
    const launching = config.isOn('run_as_launching_user');
    report({
      ...at(port),
      message:
        `${config.describe(port)}: active-mode transfers fail for clients behind ` +
        'NAT or a firewall ("200 PORT command successful. Consider using PASV." then "425 Failed to ' +
        'establish connection."); if every client uses passive mode, write port_enable=NO' +
        (from20 && launching ? '; connect_from_port_20=YES is ignored under run_as_launching_user=YES (binding port 20 needs root)' : ''),
      fix: fixWith('unsafe', setValue(document, port, 'NO')),
    });
  },
};

export default activeMode;

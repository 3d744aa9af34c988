import { at, fixWith, Rule, setValue } from '../src/engine/rule';

const proctitleDisclosure: Rule = {
  id: 'VSF417',
  name: 'proctitle-disclosure',
  category: 'security',
  severity: 'info',
  fixable: 'unsafe',
  summary: 'setproctitle_enable=YES shows client addresses and activity in ps.',
  sources: ['vsftpd.conf(5): setproctitle_enable'],
  docs: {
    what: 'setproctitle_enable=YES.',
    why:
      "vsftpd then rewrites its process titles with each session's state: the client's IP " +
      'address, the user name and the command in progress. Every local account can read them ' +
      'with ps.',
    prevents: 'ps output such as "vsftpd: 192.0.2.7/alice: RETR payroll.xlsx"',
    example: { bad: 'setproctitle_enable=YES', good: 'setproctitle_enable=NO' },
    fix: 'Unsafe (monitoring that reads the titles loses them): the value is set to NO.',
  },
  check({ document, config, report }) {
    const title = config.get('setproctitle_enable');
    if (title?.value !== true) return;
    report({
      ...at(title),
      message:
        `${config.describe(title)}: every local account can see each session's client address, ` +
        'user name and current command with ps; set setproctitle_enable=NO',
      fix: fixWith('unsafe', setValue(document, title, 'NO')),
    });
  },
};

export default proctitleDisclosure;

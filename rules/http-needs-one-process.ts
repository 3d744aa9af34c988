import { fixWith, lineOf, Rule, settingSpan, setValue } from '../src/engine/rule';
import { oops } from '../src/engine/text';

const httpNeedsOneProcess: Rule = {
  id: 'VSF309',
  name: 'http-needs-one-process',
  category: 'startup',
  severity: 'error',
  fixable: 'unsafe',
  summary: 'http_enable=YES without one_process_model=YES: vsftpd refuses every connection.',
  sources: ['main.c do_sanity_checks (http_enable is undocumented)'],
  docs: {
    what: 'The undocumented, experimental http_enable switched on without one_process_model=YES.',
    why:
      "vsftpd's HTTP mode only exists in the one-process model, and that model is refused when " +
      'local_enable=YES. Without it every client gets the OOPS instead of a greeting.',
    prevents: "500 OOPS: vsftpd: HTTP needs 'one_process_model' for now",
    example: { bad: 'http_enable=YES', good: 'http_enable=NO' },
    fix: 'Unsafe: http_enable is set to NO, its compiled default (the experimental HTTP mode is not meant for production).',
  },
  check({ document, config, report }) {
    const http = config.flag('http_enable');
    const model = config.flag('one_process_model');
    if (!http?.value || !model || model.value) return;
    const line = lineOf(http);
    report({
      line,
      ...(line ? settingSpan(line) : {}),
      option: 'http_enable',
      message:
        `${config.describe(http)} needs one_process_model=YES, but ${config.describe(model)}: every ` +
        `connection gets ${oops("vsftpd: HTTP needs 'one_process_model' for now")}; write http_enable=NO`,
      fix: fixWith('unsafe', setValue(document, http, 'NO')),
    });
  },
};

export default httpNeedsOneProcess;

import { fixWith, lineOf, Rule, settingSpan, setValue } from '../src/engine/rule';
import { oops } from '../src/engine/text';

const oneProcessLocal: Rule = {
  id: 'VSF307',
  name: 'one-process-local',
  category: 'startup',
  severity: 'error',
  fixable: 'unsafe',
  summary: 'one_process_model=YES with local_enable=YES: vsftpd refuses every connection.',
  sources: ['vsftpd.conf(5): one_process_model', 'main.c do_sanity_checks'],
  docs: {
    what: 'one_process_model=YES on a server that allows local (system user) logins.',
    why:
      'The one-process model drops the privileged helper process, which is only acceptable for ' +
      'anonymous-only servers. vsftpd checks this for every session and sends the OOPS instead ' +
      'of the greeting. (run_as_launching_user=YES turns the model on later, after this check.)',
    prevents: "500 OOPS: vsftpd: security: 'one_process_model' is anonymous only",
    example: { bad: 'local_enable=YES\none_process_model=YES', good: 'local_enable=YES\none_process_model=NO' },
    fix: 'Unsafe: one_process_model is set to NO, the normal two-process model (a little slower, much safer).',
  },
  check({ document, config, report }) {
    const model = config.flag('one_process_model');
    const local = config.flag('local_enable');
    if (!model?.value || !local?.value) return;
    const line = lineOf(model) ?? lineOf(local);
    report({
      line,
      ...(line ? settingSpan(line) : {}),
      option: 'one_process_model',
      message:
        `${config.describe(model)} is for anonymous-only servers, but ${config.describe(local)}: every ` +
        `connection gets ${oops("vsftpd: security: 'one_process_model' is anonymous only")}; ` +
        'write one_process_model=NO',
      fix: fixWith('unsafe', setValue(document, model, 'NO')),
    });
  },
};

export default oneProcessLocal;

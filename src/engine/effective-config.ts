/**
 * The effective configuration: for every option of the target, the value vsftpd will use and
 * where it comes from. Built once per lint from the setting lines; rules share it.
 */
import type { Document, SettingLine } from '../parser/document';
import type { OptionSpec, OptionValue } from '../schema/options';
import { readSetting, SettingOutcome } from '../schema/setting';
import { compiledDefault, Target } from '../schema/targets';

/** A line vsftpd reads as NAME=VALUE, with what it does in the target build. */
export interface Setting {
  readonly line: SettingLine;
  readonly outcome: SettingOutcome;
}

export interface EffectiveValue {
  readonly option: OptionSpec;
  /** The value vsftpd uses; null when the option is unset. */
  readonly value: OptionValue;
  /** The line that sets it (the last one wins), or null for the compiled default. */
  readonly source: Setting | null;
}

export class EffectiveConfig {
  /** Every setting line vsftpd reads, in file order. */
  readonly settings: readonly Setting[];
  private readonly byName = new Map<string, Setting[]>();

  constructor(document: Document, readonly target: Target) {
    const settings: Setting[] = [];
    for (const line of document.lines) {
      if (line.kind !== 'setting' || line.reach === 'unread') continue;
      const setting = { line, outcome: readSetting(line, target) };
      settings.push(setting);
      const outcome = setting.outcome;
      if (outcome.kind === 'set' || outcome.kind === 'unset') {
        const name = outcome.option.name;
        const list = this.byName.get(name);
        if (list) list.push(setting);
        else this.byName.set(name, [setting]);
      }
    }
    this.settings = settings;
  }

  /** The value vsftpd uses for a known option of the target, or undefined for an unknown name. */
  get(name: string): EffectiveValue | undefined {
    const option = this.target.options.get(name);
    if (!option) return undefined;
    const lines = this.byName.get(name);
    const source = lines ? lines[lines.length - 1] : null;
    if (!source) return { option, value: compiledDefault(option, this.target), source: null };
    const outcome = source.outcome;
    return { option, value: outcome.kind === 'set' ? outcome.value : null, source };
  }

  /** Where a value comes from, for messages: "line 7" or "the compiled default of Debian vsftpd 3.0.3". */
  describeSource(value: EffectiveValue): string {
    return value.source ? `line ${value.source.line.line}` : `the compiled default of ${this.target.label}`;
  }

  /** Every accepted line that sets the option, in file order (more than one: last wins). */
  occurrences(name: string): readonly Setting[] {
    return this.byName.get(name) ?? [];
  }
}

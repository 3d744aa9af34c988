/**
 * The effective configuration: for every option of the target, the value vsftpd will use and
 * where it comes from. Built once per lint from the setting lines; rules share it.
 */
import type { Document, SettingLine } from '../parser/document';
import type { OptionSpec, OptionValue } from '../schema/options';
import { isFatal, readSetting, SettingOutcome } from '../schema/setting';
import { compiledDefault, Target } from '../schema/targets';
import { formatValue, readingNote } from '../schema/values';
import { quoteIfNeeded, shown } from './text';

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

/** The effective value of a boolean option. */
export type BoolValue = EffectiveValue & { readonly value: boolean };

export class EffectiveConfig {
  /** Every setting line vsftpd reads, in file order. */
  readonly settings: readonly Setting[];
  private readonly byName = new Map<string, Setting[]>();
  private readonly values = new Map<string, EffectiveValue | undefined>();

  /**
   * `repairs` reads some lines differently from vsftpd: as the outcome given, or not at all for
   * null (lint.ts reads a line vsftpd refuses as its safe fix would make it, see there).
   */
  constructor(
    document: Document,
    readonly target: Target,
    repairs?: ReadonlyMap<SettingLine, SettingOutcome | null>,
  ) {
    const settings: Setting[] = [];
    for (const line of document.lines) {
      if (line.kind !== 'setting' || line.reach === 'unread') continue;
      const repaired = repairs?.get(line);
      if (repaired === null) continue;
      const setting = { line, outcome: repaired ?? readSetting(line, target) };
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

  /**
   * The settings vsftpd refuses (it stops at the first, so a file with any never loads), in file
   * order: the one answer to "does vsftpd accept this setting" that the linter, the effective
   * configuration and the firewall rules share.
   */
  refused(): readonly Setting[] {
    return this.settings.filter((setting) => isFatal(setting.outcome));
  }

  /** The value vsftpd uses for a known option of the target, or undefined for an unknown name. */
  get(name: string): EffectiveValue | undefined {
    // Rules ask for the same few options over and over: each is worked out once.
    if (this.values.has(name)) return this.values.get(name);
    const value = this.lookUp(name);
    this.values.set(name, value);
    return value;
  }

  private lookUp(name: string): EffectiveValue | undefined {
    const option = this.target.options.get(name);
    if (!option) return undefined;
    const lines = this.byName.get(name);
    const source = lines ? lines[lines.length - 1] : null;
    if (!source) return { option, value: compiledDefault(option, this.target), source: null };
    const outcome = source.outcome;
    return { option, value: outcome.kind === 'set' ? outcome.value : null, source };
  }

  /** The effective value of a boolean option, or undefined when the target does not know it. */
  flag(name: string): BoolValue | undefined {
    const value = this.get(name);
    return value && typeof value.value === 'boolean' ? (value as BoolValue) : undefined;
  }

  /** Whether a boolean option is effectively YES (false when the target does not know it). */
  isOn(name: string): boolean {
    return this.flag(name)?.value === true;
  }

  /** Whether a boolean option is effectively NO (false when the target does not know it). */
  isOff(name: string): boolean {
    return this.flag(name)?.value === false;
  }

  /** Standalone mode: vsftpd listens itself (listen or listen_ipv6) instead of running under inetd. */
  isStandalone(): boolean {
    return this.isOn('listen') || this.isOn('listen_ipv6');
  }

  /** Where a value comes from, for messages: "line 7" or "the compiled default of Debian vsftpd 3.0.3". */
  describeSource(value: EffectiveValue): string {
    return value.source ? `line ${value.source.line.line}` : `the compiled default of ${this.target.label}`;
  }

  /**
   * A value and where it comes from, for messages: "listen=YES (line 3)",
   * "anonymous_enable=YES (the compiled default of Debian vsftpd 3.0.3)", "ftpd_banner unset
   * (line 4)", "pasv_address='1.2.3.4 x' (line 2)" (see `shownSetting`). A umask or mode written
   * without its leading 0 is shown as written, with what vsftpd reads: "local_umask=22 (line 5,
   * read as 026)".
   */
  describe(value: EffectiveValue): string {
    const source = this.describeSource(value);
    const written = value.source?.line.value.replace(/\r$/, '');
    const reading = written === undefined ? undefined : readingNote(value.option, written, value.value);
    if (reading && written !== undefined) return `${value.option.name}=${shown(written)} (${source}, ${reading})`;
    return `${shownSetting(value)} (${source})`;
  }

  /**
   * Two values for one message: "listen=NO and listen_ipv6=NO (the compiled defaults of Debian
   * vsftpd 3.0.3)" when neither is written, else each described with its own source.
   */
  describePair(a: EffectiveValue, b: EffectiveValue): string {
    if (a.source || b.source) return `${this.describe(a)} and ${this.describe(b)}`;
    return `${shownSetting(a)} and ${shownSetting(b)} (the compiled defaults of ${this.target.label})`;
  }

  /** Every accepted line that sets the option, in file order (more than one: last wins). */
  occurrences(name: string): readonly Setting[] {
    return this.byName.get(name) ?? [];
  }
}

/**
 * "name=VALUE" with the value as vsftpd.conf writes it (`formatValue`), a string quoted when it
 * has blanks or invisible characters ("ftpd_banner='a\\tb'"); "name unset" for an unset string.
 * `EffectiveConfig.describe` adds where the value comes from.
 */
export function shownSetting(value: EffectiveValue): string {
  const { option } = value;
  if (value.value === null) return `${option.name} unset`;
  const text = formatValue(option, value.value);
  return `${option.name}=${typeof value.value === 'string' ? quoteIfNeeded(text) : text}`;
}

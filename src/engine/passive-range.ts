/**
 * The passive port range vsftpd really uses, for the data-connection rules (VSF2xx):
 * privops.c `vsf_privop_pasv_listen` (reference section 4.1). Every row of the reference's
 * table is a test case in test/passive-range.test.ts. (The address in a 227 reply, reference
 * section 4.2, is read by src/schema/addresses.ts.)
 */
import type { EffectiveConfig, EffectiveValue } from './effective-config';
import type { PasvRange } from './rule';
import { shown } from './text';

/** vsftpd's floor: pasv_min_port is used only when above it (IPPORT_RESERVED). */
export const PASV_PORT_FLOOR = 1024;
/** vsftpd's ceiling: pasv_max_port is used only when below it. */
export const PASV_PORT_CEILING = 65535;

/**
 * The range the fixes write when a configuration has none. A later option (--pasv-range) will
 * make it configurable; until then every rule takes it from here.
 */
export const SUGGESTED_PASV_RANGE: { readonly min: number; readonly max: number } = { min: 40000, max: 40100 };

export interface PassiveRange {
  /** First and last port vsftpd may pick, inclusive. */
  readonly lo: number;
  readonly hi: number;
  /** Whether pasv_min_port was taken (otherwise lo is 1024). */
  readonly minUsed: boolean;
  /** Whether pasv_max_port was taken (otherwise hi is 65535). */
  readonly maxUsed: boolean;
}

/**
 * The range vsftpd picks PASV/EPSV ports from, given the two option values as vsftpd stores them
 * (unsigned ints, after its octal/atoi parsing). Exactly privops.c:
 *
 *     lo = 1024, hi = 65535
 *     if (pasv_min_port > 1024 && pasv_min_port <= 65535) lo = pasv_min_port
 *     if (pasv_max_port >= lo && pasv_max_port < 65535)   hi = pasv_max_port
 *
 * Both comparisons are unsigned, so a value written "-1" (4294967295) is simply too large.
 */
export function effectivePassiveRange(min: number, max: number): PassiveRange {
  let lo = PASV_PORT_FLOOR;
  let hi = PASV_PORT_CEILING;
  const minUsed = min > PASV_PORT_FLOOR && min <= PASV_PORT_CEILING;
  if (minUsed) lo = min;
  const maxUsed = max >= lo && max < PASV_PORT_CEILING;
  if (maxUsed) hi = max;
  return { lo, hi, minUsed, maxUsed };
}

/** How many ports the range has. */
export function rangeSize(range: PassiveRange): number {
  return range.hi - range.lo + 1;
}

/** "40000-40100", or "40000" for a one-port range. */
export function formatRange(range: PassiveRange): string {
  return range.lo === range.hi ? `${range.lo}` : `${range.lo}-${range.hi}`;
}

export function rangeContains(range: PassiveRange, port: number): boolean {
  return port >= range.lo && port <= range.hi;
}

export interface PassiveRangeSettings {
  readonly min: EffectiveValue;
  readonly max: EffectiveValue;
  readonly range: PassiveRange;
}

/** The two options with their sources and the range they give; undefined if the target lacks them. */
export function passiveRangeSettings(config: EffectiveConfig): PassiveRangeSettings | undefined {
  const min = config.get('pasv_min_port');
  const max = config.get('pasv_max_port');
  if (!min || !max || typeof min.value !== 'number' || typeof max.value !== 'number') return undefined;
  return { min, max, range: effectivePassiveRange(min.value, max.value) };
}

/** vsftpd uses pasv_min_port only above 1024 and pasv_max_port only below 65535 (privops.c). */
export const PASV_RANGE_MIN = 1025;
export const PASV_RANGE_MAX = 65534;

/**
 * A range as a library caller may pass it: integers with 1025 <= min <= max <= 65534, or a
 * one-line Error (fixes write these numbers into the config, so nothing else may get through).
 */
export function checkPasvRange(range: PasvRange, text = `${range.min}-${range.max}`): PasvRange {
  const { min, max } = range;
  const expected = `expected "MIN-MAX" with ${PASV_RANGE_MIN} <= MIN <= MAX <= ${PASV_RANGE_MAX}, such as "40000-40100"`;
  if (!Number.isInteger(min) || !Number.isInteger(max)) throw new Error(`${expected}, got ${shown(text)}`);
  if (min < PASV_RANGE_MIN || max > PASV_RANGE_MAX) {
    throw new Error(`${expected}, got ${shown(text)} (vsftpd ignores pasv_min_port <= 1024 and pasv_max_port >= 65535)`);
  }
  if (min > max) throw new Error(`${expected}, got ${shown(text)} (MIN is above MAX)`);
  return { min, max };
}

/**
 * How many passive ports the configuration says it needs: the max_clients somebody wrote for a
 * standalone server (the listener enforces it; inetd mode has no such limit). Undefined when
 * nothing states a load: max_clients at its compiled default (2000, which nobody chose), 0
 * (unlimited), or inetd mode. pasv-range-small reports a range smaller than this.
 */
export function portsNeeded(config: EffectiveConfig): number | undefined {
  const clients = config.get('max_clients');
  if (!config.isStandalone() || !clients?.source || typeof clients.value !== 'number' || clients.value === 0) return undefined;
  return clients.value;
}

/**
 * The range a fix writes: `wanted` (the --pasv-range or the default), widened to the ports the
 * configuration needs (see `portsNeeded`) so that the fixed file does not trigger
 * pasv-range-small. It stays below 65535, which vsftpd would not take as pasv_max_port.
 */
export function rangeToWrite(config: EffectiveConfig, wanted: { min: number; max: number }): { min: number; max: number } {
  const needed = portsNeeded(config);
  if (needed === undefined || wanted.max - wanted.min + 1 >= needed) return wanted;
  const top = PASV_PORT_CEILING - 1;
  const max = Math.min(wanted.min + needed - 1, top);
  const min = Math.max(PASV_PORT_FLOOR + 1, Math.min(wanted.min, max - needed + 1));
  return { min, max };
}

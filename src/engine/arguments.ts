/**
 * The library's argument checks: a caller's mistake (a number for the text, a string for the
 * passive range) is a clear TypeError or RangeError naming the argument, never an internal error
 * deep in a rule, and nothing a caller passes can smuggle text into what a fix writes (the
 * passive range becomes pasv_min_port/pasv_max_port lines).
 */
import { checkPasvRange } from './passive-range';

const ENCODINGS: readonly string[] = ['utf8', 'latin1'];

/** Throws a TypeError (or RangeError for a passive range out of bounds) for bad lint options. */
export function checkLintOptions(options: unknown, fn: string): void {
  if (options === undefined) return;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError(`${fn}: options must be an object, got ${typeOf(options)}`);
  }
  const o = options as Record<string, unknown>;
  const expect = (key: string, ok: boolean, what: string) => {
    if (o[key] !== undefined && !ok) throw new TypeError(`${fn}: options.${key} must be ${what}, got ${typeOf(o[key])}`);
  };
  expect('target', typeof o.target === 'string', 'a build id or alias (a string)');
  expect('encoding', ENCODINGS.includes(o.encoding as string), '"utf8" or "latin1"');
  expect('rules', Array.isArray(o.rules) && o.rules.every(isRule), 'an array of rules');
  expect('selection', typeof o.selection === 'object' && o.selection !== null, 'a rule selection or an array of them');
  expect('inlineConfig', typeof o.inlineConfig === 'boolean', 'a boolean');
  expect('perUser', typeof o.perUser === 'boolean', 'a boolean');
  if (o.pasvRange !== undefined) {
    const range = o.pasvRange as Record<string, unknown> | null;
    if (typeof range !== 'object' || range === null || !Number.isInteger(range.min) || !Number.isInteger(range.max)) {
      throw new TypeError(`${fn}: options.pasvRange must be { min, max } with integer ports, got ${typeOf(o.pasvRange)}`);
    }
    try {
      checkPasvRange({ min: range.min as number, max: range.max as number });
    } catch (err) {
      throw new RangeError(`${fn}: options.pasvRange: ${(err as Error).message}`);
    }
  }
}

function isRule(rule: unknown): boolean {
  const r = rule as Record<string, unknown> | null;
  return typeof r === 'object' && r !== null && typeof r.id === 'string' && typeof r.check === 'function';
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return `an object (${JSON.stringify(value)?.slice(0, 80) ?? ''})`;
  if (typeof value === 'string') return `a string (${JSON.stringify(value.slice(0, 80))})`;
  if (typeof value === 'number') return `a number (${value})`;
  if (typeof value === 'boolean' || typeof value === 'bigint') return `a ${typeof value} (${String(value)})`;
  if (typeof value === 'symbol') return `a symbol (${value.toString()})`;
  return `a ${typeof value}`;
}

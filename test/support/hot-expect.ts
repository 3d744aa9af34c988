/**
 * Assertions for hot loops (property tests, thousands of generated configs). `expect(x)` builds
 * every matcher and an Error on each call (about 0.1 ms), which dominated those tests; these
 * compare first and call `expect` only when the comparison fails, so a failure reads exactly as
 * the plain matcher's would, and a pass checks the same thing.
 */
import { isDeepStrictEqual } from 'node:util';

/** `expect(actual).toBe(expected)`. */
export function expectSame<T>(actual: T, expected: T): void {
  if (!Object.is(actual, expected)) expect(actual).toBe(expected);
}

/**
 * `expect(actual).toEqual(expected)`. Strictly equal values are equal for toEqual too; anything
 * else goes to toEqual, which decides (it also ignores properties that are undefined).
 */
export function expectEqual<T>(actual: T, expected: T): void {
  if (!isDeepStrictEqual(actual, expected)) expect(actual).toEqual(expected);
}

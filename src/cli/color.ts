/**
 * Whether output is coloured: an explicit --color/--no-color wins, then NO_COLOR, then
 * FORCE_COLOR, then whether stdout is a terminal.
 */

export interface ColorContext {
  /** --color (true), --no-color (false), or neither (undefined). */
  readonly flag: boolean | undefined;
  readonly env: NodeJS.ProcessEnv;
  readonly isTTY: boolean;
}

export function useColor({ flag, env, isTTY }: ColorContext): boolean {
  if (flag !== undefined) return flag;
  // no-color.org: any non-empty NO_COLOR disables colour.
  if (env.NO_COLOR) return false;
  // As Node and supports-color read it: set (even empty) enables, except "0" and "false".
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return isTTY && env.TERM !== 'dumb';
}

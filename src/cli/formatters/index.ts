/** Output formats by name. */
import type { FileResult } from '../results';
import { formatJson } from './json';
import { formatStylish } from './stylish';

export const FORMATS = ['stylish', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export interface FormatContext {
  /** The build id the files were checked against. */
  readonly target: string;
  /** --fix ran: findings carry what was fixed (`FileResult.fixed`). */
  readonly fixed?: boolean;
}

export type Formatter = (results: readonly FileResult[], context: FormatContext) => string;

export const FORMATTERS: Readonly<Record<Format, Formatter>> = {
  stylish: formatStylish,
  json: formatJson,
};

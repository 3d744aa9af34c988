/** Output formats by name. */
import type { FileResult } from '../results';
import { formatJson } from './json';
import { formatStylish } from './stylish';

export const FORMATS = ['stylish', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export interface FormatContext {
  /** The build id the files were checked against. */
  readonly target: string;
}

export type Formatter = (results: readonly FileResult[], context: FormatContext) => string;

export const FORMATTERS: Readonly<Record<Format, Formatter>> = {
  stylish: formatStylish,
  json: formatJson,
};

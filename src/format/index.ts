/**
 * Every output format by name, loaded eagerly (for the docs generator and library-style use).
 * The command line loads only the formatter it needs (`./load`).
 */
import { formatCheckstyle } from './checkstyle';
import { formatGcc } from './gcc';
import { formatGithub } from './github';
import { formatJson } from './json';
import type { Format, Formatter } from './names';
import { formatSarif } from './sarif';
import { formatStylish } from './stylish';

export type { Format, Formatter } from './names';

export const FORMATTERS: Readonly<Record<Format, Formatter>> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  gcc: formatGcc,
  checkstyle: formatCheckstyle,
};

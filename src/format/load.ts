/**
 * Loads the one formatter a run uses. Each `import()` names its module literally, so tsc and
 * bundlers see every formatter, and a run of `--format gcc` never evaluates the SARIF or
 * checkstyle code.
 */
import type { Format, Formatter } from './names';

export async function loadFormatter(format: Format): Promise<Formatter> {
  switch (format) {
    case 'stylish':
      return (await import('./stylish')).formatStylish;
    case 'json':
      return (await import('./json')).formatJson;
    case 'sarif':
      return (await import('./sarif')).formatSarif;
    case 'github':
      return (await import('./github')).formatGithub;
    case 'gcc':
      return (await import('./gcc')).formatGcc;
    case 'checkstyle':
      return (await import('./checkstyle')).formatCheckstyle;
  }
}

/**
 * The real-world corpus that lives beside the project (../shared/corpus/real, read-only). A
 * checkout elsewhere finds it at /work/shared or through VSFTPD_LINT_CORPUS.
 */
import * as fs from 'fs';
import * as path from 'path';

const CANDIDATES = [
  process.env.VSFTPD_LINT_CORPUS,
  path.resolve(__dirname, '../../../shared/corpus/real'),
  '/work/shared/corpus/real',
].filter((dir): dir is string => dir !== undefined);

/** The corpus directory, or undefined when this machine has none. */
export const CORPUS_DIR = CANDIDATES.find((dir) => fs.existsSync(dir));

/** Every config file of the corpus, as paths relative to CORPUS_DIR. */
export function corpusFiles(): string[] {
  if (!CORPUS_DIR) return [];
  return fs
    .readdirSync(CORPUS_DIR, { recursive: true, encoding: 'utf8' })
    .filter((f) => !f.endsWith('.jsonl') && fs.statSync(path.join(CORPUS_DIR, f)).isFile())
    .sort();
}

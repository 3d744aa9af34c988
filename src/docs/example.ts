/** The README's example: the bundled config linted exactly as `./scripts/example.sh` does. */
import * as fs from 'fs';
import * as path from 'path';
import { lintDocument } from '../lint';
import { parse } from '../parser/parse';
import { DEFAULT_TARGET } from '../schema/targets';
import { FORMATTERS } from '../format';
import { countFixes } from '../cli/would-fix';
import { fix } from '../fix/fix';

const EXAMPLE_PATH = 'fixtures/examples/edited-vsftpd.conf';
export const EXAMPLE_COMMAND = `vsftpd-lint ${EXAMPLE_PATH}`;

/** The stylish report (no colour) of the example config, read from the repository root. */
export function exampleOutput(root: string): string {
  const text = fs.readFileSync(path.join(root, EXAMPLE_PATH), 'utf8');
  const findings = lintDocument(parse(text));
  const wouldFix = countFixes(fix, text, {}, findings);
  return FORMATTERS.stylish([{ path: EXAMPLE_PATH, encoding: 'utf8', findings, wouldFix }], { target: DEFAULT_TARGET });
}

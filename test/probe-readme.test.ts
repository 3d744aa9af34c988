/**
 * The README's probe section documents every diagnosis the probe can give (issue 13's
 * acceptance): each id of DIAGNOSIS_IDS has a row in its table with what is seen and what to
 * change, the table names no id that does not exist, and every id in the list is one the
 * diagnosis code in src/probe really emits.
 */
import * as fs from 'fs';
import * as path from 'path';
import { DIAGNOSIS_IDS } from '../src/probe';

const ROOT = path.resolve(__dirname, '..');
const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## Debugging 425 and PASV problems'), readme.indexOf('## Firewall rules'));

/** The table's rows (not its header or group rows) as [what you see, diagnosis, what to change]. */
const rows = section
  .split('\n')
  .filter((line) => line.startsWith('| ') && !line.startsWith('| What you see') && !line.startsWith('| *'))
  .map((line) =>
    line
      .slice(2, -2)
      .split(/ \| /)
      .map((cell) => cell.trim()),
  );

/** The ids a row documents: the backquoted ids at the start of its Diagnosis cell and after " / ". */
function documented(cell: string): string[] {
  return [...cell.matchAll(/(?:^|\/ )`([a-z0-9-]+)`/g)].map((m) => m[1]);
}

describe("the README's probe section", () => {
  it('has the table, each row with three cells of text', () => {
    expect(section.length).toBeGreaterThan(0);
    expect(rows.length).toBeGreaterThan(30);
    for (const row of rows) {
      expect(row).toHaveLength(3);
      for (const cell of row) expect(cell.length).toBeGreaterThan(1);
    }
  });

  it.each([...DIAGNOSIS_IDS])('documents %s', (id) => {
    expect(rows.filter((row) => documented(row[1]).includes(id)).length).toBeGreaterThanOrEqual(1);
  });

  it('names only diagnoses that exist', () => {
    const named = rows.flatMap((row) => documented(row[1]));
    expect(named.filter((id) => !(DIAGNOSIS_IDS as readonly string[]).includes(id))).toEqual([]);
  });
});

describe('DIAGNOSIS_IDS', () => {
  const sources = ['src/probe/diagnosis-table', 'src/probe']
    .flatMap((dir) => fs.readdirSync(path.join(ROOT, dir)).map((file) => path.join(ROOT, dir, file)))
    .filter((file) => file.endsWith('.ts') && !file.endsWith(`${path.sep}diagnosis.ts`))
    .map((file) => fs.readFileSync(file, 'utf8'))
    .join('\n');

  it.each([...DIAGNOSIS_IDS])('%s is emitted by the diagnosis code', (id) => {
    expect(sources).toMatch(new RegExp(`diagnose\\(\\s*ctx,\\s*'${id}'`));
  });
});

/**
 * Every rule's case table (test/rules/NAME.cases.ts, each one `testRule(...)` call, see
 * test/support/rule-tester.ts), run in one test file: jest gives each test file a fresh module
 * registry and test environment (about 0.2 s), which one file per rule paid once per rule. One
 * rule's table: `npx jest test/rule-cases.test.ts -t 'rule NAME '`.
 */
import * as fs from 'fs';
import * as path from 'path';

const CASES = path.join(__dirname, 'rules');

for (const file of fs
  .readdirSync(CASES)
  .filter((f) => f.endsWith('.cases.ts'))
  .sort()) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- each table registers its tests as it loads
  require(path.join(CASES, file));
}

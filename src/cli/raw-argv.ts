/**
 * File names that are not valid UTF-8. Node decodes the command line as UTF-8, so such a name
 * arrives with U+FFFD in place of its bytes and names no file. On Linux the exact bytes are in
 * /proc/self/cmdline: this maps each such argument, as Node decoded it, to its bytes, so that
 * the file can still be opened (and --fix can write it). Elsewhere the map is empty.
 */
import * as fs from 'node:fs';

export function rawArguments(argv: readonly string[] = process.argv): ReadonlyMap<string, Buffer> {
  const map = new Map<string, Buffer>();
  const count = argv.length - 2;
  if (count <= 0 || !argv.some((arg) => arg.includes('\uFFFD'))) return map;
  let parts: Buffer[];
  try {
    const cmdline = fs.readFileSync('/proc/self/cmdline');
    parts = [];
    for (let start = 0; start < cmdline.length;) {
      const end = cmdline.indexOf(0, start);
      parts.push(cmdline.subarray(start, end < 0 ? cmdline.length : end));
      start = end < 0 ? cmdline.length : end + 1;
    }
  } catch {
    return map;
  }
  // The user's arguments are the last ones (node's own options and the script come first).
  const args = parts.slice(-count);
  if (args.length !== count || args.some((raw, i) => raw.toString('utf8') !== argv[i + 2])) return map;
  const ambiguous = new Set<string>();
  args.forEach((raw, i) => {
    const decoded = argv[i + 2];
    if (!decoded.includes('\uFFFD')) return;
    const seen = map.get(decoded);
    if (seen && !seen.equals(raw)) ambiguous.add(decoded);
    map.set(decoded, raw);
  });
  // Two different names that decode alike cannot be told apart: neither is mapped.
  for (const decoded of ambiguous) map.delete(decoded);
  return map;
}

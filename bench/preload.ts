/**
 * Loaded with `node --require dist/bench/preload.js ...` into a child the benchmark starts: when
 * the child exits it writes its peak RSS and the modules it loaded to $BENCH_REPORT_FILE. Used
 * for the memory figure when /usr/bin/time is missing, and by the profiler's module census.
 */
import { writeFileSync } from 'node:fs';

const reportFile = process.env.BENCH_REPORT_FILE;
if (reportFile) {
  process.on('exit', () => {
    const modules = Object.keys(require.cache).filter((m) => m !== __filename);
    // resourceUsage().maxRSS is in kilobytes, as /usr/bin/time's %M.
    writeFileSync(reportFile, JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS, modules }));
  });
}

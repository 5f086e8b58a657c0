// Preloaded into a measured child when GNU time is missing: writes "<cpu ms> <max rss bytes>" on exit.
import { writeFileSync } from 'node:fs';

const file = process.env.SDKGEN_BENCH_USAGE_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(file, `${(usage.userCPUTime + usage.systemCPUTime) / 1000} ${usage.maxRSS * 1024}`);
  });
}

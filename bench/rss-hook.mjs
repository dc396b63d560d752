// Loaded with `node --import` by bench/run.mjs: when the process exits, write
// its peak resident memory and the CPU time it used (user + system, all
// threads, workers included) to $HIWAR_BENCH_RSS, as "BYTES SECONDS".
import fs from 'node:fs';

const file = process.env.HIWAR_BENCH_RSS;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    fs.writeFileSync(file, `${u.maxRSS * 1024} ${(u.userCPUTime + u.systemCPUTime) / 1e6}`);
  });
}

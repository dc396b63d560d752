// Loaded with `node --import` by bench/run.mjs: when the process exits, write
// its peak resident memory (all threads, workers included) to $HIWAR_BENCH_RSS.
import fs from 'node:fs';

const file = process.env.HIWAR_BENCH_RSS;
if (file) {
  process.on('exit', () => {
    fs.writeFileSync(file, String(process.resourceUsage().maxRSS * 1024));
  });
}

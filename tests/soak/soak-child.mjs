// Builds the sample course again and again in this one process and prints the
// heap after a full garbage collection each time (run with --expose-gc).
// argv: <the CLI's main.js> <times> <edition> <out dir>
import { pathToFileURL } from 'node:url';

const [mainJs, times = '20', edition = 'student', out] = process.argv.slice(2);
const { main } = await import(pathToFileURL(mainJs).href);
process.env.HIWAR_WORKERS = '0';
const io = { out() {}, err() {}, isTTY: false, cwd: new URL('../../', import.meta.url).pathname };
const heap = [];
const started = performance.now();
for (let i = 0; i < Number(times); i++) {
  const code = await main(['build', 'lessons/course.yaml', '--edition', edition, '--out', out, '--quiet'], io);
  if (code !== 0) throw new Error(`build ${i + 1} exited ${code}`);
  // one full collection (a second one changed no figure: growth 0.50-0.53 MB either way, and cost 1 s)
  global.gc();
  heap.push(process.memoryUsage().heapUsed);
}
console.log(JSON.stringify({ heap, seconds: (performance.now() - started) / 1000, rss: process.memoryUsage().rss }));

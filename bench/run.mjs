// `npm run bench`: how fast hiwar builds, measured the way a teacher meets it.
//
// Generates a synthetic 50-lesson course from the seed article (bench/synth.mjs)
// in a temporary folder, then builds, each time in a fresh `node` process (cold:
// modules, fonts and caches start empty):
//   1. one lesson, both editions
//   2. the 50-lesson course, student edition only
//   3. the 50-lesson course, both editions
// and, in watch mode, times the rebuild after one edit:
//   4. one watched lesson, after an edit of that lesson
//   5. the watched 50-lesson course (both editions), after an edit of one of its lessons
// Each cold build is also made by Typst from a twin source with the same text
// and parts (bench/typst-twin.mjs, compiled by bench/typst-build.mjs), and the
// table gives hiwar's time over Typst's (`--no-typst` skips the twin).
// Each cold build runs RUNS times (default 3; `--runs N`) and the best run is
// reported with the median beside it: other processes on the machine only
// ever make a run slower. CPU is the least user + system time of the runs
// (all threads): it says what a build costs even when the machine is busy,
// and how much of the second core it used. Peak memory is the build
// process's peak RSS. Both cover every process of a run (GNU time, when
// /usr/bin/time is there): from its start-up snapshot hiwar runs in a second
// Node process (bin/hiwar.js).
//
//   npm run bench                 # builds dist/ first when src/ is newer
//   npm run bench -- --runs 5 --in-process   # also time HIWAR_WORKERS=0
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';


const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin/hiwar.js');
const HOOK = path.join(ROOT, 'bench/rss-hook.mjs');

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const RUNS = Number(opt('--runs', '3'));
const LESSONS = Number(opt('--lessons', '50'));
const COMPARE_IN_PROCESS = args.includes('--in-process');
const TYPST = !args.includes('--no-typst');
const TYPST_BUILD = path.join(ROOT, 'bench/typst-build.mjs');

// ---------------------------------------------------------------- dist up to date?
function newestMtime(dir, ext) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith(ext)) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return newest;
}
function ensureDist() {
  const dist = path.join(ROOT, 'dist');
  const stale = !fs.existsSync(path.join(dist, 'cli/main.js')) || newestMtime(path.join(ROOT, 'src'), '.ts') > newestMtime(dist, '.js');
  if (!stale) return;
  process.stderr.write('dist/ is older than src/: npm run build … ');
  // the same steps as install: tsc, then the bundles the CLI really runs
  const r = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) {
    console.error('npm run build failed; fix it before benchmarking');
    process.exit(1);
  }
  process.stderr.write('done\n');
}

// ---------------------------------------------------------------- one cold build
// GNU time's peak memory and CPU cover every process of a run (hiwar starts
// from its snapshot in a second Node process); without it, the hook in this
// process measures the first process only.
const GNU_TIME = fs.existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%M', 'true'], { encoding: 'utf8' }).stderr.trim().match(/^\d+$/) ? '/usr/bin/time' : undefined;

/** Run `node ARGS` cold; wall seconds, peak RSS (bytes) and CPU seconds of every process it started. */
function timedNode(args, env) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hiwar-bench-time-'));
  const measure = path.join(dir, 'measure');
  const cmd = GNU_TIME ? [GNU_TIME, ['-o', measure, '-f', '%M %U %S', process.execPath, ...args]] : [process.execPath, ['--import', HOOK, ...args]];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd[0], cmd[1], { cwd: ROOT, env: { ...process.env, ...env, HIWAR_BENCH_RSS: measure }, encoding: 'utf8', maxBuffer: 64 << 20 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  let rss = 0;
  let cpu = 0;
  if (fs.existsSync(measure)) {
    const m = fs.readFileSync(measure, 'utf8').trim().split('\n').pop().split(' ').map(Number);
    [rss, cpu] = GNU_TIME ? [m[0] * 1024, m[1] + m[2]] : m;
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return { r, seconds, rss, cpu };
}

function coldBuild(files, extra, env = {}) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'hiwar-bench-out-'));
  const { r, seconds, rss, cpu } = timedNode([BIN, 'build', ...files, '--out', out, '--json', ...extra], { ...env, CI: '1' });
  if (r.status !== 0) {
    console.error(r.stderr);
    throw new Error(`build failed (exit ${r.status}): ${files.join(' ')}`);
  }
  const summary = JSON.parse(r.stdout.trim().split('\n').pop());
  fs.rmSync(out, { recursive: true, force: true });
  return { seconds, pages: summary.pages, workers: summary.workers, rss, cpu };
}

/** One cold Typst run of the twin's sources, in a fresh process as for hiwar. */
function coldTypst(files) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'hiwar-bench-typst-'));
  const { r, seconds, rss, cpu } = timedNode([TYPST_BUILD, out, ...files], {});
  if (r.status !== 0) throw new Error(`typst failed (exit ${r.status}): ${r.stderr}`);
  const { pages } = JSON.parse(r.stdout.trim().split('\n').pop());
  fs.rmSync(out, { recursive: true, force: true });
  return { seconds, pages, rss, cpu };
}

function best(runs) {
  const sorted = [...runs].sort((a, b) => a.seconds - b.seconds);
  const median = sorted[Math.floor(sorted.length / 2)];
  return { ...sorted[0], median: median.seconds, rss: Math.max(...runs.map((r) => r.rss)), cpu: Math.min(...runs.map((r) => r.cpu)) };
}

// ---------------------------------------------------------------- watch rebuild
/**
 * Start `hiwar build --watch --json FILES`, wait for the first build, then
 * rewrite `edit` (one question's text changes) and time until the rebuild's
 * summary arrives. Repeats `times` edits; returns each rebuild's wall time.
 */
function watchRebuild(files, edit, times) {
  return new Promise((resolve, reject) => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'hiwar-bench-watch-'));
    const rssFile = path.join(out, '.rss');
    const child = spawn(process.execPath, ['--import', HOOK, BIN, 'build', '--watch', ...files, '--out', out, '--json'], {
      cwd: ROOT,
      // a rebuild runs warm in the watching process: the snapshot would only move it to a second process the hook cannot see
      env: { ...process.env, HIWAR_BENCH_RSS: rssFile, CI: '1', HIWAR_SNAPSHOT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const original = fs.readFileSync(edit, 'utf8');
    const results = [];
    let buffer = '';
    let editedAt = 0n;
    let stderr = '';
    const doEdit = (k) => {
      // after the watcher settled; a different word each time so every edit is a change
      setTimeout(() => {
        editedAt = process.hrtime.bigint();
        fs.writeFileSync(edit, original.replace(/text: "/, `text: "(${k + 1}) `));
      }, 150);
    };
    const finish = (err) => {
      fs.writeFileSync(edit, original);
      child.kill('SIGINT');
      child.on('exit', () => {
        const rss = fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, 'utf8').split(' ')[0]) : 0;
        fs.rmSync(out, { recursive: true, force: true });
        if (err) reject(err);
        else resolve({ results, rss });
      });
    };
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (d) => {
      buffer += d;
      let nl;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        const s = JSON.parse(line);
        if (s.errors) return finish(new Error(`watch build reported errors: ${stderr}`));
        if (!s.rebuild) {
          doEdit(0);
          continue;
        }
        results.push({ wall: Number(process.hrtime.bigint() - editedAt) / 1e9, inside: s.seconds, pages: s.pages });
        if (results.length >= times) finish();
        else doEdit(results.length);
      }
    });
    child.on('error', finish);
    setTimeout(() => finish(new Error('watch benchmark timed out')), 120_000).unref();
  });
}

// ---------------------------------------------------------------- how busy is the machine?
/**
 * A fixed CPU loop, alone and on two threads at once: on an idle 2-core
 * machine both take the same time. Other processes make the figures below
 * slower; this says by how much.
 */
async function cpuProbe() {
  const { Worker } = await import('node:worker_threads');
  const code = 'let x = 0; for (let i = 0; i < 2e8; i++) x += i % 7; require("node:worker_threads").parentPort?.postMessage(x);';
  const once = () =>
    new Promise((resolve) => {
      const t0 = performance.now();
      new Worker(code, { eval: true }).once('message', () => resolve(performance.now() - t0));
    });
  const one = await once();
  const t0 = performance.now();
  await Promise.all([once(), once()]);
  return { one, two: performance.now() - t0 };
}

// ---------------------------------------------------------------- report
const f2 = (n) => n.toFixed(2);
const mb = (b) => `${Math.round(b / 1048576)} MB`;
const rows = [];
function row(name, r, target, extra = '', typst) {
  const ok = r.seconds <= target;
  const vs = typst ? [`${f2(typst.seconds)} s (${typst.pages} p.)`, `${f2(typst.median)} s`, `${f2(typst.cpu)} s`, f2(r.seconds / typst.seconds), f2(r.median / typst.median), f2(r.cpu / typst.cpu)] : ['', '', '', '', '', ''];
  rows.push([name, String(r.pages), `${f2(r.seconds)} s`, r.median !== undefined ? `${f2(r.median)} s` : '', r.cpu !== undefined ? `${f2(r.cpu)} s` : '', String(Math.round(r.pages / r.seconds)), mb(r.rss), ...vs, `≤ ${target} s ${ok ? 'ok' : 'MISSED'}`, extra]);
}
function printTable() {
  const head = ['build', 'pages', 'best', 'median', 'CPU', 'pages/s', 'peak RSS', 'Typst best', 'Typst median', 'Typst CPU', 'ratio best', 'ratio median', 'ratio CPU', 'target', ''];
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((r) => [...r[i]].length)));
  for (const r of all) console.log(r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd());
}

// ---------------------------------------------------------------- main
ensureDist();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hiwar-bench-'));
// synth.mjs uses dist/, so it is loaded once dist/ is up to date
const { writeSyntheticCourse } = await import('./synth.mjs');
const { lessons, course } = writeSyntheticCourse(dir, LESSONS);
const twin = TYPST ? (await import('./typst-twin.mjs')).writeTwin(lessons, course) : undefined;
console.log(`hiwar bench: ${LESSONS}-lesson synthetic course in ${dir}`);
const probe = await cpuProbe();
console.log(`node ${process.version}, ${os.availableParallelism?.() ?? os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; best of ${RUNS} cold runs`);
console.log(`CPU probe: a fixed loop takes ${Math.round(probe.one)} ms alone, ${Math.round(probe.two)} ms as two at once (equal when two cores are free)\n`);

const cases = [
  { name: 'one lesson, both editions', files: [lessons[0]], extra: [], target: 0.5, typst: twin?.lesson },
  { name: `${LESSONS}-lesson course, student edition`, files: [course], extra: ['--edition', 'student'], target: 2, typst: twin?.course.slice(0, 1) },
  { name: `${LESSONS}-lesson course, both editions`, files: [course], extra: [], target: 2, typst: twin?.course },
];
let peak = 0;
for (const c of cases) {
  // hiwar and Typst take turns, so a busy spell of the machine falls on both
  const runs = [];
  const typstRuns = [];
  for (let i = 0; i < RUNS; i++) {
    runs.push(coldBuild(c.files, c.extra));
    if (c.typst) typstRuns.push(coldTypst(c.typst));
  }
  const r = best(runs);
  if (c.files[0] === course) peak = Math.max(peak, r.rss);
  row(c.name, r, c.target, r.workers ? `${r.workers} workers` : 'in-process', c.typst ? best(typstRuns) : undefined);
  if (COMPARE_IN_PROCESS && r.workers) {
    const ip = best(Array.from({ length: RUNS }, () => coldBuild(c.files, c.extra, { HIWAR_WORKERS: '0' })));
    row(`  same, in-process`, ip, c.target, 'HIWAR_WORKERS=0');
  }
}

const lessonWatch = await watchRebuild([lessons[0]], lessons[0], RUNS);
const lw = [...lessonWatch.results].sort((a, b) => a.wall - b.wall);
row('watch: edit a lesson, rebuild it', { seconds: lw[0].wall, median: lw[Math.floor(lw.length / 2)].wall, pages: lw[0].pages, rss: lessonWatch.rss }, 0.2, `(inside ${f2(lw[0].inside)} s)`);
const courseWatch = await watchRebuild([course], lessons[LESSONS >> 1], Math.min(RUNS, 2));
const cw = [...courseWatch.results].sort((a, b) => a.wall - b.wall);
row(`watch: edit a lesson, rebuild the ${LESSONS}-lesson course`, { seconds: cw[0].wall, median: cw[Math.floor(cw.length / 2)].wall, pages: cw[0].pages, rss: courseWatch.rss }, 2, `(inside ${f2(cw[0].inside)} s)`);

const { studioPreview } = await import('./studio.mjs');
const sp = (await studioPreview(ROOT, BIN, RUNS + 2)).sort((a, b) => a.wall - b.wall);
row('studio: edit a lesson, preview its pages', { seconds: sp[0].wall, median: sp[Math.floor(sp.length / 2)].wall, pages: sp[0].pages, rss: 0 }, 0.3, `(server ${f2(sp[0].inside)} s, first page ${f2(Math.min(...sp.map((x) => x.first)))} s)`);

printTable();
if (twin) console.log(`\nTypst: the twin in bench/typst-twin.mjs (same text and parts; its pages are fuller, so fewer), compiled cold by bench/typst-build.mjs. ratio: hiwar's time / Typst's, best, median and CPU (below 1: hiwar is faster)`);
console.log(`\npeak memory of the cold ${LESSONS}-lesson course builds: ${mb(peak)} (target ≤ 400 MB ${peak <= 400 * 1048576 ? 'ok' : 'MISSED'}); watching it: ${mb(courseWatch.rss)}`);
fs.rmSync(dir, { recursive: true, force: true });

// Is hiwar's start-up snapshot (scripts/snapshot.mjs) current? It is when
// this Node binary, of the same version, made it from the very files that are
// installed now: the bundle it ran, the fonts it opened and the templates it
// compiled (each file's size and modification time, and the list of
// templates), under the V8 flags below. Checking costs a few stat calls;
// anything off means a normal start instead.
// CommonJS, as the launcher (bin/hiwar.js); scripts and tests import it too.
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');

/**
 * V8 flags for a run from the snapshot (Node loads a snapshot only under the
 * flags it was built with). V8's defaults suit a browser tab that runs for
 * hours; a build is over in a second or a few, and it spent more CPU
 * compiling than running: TurboFan on the background thread was ~38% of a
 * cold one-lesson build, and HarfBuzz's wasm was compiled twice (Liftoff,
 * then TurboFan). So functions are optimized only after 8 times V8's
 * interrupt budget (the hot loops of a 50-lesson course still are), and
 * HarfBuzz stays in Liftoff code (each word is shaped once; the cache does
 * the rest). Interleaved cold runs on the bench course: one lesson CPU
 * 598 -> 366 ms, wall 429 -> 350 ms; the 50-lesson course, student edition,
 * CPU 3.0 -> 2.6 s.
 *
 * The heap starts at the snapshot's 17-20 MB, and V8 began a full collection
 * once the old generation grew a few MB past it: 7-11 ms of marking in the
 * middle of a one-lesson build that frees 3 MB (--trace-gc). Below 64 MB the
 * old generation is left alone; a long build still collects as it grows (the
 * 50-lesson course: 3 full collections -> 1, peak memory +20 MB).
 *
 * The first two (SHORT_RUN_FLAGS) are also what the test processes run under:
 * they too run much code a few times (tests/helpers/short-run-flags.ts).
 */
const SHORT_RUN_FLAGS = ['--interrupt-budget=540672', '--liftoff-only'];
const SNAPSHOT_FLAGS = [...SHORT_RUN_FLAGS, '--initial-old-space-size=64'];
// the files src/cli/snapshot.ts reads into the snapshot besides the bundle (src/text/fonts.ts)
const FONTS = [
  '@expo-google-fonts/amiri/400Regular/Amiri_400Regular.ttf',
  '@expo-google-fonts/amiri/700Bold/Amiri_700Bold.ttf',
  '@expo-google-fonts/noto-naskh-arabic/400Regular/NotoNaskhArabic_400Regular.ttf',
  '@expo-google-fonts/noto-naskh-arabic/700Bold/NotoNaskhArabic_700Bold.ttf',
];

function templateFiles() {
  const dir = path.join(ROOT, 'templates');
  const list = (d) => (fs.existsSync(d) ? fs.readdirSync(d).filter((f) => f.endsWith('.hbs')).sort().map((f) => path.join(d, f)) : []);
  return [...list(dir), ...list(path.join(dir, 'partials'))];
}

/** What a snapshot made now from `dist` depends on. */
function snapshotInputs(dist = path.join(ROOT, 'dist')) {
  const files = {};
  for (const f of [path.join(dist, 'snapshot', 'hiwar.cjs'), ...FONTS.map((f) => require.resolve(f)), ...templateFiles()]) {
    const s = fs.statSync(f);
    files[f] = `${s.size}:${s.mtimeMs}`;
  }
  return { node: process.version, execPath: process.execPath, arch: process.arch, flags: SNAPSHOT_FLAGS, files };
}

/** The snapshot blob to start from, or undefined when there is none or it is not current. */
function currentSnapshot(dist = path.join(ROOT, 'dist')) {
  try {
    const blob = path.join(dist, 'snapshot', 'hiwar.blob');
    const made = JSON.parse(fs.readFileSync(path.join(dist, 'snapshot', 'manifest.json'), 'utf8'));
    const now = snapshotInputs(dist);
    if (made.node !== now.node || made.execPath !== now.execPath || made.arch !== now.arch || made.flags?.join(' ') !== now.flags.join(' ')) return undefined;
    const names = Object.keys(now.files);
    if (names.length !== Object.keys(made.files).length || names.some((f) => made.files[f] !== now.files[f])) return undefined;
    return fs.existsSync(blob) ? blob : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The snapshot a run of hiwar with these arguments starts from, or undefined
 * for a normal start. HIWAR_SNAPSHOT=0 turns it off, and any NODE_OPTIONS
 * does (Node refuses a snapshot built under other V8 settings). A watch or
 * the studio runs for hours: SNAPSHOT_FLAGS, tuned for one short build
 * (HarfBuzz's wasm never optimised, hot JavaScript optimised late), would slow
 * every rebuild after the first, so they start normally and pay the longer
 * start once.
 */
function snapshotFor(args, env = process.env, dist) {
  if (env.HIWAR_SNAPSHOT === '0' || env.NODE_OPTIONS) return undefined;
  if (args.includes('--watch') || args.includes('studio')) return undefined;
  return currentSnapshot(dist);
}

exports.SNAPSHOT_FLAGS = SNAPSHOT_FLAGS;
exports.SHORT_RUN_FLAGS = SHORT_RUN_FLAGS;
exports.snapshotFor = snapshotFor;
exports.snapshotInputs = snapshotInputs;
exports.currentSnapshot = currentSnapshot;

#!/usr/bin/env node
// Byte-identity guard for refactors of the rendering pipeline: builds every
// sample (lessons/*.yaml and both courses, all editions with the key, in three
// settings) with the compiled CLI in dist/ and either keeps the PDFs as a
// reference or compares a fresh build with one, byte for byte.
//
//   npx tsc -p tsconfig.build.json && node scripts/pdf-identity.mjs save /tmp/pdf-ref
//   ...change the code...
//   npx tsc -p tsconfig.build.json && node scripts/pdf-identity.mjs check /tmp/pdf-ref
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [mode, dir] = process.argv.slice(2);
if (!['save', 'check'].includes(mode) || !dir) {
  console.error('usage: node scripts/pdf-identity.mjs save|check DIR');
  process.exit(2);
}

const SETTINGS = {
  default: [],
  'western-letter': ['--digits', 'western', '--paper', 'letter'],
  'noto-naskh': ['--font', 'noto-naskh'],
};

function build(into) {
  for (const [name, extra] of Object.entries(SETTINGS)) {
    const out = path.join(into, name);
    fs.rmSync(out, { recursive: true, force: true });
    const r = spawnSync(process.execPath, [path.join(root, 'bin/hiwar.js'), 'build', 'lessons', '--edition', 'all', '--out', out, '--quiet', ...extra], { cwd: root, encoding: 'utf8', env: { ...process.env, HIWAR_SNAPSHOT: '0' } });
    if (r.status !== 0) throw new Error(`build ${name} failed:\n${r.stderr}`);
  }
}

function pdfs(d) {
  return fs.readdirSync(d, { recursive: true }).filter((f) => String(f).endsWith('.pdf')).map(String).sort();
}

if (mode === 'save') {
  build(dir);
  console.log(`${pdfs(dir).length} reference PDFs in ${dir}`);
} else {
  const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'hiwar-identity-'));
  build(fresh);
  const want = pdfs(dir);
  const got = pdfs(fresh);
  const problems = [];
  if (want.join() !== got.join()) problems.push(`different files: reference ${want.length}, now ${got.length}`);
  for (const f of want) {
    if (!got.includes(f)) continue;
    if (!fs.readFileSync(path.join(dir, f)).equals(fs.readFileSync(path.join(fresh, f)))) problems.push(`differs: ${f}`);
  }
  fs.rmSync(fresh, { recursive: true, force: true });
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  console.log(`${want.length} PDFs byte-identical to ${dir}`);
}

// A synthetic course for the benchmark: N lessons made from the seed article
// (lessons/articles/virtual-caliphate.md). Every lesson gets its own article, the
// seed's 18 paragraphs with the words of each paragraph shuffled by a per-lesson
// seed, so no two lessons print the same text but they share a vocabulary, as
// lessons of one unit do. Each lesson quotes all 18 paragraphs and asks 10
// questions of every kind.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// the same seeded PRNG hiwar uses for `pick` (bench/run.mjs builds dist/ first)
import { mulberry32 } from '../dist/workspace/random.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SEED_ARTICLE = path.join(ROOT, 'lessons/articles/virtual-caliphate.md');

function shuffle(words, rand) {
  const w = [...words];
  for (let i = w.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [w[i], w[j]] = [w[j], w[i]];
  }
  return w;
}

export function readSeed(file = SEED_ARTICLE) {
  const src = fs.readFileSync(file, 'utf8');
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(src);
  if (!m) throw new Error(`${file}: no front matter`);
  const title = /^title:\s*"(.*)"\s*$/m.exec(m[1])?.[1] ?? 'مقال';
  const paragraphs = m[2].split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  return { title, paragraphs };
}

const q = (s) => JSON.stringify(s); // a JSON string is a valid YAML double-quoted scalar
const words = (s) => s.split(/\s+/).filter(Boolean);
const phrase = (ws, rand, n) => {
  const start = Math.floor(rand() * Math.max(1, ws.length - n));
  return ws.slice(start, start + n).join(' ');
};

const LEVELS = ['remember', 'understand', 'apply', 'analyze', 'evaluate', 'create'];
const KINDS = ['open', 'choice', 'open', 'scale', 'open', 'rank', 'open', 'choice', 'open', 'scale'];

function lessonFiles(seed, index) {
  const rand = mulberry32(1000 + index);
  const paragraphs = seed.paragraphs.map((p) => shuffle(words(p), rand).join(' '));
  const all = words(paragraphs.join(' '));
  const id = `lesson-${String(index + 1).padStart(2, '0')}`;
  const article = `---\nid: ${id}-article\ntitle: ${q(shuffle(words(seed.title), rand).join(' '))}\nlanguage: ar\nsource: "hiwar bench"\n---\n${paragraphs.join('\n\n')}\n`;
  const out = [];
  out.push(`id: ${id}`);
  out.push(`title: ${q(`الدرس ${index + 1}: ${phrase(all, rand, 6)}`)}`);
  out.push(`article: articles/${id}-article.md`);
  out.push(`audience: "المرحلة الثانوية (16–18 سنة)"`);
  out.push(`duration: 45`);
  out.push(`objectives:`);
  for (let k = 0; k < 3; k++) out.push(`  - ${q(`يشرح ${phrase(all, rand, 10)}`)}`);
  out.push(`content_note: ${q(phrase(all, rand, 40))}`);
  out.push(`passages:`);
  paragraphs.forEach((_, p) => {
    out.push(`  - ref: p${p + 1}`);
    if (p % 4 === 0) out.push(`    heading: ${q(phrase(all, rand, 5))}`);
    if (p % 3 === 0) out.push(`    teacher_note: ${q(phrase(all, rand, 45))}`);
  });
  out.push(`glossary:`);
  for (let k = 0; k < 4; k++) out.push(`  - { term: ${q(phrase(all, rand, 2))}, definition: ${q(phrase(all, rand, 18))} }`);
  out.push(`questions:`);
  KINDS.forEach((kind, k) => {
    out.push(`  - text: ${q(`${phrase(all, rand, 16)}؟`)}`);
    out.push(`    kind: ${kind}`);
    out.push(`    level: ${LEVELS[(k + index) % LEVELS.length]}`);
    out.push(`    refs: [p${1 + ((k * 2 + index) % 18)}, p${1 + ((k * 2 + index + 5) % 18)}]`);
    if (kind === 'open') out.push(`    lines: ${3 + (k % 3)}`);
    if (kind === 'choice' || kind === 'rank') {
      out.push(`    options:`);
      for (let o = 0; o < 4; o++) out.push(`      - ${q(phrase(all, rand, 5))}`);
    }
    out.push(`    guidance: ${q(phrase(all, rand, 35))}`);
  });
  out.push(`activities:`);
  for (let k = 0; k < 2; k++) {
    out.push(`  - title: ${q(phrase(all, rand, 4))}`);
    out.push(`    minutes: ${10 + 5 * k}`);
    out.push(`    steps: [${q(phrase(all, rand, 12))}, ${q(phrase(all, rand, 12))}]`);
  }
  out.push(`teacher:`);
  out.push(`  facilitation: ${q(phrase(all, rand, 80))}`);
  out.push(`  ground_rules: [${q(phrase(all, rand, 6))}, ${q(phrase(all, rand, 6))}, ${q(phrase(all, rand, 6))}]`);
  return { id, article, lesson: out.join('\n') + '\n' };
}

/**
 * Write the workspace into `dir`: articles/, lesson-NN.yaml and course.yaml.
 * Returns the paths of the lessons and of the course.
 */
export function writeSyntheticCourse(dir, count = 50) {
  const seed = readSeed();
  fs.mkdirSync(path.join(dir, 'articles'), { recursive: true });
  const lessons = [];
  for (let i = 0; i < count; i++) {
    const { id, article, lesson } = lessonFiles(seed, i);
    fs.writeFileSync(path.join(dir, 'articles', `${id}-article.md`), article);
    fs.writeFileSync(path.join(dir, `${id}.yaml`), lesson);
    lessons.push(path.join(dir, `${id}.yaml`));
  }
  const course = [
    'id: bench-course',
    `title: ${q('وحدة تجريبية: خمسون درسًا من مقال واحد')}`,
    `subtitle: ${q('مقرر مولَّد لقياس سرعة hiwar')}`,
    `author: ${q('فريق حوار')}`,
    'lessons:',
    ...lessons.map((l) => `  - ${path.basename(l)}`),
    'options: { paper: A4, digits: arabic }',
  ].join('\n');
  fs.writeFileSync(path.join(dir, 'course.yaml'), course + '\n');
  return { lessons, course: path.join(dir, 'course.yaml') };
}

// The Typst twin of the bench's synthetic course (bench/synth.mjs): Typst
// sources with the same text and the same parts as hiwar's handouts, so
// `npm run bench` can say how hiwar compares with Typst on the same work.
//
// Each document has what hiwar prints: a running header (the lesson's title
// and the edition) and a page footer; for a course pack, a cover and a
// contents page; for each lesson its title and details, the objectives box,
// the content note, the article's paragraphs numbered with their source line
// and section headings, the glossary box, the questions numbered with their
// level and references, answer lines, choices, scales and ranks; the teacher
// edition adds the teacher notes, each question's guidance, the activities
// and the facilitation notes. Fonts: the Amiri faces hiwar uses.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parse } from 'yaml';

const require = createRequire(import.meta.url);
const amiri = path.dirname(require.resolve('@expo-google-fonts/amiri/package.json'));
export const TWIN_FONTS = ['400Regular/Amiri_400Regular.ttf', '700Bold/Amiri_700Bold.ttf', '400Regular_Italic/Amiri_400Regular_Italic.ttf', '700Bold_Italic/Amiri_700Bold_Italic.ttf'].map((f) => path.join(amiri, f));

/** A Typst string literal. */
const str = (s) => JSON.stringify(String(s));
/** Text as Typst content (markup special characters escaped). */
const txt = (s) => `#${str(s)}`;

const EDITION = { student: 'نسخة الطالب', teacher: 'نسخة المعلم' };
const LEVEL = { remember: 'تذكّر', understand: 'فهم', apply: 'تطبيق', analyze: 'تحليل', evaluate: 'تقويم', create: 'إبداع' };
const SCALE = ['لا أوافق بشدة', 'لا أوافق', 'محايد', 'أوافق', 'أوافق بشدة'];

const PREAMBLE = (edition, title) => `
#set document(title: ${str(title)})
#set page(paper: "a4", margin: (x: 2cm, top: 2.2cm, bottom: 2cm),
  header: context {
    let hs = query(heading.where(level: 1).before(here()))
    set text(size: 8pt, fill: luma(110))
    grid(columns: (1fr, auto), if hs.len() > 0 { hs.last().body } else { ${str(title)} }, ${str(EDITION[edition])})
  },
  footer: context {
    set text(size: 8pt, fill: luma(110))
    align(center)[صفحة #counter(page).display() من #counter(page).final().first()]
  })
#set text(font: "Amiri", lang: "ar", dir: rtl, size: 11pt)
#set par(justify: true, leading: 0.75em)
#show heading.where(level: 1): it => { set text(size: 17pt, fill: rgb("#1f3a5f")); it }
#show heading.where(level: 2): it => { set text(size: 13pt, fill: rgb("#1f3a5f")); v(0.4em); it }
#show heading.where(level: 3): it => { set text(size: 11pt, fill: rgb("#1f5f8f")); it }
#let small(body) = text(size: 8pt, fill: luma(120), body)
#let panel(title, body, fill: rgb("#eef3f8"), stroke: rgb("#9bb3cc")) = block(width: 100%, inset: 10pt, radius: 4pt, fill: fill, stroke: 0.6pt + stroke, breakable: true)[
  #if title != none [#text(weight: "bold", fill: rgb("#1f3a5f"), title) \\ ]
  #body
]
#let note(body) = block(width: 100%, inset: 10pt, fill: rgb("#fbeeee"), stroke: (right: 2pt + rgb("#b03030")), breakable: true, body)
#let para(n, body, source) = grid(columns: (1.4em, 1fr), column-gutter: 0.4em, text(fill: luma(90), n), [#body \\ #small(source)])
#let answer-lines(n) = for _ in range(n) { v(1.5em); line(length: 100%, stroke: 0.4pt + luma(170)) }
#let choices(items) = for o in items [#box(width: 0.8em, height: 0.8em, stroke: 0.6pt) #h(0.4em) #o \\ ]
#let scale5(labels) = grid(columns: (1fr,) * labels.len(), align: center, row-gutter: 4pt, ..labels.map(_ => circle(radius: 5pt, stroke: 0.6pt)), ..labels.map(l => small(l)))
#let question(n, body, meta) = block(breakable: false, above: 1.2em)[#text(weight: "bold", fill: rgb("#1f3a5f"))[#n)] #body #small[(#meta)]]
`;

function article(file) {
  const src = fs.readFileSync(file, 'utf8');
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(src);
  return { meta: parse(m[1]), paragraphs: m[2].split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean) };
}

/** One lesson's body in Typst markup. */
function lessonMarkup(file, edition) {
  const lesson = parse(fs.readFileSync(file, 'utf8'));
  const { meta, paragraphs } = article(path.join(path.dirname(file), lesson.article));
  const teacher = edition === 'teacher';
  const out = [];
  out.push(`= ${txt(lesson.title)}`);
  out.push(`#small[${txt(`${lesson.audience} — ${lesson.duration} دقيقة — المقال: «${meta.title}»`)}]`);
  out.push(`#panel([أهداف الدرس])[في نهاية الدرس يستطيع الطالب أن:\n${lesson.objectives.map((o) => `+ ${txt(o)}`).join('\n')}\n]`);
  if (lesson.content_note) out.push(`#note[*تنبيه:* ${txt(lesson.content_note)}]`);
  out.push('== النص');
  for (const p of lesson.passages) {
    const n = Number(p.ref.slice(1));
    if (p.heading) out.push(`=== ${txt(p.heading)}`);
    out.push(`#para(${str(n)}, ${str(paragraphs[n - 1])}, ${str(`المصدر: «${meta.title}»، الفقرة ${n}`)})`);
    if (teacher && p.teacher_note) out.push(`#panel([ملاحظة للمعلم])[${txt(p.teacher_note)}]`);
  }
  out.push(`#panel([مسرد المصطلحات])[${lesson.glossary.map((g) => `*${txt(g.term)}:* ${txt(g.definition)}`).join(' \\\n')}]`);
  out.push('== الأسئلة');
  lesson.questions.forEach((q, k) => {
    out.push(`#question(${k + 1}, ${str(q.text)}, ${str(`${LEVEL[q.level] ?? q.level} — ${q.refs.map((r) => `ف${r.slice(1)}`).join('، ')}`)})`);
    if (q.kind === 'open') out.push(`#answer-lines(${q.lines ?? 3})`);
    if (q.kind === 'choice' || q.kind === 'rank') out.push(`#choices((${q.options.map(str).join(', ')},))`);
    if (q.kind === 'scale') out.push(`#scale5((${SCALE.map(str).join(', ')}))\n#answer-lines(2)`);
    if (teacher && q.guidance) out.push(`#panel([إرشاد للمعلم])[${txt(q.guidance)}]`);
  });
  if (teacher) {
    out.push('== الأنشطة');
    for (const a of lesson.activities ?? []) out.push(`#panel(${str(`${a.title} (${a.minutes} دقيقة)`)})[${a.steps.map((s) => `+ ${txt(s)}`).join('\n')}\n]`);
    if (lesson.teacher?.facilitation) out.push(`== إدارة النقاش\n${txt(lesson.teacher.facilitation)}`);
    if (lesson.teacher?.ground_rules) out.push(`== قواعد الحوار\n${lesson.teacher.ground_rules.map((r) => `- ${txt(r)}`).join('\n')}`);
  }
  return out.join('\n\n');
}

/** The Typst source of one lesson's edition. */
export function lessonTypst(file, edition) {
  const lesson = parse(fs.readFileSync(file, 'utf8'));
  return PREAMBLE(edition, lesson.title) + '\n' + lessonMarkup(file, edition) + '\n';
}

/** The Typst source of a course pack's edition: cover, contents, every lesson from a new page. */
export function courseTypst(file, edition) {
  const course = parse(fs.readFileSync(file, 'utf8'));
  const dir = path.dirname(file);
  const out = [PREAMBLE(edition, course.title)];
  out.push(`#page(header: none, footer: none)[#align(center + horizon)[#text(size: 26pt, weight: "bold", fill: rgb("#1f3a5f"), ${str(course.title)}) \\ #v(1em) #text(size: 15pt, ${str(course.subtitle)}) \\ #v(2em) ${txt(course.author)} \\ ${txt(EDITION[edition])}]]`);
  out.push(`#outline(title: [المحتويات], depth: 1)`);
  for (const l of course.lessons) out.push(`#pagebreak()\n${lessonMarkup(path.join(dir, l), edition)}`);
  return out.join('\n\n') + '\n';
}

/**
 * Write the twin's sources beside the synthetic course: for the first
 * lesson and for the course, one .typ per edition. Returns their paths.
 */
export function writeTwin(lessons, course) {
  const dir = path.dirname(course);
  const write = (name, text) => (fs.writeFileSync(path.join(dir, name), text), path.join(dir, name));
  const base = path.basename(lessons[0], '.yaml');
  return {
    lesson: ['student', 'teacher'].map((e) => write(`${base}-${e}.typ`, lessonTypst(lessons[0], e))),
    course: ['student', 'teacher'].map((e) => write(`course-${e}.typ`, courseTypst(course, e))),
  };
}

// The Word edition, read back from the zip: texts in logical order, right to
// left, teacher parts only in the teacher edition, real numbering that
// restarts per lesson, and equal bytes for equal input.
import { unzipSync } from 'fflate';
import { parseDocument, DomUtils } from 'htmlparser2';
import type { Element } from 'domhandler';
import { beforeAll, describe, expect, test } from 'vitest';
import { renderDocx } from '../../src/formats/docx/render.js';
import type { ResolvedCourse, ResolvedLesson } from '../../src/workspace/model.js';
import { LABELS } from '../../src/render/labels.js';
import { TYPE } from '../../src/layout/style.js';
import type { Block } from '../../src/document/model.js';
import { courseDoc, lessonDoc, sampleCourse, sampleLesson, squash } from './helpers.js';

interface WordFile {
  files: Record<string, Uint8Array>;
  xml(name: string): Element[];
  /** every w:p of the body with its text, in document order */
  paragraphs: { el: Element; text: string }[];
  text: string;
}

function read(bytes: Uint8Array): WordFile {
  const files = unzipSync(bytes);
  const xml = (name: string) => parseDocument(new TextDecoder().decode(files[name]), { xmlMode: true }).children.filter((n): n is Element => n.type === 'tag');
  const body = xml('word/document.xml');
  const paragraphs = DomUtils.getElementsByTagName('w:p', body, true).map((el) => ({
    el,
    text: DomUtils.getElementsByTagName('w:t', el, true).map((t) => DomUtils.textContent(t)).join(''),
  }));
  return { files, xml, paragraphs, text: squash(paragraphs.map((p) => p.text).join(' ')) };
}

const ARABIC = /[\u0600-\u06FF]/;
/** `el` holds a `tag` switched on (an on/off element with no w:val, or a true one) */
const has = (el: Element, tag: string) => DomUtils.getElementsByTagName(tag, el, true).some((e) => !['false', '0', 'off'].includes(e.attribs['w:val'] ?? 'true'));

/** Where each of `texts` starts in `within`, failing on the first missing one. */
function positions(within: string, texts: string[]): number[] {
  let from = 0;
  return texts.map((t) => {
    const at = within.indexOf(squash(t), from);
    expect(at, `missing or out of order: ${t.slice(0, 60)}`).toBeGreaterThanOrEqual(0);
    from = at + 1;
    return at;
  });
}

let lesson: ResolvedLesson;
let course: ResolvedCourse;
let student: WordFile;
let teacher: WordFile;
let studentBytes: Uint8Array;

beforeAll(async () => {
  lesson = await sampleLesson();
  course = await sampleCourse();
  studentBytes = (await renderDocx(lessonDoc(lesson, 'student'))).bytes;
  student = read(studentBytes);
  teacher = read((await renderDocx(lessonDoc(lesson, 'teacher'))).bytes);
});

describe('a lesson as a Word file', () => {
  test('every passage, then every question, in logical order', () => {
    const passages = lesson.passages.flatMap((p) => p.paragraphs.map((para) => para.text));
    expect(passages.length).toBeGreaterThan(2);
    const questions = lesson.questions.map((q) => q.text);
    for (const file of [student, teacher]) {
      // a mistake in the article is marked where it is printed («[كذا]»), the text itself kept
      const text = squash(file.text.replaceAll(`[${LABELS.sic}]`, ''));
      const p = positions(text, passages);
      const q = positions(text, questions);
      expect(Math.max(...p)).toBeLessThan(Math.min(...q));
    }
  });

  test('right to left: every Arabic paragraph is bidi, every Arabic run rtl, the tables visually right to left', () => {
    const arabic = student.paragraphs.filter((p) => ARABIC.test(p.text));
    expect(arabic.length).toBeGreaterThan(20);
    for (const p of arabic) {
      const pPr = p.el.children.find((c): c is Element => c.type === 'tag' && c.name === 'w:pPr');
      expect(pPr && has(pPr, 'w:bidi'), p.text).toBe(true);
      for (const r of DomUtils.getElementsByTagName('w:r', p.el, true)) {
        const t = DomUtils.textContent(r);
        if (ARABIC.test(t)) expect(has(r, 'w:rtl'), t).toBe(true);
      }
    }
    const tables = DomUtils.getElementsByTagName('w:tbl', student.xml('word/document.xml'), true);
    expect(tables.length).toBeGreaterThan(0);
    for (const t of tables) expect(has(t, 'w:bidiVisual')).toBe(true);
  });

  test('the teacher guidance is in the teacher edition only', () => {
    const guided = lesson.questions.filter((q) => q.guidance);
    expect(guided.length).toBeGreaterThan(0);
    for (const q of guided) {
      const first = squash(q.guidance!.split('\n')[0]).slice(0, 40);
      expect(teacher.text).toContain(first);
      expect(student.text).not.toContain(first);
    }
  });

  test('real Word styles: headings, passages and questions are styled, not just formatted', () => {
    const styles = DomUtils.getElementsByTagName('w:style', student.xml('word/styles.xml'), true).map((s) => s.attribs['w:styleId']);
    expect(styles).toEqual(expect.arrayContaining(['Heading1', 'Heading2', 'Heading3', 'Passage', 'Question']));
    const used = (id: string) => student.paragraphs.filter((p) => DomUtils.getElementsByTagName('w:pStyle', p.el, true).some((s) => s.attribs['w:val'] === id));
    expect(used('Passage').length).toBe(lesson.passages.flatMap((p) => p.paragraphs).length);
    expect(used('Question').map((p) => squash(p.text).slice(0, 30))).toEqual(lesson.questions.map((q) => squash(q.text).slice(0, 30)));
  });

  test('a header and a «صفحة X من Y» footer with page fields', () => {
    const footers = Object.keys(student.files).filter((f) => /^word\/footer\d+\.xml$/.test(f));
    expect(footers.length).toBeGreaterThan(0);
    const footer = new TextDecoder().decode(student.files[footers[0]]);
    expect(footer).toContain('صفحة');
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
    const header = Object.keys(student.files).filter((f) => /^word\/header\d+\.xml$/.test(f)).map((f) => new TextDecoder().decode(student.files[f])).join('');
    expect(header).toContain(lesson.title);
  });

  test('equal input, equal bytes (fixed dates and ids in the zip)', async () => {
    const again = (await renderDocx(lessonDoc(lesson, 'student'))).bytes;
    expect(Buffer.from(again).equals(Buffer.from(studentBytes))).toBe(true);
    // not just within one second: the dates inside are fixed
    const core = new TextDecoder().decode(student.files['docProps/core.xml']);
    expect(core.match(/<dcterms:(created|modified)[^>]*>[^<]*/g)?.map((m) => m.replace(/^.*>/, ''))).toEqual(['2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z']);
  });
});

describe('a lesson as LibreOffice showed it wrong once (each check stands for something seen on a page)', () => {
  const styleOf = (p: Element) => DomUtils.getElementsByTagName('w:pStyle', p, true)[0]?.attribs['w:val'];
  const pPrOf = (p: Element) => p.children.find((c): c is Element => c.type === 'tag' && c.name === 'w:pPr');

  /** keep-with-next as Word and LibreOffice see it: the paragraph's own, else its style's (and the styles it is based on) */
  const keepsWithNext = (p: Element): boolean => {
    const own = DomUtils.getElementsByTagName('w:keepNext', pPrOf(p) ?? p, true)[0];
    if (own) return !['false', '0', 'off'].includes(own.attribs['w:val'] ?? 'true');
    const styles = student.xml('word/styles.xml');
    for (let id = styleOf(p); id; ) {
      const style = DomUtils.findOne((e) => e.name === 'w:style' && e.attribs['w:styleId'] === id, styles, true);
      if (!style) break;
      const keep = DomUtils.getElementsByTagName('w:keepNext', style, true)[0];
      if (keep) return !['false', '0', 'off'].includes(keep.attribs['w:val'] ?? 'true');
      id = DomUtils.getElementsByTagName('w:basedOn', style, true)[0]?.attribs['w:val'];
    }
    return false;
  };

  test('every answer line is ruled, also between lines: a run of equal bordered paragraphs is one box with one bottom line', () => {
    const lines = student.paragraphs.filter((p) => styleOf(p.el) === 'AnswerLine');
    // as many as the document asks for (every `lines` block, in questions and out)
    const wanted = (blocks: Block[]): number => blocks.reduce((n, b) => n + (b.kind === 'lines' ? b.count : 'children' in b ? wanted(b.children) : 0), 0);
    expect(lines.length).toBe(wanted(lessonDoc(lesson, 'student').parts.flatMap((p) => ('blocks' in p ? p.blocks : []))));
    expect(lines.length).toBeGreaterThan(10);
    for (const { el } of lines) {
      const border = DomUtils.getElementsByTagName('w:pBdr', el, true)[0];
      for (const side of ['w:bottom', 'w:between']) expect(DomUtils.getElementsByTagName(side, border, true)[0]?.attribs['w:val'], side).toBe('single');
    }
    // a question's lines stay on one page (LibreOffice split them one on a page, three on the next): each line but the last of a run is kept with the next
    const kept = student.paragraphs.map((p, i) => (styleOf(p.el) === 'AnswerLine' ? (styleOf(student.paragraphs[i + 1]?.el ?? p.el) === 'AnswerLine' && student.paragraphs[i + 1] ? 'inner' : 'last') : undefined));
    student.paragraphs.forEach((p, i) => {
      if (kept[i]) expect(keepsWithNext(p.el), `${kept[i]} answer line ${i}`).toBe(kept[i] === 'inner');
    });
    // the teacher edition writes no lines (as the PDF)
    expect(teacher.paragraphs.filter((p) => styleOf(p.el) === 'AnswerLine')).toEqual([]);
  });

  test('every section is right to left (w:bidi in each w:sectPr)', () => {
    for (const file of [student, teacher]) {
      const sections = DomUtils.getElementsByTagName('w:sectPr', file.xml('word/document.xml'), true);
      expect(sections.length).toBeGreaterThan(0);
      for (const s of sections) expect(has(s, 'w:bidi')).toBe(true);
    }
  });

  test('a box is one shaded cell with its bar on the start side; its first line does not hold the cell to the next page', () => {
    const cells = DomUtils.getElementsByTagName('w:tc', student.xml('word/document.xml'), true).filter((c) => DomUtils.getElementsByTagName('w:shd', c, true).length);
    const objectives = cells.find((c) => squash(DomUtils.textContent(c)).includes(lesson.objectives[0].slice(0, 30)));
    expect(objectives, 'the objectives sit in a shaded cell').toBeDefined();
    for (const cell of cells) {
      const right = DomUtils.getElementsByTagName('w:tcBorders', cell, true)[0]?.children.find((c): c is Element => c.type === 'tag' && c.name === 'w:right');
      expect(right?.attribs['w:val']).toBe('single');
      const first = DomUtils.getElementsByTagName('w:p', cell, true)[0];
      expect(keepsWithNext(first), squash(DomUtils.textContent(first))).toBe(false);
    }
  });

  test("a question's options and ranks stay together: every row's text but the last row's is kept with the next", async () => {
    // this lesson and one with rank questions
    const ranked = await sampleLesson('platforms-and-moderation.yaml');
    const files = [
      { file: student, questions: lesson.questions },
      { file: read((await renderDocx(lessonDoc(ranked, 'student'))).bytes), questions: ranked.questions },
    ];
    expect(ranked.questions.some((q) => q.kind === 'rank')).toBe(true);
    const tables = files.flatMap(({ file, questions }) => {
      const found = DomUtils.getElementsByTagName('w:tbl', file.xml('word/document.xml'), true).filter((t) => /^([أبجد]|☐)$/.test(DomUtils.textContent(DomUtils.getElementsByTagName('w:tc', t, true)[0]).trim()));
      expect(found.length).toBe(questions.filter((q) => q.kind === 'choice' || q.kind === 'rank').length);
      return found;
    });
    for (const t of tables) {
      const rows = t.children.filter((c): c is Element => c.type === 'tag' && c.name === 'w:tr');
      rows.forEach((row, i) => {
        for (const p of DomUtils.getElementsByTagName('w:p', row, true)) expect(keepsWithNext(p), `row ${i + 1} of ${rows.length}`).toBe(i < rows.length - 1);
      });
    }
  });

  test('a short box stays on one page (its title was left alone at a page foot), a long one may break', () => {
    const cells = DomUtils.getElementsByTagName('w:tc', teacher.xml('word/document.xml'), true).filter((c) => DomUtils.getElementsByTagName('w:shd', c, true).length);
    const sizes = { short: 0, long: 0 };
    for (const cell of cells) {
      const [, ...body] = DomUtils.getElementsByTagName('w:p', cell, true).map((p) => DomUtils.getElementsByTagName('w:t', p, true).map((t) => DomUtils.textContent(t)).join(''));
      const length = body.join('').length;
      const row = cell.parent as Element;
      const trPr = row.children.find((c): c is Element => c.type === 'tag' && c.name === 'w:trPr');
      const kept = !!trPr && has(trPr, 'w:cantSplit');
      // a band around the limit: list markers and the like are counted by one side only
      if (length <= 500) (sizes.short++, expect(kept, body.join(' ').slice(0, 40)).toBe(true));
      if (length >= 700) (sizes.long++, expect(kept, body.join(' ').slice(0, 40)).toBe(false));
    }
    expect(sizes.short).toBeGreaterThan(3);
    expect(sizes.long).toBeGreaterThan(0);
  });

  test('line spacing always says its rule (a bare w:line was exact in LibreOffice, cutting pictures, and 1.5 lines in Word)', () => {
    const styles = new TextDecoder().decode(student.files['word/styles.xml']);
    const spacings = styles.match(/<w:spacing [^>]*w:line="[^>]*>/g) ?? [];
    expect(spacings.length).toBeGreaterThan(2);
    for (const s of spacings) expect(s).toMatch(/w:lineRule="(atLeast|exact|auto)"/);
  });

  test("lists number in the handout's digits, and a question's facts are small, not tiny", () => {
    const objectives = student.paragraphs.filter((p) => styleOf(p.el) === 'ListItem').map((p) => p.text);
    expect(objectives[0]).toMatch(/^١\) /);
    expect(objectives[1]).toMatch(/^٢\) /);
    const question = student.paragraphs.find((p) => styleOf(p.el) === 'Question' && lesson.questions[0].text.startsWith(squash(p.text).slice(0, 20)))!;
    const sizes = DomUtils.getElementsByTagName('w:sz', question.el, true).map((s) => Number(s.attribs['w:val']));
    expect(sizes).toEqual([Math.round(TYPE.small * 2)]);
  });
});

test('the article\'s address is a real link, and links keep equal bytes (numbered relationship ids)', async () => {
  const linked = await sampleLesson('moderation-how-it-works.yaml');
  expect(linked.article.url).toMatch(/^https:/);
  const file = read((await renderDocx(lessonDoc(linked, 'student'))).bytes);
  const links = DomUtils.getElementsByTagName('w:hyperlink', file.xml('word/document.xml'), true);
  expect(links.length).toBeGreaterThan(0);
  const rels = file.xml('word/_rels/document.xml.rels');
  links.forEach((link, i) => {
    expect(link.attribs['r:id']).toBe(`rIdLink${i + 1}`);
    expect(DomUtils.textContent(link)).toBe(linked.article.url);
    const rel = DomUtils.findOne((e) => e.name === 'Relationship' && e.attribs.Id === link.attribs['r:id'], rels, true);
    expect(rel?.attribs).toMatchObject({ Target: linked.article.url, TargetMode: 'External' });
  });
});

test('a figure is a picture with its alt text, and still gives equal bytes twice', async () => {
  const figured = await sampleLesson('moderation-how-it-works.yaml');
  const once = (await renderDocx(lessonDoc(figured, 'student'))).bytes;
  const twice = (await renderDocx(lessonDoc(figured, 'student'))).bytes;
  expect(Buffer.from(once).equals(Buffer.from(twice))).toBe(true);
  const file = read(once);
  expect(Object.keys(file.files).some((f) => f.startsWith('word/media/'))).toBe(true);
  const pictures = DomUtils.getElementsByTagName('wp:docPr', file.xml('word/document.xml'), true);
  expect(pictures.length).toBeGreaterThan(0);
  for (const p of pictures) expect(p.attribs.descr ?? '').toMatch(ARABIC);
});

describe('a course pack as a Word file', () => {
  let pack: WordFile;
  let packBytes: Uint8Array;
  beforeAll(async () => {
    packBytes = (await renderDocx(courseDoc(course, 'student'))).bytes;
    pack = read(packBytes);
  });

  test('equal input, equal bytes, contents and all', async () => {
    const again = (await renderDocx(courseDoc(course, 'student'))).bytes;
    expect(Buffer.from(again).equals(Buffer.from(packBytes))).toBe(true);
  });

  test('a contents field, and each lesson on a new odd (right-hand) page, as in the PDF', () => {
    const doc = new TextDecoder().decode(pack.files['word/document.xml']);
    expect(doc).toMatch(/TOC \\h \\o &quot;1-2&quot;/);
    // one section per part (a section's w:sectPr ends it, and its w:type says how it starts):
    // the cover and the contents start a page, each lesson the next odd page, the sources a page
    const sections = DomUtils.getElementsByTagName('w:sectPr', pack.xml('word/document.xml'), true);
    const starts = sections.map((s) => DomUtils.getElementsByTagName('w:type', s, true)[0]?.attribs['w:val']);
    expect(starts).toEqual(['nextPage', 'nextPage', ...course.lessons.map(() => 'oddPage'), 'nextPage']);
  });

  test('question numbering restarts in every lesson, in Arabic-Indic digits', () => {
    const numbering = pack.xml('word/numbering.xml');
    const questionIds = pack.paragraphs
      .filter((p) => DomUtils.getElementsByTagName('w:pStyle', p.el, true).some((s) => s.attribs['w:val'] === 'Question'))
      .map((p) => DomUtils.getElementsByTagName('w:numId', p.el, true)[0]?.attribs['w:val']);
    expect(questionIds.length).toBe(course.lessons.reduce((n, l) => n + l.questions.length, 0));
    // one list per lesson, in lesson order
    const perLesson: string[] = [];
    for (const id of questionIds) if (perLesson[perLesson.length - 1] !== id) perLesson.push(id);
    expect(perLesson.length).toBe(course.lessons.length);
    expect(new Set(perLesson).size).toBe(course.lessons.length);
    for (const id of perLesson) {
      const num = DomUtils.findOne((e) => e.name === 'w:num' && e.attribs['w:numId'] === id, numbering, true)!;
      expect(DomUtils.getElementsByTagName('w:startOverride', num, true)[0]?.attribs['w:val']).toBe('1');
      const abstractId = DomUtils.getElementsByTagName('w:abstractNumId', num, true)[0].attribs['w:val'];
      const abstract = DomUtils.findOne((e) => e.name === 'w:abstractNum' && e.attribs['w:abstractNumId'] === abstractId, numbering, true)!;
      expect(DomUtils.getElementsByTagName('w:numFmt', abstract, true)[0].attribs['w:val']).toBe('hindiNumbers');
    }
  });
});

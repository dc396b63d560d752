// Lay out the sample packs' justified lines as the PDF does (templates ->
// blocks -> FlowBuilder), for the kashida tests.
import path from 'node:path';
import { courseDocument } from '../../src/render/render.js';
import { loadTemplates } from '../../src/render/templates.js';
import { resolveFile } from '../../src/workspace/resolve.js';
import { FlowBuilder } from '../../src/layout/flow.js';
import { geometry } from '../../src/layout/paginate.js';
import { loadFamily } from '../../src/text/fonts.js';
import type { Justify } from '../../src/workspace/model.js';
import type { LaidLine } from '../../src/text/types.js';

const ROOT = path.resolve(__dirname, '../..');

/** Every line the teacher editions of both sample packs print, laid out with `justify`. */
export async function sampleLines(justify: Justify): Promise<LaidLine[]> {
  const family = loadFamily('amiri');
  const lines: LaidLine[] = [];
  for (const file of ['lessons/course.yaml', 'lessons/moderation-unit.yaml']) {
    const r = await resolveFile(path.join(ROOT, file));
    if (!r.ok || r.kind !== 'course') throw new Error(`${file} did not resolve`);
    const doc = courseDocument(r.course, 'teacher', loadTemplates());
    for (const part of doc.parts) {
      if (!('blocks' in part)) continue;
      const flow = new FlowBuilder({ family, width: geometry(doc.paper).contentWidth, digits: doc.digits, kashida: justify === 'kashida', bookmarkLevel: 1 });
      flow.blocks(part.blocks);
      for (const item of flow.items) for (const op of item.ops) if (op.op === 'text') lines.push(op.line);
    }
  }
  return lines;
}

/** How wide the line's widest word space is drawn, as a multiple of its natural width (1 when unstretched). */
export function spaceStretch(line: LaidLine): number {
  let most = 1;
  for (const run of line.runs) {
    for (const seg of run.segments) {
      if (seg.stretch === 0) continue;
      for (let j = 0; j < seg.ids.length; j++) if (seg.texts[j] === ' ') most = Math.max(most, 1 + seg.stretch / (seg.advances[j] * seg.scale));
    }
  }
  return most;
}

// Runs one render job: the same function in a worker thread and in-process,
// which is what makes their output byte-identical. Results carry the PDF
// bytes (transferred, not copied, out of a worker).
import { UserError } from '../workspace/diagnostics.js';
import { courseDocument, lessonDocument } from '../render/render.js';
import { SectionCache } from '../formats/pdf/render.js';
import { BACKENDS } from '../formats/index.js';
import { clearTemplateCache, loadTemplates } from '../render/templates.js';
import { loadFamily } from '../text/index.js';
import type { JobResult, RenderJob } from './job.js';

let templatesVersion = 0;
let sections: SectionCache | undefined;

/** Render one job. User mistakes found on the way (a template error) come back as diagnostics. */
export async function runJob(job: RenderJob): Promise<JobResult> {
  if (job.templatesVersion !== templatesVersion) {
    clearTemplateCache();
    templatesVersion = job.templatesVersion;
  }
  try {
    const templates = loadTemplates(job.templates, { allowOutside: job.allowOutside });
    const t = job.target;
    // a course pack is set in the course's typeface throughout
    const font = (t.kind === 'lesson' ? t.lesson.options.font : t.course.options.font) ?? 'amiri';
    const family = loadFamily(font);
    const cache = job.cache ? (sections ??= new SectionCache()) : undefined;
    const doc = t.kind === 'lesson' ? lessonDocument(t.lesson, job.edition, templates) : courseDocument(t.course, job.edition, templates);
    const out = await BACKENDS[job.format](doc, { edition: job.edition, family, font, cache });
    return { bytes: out.bytes, pages: out.pages, diagnostics: out.diagnostics };
  } catch (err) {
    if (err instanceof UserError) return { bytes: new Uint8Array(0), pages: 0, diagnostics: err.diagnostics };
    throw err;
  }
}


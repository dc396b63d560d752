// pdf.js, in a worker thread of its own (see tests/helpers/pdf.ts for why).
// Receives { id, bytes, want } and answers { id, result } or { id, error }:
// the parts of the document that `want` names, as plain data.
import { parentPort } from 'node:worker_threads';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** An outline with the 1-based page each entry opens. */
async function outline(doc, items) {
  const out = [];
  for (const it of items ?? []) {
    const dest = typeof it.dest === 'string' ? await doc.getDestination(it.dest) : it.dest;
    const page = dest ? (await doc.getPageIndex(dest[0])) + 1 : 0;
    out.push({ title: it.title, page, children: await outline(doc, it.items) });
  }
  return out;
}

async function read(bytes, want) {
  const doc = await getDocument({ data: bytes, disableFontFace: true, useSystemFonts: false, verbosity: 0, isEvalSupported: false }).promise;
  try {
    const result = { numPages: doc.numPages, pages: [] };
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const p = { view: page.view };
      if (want.text !== false) p.items = (await page.getTextContent({ includeMarkedContent: !!want.markedContent })).items;
      if (want.structTree) p.structTree = await page.getStructTree();
      if (want.annotations) p.annotations = await page.getAnnotations();
      result.pages.push(p);
    }
    if (want.outline) result.outline = await outline(doc, await doc.getOutline());
    if (want.metadata) {
      const { info, metadata } = await doc.getMetadata();
      result.info = info;
      result.metadata = metadata ? metadata.getAll() : null;
      result.markInfo = await doc.getMarkInfo();
      result.viewerPreferences = await doc.getViewerPreferences();
    }
    return result;
  } finally {
    await doc.destroy();
  }
}

parentPort.on('message', async ({ id, bytes, want }) => {
  try {
    parentPort.postMessage({ id, result: await read(bytes, want) });
  } catch (e) {
    parentPort.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
});

// The live preview: the PDF a build would write, page by page, drawn by pdf.js.
// A change with errors keeps the last good pages on screen, marked as such.
import * as pdfjs from '/vendor/pdf.mjs';
import { h, t } from './core.js';

pdfjs.GlobalWorkerOptions.workerSrc = '/vendor/pdf.worker.mjs';

export class Preview {
  constructor(editor) {
    this.editor = editor;
    this.edition = 'student';
    this.rev = 0;
    this.pages = {};
  }

  element() {
    if (this.el) return this.el;
    const tab = (edition) =>
      h('button', { type: 'button', 'aria-pressed': edition === this.edition ? 'true' : 'false', 'data-edition': edition, onclick: () => this.switchTo(edition) }, t(`ui-${edition}`));
    this.buttons = [tab('student'), tab('teacher')];
    this.countEl = h('p', { id: 'page-count', role: 'status', 'data-pages': '0' });
    this.staleEl = h('p', { class: 'stale-note', hidden: true }, t('ui-preview-stale'));
    this.pagesEl = h('div', { class: 'pages', 'aria-label': t('ui-preview') });
    this.el = h('div', { class: 'preview' }, h('div', { class: 'tabs' }, this.buttons), this.countEl, this.staleEl, this.pagesEl);
    return this.el;
  }

  switchTo(edition) {
    this.edition = edition;
    for (const b of this.buttons) b.setAttribute('aria-pressed', b.dataset.edition === edition ? 'true' : 'false');
    this.editor.runPreview();
  }

  markStale(stale) {
    this.element();
    this.staleEl.hidden = !stale;
  }

  async load(rev, pages, editedAt) {
    this.element();
    this.rev = rev;
    this.pages = pages ?? {};
    this.markStale(false);
    await this.draw();
    if (editedAt !== undefined) window.__studioLatency = performance.now() - editedAt;
  }

  async draw() {
    const rev = this.rev;
    const res = await fetch(`/api/preview.pdf?tab=${this.editor.tab}&edition=${this.edition}&rev=${rev}`, { credentials: 'same-origin' });
    if (!res.ok || rev !== this.rev) return;
    const data = new Uint8Array(await res.arrayBuffer());
    const doc = await pdfjs.getDocument({ data, isEvalSupported: false }).promise;
    const width = Math.max(280, Math.min(this.pagesEl.clientWidth || 520, 640));
    const figures = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const base = page.getViewport({ scale: 1 });
      const scale = width / base.width;
      const ratio = window.devicePixelRatio || 1;
      const vp = page.getViewport({ scale: scale * ratio });
      const canvas = h('canvas', { width: Math.floor(vp.width), height: Math.floor(vp.height), role: 'img', 'aria-label': t('ui-page-of', { n, m: doc.numPages }) });
      canvas.style.width = `${Math.floor(vp.width / ratio)}px`;
      await page.render({ canvasContext: canvas.getContext('2d'), viewport: vp }).promise;
      figures.push(h('figure', {}, canvas, h('figcaption', {}, t('ui-page-of', { n, m: doc.numPages }))));
    }
    await doc.destroy();
    if (rev !== this.rev) return;
    this.pagesEl.replaceChildren(...figures);
    this.countEl.dataset.pages = String(doc.numPages ?? figures.length);
    this.countEl.dataset.edition = this.edition;
    this.countEl.textContent = `${t(`ui-${this.edition}`)} — ${t('ui-pages', { n: figures.length })}`;
  }
}

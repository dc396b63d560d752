// The live preview: the PDF a build would write, page by page, drawn by pdf.js
// as the pages come into view. A change with errors keeps the last good pages
// on screen, marked as such.
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
    const ratio = window.devicePixelRatio || 1;
    const figures = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const base = page.getViewport({ scale: 1 });
      const vp = page.getViewport({ scale: (width / base.width) * ratio });
      const canvas = h('canvas', { width: Math.floor(vp.width), height: Math.floor(vp.height), role: 'img', 'aria-label': t('ui-page-of', { n, m: doc.numPages }) });
      canvas.style.width = `${Math.floor(vp.width / ratio)}px`;
      const figure = h('figure', {}, canvas, h('figcaption', {}, t('ui-page-of', { n, m: doc.numPages })));
      // drawn once, when first needed; a page of a document replaced meanwhile is never drawn
      figure.draw = () =>
        (figure.drawing ??= page.render({ canvasContext: canvas.getContext('2d'), viewport: vp }).promise.then(
          () => figure.setAttribute('data-drawn', ''),
          () => {},
        ));
      figures.push(figure);
    }
    // A lesson has several pages and a pack dozens, and one or two are in
    // view: drawing every page after each change was work for pages nobody
    // looked at. The pages in view are drawn before the new pages take the old
    // ones' place (so what the reader looks at never goes blank), the others
    // as they are scrolled to.
    await Promise.all(this.pagesInView(figures.length).map((n) => figures[n - 1].draw()));
    if (rev !== this.rev) {
      await doc.destroy();
      return;
    }
    this.observer?.disconnect();
    this.pagesEl.replaceChildren(...figures);
    this.observer = new IntersectionObserver((entries) => {
      for (const e of entries) if (e.isIntersecting) e.target.draw();
    }, { rootMargin: '50% 0px' });
    for (const f of figures) this.observer.observe(f);
    const old = this.doc;
    this.doc = doc;
    await old?.destroy();
    this.countEl.dataset.pages = String(doc.numPages);
    this.countEl.dataset.edition = this.edition;
    this.countEl.textContent = `${t(`ui-${this.edition}`)} — ${t('ui-pages', { n: doc.numPages })}`;
  }

  /** Numbers (1-based) of the pages shown now that a document of `count` pages still has: at least the first. */
  pagesInView(count) {
    const shown = [];
    if (this.pagesEl.isConnected) {
      // what the window shows, cut to the scrolling pane the pages are in
      const pane = this.pagesEl.closest('.side')?.getBoundingClientRect();
      const top = Math.max(0, pane?.top ?? 0);
      const bottom = Math.min(window.innerHeight, pane?.bottom ?? Infinity);
      [...this.pagesEl.children].forEach((f, i) => {
        const r = f.getBoundingClientRect();
        if (r.bottom > top && r.top < bottom && i < count) shown.push(i + 1);
      });
    }
    return shown.length ? shown : [1];
  }
}

// Reading an article with numbered paragraphs and sentences, and turning a
// selection made with the mouse (or a click on a paragraph number) into a
// ref: `pN`, `pN-pM`, `pN.sK`, `pN.sK-sL`, or `{from, to}` for a few words.
import { api, h, t } from './core.js';
import { getIn } from './model.js';

const words = (s) => s.trim().split(/\s+/).filter(Boolean);

export class ArticleReader {
  constructor(editor) {
    this.editor = editor;
    this.ref = null;
  }

  element() {
    if (this.el) {
      this.refresh();
      return this.el;
    }
    this.refEl = h('span', { class: 'ref', id: 'selected-ref' }, t('ui-no-selection'));
    this.addPassage = h('button', { type: 'button', id: 'add-passage', disabled: true, onclick: () => this.toPassage() }, t('ui-add-passage'));
    this.addToQuestion = h('button', { type: 'button', id: 'add-to-question', disabled: true, onclick: () => this.toQuestion() }, t('ui-add-to-question'));
    this.body = h('div', { class: 'article', lang: 'ar' }, h('p', { class: 'muted' }, t('ui-loading')));
    this.el = h('div', {}, h('p', { class: 'help' }, t('ui-article-help')), h('div', { class: 'selection-bar' }, h('span', {}, `${t('ui-selection')}: `), this.refEl, this.addPassage, this.addToQuestion), this.body);
    this.body.addEventListener('mouseup', () => this.fromSelection());
    this.body.addEventListener('keyup', (e) => e.shiftKey && this.fromSelection());
    this.load();
    return this.el;
  }

  async load() {
    const a = await api('GET', `/api/article?path=${encodeURIComponent(this.editor.article)}`);
    this.article = a;
    if (!a.ok) {
      this.body.replaceChildren(...a.problems.map((p) => h('p', { class: 'diag' }, p)));
      return;
    }
    this.body.replaceChildren(
      h('h3', { dir: 'auto' }, a.title),
      ...a.paragraphs.map((p) =>
        h('p', { class: 'para', 'data-p': p.number, id: `para-${p.number}` },
          h('button', { type: 'button', class: 'pnum', 'aria-label': t('ui-paragraph', { n: p.number }), onclick: (e) => this.clickParagraph(p.number, e.shiftKey) }, String(p.number)),
          ...p.sentences.map((s) => h('span', { class: 'sent', 'data-p': p.number, 'data-s': s.number, title: t('ui-sentence', { n: s.number }) }, p.text.slice(s.start, s.end), ' ')),
        ),
      ),
    );
  }

  clickParagraph(n, extend) {
    const from = extend && this.anchorPara ? Math.min(this.anchorPara, n) : n;
    const to = extend && this.anchorPara ? Math.max(this.anchorPara, n) : n;
    if (!extend) this.anchorPara = n;
    this.setRef(from === to ? `p${from}` : `p${from}-p${to}`, { from, to });
  }

  /** The ref for the current text selection inside the article. */
  fromSelection() {
    const sel = window.getSelection();
    if (!sel || sel.isCollapsed || !sel.rangeCount) return;
    const range = sel.getRangeAt(0);
    const at = (node) => (node.nodeType === 1 ? node : node.parentElement)?.closest('.sent, .para');
    let start = at(range.startContainer);
    let end = at(range.endContainer);
    // a selection that starts or ends between sentences: take the nearest sentence inside it
    const sents = [...this.body.querySelectorAll('.sent')].filter((s) => range.intersectsNode(s));
    if (!sents.length) return;
    if (!start?.classList.contains('sent')) start = sents[0];
    if (!end?.classList.contains('sent')) end = sents[sents.length - 1];
    if (!this.body.contains(start) || !this.body.contains(end)) return;
    const p1 = Number(start.dataset.p), s1 = Number(start.dataset.s);
    const p2 = Number(end.dataset.p), s2 = Number(end.dataset.s);
    const para = this.article.paragraphs.find((p) => p.number === p1);
    const text = sel.toString().replace(/\s+/g, ' ').trim();
    let ref;
    if (p1 !== p2) ref = `p${p1}-p${p2}`;
    else if (s1 !== s2) ref = s1 === 1 && s2 === para.sentences.length ? `p${p1}` : `p${p1}.s${s1}-s${s2}`;
    else {
      const s = para.sentences[s1 - 1];
      const full = para.text.slice(s.start, s.end).replace(/\s+/g, ' ').trim();
      if (text.length >= full.length * 0.9) ref = para.sentences.length === 1 ? `p${p1}` : `p${p1}.s${s1}`;
      else {
        const w = words(text);
        ref = w.length <= 6 ? { from: w.slice(0, Math.min(3, w.length)).join(' '), to: w.slice(-Math.min(3, w.length)).join(' ') } : { from: w.slice(0, 3).join(' '), to: w.slice(-3).join(' ') };
      }
    }
    this.setRef(ref, { from: p1, to: p2 });
  }

  setRef(ref, paras) {
    this.ref = ref;
    this.paras = paras;
    this.refEl.textContent = typeof ref === 'string' ? ref : `{from: "${ref.from}", to: "${ref.to}"}`;
    this.refresh();
    for (const p of this.body.querySelectorAll('.para')) p.classList.toggle('in-sel', Number(p.dataset.p) >= paras.from && Number(p.dataset.p) <= paras.to);
  }

  refresh() {
    this.addPassage.disabled = !this.ref;
    this.addToQuestion.disabled = !this.ref || !this.editor.currentQuestion;
  }

  toPassage() {
    if (!this.ref) return;
    this.editor.append(['passages'], { ref: this.ref });
  }

  /** Question refs are paragraph and sentence refs: a few words become their paragraphs. */
  toQuestion() {
    const q = this.editor.currentQuestion;
    if (!this.ref || !q) return;
    const ref = typeof this.ref === 'string' ? this.ref : this.paras.from === this.paras.to ? `p${this.paras.from}` : `p${this.paras.from}-p${this.paras.to}`;
    const refs = getIn(this.editor.model, [...q, 'refs']);
    const list = Array.isArray(refs) ? refs : [];
    if (!list.includes(ref)) this.editor.set([...q, 'refs'], [...list, ref]);
    this.editor.render();
  }
}

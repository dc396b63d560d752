// Editing a lesson, an overlay (a version for another class) or a course:
// forms over the file's data, every change an operation replayed on the YAML
// by the server, the preview rebuilt after each change, problems shown in
// Arabic beside the field they concern, and saving that refuses to overwrite
// a file changed elsewhere.
import { announce, api, ApiError, diagBox, h, joinPath, KINDS, LEVELS, nextId, relPath, t } from './core.js';
import { deleteIn, getIn, moveIn, Ops, setIn } from './model.js';
import { Preview } from './preview.js';
import { ArticleReader } from './reader.js';

const key = (path) => JSON.stringify(path);

export class Editor {
  constructor(info, workspace) {
    this.path = info.path;
    this.version = info.version;
    this.model = structuredClone(info.value ?? {});
    this.article = info.article;
    this.inherited = info.inherited ?? [];
    this.workspace = workspace;
    this.ops = new Ops();
    this.tab = Math.random().toString(36).slice(2);
    this.kind = this.model && Array.isArray(this.model.lessons) ? 'course' : typeof this.model.extends === 'string' ? 'overlay' : 'lesson';
    this.fields = new Map();
    this.currentQuestion = null;
    this.preview = new Preview(this);
    this.diagnostics = [];
  }

  // ------------------------------------------------------------ edits
  set(path, value) {
    this.ops.set(path, value);
    setIn(this.model, path, value);
    this.changed();
  }
  remove(path, rerender = true) {
    this.ops.delete(path);
    deleteIn(this.model, path);
    this.changed(rerender);
  }
  move(path, from, to) {
    this.ops.move(path, from, to);
    moveIn(this.model, path, from, to);
    this.changed(true);
  }
  append(path, value) {
    const list = getIn(this.model, path);
    const n = Array.isArray(list) ? list.length : 0;
    if (!Array.isArray(list)) this.set(path, [value]);
    else this.set([...path, n], value);
    this.render();
    return [...path, n];
  }
  changed(rerender = false) {
    this.setStatus('unsaved');
    if (rerender) this.render();
    this.schedulePreview();
  }
  schedulePreview() {
    clearTimeout(this.timer);
    this.editedAt ??= performance.now();
    this.timer = setTimeout(() => this.runPreview(), 60);
  }
  async runPreview() {
    if (this.inflight) {
      this.again = true;
      return;
    }
    this.inflight = true;
    const editedAt = this.editedAt;
    this.editedAt = undefined;
    try {
      const r = await api('POST', '/api/preview', { path: this.path, base: this.version, ops: this.ops.list, tab: this.tab, edition: this.preview.edition });
      this.showDiagnostics(r.diagnostics);
      if (r.ok) await this.preview.load(r.rev, r.pages, editedAt);
      else this.preview.markStale(true);
    } catch (e) {
      this.showFailure(e);
    } finally {
      this.inflight = false;
      if (this.again) {
        this.again = false;
        this.runPreview();
      }
    }
  }

  // ------------------------------------------------------------ saving
  setStatus(s) {
    this.status = s;
    if (!this.statusEl) return;
    this.statusEl.className = `status ${s}`;
    this.statusEl.textContent = t(s === 'saved' ? 'ui-saved' : s === 'unsaved' ? 'ui-unsaved' : 'ui-no-changes');
  }
  async save(force = false) {
    this.noticeEl.replaceChildren();
    try {
      const r = await api('POST', '/api/save', { path: this.path, base: this.version, ops: this.ops.list, force });
      this.version = r.version;
      this.ops.clear();
      this.setStatus('saved');
      announce(t('ui-saved'));
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.status === 422) {
        this.showDiagnostics(e.body.diagnostics ?? []);
        this.noticeEl.append(
          h('div', { class: 'notice error', role: 'alert' }, e.body.message, e.body.hint ? ` — ${e.body.hint}` : '', ' ', h('button', { class: 'danger small', type: 'button', onclick: () => this.save(true) }, t('ui-save-anyway'))),
        );
      } else if (e instanceof ApiError && e.status === 409) {
        this.noticeEl.append(h('div', { class: 'notice error', role: 'alert' }, e.body.message, e.body.hint ? ` — ${e.body.hint}` : '', ' ', h('button', { class: 'small', type: 'button', onclick: () => this.reload() }, t('ui-reload'))));
      } else this.showFailure(e);
      return false;
    }
  }
  async reload() {
    const info = await api('GET', `/api/file?path=${encodeURIComponent(this.path)}`);
    this.version = info.version;
    this.model = structuredClone(info.value ?? {});
    this.inherited = info.inherited ?? [];
    this.ops.clear();
    this.setStatus('none');
    this.noticeEl.replaceChildren();
    this.render();
    this.runPreview();
  }
  showFailure(e) {
    this.noticeEl?.replaceChildren(h('div', { class: 'notice error', role: 'alert' }, e?.message ?? String(e)));
  }

  // ------------------------------------------------------------ problems beside their fields
  showDiagnostics(list) {
    this.diagnostics = list;
    for (const { el } of this.fields.values()) {
      el.classList.remove('has-error');
      el.querySelector(':scope > .field-errors')?.replaceChildren();
    }
    this.generalEl.replaceChildren();
    for (const d of list) {
      let target = null;
      if (d.path && d.file === this.path) {
        for (let k = d.path.length; k > 0 && !target; k--) target = this.fields.get(key(d.path.slice(0, k)));
      }
      if (target) {
        target.el.classList.add('has-error');
        target.el.querySelector(':scope > .field-errors').append(diagBox(d));
      } else this.generalEl.append(diagBox(d, true));
    }
    if (list.length) this.generalEl.prepend(h('p', { class: 'muted' }, t('ui-error-count', { n: list.length })));
  }

  // ------------------------------------------------------------ form building blocks
  register(path, el) {
    el.dataset.path = key(path);
    if (!el.querySelector(':scope > .field-errors')) el.append(h('div', { class: 'field-errors', id: nextId('err') }));
    this.fields.set(key(path), { el });
    return el;
  }

  /** A labelled input for one field. kind: text | textarea | number | lines | select | refs */
  field(label, path, { kind = 'text', optional = true, help, choices, ltr = false } = {}) {
    const id = nextId();
    const errId = nextId('err');
    const helpId = help ? nextId('help') : undefined;
    const value = getIn(this.model, path);
    let input;
    const shown = kind === 'lines' ? (Array.isArray(value) ? value.join('\n') : '') : kind === 'refs' ? (Array.isArray(value) ? value.join('، ') : '') : value ?? '';
    const common = { id, 'aria-describedby': [helpId, errId].filter(Boolean).join(' '), class: ltr ? 'ltr' : undefined, dir: ltr ? 'ltr' : 'auto' };
    if (kind === 'textarea' || kind === 'lines') input = h('textarea', { ...common, rows: kind === 'lines' ? 3 : 3, value: String(shown) });
    else if (kind === 'select') {
      input = h('select', common, optional ? h('option', { value: '' }, t('ui-unset')) : null, choices.map(([v, text]) => h('option', { value: v }, text)));
      input.value = value ?? '';
    } else input = h('input', { ...common, type: 'text', inputmode: kind === 'number' ? 'numeric' : undefined, value: String(shown) });
    const onChange = () => {
      const raw = input.value;
      if (kind === 'lines' || kind === 'refs') {
        const list = raw.split(kind === 'lines' ? /\n/ : /[,،]/).map((s) => s.trim()).filter(Boolean);
        if (!list.length && optional) this.remove(path, false);
        else this.set(path, list);
      } else if (raw.trim() === '' && optional) this.remove(path, false);
      else if (kind === 'number') this.set(path, /^\s*\d+\s*$/.test(raw) ? Number(raw) : raw);
      else this.set(path, raw);
    };
    input.addEventListener(kind === 'select' ? 'change' : 'input', onChange);
    const el = h('div', { class: 'field' }, h('label', { for: id }, label), input, help ? h('div', { class: 'help', id: helpId }, help) : null, h('div', { class: 'field-errors', id: errId }));
    return this.register(path, el);
  }

  itemHead(title, listPath, i, n, headingLevel = 'h4') {
    return h(
      'div',
      { class: 'item-head' },
      h(headingLevel, {}, title),
      h('button', { type: 'button', class: 'small', disabled: i === 0, onclick: () => this.move(listPath, i, i - 1), 'aria-label': `${t('ui-move-up')}: ${title}` }, '↑'),
      h('button', { type: 'button', class: 'small', disabled: i === n - 1, onclick: () => this.move(listPath, i, i + 1), 'aria-label': `${t('ui-move-down')}: ${title}` }, '↓'),
      h('button', { type: 'button', class: 'small danger', onclick: () => this.remove([...listPath, i]), 'aria-label': `${t('ui-remove')}: ${title}` }, t('ui-remove')),
    );
  }

  // ------------------------------------------------------------ the screen
  mount(main) {
    this.main = main;
    this.statusEl = h('span', { class: 'status', role: 'status' });
    this.noticeEl = h('div');
    this.generalEl = h('div', { class: 'general-errors' });
    this.formEl = h('form', { class: 'form', onsubmit: (e) => e.preventDefault(), 'aria-label': this.path });
    const sideTabs = [['preview', t('ui-preview')]];
    if (this.kind !== 'course' && this.article) sideTabs.push(['article', t('ui-article')]);
    this.sideBody = h('div');
    const tabButtons = sideTabs.map(([name, label]) =>
      h('button', { type: 'button', 'aria-pressed': name === 'preview' ? 'true' : 'false', 'data-tab': name, onclick: () => this.showSide(name) }, label),
    );
    this.tabButtons = tabButtons;
    const titleKey = this.kind === 'course' ? 'ui-course' : this.kind === 'overlay' ? 'ui-overlay' : 'ui-lesson';
    main.replaceChildren(
      h('div', { class: 'toolbar' }, h('h2', {}, `${t(titleKey)}: `, h('span', { class: 'ref' }, this.path)), h('button', { type: 'button', class: 'primary', id: 'save', onclick: () => this.save() }, t('ui-save')), this.statusEl,
        this.kind === 'course' ? h('button', { type: 'button', id: 'build', onclick: () => this.buildCourse() }, t('ui-build')) : null),
      this.noticeEl,
      h('div', { class: 'editor' }, h('div', {}, this.generalEl, this.formEl), h('div', { class: 'side card' }, h('div', { class: 'tabs', role: 'group', 'aria-label': t('ui-preview') }, tabButtons), this.sideBody)),
    );
    this.previewEl = this.preview.element();
    this.reader = this.article ? new ArticleReader(this) : null;
    this.setStatus(this.ops.length ? 'unsaved' : 'none');
    this.render();
    this.showSide(this.side ?? 'preview');
    this.runPreview();
  }

  showSide(name) {
    this.side = name;
    for (const b of this.tabButtons) b.setAttribute('aria-pressed', b.dataset.tab === name ? 'true' : 'false');
    this.sideBody.replaceChildren(name === 'article' && this.reader ? this.reader.element() : this.previewEl);
  }

  render() {
    const focused = document.activeElement?.closest?.('[data-path]')?.dataset.path;
    this.fields.clear();
    const parts = this.kind === 'course' ? this.courseForm() : this.lessonForm();
    this.formEl.replaceChildren(...parts);
    this.register([], this.formEl);
    if (this.diagnostics.length) this.showDiagnostics(this.diagnostics);
    if (focused) this.fields.get(focused)?.el.querySelector('input, textarea, select, button')?.focus();
  }

  lessonForm() {
    const m = this.model;
    const about = h(
      'fieldset',
      {},
      h('legend', {}, t('ui-about')),
      this.kind === 'overlay' ? h('p', { class: 'muted' }, t('ui-extends', { file: m.extends }), ' ', t('ui-inherits')) : null,
      this.field(t('ui-title'), ['title']),
      h('div', { class: 'row' }, this.field(t('ui-audience'), ['audience']), this.field(t('ui-duration'), ['duration'], { kind: 'number' })),
      this.field(t('ui-content-note'), ['content_note'], { kind: 'textarea' }),
    );
    const objectives = this.listSection(t('ui-objectives'), ['objectives'], (i) => this.field(t('ui-objective', { n: i + 1 }), ['objectives', i], { optional: false }), t('ui-add-objective'), '', { compact: true });
    const passages = this.listSection(t('ui-passages'), ['passages'], (i, n) => this.passageItem(i, n), null);
    const questions = this.kind === 'overlay' && !Array.isArray(m.questions) ? this.overlayQuestions() : this.questionList(['questions'], t('ui-questions'));
    const glossary = this.listSection(t('ui-glossary'), ['glossary'], (i, n) =>
      this.register(['glossary', i], h('div', { class: 'item' }, this.itemHead(`${t('ui-term')} ${i + 1}`, ['glossary'], i, n), h('div', { class: 'row' }, this.field(t('ui-term'), ['glossary', i, 'term'], { optional: false }), this.field(t('ui-definition'), ['glossary', i, 'definition'], { optional: false })))),
      t('ui-add-term'), { term: '', definition: '' });
    const activities = this.listSection(t('ui-activities'), ['activities'], (i, n) =>
      this.register(['activities', i], h('div', { class: 'item' }, this.itemHead(`${t('ui-activity-title')} ${i + 1}`, ['activities'], i, n),
        h('div', { class: 'row' }, this.field(t('ui-activity-title'), ['activities', i, 'title'], { optional: false }), this.field(t('ui-minutes'), ['activities', i, 'minutes'], { kind: 'number' })),
        this.field(t('ui-steps'), ['activities', i, 'steps'], { kind: 'lines' }))),
      t('ui-add-activity'), { title: '' });
    const teacher = h('fieldset', {}, h('legend', {}, t('ui-for-teacher')), this.field(t('ui-facilitation'), ['teacher', 'facilitation'], { kind: 'textarea' }), this.field(t('ui-ground-rules'), ['teacher', 'ground_rules'], { kind: 'lines' }));
    return [about, objectives, passages, questions, glossary, activities, teacher];
  }

  listSection(legend, path, item, addLabel, newValue = '', { compact = false } = {}) {
    const list = getIn(this.model, path);
    const n = Array.isArray(list) ? list.length : 0;
    const items = [];
    for (let i = 0; i < n; i++) {
      const el = item(i, n);
      if (compact) {
        el.append(h('button', { type: 'button', class: 'small danger', onclick: () => this.remove([...path, i]) }, t('ui-remove')));
      }
      items.push(el);
    }
    const fs = h('fieldset', {}, h('legend', {}, legend), items, addLabel ? h('button', { type: 'button', onclick: () => this.focusNew(this.append(path, structuredClone(newValue))) }, addLabel) : null);
    return this.register(path, fs);
  }

  focusNew(path) {
    this.fields.get(key(path))?.el.querySelector('input, textarea, select')?.focus();
  }

  passageItem(i, n) {
    const base = ['passages', i];
    const ref = getIn(this.model, [...base, 'ref']);
    const refFields =
      ref && typeof ref === 'object'
        ? h('div', { class: 'row' }, this.field(t('ui-from'), [...base, 'ref', 'from'], { optional: false }), this.field(t('ui-to'), [...base, 'ref', 'to'], { optional: false }))
        : this.field(t('ui-ref'), [...base, 'ref'], { optional: false, ltr: true });
    return this.register(base, h('div', { class: 'item' }, this.itemHead(t('ui-passage', { n: i + 1 }), ['passages'], i, n), refFields, this.field(t('ui-heading'), [...base, 'heading']), this.field(t('ui-teacher-note'), [...base, 'teacher_note'], { kind: 'textarea' })));
  }

  questionList(path, legend) {
    const list = getIn(this.model, path);
    const n = Array.isArray(list) ? list.length : 0;
    const items = [];
    for (let i = 0; i < n; i++) items.push(this.questionItem([...path, i], path, i, n));
    const fs = h('fieldset', {}, h('legend', {}, legend), items, h('button', { type: 'button', id: 'add-question', onclick: () => this.addQuestion(path) }, t('ui-add-question')));
    return this.register(path, fs);
  }

  addQuestion(path, value = { text: '', kind: 'open', level: 'understand' }) {
    const p = this.append(path, value);
    this.currentQuestion = p;
    this.render();
    this.focusNew([...p, 'text']);
    return p;
  }

  questionItem(base, listPath, i, n) {
    const q = getIn(this.model, base) ?? {};
    const title = t('ui-question', { n: i + 1 });
    const isCurrent = this.currentQuestion && key(this.currentQuestion) === key(base);
    const el = h('div', { class: `item qitem${isCurrent ? ' current' : ''}`, onfocusin: () => this.setCurrent(base, el) }, this.itemHead(title, listPath, i, n));
    if (typeof q.use === 'string') {
      el.append(h('p', {}, t('ui-from-bank', { source: '' }), h('span', { class: 'ref' }, q.use)), this.field(t('ui-refs'), [...base, 'refs'], { kind: 'refs', ltr: true, help: t('ui-refs-help') }), this.field(t('ui-lines'), [...base, 'lines'], { kind: 'number' }));
    } else if (q.pick && typeof q.pick === 'object') {
      el.append(h('p', {}, t('ui-pick-from', { file: '' }), h('span', { class: 'ref' }, q.pick.from ?? '')), h('div', { class: 'row' }, this.field(t('ui-count'), [...base, 'pick', 'count'], { kind: 'number' }), this.field(t('ui-level'), [...base, 'pick', 'level'], { kind: 'select', choices: LEVELS.map((l) => [l, t(`ui-level-${l}`)]) })), this.field(t('ui-tag'), [...base, 'pick', 'tags'], { kind: 'refs', ltr: true }));
    } else {
      const kind = q.kind ?? 'open';
      el.append(
        this.field(t('ui-question-text'), [...base, 'text'], { kind: 'textarea', optional: false }),
        h('div', { class: 'row' },
          this.field(t('ui-kind'), [...base, 'kind'], { kind: 'select', choices: KINDS.map((k) => [k, t(`ui-kind-${k}`)]) }),
          this.field(t('ui-level'), [...base, 'level'], { kind: 'select', choices: LEVELS.map((l) => [l, t(`ui-level-${l}`)]) }),
          kind === 'open' ? this.field(t('ui-lines'), [...base, 'lines'], { kind: 'number' }) : null),
        this.field(t('ui-refs'), [...base, 'refs'], { kind: 'refs', ltr: true, help: t('ui-refs-help') }),
        kind !== 'open' ? this.field(t('ui-options'), [...base, 'options'], { kind: 'lines' }) : null,
        this.field(t('ui-guidance'), [...base, 'guidance'], { kind: 'textarea' }),
      );
      // the options field appears when the kind needs it
      el.querySelector('select')?.addEventListener('change', () => this.render());
    }
    return this.register(base, el);
  }

  setCurrent(base, el) {
    this.currentQuestion = base;
    for (const x of this.formEl.querySelectorAll('.qitem.current')) x.classList.remove('current');
    el.classList.add('current');
  }

  /** The question list a bank question or a new question goes into. */
  questionTarget() {
    if (this.kind === 'overlay' && !Array.isArray(this.model.questions)) return ['questions', 'add'];
    return ['questions'];
  }

  overlayQuestions() {
    const edit = this.model.questions ?? {};
    const drop = Array.isArray(edit.drop) ? edit.drop : [];
    const order = Array.isArray(edit.order) ? edit.order : [];
    const setList = (name, list) => (list.length ? this.set(['questions', name], list) : this.remove(['questions', name], false));
    const rows = this.inherited.map((q) => {
      const id = nextId();
      const pos = order.indexOf(q.id);
      return h('li', {},
        h('input', { type: 'checkbox', id, checked: drop.includes(q.id), onchange: (e) => { setList('drop', e.target.checked ? [...drop.filter((x) => x !== q.id), q.id] : drop.filter((x) => x !== q.id)); this.render(); } }),
        h('label', { for: id }, `${t('ui-drop')}: `),
        h('span', { class: 'ref' }, q.id), ' ', h('span', { dir: 'auto' }, q.text),
        pos >= 0 ? h('strong', {}, ` (${pos + 1})`) : h('button', { type: 'button', class: 'small', onclick: () => { setList('order', [...order, q.id]); this.render(); } }, t('ui-first')));
    });
    return this.register(['questions'], h('fieldset', {},
      h('legend', {}, t('ui-questions')),
      h('h3', {}, t('ui-inherited')),
      this.register(['questions', 'drop'], h('ul', { class: 'files inherited' }, rows)),
      this.field(t('ui-limit'), ['questions', 'limit'], { kind: 'number' }),
      h('h3', {}, t('ui-added-questions')),
      this.questionList(['questions', 'add'], t('ui-added-questions')),
    ));
  }

  courseForm() {
    const lessons = Array.isArray(this.model.lessons) ? this.model.lessons : [];
    const known = [...(this.workspace?.lessons ?? []), ...(this.workspace?.overlays ?? [])];
    const selectId = nextId();
    const select = h('select', { id: selectId }, known.map((l) => h('option', { value: l.path }, `${l.title ?? l.id ?? ''} — ${l.path}`)));
    const titleOf = (l) => known.find((k) => k.path === joinPath(this.path, l))?.title;
    const items = lessons.map((l, i) =>
      this.register(['lessons', i], h('div', { class: 'item' }, this.itemHead(`${i + 1}) ${titleOf(l) ?? l}`, ['lessons'], i, lessons.length), h('span', { class: 'ref' }, l))),
    );
    return [
      h('fieldset', {}, h('legend', {}, t('ui-course')), this.field(t('ui-title'), ['title'], { optional: false }), this.field(t('ui-subtitle'), ['subtitle']), this.field(t('ui-author'), ['author'])),
      this.register(['lessons'], h('fieldset', {}, h('legend', {}, t('ui-course-lessons')), items,
        h('div', { class: 'row' }, h('div', { class: 'field' }, h('label', { for: selectId }, t('ui-add-lesson')), select),
          h('button', { type: 'button', onclick: () => this.append(['lessons'], relPath(this.path, select.value)) }, t('ui-add-lesson'))))),
    ];
  }

  async buildCourse() {
    if (this.ops.length && !(await this.save())) return;
    this.noticeEl.replaceChildren(h('div', { class: 'notice' }, t('ui-building')));
    try {
      const r = await api('POST', '/api/build', { path: this.path });
      this.noticeEl.replaceChildren(r.ok ? h('div', { class: 'notice', role: 'status', id: 'built' }, t('ui-built', { files: r.outputs.map((o) => `${o.path} (${o.pages})`).join('، ') })) : h('div', {}, r.diagnostics.map((d) => diagBox(d, true))));
    } catch (e) {
      this.showFailure(e);
    }
  }
}


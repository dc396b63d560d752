// hiwar studio: the page. Screens: the workspace, a file's editor, bringing in
// an article, and the question banks. Addresses are `#/…` so the page never
// reloads and the token never shows in the address bar after the first load.
import { announce, api, ApiError, diagBox, h, KINDS, LEVELS, nextId, relPath, t } from './core.js';
import { loadMessages } from './core.js';
import { Editor } from './editor.js';

const main = document.getElementById('main');
const state = { workspace: null, editor: null, banks: null };

function label(id, text) {
  return h('label', { for: id }, text);
}

function textField(text, attrs = {}) {
  const id = attrs.id ?? nextId();
  const input = h('input', { type: 'text', ...attrs, id });
  return { input, el: h('div', { class: 'field' }, label(id, text), input) };
}

async function refreshWorkspace() {
  state.workspace = await api('GET', '/api/workspace');
  document.getElementById('workspace-name').textContent = state.workspace.root;
  return state.workspace;
}

// ---------------------------------------------------------------- workspace
async function showWorkspace() {
  const ws = await refreshWorkspace();
  const list = (entries, action) =>
    entries.length
      ? h('ul', { class: 'files' }, entries.map((e) => h('li', {}, action(e), h('span', { class: 'path' }, e.path))))
      : h('p', { class: 'muted' }, t('ui-none'));
  const openLink = (e) => h('a', { href: `#/edit/${encodeURIComponent(e.path)}`, dir: 'auto' }, e.title || e.id || e.path);
  const newForm = (kind, extra) => {
    const idField = textField(t('ui-new-id'), { class: 'ltr', dir: 'ltr', name: 'id', pattern: '[a-z0-9-]+', required: true });
    const box = h('div', { class: 'notice-box' });
    const form = h('form', { class: 'row', onsubmit: async (ev) => {
      ev.preventDefault();
      try {
        const r = await api('POST', '/api/new', { kind, id: idField.input.value.trim(), ...extra() });
        location.hash = `#/edit/${encodeURIComponent(r.path)}`;
      } catch (e) {
        box.replaceChildren(h('div', { class: 'notice error', role: 'alert' }, e.message));
      }
    } }, idField.el, h('button', { class: 'primary', type: 'submit' }, t('ui-create')), box);
    return form;
  };
  const reveal = (text, make) => {
    const holder = h('div');
    const btn = h('button', { type: 'button', class: 'small', 'aria-expanded': 'false', onclick: () => {
      if (holder.firstChild) { holder.replaceChildren(); btn.setAttribute('aria-expanded', 'false'); return; }
      holder.replaceChildren(make());
      btn.setAttribute('aria-expanded', 'true');
      holder.querySelector('input')?.focus();
    } }, text);
    return [btn, holder];
  };
  main.replaceChildren(
    h('h2', {}, t('ui-nav-workspace')),
    h('div', { class: 'grid' },
      h('section', { class: 'card', 'aria-labelledby': 'h-lessons' }, h('h3', { id: 'h-lessons' }, t('ui-lessons')),
        list(ws.lessons, (e) => [openLink(e), ...reveal(t('ui-new-overlay'), () => newForm('overlay', () => ({ parent: e.path })))])),
      h('section', { class: 'card', 'aria-labelledby': 'h-overlays' }, h('h3', { id: 'h-overlays' }, t('ui-overlays')), list(ws.overlays, openLink)),
      h('section', { class: 'card', 'aria-labelledby': 'h-courses' }, h('h3', { id: 'h-courses' }, t('ui-courses')), list(ws.courses, openLink),
        ...reveal(t('ui-new-course'), () => newForm('course', () => ({ lessons: [] })))),
      h('section', { class: 'card', 'aria-labelledby': 'h-banks' }, h('h3', { id: 'h-banks' }, t('ui-banks')), list(ws.banks, (e) => h('a', { href: '#/banks', dir: 'auto' }, e.title || e.id || e.path))),
      h('section', { class: 'card', 'aria-labelledby': 'h-articles' }, h('h3', { id: 'h-articles' }, t('ui-articles')),
        list(ws.articles, (e) => [h('span', { dir: 'auto' }, e.title || e.id), ...reveal(t('ui-new-lesson'), () => newForm('lesson', () => ({ article: e.path })))]),
        h('a', { href: '#/import' }, t('ui-nav-import'))),
    ),
  );
}

// ---------------------------------------------------------------- editor
async function showEditor(path) {
  if (!state.editor || state.editor.path !== path) {
    const info = await api('GET', `/api/file?path=${encodeURIComponent(path)}`);
    if (!state.workspace) await refreshWorkspace();
    state.editor = new Editor(info, state.workspace);
  }
  state.editor.mount(main);
}

// ---------------------------------------------------------------- import
function showImport() {
  const rawId = nextId();
  const raw = h('textarea', { id: rawId, rows: 10, dir: 'auto' });
  const found = h('div');
  const run = async () => {
    const r = await api('POST', '/api/import/parse', { raw: raw.value });
    renderLines(found, r.lines, r.title, r.meta ?? {});
  };
  main.replaceChildren(
    h('h2', {}, t('ui-import-title')),
    h('section', { class: 'card' }, h('div', { class: 'field' }, label(rawId, t('ui-paste')), raw), h('button', { type: 'button', class: 'primary', id: 'find-paragraphs', onclick: run }, t('ui-find-paragraphs'))),
    found,
  );
  raw.focus();
}

function renderLines(holder, found, titleIndex, meta) {
  // the importer's guess: web-page leftovers (menus, bylines, share buttons, …) come unticked, with the reason
  const lines = found.map((l) => l.text);
  const keep = found.map((l) => l.keep);
  let title = titleIndex;
  const rows = lines.map((line, i) => {
    const radioId = nextId();
    const boxId = nextId();
    const row = h('tr', {},
      h('td', {}, h('input', { type: 'radio', name: 'title', id: radioId, checked: i === title, onchange: () => { title = i; update(); } }), ' ', label(radioId, t('ui-is-title'))),
      h('td', {}, h('input', { type: 'checkbox', id: boxId, checked: keep[i], onchange: (e) => { keep[i] = e.target.checked; update(); } }), ' ', label(boxId, t('ui-keep'))),
      h('td', { class: 'num' }, String(i + 1)),
      h('td', { class: 'text', dir: 'auto' }, line, found[i].why ? h('span', { class: 'why' }, ` (${found[i].why})`) : null));
    return row;
  });
  const countEl = h('p', { role: 'status', id: 'found-count' });
  const update = () => {
    rows.forEach((r, i) => r.classList.toggle('dropped', !keep[i] && i !== title));
    countEl.textContent = t('ui-found', { n: lines.filter((_, i) => keep[i] && i !== title).length });
  };
  update();
  const id = textField(t('ui-article-id'), { class: 'ltr', dir: 'ltr', id: 'article-id', required: true });
  const source = textField(t('ui-source'), { id: 'article-source', value: meta.source ?? '' });
  const date = textField(t('ui-date'), { id: 'article-date', class: 'ltr', dir: 'ltr', placeholder: 'YYYY-MM-DD', value: meta.date ?? '' });
  const url = textField(t('ui-url'), { id: 'article-url', class: 'ltr', dir: 'ltr', type: 'url', value: meta.url ?? '' });
  const result = h('div');
  const save = async (ev) => {
    ev.preventDefault();
    try {
      const r = await api('POST', '/api/import/save', {
        id: id.input.value.trim(),
        title: lines[title],
        paragraphs: lines.filter((_, i) => keep[i] && i !== title),
        source: source.input.value,
        date: date.input.value,
        url: url.input.value,
      });
      result.replaceChildren(h('p', { class: 'notice', role: 'status', id: 'import-saved' }, t('ui-article-saved', { file: r.path }), ' ', h('a', { href: '#/workspace' }, t('ui-nav-workspace'))));
      announce(t('ui-article-saved', { file: r.path }));
    } catch (e) {
      result.replaceChildren(h('div', { class: 'notice error', role: 'alert' }, e.message), ...(e.body?.diagnostics ?? []).map((d) => diagBox(d)));
    }
  };
  holder.replaceChildren(
    h('section', { class: 'card' }, countEl, h('table', { class: 'lines' }, h('tbody', {}, rows))),
    h('form', { class: 'card', onsubmit: save }, h('div', { class: 'row' }, id.el, source.el, date.el, url.el), h('button', { class: 'primary', type: 'submit', id: 'save-article' }, t('ui-save-article')), result),
  );
}

// ---------------------------------------------------------------- banks
async function showBanks() {
  if (!state.banks) state.banks = (await api('GET', '/api/banks')).questions;
  const all = state.banks;
  const ed = state.editor && state.editor.kind !== 'course' ? state.editor : null;
  const tags = [...new Set(all.flatMap((q) => q.tags))].sort();
  const ids = { search: nextId(), kind: nextId(), level: nextId(), tag: nextId() };
  const search = h('input', { type: 'search', id: ids.search });
  const select = (id, values, text) => h('select', { id }, h('option', { value: '' }, t('ui-any')), values.map((v) => h('option', { value: v }, text(v))));
  const kind = select(ids.kind, KINDS, (k) => t(`ui-kind-${k}`));
  const level = select(ids.level, LEVELS, (l) => t(`ui-level-${l}`));
  const tag = select(ids.tag, tags, (x) => x);
  const countEl = h('p', { role: 'status', id: 'bank-count' });
  const listEl = h('div');
  const pickBox = h('div');
  const filtered = () => {
    const s = search.value.trim();
    return all.filter((q) => (!s || q.text.includes(s) || q.id.includes(s) || (q.guidance ?? '').includes(s)) && (!kind.value || q.kind === kind.value) && (!level.value || q.level === level.value) && (!tag.value || q.tags.includes(tag.value)));
  };
  const update = () => {
    const list = filtered();
    countEl.textContent = t('ui-results', { n: list.length });
    listEl.replaceChildren(...list.slice(0, 200).map((q) => bankCard(q, ed)));
    pickBox.replaceChildren(...(ed ? pickForm(ed, list, tag.value, level.value) : []));
  };
  for (const el of [search, kind, level, tag]) el.addEventListener('input', update);
  main.replaceChildren(
    h('h2', {}, t('ui-banks-title')),
    h('p', { class: ed ? '' : 'muted' }, ed ? [t('ui-target-lesson', { file: '' }), h('a', { href: `#/edit/${encodeURIComponent(ed.path)}` }, ed.path)] : t('ui-need-lesson')),
    h('div', { class: 'card row' },
      h('div', { class: 'field' }, label(ids.search, t('ui-search')), search),
      h('div', { class: 'field' }, label(ids.kind, t('ui-kind')), kind),
      h('div', { class: 'field' }, label(ids.level, t('ui-level')), level),
      h('div', { class: 'field' }, label(ids.tag, t('ui-tag')), tag)),
    pickBox, countEl, listEl,
  );
  update();
  search.focus();
}

function bankCard(q, ed) {
  const holder = h('div');
  const add = async () => {
    let misfit = [];
    if (q.refs.length && ed.article) misfit = (await api('POST', '/api/fit', { article: ed.article, refs: q.refs })).misfit;
    const use = `${relPath(ed.path, q.bank)}#${q.id}`;
    if (!misfit.length) return addUse(ed, { use }, holder);
    const refsId = nextId();
    const input = h('input', { type: 'text', id: refsId, class: 'ltr', dir: 'ltr', placeholder: 'p3, p5' });
    holder.replaceChildren(h('div', { class: 'misfit', role: 'alert' },
      h('label', { for: refsId }, t('ui-refs-misfit', { refs: misfit.join('، ') })), input,
      h('button', { type: 'button', class: 'primary small', onclick: () => {
        const refs = input.value.split(/[,،]/).map((s) => s.trim()).filter(Boolean);
        addUse(ed, refs.length ? { use, refs } : { use }, holder);
      } }, t('ui-add-use'))));
    input.focus();
  };
  return h('article', { class: 'card qcard', 'data-bank-id': q.id },
    h('p', { dir: 'auto' }, q.text),
    h('p', { class: 'meta' }, `${t(`ui-kind-${q.kind}`)}`, q.level ? ` · ${t(`ui-level-${q.level}`)}` : '', q.tags.length ? ` · ${q.tags.join('، ')}` : '', ' · ', h('span', { class: 'ref' }, `${q.bank}#${q.id}`), q.refs.length ? [' · ', h('span', { class: 'ref' }, q.refs.join(', '))] : ''),
    h('details', {}, h('summary', {}, t('ui-preview')),
      q.options.length ? h('ol', {}, q.options.map((o) => h('li', { dir: 'auto' }, o))) : null,
      q.guidance ? h('p', { dir: 'auto' }, h('strong', {}, `${t('ui-guidance')}: `), q.guidance) : null),
    ed ? h('button', { type: 'button', class: 'small add-use', onclick: add }, t('ui-add-use')) : null,
    holder);
}

function addUse(ed, value, holder) {
  ed.append(ed.questionTarget(), value);
  holder.replaceChildren(h('p', { class: 'notice', role: 'status' }, t('ui-added'), ' ', h('a', { href: `#/edit/${encodeURIComponent(ed.path)}` }, ed.path)));
  announce(t('ui-added'));
}

function pickForm(ed, list, tag, level) {
  const banks = [...new Set(list.map((q) => q.bank))];
  if (banks.length !== 1) return [];
  const count = textField(t('ui-count'), { inputmode: 'numeric', value: '2', id: 'pick-count' });
  const seed = textField(t('ui-seed'), { inputmode: 'numeric', value: String(ed.model.options?.seed ?? 1), id: 'pick-seed' });
  const done = h('div');
  return [h('form', { class: 'card row', onsubmit: (ev) => {
    ev.preventDefault();
    const pick = { from: relPath(ed.path, banks[0]), count: Number(count.input.value) || 1 };
    if (tag) pick.tags = [tag];
    if (level) pick.level = level;
    ed.append(ed.questionTarget(), { pick });
    if (/^\d+$/.test(seed.input.value.trim())) ed.set(['options', 'seed'], Number(seed.input.value.trim()));
    done.replaceChildren(h('p', { class: 'notice', role: 'status' }, t('ui-added')));
  } }, count.el, seed.el, h('button', { type: 'submit' }, t('ui-add-pick')), done)];
}

// ---------------------------------------------------------------- routing
async function route() {
  const hash = decodeURIComponent(location.hash.slice(1) || '/workspace');
  for (const a of document.querySelectorAll('.top nav a')) {
    if (a.getAttribute('href') === `#${hash}`) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  try {
    if (hash.startsWith('/edit/')) await showEditor(hash.slice('/edit/'.length));
    else if (hash === '/import') showImport();
    else if (hash === '/banks') await showBanks();
    else await showWorkspace();
  } catch (e) {
    main.replaceChildren(h('div', { class: 'notice error', role: 'alert' }, e instanceof ApiError ? e.message : String(e)));
  }
  main.focus({ preventScroll: true });
}

async function start() {
  await loadMessages();
  for (const el of document.querySelectorAll('[data-msg]')) el.textContent = t(el.dataset.msg);
  for (const el of document.querySelectorAll('[data-msg-label]')) el.setAttribute('aria-label', t(el.dataset.msgLabel));
  document.title = t('ui-app-name');
  // the token is in a cookie now: keep it out of the address bar and the history
  if (location.search) history.replaceState(null, '', `/${location.hash}`);
  window.addEventListener('hashchange', route);
  await route();
  document.body.dataset.ready = 'true';
}

start();

// Shared helpers of the studio page: the API, the Arabic texts, and building DOM.
let messages = {};

export async function loadMessages() {
  messages = await api('GET', '/api/messages');
}

/** The text of a message, `{name}` placeholders filled. */
export function t(key, params = {}) {
  const s = messages[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (all, k) => (k in params ? String(params[k]) : all));
}

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.message ?? String(status));
    this.status = status;
    this.body = body ?? {};
  }
}

/** A JSON request to the studio server (the token travels in its SameSite=Strict cookie). */
export async function api(method, url, body) {
  const res = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError(res.status, data);
  return data;
}

let uid = 0;
export const nextId = (prefix = 'f') => `${prefix}-${++uid}`;

/** h('div', {class: 'x', onclick: fn}, child, ...) */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k === 'value') el.value = v;
    else if (k === 'checked') el.checked = !!v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export function announce(text) {
  const el = document.getElementById('announce');
  el.textContent = '';
  setTimeout(() => (el.textContent = text), 30);
}

/** A path from `fromFile`'s folder to `toFile` (both workspace-relative, with `/`). */
export function relPath(fromFile, toFile) {
  const from = fromFile.split('/').slice(0, -1);
  const to = toFile.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}

/** `rel` (relative to `fromFile`) as a workspace-relative path. */
export function joinPath(fromFile, rel) {
  const parts = fromFile.split('/').slice(0, -1);
  for (const seg of rel.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/** One problem, as the page shows it (Arabic, with its hint). */
export function diagBox(d, withPlace = false) {
  return h(
    'div',
    { class: `diag ${d.severity === 'error' ? '' : 'warning'}`, role: d.severity === 'error' ? 'alert' : undefined },
    h('strong', {}, `${t(d.severity === 'warning' ? 'ui-warning-label' : d.severity === 'note' ? 'ui-note-label' : 'ui-error-label')}: `),
    h('span', { dir: 'auto' }, d.message),
    d.hint ? h('span', { class: 'hint' }, `${t('ui-hint-label')}: `, h('span', { dir: 'auto' }, d.hint)) : null,
    withPlace && d.file ? h('span', { class: 'where' }, `${d.file}${d.line ? `:${d.line}:${d.col || 1}` : ''}`) : null,
  );
}

export const KINDS = ['open', 'choice', 'scale', 'rank'];
export const LEVELS = ['remember', 'understand', 'apply', 'analyze', 'evaluate', 'create'];

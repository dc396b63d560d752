// The page's copy of the file being edited, as plain data, and the edit
// operations that the server replays on the YAML file itself.
export function getIn(obj, path) {
  let cur = obj;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = cur[k];
  }
  return cur;
}

export function setIn(obj, path, value) {
  let cur = obj;
  path.forEach((k, i) => {
    if (i === path.length - 1) cur[k] = value;
    else {
      if (cur[k] === null || typeof cur[k] !== 'object') cur[k] = typeof path[i + 1] === 'number' ? [] : {};
      cur = cur[k];
    }
  });
}

export function deleteIn(obj, path) {
  const parent = getIn(obj, path.slice(0, -1));
  const k = path[path.length - 1];
  if (Array.isArray(parent) && typeof k === 'number') parent.splice(k, 1);
  else if (parent && typeof parent === 'object') delete parent[k];
}

export function moveIn(obj, path, from, to) {
  const list = getIn(obj, path);
  if (!Array.isArray(list)) return;
  const [x] = list.splice(from, 1);
  list.splice(to, 0, x);
}

const samePath = (a, b) => a.length === b.length && a.every((k, i) => k === b[i]);

/** Edits since the file was loaded; typing in one field keeps one operation. */
export class Ops {
  constructor() {
    this.list = [];
  }
  set(path, value) {
    const last = this.list[this.list.length - 1];
    if (last && last.op === 'set' && samePath(last.path, path) && (typeof value !== 'object' || value === null)) last.value = value;
    else this.list.push({ op: 'set', path, value });
  }
  delete(path) {
    this.list.push({ op: 'delete', path });
  }
  move(path, from, to) {
    this.list.push({ op: 'move', path, from, to });
  }
  get length() {
    return this.list.length;
  }
  clear() {
    this.list = [];
  }
}

// The bundled Handlebars templates (templates/) precompiled to an ES module, for
// the CLI bundle (scripts/bundle.mjs stands it in for src/render/precompiled.ts).
// src/render/templates.ts uses an entry only while the file still holds the
// same text, and compiles with the same options: partials { strict: false },
// the page templates none.
import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';

export function templateFiles(dir) {
  const partials = fs.existsSync(path.join(dir, 'partials')) ? fs.readdirSync(path.join(dir, 'partials')).filter((f) => f.endsWith('.hbs')).map((f) => `partials/${f}`) : [];
  const pages = fs.readdirSync(dir).filter((f) => f.endsWith('.hbs'));
  return [...partials.sort(), ...pages.sort()];
}

/** The module's text: `export const PRECOMPILED = { "partials/x.hbs": { source, options, spec }, … }`. */
export function precompiledModule(dir) {
  const entries = templateFiles(dir).map((rel) => {
    const source = fs.readFileSync(path.join(dir, rel), 'utf8');
    const options = rel.startsWith('partials/') ? { strict: false } : {};
    const written = JSON.stringify(options); // before precompile adds its own defaults to it
    const spec = Handlebars.precompile(source, options);
    return `  ${JSON.stringify(rel)}: { source: ${JSON.stringify(source)}, options: ${written}, spec: ${spec} }`;
  });
  return `export const PRECOMPILED = {\n${entries.join(',\n')}\n};\n`;
}

/** The files of a templates folder: partials/*.hbs, then *.hbs, each sorted. */
export function templateFiles(dir: string): string[];
/** An ES module's text: `export const PRECOMPILED = { … }` (see src/render/precompiled.ts). */
export function precompiledModule(dir: string): string;

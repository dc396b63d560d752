// The bundled templates precompiled to JavaScript. Empty here: the CLI bundle
// (scripts/bundle.mjs) replaces this module with the output of
// scripts/precompile-templates.mjs, so a cold start does not run the
// Handlebars compiler on them. Running from the sources compiles them instead.
import type Handlebars from 'handlebars';

export interface PrecompiledTemplate {
  /** the template text it was compiled from (used only while the file still holds exactly this) */
  source: string;
  /** the compile options it was compiled with */
  options: { strict?: boolean };
  /** Handlebars.precompile's output */
  spec: ReturnType<typeof Handlebars.precompile>;
}

/** by path relative to the bundled templates folder, `/`-separated */
export const PRECOMPILED: Record<string, PrecompiledTemplate> | undefined = undefined;

// The `yaml` package, loaded on first use: the plain reader (yaml-plain.ts)
// reads nearly every file, and `yaml` parses one only when a position is asked
// for or the file leaves the plain subset, so most runs never need its ~200 kB
// of code. Loaded synchronously, since positions are asked for from
// synchronous code. The CLI bundle (scripts/bundle.mjs) stands in its own
// version of this module that loads yaml's ES module build, converted to
// CommonJS beside the chunks.
import { createRequire } from 'node:module';

type Yaml = typeof import('yaml');

let lib: Yaml | undefined;

export const yamlLib = (): Yaml => (lib ??= createRequire(import.meta.url)('yaml') as Yaml);

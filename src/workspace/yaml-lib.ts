// The `yaml` package, for the files the plain reader (yaml-plain.ts) leaves
// to it and for positions in messages. A start-up snapshot (scripts/snapshot.mjs)
// holds it loaded, so it is imported as it is.
import * as yaml from 'yaml';

type Yaml = typeof import('yaml');

export const yamlLib = (): Yaml => yaml;

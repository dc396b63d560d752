// `hiwar` as a process of its own (for what only a process can show: signals,
// exit codes, a closed pipe, two builds at once), started from the CLI bundled
// from the current sources for this run (tests/helpers/compiled-cli.ts).
import path from 'node:path';
import { inject } from 'vitest';

/** The package folder the bundled CLI runs from (bin/hiwar.js, dist/). */
export const hiwarPackage = (): string => inject('hiwarPackage');

/** Arguments for `node` that run `hiwar …args` (through its launcher, as an installed hiwar starts). */
export function hiwarArgs(...args: string[]): string[] {
  return [path.join(hiwarPackage(), 'bin/hiwar.js'), ...args];
}

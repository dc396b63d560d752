/** The stamp's file name, in dist/. */
export const STAMP: string;
/** The hash of what a build of the package at `root` is made from (hex, 16 digits). */
export function sourcesHash(root: string): string;

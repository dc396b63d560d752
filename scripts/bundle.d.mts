/** Write dist/cli/main.js, dist/build/worker.js and dist/snapshot/hiwar.cjs. */
export function bundleAll(dist?: string): Promise<void>;
/** `text` with every character past ASCII written as a `\uXXXX` escape. */
export function asciiOnly(text: string): string;

/** Write dist/cli/main.js, dist/build/worker.js and dist/snapshot/hiwar.cjs. */
export function bundleAll(dist?: string): Promise<void>;

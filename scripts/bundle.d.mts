/** The `yaml` package's ES module build, which the CLI bundle uses. */
export const YAML_ESM: string;
/** Write dist/cli/main.js and dist/build/worker.js. */
export function bundleAll(dist?: string): Promise<void>;

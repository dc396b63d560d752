/** Build dist/snapshot/hiwar.blob and its manifest from the bundle in `dist`; false when Node cannot. */
export function buildSnapshot(dist?: string): Promise<boolean>;

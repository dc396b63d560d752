// A PDF appears complete or not at all: write to a temporary file beside the
// target, then rename over it. A failed build never leaves a partial file and
// never destroys the good PDF that was there.
import fs from 'node:fs';
import path from 'node:path';

let counter = 0;

export function tempPathFor(target: string): string {
  const dir = path.dirname(target);
  return path.join(dir, `.${path.basename(target)}.${process.pid}.${++counter}.tmp`);
}

export async function writeFileAtomic(target: string, data: Uint8Array): Promise<void> {
  const tmp = tempPathFor(target);
  try {
    await fs.promises.writeFile(tmp, data);
    await fs.promises.rename(tmp, target);
  } catch (err) {
    await fs.promises.rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  }
}

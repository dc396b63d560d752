// Equal input, equal bytes: the docx package stamps the file's creation time
// into docProps/core.xml and the current time on every zip entry. Write the
// zip again with a fixed date (entries and their order otherwise unchanged).
import { zipSync, type Unzipped } from 'fflate';

export function fixedZip(files: Unzipped, date: Date): Uint8Array {
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const core = files['docProps/core.xml'];
  if (core) {
    const xml = new TextDecoder().decode(core).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g, `$1${stamp}$2`);
    files['docProps/core.xml'] = new TextEncoder().encode(xml);
  }
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, data]) => [name, [data, { mtime: date }]])), { level: 6 });
}

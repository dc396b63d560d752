// Two things the docx package (9.15) cannot say, added to its output: small,
// exact edits of the packed XML, each with the schema's rules in mind.
import type { Unzipped } from 'fflate';

const decode = (b: Uint8Array) => new TextDecoder().decode(b);
const encode = (s: string) => new TextEncoder().encode(s);

/**
 * Every section right to left (`w:bidi` in each `w:sectPr`): Word then puts a
 * section's page start on the right, as an Arabic handout has it. The package
 * writes no `w:bidi` there; the schema wants it just before `w:docGrid`, which
 * the package writes in every section.
 */
export function rightToLeftSections(files: Unzipped): void {
  const name = 'word/document.xml';
  const xml = decode(files[name]);
  const sections = xml.match(/<w:sectPr[ >]/g)?.length ?? 0;
  const patched = xml.replace(/(<w:sectPr[ >](?:(?!<\/w:sectPr>).)*?)(<w:docGrid)/gs, '$1<w:bidi/>$2');
  if ((patched.match(/<w:bidi\/><w:docGrid/g)?.length ?? 0) !== sections) throw new Error('docx: a section without w:docGrid');
  files[name] = encode(patched);
}

/**
 * A link's relationship id is random in the package (a nanoid per link), so
 * equal input would not give equal bytes: number them in the order they
 * appear instead (rIdLink1, rIdLink2, …), in the part and its relationships.
 */
export function stableLinkIds(files: Unzipped): void {
  for (const rels of Object.keys(files).filter((f) => /^word\/_rels\/[^/]+\.xml\.rels$/.test(f))) {
    const part = rels.replace('_rels/', '').replace(/\.rels$/, '');
    if (!files[part]) continue;
    let relsXml = decode(files[rels]);
    let partXml = decode(files[part]);
    const ids = [...relsXml.matchAll(/<Relationship [^>]*?Id="([^"]+)"[^>]*?relationships\/hyperlink"[^>]*>/g)].map((m) => m[1]);
    // the part's order, so the numbers follow the text
    ids.sort((a, b) => partXml.indexOf(`r:id="${a}"`) - partXml.indexOf(`r:id="${b}"`));
    ids.forEach((id, i) => {
      const fixed = `rIdLink${i + 1}`;
      relsXml = relsXml.replace(`Id="${id}"`, `Id="${fixed}"`);
      partXml = partXml.replaceAll(`r:id="${id}"`, `r:id="${fixed}"`);
    });
    files[rels] = encode(relsXml);
    files[part] = encode(partXml);
  }
}

// Compiles Typst sources to PDF in this process, as one cold Typst run would:
//   node bench/typst-build.mjs OUTDIR FILE.typ…
// (the bench runs it as a fresh process, as it runs hiwar). Typst is the
// @myriaddreamin/typst-ts-node-compiler package (Typst compiled to a Node
// add-on: no network, no system Typst); its fonts are the Amiri files from
// npm (bench/typst-twin.mjs). Prints the total page count as JSON.
import fs from 'node:fs';
import path from 'node:path';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { TWIN_FONTS } from './typst-twin.mjs';

const [outDir, ...files] = process.argv.slice(2);
const compiler = NodeCompiler.create({ workspace: path.dirname(files[0]), fontArgs: [{ fontPaths: TWIN_FONTS }] });
let pages = 0;
for (const file of files) {
  const pdf = compiler.pdf({ mainFileContent: fs.readFileSync(file, 'utf8') });
  fs.writeFileSync(path.join(outDir, path.basename(file, '.typ') + '.pdf'), pdf);
  pages += (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
}
console.log(JSON.stringify({ pages }));
